package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// An entity here is a named person, organisation or place as the matcher
// sees it: a run of capitalised words ("Viktor Poznikhir", "Urum al-Kubra",
// "Russian Defense Ministry") or an acronym ("UN"). It is deliberately
// small: no gazetteer, no model. Names are what two reports of one event
// share most reliably, even when their wording differs.

// Entities returns the distinct names in text, in order of first
// appearance, without possessives ("Russia's" gives "Russia") or titles
// ("Lieutenant-General Viktor Poznikhir" gives "Viktor Poznikhir").
func Entities(text string) []string {
	toks := tokenize(text)
	seen := map[string]bool{}
	var out []string
	emit := func(run []token) {
		// Titles and sentence-initial function words are capitalised for
		// reasons other than being names.
		for len(run) > 0 && (entityTitle[strings.ToLower(run[0].text)] || (run[0].initial && stopWords[strings.ToLower(run[0].text)])) {
			run = run[1:]
		}
		for len(run) > 0 && connector(run[len(run)-1].text) {
			run = run[:len(run)-1]
		}
		if len(run) == 0 {
			return
		}
		if len(run) == 1 && notName[strings.ToLower(run[0].text)] {
			return
		}
		parts := make([]string, len(run))
		for i, t := range run {
			parts[i] = t.text
		}
		name := strings.Join(parts, " ")
		if key := strings.ToLower(name); !seen[key] {
			seen[key] = true
			out = append(out, name)
		}
	}
	var run []token
	for _, t := range toks {
		switch {
		case capitalised(t.text):
			if t.initial && len(run) > 0 {
				emit(run)
				run = nil
			}
			run = append(run, t)
		case len(run) > 0 && connector(t.text) && !t.breakBefore:
			run = append(run, t)
		default:
			emit(run)
			run = nil
			continue
		}
		if t.breakAfter {
			emit(run)
			run = nil
		}
	}
	emit(run)
	return out
}

// SalientWords returns the distinct content words of text, lower-cased, in
// order of first appearance: what a passage about the same thing is likely
// to repeat. Function words and very short words are left out; numbers are
// kept ("19", "400"), since figures identify events.
func SalientWords(text string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range tokenize(text) {
		w := strings.ToLower(t.text)
		for _, p := range strings.Split(w, "-") {
			p = strings.Trim(p, "'’")
			if p == "" || seen[p] || stopWords[p] {
				continue
			}
			n := utf8.RuneCountInString(p)
			r, _ := utf8.DecodeRuneInString(p)
			if n < 3 && !(unicode.IsDigit(r) && n >= 2) && !(unicode.IsUpper([]rune(t.text)[0]) && n == 2) {
				continue
			}
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

type token struct {
	text        string
	initial     bool // first word of a sentence (or of the text, a line, a quotation)
	breakBefore bool // punctuation other than a hyphen or apostrophe right before it
	breakAfter  bool // punctuation right after it ends any name
}

// tokenize splits text into words (letters, digits, inner hyphens and
// apostrophes), noting where sentences and clauses break, and strips
// possessive endings.
func tokenize(text string) []token {
	var out []token
	initial := true
	brk := true
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			switch r {
			case '.', '!', '?', '\n', '“', '"', ':', ';', '—', '(', ')', '[', ']':
				initial = true
				brk = true
				if len(out) > 0 {
					out[len(out)-1].breakAfter = true
				}
			case ',', '–', '/', '‘', '”':
				brk = true
				if len(out) > 0 {
					out[len(out)-1].breakAfter = true
				}
			}
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r, s := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r) {
				j += s
				continue
			}
			// An inner hyphen or apostrophe joins: "al-Kubra", "don't".
			if r == '-' || r == '\'' || r == '’' {
				if n, _ := utf8.DecodeRuneInString(text[j+s:]); j+s < len(text) && isWordRune(n) {
					j += s
					continue
				}
			}
			break
		}
		w := text[i:j]
		for _, suf := range []string{"'s", "’s", "'S", "’S"} {
			if strings.HasSuffix(w, suf) && len(w) > len(suf) {
				w = w[:len(w)-len(suf)]
				break
			}
		}
		out = append(out, token{text: w, initial: initial, breakBefore: brk})
		initial, brk = false, false
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// capitalised reports whether a word looks like part of a name: an upper
// case first letter, or a lower-case particle joined to a capitalised part
// ("al-Kubra").
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		return true
	}
	if k := strings.IndexAny(w, "-"); k > 0 && k+1 < len(w) {
		r, _ := utf8.DecodeRuneInString(w[k+1:])
		return unicode.IsUpper(r)
	}
	return false
}

// connector words may sit inside a name: "Bank of England", "Abu Bakr
// al Baghdadi", "Gulf of Aden".
func connector(w string) bool {
	switch w {
	case "of", "al", "el", "bin", "ibn", "de", "del", "van", "von", "der", "da", "la", "le", "du", "abu":
		return true
	}
	return false
}

// entityTitle words are capitalised before a name but are not part of it.
var entityTitle = setOf(`mr mrs ms dr prof president prime minister general lieutenant-general lt lieutenant colonel
major captain sergeant admiral secretary senator governor mayor spokesman spokeswoman spokesperson sir lord lady
king queen prince princess pope sheikh ambassador chancellor commander judge justice officer chief deputy foreign
defense defence state`)

// notName are capitalised single words that are rarely names on their own:
// months, weekdays, and words capitalised in headlines.
var notName = setOf(`january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday i it its this that these those there here news video
photos photo watch update breaking report reports exclusive live new`)

// stopWords are English function words and reporting verbs that say
// nothing about what a claim is about.
var stopWords = setOf(`a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can cannot could couldn't did didn't do does doesn't doing don't down during
each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll
she's should shouldn't so some such than that that's the their theirs them themselves then there there's these they
they'd they'll they're they've this those through to too under until up very was wasn't we we'd we'll we're we've
were weren't what what's when when's where where's which while who who's whom why why's with won't would wouldn't
you you'd you'll you're you've your yours yourself yourselves said says say saying told tells added noted stated
according just now new one two also may might will shall must yet still even much many well back like get got
made make however since among amid per via within without upon onto toward towards across around near via mr mrs ms`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// sharedEntities returns the names of a that b mentions too, matched
// case-insensitively on whole words, so that "Poznikhir" in a matches
// "Viktor Poznikhir" in b and a name in an all-capitals headline still
// counts.
func sharedEntities(a []string, bWords map[string]bool) []string {
	var out []string
	for _, e := range a {
		parts := strings.Fields(strings.ToLower(e))
		all := len(parts) > 0
		for _, p := range parts {
			if connector(p) {
				continue
			}
			if !bWords[p] {
				all = false
				break
			}
		}
		if all {
			out = append(out, e)
			continue
		}
		// A surname alone stands for the full name.
		if len(parts) > 1 && bWords[parts[len(parts)-1]] && !connector(parts[len(parts)-1]) {
			out = append(out, e)
		}
	}
	return out
}

// wordSet is the set of lower-cased words of text, hyphenated words both
// whole and in parts.
func wordSet(text string) map[string]bool {
	m := map[string]bool{}
	for _, t := range tokenize(text) {
		w := strings.ToLower(t.text)
		m[w] = true
		if strings.Contains(w, "-") {
			for _, p := range strings.Split(w, "-") {
				m[p] = true
			}
		}
	}
	return m
}
