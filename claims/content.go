// Content boundaries: where the words a cue reports start and end, for
// clause contents ('said that ...'), phrase objects of stance verbs
// ('criticized the plan') and the asides, lists and trailing clauses around them.

package claims

import "strings"

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

// nextComma is the first comma outside quotes in [a, b), or b.
func (d *doc) nextComma(a, b int) int {
	for k := a; k < b; k++ {
		if d.isPunct(k, ',') && !d.inQuote[k] {
			return k
		}
	}
	return b
}

// commaIn reports whether a comma outside quotes lies in [a, b).
func (d *doc) commaIn(a, b int) bool {
	return d.nextComma(a, b) < b
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
	if j-1 >= cs && (isDeterminer(p) || possessivePronoun(p) || strings.HasSuffix(p, "'s")) {
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
	if stem, ok := strings.CutSuffix(w, "'s"); ok {
		switch stem {
		case "he", "she", "it", "that", "there", "who", "what", "here", "where", "let", "how":
			return false
		}
		return true
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
