package claims

import (
	"sort"
	"unicode/utf8"
)

// positionStride is how many bytes lie between two checkpoints. A lookup
// decodes at most this many bytes, so each call costs O(1) for Runes and
// O(log n) for Byte, however long the text.
const positionStride = 64

// Positions converts between byte offsets (what Go strings and Span use)
// and Unicode code point offsets (what leaves the process, as in the W3C
// TextPositionSelector and the PolNeAR annotations) for one text.
//
// Invalid UTF-8 bytes count as one code point each, as range over a string
// does.
type Positions struct {
	text  string
	ascii bool
	// runesBefore[i] is the number of code points starting before byte
	// i*positionStride, nudged forward to the next rune boundary: see
	// checkpoint.
	runesBefore []int
	// byteAt[i] is the rune-aligned byte offset of checkpoint i.
	byteAt []int
	total  int
}

// NewPositions indexes text once so that later conversions are cheap.
func NewPositions(text string) Positions {
	p := Positions{text: text, ascii: true}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			p.ascii = false
			break
		}
	}
	if p.ascii {
		p.total = len(text)
		return p
	}
	n := len(text)/positionStride + 1
	p.runesBefore = make([]int, 0, n)
	p.byteAt = make([]int, 0, n)
	runes := 0
	next := 0
	for i := 0; i < len(text); {
		if i >= next {
			p.runesBefore = append(p.runesBefore, runes)
			p.byteAt = append(p.byteAt, i)
			next = i + positionStride
		}
		if text[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
		}
		runes++
	}
	p.total = runes
	return p
}

// Len is the text's length in code points.
func (p Positions) Len() int { return p.total }

// Runes returns the number of code points that start before byteOff: the
// code point offset of byteOff when it lies on a rune boundary. Offsets
// outside the text are clamped.
func (p Positions) Runes(byteOff int) int {
	if byteOff <= 0 {
		return 0
	}
	if byteOff >= len(p.text) {
		return p.total
	}
	if p.ascii {
		return byteOff
	}
	// The last checkpoint at or before byteOff.
	k := sort.SearchInts(p.byteAt, byteOff+1) - 1
	i, runes := p.byteAt[k], p.runesBefore[k]
	for i < byteOff {
		if p.text[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRuneInString(p.text[i:])
			i += size
		}
		runes++
	}
	return runes
}

// Byte returns the byte offset of code point runeOff; runeOff may equal
// Len (the end of the text). ok is false when runeOff is out of range.
func (p Positions) Byte(runeOff int) (off int, ok bool) {
	if runeOff < 0 || runeOff > p.total {
		return 0, false
	}
	if p.ascii {
		return runeOff, true
	}
	if runeOff == p.total {
		return len(p.text), true
	}
	k := sort.SearchInts(p.runesBefore, runeOff+1) - 1
	i, runes := p.byteAt[k], p.runesBefore[k]
	for runes < runeOff {
		if p.text[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRuneInString(p.text[i:])
			i += size
		}
		runes++
	}
	return i, true
}
