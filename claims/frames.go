// Direct quotes and the frames that attribute them: '"...," she said',
// 'He said: "..."', transcripts and quotes that run across paragraphs.

package claims

import (
	"sort"
	"strings"
)

// directQuotes attributes each quoted statement to the speaker named in
// the frame after it (`," said Poznikhir.`), before it (`Poznikhir noted,
// "`), in the paragraph before (`The Times reports:`), or to the speaker
// of the quotation it continues.
func (b *builder) directQuotes() {
	d := b.d
	last := -1 // the last direct claim, for quotations that continue it
	for qi := 0; qi < len(d.quotes); qi++ {
		q := d.quotes[qi]
		if d.used[q.open] || d.paras[d.paraOf(q.open)].role != roleBody {
			continue
		}
		if !q.full && !b.shortStatement(q) && !b.digestItem(q) || b.titleQuote(q) {
			continue
		}
		p := pending{kind: Direct, parts: [][2]int{{q.open, q.last + 1}}, inherit: -1}
		if m, cue, end, ok := b.frameAfter(q); ok {
			p.spk, p.cue, p.conf = m, cue, 0.9
			b.markUsed(q.last+1, end)
			// `"A," he said, "B."` and `"A," Lynch said. "B."`
			for qi+1 < len(d.quotes) {
				n := d.quotes[qi+1]
				if !n.full || !b.continues(end, n) || b.runsOn(n) {
					break
				}
				if _, _, _, ok := b.frameAfter(n); ok && d.sentOf(n.open) != d.sentOf(q.last) {
					break
				}
				p.parts = append(p.parts, [2]int{n.open, n.last + 1})
				b.markUsed(end, n.open)
				end = n.last + 1
				qi++
			}
			if part, ok := b.quotedSentence(end, qi); ok {
				p.parts = append(p.parts, part)
				b.markUsed(end, part[0])
				for qi+1 < len(d.quotes) && d.quotes[qi+1].open < part[1] {
					qi++
				}
			}
			last = b.add(p)
			continue
		}
		if m, cue, ok := b.frameBefore(q); ok {
			p.spk, p.cue, p.conf = m, cue, 0.85
			b.markUsed(cue[1], q.open)
			if e := b.runOnEnd(q); e > q.last+1 {
				// `as he puts it, "the best thing we have" is that
				// rates are low.`: the sentence is his to its end.
				p.parts[0][1] = e
			}
			if c, _ := d.cueAt(cue[0]); c.form == formIng {
				// `Hale hit back, saying: "..."`: the subject is shared
				// with the main clause's own claim, so leave it free.
				b.markUsed(cue[0], q.last+1)
				b.claims = append(b.claims, p)
				last = len(b.claims) - 1
				continue
			}
			last = b.add(p)
			continue
		}
		if m, cue, end, ok := b.bracketSource(q.last+1, d.paras[d.paraOf(q.open)].t1); ok && q.close >= 0 {
			p.spk, p.cue, p.conf = m, cue, 0.8
			b.markUsed(q.last+1, end)
			last = b.add(p)
			continue
		}
		pa := d.paraOf(q.open)
		startsSentence := d.sents[d.sentOf(q.open)].t0 == q.open
		if last >= 0 && startsSentence && b.claims[last].kind == Direct {
			lp := d.paraOf(b.claims[last].parts[len(b.claims[last].parts)-1][1] - 1)
			switch {
			case lp == pa && b.claims[last].spk.ok() && d.sentOf(q.open)-d.sentOf(b.claimEnd(last)-1) <= 2 && !b.runsOn(q):
				// `"A," Ostrov said after the meeting. He did not elaborate.
				// "B."`: one attribution in two pieces.
				b.claims[last].parts = append(b.claims[last].parts, [2]int{q.open, q.last + 1})
				b.markUsed(q.open, q.last+1)
				continue
			case q.open == d.paras[pa].t0 && b.lastBodyPara(pa) == lp:
				// A new quotation paragraph right after a quoted one: the same voice.
				if b.quoteGoesOn(last, q) {
					// `"...," he said.` then `"..."` with nothing of the
					// outlet's between: one quotation in two paragraphs.
					b.claims[last].parts = append(b.claims[last].parts, [2]int{q.open, q.last + 1})
					b.markUsed(q.open, q.last+1)
					continue
				}
				p.inherit, p.conf, p.cue = last, 0.45, b.claims[last].cue
				last = b.add(p)
				continue
			}
		}
		if q.words >= 4 && d.sents[d.sentOf(q.open)].t0 == q.open && !b.runsOnToFrame(q) {
			if m, cue, ok := b.prevFrame(q); ok {
				// `Roe "drew well" in 2008, said Saul Voss. "That was
				// more her constituency."`: the speaker of the sentence
				// before, whose claim keeps the frame's words.
				p.spk, p.cue, p.conf = m, cue, 0.6
				b.markUsed(q.open, q.last+1)
				b.claims = append(b.claims, p)
				last = len(b.claims) - 1
				continue
			}
			// Someone's words, but whose the text does not say here.
			p.conf = 0.4
			last = b.add(p)
		}
	}
}

