package claims

import "strings"

// Passive attributions: "The move was criticized by Democrats", "Dunn was
// asked by the moderator whether ...". The agent after "by" is the source;
// what was criticized (the subject) or asked (what follows the agent) is
// the content.

// passiveClass says what a passive participle reports.
type passiveClass int

const (
	// passiveJudge: the subject is what the agent judges, reports or
	// backs: "The proposal was rejected by voters", "Hale has been
	// criticized by his rivals for failing to ...".
	passiveJudge passiveClass = iota + 1
	// passiveAsk: the words after the agent are what was asked or said
	// to the subject: "was asked by a reporter whether ...", "after being
	// warned by the Russian government that he was a threat".
	passiveAsk
	// passiveFeel: the subject is moved by what follows "by": "FBI
	// officials were angered by the deal".
	passiveFeel
)

// passiveVerbs are the participles whose "by" agent PolNeAR counts as a
// source.
var passiveVerbs = map[string]passiveClass{
	"criticized": passiveJudge, "criticised": passiveJudge, "attacked": passiveJudge, "accused": passiveJudge,
	"denounced": passiveJudge, "condemned": passiveJudge, "rebuked": passiveJudge, "derided": passiveJudge,
	"berated": passiveJudge, "booed": passiveJudge, "mocked": passiveJudge, "ridiculed": passiveJudge,
	"slammed": passiveJudge, "blasted": passiveJudge, "lambasted": passiveJudge, "chided": passiveJudge,
	"scolded": passiveJudge, "castigated": passiveJudge, "faulted": passiveJudge, "blamed": passiveJudge,
	"praised": passiveJudge, "applauded": passiveJudge, "hailed": passiveJudge, "lauded": passiveJudge,
	"endorsed": passiveJudge, "supported": passiveJudge, "championed": passiveJudge, "opposed": passiveJudge,
	"rejected": passiveJudge, "disputed": passiveJudge, "dismissed": passiveJudge, "echoed": passiveJudge,
	"shared": passiveJudge, "reported": passiveJudge, "claimed": passiveJudge, "described": passiveJudge,
	"portrayed": passiveJudge, "characterized": passiveJudge, "called": passiveJudge, "labeled": passiveJudge,
	"labelled": passiveJudge, "dubbed": passiveJudge, "branded": passiveJudge, "deemed": passiveJudge,
	"seen": passiveJudge, "viewed": passiveJudge, "regarded": passiveJudge, "perceived": passiveJudge,
	"remembered": passiveJudge, "interpreted": passiveJudge, "favored": passiveJudge, "favoured": passiveJudge,
	"disliked": passiveJudge, "distrusted": passiveJudge, "reviled": passiveJudge, "recommended": passiveJudge,
	"nominated": passiveJudge, "proposed": passiveJudge, "confirmed": passiveJudge, "revealed": passiveJudge,
	"denied": passiveJudge, "authored": passiveJudge, "quoted": passiveJudge, "cited": passiveJudge,
	"asked": passiveAsk, "told": passiveAsk, "warned": passiveAsk, "urged": passiveAsk, "pressed": passiveAsk,
	"informed": passiveAsk, "assured": passiveAsk, "reminded": passiveAsk, "pushed": passiveAsk,
	"startled": passiveFeel, "impressed": passiveFeel, "angered": passiveFeel, "shocked": passiveFeel,
	"scared": passiveFeel, "delighted": passiveFeel, "outraged": passiveFeel, "intrigued": passiveFeel,
	"troubled": passiveFeel, "pleased": passiveFeel, "shaken": passiveFeel, "alarmed": passiveFeel,
	"dismayed": passiveFeel, "disturbed": passiveFeel, "offended": passiveFeel, "disappointed": passiveFeel,
	"heartened": passiveFeel, "bothered": passiveFeel, "appalled": passiveFeel, "horrified": passiveFeel,
	"stunned": passiveFeel, "encouraged": passiveFeel, "incensed": passiveFeel, "infuriated": passiveFeel,
}

