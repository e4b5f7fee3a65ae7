package claims

import (
	"slices"
	"sort"
	"strings"
)

// ExtractorVersion names the rules that produced a set of drafts; it changes
// whenever Extract's output for some text changes.
const ExtractorVersion = "rules-6"

// Extract finds the claims in an article's text: quotations and reported
// statements with their speakers and cues, the outlet's own assertions,
// the headline and photo captions. Site furniture (breadcrumbs, share
// buttons, alternate addresses) yields nothing. Extract is pure: the same
// text always gives the same drafts, in text order, with spans into text.
func Extract(text string) []Draft {
	d := newDoc(text) // normalise, split paragraphs and sentences
	classifyParagraphs(d)
	findQuotes(d)
	b := builder{d: d}
	b.directQuotes()   // "...," he said.
	b.transcript()     // CLINTON: ...
	b.reportedSpeech() // X said that ...; ..., saying ...; according to X, ...
	b.joinOrphans()    // X says Y. "Z." is one claim
	b.headlines()
	b.outletOwn() // captions and assertions
	return b.drafts(newResolver(d))
}

// doc is one text under analysis: its tokens, paragraphs, sentences and
// quotes, and which tokens claims have taken so far.
type doc struct {
	text    string
	norm    string // text with ASCII lower-cased: the view lexicons match against
	toks    []tok
	paras   []para
	sents   []sent
	quotes  []quote
	inQuote []bool // token lies between a quote's marks
	mark    []bool // token is the opening or closing mark of a quote (not an apostrophe)
	used    []bool // token belongs to a claim's content, cue or speaker
}

func newDoc(text string) *doc {
	d := &doc{text: text, norm: normalise(text)}
	d.toks, d.paras = splitParagraphs(text, d.norm, make([]tok, 0, len(text)/4+1), nil)
	for p := range d.paras {
		d.sents = splitSentences(text, d.toks, p, &d.paras[p], d.sents)
	}
	n := len(d.toks)
	flags := make([]bool, 3*n)
	d.inQuote, d.used, d.mark = flags[:n:n], flags[n:2*n:2*n], flags[2*n:]
	return d
}

// word is the matching form of token i, or "" when it is not a word.
func (d *doc) word(i int) string {
	if i < 0 || i >= len(d.toks) || d.toks[i].kind != tWord {
		return ""
	}
	return d.toks[i].key
}

func (d *doc) isPunct(i int, r rune) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].kind == tPunct && d.toks[i].r == r
}

func (d *doc) paraOf(i int) int {
	return sort.Search(len(d.paras), func(p int) bool { return d.paras[p].t1 > i })
}

// tokenAt is the index of the token that starts at or after byte off.
func (d *doc) tokenAt(off int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].start >= off })
}

func (d *doc) sentOf(i int) int {
	return sort.Search(len(d.sents), func(s int) bool { return d.sents[s].t1 > i })
}

func (d *doc) wordCount(t0, t1 int) int {
	n := 0
	for i := t0; i < t1; i++ {
		if d.toks[i].kind == tWord {
			n++
		}
	}
	return n
}

func (d *doc) hasWord(t0, t1 int, w string) bool {
	for i := t0; i < t1; i++ {
		if d.word(i) == w {
			return true
		}
	}
	return false
}

func (d *doc) hasQuote(t0, t1 int) bool {
	for i := t0; i < t1; i++ {
		if d.toks[i].kind == tQuote {
			return true
		}
	}
	return false
}

// joinWords returns the text of tokens [s, e) with runs of white space
// (no-break spaces included) made single spaces: a name fit for display.
func (d *doc) joinWords(s, e int) string {
	var b strings.Builder
	for k := s; k < e; k++ {
		t := d.toks[k]
		if k > s && t.spaceBefor {
			b.WriteByte(' ')
		}
		b.WriteString(d.text[t.start:t.end])
	}
	return b.String()
}

// joinWordsPlain is joinWords without possessive endings: "Russian army's
// general staff" -> "Russian army general staff".
func (d *doc) joinWordsPlain(s, e int) string {
	var b strings.Builder
	for k := s; k < e; k++ {
		t := d.toks[k]
		if k > s && t.spaceBefor {
			b.WriteByte(' ')
		}
		w := d.text[t.start:t.end]
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		b.WriteString(w)
	}
	return b.String()
}

// isCueWord reports whether w (lower case) is any form of a cue verb.
func isCueWord(w string) bool {
	c, ok := cueWords[w]
	return ok && c.lemma != "take aim" || w == "according" // "took" is mostly no cue
}

// cueAt reports whether token i is a cue and returns it; cueLen says how
// many tokens the cue takes.
func (d *doc) cueAt(i int) (cueWord, bool) {
	w := d.word(i)
	if w == "" || d.inQuote[i] {
		return cueWord{}, false
	}
	if w == "according" {
		if d.word(i+1) == "to" {
			return cueWord{lemma: "according to", class: cueSpeech, form: formIng}, true
		}
		return cueWord{}, false
	}
	c, ok := cueWords[w]
	if !ok {
		return cueWord{}, false
	}
	// A capitalised cue inside a body sentence is part of a name: "United
	// States", "Plans Committee". Headlines capitalise every word.
	if d.toks[i].upper && i > 0 && d.toks[i-1].kind == tWord && d.toks[i-1].upper {
		if p := d.paraOf(i); d.paras[p].role == roleBody {
			return cueWord{}, false
		}
	}
	if c.lemma == "take aim" && (d.word(i+1) != "aim" || d.word(i+2) != "at") {
		return cueWord{}, false // "took aim at", not "took office"
	}
	if c.lemma == "push" && d.word(i+1) == "back" && (d.word(i+2) == "against" || d.word(i+2) == "on") {
		// "She has pushed back against accusations of sexism"
		return cueWord{lemma: "push back", class: cueStance, form: c.form}, true
	}
	if c.lemma == "vote" && c.form == formPast && d.word(i+1) == "to" && d.bareVerb(i+2) {
		return c, true // "the council voted to close the pier": what it backed
	}
	if c.lemma == "go on" && (c.form == formPast || c.form == formThird) && d.word(i+1) == "after" {
		// "Hale went after Roe for ...": an attack, not a time
		return cueWord{lemma: "go after", class: cueStance, form: c.form}, true
	}
	if ps := cueParticles[c.lemma]; ps != nil && !slices.Contains(ps, d.word(i+1)) && !d.adverbParticle(i, c.lemma, ps) {
		return cueWord{}, false
	}
	if (c.lemma == "maintain" || c.lemma == "rule" || c.lemma == "find" && c.form == formBase) && d.word(i+1) != "that" {
		return cueWord{}, false // "maintained a lead", "find a way", "reports of": no statement
	}
	if c.lemma == "report" && c.form == formThird && d.word(i+1) != "that" && !d.reportsVerb(i) {
		return cueWord{}, false // "reports of", "news reports say": a noun
	}
	if c.lemma == "continue" && c.form == formThird && d.word(i+1) == "to" && !isCueWord(d.word(i+2)) && !d.isPunct(i-1, ',') {
		return cueWord{}, false // "continues to insist", not "continues to grow"
	}
	if c.lemma == "read" && !d.isPunct(i+1, ':') && !(i+1 < len(d.toks) && d.toks[i+1].kind == tQuote) && !d.isPunct(i-1, ',') {
		return cueWord{}, false // `the sign reads: "..."`, `," reads the sign`, not "reads books"
	}
	if c.form == formAdjective && d.word(i+1) != "that" && !(c.lemma == "eager" && d.word(i+1) == "to") && cueParticles[c.lemma] == nil {
		return cueWord{}, false // "confident that", not "a confident speech"
	}
	if c.lemma == "pledge" && (d.word(i+1) == "delegates" || d.word(i+1) == "delegate") {
		return cueWord{}, false // "271 pledged delegates": an adjective
	}
	if c.lemma == "aim" && d.word(i+1) != "to" {
		return cueWord{}, false // "aims to shape the party", not "aimed at voters"
	}
	if c.lemma == "appear" && d.word(i+1) != "to" && d.word(i+1) != "that" && !(d.word(i+1) == "as" && d.word(i+2) == "if") {
		return cueWord{}, false // "appeared to back down", not "appeared on Fox News"
	}
	if (c.lemma == "cast" || c.lemma == "paint" || c.lemma == "frame" || c.lemma == "characterize" || c.lemma == "position") && !d.seeAs(i) {
		return cueWord{}, false // "cast him as a liberal", not "cast a ballot"
	}
	if c.lemma == "see" && c.form != formThird && !d.seeAs(i) && !d.seePresent(i, c) {
		return cueWord{}, false // "Democrats see Wells as a threat", not "saw a rally"
	}
	if c.lemma == "make clear" && d.word(i+1) != "clear" && !(d.word(i+1) == "it" && d.word(i+2) == "clear") {
		if n := d.makeStatement(i); n > 0 {
			cl := cueStance // "made no mention of Mrs. Roe": its object
			if d.word(i+n) == "that" {
				cl = cueSpeech // "made the case that ...": a clause
			}
			return cueWord{lemma: "make a statement", class: cl, form: c.form}, true
		}
		return cueWord{}, false // "made it clear that", not "made a deal"
	}
	if c.lemma == "put it" && !(d.isPunct(i+2, ',') || d.isPunct(i+2, ':') || i+2 < len(d.toks) && d.toks[i+2].kind == tQuote) {
		return cueWord{}, false // "As Smith put it, ...", not "put it on the table"
	}
	if c.lemma == "call" && d.whatBefore(i) >= 0 {
		return c, true // "what economists call spending"
	}
	if c.lemma == "call" && (c.form == formBase || c.form == formThird || c.form == formIng && !d.isPunct(i-1, ',')) && d.word(i+1) != "for" && d.word(i+1) != "on" &&
		!(i+1 < len(d.toks) && d.toks[i+1].kind == tWord && (objectPronoun(d.word(i+1)) || reflexive(d.word(i+1)) || d.word(i+1) == "it" || d.word(i+1) == "this" || d.toks[i+1].upper && !d.toks[i].upper)) &&
		!d.callsLabel(i) {
		// "Wells calls Roe unqualified", "Others call it the nerd prom"
		return cueWord{}, false // "calls" and "call" are nouns unless "calls for"
	}
	if c.lemma == "call" && c.form == formPast {
		if n := d.word(i + 1); n == "into" || n == "in" || n == "off" || n == "up" {
			return cueWord{}, false // "called into a radio program", "called off the vote"
		}
		if n := d.word(i + 1); n == "a" || n == "an" {
			for k := i + 2; k < len(d.toks) && k < i+5 && d.toks[k].kind == tWord; k++ {
				switch d.word(k) {
				case "meeting", "vote", "election", "hearing", "conference", "strike", "halt", "recess", "session", "summit", "referendum", "timeout":
					return cueWord{}, false // "called an emergency meeting": convened, not labelled
				}
			}
		}
		if i+1 < len(d.toks) && d.toks[i+1].upper && i > 1 && d.toks[i-1].kind == tWord && !d.toks[i-1].upper && !objectPronoun(d.word(i-1)) && pronouns[d.word(i-1)] == "" &&
			(speakerNouns[d.word(i-1)] == "" || speakerNouns[d.word(i-1)] == Organisation) {
			// "a mountain stream called Miracle Run", "a firm called
			// Cambridge Analytica": a name, not a label someone pinned on
			// it. "A spokesman called Hale ..." still labels.
			for k := i - 2; k >= 0 && i-k < 5 && d.toks[k].kind == tWord; k-- {
				if w := d.word(k); w == "a" || w == "an" {
					return cueWord{}, false
				}
			}
		}
	}
	return c, true
}

// supportVerb reports whether a stance cue states support or opposition,
// which its participle keeps after a noun: "the super PAC backing Moss",
// "voters opposing the deal".
func supportVerb(lemma string) bool {
	switch lemma {
	case "support", "back", "oppose", "endorse", "favor":
		return true
	}
	return false
}

// whatBefore returns the "what" that opens the clause of the verb at i,
// "what it calls", "what Bay Buchanan, a Reagan aide, called", or -1.
func (d *doc) whatBefore(i int) int {
	for k := i - 1; k >= 0 && i-k <= 12; k-- {
		t := d.toks[k]
		if t.kind == tQuote || t.kind == tPunct && t.r != ',' && t.r != '.' && t.r != '-' {
			return -1
		}
		switch t.key {
		case "what":
			if k < i-1 && t.kind == tWord {
				return k
			}
			return -1
		case "that", "which", "who", "and", "but", "is", "was", "are", "were":
			return -1
		}
	}
	return -1
}

// reportsVerb reports whether "reports" at token i is a verb: it closes
// the sentence after its source (", the Sample Wire reports.") or a name
// precedes it and a clause or object follows ("Breitbart reports the
// ...").
func (d *doc) reportsVerb(i int) bool {
	if d.isPunct(i+1, '.') || d.isPunct(i+1, ',') {
		return i > 0 && d.toks[i-1].kind == tWord
	}
	switch d.word(i + 1) {
	case "", "of", "about", "on", "from", "in", "by", "over", "at", "to", "say", "said", "says", "suggest", "suggested", "indicate", "indicated", "show", "showed", "have", "had", "were", "are", "and", "or", "claim", "claimed":
		return false
	}
	return i > 0 && d.toks[i-1].kind == tWord && d.toks[i-1].upper
}

// seePresent reports whether a base "see" is a present-tense verb of
// judgement after its plural subject: "rivals see opening in New
// Hampshire", "Investors see about a one-in-five chance", not "to see",
// "can see", "you see".
func (d *doc) seePresent(i int, c cueWord) bool {
	if c.form != formBase || i == 0 || d.toks[i-1].kind != tWord {
		return false
	}
	switch d.word(i - 1) {
	case "to", "can", "could", "will", "would", "may", "might", "should", "must", "do", "does", "did", "not", "never", "let", "you", "i", "we", "cannot", "and", "or", "shall", "wait", "come", "go", "see", "didn't", "don't", "doesn't", "can't", "won't", "wouldn't":
		return false
	}
	n := d.word(i + 1)
	return n != "" && n != "if" && n != "whether" && n != "how" && n != "what" && n != "why" && n != "who" && n != "it" && n != "you" && n != "me" && n != "him" && n != "her" && n != "them" && n != "us"
}

// makeStatement returns how many tokens the statement that "made" at
// token i introduces takes, up to and including the preposition that
// opens its topic, or 0: "made no mention of", "made the case for",
// "has made several controversial statements on", "made the point that"
// (the "that" is left to the content).
func (d *doc) makeStatement(i int) int {
	for k := i + 1; k < len(d.toks) && k <= i+4 && d.toks[k].kind == tWord; k++ {
		if !makeNouns[d.word(k)] {
			continue
		}
		switch d.word(k + 1) {
		case "of", "about", "for", "on", "against", "to":
			return k + 2 - i
		case "that":
			return k + 1 - i
		}
		return 0
	}
	return 0
}

// makeNouns are the statements one makes: "made no mention of".
var makeNouns = map[string]bool{
	"mention": true, "case": true, "point": true, "secret": true, "comments": true, "comment": true,
	"statement": true, "statements": true, "remarks": true, "argument": true, "claim": true, "claims": true,
	"allegations": true, "accusations": true, "charges": true, "observation": true, "pitch": true, "plea": true,
	"apologies": true, "reference": true, "references": true, "attack": true, "attacks": true,
}

// reflexive reports whether w is a reflexive pronoun: "more call
// themselves conservative".
func reflexive(w string) bool {
	switch w {
	case "himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself":
		return true
	}
	return false
}

// callsLabel reports whether the "call" at token i pins a quoted label on
// an object: "Gowdy's office calls the whole thing "an attack"", "calls
// ISIS violence 'genocide'" in a headline.
func (d *doc) callsLabel(i int) bool {
	if d.word(i+1) == "" {
		return false
	}
	for k := i + 2; k < len(d.toks) && k-i <= 8; k++ {
		t := d.toks[k]
		if t.kind == tQuote {
			return k > i+2
		}
		if t.kind == tPunct && t.r != '-' && t.r != '\'' {
			return false
		}
	}
	return false
}

// adverbParticle reports whether an adverb in -ly separates the cue at
// token i from its particle: "spoke highly of", "talked openly about",
// "pushed hard for".
func (d *doc) adverbParticle(i int, lemma string, ps []string) bool {
	if lemma == "focus" || lemma == "go on" {
		return false // "focused heavily on the economy": a topic, not a stance
	}
	a := d.word(i + 1)
	return (strings.HasSuffix(a, "ly") || a == "hard" || a == "out") && len(a) > 3 && slices.Contains(ps, d.word(i+2))
}

// seeAs reports whether the "see" at token i judges its object: an "as"
// follows the object within the clause.
func (d *doc) seeAs(i int) bool {
	if d.word(i+1) == "as" || d.word(i+1) == "fit" {
		return false
	}
	for k := i + 2; k < len(d.toks) && k-i <= 12; k++ {
		t := d.toks[k]
		if t.kind == tPunct && t.r != '-' && t.r != '\'' {
			return false
		}
		if d.word(k) == "as" {
			return true
		}
	}
	return false
}

func (d *doc) cueLen(i int, c cueWord) int {
	if ps := cueParticles[c.lemma]; ps != nil && d.adverbParticle(i, c.lemma, ps) {
		return 3 // "spoke highly of"
	}
	if c.lemma == "vote" && d.word(i+1) == "to" {
		return 1 // "voted to close the pier": the infinitive is the content
	}
	if c.lemma == "according to" || cueParticles[c.lemma] != nil {
		return 2
	}
	if c.lemma == "call" && (d.word(i+1) == "for" || d.word(i+1) == "on") {
		return 2 // "called for", "called on"
	}
	if c.lemma == "make a statement" {
		return d.makeStatement(i)
	}
	if c.lemma == "take aim" || c.lemma == "push back" {
		return 3 // "took aim at", "pushed back against"
	}
	if c.lemma == "go after" {
		return 2
	}
	if c.lemma == "make clear" {
		if d.word(i+1) == "it" {
			return 3
		}
		return 2
	}
	return 1
}

