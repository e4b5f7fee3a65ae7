package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The scanner works on the original text and never rewrites it: every token
// holds byte offsets into the text, and the normalisation matching needs
// (case, curly apostrophes, non-breaking spaces, quote shapes) happens in
// the predicates below and in lowerKey, on the fly.

type tokKind uint8

const (
	tWord  tokKind = iota // letters, digits and what binds them: U.S., al-Nusra, Russia’s, 2:45
	tPunct                // one punctuation rune: , ; : . ! ? ( ) — …
	tQuote                // a quotation mark (apostrophes inside words are part of the word)
)

type tok struct {
	start, end int
	key        string // the word lower-cased, apostrophes and hyphens plain: what lexicons are matched against
	kind       tokKind
	upper      bool // first rune is upper case
	digit      bool // first rune is a digit
	r          rune // the rune of a punctuation or quote token
	spaceAfter bool // white space (or the end of the paragraph) follows
	spaceBefor bool // white space (or the start of the paragraph) precedes
}

// para is one line of text: the unit of layout in the articles we read,
// where paragraphs, headlines, captions and boilerplate each sit on their
// own line.
type para struct {
	start, end int // bytes, trimmed of white space
	t0, t1     int // tokens [t0, t1)
	s0, s1     int // sentences [s0, s1)
	role       paraRole
}

// sent is a sentence: tokens [t0, t1) of one paragraph.
type sent struct {
	t0, t1 int
	p      int // paragraph index
}

type paraRole uint8

const (
	roleBody paraRole = iota
	roleHeadline
	roleCaption
	roleBoilerplate // no claim at all: share buttons, addresses, breadcrumbs, separators
)

// isSpace reports white space, including the no-break and thin spaces that
// pages copied from the web are full of.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', '\v', '\f', 0xA0, 0x2007, 0x202F, 0x2009, 0x200A, 0x2002, 0x2003, 0x3000, 0xFEFF, 0x200B:
		return true
	}
	return r > 0x7f && unicode.IsSpace(r)
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‟', '‹', '›', '‚', '‛':
		return true
	}
	return false
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isLetterDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isHyphen(r rune) bool { return r == '-' || r == '‑' || r == '‐' }