// reducedVerbs are the participles that report a source's view of the
// noun they follow without an auxiliary: "a practice criticized by civil
// rights advocates", "The immigration bill, opposed by House Republicans,".
var reducedVerbs = map[string]bool{
	"criticized": true, "criticised": true, "denounced": true, "derided": true, "rejected": true, "opposed": true,
	"echoed": true, "favored": true, "favoured": true, "described": true, "proposed": true, "condemned": true,
	"praised": true, "disputed": true, "championed": true, "endorsed": true, "reported": true,
}

// asReported are the participles of "as reported by X".
var asReported = map[string]bool{"reported": true, "described": true, "noted": true, "detailed": true}

// asReportedBy adds the claim of "As reported by X, CONTENT" or
// "CONTENT, as first reported by X" whose "as" is at token k and
// participle at j, and returns the end of what it took, or -1.
func (b *builder) asReportedBy(k, j, start, end int) int {
	d := b.d
	src := d.sourceAfter(j+2, end)
	if !src.ok() {
		return -1
	}
	switch {
	case k == start && d.isPunct(src.t1, ','):
		cs := src.t1 + 1
		ce := b.contentEnd(cs, end)
		if d.wordCount(cs, ce) < 3 {
			return -1
		}
		b.add(pending{kind: b.kindOf(cs, ce), parts: [][2]int{{cs, ce}}, spk: src, cue: [2]int{k, j + 2}, inherit: -1, conf: 0.7})
		return ce
	case k-1 > start && (d.isPunct(k-1, ',') || isDash(d, k-1)):
		if d.wordCount(start, k-1) < 3 {
			return -1
		}
		b.add(pending{kind: b.kindOf(start, k-1), parts: [][2]int{{start, k - 1}}, spk: src, cue: [2]int{k, j + 2}, inherit: -1, conf: 0.7})
		return src.t1
	}
	return -1
}

// agentless are the participles of passives that PolNeAR counts with no
// source, with the words that open their content: "is widely seen as",
// "was asked whether", "It is believed that"; "*" stands for a noun
// phrase, "." for the end of the sentence.
var agentless = map[string]string{
	"seen": "as", "viewed": "as", "regarded": "as", "described": "as", "portrayed": "as", "characterized": "as",
	"billed": "as", "celebrated": "as", "remembered": "as", "lambasted": "as for", "derided": "as",
	"hailed": "as", "touted": "as", "criticized": "as for", "criticised": "as for", "known": "as for",
	"accused": "of", "blamed": "for", "asked": "about if whether what who why how to *", "told": "that",
	"warned": "that", "urged": "to", "pressed": "on about", "said": "to", "believed": "to that",
	"thought": "to that", "rumored": "to that", "alleged": "to that", "assumed": "that",
	// "was declared the winner", "was projected the winner", and "was
	// announced." with nothing after it.
	"declared": "*", "projected": "* as to", "announced": ".",
}

