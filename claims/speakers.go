package claims

import (
	"sort"
	"strings"
)

// A speaker is found in two steps. First a mention: the noun phrase next to
// the cue that names who is speaking ("Lieutenant-General Viktor Poznikhir
// of the Russian army's general staff", "he", "officials"). Then the
// mention is resolved against the entities met earlier in the article, so
// that "Poznikhir", "he" and "the general" all become Viktor Poznikhir.

// skipBeforeCue are the auxiliaries and adverbs that may sit between a
// speaker and its cue: "has also said", "had previously warned".
var skipBeforeCue = map[string]bool{
	"also": true, "has": true, "have": true, "had": true, "is": true, "was": true, "are": true,
	"were": true, "will": true, "would": true, "could": true, "should": true, "may": true,
	"might": true, "must": true, "can": true, "did": true, "does": true, "do": true, "not": true,
	"never": true, "previously": true, "later": true, "recently": true, "repeatedly": true,
	"once": true, "then": true, "further": true, "again": true, "often": true, "already": true,
	"still": true, "publicly": true, "privately": true, "reportedly": true, "frequently": true,
	"just": true, "long": true, "always": true, "flatly": true, "separately": true, "earlier": true,
	"first": true, "originally": true, "initially": true, "subsequently": true, "been": true,
	"being": true, "allegedly": true, "openly": true, "explicitly": true, "clearly": true,
	"simply": true, "finally": true, "even": true, "only": true, "personally": true, "quickly": true,
	"strongly": true, "firmly": true, "really": true, "actually": true, "now": true, "herself": true,
	"himself": true, "themselves": true, "itself": true, "generally": true, "apparently": true,
	"didn't": true, "doesn't": true, "don't": true, "hasn't": true, "haven't": true, "hadn't": true,
	"wouldn't": true, "won't": true, "can't": true, "couldn't": true, "isn't": true, "wasn't": true,
	"aren't": true, "weren't": true, "shouldn't": true, "used": true, "going": true,
	"seems": true, "seemed": true, "appears": true, "appeared": true, "continues": true,
	"continued": true, "went": true, "on": true, "all": true, "both": true, "too": true,
	"specifically": true, "directly": true, "correctly": true, "falsely": true, "wrongly": true,
	"rightly": true, "famously": true, "memorably": true, "notably": true, "essentially": true,
	"basically": true, "however": true, "here": true, "meanwhile": true, "instead": true,
	"likewise": true, "similarly": true,
}

// auxiliaries let any form of the cue follow: "will say", "has said".
var auxiliaries = map[string]bool{
	"has": true, "have": true, "had": true, "is": true, "was": true, "are": true, "were": true,
	"will": true, "would": true, "could": true, "should": true, "may": true, "might": true,
	"must": true, "can": true, "did": true, "does": true, "do": true, "been": true,
	"didn't": true, "doesn't": true, "don't": true, "hasn't": true, "haven't": true, "hadn't": true,
	"wouldn't": true, "won't": true, "can't": true, "couldn't": true, "isn't": true, "wasn't": true,
	"aren't": true, "weren't": true, "shouldn't": true, "being": true, "not": true, "never": true,
}

var pronouns = map[string]SpeakerKind{
	"he": Person, "she": Person, "i": Person, "we": Organisation, "they": Anonymous,
	"it": Organisation, "you": Person, "who": Person,
	// Contracted with an auxiliary: "He's pointing out", "they've offered".
	"he's": Person, "she's": Person, "i'm": Person, "i've": Person, "we're": Organisation,
	"we've": Organisation, "they're": Anonymous, "they've": Anonymous, "it's": Organisation,
	"who's": Person, "he'd": Person, "she'd": Person, "they'd": Anonymous, "we'd": Organisation,
}

// closedClass words end a noun phrase when walking back from a cue.
var closedClass = map[string]bool{
	"that": true, "which": true, "whom": true, "whose": true, "when": true, "while": true,
	"where": true, "because": true, "although": true, "though": true, "if": true, "but": true,
	"and": true, "or": true, "nor": true, "as": true, "after": true, "before": true, "since": true,
	"until": true, "so": true, "than": true, "is": true, "was": true, "are": true, "were": true,
	"be": true, "been": true, "has": true, "have": true, "had": true, "do": true, "does": true,
	"did": true, "will": true, "would": true, "can": true, "could": true, "should": true,
	"may": true, "might": true, "must": true, "not": true, "to": true, "in": true, "on": true,
	"at": true, "by": true, "with": true, "from": true, "into": true, "over": true, "under": true,
	"about": true, "against": true, "between": true, "during": true, "without": true,
	"there": true, "here": true, "also": true, "however": true, "meanwhile": true, "now": true,
	"today": true, "yesterday": true, "him": true, "her": true, "them": true, "us": true, "me": true,
	"what": true, "how": true, "why": true, "whether": true, "this": true, "these": true,
	"those": true, "said": true, "says": true, "told": true, "even": true, "just": true,
	"only": true, "then": true, "too": true, "very": true, "yet": true, "still": true,
	"who": true, "like": true, "unlike": true, "through": true, "across": true, "upon": true,
	"onto": true, "toward": true, "towards": true, "among": true, "within": true, "via": true,
	"per": true, "despite": true, "amid": true, "around": true, "why's": true, "it's": true,
	"that's": true, "there's": true, "he's": true, "she's": true, "up": true, "out": true,
	"off": true, "down": true, "no": true, "any": true, "every": true, "each": true,
	"all": true,
}

// leadingFunction words open a sentence but not a noun phrase; they are
// dropped from the start of a mention ("But Smith said").
var leadingFunction = map[string]bool{
	"but": true, "and": true, "so": true, "also": true, "then": true, "now": true, "yet": true,
	"still": true, "meanwhile": true, "however": true, "in": true, "on": true, "at": true,
	"after": true, "before": true, "when": true, "while": true, "as": true, "of": true,
	"for": true, "because": true, "if": true, "though": true, "although": true, "since": true,
	"later": true, "earlier": true, "instead": true, "separately": true,
	"moreover": true, "furthermore": true, "additionally": true, "today": true, "here": true,
	"there": true,
}