func decodeAt(text string, i int) (rune, int) {
	if i >= len(text) {
		return utf8.RuneError, 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// abbreviations take their full stop with them, so it does not end a
// sentence. Keys are lower case without the stop.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true,
	"lt": true, "gen": true, "col": true, "sgt": true, "capt": true, "cmdr": true, "adm": true,
	"maj": true, "brig": true, "cpl": true, "pvt": true, "gov": true, "sen": true, "rep": true,
	"reps": true, "sens": true, "rev": true, "prof": true, "pres": true, "atty": true, "supt": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "bros": true, "vs": true, "etc": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "nos": true,
	"dept": true, "univ": true, "ave": true, "blvd": true, "mt": true, "ft": true, "est": true,
	"approx": true, "fig": true, "vol": true, "pp": true, "ch": true, "gens": true, "hon": true,
	"messrs": true, "mme": true, "mlle": true, "msgr": true, "insp": true, "det": true, "cf": true,
}

// scanTokens scans one paragraph [start, end) of text and appends its tokens.
// norm is text with ASCII letters lower-cased, byte for byte.
func scanTokens(text, norm string, start, end int, toks []tok) []tok {
	first := len(toks)
	i := start
	space := true
	for i < end {
		r, size := decodeAt(text, i)
		if isSpace(r) {
			if len(toks) > first {
				toks[len(toks)-1].spaceAfter = true
			}
			space = true
			i += size
			continue
		}
		t := tok{start: i, spaceBefor: space}
		space = false
		switch {
		case isLetterDigit(r):
			t.kind = tWord
			t.upper = unicode.IsUpper(r)
			t.digit = '0' <= r && r <= '9'
			i = scanWord(text, i, end)
			t.key = wordKey(text, norm, t.start, i)
		case r == '\'' && !t.spaceBefor && i+2 < end && text[i+1] == '\'' && text[i+2] == '\'':
			// `your country,''' said`: a nested quote closes before the
			// typewriter double mark that follows it.
			t.kind = tQuote
			t.r = r
			i++
		case (r == '\'' || r == '`') && i+1 < end && text[i+1] == byte(r):
			// ''quote'' and ``quote'': typewriter double marks
			t.kind = tQuote
			t.r = '"'
			i += 2
		case isQuoteRune(r):
			t.kind = tQuote
			t.r = r
			i += size
		default:
			t.kind = tPunct
			t.r = r
			i += size
		}
		t.end = i
		toks = append(toks, t)
	}
	if len(toks) > first {
		toks[len(toks)-1].spaceAfter = true
	}
	return toks
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i, end int) int {
	wstart := i
	dots := false
	for i < end {
		r, size := decodeAt(text, i)
		if isLetterDigit(r) {
			i += size
			continue
		}
		next, nsize := decodeAt(text, i+size)
		nextOK := i+size < end && isLetterDigit(next)
		switch {
		case isApostrophe(r) && nextOK && i > wstart:
			// Russia’s, don't, O’Brien
			i += size
			continue
		case isHyphen(r) && nextOK:
			i += size
			continue
		case r == '.' && nextOK:
			// U.S, p.m, 3.5, www.presstv.ir
			dots = true
			i += size
			continue
		case (r == ':' || r == ',') && nextOK && isDigitByte(text, i-1) && '0' <= next && next <= '9':
			// 2:45, 1,000
			i += size
			continue
		case r == '&' && nextOK && i-wstart <= 2 && unicode.IsUpper(next):
			// AT&T, S&P
			i += size
			continue
		}
		_ = nsize
		if r == '.' && takesStop(text[wstart:i], dots) {
			i += size
			// Lt.-Gen.
			if n, ns := decodeAt(text, i); i < end && isHyphen(n) {
				if m, _ := decodeAt(text, i+ns); i+ns < end && isLetterDigit(m) {
					i += ns
					dots = false
					wstart = i
					continue
				}
			}
		}
		break
	}
	return i
}

func isDigitByte(text string, i int) bool {
	return i >= 0 && i < len(text) && '0' <= text[i] && text[i] <= '9'
}

// takesStop reports whether a word followed by a full stop is an
// abbreviation (or an initial) that keeps the stop.
func takesStop(w string, dots bool) bool {
	if dots {
		// U.S., p.m. but not www.presstv.ir. or 3.5.
		for i := 0; i < len(w); i++ {
			if w[i] == '.' && (i+2 < len(w) && w[i+2] != '.') {
				return false
			}
		}
		return !isDigitByte(w, 0)
	}
	r, size := utf8.DecodeRuneInString(w)
	if size == len(w) {
		return unicode.IsUpper(r) // an initial: John F. Kennedy
	}
	if len(w) > 8 {
		return false
	}
	var buf [16]byte
	key, ok := lowerKey(w, buf[:])
	return ok && abbreviations[string(key)]
}

// lowerKey writes w in lower case with curly apostrophes and hyphens made
// plain into buf and returns it; ok is false when w does not fit. Callers
// look it up as m[string(key)], which does not allocate.
func lowerKey(w string, buf []byte) (key []byte, ok bool) {
	n := 0
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if n >= len(buf) {
				return nil, false
			}
			buf[n] = c
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		if r == '’' || r == 'ʼ' {
			if n >= len(buf) {
				return nil, false
			}
			buf[n] = '\''
			n++
			continue
		}
		if r == '‑' || r == '‐' {
			if n >= len(buf) {
				return nil, false
			}
			buf[n] = '-'
			n++
			continue
		}
		r = unicode.ToLower(r)
		if n+utf8.RuneLen(r) > len(buf) {
			return nil, false
		}
		n += utf8.EncodeRune(buf[n:], r)
	}
	return buf[:n], true
}

// wordKey is the matching form of the word text[s:e]: a slice of norm
// when the word is ASCII, which is nearly always, else a folded copy.
func wordKey(text, norm string, s, e int) string {
	for i := s; i < e; i++ {
		if text[i] >= utf8.RuneSelf {
			var buf [64]byte
			if k, ok := lowerKey(text[s:e], buf[:]); ok {
				return string(k)
			}
			return norm[s:e]
		}
	}
	return norm[s:e]
}