// agentlessPassive adds the claim of a passive with no "by" agent whose
// participle is at token j and auxiliary at aux ("The deal was widely
// seen as a defeat"), and returns the end of what it took, or -1.
func (b *builder) agentlessPassive(j, aux, start, end int) int {
	d := b.d
	if d.word(aux) == "be" && (d.word(aux-1) == "can" || d.word(aux-1) == "could" || d.word(aux-1) == "to") {
		return -1 // "can be seen as", "loath to be seen as": no one's view yet
	}
	k := j + 1
	spec := " " + agentless[d.word(j)] + " "
	if strings.Contains(spec, " . ") && k >= end {
		// "On Thursday, the dissolution of the club was announced."
		if s, se := d.passiveSubject(aux, start); s >= 0 && !relativeWord(d.word(s)) && d.word(s) != "what" {
			b.add(pending{kind: b.kindOf(s, se), parts: [][2]int{{s, se}}, cue: [2]int{j, j + 1}, inherit: -1, conf: 0.4})
			return se
		}
		return -1
	}
	if !strings.Contains(spec, " "+d.word(k)+" ") && !(strings.Contains(spec, " * ") && (d.word(k) == "the" || d.word(k) == "a" || d.word(k) == "an")) {
		return -1
	}
	ce := d.dashEnd(k, d.phraseEnd(k, b.contentEnd(k, end))) // "is seen as a threat, ..."
	if d.wordCount(k, ce) < 2 {
		return -1
	}
	parts := [][2]int{{k, ce}}
	switch sj := d.word(aux - 1); {
	case passiveVerbs[d.word(j)] == passiveAsk:
		// "Roe was asked about the speeches": what was asked.
	case sj == "it" && d.word(k) == "that":
		// "It is widely believed that ..."
	default:
		s, se := d.passiveSubject(aux, start)
		if s < 0 || s > start && d.isPunct(s-1, ',') && (relativeWord(d.word(s)) || d.word(s) == "whose") {
			return -1 // "Mr. Pell, whose finish was seen as a disappointment, said": an aside
		}
		parts = [][2]int{{s, se}, {k, ce}}
	}
	b.add(pending{kind: b.kindOf(parts[0][0], ce), parts: parts, cue: [2]int{j, j + 1}, inherit: -1, conf: 0.45})
	return ce
}

func relativeWord(w string) bool {
	return w == "who" || w == "which" || w == "that" || w == "whom"
}

// asVerbs are the participles that an "as" phrase completes: "seen by
// many as a threat"; after others "as" belongs to the agent ("endorsed by
// papers ranging from such backers as The New York Times").
var asVerbs = map[string]bool{
	"seen": true, "viewed": true, "regarded": true, "perceived": true, "described": true, "portrayed": true,
	"characterized": true, "labeled": true, "labelled": true, "branded": true, "dubbed": true, "remembered": true,
	"interpreted": true, "dismissed": true, "derided": true, "criticized": true, "criticised": true,
	"praised": true, "hailed": true, "lauded": true, "mocked": true, "ridiculed": true, "denounced": true,
	"attacked": true, "condemned": true, "known": true, "considered": true, "deemed": true, "called": true,
}

// beForm reports whether w is a form of "be" that makes a passive.
func beForm(w string) bool {
	switch w {
	case "is", "was", "were", "are", "been", "being", "be", "'s", "’s":
		return true
	}
	return false
}

// notAgent lists what follows "by" without naming anyone: "by far", "by
// phone", "by a margin of".
func notAgent(w, next string) bool {
	switch w {
	case "far", "then", "now", "phone", "email", "e-mail", "mail", "hand", "law", "default", "design",
		"mistake", "accident", "name", "contrast", "comparison", "way", "telephone", "video", "itself", "themselves",
		"acclamation", "proxy", "consensus", "unanimous", "voice":
		return true
	case "the", "a":
		switch next {
		case "time", "end", "way", "margin", "vote", "numbers", "same":
			return true
		}
	}
	return false
}