// cueParticles are the words some cues need after them: "point out" or
// "point to", "refer to", "talk about", "rail against", "sided with",
// "brushed off".
var cueParticles = map[string][]string{
	"point":      {"out", "to"},
	"refer":      {"to"},
	"talk":       {"about", "of"},
	"speak":      {"about", "of", "out"},
	"rail":       {"against"},
	"push":       {"for"},
	"focus":      {"on"},
	"vote":       {"for", "against"},
	"lay out":    {"out"},
	"lash out":   {"out"},
	"weigh in":   {"in"},
	"go on":      {"on"},
	"put it":     {"it"},
	"allude":     {"to"},
	"side":       {"with", "against"},
	"balk":       {"at"},
	"spar":       {"with", "over"},
	"brush":      {"off", "aside"},
	"apologize":  {"for", "to"},
	"critical":   {"of"},
	"skeptical":  {"of"},
	"wary":       {"of"},
	"supportive": {"of"},
}

// pending is a claim being built: token ranges until drafts() turns it
// into byte spans and resolves its speaker.
type pending struct {
	kind    Kind
	parts   [][2]int // token ranges of the content's pieces
	spk     mention
	cue     [2]int // token range; empty when there is no cue
	inherit int    // index of the claim whose speaker this one shares, or -1
	conf    float64
}

type builder struct {
	d      *doc
	claims []pending
}

func (b *builder) add(p pending) int {
	d := b.d
	for _, r := range p.parts {
		for i := r[0]; i < r[1]; i++ {
			d.used[i] = true
		}
	}
	for i := p.spk.t0; i < p.spk.t1; i++ {
		d.used[i] = true
	}
	for i := p.cue[0]; i < p.cue[1]; i++ {
		d.used[i] = true
	}
	b.claims = append(b.claims, p)
	return len(b.claims) - 1
}

