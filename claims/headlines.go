// Headlines: who a headline quotes or paraphrases ('Mayor: Bridge Will
// Close', 'Ostrov Says Talks Failed'), and labels that are nobody's words.

package claims

import "strings"

// headlines turns headline and heading lines into claims, attributed when
// the line says who speaks: "Russia says to continue Syria work with US",
// "Reyes: Flowers won't be at debate", "..., Lindsey Grange says."
func (b *builder) headlines() {
	d := b.d
	for p := range d.paras {
		pa := d.paras[p]
		if pa.role != roleHeadline {
			continue
		}
		n := len(b.claims)
		a, end := pa.t0, trimEnd(d, pa.t0, pa.t1)
		if c, label := b.headlineColon(a, end); c > 0 {
			on := headlineOn(d, a, c)
			if label || c-a > 7 && on < 0 {
				a = c + 1
			} else if d.wordCount(c+1, end) >= 2 {
				spk := mention{a, c}
				if on > 0 {
					spk = mention{a, on} // "Ostrov on Climate Change: The Trends Are 'Terrifying.'"
				}
				b.add(pending{kind: Headline, parts: [][2]int{{c + 1, end}}, spk: spk, cue: [2]int{c, c + 1}, inherit: -1, conf: 0.7})
			}
		}
		if len(b.claims) == n {
			b.segment(a, pa.t1, d.sentOf(a))
		}
		if len(b.claims) == n {
			b.headlineInfinitive(a, end)
		}
		if len(b.claims) == n {
			b.headlineSpeakerLast(a, end)
		}
		for k := n; k < len(b.claims); k++ {
			b.headlineTrim(k)
			b.headlineRelative(k)
		}
		for k := n; k < len(b.claims); k++ {
			if sp := b.claims[k].spk; k == len(b.claims)-1 && sp.ok() && headlineContracted(d.text[d.toks[sp.t0].start:d.toks[sp.t1-1].end]) {
				// "If You’re Not Voting for Hale, You’re Voting for
				// Jane": a progressive verb, not a speaker and a cue.
				b.claims = b.claims[:k]
				break
			}
			if c, _ := d.cueAt(b.claims[k].cue[0]); (c.lemma == "expect" || !b.claims[k].spk.ok()) && (c.class == cueBelief || c.class == cueEvidence) {
				// "Cold snap expected across the valley" is no one's belief;
				// "Poll finds Roe ahead" and "Voters prefer Wells" are.
				b.claims = b.claims[:n]
				break
			}
			b.claims[k].kind = Headline
			b.claims[k].conf = 0.8
		}
		if len(b.claims) == n {
			b.add(pending{kind: Headline, parts: [][2]int{{pa.t0, pa.t1}}, inherit: -1, conf: 0.9})
		}
		// A second attributed part of the line belongs to the headline too.
		b.markUsed(pa.t0, pa.t1)
	}
}

// headlineSpeakerLast finds a speaker the speaker rules do not know
// between the headline's last comma and a closing cue: "Wells will back
// Roe, eventually, former rival says", "Internal Hale University
// records must be released, federal judge rules".
func (b *builder) headlineSpeakerLast(a, end int) {
	d := b.d
	q := end - 1
	c, ok := d.cueAt(q)
	if !ok || c.form != formThird && c.form != formPast || c.class != cueSpeech && c.lemma != "rule" && c.lemma != "find" {
		if w := d.word(q); w != "rules" && w != "ruled" {
			return
		}
	}
	for k := q - 1; k > a && q-k <= 4; k-- {
		if d.isPunct(k, ',') {
			if k == q-1 || d.wordCount(a, k) < 3 {
				return
			}
			b.add(pending{kind: b.kindOf(a, k), parts: [][2]int{{a, k}}, spk: mention{k + 1, q}, cue: [2]int{q, q + 1}, inherit: -1, conf: 0.6})
			return
		}
		if d.toks[k].kind != tWord || d.inQuote[k] || isCueWord(d.word(k)) {
			return
		}
	}
}