// speakerNouns are common-noun heads of speaker phrases: "officials",
// "a spokesman", "the ministry".
var speakerNouns = map[string]SpeakerKind{
	"official": Anonymous, "officials": Anonymous, "source": Anonymous, "sources": Anonymous,
	"spokesman": Person, "spokeswoman": Person, "spokesperson": Person, "analyst": Anonymous,
	"analysts": Anonymous, "expert": Anonymous, "experts": Anonymous, "critic": Anonymous,
	"critics": Anonymous, "aide": Anonymous, "aides": Anonymous, "adviser": Anonymous,
	"advisers": Anonymous, "advisor": Anonymous, "advisors": Anonymous, "people": Anonymous,
	"residents": Anonymous, "witnesses": Anonymous, "witness": Anonymous, "observers": Anonymous,
	"diplomats": Anonymous, "diplomat": Anonymous, "lawmakers": Anonymous, "officers": Anonymous,
	"officer": Anonymous, "police": Organisation, "authorities": Anonymous, "ministry": Organisation,
	"government": Organisation, "campaign": Organisation, "report": Organisation, "study": Organisation,
	"poll": Organisation, "polls": Organisation, "survey": Organisation, "statement": Organisation,
	"researchers": Anonymous, "economists": Anonymous, "scientists": Anonymous, "doctors": Anonymous,
	"doctor": Person, "lawyer": Person, "lawyers": Anonymous, "attorney": Person, "attorneys": Anonymous,
	"activists": Anonymous, "activist": Person, "group": Organisation, "commander": Person,
	"general": Person, "president": Person, "minister": Person, "secretary": Person,
	"director": Person, "chairman": Person, "chairwoman": Person, "chief": Person, "agency": Organisation,
	"department": Organisation, "committee": Organisation, "party": Organisation, "administration": Organisation,
	"candidate": Person, "nominee": Person, "governor": Person, "mayor": Person, "senator": Person,
	"leader": Person, "leaders": Anonymous, "members": Anonymous, "member": Person, "voters": Anonymous,
	"supporters": Anonymous, "opponents": Anonymous, "democrats": Anonymous, "republicans": Anonymous,
	"data": Organisation, "analysis": Organisation, "research": Organisation, "army": Organisation,
	"military": Organisation, "company": Organisation, "firm": Organisation, "court": Organisation,
	"judge": Person, "prosecutors": Anonymous, "prosecutor": Person, "investigators": Anonymous,
	"scholars": Anonymous, "historians": Anonymous, "others": Anonymous, "many": Anonymous,
	"some": Anonymous, "most": Anonymous, "several": Anonymous, "both": Anonymous, "man": Person,
	"woman": Person, "someone": Anonymous, "everyone": Anonymous, "nobody": Anonymous,
	"organizers": Anonymous, "organisers": Anonymous, "strategists": Anonymous, "insiders": Anonymous,
	"staff": Organisation, "team": Organisation, "council": Organisation, "office": Organisation,
	"board": Organisation, "panel": Organisation, "commission": Organisation, "union": Organisation,
	"inspector": Person, "manager": Person, "owner": Person, "professor": Person, "scientist": Person,
	"economist": Person, "historian": Person, "author": Person, "writer": Person, "editor": Person,
	"reporter": Person, "correspondent": Person, "host": Person, "pollster": Person, "pollsters": Anonymous,
	"ambassador": Person, "envoy": Person, "negotiator": Person, "negotiators": Anonymous,
	"colleagues": Anonymous, "friends": Anonymous, "family": Organisation, "neighbours": Anonymous,
	"neighbors": Anonymous, "parents": Anonymous, "students": Anonymous, "workers": Anonymous,
	"employees": Anonymous, "users": Anonymous, "fans": Anonymous, "americans": Anonymous,
	"percent": Anonymous, "majority": Anonymous, "minority": Anonymous, "half": Anonymous,
	"third": Anonymous, "quarter": Anonymous, "respondents": Anonymous, "one": Anonymous,
	"two": Anonymous, "three": Anonymous, "four": Anonymous, "five": Anonymous, "ten": Anonymous,
	"paper": Organisation, "newspaper": Organisation, "article": Organisation, "documents": Organisation,
	"document": Organisation, "letter": Organisation, "memo": Organisation, "filing": Organisation,
	"city": Organisation, "county": Organisation, "town": Organisation, "state": Organisation,
	"authority": Organisation, "board's": Organisation, "school": Organisation, "hospital": Organisation,
	"university": Organisation, "company's": Organisation, "figures": Organisation,
}

// orgWords make a capitalised name an organisation rather than a person.
var orgWords = map[string]bool{
	"ministry": true, "department": true, "house": true, "times": true, "post": true,
	"journal": true, "news": true, "agency": true, "committee": true, "pac": true, "party": true,
	"campaign": true, "commission": true, "office": true, "bureau": true, "administration": true,
	"government": true, "army": true, "police": true, "association": true, "union": true,
	"institute": true, "university": true, "foundation": true, "center": true, "centre": true,
	"group": true, "company": true, "corp": true, "corp.": true, "inc": true, "inc.": true,
	"court": true, "congress": true, "senate": true, "pentagon": true, "kremlin": true,
	"reuters": true, "ap": true, "afp": true, "cnn": true, "bbc": true, "fox": true, "msnbc": true,
	"gazette": true, "wire": true, "network": true, "poll": true, "survey": true, "report": true,
	"study": true, "fbi": true, "cia": true, "nato": true, "un": true, "u.n.": true, "eu": true,
	"council": true, "board": true, "service": true, "forces": true, "staff": true,
	"tribune": true, "herald": true, "press": true, "magazine": true, "daily": true,
	"chronicle": true, "observer": true, "express": true, "telegraph": true, "guardian": true,
	"bank": true, "fund": true, "organization": true, "organisation": true, "coalition": true,
	"caucus": true, "department's": true, "ministry's": true, "npr": true, "abc": true, "cbs": true,
	"nbc": true, "politico": true, "breitbart": true, "inquirer": true, "review": true,
	"assembly": true, "parliament": true, "cabinet": true, "embassy": true,
	"authority": true, "federation": true, "league": true, "alliance": true, "club": true,
	"team": true, "media": true, "broadcasting": true, "television": true, "radio": true,
	"society": true, "trust": true, "project": true, "program": true, "programme": true,
	"industries": true, "holdings": true, "ltd": true, "ltd.": true, "llc": true, "co.": true,
	"school": true, "college": true, "hospital": true, "clinic": true, "laboratory": true,
	"lab": true, "council's": true, "fed": true, "treasury": true,
}

// titles open or make up a role: "Lieutenant-General", "Sen.", "Secretary
// of State". Lower case.
var titles = map[string]bool{
	"president": true, "vice": true, "secretary": true, "minister": true, "prime": true,
	"foreign": true, "general": true, "lieutenant-general": true, "lt.-gen.": true,
	"gen.": true, "lt.": true, "col.": true, "colonel": true, "major": true, "maj.": true,
	"captain": true, "capt.": true, "admiral": true, "adm.": true, "sergeant": true, "sgt.": true,
	"senator": true, "sen.": true, "rep.": true, "representative": true, "congressman": true,
	"congresswoman": true, "governor": true, "gov.": true, "mayor": true, "judge": true,
	"justice": true, "chief": true, "director": true, "chairman": true, "chairwoman": true,
	"chair": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "ambassador": true,
	"envoy": true, "commander": true, "dr.": true, "mr.": true, "mrs.": true, "ms.": true,
	"prof.": true, "professor": true, "attorney": true, "deputy": true, "assistant": true,
	"senior": true, "former": true, "acting": true, "candidate": true, "nominee": true,
	"presidential": true, "leader": true,
	"speaker": true, "king": true, "queen": true, "prince": true, "pope": true, "rev.": true,
	"reverend": true, "inspector": true, "superintendent": true, "sheriff": true, "officer": true,
	"manager": true, "executive": true, "ceo": true, "founder": true, "editor": true,
	"correspondent": true, "analyst": true, "adviser": true, "advisor": true, "aide": true,
	"lieutenant": true, "commissioner": true, "sir": true, "dame": true,
	"lord": true, "lady": true, "sen": true, "rep": true, "gov": true, "dr": true, "mr": true,
	"mrs": true, "ms": true, "economist": true, "physician": true, "doctor": true, "lawyer": true,
	"chancellor": true, "premier": true, "emir": true, "sheikh": true, "ayatollah": true,
	"cardinal": true, "bishop": true, "mullah": true, "rabbi": true, "imam": true, "professor.": true,
	"head": true, "press": true, "communications": true, "engineer": true, "councillor": true,
	"councilor": true, "councilman": true, "councilwoman": true, "organiser": true, "organizer": true,
	"mayor-elect": true, "president-elect": true, "coach": true, "detective": true, "constable": true,
	"trooper": true, "nurse": true, "surgeon": true, "pastor": true, "father": true, "lawmaker": true,
	"delegate": true, "treasurer": true, "auditor": true, "comptroller": true, "clerk": true,
	"administrator": true, "official": true, "strategist": true, "pollster": true, "consultant": true,
	"researcher": true, "scientist": true, "historian": true, "activist": true, "author": true,
	"columnist": true, "host": true, "anchor": true, "reporter": true, "writer": true,
}

