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
		if c.form == formIng && (c.class != cueEvidence || pollNoun(d.word(j-1))) && c.lemma != "continue" {
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
	return d.nextComma(cs+1, ce)
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
			ce := d.nextComma(k, end)
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
		ce = d.nextComma(j+2, ce) // the main clause follows the comma
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
		c := d.nextComma(cs, e)
		sent := d.sents[si]
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
	return !d.commaIn(j, e)
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

// pollNoun reports whether w names a count that shows things: "polls
// showing", "a survey finding", "a study suggesting".
func pollNoun(w string) bool {
	return pollWord(w) || w == "study" || w == "studies"
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
	if k <= lo || !documentNouns[d.word(k)] && !pollNoun(d.word(k)) || d.inQuote[k] {
		return mention{}
	}
	if pollNoun(d.word(k)) {
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
	if strings.HasSuffix(last, "'s") {
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
		case auxiliaries[w] || w == "also" || strings.HasSuffix(w, "ly"):
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