// headlineInfinitive finds the headline's future tense, a subject and "to"
// with a cue: "AFL-CIO to endorse Roe", "Rep. Welch to back Wells
// for president", "Roe to call for wider efforts to cure Alzheimer's".
func (b *builder) headlineInfinitive(a, end int) {
	d := b.d
	for t := a + 1; t < end && t-a <= 5; t++ {
		w := d.word(t)
		if w == "to" {
			if !(d.toks[a].upper || d.toks[a].digit) || d.toks[t-1].kind != tWord {
				return
			}
			c, ok := d.cueAt(t + 1)
			if d.word(t+1) == "back" {
				c, ok = cueWord{lemma: "back", class: cueStance, form: formBase}, true
			}
			if !ok || c.form != formBase || c.class == cueBelief || c.class == cueEvidence {
				return // "10 Things to Know for Today"
			}
			n := d.cueLen(t+1, c)
			cs := t + 1 + n
			if d.commaIn(cs, end) {
				return // "Ready to back Roe, Ostrov works to unite Dems"
			}
			if w := d.wordCount(cs, end); w < 2 && !(w == 1 && c.class == cueStance) {
				return
			}
			b.add(pending{kind: b.kindOf(cs, end), parts: [][2]int{{cs, end}}, spk: mention{a, t}, cue: [2]int{t, cs}, inherit: -1, conf: 0.6})
			return
		}
		switch {
		case d.isPunct(t, ','), w == "and":
		case d.toks[t].kind != tWord, isCueWord(w):
			return
		case !d.toks[t].upper && !d.toks[t].digit && speakerNouns[w] == "":
			return // "Congress set to dump No Child Left Behind"
		}
	}
}

// headlineTrim cuts the content of headline claim k where the headline
// moves on: at a spaced dash ("Just Said Something About Hale – It Might
// Surprise You"); at a second cue of the same speaker after "and" or a
// comma, which becomes a claim of its own ("Backs Hale And Denounces
// Roe", "slams Hale, praises Roe"); and after a stance verb's
// object, at an adverbial phrase ("Defends Hale Amid Controversies",
// "Endorses Saul Rowe With Hale's Blessing").
func (b *builder) headlineTrim(k int) {
	d := b.d
	p := b.claims[k]
	if len(p.parts) != 1 || p.cue[1] <= p.cue[0] {
		return
	}
	c, ok := d.cueAt(p.cue[0])
	if !ok && d.word(p.cue[0]) == "to" {
		c, ok = d.cueAt(p.cue[0] + 1)
		if d.word(p.cue[0]+1) == "back" {
			c, ok = cueWord{lemma: "back", class: cueStance, form: formBase}, true
		}
	}
	if !ok {
		return
	}
	cs, ce := p.parts[0][0], p.parts[0][1]
	for i := cs + 1; i < ce; i++ {
		if d.inQuote[i] {
			continue
		}
		if isDash(d, i) && d.toks[i].spaceBefor && d.toks[i].spaceAfter {
			b.claims[k].parts[0][1] = trimEnd(d, cs, i)
			return
		}
		if d.toks[i].kind == tPunct && strings.ContainsAny(d.text[d.toks[i].start:d.toks[i].end], ".?!") && i+1 < ce && d.toks[i+1].upper {
			b.claims[k].parts[0][1] = i + 1 // "Confirmed A Judge. Is This Ostrov’s Last One?"
			return
		}
		if d.isPunct(i, ',') && (d.word(i+1) == "but" || b.headlineLead(p.cue[0])) {
			// "May Not Have Suggested A Muslim Registry, But He Fully
			// Supported One"; "As Hale demands wall, smugglers build tunnels".
			b.claims[k].parts[0][1] = i
			return
		}
		if j, n := b.headlineNextCue(i, c); n > 0 && d.wordCount(cs, i) >= 1 {
			b.claims[k].parts[0][1] = i
			if d.wordCount(j+n, ce) >= 1 {
				b.claims = append(b.claims, pending{kind: b.kindOf(j+n, ce), parts: [][2]int{{j + n, ce}}, spk: p.spk, cue: [2]int{j, j + n}, inherit: k, conf: p.conf})
			}
			return
		}
		if c.class == cueStance {
			switch d.word(i) {
			case "amid", "with", "despite", "during", "while", "as", "but", "at", "after":
				if d.word(i) == "as" && pronouns[d.word(i+1)] == "" {
					continue // "praises Roe as 'work horse'": the label stays
				}
				b.claims[k].parts[0][1] = i
				return
			}
		}
	}
	// The content may already end at the comma: "slams Hale, praises Roe".
	pa := d.paras[d.paraOf(cs)]
	if end := trimEnd(d, pa.t0, pa.t1); ce < end {
		if j, n := b.headlineNextCue(ce, c); n > 0 && !d.used[j] && d.wordCount(j+n, end) >= 1 {
			b.claims = append(b.claims, pending{kind: b.kindOf(j+n, end), parts: [][2]int{{j + n, end}}, spk: p.spk, cue: [2]int{j, j + n}, inherit: k, conf: p.conf})
			b.markUsed(j, end)
		}
	}
}