// passiveBy adds the claim of a passive participle at token j whose agent
// follows "by" ("The meeting was first reported by Politico.") and returns
// the end of what it took, or -1.
func (b *builder) passiveBy(j, start, end int) int {
	d := b.d
	cls := passiveVerbs[d.word(j)]
	_, bare := agentless[d.word(j)]
	if cls == 0 && !bare && !asReported[d.word(j)] || d.toks[j].upper && j != start || d.inQuote[j] {
		return -1
	}
	// The auxiliary, past any adverbs: "was first reported", "were
	// quickly derided", "has also been hit".
	k := j - 1
	for k > start && j-k <= 3 && (skipBeforeCue[d.word(k)] && !beForm(d.word(k)) || d.word(k) == "sometimes" || d.word(k) == "even" || d.word(k) == "now" || len(d.word(k)) > 4 && strings.HasSuffix(d.word(k), "ly")) {
		k--
	}
	if d.word(k) == "as" && asReported[d.word(j)] && d.word(j+1) == "by" {
		return b.asReportedBy(k, j, start, end)
	}
	if cls == 0 && !bare {
		return -1
	}
	aux := k
	reduced := k < start || !beForm(d.word(k))
	// "When pressed by Ames about how ...", "Pushed by host Chuck Todd on
	// what ..., Cuban demurred": a question put to the main clause's subject.
	askOpen := reduced && cls == passiveAsk && d.word(j) != "asked" && (j == start || k == j-1 && isSubordinator(d.word(k)))
	if reduced && !askOpen && (cls != passiveJudge || !reducedVerbs[d.word(j)]) {
		return -1
	}
	if reduced && d.word(j) == "reported" && (k < start || d.isPunct(k, ',')) {
		return -1 // "Starr's remarks, first reported by the Times, suggested ...": all of it is reported
	}
	// "by" soon after the participle: "was appointed to the Supreme Court
	// by", "has been called “strategic ambiguity” by".
	by := -1
	for i := j + 1; i < end && i-j <= 8; i++ {
		if w := d.word(i); w == "by" {
			by = i
			break
		} else if w == "that" || w == "which" || w == "who" || w == "and" || isCueWord(w) && i > j+1 {
			break
		}
		if t := d.toks[i]; t.kind == tPunct {
			break
		}
	}
	if !reduced && bare && (cls == 0 || by < 0) {
		return b.agentlessPassive(j, aux, start, end)
	}
	if cls == 0 {
		return -1
	}
	if cls == passiveFeel {
		return b.feelBy(j, aux, by, start, end)
	}
	if reduced && by != j+1 && !(by == j+2 && strings.HasSuffix(d.word(j+1), "ly")) {
		return -1 // "Hale described the country as beset by": active
	}
	if by < 0 || by+1 >= end || d.toks[by+1].kind != tWord || notAgent(d.word(by+1), d.word(by+2)) {
		return -1
	}
	src := d.agentAfter(by+1, end, asVerbs[d.word(j)])
	if !src.ok() {
		return -1
	}
	// What follows the agent: "for failing to ...", "as a liberal
	// champion", "whether ...", "that he was a threat".
	k = src.t1
	if d.isPunct(k, ',') {
		// "pressed by ABC's host, George Stephanopoulos, about ...": an
		// aside on the agent before what follows it.
		i := k + 1
		for i < end && i-k < 12 && d.toks[i].kind == tWord {
			i++
		}
		if d.isPunct(i, ',') && i > k+1 && passiveComplement(cls, d.word(i+1), asVerbs[d.word(j)]) {
			src.t1, k = i, i+1
		}
	}
	for n := 0; k < end && n < 3 && (isWeekday(d.word(k)) || d.toks[k].digit); n++ {
		k++ // "by the Times on Tuesday", "in 1989"
	}
	cs, ce := -1, -1
	switch {
	case passiveComplement(cls, d.word(k), asVerbs[d.word(j)]):
		cs, ce = k, d.dashEnd(k, d.phraseEnd(k, b.contentEnd(k, end)))
	case cls == passiveAsk && k < end && d.toks[k].kind == tQuote && d.mark[k]:
		cs, ce = k, b.contentEnd(k, end)
	}
	if cs >= 0 && d.wordCount(cs, ce) < 2 {
		cs = -1
	}
	var parts [][2]int
	if cls == passiveAsk {
		if cs < 0 {
			return -1
		}
		parts = append(parts, [2]int{cs, ce})
	} else {
		s, se := -1, -1
		if reduced {
			s, se = d.reducedHead(aux, start)
		} else {
			s, se = d.passiveSubject(aux, start)
		}
		if s < 0 {
			return -1
		}
		parts = append(parts, [2]int{s, se})
		if by > j+1 && !d.adverbialMiddle(j+1) {
			parts = append(parts, [2]int{j + 1, by}) // "are considered unclean by"
		}
		if cs >= 0 {
			parts = append(parts, [2]int{cs, ce})
		}
	}
	last := parts[len(parts)-1][1]
	b.add(pending{kind: b.kindOf(parts[0][0], last), parts: parts, spk: src, cue: [2]int{j, j + 1}, inherit: -1, conf: 0.5})
	return max(last, src.t1)
}

