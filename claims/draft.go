package claims

// Kind says how a claim is carried in the text.
type Kind string

const (
	Direct    Kind = "direct"    // a quotation in quote marks, attributed to a speaker
	Indirect  Kind = "indirect"  // reported speech: "X said that ..."
	Mixed     Kind = "mixed"     // reported speech holding a partial quotation
	Assertion Kind = "assertion" // the outlet's own statement, attributed to nobody
	Caption   Kind = "caption"   // a photo caption or credit: the outlet's own, kept apart
	Headline  Kind = "headline"  // the article's headline or a section heading
)

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool {
	switch k {
	case Direct, Indirect, Mixed, Assertion, Caption, Headline:
		return true
	}
	return false
}

// Attributed reports whether claims of this kind have a third-party speaker.
func (k Kind) Attributed() bool { return k == Direct || k == Indirect || k == Mixed }

// SpeakerKind says what sort of entity a speaker is.
type SpeakerKind string

const (
	Person       SpeakerKind = "person"
	Organisation SpeakerKind = "organisation"
	Anonymous    SpeakerKind = "anonymous" // "officials", "a source close to the talks"
	Outlet       SpeakerKind = "outlet"    // the publishing outlet itself
)

// Span is a half-open range [Start, End) of byte offsets into an article's text.
// Offsets leave the process as Unicode code points; see Positions.
type Span struct {
	Start int
	End   int
}

// Len is the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers nothing.
func (s Span) Empty() bool { return s.End <= s.Start }

// Of returns the text the span covers.
func (s Span) Of(text string) string { return text[s.Start:s.End] }

// Overlaps reports whether two spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// SpeakerRef is who a draft claim is attributed to: the local mention that
// attributes it ("he", "Poznikhir") and the canonical speaker it resolves to.
type SpeakerRef struct {
	Mention      Span
	Name         string // canonical name: "Viktor Poznikhir", "Russian Defense Ministry"
	Role         string // "Lieutenant-General"
	Organisation string // "Russian army general staff"
	Kind         SpeakerKind
}

// Draft is a claim found by Extract, before it is stored: spans are byte
// offsets into the text that was extracted from.
type Draft struct {
	Kind    Kind
	Content Span   // the whole content, first byte of the first part to last byte of the last
	Parts   []Span // the content's pieces when it is discontinuous; nil when it is one piece
	Speaker *SpeakerRef
	Cue     *Span // "said", "warned", "according to"; nil when there is none
	// Confidence in [0, 1] that the kind, content and speaker are right.
	Confidence float64
}

// Valid reports whether k is one of the known speaker kinds.
func (k SpeakerKind) Valid() bool {
	switch k {
	case Person, Organisation, Anonymous, Outlet:
		return true
	}
	return false
}