func (b *builder) markUsed(t0, t1 int) {
	for i := t0; i < t1; i++ {
		b.d.used[i] = true
	}
}

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
			if cw, ok := d.cueAt(b.claims[best].cue[0]); ok && b.claims[best].cue[1] > b.claims[best].cue[0] && (cw.class == cueSpeech || cw.class == cueTell) {
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
		if cw, ok := d.cueAt(b.claims[best].cue[0]); !ok || b.claims[best].cue[1] <= b.claims[best].cue[0] || cw.class != cueSpeech && cw.class != cueTell {
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

// reportedSpeech finds indirect and mixed claims in what direct quotes left
// of each body sentence.
func (b *builder) reportedSpeech() {
	d := b.d
	for si, s := range d.sents {
		if d.paras[s.p].role != roleBody {
			continue
		}
		for a := s.t0; a < s.t1; {
			if d.used[a] {
				a++
				continue
			}
			e := a
			for e < s.t1 && !d.used[e] {
				e++
			}
			b.segment(a, e, si)
			a = e
		}
	}
}

// segment finds the claims in tokens [a, e) of sentence si.
func (b *builder) segment(a, e, si int) {
	d := b.d
	end := trimEnd(d, a, e)
	if d.isPunct(a, '(') && end-1 > a && d.isPunct(end-1, ')') {
		// "(The French are big fans of the show, Mr. Madden said.)": an
		// aside in brackets is a sentence like any other.
		a, end = a+1, trimEnd(d, a+1, end-1)
	}
	if d.wordCount(a, end) < 3 {
		return
	}
	start := a
	start = b.askedOrPoll(a, end, e)
	if start == a {
		start = b.reportedly(a, end)
	}
	// "According to X, CONTENT"
	if d.word(a) == "according" && d.word(a+1) == "to" {
		if m := d.sourceAfter(a+2, end); m.ok() && d.isPunct(m.t1, ',') {
			ce := b.contentEnd(m.t1+1, end)
			if d.wordCount(m.t1+1, ce) >= 2 {
				b.add(pending{kind: b.kindOf(m.t1+1, ce), parts: [][2]int{{m.t1 + 1, ce}}, spk: m, cue: [2]int{a, a + 2}, inherit: -1, conf: 0.85})
				start = ce
			}
		}
	}
	if start == a {
		// "CONTENT in a CNN national poll."
		if j := d.trailingPoll(a, end); j >= 0 {
			b.add(pending{kind: b.kindOf(a, j), parts: [][2]int{{a, j}}, spk: mention{j + 1, end}, cue: [2]int{j, j + 1}, inherit: -1, conf: 0.5})
			return
		}
	}
	// "The plan, he said, is dead.": content on both sides of the frame.
	if start == a {
		start = b.midFrame(a, end)
	}
	// "CONTENT, he said." and "CONTENT, said Poznikhir."
	if start == a {
		for c := a + 2; c < end; c++ {
			if !d.isPunct(c, ',') {
				continue
			}
			k := c + 1
			if d.inQuote[c] {
				// American style puts the comma inside the quote: 'modestly,' agency says
				if k >= end || d.toks[k].kind != tQuote || d.inQuote[k] {
					continue
				}
				k++
			}
			m, cue, fe, ok := b.tailFrame(k, end)
			if !ok || d.wordCount(a, c) < 3 || !d.hasVerb(a, c) {
				continue
			}
			if b.hasForwardCue(a, c) {
				break
			}
			if cw, ok := d.cueAt(a); ok && cw.form == formIng {
				break // "Citing a theory, Hale accused Pell": a participial opening
			}
			ca := a
			for ca < c && leadingFunction[d.word(ca)] && d.toks[ca].upper && d.word(ca) != "i" && !isPreposition(d.word(ca)) && !isSubordinator(d.word(ca)) && !closedClass[d.word(ca)] || d.word(ca) == "but" || d.word(ca) == "and" {
				ca++ // "But the economy is strong, he said": the content starts after "But"
			}
			ce := c
			if k > c+1 {
				ce = k // keep the closing mark with the content
			}
			b.add(pending{kind: b.kindOf(ca, ce), parts: [][2]int{{ca, ce}}, spk: m, cue: cue, inherit: -1, conf: 0.8})
			start = fe
			break
		}
	}
	acc := d.trailingAccording(start, end)
	for j := start; j < end; j++ {
		if d.inQuote[j] || d.used[j] {
			continue
		}
		if m, prep := d.stanceNounOwner(j, start); m.ok() && (acc < 0 || j >= acc) {
			// "his support for the bill", "Hale's attacks on the judge"
			m = b.possessor(m, start)
			cs := j + 2
			ce := d.stanceObjectEnd(cs, d.phraseEnd(cs, b.contentEnd(cs, end)))
			if w := d.wordCount(cs, ce); w >= 1 && w <= 12 {
				b.add(pending{kind: b.kindOf(cs, ce), parts: [][2]int{{cs, ce}}, spk: m, cue: [2]int{j, j + 1 + prep}, inherit: -1, conf: 0.5})
				j = ce - 1
				start = ce
				continue
			}
		}
		if m := d.nounCueOwner(j, start); m.ok() && (acc < 0 || j >= acc) {
			// "Hale's claim that ...", "his insistence that ..."
			m = b.possessor(m, start)
			cs := j + 1
			ce := b.contentEnd(cs, end)
			if d.word(cs) == "to" {
				ce = d.stanceObjectEnd(cs, ce) // "his promise to build a wall were about more than immigration"
			}
			if d.wordCount(cs, ce) >= 3 {
				b.add(pending{kind: b.kindOf(cs, ce), parts: [][2]int{{cs, ce}}, spk: m, cue: [2]int{j, j + 1}, inherit: -1, conf: 0.6})
				j = ce - 1
				start = ce
				continue
			}
		}
		if m, cs, ok := d.bareNounCue(j, start, end); ok && (acc < 0 || j >= acc) {
			// "Despite complaints that they distort democracy",
			// "criticism from rivals that the tenor of his campaign ..."
			ce := d.openingEnd(start, j, cs, b.contentEnd(cs, end))
			if d.wordCount(cs, ce) >= 3 {
				b.add(pending{kind: b.kindOf(cs, ce), parts: [][2]int{{cs, ce}}, spk: m, cue: [2]int{j, j + 1}, inherit: -1, conf: 0.4})
				j = ce - 1
				start = ce
				continue
			}
		}
		if acc < 0 || j >= acc {
			// "The meeting was first reported by Politico."
			if ce := b.passiveBy(j, start, end); ce > j {
				j = ce - 1
				start = ce
				continue
			}
		}
		c, ok := d.cueAt(j)
		if !ok {
			continue
		}
		n := d.cueLen(j, c)
		switch {
		case c.lemma == "according to" && j > a && (d.isPunct(j-1, ',') || isDash(d, j-1) || d.commaQuote(j-1) || d.toks[j-1].kind == tWord && !d.toks[j].upper):
			// "CONTENT, according to X." (the comma is sometimes left out,
			// or inside a closing quote: `became “the high point,”
			// according to Mr. Rhodes`)
			m := d.sourceAfter(j+2, end)
			ce := j
			if d.toks[j-1].kind == tPunct {
				ce = j - 1
			}
			if !m.ok() || d.wordCount(start, ce) < 2 {
				continue
			}
			b.add(pending{kind: b.kindOf(start, ce), parts: [][2]int{{start, ce}}, spk: m, cue: [2]int{j, j + 2}, inherit: -1, conf: 0.8})
			j = m.t1 - 1
			start = m.t1
			continue
		case c.form == formIng && b.participleLead(j, a) && c.class != cueEvidence && c.lemma != "continue":
			if k := len(b.claims); b.participial(j, n, a, e, si) {
				j = max(j, b.claimEnd(k)-1)
				start = j + 1
			}
			continue
		}
		if c.lemma == "according to" {
			continue // "according to" names a source after it, never a subject before it
		}
		if c.lemma == "ask" && c.form == formPast && j > a {
			switch d.word(j - 1) {
			case "when", "if", "after", "once", "as", "while", "before":
				// "..., he said when asked whether he would run": the
				// question is reported, attributed to no one.
				if ce := b.askedClause(j, end); ce > j {
					j = ce - 1
					start = ce
					continue
				}
			}
		}
		if c.lemma == "expect" && c.form == formPast {
			if ce := b.expectedClause(j, start, end); ce > j {
				j = ce - 1
				start = ce
				continue
			}
		}
		if acc >= 0 && j < acc {
			continue // "X declined to renew the offer, according to Y": all of it is Y's
		}
		if c.form == formIng && (c.class != cueEvidence || pollNouns[d.word(j-1)]) && c.lemma != "continue" {
			// "Hale issued a statement saying that ...": the statement
			// speaks for whoever issued it.
			if m := b.documentSubject(j, start); m.ok() {
				cs := b.contentStart(c, j+n, end)
				ce := b.contentEnd(cs, end)
				if c.class == cueStance || c.class == cueEvidence || c.class == cueBelief && d.word(cs) == "to" {
					ce = d.phraseEnd(cs, ce)
				}
				if d.wordCount(cs, ce) >= 2 {
					b.add(pending{kind: b.kindOf(cs, ce), parts: [][2]int{{cs, ce}}, spk: m, cue: [2]int{j, j + n}, inherit: -1, conf: 0.6})
					j = ce - 1
					start = ce
					continue
				}
			}
		}
		if c.form == formIng && c.class != cueEvidence && c.lemma != "continue" {
			// "..., with the American Federation of Teachers calling her
			// the champion": a participle with a subject of its own.
			if m, aux := d.subjectBefore(j, start); m.ok() && (m.t0-1 >= start && (d.word(m.t0-1) == "with" || d.word(m.t0-1) == "and" && (d.isPunct(m.t0-2, ',') || isDash(d, m.t0-2))) || c.class == cueStance && !aux && m.t1 == j && supportVerb(c.lemma)) {
				if _, pro := pronouns[d.word(m.t0)]; !pro {
					cs := b.contentStart(c, j+n, end)
					ce := b.contentEnd(cs, end)
					if c.class == cueStance || c.class == cueBelief && d.word(cs) == "to" {
						ce = d.phraseEnd(cs, ce)
					}
					if d.wordCount(cs, ce) >= 1 {
						b.add(pending{kind: b.kindOf(cs, ce), parts: [][2]int{{cs, ce}}, spk: m, cue: [2]int{j, j + n}, inherit: -1, conf: 0.6})
						j = ce - 1
						if d.word(m.t0-1) == "with" || d.word(m.t0-1) == "and" {
							start = ce
						} // else "One pastor supporting Mr. Pell, Darran Whiting, said": still the subject of a verb to come
						continue
					}
				}
			}
		}
		inherit := -1
		m, aux := d.subjectBefore(j, start)
		if p := m.t0 - 1; m.ok() && p-1 >= a && d.toks[p-1].kind == tWord {
			// "The super PAC backing Jed Moss said": the name is the
			// object of the participle; the subject is the PAC.
			if pc, ok := d.cueAt(p); ok && pc.form == formIng && supportVerb(pc.lemma) {
				if h := d.npStart(p-1, a); h < p-1 || d.toks[p-1].upper || speakerNouns[d.word(p-1)] != "" {
					m = mention{h, p}
				}
			}
		}
		if m.ok() && m.t0 > a && (isPreposition(d.word(m.t0-1)) || d.word(m.t0-1) == "over") {
			// "Some voters who have listened to him over the decades said":
			// the phrase after a preposition is no subject.
			if r := d.relativeSubject(j, a); r.ok() {
				m = r
			}
		}
		if m.ok() && c.form == formThird && d.adjectiveOwner(m) {
			continue // "his sweeping plans", "her own views": a noun, not a verb
		}
		switch {
		case m.ok():
			if !formFits(d, c, aux, m, j) {
				if !fallbackCue(c) {
					continue
				}
				if m = d.clauseSubject(j, start); !m.ok() {
					continue
				}
			}
		case d.relativeCue(a) && j <= a+4 && len(b.claims) > 0 && b.claimEnd(len(b.claims)-1) <= a && d.sentOf(b.claimEnd(len(b.claims)-1)-1) == si:
			// `"...," said Alan Berger, a doctor, who said he is ...`: the
			// frame's speaker says more.
			k := len(b.claims) - 1
			inherit, m = k, b.claims[k].spk
		case j-1 >= a && d.afterConjunction(j) && d.coordinatedCue(j):
			// "said A and warned B", "FBI officials were angered by the
			// deal and predicted ...": the subject of the clause before.
			if k := len(b.claims) - 1; k >= 0 && b.claimEnd(k) >= a && d.sentOf(b.claimEnd(k)-1) == si {
				inherit, m = k, b.claims[k].spk
			} else if m = b.mainSubject(start, j); !m.ok() {
				continue
			}
		case c.class != cueStance && c.class != cueEvidence:
			// "Some voters who have listened to his speeches said ..."
			if m = d.relativeSubject(j, a); !m.ok() || !formFits(d, c, d.auxBefore(j), m, j) {
				m = mention{}
				if d.word(j+1) == "that" && d.thatClauseSubject(j+2) && c.form != formParticiple {
					// "Even the mayor's allies concede that the plan failed",
					// "Ms. Reyes continued to insist that ...", "she has since
					// stressed that ...": a cue before a that-clause is an
					// attribution when its subject is found.
					m = b.thatClauseSpeaker(start, j)
				}
				if !m.ok() {
					if !fallbackCue(c) {
						continue
					}
					if m = d.clauseSubject(j, start); !m.ok() {
						continue
					}
				}
			}
		case d.word(j+1) == "that" && d.thatClauseSubject(j+2) && c.form != formPast && c.form != formParticiple:
			// "Ms. Reyes needed to show that she could run the board": an
			// evidence or stance cue before a that-clause, with the
			// subject of the verb that governs it.
			if m = b.thatClauseSpeaker(start, j); !m.ok() {
				continue
			}
		default:
			continue
		}
		cs := b.contentStart(c, j+n, end)
		ce := b.contentEnd(cs, end)
		if c.class == cueStance || c.class == cueBelief && d.word(cs) == "to" {
			ce = d.phraseEnd(cs, ce)
		}
		if m.t1-m.t0 == 1 && d.word(m.t0) == "who" && d.isPunct(m.t0-1, ',') {
			ce = d.relativeClauseEnd(cs, ce)
		}
		if q, ok := d.quoteOpening(cs); ok && q.close > q.open+1 && q.last+1 < ce &&
			(d.isPunct(q.close-1, '?') || d.isPunct(q.close-1, '!') || d.isPunct(q.close-1, '.') || d.isPunct(q.close-1, ',')) {
			// `chanted "What curfew?" and kept going`: the quotation is
			// what was said; the rest is the outlet's.
			ce = q.last + 1
		}
		if w := d.wordCount(cs, ce); w < 2 && !(w == 1 && c.class == cueStance) {
			continue // "endorses Roe" is enough; "said Monday" is not
		}
		if w := d.word(cs); (c.class == cueSpeech || c.class == cueTell) && (w == "in" || w == "at" || w == "during" || w == "via" || w == "on" && (c.lemma == "say" || c.lemma == "tell" || c.lemma == "add")) && ce == end && d.adverbialTail(cs, cs, ce) {
			continue // "Mr. Weiner wrote in his memo": where, not what
		}
		if ce == end {
			ce = b.quoteRunsOn(cs, ce)
		}
		conf := 0.75
		switch c.class {
		case cueBelief, cueEvidence:
			conf = 0.55
		case cueStance:
			conf = 0.5
		}
		if w := d.whatBefore(j); c.lemma == "call" && w >= 0 && inherit < 0 && m.t0 == w+1 {
			// "building what it calls “psychographic” profiles": the label is
			// the speaker's; "what" stands for the thing labelled.
			b.add(pending{kind: b.kindOf(cs, ce), parts: [][2]int{{w, w + 1}, {cs, ce}}, spk: m, cue: [2]int{j, j + n}, inherit: -1, conf: 0.5})
			j = ce - 1
			start = ce
			continue
		}
		if (c.lemma == "seem" || c.lemma == "appear") && inherit < 0 && m.t1 <= j {
			// "The music seemed to match the mood": an impression with no
			// one to hold it; what seems is the whole clause, its subject
			// and what follows the cue ("it seems that" has no subject).
			parts := [][2]int{{m.t0, m.t1}, {cs, ce}}
			if w := d.word(m.t0); m.t1-m.t0 == 1 && (w == "it" || w == "there") {
				parts = parts[1:]
			}
			b.add(pending{kind: b.kindOf(cs, ce), parts: parts, cue: [2]int{j, j + n}, inherit: -1, conf: 0.45})
			j = ce - 1
			start = ce
			continue
		}
		if inherit >= 0 {
			b.claims = append(b.claims, pending{kind: b.kindOf(cs, ce), parts: [][2]int{{cs, ce}}, spk: m, cue: [2]int{j, j + n}, inherit: inherit, conf: conf - 0.1})
			b.markUsed(j, ce)
		} else {
			parts := [][2]int{{cs, ce}}
			if h, t := d.relativeHead(m, a, cs); h >= 0 {
				// "the employees they thought were the best fit": what was
				// thought is about the noun the clause hangs on.
				parts = [][2]int{{h, t}, {cs, ce}}
			} else if r := m.t0 - 1; r >= a && r < m.t1 && (d.word(r) == "which" || d.word(r) == "whom") && !d.used[r] &&
				!isPreposition(d.word(r-1)) && d.word(r-1) != "by" && d.word(r-1) != "for" && d.word(cs) != "that" {
				// "the vote, which he said was a mistake": the relative
				// pronoun stands for what was said.
				parts = [][2]int{{r, r + 1}, {cs, ce}}
			} else if r := m.t0 - 1; r > a && d.word(r) == "that" && !d.used[r] && d.subjectless(cs) && d.toks[r-1].kind == tWord && !d.toks[r-1].upper &&
				!closedClass[d.word(r-1)] && !isCueWord(d.word(r-1)) && !auxiliaries[d.word(r-1)] && !statementNouns[d.word(r-1)] && !strings.HasSuffix(d.word(r-1), "ly") {
				// "a job that many economists say is the future": "that"
				// stands for what was said.
				parts = [][2]int{{r, r + 1}, {cs, ce}}
			}
			b.add(pending{kind: b.kindOf(cs, ce), parts: parts, spk: m, cue: [2]int{j, j + n}, inherit: -1, conf: conf})
		}
		j = ce - 1
		start = ce
	}
}

// relativeClauseEnd ends the content of a cue inside a ", who" clause at
// the comma that closes the clause, when the main verb follows it: "Mara
// Quill, who thinks the tax is unfair, called it a mistake".
func (d *doc) relativeClauseEnd(cs, ce int) int {
	for k := cs; k+1 < ce; k++ {
		if d.inQuote[k] || !d.isPunct(k, ',') {
			continue
		}
		if c, ok := d.cueAt(k + 1); ok && (c.form == formPast || c.form == formThird) && !d.toks[k+1].upper {
			return k
		}
	}
	return ce
}

// relativeHead returns the noun phrase [h, t) that a relative clause
// without a pronoun (or with "that") hangs on, when the content at cs has
// no subject of its own: "a defeat Ostrov believes to be the worst", "the
// employees they thought were the best fit". It returns -1 when there is
// none.
func (d *doc) relativeHead(m mention, a, cs int) (int, int) {
	if !d.subjectless(cs) {
		return -1, -1
	}
	if w := d.word(m.t0); m.t1-m.t0 == 1 && (w == "who" || w == "that" || w == "which") {
		return -1, -1 // "a candidate who hopes to win": the relative is the subject
	}
	p := m.t0 - 1
	if p < a || d.toks[p].kind != tWord || d.used[p] || d.inQuote[p] || d.toks[p].digit {
		return -1, -1
	}
	if w := d.word(p); closedClass[w] || isCueWord(w) || auxiliaries[w] || isDeterminer(w) || pronouns[w] != "" || objectPronoun(w) {
		return -1, -1
	}
	for h := p; h >= a && p-h < 6; h-- {
		tk := d.toks[h]
		if tk.kind != tWord || d.used[h] || d.inQuote[h] {
			return -1, -1
		}
		w := d.word(h)
		if isDeterminer(w) || w == "something" || w == "anything" || w == "everything" {
			return h, m.t0
		}
		if closedClass[w] && w != "of" || isCueWord(w) || auxiliaries[w] {
			return -1, -1
		}
	}
	return -1, -1
}

// adjectiveOwner reports whether mention m is a possessive and an
// adjective, "his sweeping", "her own", so that a plural noun follows it
// rather than a verb.
func (d *doc) adjectiveOwner(m mention) bool {
	if m.t1-m.t0 < 2 || m.t1-m.t0 > 3 || !possessivePronoun(d.word(m.t0)) {
		return false
	}
	l := m.t1 - 1
	if d.toks[l].kind != tWord || d.toks[l].upper {
		return false
	}
	w := d.word(l)
	if w == "own" {
		return true
	}
	for _, suf := range []string{"ing", "ous", "ive", "ical", "ful", "less", "ent"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// subjectless reports whether content starting at cs has no subject of
// its own: "to be the worst", "were the best fit".
func (d *doc) subjectless(cs int) bool {
	switch w := d.word(cs); {
	case w == "to" && cs+1 < len(d.toks) && d.toks[cs+1].kind == tWord && !d.toks[cs+1].upper && !isDeterminer(d.word(cs+1)):
		return true
	case auxiliaries[w] && w != "not" && w != "never" && w != "being" && w != "been":
		return true
	}
	return false
}

// statementNouns are nouns that report what someone said or holds when a
// "that" clause follows them: "his claim that", "Hale's warning that".
var statementNouns = map[string]bool{
	"claim": true, "claims": true, "assertion": true, "argument": true, "belief": true, "suggestion": true,
	"contention": true, "insistence": true, "allegation": true, "allegations": true, "warning": true,
	"promise": true, "pledge": true, "statement": true, "remark": true, "comments": true, "accusation": true,
	"charge": true, "view": true, "prediction": true, "complaint": true, "admission": true, "boast": true,
}

// intentNouns are nouns that report a commitment when an infinitive
// follows them: "his promise to build a wall", "Hale's hopes to win".
var intentNouns = map[string]bool{
	"promise": true, "promises": true, "pledge": true, "pledges": true, "vow": true, "vows": true,
	"hopes": true, "threat": true, "threats": true,
}

// bareVerb reports whether token i can be the verb of an infinitive:
// "promise to build", not "threat to Eastern Europe" or "threat to the
// party".
func (d *doc) bareVerb(i int) bool {
	if i >= len(d.toks) || d.toks[i].kind != tWord || d.toks[i].upper {
		return false
	}
	w := d.word(i)
	return !closedClass[w] && !possessivePronoun(w) && w != "the" && w != "a" && w != "an"
}

// nounCueOwner returns the possessor of a statement noun at token i that a
// "that" clause follows, "his" in "his claim that", or no mention.
func (d *doc) nounCueOwner(i, lo int) mention {
	if i-1 < lo || !(statementNouns[d.word(i)] && d.word(i+1) == "that" || intentNouns[d.word(i)] && d.word(i+1) == "to" && d.bareVerb(i+2)) {
		return mention{}
	}
	p := d.word(i - 1)
	switch p {
	case "his", "her", "their", "its", "my", "our":
		return mention{i - 1, i}
	}
	if !strings.HasSuffix(p, "'s") || !d.toks[i-1].upper {
		return mention{}
	}
	return mention{d.npStart(i-1, lo), i}
}

// bareNouns are nouns that report what was said when a "that" clause
// follows them with no possessor: "complaints that", "speculation that".
var bareNouns = map[string]bool{
	"complaints": true, "allegations": true, "allegation": true, "rumors": true, "rumours": true,
	"speculation": true, "criticism": true, "suggestions": true, "warnings": true, "accusations": true,
	"claims": true, "assertions": true, "charges": true, "reports": true, "fears": true, "concerns": true,
}

// bareNounCue reads a statement noun at token i with no possessor that a
// "that" clause follows, directly or after its source: "complaints that
// they distort democracy", "criticism from rivals that ...". It returns
// the source after "from" or "by", if any, and where the content starts.
func (d *doc) bareNounCue(i, lo, hi int) (mention, int, bool) {
	if !bareNouns[d.word(i)] && (!statementNouns[d.word(i)] || d.word(i) == "claim") || i-1 >= lo && (strings.HasSuffix(d.word(i-1), "'s") || possessivePronoun(d.word(i-1))) {
		return mention{}, 0, false
	}
	if i-1 >= lo {
		// "used to boast that", "will pledge that": a verb, not a noun.
		if p := d.word(i - 1); (p == "to" || auxiliaries[p]) && !strings.HasSuffix(d.word(i), "s") {
			return mention{}, 0, false
		}
	}
	var m mention
	k := i + 1
	if w := d.word(k); w == "from" || w == "by" {
		e := k + 1
		for e < hi && e-k <= 8 && d.toks[e].kind == tWord && !d.inQuote[e] && d.word(e) != "that" {
			e++
		}
		if d.word(e) != "that" || e == k+1 {
			return mention{}, 0, false
		}
		m, k = mention{k + 1, e}, e
	}
	if d.word(k) != "that" || !d.thatClauseSubject(k+1) {
		return mention{}, 0, false
	}
	return m, k, true
}

// openingEnd ends content [cs, ce) of a noun cue at token i at the first
// comma when the noun sits in a phrase that opens the sentence at lo:
// "Despite complaints that they distort democracy, the superdelegates
// ..." reports only "that they distort democracy".
func (d *doc) openingEnd(lo, i, cs, ce int) int {
	if i-lo > 4 || !isPreposition(d.word(lo)) && !isSubordinator(d.word(lo)) {
		return ce
	}
	for j := cs + 1; j < ce; j++ {
		if d.isPunct(j, ',') && !d.inQuote[j] {
			return j
		}
	}
	return ce
}

func possessivePronoun(w string) bool {
	switch w {
	case "his", "her", "their", "its", "my", "our", "your":
		return true
	}
	return false
}

// thatClauseSubject reports whether token i can open the subject of a clause,
// so that the "that" before it is a conjunction and not a relative
// pronoun: "claims that the vote was rigged", not "claims that were
// false".
func (d *doc) thatClauseSubject(i int) bool {
	if i >= len(d.toks) || d.toks[i].kind != tWord {
		return false
	}
	if d.toks[i].upper {
		return true
	}
	switch d.word(i) {
	case "the", "a", "an", "he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its",
		"there", "this", "these", "those", "some", "many", "most", "no", "none", "all", "our", "my":
		return true
	}
	return false
}

// possessor turns a possessive pronoun owning a noun cue into the subject
// of its clause when there is one: in "Pell reboots his attacks on Hale"
// the speaker is Pell.
func (b *builder) possessor(m mention, lo int) mention {
	if m.t1-m.t0 != 1 || strings.HasSuffix(b.d.word(m.t0), "'s") {
		return m
	}
	if s := b.mainSubject(lo, m.t0); s.ok() && s.t1 <= m.t0 {
		return s
	}
	return m
}

// stanceNouns are nouns of support and opposition with the preposition
// that takes their object: "support for", "criticism of".
var stanceNouns = map[string]string{
	"support": "for", "opposition": "to", "criticism": "of", "attacks": "on", "attack": "on",
	"endorsement": "of", "praise": "for", "defense": "of", "defence": "of", "rejection": "of",
	"condemnation": "of", "backing": "of", "critique": "of", "criticisms": "of", "embrace": "of",
}

// stanceNounOwner returns the possessor of a stance noun at token i that
// its preposition follows, "his" in "his support for", and 1 for the
// preposition the cue takes, or no mention.
func (d *doc) stanceNounOwner(i, lo int) (mention, int) {
	prep, ok := stanceNouns[d.word(i)]
	if !ok || d.word(i+1) != prep || i-1 < lo {
		return mention{}, 0
	}
	switch d.word(i - 1) {
	case "his", "her", "their", "its", "my", "our":
		return mention{i - 1, i}, 1
	}
	if p := d.word(i - 1); !strings.HasSuffix(p, "'s") || !d.toks[i-1].upper {
		return mention{}, 0
	}
	return mention{d.npStart(i-1, lo), i}, 1
}

// stanceObjectEnd ends the object of a stance noun before the verb of
// the clause the noun phrase is the subject of: in "Sessions's
// endorsement of Hale is not good news" the object is "Hale".
func (d *doc) stanceObjectEnd(cs, ce int) int {
	for j := cs + 1; j < ce; j++ {
		if d.inQuote[j] {
			continue
		}
		if auxiliaries[d.word(j)] && !d.toks[j].upper {
			return j
		}
	}
	return ce
}

// quoteRunsOn extends content [cs, ce) that reaches the end of its sentence
// inside a quotation to the quotation's closing mark: `saying "We won!
// Thanks to everyone."` reports all of the quoted words.
func (b *builder) quoteRunsOn(cs, ce int) int {
	d := b.d
	if ce == 0 || !d.inQuote[ce-1] {
		return ce
	}
	k := sort.Search(len(d.quotes), func(k int) bool { return d.quotes[k].open >= ce })
	for k--; k >= 0 && d.quotes[k].open >= cs; k-- {
		q := d.quotes[k]
		if q.close < 0 || q.last < ce {
			continue
		}
		if d.paraOf(q.last) != d.paraOf(cs) {
			return ce
		}
		for i := ce; i <= q.last; i++ {
			if d.used[i] {
				return ce
			}
		}
		return q.last + 1
	}
	return ce
}

// askedClause adds the question after the "asked" at token j ("when asked
// by a reporter whether ...") up to the next comma and returns its end, or
// -1 when no question follows.
func (b *builder) askedClause(j, end int) int {
	d := b.d
	k := j + 1
	for n := 0; k < end && n < 8; n++ {
		w := d.word(k)
		if w == "" || d.inQuote[k] {
			return -1
		}
		switch w {
		case "whether", "if", "what", "how", "why", "who", "when", "where", "which", "about", "to":
			ce := k
			for ce < end && !(d.isPunct(ce, ',') && !d.inQuote[ce]) {
				ce++
			}
			if d.wordCount(k, ce) < 2 {
				return -1
			}
			var spk mention
			if d.word(j+1) == "by" {
				// "when asked by a reporter whether ...": the reporter asks.
				if m := d.agentAfter(j+2, k, false); m.ok() && m.t1 == k {
					spk = m
				}
			}
			b.add(pending{kind: b.kindOf(k, ce), parts: [][2]int{{k, ce}}, spk: spk, cue: [2]int{j, j + 1}, inherit: -1, conf: 0.5})
			return ce
		}
		k++ // "by a reporter", "on Thursday", "again"
	}
	return -1
}

// expectedClause handles "The House is expected to pass the bill": an
// expectation with no one to hold it. PolNeAR annotates the whole clause,
// subject included, as the content of the cue "is expected". j is the
// token "expected"; it adds the claim and returns its end, or -1.
func (b *builder) expectedClause(j, start, end int) int {
	d := b.d
	aux := j - 1
	for aux > start && (d.word(aux) == "widely" || d.word(aux) == "also" || d.word(aux) == "now" || d.word(aux) == "still" || d.word(aux) == "not") {
		aux--
	}
	switch d.word(aux) {
	case "is", "are", "was", "were":
	default:
		return -1
	}
	if d.word(j+1) != "to" || aux <= start {
		return -1
	}
	// The clause opens at the sentence, or after the last comma unless the
	// comma closes an appositive on the subject ("The bank, which ..., is").
	cs := start
	for k := aux - 1; k > start; k-- {
		if d.inQuote[k] || d.toks[k].kind == tQuote {
			return -1
		}
		if d.isPunct(k, ',') || isDash(d, k) {
			if k+1 < aux-1 {
				cs = k + 1
			}
			break
		}
	}
	sub := false // the clause is subordinate: "while many voters are expected to stay, ..."
	for cs < aux && (leadingFunction[d.word(cs)] && d.toks[cs].upper && !isPreposition(d.word(cs)) || d.word(cs) == "but" || d.word(cs) == "and" || d.word(cs) == "while" || d.word(cs) == "although" || d.word(cs) == "though" || d.word(cs) == "even") {
		if w := d.word(cs); w == "while" || w == "although" || w == "though" {
			sub = true
		}
		cs++ // "And while many voters are expected to ...": the clause starts at its subject
	}
	for k := aux - 1; k >= cs && aux-k <= 6; k-- {
		if w := d.word(k); w == "who" || w == "which" || w == "that" && k == aux-1 && k > cs && d.toks[k-1].kind == tWord && !isCueWord(d.word(k-1)) {
			// "delegates who are expected to ...", "the bill, which the
			// Senate is expected to pass": the clause starts at the
			// relative pronoun, not at what it stands for.
			cs = k
			break
		}
	}
	ce := b.contentEnd(j+2, end)
	if sub {
		for k := j + 2; k < ce; k++ {
			if d.isPunct(k, ',') && !d.inQuote[k] {
				ce = k // the main clause follows the comma
				break
			}
		}
	}
	if d.wordCount(cs, aux) == 0 || d.wordCount(j+2, ce) < 2 {
		return -1
	}
	// The expectation is the clause without its cue: "The House || to
	// pass the bill".
	b.add(pending{kind: b.kindOf(cs, ce), parts: [][2]int{{cs, aux}, {j + 1, ce}}, cue: [2]int{aux, j + 1}, inherit: -1, conf: 0.45})
	return ce
}

// midFrame finds a frame set off by commas inside a sentence, "The plan,
// he said, is dead", adds the claim in two parts and returns where the
// rest of the segment starts (a when there is none).
func (b *builder) midFrame(a, end int) int {
	d := b.d
	for c1 := a + 1; c1 < end; c1++ {
		if !d.isPunct(c1, ',') {
			continue
		}
		// fs is where the frame starts, pe where the first part ends.
		fs, pe := c1+1, c1
		if d.inQuote[c1] {
			// American style puts the comma inside the quote: "The prime
			// minister ''looked ashen,'' Mr. Arad said, from ''the blow.''"
			if c1+1 >= end || d.toks[c1+1].kind != tQuote || d.inQuote[c1+1] {
				continue
			}
			fs, pe = c1+2, c1+2
		}
		if d.word(c1+1) == "according" && d.word(c1+2) == "to" && d.wordCount(a, c1) >= 1 {
			// "Fundraising, according to the campaign, has surged."
			if m := d.sourceAfter(c1+3, end); m.ok() && d.isPunct(m.t1, ',') && d.wordCount(m.t1+1, end) >= 2 {
				if d.sourceDescribed(m.t1+1) && d.wordCount(a, c1) >= 3 {
					// "The ferry was late, according to Jane Doe, who runs
					// the harbour office": the rest describes the source.
					b.add(pending{kind: b.kindOf(a, c1), parts: [][2]int{{a, c1}}, spk: m, cue: [2]int{c1 + 1, c1 + 3}, inherit: -1, conf: 0.75})
					return end
				}
				ce := b.contentEnd(m.t1+1, end)
				if c1 == a+1 && leadingFunction[d.word(a)] {
					// "But, according to the poll, most voters remain
					// undecided": the conjunction is no part of the claim.
					b.add(pending{kind: b.kindOf(m.t1+1, ce), parts: [][2]int{{m.t1 + 1, ce}}, spk: m, cue: [2]int{c1 + 1, c1 + 3}, inherit: -1, conf: 0.75})
					return ce
				}
				p := pending{kind: Indirect, parts: [][2]int{{a, c1}, {m.t1 + 1, ce}}, spk: m, cue: [2]int{c1 + 1, c1 + 3}, inherit: -1, conf: 0.75}
				if b.kindOf(a, c1) != Indirect || b.kindOf(m.t1+1, ce) != Indirect {
					p.kind = Mixed
				}
				b.add(p)
				return ce
			}
		}
		for c2 := fs + 1; c2 < end && c2-fs < 11; c2++ {
			if d.toks[c2].kind == tQuote {
				break
			}
			if !d.isPunct(c2, ',') {
				continue
			}
			m, cue, fe, ok := b.tailFrame(fs, c2)
			if pe > c1 && cue[0] == fs {
				break // "''It's early,'' said Mr. Rhodes, the adviser": the rest describes the speaker
			}
			if cw, ok := d.cueAt(a); ok && cw.form == formIng {
				break // "Bemoaning the ''system,'' Hale accused Ames": a participial opening
			}
			if !ok || fe != c2 || d.wordCount(a, pe) < 2 || d.wordCount(c2+1, end) < 2 || b.hasForwardCue(a, c1) {
				break
			}
			if w := d.word(c2 + 1); w == "a" || w == "an" || w == "who" || d.toks[c2+1].digit || titles[w] && !d.toks[c2+1].upper {
				// "CONTENT, said Brian Baker, a longtime adviser ...": the
				// rest describes the speaker; the frame ends the sentence,
				// unless the content resumes after the description: "Any
				// interpretation, said Michael Kofman, an expert on Russia,
				// would read this as ...".
				c3 := c2 + 1
				for c3 < end && c3-c2 < 18 && !d.isPunct(c3, ',') && d.toks[c3].kind != tQuote && !d.inQuote[c3] {
					c3++
				}
				if !d.isPunct(c3, ',') || c3+1 >= end || !auxiliaries[d.word(c3+1)] || d.wordCount(c3+1, end) < 2 || w == "who" {
					break
				}
				c2 = c3
			}
			if cue[0] == fs && (d.toks[c2+1].upper || isPreposition(d.word(c2+1))) {
				// "CONTENT, said Katie Harbath, Facebook's director", "...,
				// said Ms. Gil, with games of ...": after an inverted frame
				// the rest describes the speaker or the scene.
				break
			}
			if d.isParticipial(c2+1) || d.word(c2+1) == "according" {
				// "CONTENT, he said, adding that ...": a frame at the end
				// and a claim of its own after it.
				break
			}
			ce := b.contentEnd(c2+1, end)
			p := pending{kind: Indirect, parts: [][2]int{{a, pe}, {c2 + 1, ce}}, spk: m, cue: cue, inherit: -1, conf: 0.7}
			if k1, k2 := b.kindOf(a, pe), b.kindOf(c2+1, ce); k1 != Indirect || k2 != Indirect {
				p.kind = Mixed
			}
			b.add(p)
			return ce
		}
	}
	return a
}

// sourceDescribed reports whether the words at token i, right after the
// comma that closes an "according to" source, describe that source: ",
// who runs the office", ", a group that tracks spending".
func (d *doc) sourceDescribed(i int) bool {
	w := d.word(i)
	if d.inQuote[i] {
		return false
	}
	switch {
	case w == "a" || w == "an" || w == "who" || w == "which" || w == "whose" || w == "another":
	case titles[w] && !d.toks[i].upper:
	default:
		return false
	}
	// "At the heart of it, according to Jane Doe, a former envoy, was a
	// misjudgment": the claim resumes after the description.
	for k := i + 1; k < len(d.toks) && k-i < 18 && d.sentOf(k) == d.sentOf(i); k++ {
		if d.isPunct(k, ',') {
			return !auxiliaries[d.word(k+1)]
		}
	}
	return true
}

// commaQuote reports whether token i closes a quote right after a comma:
// `her “50-state strategy,” promising`.
func (d *doc) commaQuote(i int) bool {
	return i > 0 && d.toks[i].kind == tQuote && d.mark[i] && d.isPunct(i-1, ',')
}

// claimEnd is the token after claim k's content.
func (b *builder) claimEnd(k int) int {
	p := b.claims[k].parts
	return p[len(p)-1][1]
}

// participleLead reports whether the participle at j opens a phrase of
// its own: it starts the segment or follows a comma, a subordinator, "and",
// "but" or "by", perhaps with an adverb between ("..., also saying",
// "while firmly denying").
func (b *builder) participleLead(j, a int) bool {
	d := b.d
	q := d.adverbsBefore(j, a)
	return q == a || d.isPunct(q-1, ',') || d.commaQuote(q-1) || isSubordinator(d.word(q-1)) || (d.word(q-1) == "and" || d.word(q-1) == "but") && q-1 > a || d.word(q-1) == "by" && q-1 > a
}

// adverbsBefore skips back over at most two adverbs before the participle
// at j ("..., later adding", "while repeatedly insisting") and returns the
// first of them, or j if there is none.
func (d *doc) adverbsBefore(j, a int) int {
	q := j
	for k := 0; k < 2 && q-1 > a && participleAdverb(d, q-1); k++ {
		q--
	}
	return q
}

// participleAdverb reports whether token i is an adverb that may stand
// before a participle of speech: "also", "then", a lower-case "-ly" word.
func participleAdverb(d *doc, i int) bool {
	t := d.toks[i]
	if t.kind != tWord || t.upper || d.inQuote[i] {
		return false
	}
	switch w := t.key; w {
	case "also", "then", "later", "again", "even", "still", "instead", "once", "further", "first":
		return true
	case "only", "early", "likely", "family", "rally", "ally", "supply", "reply", "apply", "belly", "jelly", "bully", "assembly", "daily", "weekly", "monthly", "elderly", "holy", "ugly", "silly", "lonely", "friendly", "lovely", "costly", "deadly":
		return false
	default:
		return strings.HasSuffix(w, "ly") && len(w) > 4
	}
}

func isSubordinator(w string) bool {
	switch w {
	case "while", "after", "before", "when", "in", "by", "without", "since", "despite":
		return true
	}
	return false
}

// participial handles "..., saying CONTENT" (the speaker is the subject of
// the main clause) and "While stressing CONTENT, Poznikhir noted" (the
// speaker follows).
// It reports whether it added a claim.
func (b *builder) participial(j, n, a, e, si int) bool {
	d := b.d
	end := trimEnd(d, a, e)
	cw := cueWord{class: cueSpeech}
	if c, _ := d.cueAt(j); c.class == cueTell {
		cw = c // "..., telling reporters on Friday that ...": past the addressee
	}
	cs := b.contentStart(cw, j+n, end)
	q := d.adverbsBefore(j, a)                                   // "while also saying"
	p := pending{cue: [2]int{q, j + n}, inherit: -1, conf: 0.65} // the cue takes the adverbs
	if (q == a || isSubordinator(d.word(q-1)) && (q-1 == a || !d.isPunct(q-2, ',') && d.opensClause(q-1))) && !b.frameTail(q, a, e, si) {
		// Content runs to the comma; the speaker is the phrase after it.
		c := cs
		for c < e && !(d.isPunct(c, ',') && !d.inQuote[c]) {
			c++
		}
		sent := d.sents[si]
		if c < e && d.inQuote[c] && c+1 < e && d.toks[c+1].kind == tQuote && d.mark[c+1] {
			c++ // `After saying it was “so swollen,” she was ...`
		}
		if c >= e || c+1 >= sent.t1 {
			return false
		}
		m := d.npAfter(c+1, sent.t1)
		if !m.ok() {
			return false
		}
		if d.wordCount(cs, c) < 2 {
			return false
		}
		p.parts, p.spk = [][2]int{{cs, c}}, m
		p.kind = b.kindOf(cs, c)
		// The phrase is shared with the claim it introduces: do not take it.
		b.claims = append(b.claims, p)
		b.markUsed(cs, c)
		b.markUsed(j, j+n)
		return true
	}
	ce := b.contentEnd(cs, end)
	if c, _ := d.cueAt(j); c.class == cueStance {
		// "..., denouncing the new levy, a tax on every crossing": the
		// object of a stance ends at the comma after its phrase.
		if pe := d.phraseEnd(cs, ce); pe < ce && d.isPunct(pe, ',') && d.wordCount(cs, pe) >= 2 {
			ce = pe
		}
	}
	if d.wordCount(cs, ce) < 2 {
		return false
	}
	if ce == end {
		ce = b.quoteRunsOn(cs, ce)
	}
	p.parts = [][2]int{{cs, ce}}
	p.kind = b.kindOf(cs, ce)
	// The speaker is that of the claim this sentence already made, else
	// the subject of the main clause.
	// Direct quotes were all found first, so the claims are not in text
	// order: take the latest one in this sentence that starts before j.
	at := -1
	for k, c := range b.claims {
		s := c.parts[0][0]
		if c.spk.ok() && c.spk.t0 < s {
			s = c.spk.t0
		}
		if s >= j || s <= at {
			continue
		}
		if d.sentOf(c.parts[0][0]) == si || c.spk.ok() && d.sentOf(c.spk.t0) == si {
			p.inherit, p.spk, at = k, c.spk, s
		}
	}
	if p.inherit < 0 {
		m := b.mainSubject(a, j)
		if !m.ok() {
			return false
		}
		p.spk = m
	}
	b.claims = append(b.claims, p)
	b.markUsed(j, ce)
	return true
}

// frameTail reports whether the participle at j, right after a
// subordinator that opens segment [a, e), ends a sentence whose frame came
// before it: `," she told the paper after hinting that the fund is empty.`
// No comma follows, so no speaker comes after the phrase; the speaker is
// the frame's.
func (b *builder) frameTail(j, a, e, si int) bool {
	d := b.d
	if j-1 != a && j != a || a <= d.sents[si].t0 || !d.used[a-1] || d.word(j) == "according" {
		return false
	}
	for c := j; c < e; c++ {
		if d.isPunct(c, ',') && !d.inQuote[c] {
			return false
		}
	}
	return true
}

// documentNouns are the texts that say things for their authors: "a
// statement saying", "an email urging".
var documentNouns = map[string]bool{
	"statement": true, "letter": true, "email": true, "e-mail": true, "tweet": true, "memo": true,
	"ad": true, "advertisement": true, "video": true, "release": true, "note": true, "article": true,
	"op-ed": true, "post": true, "message": true, "editorial": true, "column": true, "petition": true,
	"resolution": true, "complaint": true, "lawsuit": true, "filing": true, "motion": true,
	// "the group published a report detailing", "posted a story claiming",
	// "issued statements saying": reports, stories, pages and plurals.
	"report": true, "story": true, "website": true, "response": true, "statements": true,
	"letters": true, "emails": true, "tweets": true, "memos": true, "ads": true, "videos": true,
	"op-eds": true, "petitions": true, "posts": true, "messages": true, "articles": true,
	"reports": true, "stories": true,
}

// pollNouns are counts that show things: "polls showing", "a survey
// finding".
var pollNouns = map[string]bool{
	"poll": true, "polls": true, "survey": true, "surveys": true, "study": true, "studies": true,
}

// publishVerbs put a document out: "issued a statement", "sent an email".
var publishVerbs = map[string]bool{
	"issued": true, "released": true, "sent": true, "posted": true, "published": true, "put": true,
	"wrote": true, "tweeted": true, "shared": true, "circulated": true, "filed": true, "signed": true,
	"issues": true, "releases": true, "sends": true, "posts": true, "publishes": true, "writes": true,
	"out": true, "penned": true, "drafted": true, "delivered": true, "distributed": true, "aired": true,
}

// documentSubject finds the speaker of a participle that follows a
// document noun, "Hale issued a statement Saturday saying", "his campaign
// sent out a fundraising email stressing": the subject of the verb that
// put the document out, else the document itself ("an article stating").
func (b *builder) documentSubject(j, lo int) mention {
	d := b.d
	k := j - 1
	for k > lo && (isWeekday(d.word(k)) || d.word(k) == "night" || d.word(k) == "morning" || d.word(k) == "afternoon" || d.word(k) == "evening") {
		k-- // "a statement Thursday night condemning"
	}
	if k <= lo || !documentNouns[d.word(k)] && !pollNouns[d.word(k)] || d.inQuote[k] {
		return mention{}
	}
	if pollNouns[d.word(k)] {
		// "with polls showing a tight race", "a new poll showing her
		// ahead": the poll speaks for itself.
		s := k
		for s-1 >= lo && s > k-4 && d.toks[s-1].kind == tWord && !d.inQuote[s-1] && (!closedClass[d.word(s-1)] || isDeterminer(d.word(s-1))) && !publishVerbs[d.word(s-1)] {
			s--
			if isDeterminer(d.word(s)) {
				break
			}
		}
		if isDeterminer(d.word(s)) || isPlural(d.word(k)) {
			return mention{s, k + 1}
		}
		return mention{}
	}
	s := k
	for s-1 >= lo && s > k-4 && d.toks[s-1].kind == tWord && !d.inQuote[s-1] && !publishVerbs[d.word(s-1)] && !closedClass[d.word(s-1)] {
		s-- // "a fundraising email", "a joint statement"
	}
	if !isDeterminer(d.word(s)) && !strings.HasSuffix(d.word(s), "'s") && !(s-1 >= lo && publishVerbs[d.word(s-1)] && isPlural(d.word(k))) {
		// "The board issued statements saying ..." needs no determiner.
		return mention{}
	}
	v := s - 1
	if v >= lo && publishVerbs[d.word(v)] {
		if d.word(v) == "out" && v-1 >= lo && publishVerbs[d.word(v-1)] {
			v-- // "put out", "sent out"
		}
		m, _ := d.subjectBefore(v, lo)
		return m
	}
	if d.sents[d.sentOf(s)].t0 == s || d.isPunct(s-1, ',') && !d.isPunct(j-1, ',') || d.word(v) == "and" {
		return mention{s, k + 1}
	}
	return mention{}
}

// mainSubject finds the subject of the clause [a, j): the first noun phrase
// after any leading adverbial ("During the conversation, Kerry ...").
func (b *builder) mainSubject(a, j int) mention {
	d := b.d
	a = d.afterDateline(a, j)
	first := b.subjectAt(a, j)
	if first.ok() && !(first.t1-first.t0 == 1 && isDeterminer(d.word(first.t0))) {
		return first
	}
	// A lone capitalised determiner is a poor subject: "A few minutes
	// later, Murphy followed up by lamenting" has its subject after the
	// comma; it stands only when nothing better follows.
	// "At a campaign event in Ames, Iowa, on Sunday, Mrs. Roe tried
	// ...": the subject may follow several commas of adverbials.
	for k, tries := a, 0; k < j && tries < 4; k++ {
		if d.isPunct(k, ',') && !d.inQuote[k] {
			tries++
			if m := b.subjectAt(k+1, j); m.ok() {
				return m
			}
		}
	}
	return first
}

// thatClauseSpeaker finds who holds the that-clause after the cue at j when
// no subject was found before it.
func (b *builder) thatClauseSpeaker(a, j int) mention {
	d := b.d
	if w := d.word(j - 1); w == "any" || w == "little" || w == "no" || objectPronoun(w) {
		// "if you have any doubt that ...": a noun, not a verb; "made them
		// feel that ...": the object holds the view.
		return mention{}
	}
	// "Ms. Reyes continued to insist that ...", "the aides remain
	// hopeful that ...": the subject of the verb that governs the cue.
	k := j
	if d.word(j-1) == "to" && j-2 >= a && d.toks[j-2].kind == tWord && !d.toks[j-2].upper && !closedClass[d.word(j-2)] {
		k = j - 2
	} else if linkingVerb(d.word(j - 1)) {
		k = j - 1
	}
	if k < j {
		if m, _ := d.subjectBefore(k, a); m.ok() && m.t1 <= k && plausibleSpeaker(d, m) {
			return m
		}
	}
	if d.word(j-1) == "to" && (d.toks[j-2].kind != tWord || d.toks[j-2].upper || objectPronoun(d.word(j-2))) {
		return mention{} // "The panel forced Mr. Lind to admit that ...": he admits, not the panel
	}
	m := b.mainSubject(a, j)
	if m.ok() && m.t1 <= j && (leadingFunction[d.word(m.t0)] || d.word(m.t0) == "even") {
		// "Even the mayor's allies concede that ...": the adverb is no
		// part of the subject.
		m = b.subjectAt(m.t0+1, j)
	}
	if !m.ok() || m.t1 > j || !plausibleSpeaker(d, m) {
		return mention{}
	}
	for k := m.t1; k < j; k++ {
		if w := d.word(k); (w == "which" || w == "who") && !d.inQuote[k] {
			// "Ms. Ruiz read the report, which left no doubt that ...": the
			// cue belongs to the relative clause, not to the subject.
			return mention{}
		}
	}
	return m
}

// linkingVerb reports whether w links a subject to a stance adjective:
// "they remain confident that ...".
func linkingVerb(w string) bool {
	switch w {
	case "remain", "remains", "remained", "seem", "seems", "seemed", "feel", "feels", "felt", "grew", "grow", "grows", "became", "become", "becomes", "appear", "appears", "appeared":
		return true
	}
	return false
}

// plausibleSpeaker reports whether the noun phrase m can hold a view: a
// pronoun for a person or group, a name, or a noun of people, not an
// opening word such as "But", "Even" or a bare "The".
func plausibleSpeaker(d *doc, m mention) bool {
	first, last := d.word(m.t0), d.word(m.t1-1)
	if d.toks[m.t1-1].kind != tWord || closedClass[first] && first != "no" || leadingFunction[first] || isSubordinator(first) {
		return false
	}
	if m.t1-m.t0 == 1 && (isDeterminer(first) || first == "let" || first == "no." || first == "let's") {
		return false // "Let me say that ...": an imperative has no subject
	}
	if m.t1-m.t0 == 1 && d.isPunct(m.t1, ',') && d.sentenceOpens(m.t0) {
		return false // "Instead, the crowd ...": an opening adverb
	}
	if strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s") {
		return false // "Sample Wire's editors": the head is still to come
	}
	if p, ok := pronouns[last]; ok && last != "who" && last != "who's" {
		return p != Organisation || last == "we" || last == "we're" || last == "we've" || last == "we'd" // not "it"
	}
	if closedClass[last] || isDeterminer(last) {
		return false
	}
	return d.toks[m.t1-1].upper || speakerNouns[last] != "" || isPlural(last)
}

// afterDateline skips a dateline at the start of a sentence, "Washington
// (AFP) –", "WASHINGTON —": capitalised words, perhaps an agency in
// brackets, and a dash.
func (d *doc) afterDateline(a, j int) int {
	for k := a; k < j && k-a < 8; k++ {
		t := d.toks[k]
		if isDash(d, k) || d.isPunct(k, '-') {
			if k > a && k+1 < j {
				return k + 1
			}
			return a
		}
		if t.kind == tWord && !t.upper || t.kind == tQuote {
			return a
		}
	}
	return a
}

// subjectAt finds the subject of a clause that starts at a, before the
// verb at j.
func (b *builder) subjectAt(a, j int) mention {
	d := b.d
	s := a
	if leadingFunction[d.word(a)] || isSubordinator(d.word(a)) || d.word(a) == "during" || openingPreposition(d.word(a)) {
		for k := a; k < j; k++ {
			if d.isPunct(k, ',') {
				s = k + 1
				break
			}
		}
	}
	// A name is the subject: "Jane Roe spoke out Tuesday ..., arguing".
	if d.toks[s].kind == tWord && d.toks[s].upper && !leadingFunction[d.word(s)] {
		e := s
		for e < j && d.toks[e].kind == tWord && (d.toks[e].upper || d.word(e) == "of") {
			e++
		}
		if e > s && d.isPunct(e, '(') {
			// "Sen. Chuck Grassley (R-Iowa) on Wednesday downplayed ..."
			if k := d.closeBracket(e, j, 8); k >= 0 {
				e = k + 1
			}
		}
		v := e
		if e > s && d.isPunct(v, ',') {
			// "Michael J. Petrilli, president of the Fordham Institute,
			// tied ...": the verb follows the appositive.
			k := v + 1
			for k < j && k-v < 14 && !d.isPunct(k, ',') && d.toks[k].kind != tQuote {
				k++
			}
			if d.isPunct(k, ',') && k > v+1 && !d.toks[v+1].upper {
				v = k + 1
			}
		}
		if d.word(v) == "on" && isWeekday(d.word(v+1)) {
			v += 2
		} else if (d.word(v) == "last" || d.word(v) == "this") && (d.word(v+1) == "week" || d.word(v+1) == "month") {
			v += 2
		} else if isWeekday(d.word(v)) {
			v++
		}
		if e > s && v < j && d.toks[v].kind == tWord && !d.toks[v].upper && (!closedClass[d.word(v)] || auxiliaries[d.word(v)] && d.word(v) != "not") && speakerNouns[d.word(v)] == "" && !orgWords[d.word(v)] {
			return mention{s, e}
		}
	}
	// "The president left no doubt ..., saying": a determiner and a
	// speaker noun.
	if isDeterminer(d.word(s)) {
		for k := s + 1; k < j && k-s <= 4 && d.toks[k].kind == tWord; k++ {
			if speakerNouns[d.word(k)] != "" && k+1 < j && d.toks[k+1].kind == tWord && !d.toks[k+1].upper && !closedClass[d.word(k+1)] {
				return mention{s, k + 1}
			}
		}
	}
	// The subject ends before the first word that looks like a verb.
	e := s
	for e < j && e-s < 10 && d.toks[e].kind == tWord && !d.inQuote[e] {
		w := d.word(e)
		if e > s && !d.toks[e].upper && (strings.HasSuffix(w, "ed") || auxiliaries[w] || isCueWord(w) || closedClass[w] && w != "of" && w != "at" && w != "from" && w != "in") {
			break
		}
		e++
	}
	if e == s || e >= j || d.toks[e].kind != tWord {
		return mention{}
	}
	for e > s && (d.word(e-1) == "of" || d.word(e-1) == "the" || d.word(e-1) == "at") {
		e--
	}
	if e == s {
		return mention{} // nothing but "of", "the" and "at": no subject
	}
	// The head comes before any prepositional phrase: "Workers at the mine".
	hi := e - 1
	for k := s + 1; k < e; k++ {
		if w := d.word(k); w == "of" || w == "at" || w == "from" || w == "in" {
			hi = k - 1
			break
		}
	}
	h := d.toks[hi]
	hw := d.word(hi)
	if _, ok := pronouns[hw]; !ok && !h.upper && speakerNouns[hw] == "" && !isPlural(hw) {
		return mention{}
	}
	return mention{s, e}
}

// openingPreposition reports whether w opens an adverbial phrase that a
// comma closes before the subject: "Amid the uproar, ...", "To Smith,
// the plan ...", "Despite the loss, ...".
func openingPreposition(w string) bool {
	switch w {
	case "amid", "amidst", "despite", "to", "with", "without", "from", "among", "under", "absent", "unlike", "like", "beyond", "by", "about", "across", "throughout", "within", "against", "following":
		return true
	}
	return false
}

// hasForwardCue reports whether [a, c) holds a cue with its own subject,
// which would make a trailing frame part of its content instead.
func (b *builder) hasForwardCue(a, c int) bool {
	d := b.d
	for j := a; j < c; j++ {
		if cw, ok := d.cueAt(j); ok && cw.class == cueSpeech && cw.form != formIng && cw.form != formBase {
			if m, aux := d.subjectBefore(j, a); m.ok() && formFits(d, cw, aux, m, j) && d.word(j+1) == "that" {
				return true
			}
		}
	}
	return false
}

// tailFrame matches `he said`, `said Poznikhir`, `Smith told reporters` from
// token k to end (or to a participial that follows).
func (b *builder) tailFrame(k, end int) (m mention, cue [2]int, fe int, ok bool) {
	d := b.d
	rest := func(from int, c cueWord) int {
		if c.class == cueTell && from < end && !adverbialPreposition(d.word(from)) {
			// "..., Ash Carter told a Senate panel Wednesday": the listener.
			if l := d.npAfter(from, end); l.ok() && l.t1-l.t0 <= 6 {
				from = l.t1
			}
		}
		tail := (c.class == cueSpeech || c.class == cueTell) && from < end && adverbialPreposition(d.word(from))
		e := from
		for e < end && e-from < 10 {
			if d.isPunct(e, ',') && e+1 < end && d.isParticipial(e+1) || d.isPunct(e, ';') {
				return e // "..., political analysts say; in 2012, ...": the frame is over
			}
			if d.isPunct(e, ',') && e+1 < end {
				// ", who served as ...", ", a fellow at ...": the rest describes the speaker.
				if d.relativeCue(e + 1) {
					return e // ", who said he would ...": a claim of the speaker's own
				}
				if w := d.word(e + 1); w == "who" || w == "a" || w == "an" || w == "the" || titles[w] || d.toks[e+1].digit || d.toks[e+1].upper && d.paras[d.paraOf(e)].role == roleBody {
					if !d.hasQuote(e, end) {
						return end
					}
				}
			}
			switch d.word(e) {
			case "when", "after", "while", "before", "as", "because", "since":
				// "..., he said when asked whether ...", "..., Ostrov told his
				// advisers as he labored over the speech": the frame ends
				// and a clause of its own begins.
				if c, ok := d.cueAt(e + 1); ok && (c.form == formPast || c.form == formIng) && d.word(e) != "as" && d.word(e) != "because" && d.word(e) != "since" {
					return e
				}
				if _, ok := pronouns[d.word(e+1)]; ok && e > from && d.word(e+1) != "who" {
					return e
				}
			}
			if !d.adverbialToken(e) {
				if tail && d.adverbialTail(from, e, end) {
					return end
				}
				return -1
			}
			e++
		}
		if e < end {
			if tail && d.adverbialTail(from, e, end) {
				return end
			}
			return -1
		}
		return e
	}
	if c, isCue := d.cueAt(k); isCue && c.inverts && (c.form == formPast || c.form == formThird || c.form == formBase) {
		n := d.cueLen(k, c)
		if s := d.npAfter(k+n, end); s.ok() && (c.form != formBase || isPlural(d.word(s.t1-1))) {
			// "..., say some Democrats, who cringe ...", "..., said an
			// official who oversaw the case."
			if d.word(s.t1) == "who" || d.isPunct(s.t1, ',') && d.word(s.t1+1) == "who" {
				return s, [2]int{k, k + n}, end, true
			}
			if e := rest(s.t1, c); e >= 0 {
				return s, [2]int{k, k + n}, e, true
			}
		}
	}
	for j := k + 1; j < end && j-k < 20; j++ {
		c, isCue := d.cueAt(j)
		if !isCue {
			continue
		}
		if c.form == formIng || c.lemma == "according to" || c.class == cueStance {
			return // "Early in his campaign, Hale attacked Kerr" is no frame
		}
		s, aux := d.subjectBefore(j, k)
		if !s.ok() || s.t0 != k || !formFits(d, c, aux, s, j) {
			return
		}
		n := d.cueLen(j, c)
		if e := rest(j+n, c); e >= 0 {
			return s, [2]int{j, j + n}, e, true
		}
		return
	}
	return
}

func (d *doc) hasOrgWordIn(m mention) bool {
	for k := m.t0; k < m.t1; k++ {
		if orgWords[d.word(k)] {
			return true
		}
	}
	return false
}

// adverbialToken reports whether token i can be part of what trails a
// frame: `told reporters on Monday`, `said in a statement last week`.
// adverbialTail reports whether a frame's words after its cue, [from,
// end), are one prepositional phrase about where or how it was said, up to
// the sentence's end: "she said in a video message to the convention". The
// frame has been read as adverbial up to e; the rest holds no clause.
func (d *doc) adverbialTail(from, e, end int) bool {
	if from >= end || end-from > 20 {
		return false
	}
	quoted := 0
	for k := e; k < end; k++ {
		t := d.toks[k]
		if t.kind == tQuote || d.inQuote[k] {
			// A title in quotes: "on MSNBC's “Morning Jo.”"
			if quoted++; quoted > 8 {
				return false
			}
			continue
		}
		if t.kind == tPunct && t.r != '(' && t.r != ')' && t.r != '-' && t.r != '\'' && !(t.r == '.' && k+1 < end && d.toks[k+1].kind == tQuote) {
			return false
		}
		if t.kind != tWord {
			continue
		}
		if closedClass[t.key] && !isPreposition(t.key) || auxiliaries[t.key] || isCueWord(t.key) || pronouns[t.key] != "" {
			return false // "said in Paris that ...", "said at the rally he would ..."
		}
	}
	return true
}

// relativeCue reports whether a relative clause with a cue of its own
// starts at token i: "who said", "who has also argued".
func (d *doc) relativeCue(i int) bool {
	return d.word(i) == "who" && d.coordinatedCue(i+1)
}

// hasVerb reports whether tokens [a, e) show some sign of a verb, which
// content must have and a speaker's name with its title has not: "Mr.
// Hale's former campaign manager, Ned Novak, said the staff
// member who ...".
func (d *doc) hasVerb(a, e int) bool {
	if d.paras[d.paraOf(a)].role != roleBody {
		return true // a headline's capitals hide its verbs
	}
	for k := a; k < e; k++ {
		t := d.toks[k]
		if t.kind == tQuote && d.mark[k] || t.kind == tPunct && (t.r == '?' || t.r == '!' || t.r == ':') {
			return true // a quotation or a question may be anything
		}
		if t.kind == tWord && t.digit && !(d.isPunct(k-1, ',') && d.isPunct(k+1, ',')) || t.kind == tPunct && (t.r == '$' || t.r == '%') {
			return true // "The wing cost $38.5 million": figures are claims (", 30," is an age)
		}
		if t.kind != tWord || t.upper && k > a {
			continue
		}
		w := t.key
		if auxiliaries[w] || isCueWord(w) || pronouns[w] != "" || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "n't") || w == "to" && k+1 < e && d.toks[k+1].kind == tWord && !d.toks[k+1].upper {
			return true
		}
		if !t.upper && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.ContainsAny(w, "'’") && k > a {
			return true // "the plan works", or a plural noun: either way not a bare name
		}
	}
	return false
}

// adverbialPreposition opens a phrase of place, time or medium after a
// verb of saying: "said in a video message", "told reporters at the rally".
func adverbialPreposition(w string) bool {
	switch w {
	case "in", "on", "at", "during", "after", "before", "from", "via", "while":
		return true
	}
	return false
}

func (d *doc) adverbialToken(i int) bool {
	t := d.toks[i]
	if t.kind != tWord {
		return t.kind == tPunct && (t.r == '(' || t.r == ')')
	}
	if t.digit {
		return true
	}
	if t.upper {
		// Headlines capitalise every word: there a capital proves nothing.
		return d.paras[d.paraOf(i)].role == roleBody
	}
	w := t.key
	switch w {
	case "a", "an", "the", "his", "her", "their", "its", "last", "week", "month", "year", "earlier",
		"later", "recently", "also", "night", "morning", "afternoon", "evening", "ago", "then",
		"told", "this", "that", "day", "days", "weeks", "months", "years", "previously", "again",
		"today", "yesterday", "tonight", "weekend", "newspaper", "paper", "magazine", "network",
		"station", "broadcaster", "site", "outlet", "program", "show", "local", "national",
		"packed", "crowd", "audience", "crowded", "afterward", "afterwards", "late", "early":
		return w != "that"
	}
	return isPreposition(w) || isWeekday(w) || adverbialNoun(w) || objectPronoun(w)
}

// formFits checks that the cue's form can follow this subject: a bare base
// form needs an auxiliary or a plural subject ("officials say"), an -ing
// form a progressive auxiliary; a passive ("was told") is no cue here
// (passiveBy reads passives, their "by" agents and what they report).
func formFits(d *doc, c cueWord, aux bool, m mention, j int) bool {
	if c.lemma == "continue" {
		return false // "continued to fight": only a frame after a quote
	}
	head := d.word(d.phraseHead(m))
	// The auxiliary may stand before an adverb: "is then denounced".
	pk := j - 1
	for pk > m.t1 && j-pk < 3 && !auxiliaries[d.word(pk)] && (skipBeforeCue[d.word(pk)] || strings.HasSuffix(d.word(pk), "ly")) {
		pk--
	}
	prev := d.word(pk)
	beAux := prev == "is" || prev == "was" || prev == "are" || prev == "were" || prev == "been" || prev == "being" || prev == "be"
	if c.class != cueEvidence && c.class != cueStance && c.form != formPast && c.form != formParticiple && d.word(j+1) == "that" && d.thatClauseSubject(j+2) && !closedClass[head] && !strings.HasSuffix(head, "'s") && d.verbAfter(m.t1, j) {
		// "Cohen and DeLong of Berkeley suggest that ...", "officials
		// remain convinced that ...": a clause after "that" makes the
		// word a verb of saying or believing whatever its subject looks like.
		return true
	}
	switch c.form {
	case formBase:
		if aux {
			return true
		}
		switch head {
		case "i", "we", "they", "you", "who", "%", "percent", "those", "whom", "many", "some", "most", "others":
			return true
		}
		if d.toks[m.t1-1].digit || d.isPunct(m.t1-1, '%') || d.hasWord(m.t0, m.t1, "and") {
			return true // "Mr. Grassley and Mr. Leahy say"
		}
		return isPlural(head) || speakerNouns[head] == Anonymous && head != "official" && head != "source"
	case formIng:
		// "He's pointing out", "they're proposing"
		if beAux || strings.HasSuffix(prev, "'s") || strings.HasSuffix(prev, "'re") || strings.HasSuffix(prev, "'m") {
			return true
		}
		// "a sign saying the vote was rigged", "a petition calling on the
		// mayor to resign": the participle speaks for the noun before it.
		return (c.class == cueSpeech || c.class == cueTell || c.class == cueStance) && m.t1 == j && !aux && !d.toks[m.t1-1].upper && !ingNounOrAdjective(d.word(j)) &&
			j+1 < len(d.toks) && d.toks[j+1].kind == tWord && !closedClass[head] && !(m.t0 > 0 && isPreposition(d.word(m.t0-1))) &&
			!isPreposition(d.word(m.t1-1)) && d.word(m.t1-1) != "for" && d.word(m.t1-1) != "most" && !d.objectOfVerb(m)
	case formParticiple:
		return aux && !beAux
	case formAdjective:
		return beAux || prev == "remain" || prev == "remains" || prev == "remained" || strings.HasSuffix(prev, "'re") || strings.HasSuffix(prev, "'m")
	case formPast:
		if beAux {
			return false
		}
	case formThird:
		// "Hale's claims that": a possessive before a noun form.
		if strings.HasSuffix(head, "'s") {
			return false
		}
	}
	if c.class == cueEvidence {
		// Polls, studies, videos and documents show; people find keys.
		switch head {
		case "he", "she", "i", "we", "they", "you", "who", "police", "officers", "investigators":
			return d.word(j+1) == "that"
		}
		return !d.toks[m.t1-1].upper || speakerNouns[head] == Organisation || d.word(j+1) == "that" || d.hasOrgWordIn(m)
	}
	return true
}

// objectOfVerb reports whether mention m follows a verb whose object it
// is, "published [a report] detailing", or is itself a verb after its
// subject, "he [keeps] talking about": the participle then speaks for
// the subject, not for m.
func (d *doc) objectOfVerb(m mention) bool {
	k := m.t0 - 1
	if k < 0 || d.toks[k].kind != tWord || d.inQuote[k] {
		return false
	}
	w := d.word(k)
	if _, ok := pronouns[w]; ok {
		return true
	}
	return !d.toks[k].upper && !closedClass[w] && !isDeterminer(w) && !quantifier(w) && !possessivePronoun(w) && !isSubordinator(w) && !leadingFunction[w]
}

// verbAfter reports whether only auxiliaries and adverbs stand between a
// subject ending at t1 and the verb at j: "they have long argued", not
// "the campaign's earlier claim".
func (d *doc) verbAfter(t1, j int) bool {
	for k := t1; k < j; k++ {
		if w := d.word(k); !auxiliaries[w] && !skipBeforeCue[w] && !strings.HasSuffix(w, "ly") {
			return false
		}
	}
	return true
}

// ingNounOrAdjective reports whether an -ing cue is as often a noun or an
// adjective as a participle: "a telling remark", "a stern warning", "his
// reporting", "encouraging data".
func ingNounOrAdjective(w string) bool {
	switch w {
	case "telling", "warning", "reporting", "writing", "encouraging", "posting", "promising", "shouting", "adding",
		"pressing", "nominating", "challenging", "declining":
		return true
	}
	return false
}

// phraseHead is the head word of mention m: the last word before any
// prepositional phrase ("supporters of Democrat Jane Roe",
// "half of voters in each state"), else its last word.
func (d *doc) phraseHead(m mention) int {
	for k := m.t0 + 1; k < m.t1-1; k++ {
		if closeTo(d.word(k)) && (d.word(k+1) == "to" || d.word(k+1) == "with") {
			return k - 1 // "Those close to him", "people familiar with the plan"
		}
		switch d.word(k) {
		case "of", "in", "at", "from", "on", "for", "with":
			if w := d.word(k - 1); w != "" && (!d.toks[k-1].upper || speakerNouns[w] != "" || isPlural(w)) {
				return k - 1
			}
			return m.t1 - 1
		}
	}
	switch d.word(m.t1 - 1) {
	case "surveyed", "polled", "interviewed", "questioned", "sampled":
		if m.t1-2 >= m.t0 {
			return m.t1 - 2 // "the senators surveyed"
		}
	}
	return m.t1 - 1
}

// contentStart skips what sits between a cue and its content: a listener
// ("told reporters"), a time or place ("said on Wednesday", "says at a
// campaign stop in Toledo, Ohio, that").
func (b *builder) contentStart(c cueWord, k, end int) int {
	d := b.d
	for k < end && (d.isPunct(k, ',') || d.isPunct(k, ':') || d.isPunct(k, '—')) {
		k++
	}
	if c.lemma == "go on" && d.word(k) == "to" {
		if _, ok := d.cueAt(k + 1); ok {
			// "went on to say that ...": the second verb is part of the cue.
			k += 2
			for k < end && (d.isPunct(k, ',') || d.isPunct(k, ':')) {
				k++
			}
		}
	}
	if d.word(k) == "that" {
		return k
	}
	if ic, n, ok := d.infinitiveCue(c, k, end); ok {
		// "refused to endorse the nominee", "declined to say whether
		// ...": the second verb is part of the cue; the content is what
		// it takes.
		return b.contentStart(ic, k+1+n, end)
	}
	if c.lemma == "accuse" {
		// PolNeAR's content is the accused and the charge together.
		for j := k; j < end && j-k < 12; j++ {
			if d.word(j) == "of" && !quantifier(d.word(j-1)) {
				if j > k && d.word(k) != "by" && !d.isPunct(j-1, ',') {
					return k // "accused Ames of being a Democrat"
				}
				// "accused by the media of ...", "accused the North's
				// leader, Kim Jong Un, of recklessness": the charge alone.
				return j
			}
		}
	}
	w := d.word(k)
	adverbial := isPreposition(w) || isWeekday(w) || w == "last" || w == "earlier" || w == "this" || w == "for"
	tell := c.lemma == "tell" || c.lemma == "inform" || c.lemma == "notify" || c.lemma == "assure" || c.lemma == "reassure" || c.lemma == "remind"
	if adverbial || tell {
		for j := k; j < end && j-k < 14; j++ {
			if d.toks[j].kind == tQuote || d.isPunct(j, '.') || d.isPunct(j, ';') {
				break
			}
			if d.word(j) == "that" {
				return j
			}
			if _, ok := d.cueAt(j); ok {
				break
			}
		}
	}
	if c.lemma == "express" || c.lemma == "voice" {
		// "expressed deep concern about the policy": the feeling is the
		// cue's object; PolNeAR's content is what it is about.
		for j := k; j < end && j-k < 4; j++ {
			if feelingNoun(d.word(j)) {
				if p := d.word(j + 1); (p == "about" || p == "over" || p == "with" || p == "at" || p == "regarding" || p == "that" || p == "in") && j+2 < end && d.toks[j+2].kind == tWord {
					if p == "that" {
						return j + 1
					}
					return j + 2
				}
				break
			}
			if t := d.toks[j]; t.kind != tWord || t.upper {
				break
			}
		}
	}
	if o := d.objectNounEnd(c, k, end); o > k {
		// "offered some kind words about the mayor", "claimed
		// responsibility for the attack", "said little about the plan":
		// the noun and its preposition belong to the cue; the content is
		// what they are about.
		return o
	}
	switch w {
	case "about", "of", "for", "against", "over", "with":
		// "talked about the plan", "warned of a crisis": the preposition
		// belongs to the cue; PolNeAR's content is its object.
		if k+1 < end && d.toks[k+1].kind == tWord && !d.toks[k+1].digit {
			return k + 1
		}
	}
	if cuePreposition(c.lemma, w) && k+1 < end && (d.toks[k+1].kind == tWord || d.toks[k+1].kind == tQuote) {
		// "responded to the report", "commented on his future", "lashed
		// out at Khan", "believes in the American dream": the preposition
		// belongs to the cue; the content is its object.
		return k + 1
	}
	if tell {
		switch {
		case objectPronoun(w):
			k++
		case d.audienceAt(k, end) > k:
			// "told his audience they ...", "telling a packed crowd, ...":
			// the listeners, not what they were told.
			k = d.audienceAt(k, end)
		case k < end && (w == "the" || d.toks[k].upper):
			j := k
			if w == "the" {
				j++
			}
			for j < end && d.toks[j].kind == tWord && d.toks[j].upper {
				j++
			}
			if j > k+1 || w != "the" {
				k = j
			}
		}
		for k < end && (d.isPunct(k, ',') || d.isPunct(k, ':')) {
			k++
		}
		return k
	}
	// "said on Wednesday the ministry had ..."
	for k < end {
		w := d.word(k)
		switch {
		case isWeekday(w):
			k++
			if x := d.word(k); x == "night" || x == "morning" || x == "afternoon" || x == "evening" {
				k++
			}
			continue
		case w == "on" && isWeekday(d.word(k+1)):
			k += 2
			continue
		case (w == "in" || w == "at" || w == "during") && (d.word(k+1) == "a" || d.word(k+1) == "an") && adverbialNoun(d.word(k+2)):
			k += 3
			for adverbialNoun(d.word(k)) {
				k++
			}
			continue
		}
		break
	}
	for k < end && (d.isPunct(k, ',') || d.isPunct(k, ':')) {
		k++
	}
	return k
}

// infinitiveCue reports the cue of an infinitive "to VERB" at token k
// after cue c, when VERB is itself a cue and something follows it:
// "declined to discuss the deal", "wants to tell voters that ...", but
// not "declined to comment." (the infinitive is all there is).
func (d *doc) infinitiveCue(c cueWord, k, end int) (cueWord, int, bool) {
	if d.word(k) != "to" || k+3 >= end || c.form == formAdjective {
		return cueWord{}, 0, false
	}
	switch c.lemma {
	case "refuse", "try", "continue":
	default:
		return cueWord{}, 0, false
	}
	ic, ok := d.cueAt(k + 1)
	if !ok || ic.form != formBase || ic.lemma == "according to" {
		return cueWord{}, 0, false
	}
	n := d.cueLen(k+1, ic)
	if d.wordCount(k+1+n, end) < 2 || d.toks[k+1+n].kind == tPunct && !d.isPunct(k+1+n, ':') {
		return cueWord{}, 0, false
	}
	return ic, n, true
}

// objectNounEnd returns where the content starts when the cue at k takes
// a light object that names a reaction followed by a preposition, "some
// kind words about", "responsibility for", "a wish for", "little about",
// or k when there is none.
func (d *doc) objectNounEnd(c cueWord, k, end int) int {
	if c.class == cueTell || c.form == formAdjective {
		return k
	}
	for j := k; j < end && j-k < 4; j++ {
		t := d.toks[j]
		if t.kind != tWord || t.upper || d.inQuote[j] {
			return k
		}
		w := d.word(j)
		if reactionNoun(w) && (j > k || w == "responsibility") || c.class == cueSpeech && j == k && (w == "little" || w == "nothing" || w == "much") {
			p := d.word(j + 1)
			switch p {
			case "about", "for", "of", "on", "toward", "towards", "against", "with", "over", "to", "at", "regarding":
			default:
				return k
			}
			if j+2 < end && d.toks[j+2].kind == tWord || j+2 < end && d.toks[j+2].kind == tQuote {
				return j + 2
			}
			return k
		}
		switch {
		case j == k && (w == "a" || w == "an" || w == "the" || w == "some" || w == "any" || w == "no"):
		case j > k && !closedClass[w] && !isCueWord(w):
		default:
			return k
		}
	}
	return k
}

// reactionNoun names what a speaker offers or voices about something:
// "praise for", "criticism of", "words about", "responsibility for".
func reactionNoun(w string) bool {
	switch w {
	case "support", "praise", "criticism", "criticisms", "words", "questions", "opposition", "attacks",
		"sympathy", "admiration", "responsibility", "thoughts", "congratulations", "condolences", "wish",
		"rant", "defense", "defence", "tribute", "apology", "assault", "broadside", "endorsement",
		"skepticism", "scepticism", "reservations", "misgivings", "doubts", "disdain", "contempt",
		"enthusiasm", "gratitude", "thanks", "warnings", "complaints", "views", "opinions":
		return true
	}
	return false
}

// cuePreposition reports whether preposition w, right after a cue with
// lemma lemma, is part of the cue: "respond to", "comment on", "lash out
// at", "believe in".
func cuePreposition(lemma, w string) bool {
	switch lemma {
	case "respond":
		return w == "to"
	case "comment", "opine", "weigh in":
		return w == "on"
	case "lash out":
		return w == "at"
	case "believe":
		return w == "in"
	}
	return false
}

// audienceAt returns the end of a phrase naming listeners at token k,
// "his audience", "the crowd", "a packed crowd", or k when there is none.
func (d *doc) audienceAt(k, end int) int {
	switch d.word(k) {
	case "the", "his", "her", "their", "our", "a", "an", "its":
	default:
		return k
	}
	for j := k + 1; j < end && j <= k+2; j++ {
		if d.toks[j].kind != tWord {
			return k
		}
		if audienceNoun(d.word(j)) {
			return j + 1
		}
	}
	return k
}

func audienceNoun(w string) bool {
	switch w {
	case "audience", "crowd", "crowds", "supporters", "staff", "aides", "followers", "listeners", "viewers",
		"colleagues", "readers", "fans", "members", "donors", "reporters", "reporter", "voters", "students",
		"delegates", "congregation", "interviewer", "attendees", "guests", "employees", "workers", "room":
		return true
	}
	return false
}

// feelingNoun names what "expressed"/"voiced" carry: "concern about X".
func feelingNoun(w string) bool {
	switch w {
	case "concern", "concerns", "misgivings", "doubt", "doubts", "worry", "worries", "frustration",
		"skepticism", "scepticism", "anger", "outrage", "confidence", "interest", "optimism", "pessimism",
		"fear", "fears", "disappointment", "dismay", "alarm", "reservations", "sympathy", "regret",
		"surprise", "hope", "hopes", "displeasure", "unease", "condolences", "solidarity", "opposition":
		return true
	}
	return false
}

func isPreposition(w string) bool {
	switch w {
	case "on", "in", "at", "during", "to", "with", "after", "before", "of", "about", "from", "via", "through", "in an", "late", "early", "per":
		return true
	}
	return false
}

func objectPronoun(w string) bool {
	switch w {
	case "him", "her", "them", "me", "us", "you", "reporters", "journalists", "supporters", "lawmakers", "voters", "listeners", "viewers", "students":
		return true
	}
	return false
}

func adverbialNoun(w string) bool {
	switch w {
	case "statement", "interview", "speech", "rally", "press", "conference", "briefing", "email", "letter",
		"tweet", "post", "hearing", "news", "release", "radio", "television", "tv", "video", "call",
		"phone", "telephone", "joint", "written", "brief", "recent", "campaign", "stop", "event", "town",
		"hall", "meeting", "debate", "op-ed", "column", "blog", "message", "memo", "report", "podcast",
		"appearance", "forum", "session", "summit", "visit", "media", "facebook", "twitter":
		return true
	}
	return false
}

// contentEnd is where content starting at cs stops: at a participial
// attribution (", saying", ", according to") or the sentence's end.
func (b *builder) contentEnd(cs, end int) int {
	d := b.d
	opening := d.subordinateOpening(cs)
	for j := cs; j < end; j++ {
		if d.inQuote[j] {
			continue
		}
		if opening && j > cs+1 && d.isPunct(j, ',') && j+1 < end && d.toks[j+1].kind == tWord {
			// "Although he has said the plan works, his aides ...": the
			// comma closes the subordinate clause; the main clause is the
			// outlet's.
			return j
		}
		if opening && j > cs+1 && d.commaQuote(j) && j+1 < end && d.toks[j+1].kind == tWord {
			return j + 1 // `Although she said it was "a mistake," the board ...`
		}
		if w := d.word(j); (w == "and" || w == "but") && j > cs+2 && (d.coordinatedCue(j+1) || d.isParticipial(j+1)) {
			// "said A and warned B": B is a claim of its own.
			if d.isPunct(j-1, ',') {
				return j - 1
			}
			return j
		}
		if j > cs+2 && (d.isPunct(j, ',') || d.isPunct(j, ';') || d.word(j) == "but" || d.word(j) == "while" || d.word(j) == "and") && d.newAttribution(j+1, end) && !d.possessiveCue(j+1, end) {
			// "..., and human rights groups warned that ...": another speaker
			// (but not "and the council's repeated refusal to vote").
			if d.word(j) != "" && d.isPunct(j-1, ',') {
				return j - 1
			}
			return j
		}
		if d.commaQuote(j) && j > cs+2 && (d.isParticipial(j+1) || d.word(j+1) == "according" && d.word(j+2) == "to") {
			// The comma inside the closing quote: `that it is a
			// "distortion," describing the team as accomplished`.
			return j + 1
		}
		if !d.isPunct(j, ',') && !d.isPunct(j, ';') {
			continue
		}
		if j > cs+3 && d.isPunct(j, ',') && d.verbListAt(j+1, end) {
			// "suggested the rules were unfair, called the count a farce
			// and left": a list of the subject's verb phrases.
			return j
		}
		if j > cs+2 && d.isPunct(j, ',') && d.finalRelative(j+1, end) && !(d.word(j+1) == "while" && d.evidenceBefore(cs)) {
			// "said he would visit the plant, which employs 300 people":
			// a closing relative clause comments on the content's last noun
			// in the outlet's voice. But "a poll found that 40 percent back
			// Wells, while 35 percent back Roe": the contrast is found too.
			return j
		}
		if d.isParticipial(j+1) || d.word(j+1) == "according" && d.word(j+2) == "to" {
			return j
		}
		if isSubordinator(d.word(j+1)) && d.isParticipial(j+2) {
			return j // "..., while acknowledging that ..."
		}
		if d.word(j+1) == "compared" && (d.word(j+2) == "with" || d.word(j+2) == "to") && d.isPunct(j, ',') {
			return j // "54 percent said they back Roe, compared with 40 percent in May"
		}
		if w := d.word(j + 1); j > cs+2 && d.isPunct(j, ',') && d.relativeBefore(cs) && (auxiliaries[w] && w != "not" && w != "never" && w != "being" && w != "been" || d.verbPhraseAt(j+1)) && !d.toks[j+1].upper && !d.commaIn(cs, j) {
			// "Smith, who has said the plan is dead, is now running for
			// mayor": the comma closes the relative clause.
			return j
		}
		if c, ok := d.cueAt(j + 1); ok && j > cs+2 && d.isPunct(j, ',') && d.relativeBefore(cs) && (c.class == cueSpeech || c.class == cueTell) && (c.form == formPast || c.form == formThird) {
			// "Barkley, who said he votes Democratic, said one candidate
			// ...": the comma closes the relative clause; the verb after it
			// is the sentence's own attribution.
			return j
		}
		if j > cs+3 && d.newClause(j+1, end) {
			// "..., and the downgrade is casting a shadow": the outlet's own.
			return j
		}
	}
	return end
}

// evidenceBefore reports whether content starting at cs follows an
// evidence cue ("found", "shows that"): what a poll or study found.
func (d *doc) evidenceBefore(cs int) bool {
	for k := cs - 1; k >= 0 && cs-k <= 2; k-- {
		if c, ok := d.cueAt(k); ok {
			return c.class == cueEvidence
		}
		if d.word(k) != "that" {
			return false
		}
	}
	return false
}

// verbListAt reports whether a cue verb of the subject's own opens at i
// after a comma: "..., called her a fraud and walked out". "..., said
// Smith" is a frame.
func (d *doc) verbListAt(i, end int) bool {
	c, ok := d.cueAt(i)
	if !ok || d.inQuote[i] || d.toks[i].upper || c.form != formPast && c.form != formThird || c.class == cueEvidence || c.lemma == "continue" {
		return false
	}
	switch c.lemma {
	case "say", "add", "tell", "write", "ask", "explain", "note", "according to":
		return false
	}
	return true
}

// finalRelative reports whether a relative clause opening at i ("which
// employs", "who heads", "whose", "where") runs unbroken to end: no
// comma, semicolon, colon, dash or bracket closes it for the sentence to
// go on.
func (d *doc) finalRelative(i, end int) bool {
	switch d.word(i) {
	case "which", "who", "whose", "where":
	case "a", "an":
		// "said the plan was dead, a verdict few shared": a closing
		// appositive comments on what was said.
	case "while", "when", "after":
		// "said the plant would close, after talks failed", but not
		// "..., while reducing costs": that is still what was said.
		if strings.HasSuffix(d.word(i+1), "ing") {
			return false
		}
	default:
		return false
	}
	for k := i + 1; k < end; k++ {
		if t := d.toks[k]; t.kind == tPunct && (t.r == ',' || t.r == ';' || t.r == ':' || t.r == '—' || t.r == '–' || t.r == '-' || t.r == '(') {
			return false
		}
	}
	return true
}

// subordinateOpening reports whether content starting at cs lies in a
// subordinate clause that opens its sentence and is still open at cs:
// "Although the mayor said the budget is balanced, ...", "While polls
// show the race tightening, ...".
func (d *doc) subordinateOpening(cs int) bool {
	si := d.sentOf(cs)
	if si >= len(d.sents) {
		return false
	}
	s0 := d.sents[si].t0
	for s0 < cs && (d.toks[s0].kind == tQuote || d.word(s0) == "but" || d.word(s0) == "and") {
		s0++
	}
	for x := 0; x < 3 && s0+1 < cs && timeMeasure(d.word(s0)); x++ {
		s0++ // "Three years after the party vowed ...", "Shortly before"
	}
	k := s0 + 1
	switch d.word(s0) {
	case "among", "for", "to", "of", "with", "in", "at", "on", "from":
		// "Among voters who want a change, most ...": the relative clause
		// sits in an opening phrase.
		if !d.relativeBefore(cs) {
			return false
		}
	case "although", "though", "while", "when", "after", "before", "since", "if", "because", "once", "until", "whereas", "as", "despite", "amid", "following", "unlike", "like":
	case "even":
		switch d.word(s0 + 1) {
		case "though", "if", "as", "when":
			k++
		default:
			return false
		}
	default:
		return false
	}
	if d.wordCount(k, cs) < 2 {
		return false // "As reported today, ...": no subject of its own
	}
	for j := s0; j < cs; j++ {
		if t := d.toks[j]; t.kind == tPunct && (t.r == ',' || t.r == ';' || t.r == ':' || t.r == '—' || t.r == '(') || t.kind == tQuote {
			return false
		}
	}
	switch d.word(cs) {
	case "even", "if", "when", "while", "just", "because", "as":
		return false // the content opens a clause of its own
	}
	return true
}

// timeMeasure reports whether w can measure the time before a
// subordinator: "three years after", "hours before", "shortly after".
func timeMeasure(w string) bool {
	switch w {
	case "a", "few", "several", "two", "three", "four", "five", "six", "ten", "hours", "days", "weeks", "months", "years", "minutes", "moments", "shortly", "soon", "just", "only", "long", "right", "immediately", "decades":
		return true
	}
	return len(w) > 0 && w[0] >= '0' && w[0] <= '9'
}

// commaIn reports whether a comma outside quotes lies in [a, b).
func (d *doc) commaIn(a, b int) bool {
	for k := a; k < b; k++ {
		if d.isPunct(k, ',') && !d.inQuote[k] {
			return true
		}
	}
	return false
}

// relativeBefore reports whether a "who" opens the clause a few tokens
// before content start cs: "Barkley, who said ...".
func (d *doc) relativeBefore(cs int) bool {
	for k := cs - 1; k >= 0 && cs-k <= 4; k-- {
		if d.word(k) == "who" {
			return true
		}
	}
	return false
}

// pollWord names the polls and surveys that PolNeAR counts as sources of
// the figures reported "in" them.
func pollWord(w string) bool {
	switch w {
	case "poll", "polls", "survey", "surveys":
		return true
	}
	return false
}

// askedOrPoll handles two openings without a speech verb after the
// speaker: "Asked whether he would run, Smith said ..." (a question put to
// someone, attributed to no one) and "In a CNN poll released Monday,
// CONTENT" (the poll is the source). It adds the claim and returns where
// the rest of the segment starts, or a.
func (b *builder) askedOrPoll(a, end, e int) int {
	d := b.d
	if !d.toks[a].upper || !d.sentenceOpens(a) {
		return a
	}
	comma := func(from int) int {
		// The segment may end at the comma: "Asked whether ..., she
		// said, "..."" leaves only the question to this segment.
		for c := from; c < e && c-from < 40; c++ {
			if d.isPunct(c, ',') && !d.inQuote[c] {
				return c
			}
			if d.commaQuote(c) {
				return c + 1
			}
		}
		return -1
	}
	switch d.word(a) {
	case "asked":
		// "Asked whether he would run, Smith said", "Asked by Matt Lauer
		// whether ...", "Asked during a debate why ...": the question is
		// reported, its asker (when named) the source.
		var spk mention
		k := a + 1
		if d.word(k) == "by" {
			if spk = d.npAfter(k+1, end); !spk.ok() {
				return a
			}
			k = spk.t1
		}
		q := -1
		for j := k; j < end && j-k < 10 && !d.isPunct(j, ','); j++ {
			switch d.word(j) {
			case "whether", "if", "what", "how", "why", "who", "when", "where", "which", "about", "to":
				q = j
			}
			if q >= 0 {
				break
			}
		}
		if q < 0 {
			return a
		}
		c := comma(q)
		if c < 0 || d.wordCount(q, c) < 2 {
			return a
		}
		cs := q
		if d.word(q) == "about" {
			cs = q + 1
		}
		b.add(pending{kind: b.kindOf(cs, c), parts: [][2]int{{cs, c}}, spk: spk, cue: [2]int{a, a + 1}, inherit: -1, conf: 0.5})
		return c + 1
	case "in":
		c := comma(a + 1)
		if c < 0 || c-a > 14 || d.wordCount(c+1, end) < 3 {
			return a
		}
		poll := -1 // the poll word ends the mention: "a CNN poll released Monday"
		for k := a + 1; k < c; k++ {
			if d.toks[k].kind != tWord && !d.isPunct(k, '/') && !d.isPunct(k, '-') {
				return a
			}
			if pollWord(d.word(k)) {
				poll = k
			}
		}
		if poll < 0 || d.inQuote[c] {
			return a
		}
		ce := b.contentEnd(c+1, end)
		b.add(pending{kind: b.kindOf(c+1, ce), parts: [][2]int{{c + 1, ce}}, spk: mention{a + 1, poll + 1}, cue: [2]int{a, a + 1}, inherit: -1, conf: 0.5})
		return ce
	}
	return a
}

// trailingPoll returns the "in" of a sentence-final "in a CNN national
// poll", or -1.
func (d *doc) trailingPoll(a, end int) int {
	for j := end - 2; j > a+2 && end-j <= 10; j-- {
		t := d.toks[j]
		if t.kind != tWord && !d.isPunct(j, '/') && !d.isPunct(j, '-') || d.inQuote[j] {
			return -1
		}
		if t.key != "in" {
			continue
		}
		named := false
		for k := j + 1; k < end && k-j <= 4; k++ {
			if pollWord(d.word(k)) {
				if !named {
					// "leads in the polls", "is ahead in national
					// surveys": polls in general, no source.
					return -1
				}
				return j
			}
			if !genericPollWord(d.word(k)) {
				named = true
			}
		}
		return -1
	}
	return -1
}

// genericPollWord is a word that may stand before "polls" without naming
// any poll: "the latest polls", "some national surveys".
func genericPollWord(w string) bool {
	switch w {
	case "the", "a", "some", "most", "many", "several", "all", "recent", "latest", "new", "national", "state",
		"public", "opinion", "preference", "early", "this", "that", "these", "those", "other", "various":
		return true
	}
	return false
}

// trailingAccording returns the token of a ", according to X" that closes
// [a, end), or -1.
func (d *doc) trailingAccording(a, end int) int {
	for j := end - 3; j > a+2; j-- {
		if d.inQuote[j] {
			return -1
		}
		if d.word(j) == "according" && d.word(j+1) == "to" && (d.isPunct(j-1, ',') || isDash(d, j-1)) {
			if m := d.sourceAfter(j+2, end); m.ok() && m.t1 >= end-1 {
				return j
			}
			return -1
		}
	}
	return -1
}

// whoCue reports whether the cue at k is the verb of a "who" clause:
// "Mara Quill, who says the tax is unfair, wrote that ...".
func (d *doc) whoCue(k int) bool {
	for p := k - 1; p >= 0 && k-p <= 3; p-- {
		switch w := d.word(p); {
		case w == "who":
			return true
		case auxiliaries[w] || w == "also" || w == "has" || w == "have" || w == "had" || strings.HasSuffix(w, "ly"):
		default:
			return false
		}
	}
	return false
}

// relativeSubject finds the subject of the cue at j when a relative clause
// stands between them: "Another Muslim who worshiped at the mosque and did
// not want to be named said": the noun phrase before "who", which must
// open its clause.
func (d *doc) relativeSubject(j, lo int) mention {
	for k := j - 2; k > lo && j-k < 25; k-- {
		t := d.toks[k]
		if d.inQuote[k] || t.kind == tQuote || t.kind == tPunct && (t.r == ';' || t.r == ':' || t.r == '.') {
			return mention{}
		}
		if w := d.word(k); w != "who" {
			if w == "that" && !(isCueWord(d.word(k-1)) && d.whoCue(k-1)) || w == "which" || (w == "said" || w == "says") && !d.whoCue(k) {
				return mention{}
			}
			continue
		}
		h := k - 1
		if d.isPunct(h, ',') {
			h--
		}
		if w := d.word(h); w == "and" || w == "but" {
			continue // "who worshiped here and who did not want to be named"
		}
		paren := -1
		if d.isPunct(h, ')') {
			// "Sen. Clara Marlow (D-Mo.), who has endorsed Roe, said"
			o := d.openBracket(h, lo, 10)
			if o < 0 {
				return mention{}
			}
			paren, h = h+1, o-1
		}
		if h < lo || d.toks[h].kind != tWord {
			return mention{}
		}
		hw := d.word(h)
		if _, ok := pronouns[hw]; ok || !d.toks[h].upper && speakerNouns[hw] == "" && !isPlural(hw) {
			return mention{}
		}
		s := d.npStart(h, lo)
		if !d.sentenceOpens(s) && !d.isPunct(s-1, ',') && !d.afterSubordinator(s) {
			return mention{}
		}
		if paren > 0 {
			return mention{s, paren}
		}
		return mention{s, h + 1}
	}
	return mention{}
}

// auxBefore reports whether an auxiliary sits right before the cue at j:
// "who ... has said".
func (d *doc) auxBefore(j int) bool {
	for k := j - 1; k >= 0 && j-k <= 3 && skipBeforeCue[d.word(k)]; k-- {
		if auxiliaries[d.word(k)] {
			return true
		}
	}
	return false
}

// phraseEnd shortens the content of a stance or intention cue to its
// object: "opposed the tax, down from 47 percent in 2009" and "supported
// the bill when it came to the Senate" hold the position only up to the
// comma or the subordinate clause; what follows is the outlet's.
func (d *doc) phraseEnd(cs, ce int) int {
	e := d.phraseStop(cs, ce)
	for e > cs+1 && e < ce && !d.inQuote[e-1] && (d.word(e-1) == "and" || d.word(e-1) == "or" || d.word(e-1) == "but") {
		e-- // "praised Rihanna and, among others, ...": not the dangling "and"
	}
	return e
}

// phraseStop is where phraseEnd's object ends, before trimming.
func (d *doc) phraseStop(cs, ce int) int {
	for j := cs + 1; j < ce; j++ {
		if d.inQuote[j] {
			continue
		}
		t := d.toks[j]
		if t.kind == tPunct && t.r == ',' {
			if k := d.commaGoesOn(j, ce); k > j {
				j = k - 1
				continue
			}
			if k := d.asideComma(cs, j, ce); k > j {
				j = k
				continue
			}
		}
		if t.kind == tPunct && t.r == ':' && d.colonGoesOn(j+1, ce) {
			continue // "criticizing the night's big winner: Ray Hale"
		}
		if t.kind == tPunct && t.r == '(' {
			if k := d.asideEnd(j, ce); k > j {
				j = k
				continue
			}
		}
		if t.kind == tPunct && (t.r == '–' || t.r == '-') {
			k := j + 1
			if d.isPunct(k, '-') {
				k++ // "--"
			}
			if d.dashClause(k) {
				return j // "endorsed Pell - the first time it has weighed in"
			}
			j = k - 1
			continue
		}
		if t.kind == tPunct && (t.r == ',' || t.r == ';' || t.r == '—' || t.r == '(' || t.r == ')' || t.r == ':') {
			return j
		}
		if w := t.key; t.kind == tWord && j > cs && auxiliaries[w] && w != "not" && w != "never" && w != "being" && w != "been" && !t.upper && d.relativeBefore(cs) && !d.relativeBetween(cs, j) {
			return j // "Voters who support Wells are younger": the relative clause is over
		}
		if c, ok := d.cueAt(j); ok && c.class == cueSpeech && (c.form == formPast || c.form == formThird) && !d.cueInObject(cs, j) {
			return j // "Senators who supported the bill said ...": the clause is over
		}
		if (t.key == "and" || t.key == "but") && t.kind == tWord && (j > cs+1 || j > cs && d.toks[cs].kind == tWord) && d.verbPhraseAt(j+1) && !d.relativeBetween(cs, j) {
			return j // "endorsed Hale and has appeared at his side", "called them rapists and vowed ..."
		}
		if j == cs+1 && t.kind == tWord && !d.toks[cs].upper && (objectPronoun(d.word(cs)) || d.word(cs) == "it") && d.word(cs) != "you" && d.word(cs) != "her" {
			switch t.key {
			case "in", "at", "during", "from":
				return j // "described it in print": the object is the pronoun ("pressed him on taxes" goes on)
			}
		}
		switch t.key {
		case "when", "while", "because", "although", "though", "unless", "whereas", "during", "since", "after", "before", "until", "despite":
			if t.kind == tWord && !t.upper && !d.eventPhrase(j) {
				return j
			}
		case "in", "on", "at", "from":
			// "called for more investment in a statement on Thursday",
			// "blasted Roe on Twitter": where it was said, not what.
			if n := d.word(j + 1); (n == "a" || n == "an") && adverbialNoun(d.word(j+2)) || adverbialNoun(n) && d.toks[j+1].upper {
				return j
			}
			if isWeekday(d.word(j + 1)) {
				if d.stanceGoesOn(j + 2) {
					j++
					continue
				}
				return j
			}
			if t.kind == tWord && !t.upper && d.word(cs) != "to" && d.venueAhead(j+1) {
				return j // "attacked the judge at a boisterous San Diego rally", "in his radio show"
			}
		}
		if k := d.timePhrase(j); k > j && !t.upper && j > cs && d.word(cs) != "to" && d.word(j-1) != "of" && (k >= ce || d.toks[k].kind == tPunct || d.word(k) == "and") {
			return j // "endorsed Hale last week", "backed Mr. Wells in December"
		}
		if t.kind == tWord && isWeekday(t.key) && j > cs && !d.stanceGoesOn(j+1) {
			return j // "blasted Roe as a disgrace Wednesday"
		}
	}
	return ce
}

// asideEnd returns the closing bracket of a short aside opening at j
// that the stance's object goes on after ("endorsed Sen. Jane Roe (D-Ore.)
// for re-election"), or -1.
func (d *doc) asideEnd(j, ce int) int {
	for k := j + 1; k < ce && k-j <= 6; k++ {
		if d.isPunct(k, ')') {
			if k+1 < ce && d.toks[k+1].kind == tWord {
				return k
			}
			return -1
		}
		if d.toks[k].kind == tPunct && d.toks[k].r != '.' && d.toks[k].r != '-' || auxiliaries[d.word(k)] {
			return -1
		}
	}
	return -1
}

// asideComma returns the comma that closes a short aside opening at the
// comma j when the stance's object goes on after it, or -1: "called
// Jane Roe, the county chair, onto the stage", "praised the plan, by all
// accounts a modest one, as a start", "said the donors, including
// the Smith network, would stay away".
func (d *doc) asideComma(cs, j, ce int) int {
	if w := d.word(j - 1); w == "and" || w == "but" || w == "or" {
		return -1 // "backed Smith in 2012 and, in later races, has ...": a verb phrase of its own
	}
	for k := j + 1; k < ce && k-j <= 12; k++ {
		t := d.toks[k]
		if d.inQuote[k] || t.kind == tQuote || auxiliaries[d.word(k)] {
			return -1
		}
		if c, ok := d.cueAt(k); ok && c.form != formBase {
			return -1 // "..., as he has said, ...": an aside with a verb is a clause
		}
		if t.kind != tPunct {
			continue
		}
		if t.r != ',' {
			if t.r == '.' || t.r == '-' || t.r == '\'' {
				continue
			}
			return -1
		}
		if k == j+1 || k+1 >= ce || d.toks[k+1].kind != tWord {
			return -1
		}
		switch d.word(k + 1) {
		case "to", "as", "for", "onto", "about", "of", "with":
			return k // the object's complement: "called X, the chair, onto the stage"
		}
		switch d.word(cs) {
		case "that", "how", "whether", "why", "what", "if", "when":
			// A clause: its verb may follow the aside ("that the donors,
			// including X, would stay away").
			if w := d.word(k + 1); auxiliaries[w] && w != "not" && w != "being" || d.verbPhraseAt(k+1) && !strings.HasSuffix(w, "ing") {
				return k
			}
		}
		return -1
	}
	return -1
}

// dashClause reports whether what follows a spaced dash at i is a
// comment of the outlet's rather than more of the object: a clause ("-
// but it has not helped", "- they appeared together") or a phrase about
// the whole ("- the first time it has weighed in"), not a list or an
// example ("- including ...", "- rich and poor -").
func (d *doc) dashClause(i int) bool {
	w := d.word(i)
	switch w {
	case "but", "and", "which", "who", "the":
		return true
	}
	return pronouns[w] != "" && w != "who"
}

// cueInObject reports whether the speech verb at j belongs to the
// stance's object rather than ending it: a modifier after a possessive or
// a determiner ("criticized Smith's proposed budget", "the alleged
// scheme"), or the verb of a clause inside the object with a subject of
// its own ("cited a study where the lead author said ...", "praised the
// book she wrote").
func (d *doc) cueInObject(cs, j int) bool {
	p := d.word(j - 1)
	if j-1 >= cs && (isDeterminer(p) || possessivePronoun(p) || strings.HasSuffix(p, "'s") || strings.HasSuffix(p, "’s")) {
		return true
	}
	if pronouns[p] != "" && p != "who" && j-1 > cs {
		return true
	}
	for k := cs; k < j; k++ {
		if w := d.word(k); (w == "where" || w == "that" || w == "when") && !d.inQuote[k] {
			return true
		}
	}
	return false
}

// stanceGoesOn reports whether the stance's own object or reason resumes
// at token i after a time phrase: "attacked Hale on Monday over his
// stance on abortion", "called the remarks Saturday "a wake-up call"".
func (d *doc) stanceGoesOn(i int) bool {
	if i < len(d.toks) && d.toks[i].kind == tQuote {
		return true
	}
	switch d.word(i) {
	case "over", "for", "that", "as", "a", "an":
		return true
	}
	return false
}

// eventPhrase reports whether the time word at j opens a noun phrase
// that belongs to the stance's object: "an entitlement-slashing Grand
// Bargain during the debt ceiling talks", "to get the book out before the
// election".
func (d *doc) eventPhrase(j int) bool {
	switch d.word(j) {
	case "during", "before":
		if d.word(j+1) != "the" {
			return false
		}
		for k := j + 2; k < len(d.toks) && k <= j+4; k++ {
			if adverbialNoun(d.word(k)) {
				return false // "criticized the plan before the debate": when it was said
			}
		}
		return true
	case "after":
		return d.word(j+1) == "a" // "regain her footing after a difficult stretch"
	}
	return false
}

// venueAhead reports whether the words from i name the occasion or
// medium of a statement: "a boisterous San Diego rally", "his radio show",
// "its Facebook page".
func (d *doc) venueAhead(i int) bool {
	w := d.word(i)
	if !isDeterminer(w) && !isWeekday(w) {
		return false
	}
	for k := i + 1; k < len(d.toks) && k <= i+4; k++ {
		t := d.toks[k]
		if t.kind != tWord || d.inQuote[k] {
			return false
		}
		switch t.key {
		case "rally", "interview", "speech", "statement", "show", "page", "debate", "address", "appearance", "appearances", "remarks",
			"op-ed", "column", "tweet", "video", "conference", "briefing", "forum", "commercial", "ad", "facebook", "twitter", "interviews",
			"floor", "podcast", "broadcast", "blog", "website", "hearing", "program", "channel":
			// but not "lauded Mr. Clarke in his address for helping ...":
			// the reason is the stance's.
			return d.word(k+1) != "for" && d.word(k+1) != "as"
		}
	}
	return false
}

// colonGoesOn reports whether what follows a colon at i spells out the
// stance's object ("issues affecting all Nevadans: the economy and
// national security") rather than opening a sentence of its own ("as an
// example: He ...").
func (d *doc) colonGoesOn(i, ce int) bool {
	if i >= ce || d.toks[i].kind != tWord || d.inQuote[i] {
		return false
	}
	w := d.word(i)
	if pronouns[w] != "" || w == "in" || w == "on" || w == "at" || w == "as" || w == "but" || w == "and" || w == "if" || w == "when" || w == "it" || w == "this" || w == "there" {
		return false
	}
	for k := i; k < ce && k-i < 12; k++ {
		if c, ok := d.cueAt(k); ok && (c.form == formPast || c.form == formThird) || auxiliaries[d.word(k)] {
			return false // a clause: "...: Hale has said ..."
		}
	}
	return true
}

// verbPhraseAt reports whether a second verb phrase of the same subject
// starts at token i: "has appeared", "cast himself", "once again did",
// "refused to", "later fessed up".
func (d *doc) verbPhraseAt(i int) bool {
	for k := 0; k < 2; k++ {
		switch w := d.word(i); {
		case w == "then" || w == "later" || w == "also" || w == "once" || w == "again" || w == "pointedly" || w == "generally" || w == "instead":
			i++
		}
	}
	if i >= len(d.toks) {
		return false
	}
	t := d.toks[i]
	if t.kind != tWord || t.upper || d.inQuote[i] {
		return false
	}
	if auxiliaries[t.key] && t.key != "not" && t.key != "never" && t.key != "being" && t.key != "been" {
		return true
	}
	if c, ok := d.cueAt(i); ok && c.form != formBase && c.form != formParticiple {
		return true
	}
	switch t.key {
	case "cast", "made", "put", "set", "stopped", "refused", "vowed", "went", "took", "gave", "urged", "showed", "handed", "embraced", "celebrated", "defended", "accused", "criticized", "pledged", "promised":
		return true
	}
	return false
}

// relativeBetween reports whether a relative clause opens in [a, b): in "a
// bill which had support and would have overhauled" the second verb is
// the clause's.
func (d *doc) relativeBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if w := d.word(k); w == "which" || w == "who" || w == "that" || w == "whom" {
			return true
		}
	}
	return false
}