// joinOrphans joins a quotation that found no speaker to the claim that
// ends in the sentence before it, in the same paragraph: `Brill says the
// fund is empty. "We spent it all."` is one attribution in two pieces.
// Reported speech is found after the quotations, so this runs last.
func (b *builder) joinOrphans() {
	d := b.d
	drop := make([]bool, len(b.claims))
	into := make([]int, len(b.claims)) // the claim a dropped one joined
	// speaks reports whether claim i has a cue of saying or telling: a
	// voice that can go on in a quotation.
	speaks := func(i int) bool {
		cue := b.claims[i].cue
		cw, ok := d.cueAt(cue[0])
		return ok && cue[1] > cue[0] && (cw.class == cueSpeech || cw.class == cueTell)
	}
	for k, c := range b.claims {
		if c.kind != Direct || c.spk.ok() || c.inherit >= 0 || c.cue[1] > c.cue[0] {
			continue
		}
		q0 := c.parts[0][0]
		best, be := -1, -1
		for i, p := range b.claims {
			e := p.parts[len(p.parts)-1][1]
			if i == k || drop[i] || !p.spk.ok() || e > q0 || e <= be {
				continue
			}
			best, be = i, e
		}
		if best < 0 {
			continue
		}
		if pa, lb := d.paraOf(q0), d.paraOf(be-1); lb != pa && q0 == d.paras[pa].t0 && b.lastBodyPara(pa) == lb && trimEnd(d, be, d.paras[lb].t1) == be {
			// `Brill says the fund is empty.` then a paragraph of quotation:
			// the same voice, in a claim of its own.
			if speaks(best) {
				b.claims[k].inherit, b.claims[k].conf, b.claims[k].cue = best, 0.45, b.claims[best].cue
			}
			continue
		}
		if d.paraOf(be-1) != d.paraOf(q0) || d.sentOf(q0)-d.sentOf(be-1) > 2 {
			continue
		}
		if b.claimBetween(be, q0) {
			continue // another claim sits between the two
		}
		if qe := c.parts[len(c.parts)-1][1]; d.isPunct(qe-2, ',') {
			continue // `"...," Marsh, his manager, said`: a frame we missed follows
		}
		if !speaks(best) {
			continue // `Sherman wants to ...`: no voice to go on
		}
		p := &b.claims[best]
		p.parts = append(p.parts, c.parts...)
		if p.kind != Direct {
			p.kind = Mixed
		}
		drop[k], into[k] = true, best
	}
	keep := make([]int, len(b.claims))
	var out []pending
	for i, c := range b.claims {
		keep[i] = len(out)
		if !drop[i] {
			out = append(out, c)
		}
	}
	for i := range out {
		if h := out[i].inherit; h >= 0 {
			for drop[h] {
				h = into[h]
			}
			out[i].inherit = keep[h]
		}
	}
	b.claims = out
}

// claimBetween reports whether a claim has a piece within tokens [t0, t1).
func (b *builder) claimBetween(t0, t1 int) bool {
	for _, c := range b.claims {
		for _, r := range c.parts {
			if r[0] < t1 && r[1] > t0 {
				return true
			}
		}
	}
	return false
}

// runsOn reports whether the sentence goes on after quote q in the
// outlet's words ("“You squeezed employees” to drive up the stock price"),
// which makes q a phrase of that sentence rather than a quotation that
// continues an earlier one.
func (b *builder) runsOn(q quote) bool {
	d := b.d
	nx := q.last + 1
	if q.close < 0 || nx >= len(d.toks) || d.paraOf(nx) != d.paraOf(q.last) || d.toks[nx].kind != tWord || d.toks[nx].upper {
		return false
	}
	_, _, _, ok := b.frameAfter(q)
	return !ok
}

// quoteOpening returns the quote whose opening mark is token i.
func (d *doc) quoteOpening(i int) (quote, bool) {
	k := sort.Search(len(d.quotes), func(k int) bool { return d.quotes[k].open >= i })
	if k < len(d.quotes) && d.quotes[k].open == i {
		return d.quotes[k], true
	}
	return quote{}, false
}

// shortStatement reports whether a quote too short to count as full is
// still a statement of its own: `"It's huge," he said.` It must end with
// its own punctuation and stand at the start of its sentence or clause.
func (b *builder) shortStatement(q quote) bool {
	d := b.d
	if q.close < 0 || q.words == 0 || q.close-1 <= q.open {
		return false
	}
	if d.isPunct(q.close-1, '.') && q.open >= 2 && (d.isPunct(q.open-1, ',') || d.isPunct(q.open-1, ':')) {
		// `Crane said, "Probably."`: an answer after a verb of saying.
		c, isCue := d.cueAt(q.open - 2)
		return isCue && c.class == cueSpeech && c.form != formIng
	}
	if !(d.isPunct(q.close-1, ',') || d.isPunct(q.close-1, '?') || d.isPunct(q.close-1, '!')) {
		return false
	}
	p := d.paras[d.paraOf(q.open)]
	if q.open == p.t0 || d.sents[d.sentOf(q.open)].t0 == q.open {
		return true
	}
	prev := d.toks[q.open-1]
	return prev.kind == tPunct && (prev.r == ',' || prev.r == ':' || isDash(d, q.open-1) || prev.r == '-')
}

// lastBodyPara is the body paragraph before p, skipping captions and
// headings that sit between paragraphs of the same story.
func (b *builder) lastBodyPara(p int) int {
	for p--; p >= 0; p-- {
		if b.d.paras[p].role == roleBody {
			return p
		}
	}
	return -1
}

// continues reports whether quote n follows a frame ending at token end
// with nothing but a comma or a sentence break between.
func (b *builder) continues(end int, n quote) bool {
	d := b.d
	if d.paraOf(n.open) != d.paraOf(end-1) {
		return false
	}
	for i := end; i < n.open; i++ {
		t := d.toks[i]
		if t.kind != tPunct || !(t.r == ',' || t.r == '.' || t.r == ';' || t.r == ':' || t.r == '—') {
			return false
		}
	}
	return true
}

