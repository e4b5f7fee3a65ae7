package claims

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPositions(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"empty", ""},
		{"ascii", "Russia says to continue Syria work with US"},
		{"curly and nbsp", "News\u00a0 /\u00a0 Syria “We have come,” he said. Press TV’s"},
		{"four-byte runes", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and emoji 🙂 mixed"},
		{"long", strings.Repeat("“é” abc ", 100)},
		{"invalid", "ok \xff\xfe bad"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewPositions(tt.text)
			runes := 0
			for i := 0; i <= len(tt.text); {
				if got := p.Runes(i); got != runes {
					t.Fatalf("Runes(%d) = %d, want %d", i, got, runes)
				}
				if got, ok := p.Byte(runes); !ok || got != i {
					t.Fatalf("Byte(%d) = %d, %v, want %d", runes, got, ok, i)
				}
				if i == len(tt.text) {
					break
				}
				_, size := utf8.DecodeRuneInString(tt.text[i:])
				i += size
				runes++
			}
			if p.Len() != runes {
				t.Errorf("Len() = %d, want %d", p.Len(), runes)
			}
			if _, ok := p.Byte(runes + 1); ok {
				t.Errorf("Byte(%d) past the end is ok", runes+1)
			}
			if _, ok := p.Byte(-1); ok {
				t.Error("Byte(-1) is ok")
			}
		})
	}
}

func TestPositionsInsideRune(t *testing.T) {
	text := "a“b"
	p := NewPositions(text)
	// Byte 2 is inside “: code points starting before it are a and “.
	if got := p.Runes(2); got != 2 {
		t.Errorf("Runes(2) = %d, want 2", got)
	}
	if got := p.Runes(-5); got != 0 {
		t.Errorf("Runes(-5) = %d, want 0", got)
	}
	if got := p.Runes(100); got != 3 {
		t.Errorf("Runes(100) = %d, want 3", got)
	}
}

func BenchmarkPositions(b *testing.B) {
	text := strings.Repeat("“Quoted,” he said. Plain ascii text follows here. ", 2000)
	p := NewPositions(text)
	b.ReportAllocs()
	for b.Loop() {
		for off := 0; off < len(text); off += 97 {
			p.Byte(p.Runes(off))
		}
	}
}
