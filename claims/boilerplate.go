package claims

import "strings"

// Pages copied from the web carry more than the article: a breadcrumb
// ("News / Syria / Russia") and headline above it, photo captions inside
// it, share buttons and alternate addresses below it. classifyParagraphs
// gives every line a role so that only the body yields claims and
// assertions.

// boilerplatePhrases mark a whole line as site furniture when it starts
// with (or, for short lines, contains) one of them. Lower case.
var boilerplatePhrases = []string{
	"share this article", "share this", "share on facebook", "share on twitter", "read more",
	"read the rest", "click here", "follow us", "subscribe", "sign up for", "advertisement",
	"related:", "related articles", "related stories", "recommended for you", "can also be accessed at",
	"all rights reserved", "copyright ©", "©", "comments", "leave a comment", "print this",
	"email this", "download the app", "watch the video", "watch:", "listen:", "get the app",
	"this article was originally published", "the views expressed", "story continues below",
	"continue reading", "skip to", "tweet", "facebook", "whatsapp", "newsletter",
}

// appWords name the app-store badges and players that trail a page.
var appWords = []string{"roku", "app store", "google play", "apple tv", "android", "iphone app"}

// photoCredits mark a caption.
var photoCredits = []string{
	"(photo", "(photos", "photo:", "photos:", "photo by", "photos by", "photo credit", "(image",
	"image:", "getty images", "(afp", "(reuters", "(ap photo", "ap photo", "/ afp", "/afp", "/ reuters",
	"(file photo", "file photo", "(credit", "credit:", "(l)", "(r)", "(c)", "(l-r)", "(left)", "(right)",
	"(center)", "(centre)", "(top)", "(bottom)",
}

// sceneVerbs are present-tense descriptions of what a photograph shows.
var sceneVerbs = map[string]bool{
	"is seen": true, "are seen": true, "gather": true, "gathers": true, "shake": true, "shakes": true,
	"stand": true, "stands": true, "speaks": true, "speak": true, "walk": true, "walks": true,
	"pose": true, "poses": true, "wave": true, "waves": true, "sit": true, "sits": true,
	"attend": true, "attends": true, "arrive": true, "arrives": true, "gesture": true, "gestures": true,
	"march": true, "marches": true, "hold": true, "holds": true, "look": true, "looks": true,
	"take": true, "takes": true, "carry": true, "carries": true, "listen": true, "listens": true,
	"react": true, "reacts": true, "inspect": true, "inspects": true, "rally": true, "rallies": true,
	"protest": true, "protests": true, "lie": true, "lies": true, "ride": true, "rides": true,
	"greet": true, "greets": true, "meet": true, "meets": true, "celebrate": true, "celebrates": true,
	"mourn": true, "mourn.": true, "watch": true, "watches": true, "queue": true, "wait": true, "waits": true,
}

var monthNames = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan.": true, "feb.": true, "aug.": true, "sept.": true, "sep.": true,
	"oct.": true, "nov.": true, "dec.": true,
}

func classifyParagraphs(d *doc) {
	headline := false
	trailing := false // below the share buttons everything is furniture
	for p := range d.paras {
		pa := &d.paras[p]
		line := d.text[pa.start:pa.end]
		low := d.norm[pa.start:pa.end] // the phrases are ASCII
		words := d.wordCount(pa.t0, pa.t1)
		switch {
		case trailing && words <= 12:
			pa.role = roleBoilerplate
		case words == 0:
			pa.role = roleBoilerplate // ___ and other separators
		case isBoilerplateLine(low, words):
			pa.role = roleBoilerplate
			if words <= 5 && p >= len(d.paras)/2 {
				trailing = true
			}
		case isByline(d, p, words):
			pa.role = roleBoilerplate
		case !headline && isBreadcrumb(line):
			pa.role = roleBoilerplate
		case !headline && isMasthead(d, p, words):
			pa.role = roleBoilerplate
		case !headline:
			pa.role = roleHeadline
			headline = true
			if words > 30 {
				pa.role = roleBody // no headline line: the text starts with the body
			}
		case isCaption(d, p, low):
			pa.role = roleCaption
		case isHeading(d, p, words):
			pa.role = roleHeadline
		case isDateline(d, p, words):
			pa.role = roleBoilerplate
		}
	}
}

func isBoilerplateLine(low string, words int) bool {
	if words > 20 {
		return false
	}
	for _, ph := range boilerplatePhrases {
		if strings.HasPrefix(low, ph) {
			return words <= 12 || strings.Contains(low, "accessed at")
		}
	}
	if words <= 12 {
		for _, ph := range []string{"can also be accessed at", "all rights reserved", "follow us on"} {
			if strings.Contains(low, ph) {
				return true
			}
		}
		for _, w := range appWords {
			if strings.Contains(low, w) && words <= 5 {
				return true
			}
		}
	}
	// A bare address: www.presstv.ir, http://example.org/page
	if !strings.ContainsAny(strings.TrimSpace(low), " \t") &&
		(strings.HasPrefix(low, "www.") || strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://") ||
			strings.HasSuffix(low, ".com") || strings.HasSuffix(low, ".ir") || strings.HasSuffix(low, ".org") || strings.HasSuffix(low, ".net")) {
		return true
	}
	return false
}