// frameAfter matches the attribution that follows a quote up to the end of
// its sentence: `," he said.`, `," said Poznikhir.`, `," Smith, a doctor,
// told reporters on Monday.` It returns the mention, the cue and the end
// of the frame.
func (b *builder) frameAfter(q quote) (m mention, cue [2]int, end int, ok bool) {
	d := b.d
	if q.close < 0 {
		return
	}
	k := q.last + 1
	pa := d.paras[d.paraOf(q.last)]
	if k >= pa.t1 {
		return
	}
	if isDash(d, k) && k+1 < pa.t1 && d.toks[k+1].upper {
		// “...” ― Sonya Herridge
		if s := d.npAfter(k+1, pa.t1); s.ok() && (s.t1 == pa.t1 || d.isPunct(s.t1, ',') || d.isPunct(s.t1, '.') && s.t1+1 == pa.t1) {
			return s, [2]int{k, k + 1}, pa.t1, true
		}
	}
	if d.isPunct(k, ',') || isDash(d, k) {
		if k++; k >= pa.t1 {
			return
		}
	} else if d.toks[k].kind != tWord || d.toks[k].upper && !d.isPunct(q.last-1, ',') && !d.isPunct(q.last-1, '?') && !d.isPunct(q.last-1, '!') {
		// `"..." he said` without a comma still frames; a capital after a
		// full stop starts a new sentence.
		if d.toks[k].kind != tWord || d.isPunct(q.last-1, '.') {
			return
		}
	}
	hi := d.sents[d.sentOf(k)].t1
	if hi > pa.t1 {
		hi = pa.t1
	}
	frameEnd := func(from int) int {
		// adverbials up to the end of the sentence or the next quote
		// Whatever follows up to the end of the sentence describes the
		// speaker or the occasion, unless another quote or a participial
		// attribution starts.
		e := from
		for e < hi && e-from < 60 {
			if d.toks[e].kind == tQuote && d.mark[e] {
				// A title in quotes ("Fox and Friends") belongs to the frame.
				q, ok := d.quoteOpening(e)
				if !ok || q.full || q.close < 0 {
					break
				}
				e = q.last + 1
				if d.isPunct(q.close-1, ',') && e < hi && d.isParticipial(e) {
					return e // `said on "Morning Jo," adding, "..."`
				}
				continue
			}
			if d.isPunct(e, ',') && e+1 < hi && (d.toks[e+1].kind == tQuote || d.isParticipial(e+1) || d.relativeCue(e+1) || d.newAttribution(e+1, hi) || frameTailCue(d, e+1, hi)) {
				return e
			}
			if w := d.word(e); (w == "when" || w == "after" || w == "if") && d.word(e+1) == "asked" {
				return e // `," Nunberg said when asked how ...`: the question is a claim too
			}
			if e > from && frameClause(d, e, hi) {
				return e // `," he said, after the mayor warned that ...`
			}
			if e > from && !d.isPunct(e-1, ',') && (frameTailCue(d, e, hi) || frameParticiple(d, e)) {
				return e // `," she told the paper after hinting that ...`, `," she wrote in a post explaining why ...`
			}
			e++
		}
		if e-from >= 60 {
			// A long tail after the frame is a clause of its own: `," she
			// said months later, and a big reason ...`.
			for c := from; c < e; c++ {
				if d.isPunct(c, ',') && c-from < 20 {
					return c
				}
			}
			return -1
		}
		return e
	}
	// `said Poznikhir`
	if c, isCue := d.cueAt(k); isCue && c.inverts && (c.form == formPast || c.form == formThird) {
		n := d.cueLen(k, c)
		if s := d.npAfter(k+n, hi); s.ok() {
			if e := frameEnd(s.t1); e >= 0 {
				return s, [2]int{k, k + n}, e, true
			}
		}
	}
	// `," according to a court filing.`
	if d.word(k) == "according" && d.word(k+1) == "to" && d.sents[d.sentOf(q.open)].t0 == q.open {
		if s := d.sourceAfter(k+2, hi); s.ok() {
			s.t1 = trimEnd(d, s.t0, s.t1)
			if e := frameEnd(s.t1); e >= 0 {
				return s, [2]int{k, k + 2}, e, true
			}
		}
	}
	// `," read one sign.`, `," reads a Monday editorial.`: a text speaks.
	if readVerb(d.word(k)) && !d.toks[k].upper {
		if s := d.npAfter(k+1, hi); s.ok() {
			if e := frameEnd(s.t1); e >= 0 {
				return s, [2]int{k, k + 1}, e, true
			}
		}
	}
	// `," stated Tom Reed, a clerk.`: a verb of saying the lexicon does
	// not let invert still does so right after a quote, before a name.
	if c, isCue := d.cueAt(k); isCue && !c.inverts && (c.class == cueSpeech || c.class == cueTell) && c.form == formPast && k+1 < hi && d.toks[k+1].upper {
		if s := d.npAfter(k+1, hi); s.ok() && (s.t1 == hi || d.isPunct(s.t1, ',') || d.isPunct(s.t1, '.')) {
			if e := frameEnd(s.t1); e >= 0 {
				return s, [2]int{k, k + 1}, e, true
			}
		}
	}
	// `"This is fantastic!" beamed Ray Hartley of Madison`: a verb in
	// the past tense the lexicon does not know, before a name.
	if w := d.word(k); len(w) > 4 && strings.HasSuffix(w, "ed") && !d.toks[k].upper && !isCueWord(w) && k+1 < hi && d.toks[k+1].kind == tWord && (d.toks[k+1].upper || d.word(k+1) == "the") {
		if s := d.npAfter(k+1, hi); s.ok() {
			if e := frameEnd(s.t1); e >= 0 {
				return s, [2]int{k, k + 1}, e, true
			}
		}
	}
	// `he said`, `Lieutenant-General Viktor Poznikhir of ... said on Wednesday`
	for j := k + 1; j < hi && j-k < 45; j++ {
		if r := relativeAside(d, j, hi); r > j {
			// `," Brill, who has not endorsed anyone, told reporters.`:
			// the relative clause describes the speaker.
			if e := r + 1; e < hi && d.toks[e].kind == tWord {
				if c, isCue := d.cueAt(e); isCue && c.form != formIng && c.class != cueEvidence && (c.class == cueSpeech || c.class == cueTell) {
					if s := d.npAfter(k, j); s.ok() && s.t0 == k && s.t1 == j {
						n := d.cueLen(e, c)
						if fe := frameEnd(e + n); fe >= 0 {
							return mention{k, r}, [2]int{e, e + n}, fe, true
						}
					}
				}
			}
			break
		}
		if readVerb(d.word(j)) && !d.toks[j].upper {
			// `," the statement read.`
			if s, aux := d.subjectBefore(j, k); s.ok() && !aux && s.t0 == k {
				if e := frameEnd(j + 1); e >= 0 {
					return s, [2]int{j, j + 1}, e, true
				}
			}
		}
		c, isCue := d.cueAt(j)
		if !isCue {
			if d.toks[j].kind == tQuote {
				break
			}
			continue
		}
		if c.form == formIng || c.class == cueEvidence {
			break
		}
		s, _ := d.subjectBefore(j, k)
		if !s.ok() {
			break
		}
		if s.t0 > k {
			// "a narrator in the Roe ad asks": the phrase began earlier.
			for x := k; x < s.t0; x++ {
				if d.toks[x].kind != tWord || isCueWord(d.word(x)) || auxiliaries[d.word(x)] || s.t0-k > 6 {
					return
				}
			}
			if !leadingFunction[d.word(k)] {
				s.t0 = k
			}
		}
		n := d.cueLen(j, c)
		e := frameEnd(j + n)
		if e < 0 {
			break
		}
		return s, [2]int{j, j + n}, e, true
	}
	// `," the senator snapped at reporters.`: a subject right after the
	// quote and a past tense the lexicon does not know.
	for j := k + 1; j < hi && j-k < 10 && d.toks[j].kind == tWord; j++ {
		w := d.word(j)
		if len(w) <= 4 || !strings.HasSuffix(w, "ed") || d.toks[j].upper || isCueWord(w) {
			continue
		}
		if s, aux := d.subjectBefore(j, k); s.ok() && !aux && s.t0 == k {
			if e := frameEnd(j + 1); e >= 0 {
				return s, [2]int{j, j + 1}, e, true
			}
		}
		break
	}
	return
}