// headlineRelative ends the content of headline claim k, whose speaker is
// a relative pronoun, where the main clause's verb comes back: "Hale tweet
// that blasts Roe includes Star of David shape" keeps "Roe";
// "Actor Who Endorsed Ed Pell Just Called Jane ..." keeps "Ed Pell".
func (b *builder) headlineRelative(k int) {
	d := b.d
	p := b.claims[k]
	if len(p.parts) != 1 || p.spk.t1 != p.spk.t0+1 {
		return
	}
	switch d.word(p.spk.t0) {
	case "who", "that", "which":
	default:
		return
	}
	if c, ok := d.cueAt(p.cue[0]); !ok || c.class != cueStance {
		return // "... who says he is honored": a clause follows
	}
	cs, ce := p.parts[0][0], p.parts[0][1]
	for i := cs + 1; i < ce; i++ {
		if d.inQuote[i] || d.toks[i].kind != tWord {
			continue
		}
		if _, ok := d.cueAt(i); ok || isCueWord(d.word(i)) || headlineMainVerbs[d.word(i)] {
			b.claims[k].parts[0][1] = trimEnd(d, cs, i)
			return
		}
	}
}

// headlineMainVerbs are verbs that, after a relative clause in a headline,
// start the main clause again: "... that blasts Roe includes ...".
var headlineMainVerbs = map[string]bool{
	"just": true, "includes": true, "is": true, "was": true, "has": true, "gets": true, "got": true,
	"makes": true, "made": true, "wins": true, "won": true, "faces": true, "takes": true, "took": true,
}

// headlineLead reports whether the cue at token i sits in a subordinate
// clause that opens the headline: "As Hale demands wall, ...", "After
// Roe wins Iowa, ...".
func (b *builder) headlineLead(i int) bool {
	d := b.d
	a := d.paras[d.paraOf(i)].t0
	switch d.word(a) {
	case "as", "after", "when", "while", "before", "if", "once":
	default:
		return false
	}
	for k := a + 1; k < i; k++ {
		if d.toks[k].kind != tWord {
			return false
		}
	}
	return true
}

// headlineNextCue reports a second cue of the form of c joined at token i
// by a comma or "and": ", praises", "And Denounces", ", then takes". It
// returns the cue's first token and length, or a length of 0.
func (b *builder) headlineNextCue(i int, c cueWord) (int, int) {
	d := b.d
	if !d.isPunct(i, ',') && d.word(i) != "and" || d.inQuote[i] {
		return 0, 0
	}
	j := i + 1
	if d.word(j) == "and" || d.word(j) == "then" || d.word(j) == "also" {
		j++
	}
	nc, ok := d.cueAt(j)
	if !ok || nc.form != c.form || nc.form != formThird && nc.form != formPast {
		return 0, 0
	}
	return j, d.cueLen(j, nc)
}