// feelBy adds the claim of "X was angered by Y" whose participle is at
// token j, auxiliary at aux and "by" at by: X holds a view of Y.
func (b *builder) feelBy(j, aux, by, start, end int) int {
	d := b.d
	if by != j+1 {
		return -1
	}
	s, se := d.passiveSubject(aux, start)
	if s < 0 {
		return -1
	}
	cs := by + 1
	ce := d.phraseEnd(cs, b.contentEnd(cs, end))
	if d.wordCount(cs, ce) < 2 {
		return -1
	}
	b.add(pending{kind: b.kindOf(cs, ce), parts: [][2]int{{cs, ce}}, spk: mention{s, se}, cue: [2]int{j, j + 1}, inherit: -1, conf: 0.45})
	return ce
}

// passiveComplement reports whether w opens what follows the agent of a
// passive of class cls: "asked by X whether", "criticized by X for", and
// when as is set, "seen by X as".
func passiveComplement(cls passiveClass, w string, as bool) bool {
	switch cls {
	case passiveAsk:
		switch w {
		case "whether", "if", "that", "to", "about", "on", "what", "how", "why", "where", "when", "who":
			return true
		}
	case passiveJudge:
		return w == "for" || w == "as" && as || w == "of" || w == "over"
	}
	return false
}

// agentAfter reads the agent of a passive from token i: up to a comma or
// the preposition that opens what follows it ("by his rivals for ...").
func (d *doc) agentAfter(i, end int, as bool) mention {
	k := i
	for ; k < end && k-i < 15; k++ {
		if d.toks[k].kind == tPunct && !d.isPunct(k, '.') && !d.isPunct(k, '-') && !d.isPunct(k, '&') || d.toks[k].kind == tQuote && d.mark[k] {
			break
		}
		w := d.word(k)
		if k > i && (w == "for" || w == "as" && as || w == "whether" || w == "if" || w == "that" || w == "to" || w == "about" ||
			w == "over" || w == "during" || w == "after" || w == "before" || w == "when" || w == "while" ||
			w == "because" || w == "since" || w == "on" || w == "at" || w == "and" && d.word(k+1) == "by" ||
			w == "who" || w == "which" || w == "why" || w == "what" || w == "how" || w == "where" || isWeekday(w) || w == "in" && k+1 < len(d.toks) && d.toks[k+1].digit || (w == "last" || w == "this") && (d.word(k+1) == "week" || d.word(k+1) == "month" || d.word(k+1) == "year")) {
			break
		}
	}
	if k == i || d.wordCount(i, k) == 0 {
		return mention{}
	}
	return mention{i, k}
}