// frameParticiple reports whether token i, inside a quote's frame with no
// comma before it, starts a participle of saying that is the speaker's
// next claim: `," she wrote in a post explaining why ...`, `," he said,
// also alluding to the party.` A participle of support describes the
// speaker instead: `," said Ed Hart, a former senator supporting Brill.`
func frameParticiple(d *doc, i int) bool {
	c, ok := d.cueAt(i)
	return ok && c.form == formIng && (c.class == cueSpeech || c.class == cueTell || c.class == cueStance) && c.lemma != "according to" && !supportVerb(c.lemma) && (!d.toks[i-1].upper || isWeekday(d.word(i-1)))
}

// readVerb reports whether w is "read" or "reads", which after a quote
// makes a text its speaker: `," the sign read.`
func readVerb(w string) bool {
	return w == "read" || w == "reads"
}

// relativeAside returns the comma that closes a relative clause opening
// at token j, ", who has not endorsed anyone,", or -1.
func relativeAside(d *doc, j, hi int) int {
	if !d.isPunct(j, ',') || d.word(j+1) != "who" {
		return -1
	}
	for c := j + 2; c < hi && c-j < 20; c++ {
		if d.toks[c].kind == tQuote {
			return -1
		}
		if d.isPunct(c, ',') {
			return c
		}
	}
	return -1
}

// frameTailCue reports whether token i, after a quote's frame and a comma,
// opens a participial attribution behind a conjunction: `"It's over," she
// said, before adding that the race goes on.`, `..., while arguing the
// state should pay.`: the frame's speaker says more.
func frameTailCue(d *doc, i, hi int) bool {
	switch d.word(i) {
	case "before", "while", "after", "then", "by", "when":
		return i+1 < hi && d.isParticipial(i+1)
	}
	return false
}

// frameClause reports whether token i opens a subordinate clause with an
// attribution of its own after a quote's frame: `"It's over," she said
// after the mayor warned that the fund is empty.`
func frameClause(d *doc, i, hi int) bool {
	switch d.word(i) {
	case "after", "as", "when", "while", "before", "because", "since":
		return i+1 < hi && d.newAttribution(i+1, hi)
	}
	return false
}

func isDash(d *doc, i int) bool {
	return d.isPunct(i, '—') || d.isPunct(i, '–') || d.isPunct(i, '―')
}

// isParticipial reports whether token i starts a participial attribution:
// "saying", "adding that", "according to".
func (d *doc) isParticipial(i int) bool {
	c, ok := d.cueAt(i)
	return ok && c.form == formIng && (c.class == cueSpeech || c.class == cueTell || c.class == cueStance)
}

// frameBefore matches the attribution that leads into a quote: `Poznikhir
// noted, "`, `Hale said in a statement: "`, `She adds, “`, or a cue ending
// the paragraph before: `The New York Times reports:`.
func (b *builder) frameBefore(q quote) (m mention, cue [2]int, ok bool) {
	d := b.d
	pa := d.paras[d.paraOf(q.open)]
	if q.open > pa.t0 {
		lo := d.sents[d.sentOf(q.open)].t0
		// Only a comma, colon or nothing may sit between the frame and the mark.
		j := q.open - 1
		if d.isPunct(j, ',') || d.isPunct(j, ':') || d.isPunct(j, '—') {
			j--
		}
		for k := j; k >= lo && j-k < 6; k-- {
			if d.toks[k].kind == tQuote || d.used[k] {
				break
			}
			c, isCue := d.cueAt(k)
			if !isCue {
				continue
			}
			if c.lemma == "according to" {
				if s := d.npAfter(k+2, q.open); s.ok() {
					return s, [2]int{k, k + 2}, true
				}
				break
			}
			if c.form == formIng {
				if s, ok := b.participialLeadIn(k, j, lo, c); ok {
					return s, [2]int{k, k + d.cueLen(k, c)}, true
				}
				break
			}
			s, _ := d.subjectBefore(k, lo)
			if !s.ok() {
				break
			}
			if k != j && !d.isPunct(q.open-1, ':') && !d.isPunct(q.open-1, ',') {
				break
			}
			return s, [2]int{k, k + d.cueLen(k, c)}, true
		}
		// `HuffPollster: "..."`: a name and a colon open the quote.
		if c := q.open - 1; d.isPunct(c, ':') && c > lo {
			if s, _ := d.subjectBefore(c, lo); s.ok() && b.labelOpens(s.t0, lo) && !d.used[c] && d.wordCount(s.t0, c) == c-s.t0 {
				return s, [2]int{c, c + 1}, true
			}
		}
		if s, cue, ok := b.saidFirst(q, lo); ok {
			return s, cue, true
		}
		if s, cue, ok := b.asPutIt(q, lo); ok {
			return s, cue, true
		}
		// `O'Malley interjected: "..."`, `a man yelled "Stay there!"`: a
		// verb in the past tense between a subject and the quote is a cue
		// even when the lexicon does not know it.
		v := q.open - 1
		if d.isPunct(v, ':') || d.isPunct(v, ',') {
			v--
		}
		if w := d.word(v); v > lo && len(w) > 4 && strings.HasSuffix(w, "ed") && !d.toks[v].upper && !d.used[v] && !d.inQuote[v] {
			if s, aux := d.subjectBefore(v, lo); s.ok() && !aux && (d.sentenceOpens(s.t0) || d.isPunct(s.t0-1, ',')) {
				return s, [2]int{v, v + 1}, true
			}
		}
		if s, cue, ok := b.colonLeadIn(q, lo); ok {
			return s, cue, true
		}
		return
	}
	// The paragraph before ends with "X says:" or "He added:".
	prev := b.lastBodyPara(d.paraOf(q.open))
	if prev < 0 {
		return
	}
	pp := d.paras[prev]
	if !d.isPunct(pp.t1-1, ':') {
		return
	}
	lo := d.sents[pp.s1-1].t0
	for k := pp.t1 - 2; k >= lo && pp.t1-2-k < 8; k-- {
		if d.used[k] || d.toks[k].kind == tQuote {
			break
		}
		c, isCue := d.cueAt(k)
		if !isCue || c.form == formIng {
			continue
		}
		if s, _ := d.subjectBefore(k, lo); s.ok() {
			b.markUsed(k+1, pp.t1)
			return s, [2]int{k, k + d.cueLen(k, c)}, true
		}
	}
	return
}