// isMasthead recognises the outlet's name on a line of its own above the
// headline: one to three capitalised words followed by a short line that
// does not end like a sentence.
func isMasthead(d *doc, p int, words int) bool {
	pa := d.paras[p]
	if words > 3 || p+1 >= len(d.paras) || !d.allUpperWords(pa.t0, pa.t1) {
		return false
	}
	next := d.paras[p+1]
	last := d.toks[next.t1-1]
	return d.wordCount(next.t0, next.t1) <= 15 && last.kind == tWord
}

// isByline recognises "By Petra Lind, Example Gazette".
func isByline(d *doc, p int, words int) bool {
	pa := d.paras[p]
	if words > 10 || d.word(pa.t0) != "by" || !d.toks[pa.t0].upper {
		return false
	}
	for i := pa.t0 + 1; i < pa.t1; i++ {
		if t := d.toks[i]; t.kind == tWord && !t.upper && t.key != "and" && t.key != "of" && t.key != "the" {
			return false
		}
	}
	return true
}

// isBreadcrumb recognises "News / Syria / Russia" and "Home > World".
func isBreadcrumb(line string) bool {
	seps := strings.Count(line, " / ") + strings.Count(line, " > ") + strings.Count(line, " » ") +
		strings.Count(line, "\u00a0/\u00a0") + strings.Count(line, "\u00a0/ ") + strings.Count(line, " /\u00a0")
	if seps == 0 || len(line) > 120 {
		return false
	}
	last := line[len(line)-1]
	return last != '.' && last != '!' && last != '?'
}

// isCaption recognises photo captions: a credit or position marker, or a
// single present-tense sentence describing a scene with a full date.
func isCaption(d *doc, p int, low string) bool {
	pa := d.paras[p]
	for _, c := range photoCredits {
		if i := strings.Index(low, c); i >= 0 && !wireDateline(low, i+len(c)) {
			// "(R)" also marks a Republican and "(Reuters)" opens a
			// dateline: a paragraph in which someone says something is
			// the story, not a caption.
			return !d.hasAttribution(pa.t0, pa.t1)
		}
	}
	if pa.s1-pa.s0 > 1 || d.hasQuote(pa.t0, pa.t1) {
		return false
	}
	scene, date := false, false
	for i := pa.t0; i < pa.t1; i++ {
		t := d.toks[i]
		if t.kind != tWord {
			continue
		}
		k := t.key
		if sceneVerbs[k] && i > pa.t0 && d.word(i-1) != "to" || k == "seen" && (d.word(i-1) == "is" || d.word(i-1) == "are") {
			scene = true
		}
		if t.digit && t.end-t.start == 4 && i >= pa.t0+3 && d.toks[i-1].r == ',' && monthNames[d.word(i-3)] {
			date = true
		}
		if _, isCue := d.cueAt(i); isCue && d.subjectOK(i) {
			return false
		}
	}
	return scene && date
}

// wireDateline reports whether the credit ending at byte i of the
// paragraph is the agency of a dateline: "MACAU (Reuters) – Adelson said".
func wireDateline(low string, i int) bool {
	j := strings.IndexByte(low[i:], ')')
	if j < 0 || j > 12 {
		return false
	}
	rest := strings.TrimLeft(low[i+j+1:], " \u00a0")
	return strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "\u2013") || strings.HasPrefix(rest, "\u2014")
}

// hasAttribution reports whether tokens [t0, t1) hold a cue with its
// subject.
func (d *doc) hasAttribution(t0, t1 int) bool {
	for i := t0; i < t1; i++ {
		if d.toks[i].kind != tWord {
			continue
		}
		if c, ok := d.cueAt(i); ok && c.class != cueStance && d.subjectOK(i) {
			return true
		}
	}
	return false
}

// isHeading recognises a section heading: a short line with no final stop
// between paragraphs of the body.
func isHeading(d *doc, p int, words int) bool {
	pa := d.paras[p]
	if words > 12 || p+1 >= len(d.paras) || d.hasQuote(pa.t0, pa.t1) {
		return false
	}
	last := d.toks[pa.t1-1]
	if last.kind != tWord || !d.toks[pa.t0].upper {
		return false
	}
	return d.paras[p+1].role == roleBody && d.wordCount(d.paras[p+1].t0, d.paras[p+1].t1) > words
}

// isDateline recognises lines such as "2:45 p.m." and "Updated: 10:02 ET"
// that carry no statement.
func isDateline(d *doc, p int, words int) bool {
	pa := d.paras[p]
	if words > 4 {
		return false
	}
	for i := pa.t0; i < pa.t1; i++ {
		if d.toks[i].digit {
			return true
		}
	}
	return false
}