// passiveSubject returns where the subject of the passive whose auxiliary
// is at token aux starts and ends ("Roe's attacks were echoed by"), a
// bare relative ("which was first reported by") included, or -1.
func (d *doc) passiveSubject(aux, lo int) (int, int) {
	k := aux - 1
	for k >= lo && d.toks[k].kind == tWord && (skipBeforeCue[d.word(k)] || auxiliaries[d.word(k)] || d.word(k) == "sometimes" || d.word(k) == "even" || d.word(k) == "now" || !d.toks[k].upper && len(d.word(k)) > 4 && strings.HasSuffix(d.word(k), "ly")) {
		k-- // "has been", "had been", "will probably be"
	}
	if k < lo || d.used[k] {
		return -1, -1
	}
	switch d.word(k) {
	case "which", "who", "that", "this", "they", "he", "she", "i", "we", "you":
		return k, k + 1
	case "it", "there":
		return -1, -1
	}
	e := k + 1
	if t := d.toks[k]; t.kind == tPunct && (t.r == ',' || isDash(d, k)) {
		// "Mr. Moss, the former governor of Florida, had been rejected
		// by", "Ray Hale, meanwhile, is supported by": the subject
		// stands before the aside.
		m := k - 1
		for m > lo && k-m < 16 && !(d.toks[m].kind == tPunct && d.toks[m].r == t.r) {
			if d.toks[m].kind == tPunct && d.toks[m].r != '.' && d.toks[m].r != '\'' && d.toks[m].r != '-' {
				return -1, -1
			}
			m--
		}
		if m <= lo || k-m < 2 || d.toks[m].kind != tPunct || d.toks[m].r != t.r || d.toks[m-1].kind != tWord {
			return -1, -1
		}
		e, k = k, m-1
	}
	for ; k >= lo && e-k <= 24; k-- {
		t := d.toks[k]
		if d.used[k] || t.kind == tPunct && t.r != '.' && t.r != '-' && t.r != '&' && t.r != '\'' {
			break
		}
		if t.kind == tWord && (t.key == "and" || t.key == "but" || t.key == "or" || t.key == "so") {
			break // "But those views are not widely shared by ..."
		}
		if t.kind == tWord && !t.upper {
			switch t.key {
			case "that", "which", "who", "when", "while", "after", "before", "because", "since", "although",
				"though", "if", "as", "where", "whether", "than", "until":
				goto done
			}
			if auxiliaries[t.key] {
				goto done
			}
		}
	}
	if e-k > 24 {
		return -1, -1
	}
done:
	s := k + 1
	if s >= e || d.wordCount(s, e) == 0 {
		return -1, -1
	}
	return s, e
}

// reducedHead returns the noun phrase that ends at token k before a
// participle, "a practice" in "a practice criticized by", or the one
// before a comma, "The immigration bill" in "The immigration bill, opposed
// by".
func (d *doc) reducedHead(k, lo int) (int, int) {
	if d.isPunct(k, ',') || isDash(d, k) {
		k--
	}
	e := k + 1
	s := -1
	for i := k; i >= lo && e-i <= 12; i-- {
		t := d.toks[i]
		if t.kind != tWord || d.used[i] || d.inQuote[i] {
			break
		}
		w := t.key
		if isDeterminer(w) {
			s = i
			if d.word(i-1) == "of" {
				continue // "the pages of the e-mails"
			}
			break
		}
		if w == "of" && i < k {
			continue
		}
		if pronouns[w] != "" || !t.upper && (closedClass[w] || auxiliaries[w] || isCueWord(w) || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly")) {
			break
		}
		s = i
	}
	if s < 0 || d.word(s) == "of" {
		return -1, -1
	}
	return s, e
}

// dashEnd cuts content [cs, ce) at a dash that opens another clause: "is
// seen as more capable than Mr. Hale - 60 percent of voters said ...".
func (d *doc) dashEnd(cs, ce int) int {
	for k := cs + 1; k < ce; k++ {
		if !d.inQuote[k] && (isDash(d, k) || d.isPunct(k, '-') && d.toks[k].spaceBefor) {
			return k
		}
	}
	return ce
}

// adverbialMiddle reports whether what stands between a participle and
// its "by" at token i says when or how ("endorsed last week by", "was
// criticized repeatedly by") rather than what ("called a charlatan by").
func (d *doc) adverbialMiddle(i int) bool {
	w := d.word(i)
	switch w {
	case "last", "this", "earlier", "later", "again", "once", "twice", "also", "both", "the":
		return w != "the" || d.word(i+1) == "day" || d.word(i+1) == "week" || d.word(i+1) == "night"
	}
	return i >= 0 && i < len(d.toks) && d.toks[i].kind == tWord && (adverbialPreposition(w) || isWeekday(w) || d.toks[i].digit || strings.HasSuffix(w, "ly"))
}