// mention is a speaker phrase as found: tokens [t0, t1).
type mention struct{ t0, t1 int }

func (m mention) ok() bool { return m.t1 > m.t0 }

// subjectOK reports whether the cue at token i has a plausible subject right
// before it.
func (d *doc) subjectOK(i int) bool {
	m, _ := d.subjectBefore(i, d.paras[d.paraOf(i)].t0)
	return m.ok()
}

// subjectBefore finds the noun phrase that ends right before the cue at
// token i (skipping auxiliaries and adverbs) and starts no earlier than lo.
// aux reports whether an auxiliary was skipped, which lets a bare base form
// ("did not say") act as a cue.
func (d *doc) subjectBefore(i, lo int) (m mention, aux bool) {
	j := i - 1
	for skipped := 0; j >= lo && skipped < 4; skipped++ {
		w := d.word(j)
		if w == "" || !skipBeforeCue[w] && !(strings.HasSuffix(w, "ly") && !d.toks[j].upper && len(w) > 4) {
			break
		}
		if (w == "will" || w == "may" || w == "can") && d.toks[j].upper && j == i-1 && d.pastCue(i) {
			break // "Will wrote that ...": a name, since no modal comes before a past tense
		}
		if auxiliaries[w] {
			aux = true
		}
		j--
	}
	// "Smith on Monday said", "Orr last week said"
	if j-1 >= lo && isWeekday(d.word(j)) && d.word(j-1) == "on" {
		j -= 2
	} else if j-1 >= lo && (d.word(j) == "week" || d.word(j) == "month" || d.word(j) == "year") && (d.word(j-1) == "last" || d.word(j-1) == "this") {
		j -= 2
	} else if j >= lo && isWeekday(d.word(j)) && !d.toks[j].upper {
		j-- // "yesterday", "today"
	}
	// "Proponents of the bill, however, say"
	if j-2 >= lo && d.isPunct(j, ',') && d.isPunct(j-2, ',') {
		switch d.word(j - 1) {
		case "however", "too", "meanwhile", "though", "instead", "moreover", "similarly", "likewise":
			j -= 3
		}
	}
	if j < lo {
		return mention{}, aux
	}
	// "Kall -- co-editor of a book on the debates -- said": the speaker
	// stands before the parenthetical.
	dashed := false
	if isDash(d, j) || d.isPunct(j, '-') {
		k := j - 1
		for k > lo && d.isPunct(k, '-') {
			k--
		}
		for k > lo && j-k < 30 && !isDash(d, k) && !d.isPunct(k, '-') && d.toks[k].kind != tQuote {
			k--
		}
		if k <= lo || !(isDash(d, k) || d.isPunct(k, '-')) {
			return mention{}, aux
		}
		for k-1 > lo && d.isPunct(k-1, '-') {
			k--
		}
		j, dashed = k-1, true
	}
	// "Rep. Gwen Moore (D-Wis.) said": the parenthetical joins the mention.
	paren := -1
	if d.isPunct(j, ')') {
		k := d.openBracket(j, lo, 8)
		if k < 0 || k-1 < lo || d.toks[k-1].kind != tWord || !d.toks[k-1].upper {
			return mention{}, aux
		}
		paren = j + 1
		j = k - 1
	}
	t := d.toks[j]
	if t.kind == tPunct && t.r == '%' {
		return d.shareSubject(j, lo), aux
	}
	// "Smith, a doctor, said" and "Smith, 45, said"
	if t.kind == tPunct && t.r == ',' || t.kind == tQuote && d.mark[j] && d.isPunct(j-1, ',') {
		// The second form keeps the comma inside a closing quote:
		// `Lehel, the hacker known as "Guccifer," stated`.
		return d.appositiveSubject(j, lo), aux
	}
	if t.kind != tWord || d.inQuote[j] {
		return mention{}, aux
	}
	head := d.word(j)
	switch head {
	case "surveyed", "polled", "interviewed", "questioned", "sampled":
		// "the senators surveyed support", "students polled say": the
		// participle trails the head noun.
		if p := d.word(j - 1); j-1 >= lo && (isPlural(p) || speakerNouns[p] != "") {
			start := d.npStart(j-1, lo)
			if d.word(start) == "percent" || d.toks[start].digit || d.sentenceOpens(start) || d.isPunct(start-1, ',') {
				return mention{start, j + 1}, aux
			}
		}
	}
	if t.digit && strings.HasSuffix(head, "-old") && j-1 >= lo && isDeterminer(d.word(j-1)) {
		// "the 43-year-old asked": the age is the head noun.
		return mention{j - 1, j + 1}, aux
	}
	if t.digit || head == "percent" {
		// "47 percent of voters say", "More than six in 10 said"
		return d.shareSubject(j, lo), aux
	}
	if (head == "which" || head == "that") && d.relativeAfterNoun(j, lo) {
		// "the European Union, which contended", "a super PAC that intends"
		return mention{j, j + 1}, aux
	}
	if head == "some" && d.toks[j+1].kind == tWord && !d.inQuote[j] {
		// "laws that some say target Muslims", "while some argue": the
		// quantifier stands alone as the subject.
		return mention{j, j + 1}, aux
	}
	closeToHim := objectPronoun(head) && (d.word(j-1) == "to" || d.word(j-1) == "with") && closeTo(d.word(j-2))
	if !t.upper && !closeToHim {
		if _, ok := pronouns[head]; !ok && (closedClass[head] || isCueWord(head) || strings.HasSuffix(head, "ly") || isDeterminer(head)) {
			return mention{}, aux
		}
		// A lower-case head must look like a speaker: "officials", "the
		// company", not "made" in "made plans".
		if _, ok := pronouns[head]; !ok && speakerNouns[head] == "" && !isPlural(head) && !d.hasDeterminer(j, lo) {
			// "Experts on North Korea and nuclear nonproliferation said":
			// the head comes before the prepositional phrase.
			if h := d.prepHead(j, lo); h >= 0 {
				if start := d.npStart(h, lo); d.sentenceOpens(start) || d.isPunct(start-1, ',') {
					return mention{start, j + 1}, aux
				}
			}
			return mention{}, aux
		}
	} else if leadingFunction[head] || head == "the" || head == "a" || head == "this" || head == "that" || head == "there" {
		return mention{}, aux
	}
	end := j + 1
	if paren > 0 {
		end = paren
	}
	start := d.npStart(j, lo)
	if dashed && !d.sentenceOpens(start) && !d.isPunct(start-1, ',') && !d.afterSubordinator(start) {
		return mention{}, aux
	}
	return mention{start, end}, aux
}