// timePhrase returns the end of a phrase saying when that starts at token
// j, or -1: "last week", "earlier this month", "in December", "yesterday".
func (d *doc) timePhrase(j int) int {
	switch d.word(j) {
	case "yesterday", "today", "tonight":
		return j + 1
	case "earlier", "later":
		if d.word(j+1) == "this" || d.word(j+1) == "in" {
			j++
		}
		fallthrough
	case "last", "this", "next":
		switch n := d.word(j + 1); n {
		case "week", "month", "year", "night", "weekend", "fall", "spring", "summer", "winter", "morning", "afternoon", "evening":
			return j + 2
		default:
			if isWeekday(n) {
				return j + 2
			}
		}
	case "in":
		if w := d.word(j + 1); (w == "early" || w == "late" || w == "mid") && monthNames[d.word(j+2)] {
			j++ // "in early June"
		}
		if monthNames[d.word(j+1)] && d.toks[j+1].upper {
			if j+2 < len(d.toks) && d.toks[j+2].digit {
				return j + 3 // "in November 2016"
			}
			return j + 2
		}
	}
	return -1
}

// commaGoesOn reports whether the object of a stance cue goes on past the
// comma at j, and returns the token to resume scanning from (or -1): a
// list ("a litany of proposals on jobs, education and criminal justice"),
// an example ("several factors, including budget cuts") or a state or
// party label ("Sen. Tom Wells, I-Vt.").
func (d *doc) commaGoesOn(j, ce int) int {
	n := d.word(j + 1)
	switch n {
	case "including", "especially", "particularly", "notably":
		if j+2 < ce && d.toks[j+2].kind == tWord {
			return j + 2
		}
		return -1
	case "such":
		if d.word(j+2) == "as" {
			return j + 3
		}
	}
	if j+1 < ce && d.toks[j+1].kind == tWord && (partyLabel(d.toks[j+1].key) && d.toks[j+1].upper || d.toks[j+1].digit && len(n) == 4 && d.toks[j-1].digit) {
		// "Barry Goldwater, R-Ariz.,", "the Sept. 11, 2001, attacks"
		k := j + 2
		if d.isPunct(k, '.') {
			k++
		}
		if d.isPunct(k, ',') {
			k++
		}
		return k
	}
	// A list: one to four words between commas, then "and" or "or".
	words := 0
	for k := j + 1; k < ce && k-j < 14; k++ {
		t := d.toks[k]
		if d.inQuote[k] {
			return -1
		}
		if t.kind == tPunct && t.r == ',' {
			if words == 0 {
				return -1
			}
			if n := d.word(k + 1); (n == "and" || n == "or") && k+2 < ce && d.toks[k+2].kind == tWord {
				return k + 2 // "voters, lawmakers, and thinkers": a serial comma
			}
			words = 0
			continue
		}
		if t.kind != tWord {
			return -1
		}
		if (t.key == "and" || t.key == "or") && words > 0 {
			return k + 1
		}
		if words++; words > 4 || auxiliaries[t.key] || pronouns[t.key] != "" || isCueWord(t.key) || listBreaker(t.key) {
			return -1
		}
	}
	return -1
}