// transcript attributes the paragraphs of an interview or a transcript,
// "CLINTON: Honestly, I ..." and "Q: How did ...", to the name before the
// colon: the whole paragraph is what that speaker said.
func (b *builder) transcript() {
	d := b.d
	for p := range d.paras {
		pa := d.paras[p]
		if pa.role != roleBody {
			continue
		}
		if b.leadInPara(p) {
			continue
		}
		c := pa.t0
		for c < pa.t1 && c-pa.t0 < 4 && d.toks[c].kind == tWord && d.toks[c].upper && !d.inQuote[c] {
			c++
		}
		if c == pa.t0 || !d.isPunct(c, ':') || transcriptLabel(d.word(pa.t0)) {
			continue
		}
		end := trimEnd(d, c+1, pa.t1)
		if d.wordCount(c+1, end) < 3 || d.used[c+1] || d.used[end-1] || b.labelList(c+1, end, pa.t1) {
			continue
		}
		b.add(pending{kind: b.kindOf(c+1, end), parts: [][2]int{{c + 1, end}}, spk: mention{pa.t0, c}, cue: [2]int{c, c + 1}, inherit: -1, conf: 0.6})
	}
}

// labelList reports whether the text [a, end) after a "Label:" opening is
// no speech: a list of names ("Iowa: Ann Lee, Bo Park, Cy Ward, Di Fox")
// or a short heading or question without a full stop ("Pell: Just hang
// on", "Q: Does he?").
func (b *builder) labelList(a, end, t1 int) bool {
	d := b.d
	words, caps, commas := 0, 0, 0
	for k := a; k < end; k++ {
		switch {
		case d.isPunct(k, ','):
			commas++
		case d.toks[k].kind == tWord:
			words++
			if d.toks[k].upper {
				caps++
			}
		}
	}
	if commas >= 3 && caps*10 >= words*7 {
		return true
	}
	// A short line that ends without a full stop: a heading, or a quick
	// question in an interview ("Q: Does he?").
	l := t1 - 1
	return words < 6 && !d.isPunct(l, '.') && !d.isPunct(l, '!') && d.toks[l].kind != tQuote
}

// leadInPara attributes a whole paragraph to the cue that ends the
// paragraph before it: "In the text accompanying the video, Wallnau
// wrote:" followed by what he wrote, quoted or not. It reports whether it
// added a claim.
func (b *builder) leadInPara(p int) bool {
	d := b.d
	pa := d.paras[p]
	prev := b.lastBodyPara(p)
	if prev < 0 || prev != p-1 || d.used[pa.t0] || d.toks[pa.t0].kind == tQuote {
		return false
	}
	pp := d.paras[prev]
	if !d.isPunct(pp.t1-1, ':') || d.used[pp.t1-1] {
		return false
	}
	end := trimEnd(d, pa.t0, pa.t1)
	if d.wordCount(pa.t0, end) < 4 {
		return false
	}
	lo := d.sents[pp.s1-1].t0
	for k := pp.t1 - 2; k >= lo && pp.t1-2-k < 8; k-- {
		if d.used[k] || d.toks[k].kind == tQuote {
			return false
		}
		c, isCue := d.cueAt(k)
		if !isCue || c.form == formIng || c.class == cueStance {
			continue
		}
		if s, _ := d.subjectBefore(k, lo); s.ok() {
			b.markUsed(k+1, pp.t1)
			b.add(pending{kind: b.kindOf(pa.t0, end), parts: [][2]int{{pa.t0, end}}, spk: s, cue: [2]int{k, k + d.cueLen(k, c)}, inherit: -1, conf: 0.6})
			return true
		}
	}
	return false
}

// transcriptLabel reports whether w opens a "Label: text" line that is no
// speaker: "Update:", "Photo:", "Related:".
func transcriptLabel(w string) bool {
	switch w {
	case "update", "updated", "note", "editor's", "correction", "related", "photo", "photos", "source",
		"sources", "video", "watch", "read", "listen", "full", "abstract", "clarification", "warning",
		"disclosure", "credit", "image", "caption", "summary", "background", "bottom", "top", "why",
		"what", "how", "when", "where", "who", "the", "a", "an", "here", "this", "that", "and", "but",
		"breaking", "exclusive", "opinion", "analysis", "editorial", "developing", "live", "latest", "contributing":
		return true
	}
	return false
}