// pastCue reports whether the cue at token i is in the past tense.
func (d *doc) pastCue(i int) bool {
	c, ok := d.cueAt(i)
	return ok && c.form == formPast
}

// openBracket returns the "(" that the ")" at token c closes, looking back
// no further than lo and at most n tokens, or -1: "Rep. Gwen Moore (D-Wis.)".
func (d *doc) openBracket(c, lo, n int) int {
	for o := c - 1; o >= lo && c-o <= n; o-- {
		if d.isPunct(o, '(') {
			return o
		}
	}
	return -1
}

// closeBracket returns the ")" that closes the "(" at token o, looking no
// further than hi and at most n tokens ahead, or -1.
func (d *doc) closeBracket(o, hi, n int) int {
	for c := o + 1; c <= hi && c-o <= n; c++ {
		if d.isPunct(c, ')') {
			return c
		}
	}
	return -1
}

// prepHead finds the head of a speaker phrase whose last word j belongs to
// a prepositional phrase after it: "experts on nuclear nonproliferation",
// "officials at the agency". It returns -1 when there is none.
func (d *doc) prepHead(j, lo int) int {
	for k := j - 1; k > lo && j-k <= 8; k-- {
		w := d.word(k)
		if w == "" || d.inQuote[k] || isCueWord(w) {
			return -1
		}
		switch w {
		case "on", "of", "at", "for", "from", "in", "with":
			hw := d.word(k - 1)
			if hw != "" && (speakerNouns[hw] != "" || isPlural(hw) && !closedClass[hw]) && !isCueWord(hw) {
				return k - 1
			}
			return -1
		}
		if closedClass[w] && w != "and" && !isDeterminer(w) {
			return -1
		}
	}
	return -1
}

// relativeAfterNoun reports whether the "which" or "that" at token j opens
// a relative clause on the noun phrase before it, and so can be the
// subject of a cue: not "said that", "so that" or "now that".
func (d *doc) relativeAfterNoun(j, lo int) bool {
	k := j - 1
	if d.word(j) == "which" && d.isPunct(k, ',') {
		k--
	}
	w := d.word(k)
	if k < lo || w == "" || d.inQuote[k] || closedClass[w] || isCueWord(w) || auxiliaries[w] || strings.HasSuffix(w, "ly") {
		return false
	}
	_, pron := pronouns[w]
	return !pron
}

// closeTo are the adjectives of "a source close to the talks", "people
// familiar with the matter".
func closeTo(w string) bool {
	switch w {
	case "close", "familiar", "loyal", "linked", "allied", "opposed", "sympathetic", "near":
		return true
	}
	return false
}

func isDeterminer(w string) bool {
	switch w {
	case "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "every", "each", "some", "any", "no":
		return true
	}
	return false
}

// hasDeterminer reports whether the phrase ending at head j opens with a
// determiner within a few words: "the company", "its board".
func (d *doc) hasDeterminer(j, lo int) bool {
	for k := j - 1; k >= lo && j-k <= 4; k-- {
		w := d.word(k)
		if w == "" || closedClass[w] && !isDeterminer(w) {
			return false
		}
		// "the", "its", "Connecticut’s", "White House spokesman"
		if isDeterminer(w) || w == "one" || w == "another" || strings.HasSuffix(w, "'s") || d.toks[k].upper {
			return true
		}
	}
	return false
}

// npStart walks back from the head at token j to the start of its noun
// phrase.
func (d *doc) npStart(j, lo int) int {
	start := j
	if _, ok := pronouns[d.word(j)]; ok {
		return j
	}
	for k := j - 1; k >= lo && j-k < 12; k-- {
		t := d.toks[k]
		if t.kind == tPunct && t.r == '&' {
			start = k
			continue
		}
		if t.kind != tWord || d.inQuote[k] {
			break
		}
		w := d.word(k)
		if (w == "to" || w == "with") && k-2 >= lo && closeTo(d.word(k-1)) {
			start = k - 1
			k--
			continue
		}
		if isWeekday(w) && d.word(k-1) == "on" && k-2 >= lo && speakerNouns[d.word(k-2)] != "" {
			// "a POLITICO survey on Tuesday of leading data operatives"
			start = k - 1
			k--
			continue
		}
		if w == "of" || w == "for" || w == "at" || w == "from" || w == "in" || (w == "on" || w == "with") && speakerNouns[d.word(k-1)] != "" {
			// "Viktor Poznikhir of the Russian army", "officials at the
			// State Department", "GOP leaders on the ground": only when a
			// name or speaker noun precedes.
			if k-1 >= lo && d.toks[k-1].kind == tWord && (d.toks[k-1].upper || speakerNouns[d.word(k-1)] != "" || titles[d.word(k-1)]) &&
				(w == "of" || w == "for" || speakerNouns[d.word(k-1)] != "") {
				start = k
				continue
			}
			break
		}
		if w == "the" || w == "a" || w == "an" || w == "another" || w == "his" || w == "her" || w == "their" || w == "its" || w == "our" || w == "my" || (w == "those" || w == "these") && (k < j-1 || isPlural(d.word(j)) && !d.inQuote[j]) {
			start = k
			// A determiner opens the phrase unless "of the" or "close to
			// the" continues it.
			if k-1 >= lo && (d.word(k-1) == "of" || d.word(k-1) == "for") {
				continue
			}
			if k-2 >= lo && speakerNouns[d.word(k-2)] != "" && !d.inQuote[k-2] {
				switch d.word(k - 1) {
				case "at", "in", "from", "on", "with":
					continue // "officials at the State Department", "leaders on the ground"
				}
			}
			if k-2 >= lo && (d.word(k-1) == "to" || d.word(k-1) == "with") && closeTo(d.word(k-2)) {
				continue
			}
			break
		}
		if _, ok := pronouns[w]; ok {
			break
		}
		if w == "and" && k-1 >= lo && d.toks[k-1].kind == tWord && (d.toks[k-1].upper || isPlural(d.word(k-1)) || pronouns[d.word(k-1)] == Person) && !closedClass[d.word(k+1)] {
			start = k // "Mr. Grassley and Mr. Leahy", "Developers and supporters"
			continue
		}
		if !t.upper && (closedClass[w] || isCueWord(w) || strings.HasSuffix(w, "ly")) {
			break
		}
		if t.upper && leadingFunction[w] {
			break
		}
		start = k
	}
	// Drop leading function words: "But", "And".
	for start < j && leadingFunction[d.word(start)] {
		start++
	}
	return start
}