// quantifier reports whether w picks out part of a group: "one of the
// journalists".
func quantifier(w string) bool {
	switch w {
	case "one", "some", "many", "all", "each", "none", "both", "most", "several", "any", "two", "three":
		return true
	}
	return false
}

// partyLabel reports whether w is a party and state label such as "R-Ariz"
// or "D-N.Y", or a state abbreviation that follows a city: "San
// Bernardino, Calif."
func partyLabel(w string) bool {
	if len(w) >= 3 && (w[0] == 'r' || w[0] == 'd' || w[0] == 'i') && w[1] == '-' {
		return true
	}
	switch w {
	case "calif", "fla", "ariz", "ala", "ark", "colo", "conn", "del", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "va", "vt", "wash", "wis", "wyo":
		return true
	}
	return false
}

// listBreaker reports whether w opens a clause rather than a list item.
func listBreaker(w string) bool {
	switch w {
	case "who", "whom", "whose", "which", "that", "where", "when", "while", "as", "because", "if", "though", "although", "but", "saying", "then", "so":
		return true
	}
	return false
}

// newAttribution reports whether a clause with its own speaker and cue
// starts at token i: "human rights groups warned", "but officials say".
func (d *doc) newAttribution(i, end int) bool {
	// ", which he described as ...": a nested attribution of its own.
	for i < end && (d.word(i) == "and" || d.word(i) == "but" || d.word(i) == "while" || d.word(i) == "though" || d.word(i) == "although" || d.word(i) == "which" || d.word(i) == "whom") {
		i++
	}
	for x := i + 1; x < end && x-i < 8; x++ {
		if d.inQuote[x] || d.toks[x].kind != tWord {
			return false
		}
		c, ok := d.cueAt(x)
		if !ok {
			continue
		}
		if c.form == formIng || c.class == cueEvidence || c.lemma == "according to" {
			return false
		}
		m, aux := d.subjectBefore(x, i)
		return m.ok() && m.t0 == i && formFits(d, c, aux, m, x) && (c.class == cueSpeech || c.class == cueTell)
	}
	return false
}