// participialLeadIn matches a participle of saying right before quote q,
// whose speaker is the subject of the main clause: `Roe's aide rallied
// supporters, saying: "We have to be ready."`, `Mr. McConnell deflected
// questions before saying, "It's time ..."`. The cue c is at token k and
// j is the token before the quote's punctuation.
func (b *builder) participialLeadIn(k, j, lo int, c cueWord) (mention, bool) {
	d := b.d
	n := d.cueLen(k, c)
	if k+n == j && objectPronoun(d.word(j)) {
		j-- // `before asking her, "..."`
	}
	if k+n-1 != j || k <= lo || !(c.class == cueSpeech || c.class == cueTell) {
		return mention{}, false
	}
	if isCueWord(d.word(k - 1)) {
		// `continued saying "..."`: the main verb frames the quote;
		// reported speech takes the whole.
		return mention{}, false
	}
	// `Nefzi said Mateen did not mingle, adding, "..."`: the speaker of
	// the sentence's first cue, else the subject of its main clause.
	for v := lo; v < k; v++ {
		cv, isCue := d.cueAt(v)
		if !isCue || cv.form == formIng || d.inQuote[v] {
			continue
		}
		if s, _ := d.subjectBefore(v, lo); s.ok() {
			return s, true
		}
	}
	s := b.mainSubject(lo, k)
	if !s.ok() && d.toks[lo].upper && !leadingFunction[d.word(lo)] {
		// `Dean, a former party chairman, poked at Hale, tweeting, "..."`
		if m := d.npAfter(lo, k); m.ok() && d.isPunct(m.t1, ',') {
			s = m
		}
	}
	return s, s.ok()
}

// colonLeadIn matches a clause that a colon ends before quote q, its verb
// unknown to the lexicon or far from the colon: `Roe has since
// apologized for what happened: "..."`, `he returned to his familiar
// lines: "..."`, `When Hale suggested ..., Dunn fired back forcefully:
// "..."`. The subject opens the sentence or its last clause and a verb
// follows it; the predicate up to the colon is the cue.
func (b *builder) colonLeadIn(q quote, lo int) (mention, [2]int, bool) {
	d := b.d
	c := q.open - 1
	if !d.isPunct(c, ':') || !q.full || c-lo > 30 || d.used[c] {
		return mention{}, [2]int{}, false
	}
	if w := d.word(lo); isSubordinator(w) || isPreposition(w) || w == "as" || w == "if" || w == "because" || w == "although" || w == "though" || w == "with" || w == "amid" {
		// The main clause follows the subordinate one: start after
		// the last comma, and after a relative "to which".
		k := c - 1
		for k > lo && !d.isPunct(k, ',') {
			k--
		}
		if k == lo {
			return mention{}, [2]int{}, false
		}
		lo = k + 1
		for lo < c && (d.word(lo) == "to" || d.word(lo) == "which" || d.word(lo) == "and" || d.word(lo) == "but") {
			lo++
		}
	} else if c-lo > 20 {
		return mention{}, [2]int{}, false
	}
	s := b.mainSubject(lo, c)
	if s.t1 == s.t0+1 && isDeterminer(d.word(s.t0)) && s.t1 < c && !d.toks[s.t1].upper && !closedClass[d.word(s.t1)] {
		s.t1++ // "The piece used ...": the determiner's noun
	}
	if !s.ok() || !d.sentenceOpens(s.t0) && s.t0 != lo || s.t1 >= c || d.toks[s.t1].kind != tWord || d.toks[s.t1].upper {
		return mention{}, [2]int{}, false
	}
	for k := lo; k < c; k++ {
		// A clause of reported speech is left to the rules that read it:
		// `Hale noted that ..., and added: "..."`, `Asked which county
		// was his favorite, he ...`.
		if _, isCue := d.cueAt(k); isCue && (d.word(k+1) == "that" || k < s.t1) || d.toks[k].kind == tQuote || d.used[k] {
			return mention{}, [2]int{}, false
		}
	}
	return s, [2]int{s.t1, c + 1}, true
}

// quotedSentence matches the sentence right after a frame ending at token
// end that goes on in the speaker's words with no cue of its own: a
// partial quotation that closes the sentence (`," said Aida. Barrow "kind
// of misspoke."`, `," he said. But "Ray Hale's candidacy is
// strengthened."`) or a quotation that runs on into the outlet's words
// (`," he said. "There are some deniers" of the evidence.`). qi is the
// index of the last quote the claim took. It returns the sentence's range.
func (b *builder) quotedSentence(end, qi int) ([2]int, bool) {
	d := b.d
	if end <= 0 || end >= len(d.toks) || qi+1 >= len(d.quotes) {
		return [2]int{}, false
	}
	si := d.sentOf(end-1) + 1
	if si >= len(d.sents) || d.sents[si].p != d.paraOf(end-1) {
		return [2]int{}, false
	}
	sn := d.sents[si]
	for k := end; k < sn.t0; k++ {
		if d.toks[k].kind != tPunct || d.mark[k] {
			return [2]int{}, false
		}
	}
	n := d.quotes[qi+1]
	if n.open < sn.t0 || n.open >= sn.t1 || n.close < 0 || n.words < 3 || d.used[n.open] {
		return [2]int{}, false
	}
	// Words of the outlet's around the quote: few, no quote, no cue.
	// A verb of saying with a subject of its own opens another claim;
	// other cues ("to support him") are part of the speaker's words.
	plain := func(a, e int) bool {
		if d.wordCount(a, e) > 12 {
			return false
		}
		for k := a; k < e; k++ {
			if d.toks[k].kind == tQuote || d.used[k] {
				return false
			}
			if c, isCue := d.cueAt(k); isCue && (c.class == cueSpeech || c.class == cueTell || k == a) {
				return false
			}
			if c, isCue := d.cueAt(k); isCue && c.form != formIng && c.form != formBase {
				if m, _ := d.subjectBefore(k, a); m.ok() {
					return false
				}
			}
		}
		return true
	}
	stop := d.sents[d.sentOf(n.last)].t1
	if n.open == sn.t0 {
		ce := trimEnd(d, n.last+1, stop)
		if !b.runsOn(n) || ce == n.last+1 || !plain(n.last+1, ce) {
			return [2]int{}, false
		}
		return [2]int{n.open, ce}, true
	}
	if trimEnd(d, n.last+1, stop) != n.last+1 || !plain(sn.t0, n.open) || d.isPunct(n.open-1, ':') {
		// `Moss: "..."` is another speaker's label.
		return [2]int{}, false
	}
	return [2]int{sn.t0, n.last + 1}, true
}