// appositiveSubject handles "NAME, APPOSITIVE, said": comma is the token
// before the cue. The appositive may hold commas of its own ("Schiff, 56,
// who has served on the committee for a decade, told"), so earlier commas
// are tried up to the start of the clause.
func (d *doc) appositiveSubject(comma, lo int) mention {
	tries := 0
	inQuote := d.toks[comma].kind == tQuote // the appositive ends inside a quotation
	for k := comma - 1; k > lo && comma-k < 50 && tries < 4; k-- {
		t := d.toks[k]
		if t.kind == tQuote && d.mark[k] && inQuote {
			inQuote = false
			if d.wordCount(k, comma) > 3 {
				return mention{}
			}
			continue
		}
		if t.kind == tQuote && d.mark[k] {
			// `Lehel, the hacker known as "Guccifer," stated`: a short
			// quoted name inside the appositive.
			x := k - 1
			for x > lo && k-x < 6 && d.toks[x].kind != tQuote {
				x--
			}
			if x <= lo || d.toks[x].kind != tQuote || d.wordCount(x, k) > 3 {
				return mention{}
			}
			k = x
			continue
		}
		if t.kind == tPunct && (t.r == ';' || t.r == ':') {
			return mention{}
		}
		if t.kind != tPunct || t.r != ',' || k == comma-1 {
			continue
		}
		tries++
		nameEnd := k - 1
		if d.isPunct(nameEnd, ')') {
			// "Rep. Gregory W. Meeks (D-N.Y.), chairman of ..., said"
			x := d.openBracket(nameEnd, lo, 8)
			if x < 0 {
				return mention{}
			}
			nameEnd = x - 1
		}
		if nameEnd < lo || d.toks[nameEnd].kind != tWord {
			continue
		}
		// "Several candidates, including Hale, said": a plural head with
		// its examples after it.
		examples := isPlural(d.word(nameEnd)) && (d.word(k+1) == "including" || d.word(k+1) == "such" && d.word(k+2) == "as" || d.word(k+1) == "among" && d.word(k+2) == "them")
		if !d.toks[nameEnd].upper && speakerNouns[d.word(nameEnd)] == "" && !titles[d.word(nameEnd)] && !d.allUpperWords(k+1, comma) && !examples {
			// "A lawyer for the outlets, David Schulz, said" names the speaker after the comma
			continue
		}
		if d.word(nameEnd) == "who" && d.isPunct(nameEnd-1, ',') {
			continue // "Bret Stephens, who, after trading insults, said": the name is further back
		}
		if _, ok := pronouns[d.word(nameEnd)]; ok {
			return mention{}
		}
		start := d.npStart(nameEnd, lo)
		// The name must open its clause: "In Washington, Smith, 45, said" is
		// fine, "the bill, which passed, said" is not a speaker.
		if start > lo && !d.isPunct(start-1, ',') && !d.commaQuote(start-1) && !d.sentenceOpens(start) && !d.afterSubordinator(start) {
			continue
		}
		fw := d.word(k + 1)
		first := d.toks[k+1]
		// "Mark Mahaney, technology analyst at RBC, agreed": a role noun
		// among the first words makes the phrase an appositive.
		for x := k + 2; x < comma && x-k <= 4; x++ {
			if w := d.word(x); (titles[w] || speakerNouns[w] == Person) && !d.toks[x].upper {
				fw = "a"
				break
			}
		}
		if first.kind == tWord && (fw == "a" || fw == "an" || fw == "the" || first.digit || titles[fw] ||
			speakerNouns[fw] != "" || fw == "who" || fw == "another" || isPreposition(fw) && fw != "to" || first.upper || strings.HasSuffix(fw, "ing") || strings.HasSuffix(fw, "ed") || fw == "whose" || fw == "now" || fw == "then" || fw == "both" || fw == "himself" || fw == "herself" || fw == "one" ||
			// "Amar, dean of the law school, said", "Smith, for his part, said",
			// "Novak, in a statement, said"
			first.kind == tWord && (isDeterminer(fw) || fw == "however" || fw == "though" || fw == "too" || fw == "meanwhile" || fw == "instead" || fw == "in" || fw == "for" || fw == "on" || fw == "like" || isPreposition(d.word(k+2)) && d.word(k+2) != "to")) {
			if d.toks[comma].kind == tQuote {
				return mention{start, comma + 1} // keep the closing mark with the name
			}
			return mention{start, comma}
		}
	}
	return mention{}
}

// shareSubject finds a subject that is a share of people ending at token
// j: "47%", "43", "More than six in 10", "Nearly nine out of 10", "55
// percent of all voters". It must open its clause.
func (d *doc) shareSubject(j, lo int) mention {
	k := j
	for k-1 >= lo && j-k < 8 {
		t := d.toks[k-1]
		if t.digit || t.kind == tPunct && t.r == '%' {
			k--
			continue
		}
		switch w := d.word(k - 1); w {
		case "in", "of", "out", "than", "more", "less", "fewer", "nearly", "about", "almost", "roughly",
			"just", "over", "under", "only", "some", "percent", "one", "two", "three", "four", "five",
			"six", "seven", "eight", "nine", "ten", "a", "third", "quarter", "half", "majority":
			k--
			continue
		default:
			if numberWord(w) {
				k-- // "Thirty percent", "Sixty-six percent"
				continue
			}
		}
		break
	}
	// "..., while 61 percent say": a conjunction opens the clause.
	switch d.word(k - 1) {
	case "while", "though", "although", "whereas", "and", "but":
		return mention{k, j + 1}
	}
	// "...: 47% say", "...; 26% say": a share opens the clause after a
	// colon, semicolon or dash too.
	if !d.sentenceOpens(k) && !d.isPunct(k-1, ',') && !d.isPunct(k-1, ':') && !d.isPunct(k-1, ';') && !isDash(d, k-1) {
		return mention{}
	}
	return mention{k, j + 1}
}