// possessiveCue reports whether the first cue word within a few words of
// i follows a possessive or a determiner, a modifier rather than a verb:
// "and the council's repeated refusal to vote".
func (d *doc) possessiveCue(i, end int) bool {
	for x := i + 1; x < end && x-i < 8; x++ {
		if _, ok := d.cueAt(x); !ok {
			continue
		}
		return modifierSlot(d.word(x - 1))
	}
	return false
}

// modifierSlot reports whether a word after w is a modifier or a noun
// rather than a verb: w is an article, a possessive pronoun or a
// possessive noun ("the council's", but not the contraction "he's").
func modifierSlot(w string) bool {
	switch w {
	case "the", "a", "an":
		return true
	}
	if possessivePronoun(w) {
		return true
	}
	for _, s := range []string{"'s", "’s"} {
		if stem, ok := strings.CutSuffix(w, s); ok {
			switch stem {
			case "he", "she", "it", "that", "there", "who", "what", "here", "where", "let", "how":
				return false
			}
			return true
		}
	}
	return false
}

// afterConjunction reports whether the cue at j follows "and" or "but",
// perhaps with auxiliaries between: "but has said".
func (d *doc) afterConjunction(j int) bool {
	k := j - 1
	for x := 0; x < 3 && k >= 0 && (skipBeforeCue[d.word(k)] || strings.HasSuffix(d.word(k), "ly")); x++ {
		k--
	}
	return d.word(k) == "and" || d.word(k) == "but"
}