// labelOpens reports whether a name at token i that a colon follows is a
// label of its own: it opens its sentence (`HuffPollster: "..."`), follows
// a dash after a heading (`RED STATES OUTNUMBER BLUE STATES - Jeffrey M.
// Jones: "..."`) or a "from" (`More from the report: "..."`). lo is the
// start of the sentence.
func (b *builder) labelOpens(i, lo int) bool {
	d := b.d
	if d.sentenceOpens(i) {
		return true
	}
	if i-1 < lo {
		return false
	}
	if w := d.word(i - 1); w == "from" {
		return i-2 < lo || d.word(i-2) == "more" && (i-3 < lo || isDash(d, i-3) || d.isPunct(i-3, '-'))
	}
	return isDash(d, i-1) || d.isPunct(i-1, '-') && d.toks[i-1].spaceBefor
}

// saidFirst matches a sentence that opens with an inverted cue and its
// speaker before the quote: `Said Farr, "..."`, `Said Dorothy Poynter,
// who grew up with Ali, "..."`.
func (b *builder) saidFirst(q quote, lo int) (mention, [2]int, bool) {
	d := b.d
	v := lo
	for v < q.open && leadingFunction[d.word(v)] {
		v++
	}
	c, isCue := d.cueAt(v)
	if !isCue || !c.inverts || c.form == formIng || !d.toks[v].upper || !(d.isPunct(q.open-1, ',') || d.isPunct(q.open-1, ':')) {
		return mention{}, [2]int{}, false
	}
	n := d.cueLen(v, c)
	s := d.npAfter(v+n, q.open)
	if !s.ok() || q.open-s.t1 > 15 || !d.isPunct(s.t1, ',') && s.t1 != q.open-1 {
		return mention{}, [2]int{}, false
	}
	for k := s.t1; k < q.open; k++ {
		if _, isCue := d.cueAt(k); isCue || d.toks[k].kind == tQuote || d.used[k] {
			return mention{}, [2]int{}, false
		}
	}
	return s, [2]int{v, v + n}, true
}

// asPutIt matches `as X put it` before a quote: `As The Post's Dana
// Milbank puts it, "..."`, `Or, as Tom Ridge, a former secretary of
// homeland security, put it: "..."`.
func (b *builder) asPutIt(q quote, lo int) (mention, [2]int, bool) {
	d := b.d
	it := q.open - 1
	if d.isPunct(it, ',') || d.isPunct(it, ':') {
		it--
	}
	put := it - 1
	if d.word(it) != "it" || d.word(put) != "put" && d.word(put) != "puts" {
		return mention{}, [2]int{}, false
	}
	for as := put - 1; as >= lo && put-as <= 20; as-- {
		if d.toks[as].kind == tQuote || d.used[as] {
			break
		}
		if d.word(as) != "as" {
			continue
		}
		s := d.npAfter(as+1, put)
		if !s.ok() || s.t1 != put && !(d.isPunct(s.t1, ',') && d.isPunct(put-1, ',')) {
			break
		}
		return s, [2]int{put, it + 1}, true
	}
	return mention{}, [2]int{}, false
}

// bracketSource matches the outlet in brackets that closes a digest item:
// `HEADLINE "Quoted paragraph." [WaPo.]`. k is the token after the quote
// and t1 the end of its paragraph.
func (b *builder) bracketSource(k, t1 int) (mention, [2]int, int, bool) {
	d := b.d
	if !d.isPunct(k, '[') {
		return mention{}, [2]int{}, 0, false
	}
	e := k + 1
	for e < t1 && e-k <= 6 && !d.isPunct(e, ']') {
		if t := d.toks[e]; t.kind == tQuote || t.kind == tWord && !t.upper {
			return mention{}, [2]int{}, 0, false
		}
		e++
	}
	if e >= t1 || !d.isPunct(e, ']') || d.wordCount(k+1, e) == 0 || trimEnd(d, e+1, t1) != e+1 {
		return mention{}, [2]int{}, 0, false
	}
	n := trimEnd(d, k+1, e)
	return mention{k + 1, n}, [2]int{k, e + 1}, e + 1, true
}

// digestItem reports whether quote q is a quoted paragraph after a
// headline in capitals with its outlet in brackets: `HOW CHINA'S DECLINE
// AFFECTS THE WORLD "China's economic slowdown ..." [WaPo.]`.
func (b *builder) digestItem(q quote) bool {
	d := b.d
	if q.close < 0 || q.words < 4 || q.open == 0 || d.toks[q.open-1].kind != tWord {
		return false
	}
	pa := d.paras[d.paraOf(q.open)]
	for k := pa.t0; k < q.open; k++ {
		if t := d.toks[k]; t.kind == tWord && !t.upper || t.kind == tQuote {
			return false
		}
	}
	_, _, _, ok := b.bracketSource(q.last+1, pa.t1)
	return ok
}