// numberWord reports whether w is a spelled-out number of tens or more:
// "thirty", "sixty-six", "hundred".
func numberWord(w string) bool {
	for _, p := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "eleven", "twelve"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// afterSubordinator reports whether token i opens a subordinate clause,
// whose subject can be a speaker like a sentence's: "when Dana Perino, a
// host of Fox News, refused to go along".
func (d *doc) afterSubordinator(i int) bool {
	switch d.word(i - 1) {
	case "when", "while", "because", "after", "before", "since", "although", "though", "whereas", "if", "as", "until", "once", "that":
		return !d.inQuote[i-1]
	}
	return false
}

// sentenceOpens reports whether token i starts its sentence, allowing for a
// leading "But" or "And".
func (d *doc) sentenceOpens(i int) bool {
	s := d.sents[d.sentOf(i)].t0
	for s < i && leadingFunction[d.word(s)] {
		s++
	}
	return s == i
}

func (d *doc) hasUpper(s, e int) bool {
	for k := s; k < e; k++ {
		if d.toks[k].kind == tWord && d.toks[k].upper {
			return true
		}
	}
	return false
}

func (d *doc) allUpperWords(s, e int) bool {
	for k := s; k < e; k++ {
		if d.toks[k].kind != tWord || !d.toks[k].upper {
			return false
		}
	}
	return true
}

// npAfter reads the noun phrase that starts at token i and ends before hi:
// the speaker of an inverted cue (`said Poznikhir`, `said the official`).
func (d *doc) npAfter(i, hi int) mention {
	j := i
	for j < hi && j-i < 12 {
		t := d.toks[j]
		if t.kind == tPunct && t.r == '&' {
			j++
			continue
		}
		if t.kind != tWord || d.inQuote[j] {
			break
		}
		w := d.word(j)
		if j > i && (w == "of" || w == "for" || w == "at" || w == "from") && j+1 < hi && d.toks[j+1].kind == tWord {
			j++
			continue
		}
		if j > i && w == "in" && speakerNouns[d.word(j-1)] != "" && d.word(j+1) == "the" {
			j++ // "said one source in the room"
			continue
		}
		if j == i && (w == "the" || w == "a" || w == "an") {
			j++
			continue
		}
		if w == "the" && j > i && (d.word(j-1) == "of" || d.word(j-1) == "for" || d.word(j-1) == "at" || d.word(j-1) == "from") {
			j++
			continue
		}
		if !t.upper && (closedClass[w] || isCueWord(w) || isWeekday(w) || strings.HasSuffix(w, "ly")) {
			break
		}
		if t.upper && isWeekday(w) && !(j == i+1 && isDeterminer(d.word(i)) && j+1 < hi && d.toks[j+1].kind == tWord && !closedClass[d.word(j+1)]) {
			// "said Smith Monday" ends the name; "a Monday editorial"
			// names the day of the text.
			break
		}
		if j > i && !t.upper && (strings.HasSuffix(w, "ed") && d.toks[j-1].upper || w == "his" || w == "its" || w == "their" || w == "our" || w == "my") {
			break // "Smith changed his mind": the verb, not the name
		}
		j++
	}
	// Do not end on a dangling "of".
	for j > i && (d.word(j-1) == "of" || d.word(j-1) == "the" || d.word(j-1) == "a" || d.word(j-1) == "an" || d.word(j-1) == "for" || d.word(j-1) == "at" || d.word(j-1) == "from") {
		j--
	}
	if j == i {
		return mention{}
	}
	// "Sen. Clara Marlow (D-Mo.)"
	if j+1 < hi && d.isPunct(j, '(') && d.toks[j-1].upper {
		if k := d.closeBracket(j, hi, 8); k >= 0 {
			j = k + 1
		}
	}
	// ", a spokesman for the ministry"
	if j+1 < hi && d.toks[j].r == ',' && d.toks[j].kind == tPunct {
		if w := d.word(j + 1); w == "a" || w == "an" || w == "the" || titles[w] {
			k := j + 1
			for k < hi && k-j < 16 && d.toks[k].kind == tWord && !d.inQuote[k] && !auxiliaries[d.word(k)] && !isCueWord(d.word(k)) {
				k++
			}
			if k >= hi || d.toks[k].kind == tPunct {
				j = k
			}
		}
	}
	return mention{i, j}
}

// sourceAfter reads the source of "according to": everything up to the
// next comma or the end, "a 52-count civil complaint filed by the SEC".
func (d *doc) sourceAfter(i, hi int) mention {
	j := i
	for j < hi && j-i < 25 && !d.isPunct(j, ',') && !d.isPunct(j, ';') && !(d.toks[j].kind == tQuote && d.mark[j]) {
		j++
	}
	if j == i || d.wordCount(i, j) == 0 {
		return mention{}
	}
	return mention{i, j}
}

func isWeekday(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"yesterday", "today", "tonight":
		return true
	}
	return false
}

// entity is one speaker of an article, built up from its mentions.
type entity struct {
	name, role, org string
	kind            SpeakerKind
	surname         string // lower case, for later bare-surname mentions
}

// resolver turns mentions into canonical speakers in document order.
type resolver struct {
	d          *doc
	entities   []entity
	lastPerson int // index into entities, -1 when none
	// lastPersonAt is the token where lastPerson was last mentioned.
	lastPersonAt int
	lastAny      int
	names        map[string]string // lower-case surname -> the fullest name in the text
	subjects     []nameAt          // people named at the start of a sentence, in text order
}

type nameAt struct {
	tok     int
	surname string
}

// recentSubject returns the surname of the person last named at the start
// of one of the two sentences before token at (or earlier in its own).
func (r *resolver) recentSubject(at, after int) (string, bool) {
	d := r.d
	k := sort.Search(len(r.subjects), func(i int) bool { return r.subjects[i].tok >= at }) - 1
	if k < 0 || r.subjects[k].tok <= after {
		return "", false
	}
	if d.sentOf(at)-d.sentOf(r.subjects[k].tok) > 2 {
		return "", false
	}
	return r.subjects[k].surname, true
}

func newResolver(d *doc) *resolver {
	r := &resolver{d: d, lastPerson: -1, lastPersonAt: -1, lastAny: -1, names: map[string]string{}}
	r.collectNames()
	return r
}

// collectNames records "First Last" names anywhere in the body so that a
// later bare "Kerry" resolves to "John Kerry" even when the full name was
// not itself a speaker.
func (r *resolver) collectNames() {
	d := r.d
	for _, pa := range d.paras {
		if pa.role == roleBoilerplate {
			continue
		}
		for i := pa.t0; i < pa.t1; i++ {
			if d.toks[i].kind != tWord || !d.toks[i].upper {
				continue
			}
			j := i
			for j < pa.t1 && d.toks[j].kind == tWord && d.toks[j].upper {
				j++
			}
			// Strip titles at the front; a name is the last two or three words.
			s := i
			for s < j && (titles[d.word(s)] || leadingFunction[d.word(s)] || d.word(s) == "the") {
				s++
			}
			if j-s >= 2 && !r.hasOrgWord(s, j) {
				// "State John Kerry" after "Secretary of": the last two words,
				// or three with a middle initial (Loretta E. Lynch).
				s = j - 2
				if j-3 >= i && strings.HasSuffix(d.word(j-2), ".") && len(d.word(j-2)) == 2 {
					s = j - 3
				}
				name := d.joinWords(s, j)
				sur := d.word(j - 1)
				if old, ok := r.names[sur]; !ok || len(name) > len(old) {
					r.names[sur] = name
				}

			}
			i = j
		}
	}
	// People named at the start of a clause, by full name or by a surname
	// met anywhere in the text.
	for _, pa := range d.paras {
		if pa.role != roleBody {
			continue
		}
		for i := pa.t0; i < pa.t1; i++ {
			if d.toks[i].kind != tWord || !d.toks[i].upper || d.inQuote[i] || !d.startsClause(i) {
				continue
			}
			j := i
			for j < pa.t1 && d.toks[j].kind == tWord && d.toks[j].upper {
				j++
			}
			if sur := d.word(j - 1); r.names[sur] != "" && !r.hasOrgWord(i, j) {
				r.subjects = append(r.subjects, nameAt{i, sur})
			}
			i = j - 1
		}
	}
}

// startsClause reports whether token i opens its sentence or follows a
// comma, allowing for titles and function words before it.
func (d *doc) startsClause(i int) bool {
	k := i - 1
	for k >= 0 && d.toks[k].kind == tWord && (titles[d.word(k)] || d.word(k) == "the" || leadingFunction[d.word(k)]) {
		k--
	}
	if k < 0 || d.sents[d.sentOf(i)].t0 > k {
		return true
	}
	return d.isPunct(k, ',')
}

func (r *resolver) hasOrgWord(s, e int) bool {
	for k := s; k < e; k++ {
		if orgWords[r.d.word(k)] {
			return true
		}
	}
	return false
}