// normalise returns the parallel view of text the scanner matches against:
// the same bytes at the same offsets with ASCII letters lower-cased. Spans
// are always taken from text itself.
func normalise(text string) string {
	for i := 0; i < len(text); i++ {
		if c := text[i]; 'A' <= c && c <= 'Z' {
			b := []byte(text)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return text
}

// splitParagraphs tokenizes text line by line.
func splitParagraphs(text, norm string, toks []tok, paras []para) ([]tok, []para) {
	lineStart := 0
	for lineStart <= len(text) {
		lineEnd := lineStart
		for lineEnd < len(text) && text[lineEnd] != '\n' {
			lineEnd++
		}
		s, e := trimSpace(text, lineStart, lineEnd)
		if s < e {
			t0 := len(toks)
			toks = scanTokens(text, norm, s, e, toks)
			if len(toks) > t0 {
				paras = append(paras, para{start: s, end: e, t0: t0, t1: len(toks)})
			}
		}
		lineStart = lineEnd + 1
	}
	return toks, paras
}

func trimSpace(text string, s, e int) (int, int) {
	for s < e {
		r, size := decodeAt(text, s)
		if !isSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}

// splitSentences splits paragraph p's tokens into sentences at ., ! and ?
// (with any closing quotes and brackets that follow) when the next token
// starts a sentence.
func splitSentences(text string, toks []tok, p int, pa *para, sents []sent) []sent {
	pa.s0 = len(sents)
	start := pa.t0
	for i := pa.t0; i < pa.t1; i++ {
		t := toks[i]
		if t.kind == tWord && i+1 < pa.t1 && t.spaceAfter && stopEnds(text, t) && opensSentence(toks[i+1]) {
			// "... entering the U.S. While Roe has ...": an
			// abbreviation's stop ends the sentence too when a word that
			// only opens sentences follows.
			sents = append(sents, sent{t0: start, t1: i + 1, p: p})
			start = i + 1
			continue
		}
		if t.kind != tPunct || !(t.r == '.' || t.r == '!' || t.r == '?' || t.r == '…') {
			continue
		}
		j := i + 1
		for j < pa.t1 && (toks[j].kind == tPunct && (toks[j].r == '.' || toks[j].r == '!' || toks[j].r == '?' || toks[j].r == ')' || toks[j].r == ']' || toks[j].r == '…')) {
			j++
		}
		for j < pa.t1 && toks[j].kind == tQuote && !toks[j-1].spaceAfter {
			j++
		}
		for j < pa.t1 && toks[j].kind == tPunct && (toks[j].r == ')' || toks[j].r == ']') {
			j++
		}
		if j >= pa.t1 {
			break
		}
		if !toks[j-1].spaceAfter {
			continue
		}
		n := toks[j]
		if startsSentence(text, n) {
			sents = append(sents, sent{t0: start, t1: j, p: p})
			start = j
			i = j - 1
		}
	}
	if start < pa.t1 {
		sents = append(sents, sent{t0: start, t1: pa.t1, p: p})
	}
	pa.s1 = len(sents)
	return sents
}

// stopEnds reports whether word token t is an abbreviation that may end a
// sentence with its own stop: "U.S.", "D.C.", "p.m.", "Inc." (not a title
// such as "Mr." or "Sen.", which a name always follows).
func stopEnds(text string, t tok) bool {
	if t.end-t.start < 2 || text[t.end-1] != '.' {
		return false
	}
	w := text[t.start : t.end-1]
	if strings.IndexByte(w, '.') >= 0 {
		return true // U.S., D.C., a.m.
	}
	switch strings.ToLower(w) {
	case "inc", "co", "corp", "ltd", "jr", "sr", "etc", "bros":
		return true
	}
	return false
}

// opensSentence reports whether a capitalised word is one that opens
// sentences rather than names: "While", "The", "He", "But".
func opensSentence(t tok) bool {
	if t.kind != tWord || !t.upper {
		return false
	}
	switch t.key {
	case "the", "he", "she", "it", "they", "we", "i", "but", "and", "while", "this", "that", "these",
		"those", "there", "his", "her", "their", "its", "our", "a", "an", "in", "on", "at", "after",
		"when", "if", "as", "so", "yet", "still", "now", "then", "however", "meanwhile", "since",
		"although", "though", "because", "many", "some", "most", "other", "others", "one", "both",
		"what", "who", "why", "how", "last", "earlier", "later", "instead", "even", "for", "with":
		return true
	}
	return false
}

func startsSentence(text string, t tok) bool {
	switch t.kind {
	case tWord:
		return t.upper || t.digit
	case tQuote:
		return true
	case tPunct:
		return t.r == '(' || t.r == '[' || t.r == '—' || t.r == '-'
	}
	return false
}