// runOnEnd returns the end of the sentence that quote q runs on into
// (`"the best thing we have going for us" is that she's kept rates low.`)
// when the outlet's words there are few and hold no cue or quote, else -1.
func (b *builder) runOnEnd(q quote) int {
	d := b.d
	if !b.runsOn(q) {
		return -1
	}
	// `"Lock her up!" as they had for previous speakers`, `," and shared
	// a link`: a clause of the outlet's own.
	if w := d.word(q.last + 1); w == "and" || w == "but" || w == "or" || w == "as" || isSubordinator(w) || strings.HasSuffix(w, "ly") {
		return -1
	}
	e := trimEnd(d, q.last+1, d.sents[d.sentOf(q.last)].t1)
	if d.wordCount(q.last+1, e) > 15 {
		return -1
	}
	for k := q.last + 1; k < e; k++ {
		if _, isCue := d.cueAt(k); isCue || d.toks[k].kind == tQuote || d.used[k] {
			return -1
		}
	}
	return e
}

// titleQuote reports whether quote q holds a title rather than someone's
// words: a name in title case that the sentence goes on after as a noun
// (`"Orange is the New Black" star Selenis Leyva`, `"Tales From the
// Crypt," an HBO series`), or a paragraph of its own in capitals or
// single marks, the way subheadings quote the story (`“DIVISIVE, STUPID
// AND WRONG”`, `'A healthy environment.'`).
func (b *builder) titleQuote(q quote) bool {
	d := b.d
	if q.close < 0 || q.words == 0 || q.words > 8 {
		return false
	}
	pa := d.paras[d.paraOf(q.open)]
	if q.open == pa.t0 && trimEnd(d, q.last+1, pa.t1) == q.last+1 {
		return q.single || d.allCaps(q.open+1, q.close)
	}
	nx := q.last + 1
	if d.isPunct(nx, ',') {
		nx++
	}
	comma := d.isPunct(q.last+1, ',') || d.isPunct(q.close-1, ',')
	if w := d.word(nx); w == "" || d.toks[nx].upper || comma && !isDeterminer(w) {
		return false
	}
	caps, long := 0, 0
	for k := q.open + 1; k < q.close; k++ {
		t := d.toks[k]
		if t.kind == tPunct && (t.r == '!' || t.r == '?' || t.r == '.') || t.kind == tQuote {
			return false
		}
		if t.kind != tWord || len(d.word(k)) < 4 || k == q.open+1 {
			continue
		}
		long++
		if t.upper {
			caps++
		}
	}
	return long >= 2 && caps == long
}

// allCaps reports whether the words in [a, e) are written in capitals.
func (d *doc) allCaps(a, e int) bool {
	n := 0
	for k := a; k < e; k++ {
		if d.toks[k].kind != tWord {
			continue
		}
		w := d.text[d.toks[k].start:d.toks[k].end]
		if strings.ToUpper(w) != w {
			return false
		}
		n++
	}
	return n > 0
}

// quoteGoesOn reports whether quote q, which opens the paragraph after the
// one claim c ends in, carries on c's quotation: c has a speaker, nothing
// but c's quote and frame ends that paragraph, q fills its own paragraph,
// and q is no line of a transcript ("WALLACE: ...").
func (b *builder) quoteGoesOn(c int, q quote) bool {
	d := b.d
	cl := b.claims[c]
	qp := d.paras[d.paraOf(q.open)]
	if !cl.spk.ok() || q.close < 0 || trimEnd(d, q.last+1, qp.t1) != q.last+1 {
		return false
	}
	if k := q.open + 1; k < q.close && d.toks[k].kind == tWord && d.allCaps(k, k+1) && d.isPunct(k+1, ':') {
		return false
	}
	pe := cl.parts[len(cl.parts)-1][1]
	pp := d.paras[d.paraOf(pe-1)]
	for k := pe; k < pp.t1; k++ {
		if !d.used[k] && d.toks[k].kind != tPunct {
			return false
		}
	}
	return true
}

// prevFrame finds the frame that ends the sentence before quote q in its
// paragraph: `..., said Ohio State professor Saul Voss.` or `..., Brock
// said.` It returns the speaker and the cue.
func (b *builder) prevFrame(q quote) (mention, [2]int, bool) {
	d := b.d
	si := d.sentOf(q.open)
	if si == 0 || d.sents[si-1].p != d.sents[si].p {
		return mention{}, [2]int{}, false
	}
	ps := d.sents[si-1]
	e := trimEnd(d, ps.t0, ps.t1)
	for j := e - 1; j > ps.t0 && e-j <= 12; j-- {
		if d.toks[j].kind == tQuote {
			break
		}
		c, isCue := d.cueAt(j)
		if !isCue || c.form == formIng || !(c.class == cueSpeech || c.class == cueTell) {
			continue
		}
		n := d.cueLen(j, c)
		if c.inverts && (c.form == formPast || c.form == formThird) && (d.isPunct(j-1, ',') || d.toks[j-1].kind == tQuote) {
			// `, said Saul Voss, a professor.`
			if m := d.npAfter(j+n, e); m.ok() && (m.t1 == e || d.isPunct(m.t1, ',')) {
				return m, [2]int{j, j + n}, true
			}
		}
		// `, Brock said in an interview.`
		if m, _ := d.subjectBefore(j, ps.t0); m.ok() && m.t0 > 0 && (d.isPunct(m.t0-1, ',') || d.toks[m.t0-1].kind == tQuote) && d.wordCount(j+n, e) <= 6 {
			return m, [2]int{j, j + n}, true
		}
		break
	}
	return mention{}, [2]int{}, false
}

// runsOnToFrame reports whether quote q runs on into the outlet's words
// and a cue later in the sentence frames the whole: `"I have admiration
// for the mechanics" of the plan, Mr. Holtz-Eakin said.` Reported speech
// reads such a sentence as one claim.
func (b *builder) runsOnToFrame(q quote) bool {
	d := b.d
	if !b.runsOn(q) {
		return false
	}
	for k := q.last + 1; k < d.sents[d.sentOf(q.last)].t1; k++ {
		if d.toks[k].kind == tQuote {
			return false
		}
		if c, isCue := d.cueAt(k); isCue && c.form != formIng && (c.class == cueSpeech || c.class == cueTell) {
			if m, _ := d.subjectBefore(k, q.last+1); m.ok() && d.isPunct(m.t0-1, ',') {
				return true
			}
		}
	}
	return false
}