// resolve builds the speaker for mention m.
func (r *resolver) resolve(m mention) *SpeakerRef {
	d := r.d
	ref := &SpeakerRef{Mention: Span{d.toks[m.t0].start, d.toks[m.t1-1].end}}
	head := m.t1 - 1
	// The head of "X, a doctor" is X.
	for k := m.t0; k < m.t1; k++ {
		if d.toks[k].kind == tPunct && d.toks[k].r == ',' {
			head = k - 1
			break
		}
	}
	// "The company's chief executive, Howard Pike": the name comes second.
	descEnd := -1
	if head+1 < m.t1 && d.allUpperWords(head+2, m.t1) && m.t1-head-2 >= 2 {
		descEnd = head + 1
		head = m.t1 - 1
	}
	hw := d.word(head)
	if (hw == "which" || hw == "that") && m.t1-m.t0 == 1 {
		// A relative pronoun speaks for the noun phrase before it.
		a := m.t0 - 1
		if d.isPunct(a, ',') {
			a--
		}
		if a >= 0 && d.word(a) != "" {
			ante := r.resolve(mention{d.npStart(a, d.paras[d.paraOf(a)].t0), a + 1})
			ante.Mention = ref.Mention
			return ante
		}
	}
	if pk, ok := pronouns[hw]; ok && head == m.t0 {
		if i := strings.IndexByte(hw, '\''); i > 0 {
			hw = hw[:i] // "he's" is "he"
		}
		return r.resolvePronoun(ref, hw, pk, m.t0)
	}
	// Split "NAME of the ORG".
	nameEnd := head + 1
	orgStart, orgEnd := -1, -1
	for k := m.t0; k < head; k++ {
		if w := d.word(k); (w == "of" || w == "for" || w == "at") && k > m.t0 && !titles[d.word(k-1)] && descEnd < 0 {
			nameEnd = k
			orgStart, orgEnd = k+1, head+1
			if d.word(orgStart) == "the" {
				orgStart++
			}
			break
		}
	}
	// An appositive holds the role: "Smith, a spokesman for the ministry".
	var appRole string
	if head+1 < m.t1 && descEnd < 0 && d.word(head+2) != "who" {
		a := head + 2
		for a < m.t1 && (d.word(a) == "a" || d.word(a) == "an" || d.word(a) == "the") {
			a++
		}
		ae := m.t1
		split := -1
		for k := a; k < m.t1; k++ {
			if w := d.word(k); w == "for" || w == "at" || w == "with" {
				split = k
				break
			}
			if d.word(k) == "of" && split < 0 && k+1 < len(d.toks) && d.toks[k+1].kind == tWord && (d.toks[k+1].upper || d.word(k+1) == "the") {
				split = k
			}
		}
		if split >= 0 {
			ae = split
			orgStart, orgEnd = split+1, m.t1
			if d.word(orgStart) == "the" {
				orgStart++
			}
		}
		if a < ae {
			appRole = d.joinWords(a, ae)
		}
	}
	if descEnd >= 0 {
		a := m.t0
		for a < descEnd && (d.word(a) == "a" || d.word(a) == "an" || d.word(a) == "the") {
			a++
		}
		appRole = d.joinWords(a, descEnd)
	}
	if orgStart >= 0 && orgStart < orgEnd {
		ref.Organisation = d.joinWordsPlain(orgStart, orgEnd)
	}
	s := m.t0
	if descEnd >= 0 {
		s = descEnd + 1
	}
	for s < nameEnd && (d.word(s) == "the" || d.word(s) == "a" || d.word(s) == "an") {
		s++
	}
	// The name is the trailing run of capitalised words that are not titles.
	n := nameEnd
	for n > s && d.toks[n-1].kind == tWord && d.toks[n-1].upper && !titles[d.word(n-1)] {
		n--
	}
	switch {
	case (r.hasOrgWord(n, nameEnd) || n == nameEnd && r.hasOrgWord(s, nameEnd)) && d.hasUpper(s, nameEnd):
		ref.Kind = Organisation
		ref.Name = d.joinWords(s, nameEnd)
		return r.remember(ref, "")
	case n < nameEnd && n == s && nameEnd-n == 1:
		// A bare capitalised word: a surname met before, a country, a party.
		w := d.word(n)
		if e := r.bySurname(w); e >= 0 {
			return r.use(ref, e)
		}
		if full, ok := r.names[w]; ok {
			ref.Name = full
			ref.Kind = Person
			return r.remember(ref, w)
		}
		ref.Name = d.joinWords(n, nameEnd)
		ref.Kind = Organisation
		if isDemonym(w) || isPlural(w) {
			ref.Kind = Anonymous
		}
		return r.remember(ref, "")
	case n < nameEnd:
		ref.Kind = Person
		ref.Name = d.joinWords(n, nameEnd)
		if full, ok := r.names[d.word(nameEnd-1)]; ok && nameEnd-n == 1 {
			ref.Name = full // "Mayor Tobin" in the headline, "Mayor Grace Tobin" below
		}
		if n > s && !honorific(d, s, n) {
			ref.Role = d.joinWords(s, n)
		}
		if ref.Role == "" {
			ref.Role = appRole
		}
		if e := r.bySurname(d.word(nameEnd - 1)); e >= 0 && len(r.entities[e].name) >= len(ref.Name) {
			// A later, richer mention fills in what an earlier one lacked.
			if en := &r.entities[e]; en.role == "" {
				en.role = ref.Role
			}
			if en := &r.entities[e]; en.org == "" {
				en.org = ref.Organisation
			}
			return r.use(ref, e)
		}
		return r.remember(ref, d.word(nameEnd-1))
	}
	// A description: "the general", "officials", "a source close to the talks".
	desc := d.joinWords(s, m.t1)
	hk := speakerNouns[hw]
	if d.word(m.t0) == "the" || hk == Organisation {
		if e := r.byDescription(hw, hk); e >= 0 {
			return r.use(ref, e)
		}
	}
	ref.Name = desc
	switch hk {
	case Organisation:
		ref.Kind = Organisation
	case Person:
		ref.Kind = Person
		ref.Role = desc
	default:
		ref.Kind = Anonymous
	}
	if ref.Kind == Person && (d.word(m.t0) == "a" || d.word(m.t0) == "an") {
		ref.Kind = Anonymous
	}
	return r.remember(ref, "")
}

func (r *resolver) resolvePronoun(ref *SpeakerRef, w string, pk SpeakerKind, at int) *SpeakerRef {
	e := -1
	switch w {
	case "he", "she", "i", "you", "who":
		e = r.lastPerson
		// A person named as the subject of a recent sentence, after the
		// last speaker was, is a likelier antecedent: "Her deputy, Jonas
		// Weir, was more cautious. ... he said."
		if sur, ok := r.recentSubject(at, r.lastPersonAt); ok {
			if k := r.bySurname(sur); k >= 0 {
				e = k
			} else if full, ok := r.names[sur]; ok {
				ref.Name, ref.Kind = full, Person
				return r.remember(ref, sur)
			}
		}
	default:
		// "it", "they", "we": the last organisation or group, else anyone.
		for k := len(r.entities) - 1; k >= 0 && k >= len(r.entities)-3; k-- {
			if r.entities[k].kind != Person {
				e = k
				break
			}
		}
		if e < 0 && w != "it" {
			e = r.lastAny
		}
	}
	if e >= 0 {
		return r.use(ref, e)
	}
	ref.Name = r.d.text[ref.Mention.Start:ref.Mention.End]
	ref.Kind = pk
	return ref
}