// newClause reports whether an independent clause with its own subject
// starts at token i after a comma: "and the downgrade is", "but it was",
// "yet refuses".
func (d *doc) newClause(i, end int) bool {
	switch d.word(i) {
	case "and", "but", "yet", "while", "although", "though", "whereas":
	default:
		return false
	}
	i++
	if i >= end {
		return false
	}
	if d.word(i) == "that" || d.word(i) == "whether" || d.word(i) == "if" {
		return false // "said A, and that B": still what was said
	}
	if w := d.word(i); w == "yet" || d.word(i-1) == "yet" {
		return true
	}
	t := d.toks[i]
	if t.kind != tWord || !(t.upper || isDeterminer(t.key) || pronouns[t.key] != "") {
		return false
	}
	for x := i + 1; x < end && x-i < 6; x++ {
		w := d.word(x)
		if w == "" {
			return false
		}
		if auxiliaries[w] && w != "not" && w != "never" {
			return true
		}
		if isCueWord(w) && !modifierSlot(d.word(x-1)) {
			return true // "and the nearly uniform support for her" is a noun phrase
		}
	}
	return false
}

// coordinatedCue reports whether token i is a cue verb sharing the subject
// of the clause before: "and says", "but also warned".
func (d *doc) coordinatedCue(i int) bool {
	for k := 0; k < 3 && (skipBeforeCue[d.word(i)] || strings.HasSuffix(d.word(i), "ly")); k++ {
		i++ // "and has also said"
	}
	c, ok := d.cueAt(i)
	return ok && (c.form == formPast || c.form == formThird) && c.class != cueEvidence && c.lemma != "continue"
}