// headlineColon finds "Speaker: statement" at the start of a headline and
// returns the colon's token, or -1. label reports a prefix that names a
// section or teases rather than speaks: "The Latest: ...", "Breaking: ...",
// "FIX IS IN: ...". A speaker is capitalised words, possibly with speaker
// nouns and linking words in lower case: "Roe camp: ...", "WSJ
// editorial: ...", "Former AG Mukasey at RNC: ...".
func (b *builder) headlineColon(a, end int) (c int, label bool) {
	d := b.d
	for c = a; c < end && (c-a <= 8 || c-a <= 12 && headlineOn(d, a, c) > 0); c++ {
		if d.isPunct(c, ':') {
			if c == a || !d.toks[a].upper || d.word(a) == "a" || d.word(a) == "an" {
				return -1, false // "A Curious Plan to Fight Climate Change: ..." describes
			}
			caps, labels := true, true
			for k := a; k < c; k++ {
				t := d.toks[k]
				if t.kind == tQuote && k > a && !t.spaceBefor && strings.HasSuffix(d.word(k-1), "s") {
					continue // "Democrats' new warning: ..."
				}
				if t.kind != tWord {
					return -1, false
				}
				w := d.word(k)
				if !t.upper && w != "of" && !(k > a && colonSpeakerWord(w)) {
					return -1, false
				}
				labels = labels && headlineLabels[w]
				caps = caps && strings.ToUpper(d.text[t.start:t.end]) == d.text[t.start:t.end]
			}
			// "Breitbart News Daily: ...", "Delegate Update: ..." name a column.
			column := d.word(c-1) == "daily" || d.word(c-1) == "update"
			label = labels || column || caps && d.wordCount(a, c) >= 2 || d.word(a) == "the" && d.word(a+1) == "latest" && c == a+2
			return c, label
		}
		if d.toks[c].kind != tWord && !(d.toks[c].kind == tQuote && c > a && !d.toks[c].spaceBefor) {
			return -1, false
		}
	}
	return -1, false
}

// headlineContracted reports a speaker that is a pronoun with a contracted
// verb: "You’re", "She’s".
func headlineContracted(s string) bool {
	switch strings.ToLower(strings.ReplaceAll(s, "’", "'")) {
	case "you're", "she's", "he's", "they're", "we're", "it's", "i'm":
		return true
	}
	return false
}

// headlineOn returns the token of "on" after a speaker of one to three
// capitalised words at the start of a headline's colon prefix [a, c), or
// -1: "Gillibrand on Jane Releasing Her Goldman Sachs Speech
// Transcripts: ...", "CNN President On Hale: ...".
func headlineOn(d *doc, a, c int) int {
	for k := a + 1; k < c && k-a <= 3; k++ {
		if d.word(k) == "on" {
			return k
		}
		if d.toks[k].kind != tWord || !d.toks[k].upper {
			return -1
		}
	}
	return -1
}

// colonSpeakerWord reports whether a lower-case word may stand in the
// speaker before a headline's colon: "Roe camp", "IG report",
// "Roe to Planned Parenthood".
func colonSpeakerWord(w string) bool {
	switch w {
	case "camp", "editorial", "warning", "reaction", "at", "to", "on":
		return true
	}
	return speakerNouns[w] != ""
}

// headlineLabels are the words of headline prefixes that name a section or
// tease the story: "Breaking: ...", "Wow: ...", "Just Leaked: ...".
var headlineLabels = map[string]bool{
	"breaking": true, "exclusive": true, "wow": true, "boom": true, "look": true, "watch": true,
	"revealed": true, "bombshell": true, "busted": true, "byline": true, "just": true, "leaked": true,
	"in": true, "update": true, "updated": true, "video": true, "photos": true, "live": true,
	"developing": true, "urgent": true, "alert": true, "flashback": true, "exposed": true,
	"must": true, "see": true, "news": true, "editorial": true, "opinion": true, "analysis": true,
	"paid": true, "notice": true, "whoa": true, "ouch": true, "listen": true,
}