func (r *resolver) bySurname(w string) int {
	for k := len(r.entities) - 1; k >= 0; k-- {
		if r.entities[k].surname == w {
			return k
		}
	}
	return -1
}

// byDescription finds the last entity whose name or role holds the head
// noun: "the general" -> Lieutenant-General Viktor Poznikhir, "the
// ministry" -> Russian Defense Ministry.
func (r *resolver) byDescription(head string, kind SpeakerKind) int {
	for k := len(r.entities) - 1; k >= 0; k-- {
		e := r.entities[k]
		// "the council" is an organisation, not the council's engineer.
		if kind == Organisation && e.kind != Organisation {
			continue
		}
		if containsWordFold(e.role, head) || containsWordFold(e.name, head) && e.kind == Organisation {
			return k
		}
	}
	return -1
}

func containsWordFold(s, w string) bool {
	if w == "" || s == "" {
		return false
	}
	ls := strings.ToLower(s)
	for i := 0; ; {
		j := strings.Index(ls[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isLetterDigit(rune(ls[j-1]))
		end := j + len(w)
		after := end == len(ls) || !isLetterDigit(rune(ls[end]))
		if before && after {
			return true
		}
		// Lieutenant-General: a hyphen counts as a word break.
		i = j + 1
	}
}

func (r *resolver) use(ref *SpeakerRef, e int) *SpeakerRef {
	en := r.entities[e]
	ref.Name, ref.Role, ref.Organisation, ref.Kind = en.name, en.role, en.org, en.kind
	r.touch(e, ref.Mention.Start)
	return ref
}

// touch makes entity e the latest one mentioned, at byte offset at.
func (r *resolver) touch(e, at int) {
	r.lastAny = e
	if r.entities[e].kind == Person {
		r.lastPerson = e
		r.lastPersonAt = r.d.tokenAt(at)
	}
}

// remember adds the mention's entity, or enriches the one it names again.
func (r *resolver) remember(ref *SpeakerRef, surname string) *SpeakerRef {
	for k := range r.entities {
		e := &r.entities[k]
		if strings.EqualFold(e.name, ref.Name) && e.kind == ref.Kind {
			if e.role == "" {
				e.role = ref.Role
			}
			if e.org == "" {
				e.org = ref.Organisation
			}
			return r.use(ref, k)
		}
	}
	r.entities = append(r.entities, entity{name: ref.Name, role: ref.Role, org: ref.Organisation, kind: ref.Kind, surname: surname})
	r.touch(len(r.entities)-1, ref.Mention.Start)
	return ref
}

// honorific reports whether tokens [s, n) are only "Dr." or "Mr.": a form
// of address, not a role.
func honorific(d *doc, s, n int) bool {
	for k := s; k < n; k++ {
		switch d.word(k) {
		case "dr.", "mr.", "mrs.", "ms.", "dr", "mr", "mrs", "ms", "sir", "dame", "miss":
		default:
			return false
		}
	}
	return true
}

func isDemonym(w string) bool {
	return strings.HasSuffix(w, "ans") || strings.HasSuffix(w, "ese") || w == "democrats" || w == "republicans"
}

func isPlural(w string) bool {
	if w == "police" || w == "data" || w == "people" {
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "'s")
}

// clauseSubject is the last resort for a finite "say" whose subject the
// noun-phrase rules could not take apart: "Many speakers at the service —
// including Muslims, Christians, Jews — said", "The project's website, run
// by Michael McDonald, said", "Democrats trying to regain control of the
// Senate say". A verb of saying in the past or third person after a
// clause's opening words has that clause's subject before it, so the
// mention is everything from the clause's start (after a leading
// conjunction or adverbial phrase) to the cue.
func (d *doc) clauseSubject(j, lo int) mention {
	e := j
	for k := 0; k < 3 && e-1 >= lo && (skipBeforeCue[d.word(e-1)] && !auxiliaries[d.word(e-1)] || strings.HasSuffix(d.word(e-1), "ly") && !d.toks[e-1].upper && len(d.word(e-1)) > 4); k++ {
		e--
	}
	for e-1 >= lo && d.isPunct(e-1, ',') {
		e-- // "Carl Anthony, historian at the library, says"
	}
	if e-1 < lo || d.toks[e-1].kind != tWord && !d.isPunct(e-1, ')') && !d.isPunct(e-1, '%') && !isDash(d, e-1) {
		return mention{}
	}
	switch w := d.word(e - 1); {
	case closedClass[w] && w != "them" && w != "all", auxiliaries[w], isDeterminer(w), isPreposition(w), w == "who", w == "which":
		return mention{} // "who said", "as I have said", "to say"
	}
	s := lo
	for s < e && (d.word(s) == "but" || d.word(s) == "and" || d.word(s) == "so" || d.word(s) == "yet") {
		s++
	}
	if w := d.word(s); isPreposition(w) || isSubordinator(w) || leadingFunction[w] || closedClass[w] && !isDeterminer(w) && !quantifiers[w] {
		// "By an overwhelming 80%-10%, those surveyed say": the subject
		// follows the opening phrase's comma.
		k := s
		for k < e && !d.isPunct(k, ',') {
			k++
		}
		if k >= e-1 {
			return mention{}
		}
		s = k + 1
	}
	if s >= e || e-s > 30 || d.wordCount(s, e) < 1 {
		return mention{}
	}
	if t := d.toks[s]; t.kind != tWord || !(t.upper || t.digit || isDeterminer(t.key) || numberWord(t.key) || quantifiers[t.key]) {
		return mention{}
	}
	relative := false
	for k := s; k < e; k++ {
		t := d.toks[k]
		if d.inQuote[k] || t.kind == tQuote && d.mark[k] || t.kind == tPunct && (t.r == ';' || t.r == ':' || t.r == '.' || t.r == '?' || t.r == '!') {
			return mention{}
		}
		if t.kind != tWord {
			continue
		}
		switch t.key {
		case "who", "whose", "which", "whom":
			relative = true
		}
		if c, ok := d.cueAt(k); ok && c.form != formParticiple && c.class != cueStance && c.class != cueEvidence && !relative {
			return mention{} // another attribution inside: not a plain subject
		}
		if auxiliaries[t.key] && t.key != "not" && t.key != "been" && !relative {
			return mention{} // a finite verb: the clause has its own predicate
		}
	}
	// The mention is the head phrase, before any appositive, parenthetical
	// or relative clause: "The project's website, run by ...".
	for k := s + 1; k < e; k++ {
		t := d.toks[k]
		if t.kind == tPunct && (t.r == ',' || t.r == '(' || isDash(d, k)) || t.kind == tWord && (t.key == "who" || t.key == "whose" || t.key == "which" || t.key == "whom") {
			return mention{s, k}
		}
	}
	return mention{s, e}
}

// quantifiers open a speaker phrase in lower case: "most of them said".
var quantifiers = map[string]bool{
	"most": true, "many": true, "some": true, "several": true, "few": true, "both": true,
	"half": true, "none": true, "dozens": true, "hundreds": true, "thousands": true, "others": true,
}