// trimEnd drops the sentence's final punctuation (but not a closing quote)
// from [a, e).
func trimEnd(d *doc, a, e int) int {
	for e > a {
		t := d.toks[e-1]
		if t.kind == tPunct && (t.r == '.' || t.r == ',' || t.r == ';' || t.r == ':' || t.r == '—' || t.r == '-') {
			e--
			continue
		}
		break
	}
	return e
}

// kindOf says whether content [s, e) is indirect, mixed (it holds a
// quotation) or direct (it is one).
func (b *builder) kindOf(s, e int) Kind {
	d := b.d
	hasQuote := false
	for i := s; i < e; i++ {
		if d.toks[i].kind == tQuote {
			hasQuote = true
			break
		}
	}
	if !hasQuote {
		return Indirect
	}
	if q, ok := d.quoteOpening(s); ok && q.last == e-1 {
		return Direct
	}
	return Mixed
}

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
			for i := cs; i < end; i++ {
				if d.isPunct(i, ',') && !d.inQuote[i] {
					return // "Ready to back Roe, Ostrov works to unite Dems"
				}
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

// outletOwn adds captions and, for every body sentence that no claim
// touches, an assertion of the outlet's own.
func (b *builder) outletOwn() {
	d := b.d
	for p := range d.paras {
		pa := d.paras[p]
		switch pa.role {
		case roleCaption:
			b.add(pending{kind: Caption, parts: [][2]int{{pa.t0, pa.t1}}, inherit: -1, conf: 0.7})
		case roleBody:
			for s := pa.s0; s < pa.s1; s++ {
				st := d.sents[s]
				touched := false
				for i := st.t0; i < st.t1; i++ {
					if d.used[i] {
						touched = true
						break
					}
				}
				if !touched && d.wordCount(st.t0, st.t1) > 0 {
					b.add(pending{kind: Assertion, parts: [][2]int{{st.t0, st.t1}}, inherit: -1, conf: 0.6})
				}
			}
		}
	}
}

// drafts turns the pending claims into drafts in text order, resolving
// speakers in the order their mentions appear.
func (b *builder) drafts(r *resolver) []Draft {
	d := b.d
	order := make([]int, 0, len(b.claims))
	for i := range b.claims {
		order = append(order, i)
	}
	at := func(i int) int {
		c := b.claims[i]
		if c.spk.ok() {
			return c.spk.t0
		}
		return c.parts[0][0]
	}
	slices.SortStableFunc(order, func(x, y int) int { return at(x) - at(y) })
	refs := make([]*SpeakerRef, len(b.claims))
	for _, i := range order {
		c := b.claims[i]
		switch {
		case c.inherit >= 0 && refs[c.inherit] != nil:
			ref := *refs[c.inherit]
			if c.spk.ok() {
				ref.Mention = Span{d.toks[c.spk.t0].start, d.toks[c.spk.t1-1].end}
			}
			refs[i] = &ref
		case c.spk.ok():
			refs[i] = r.resolve(c.spk)
		}
	}
	out := make([]Draft, 0, len(b.claims))
	for i, c := range b.claims {
		dr := Draft{Kind: c.kind, Speaker: refs[i], Confidence: c.conf}
		for _, pt := range c.parts {
			dr.Parts = append(dr.Parts, Span{d.toks[pt[0]].start, d.toks[pt[1]-1].end})
		}
		dr.Content = Span{dr.Parts[0].Start, dr.Parts[len(dr.Parts)-1].End}
		if len(dr.Parts) == 1 {
			dr.Parts = nil
		}
		if c.cue[1] > c.cue[0] {
			dr.Cue = &Span{d.toks[c.cue[0]].start, d.toks[c.cue[1]-1].end}
		}
		if dr.Speaker != nil && dr.Speaker.Kind == "" {
			dr.Speaker.Kind = Anonymous
		}
		if dr.Kind.Attributed() && dr.Speaker == nil {
			dr.Confidence = min(dr.Confidence, 0.4)
		}
		out = append(out, dr)
	}
	slices.SortStableFunc(out, func(x, y Draft) int {
		if x.Content.Start != y.Content.Start {
			return x.Content.Start - y.Content.Start
		}
		return x.Content.End - y.Content.End
	})
	return out
}

// reportedly makes a clause with "reportedly" in it a claim reported by
// no one in particular: "The FBI is reportedly making arrangements to
// interview Roe" holds the clause without the adverb. It returns where
// the rest of the segment starts, or a.
func (b *builder) reportedly(a, end int) int {
	d := b.d
	r := -1
	for k := a + 1; k < end; k++ {
		if d.word(k) == "reportedly" && !d.inQuote[k] {
			r = k
			break
		}
		if d.isPunct(k, ',') || d.isPunct(k, ';') || d.toks[k].kind == tQuote {
			return a // only in the clause that opens the segment
		}
	}
	if r < 0 || d.wordCount(r+1, end) < 2 {
		return a
	}
	cs := a
	for cs < r && (d.word(cs) == "but" || d.word(cs) == "and" || d.word(cs) == "so") {
		cs++
	}
	if cs == r {
		return a
	}
	ce := b.contentEnd(r+1, end)
	b.add(pending{kind: b.kindOf(cs, ce), parts: [][2]int{{cs, r}, {r + 1, ce}}, cue: [2]int{r, r + 1}, inherit: -1, conf: 0.45})
	return ce
}

// fallbackCue reports whether the cue at a clause's verb is strong enough
// to take everything before it as its speaker when no noun phrase could be
// found there (clauseSubject).
func fallbackCue(c cueWord) bool {
	if c.form != formPast && c.form != formThird && !(c.form == formBase && c.lemma == "say") {
		return false
	}
	return c.class == cueSpeech || c.class == cueTell
}

// opensClause reports whether token i opens a sentence or follows a
// conjunction or dash that opens a clause: where "After saying ..., he"
// can start, unlike "Hale won the room by saying ...".
func (d *doc) opensClause(i int) bool {
	if d.sentenceOpens(i) {
		return true
	}
	w := d.word(i - 1)
	return w == "and" || w == "but" || isDash(d, i-1) || d.isPunct(i-1, ';') || d.isPunct(i-1, ':')
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
