package claims

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/extract/*.golden.json from Extract's output")

// goldenClaim is a draft as the golden files show it: offsets in bytes, with
// the text each span covers so that a reviewer can read the file.
type goldenClaim struct {
	Kind       Kind           `json:"kind"`
	Content    goldenSpan     `json:"content"`
	Parts      []goldenSpan   `json:"parts,omitempty"`
	Speaker    *goldenSpeaker `json:"speaker"`
	Cue        *goldenSpan    `json:"cue"`
	Confidence float64        `json:"confidence"`
}

type goldenSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type goldenSpeaker struct {
	Mention      goldenSpan  `json:"mention"`
	Name         string      `json:"name"`
	Role         string      `json:"role,omitempty"`
	Organisation string      `json:"organisation,omitempty"`
	Kind         SpeakerKind `json:"kind"`
}

func golden(text string, drafts []Draft) []goldenClaim {
	span := func(s Span) goldenSpan { return goldenSpan{s.Start, s.End, s.Of(text)} }
	out := []goldenClaim{}
	for _, d := range drafts {
		g := goldenClaim{Kind: d.Kind, Content: span(d.Content), Confidence: d.Confidence}
		for _, p := range d.Parts {
			g.Parts = append(g.Parts, span(p))
		}
		if d.Speaker != nil {
			g.Speaker = &goldenSpeaker{Mention: span(d.Speaker.Mention), Name: d.Speaker.Name,
				Role: d.Speaker.Role, Organisation: d.Speaker.Organisation, Kind: d.Speaker.Kind}
		}
		if d.Cue != nil {
			c := span(*d.Cue)
			g.Cue = &c
		}
		out = append(out, g)
	}
	return out
}

func articles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "extract", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	return files
}

func TestGolden(t *testing.T) {
	for _, f := range articles(t) {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := string(raw)
			got, err := json.MarshalIndent(golden(text, Extract(text)), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./claims -run TestGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Extract(%s) differs from %s; run with -update and review the diff.\n%s", f, path, firstDiff(string(want), string(got)))
			}
		})
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) && i < len(g); i++ {
		if w[i] != g[i] {
			return "line " + itoa(i+1) + ":\n  want " + w[i] + "\n  got  " + g[i]
		}
	}
	return "lengths differ"
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestExtractSeed pins what the article Crosscheck was designed around must
// yield, independently of the golden file.
func TestExtractSeed(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "extract", "presstv-russia-syria.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	drafts := Extract(text)
	find := func(prefix string) *Draft {
		for i := range drafts {
			if strings.HasPrefix(drafts[i].Content.Of(text), prefix) {
				return &drafts[i]
			}
		}
		return nil
	}
	tests := []struct {
		content string
		kind    Kind
		speaker string
		spKind  SpeakerKind
		cue     string
	}{
		{"to continue Syria work with US", Headline, "Russia", Organisation, "says"},
		{"Russia ready to continue Syria work with US", Headline, "", "", ""},
		{"Syrian government forces gather", Caption, "", "", ""},
		{"that militant groups are preparing", Indirect, "Russian Defense Ministry", Organisation, "warned"},
		{"“We have come to know", Direct, "Viktor Poznikhir", Person, "said"},
		{"that the ministry had", Indirect, "Viktor Poznikhir", Person, "noted"},
		{"Aid is seen strewn", Caption, "", "", ""},
		{"\"We received additional information", Direct, "Viktor Poznikhir", Person, "said"},
		{"Aleppo has been divided", Assertion, "", "", ""},
		{"Russia's readiness", Indirect, "Viktor Poznikhir", Person, "announced"},
		{"it\u00a0would be sending experts", Indirect, "Viktor Poznikhir", Person, "saying"},
		{"\"The\u00a0Russian Defense Ministry and the Foreign Ministry", Direct, "Viktor Poznikhir", Person, "said"},
		{"US Secretary of State John Kerry (L)", Caption, "", "", ""},
		{"that the\u00a0decision was made", Indirect, "Viktor Poznikhir", Person, "added"},
		{"that Moscow was accountable", Indirect, "John Kerry", Person, "claiming"},
		{"\"We count on our American partners", Direct, "Viktor Poznikhir", Person, "noted"},
		{"\"Opposition groups, taking advantage", Direct, "Viktor Poznikhir", Person, "added"},
	}
	for _, tt := range tests {
		d := find(tt.content)
		if d == nil {
			t.Errorf("no claim starting %q", tt.content)
			continue
		}
		if d.Kind != tt.kind {
			t.Errorf("%q: kind %s, want %s", tt.content, d.Kind, tt.kind)
		}
		switch {
		case tt.speaker == "" && d.Speaker != nil:
			t.Errorf("%q: speaker %q, want none", tt.content, d.Speaker.Name)
		case tt.speaker != "" && (d.Speaker == nil || d.Speaker.Name != tt.speaker || d.Speaker.Kind != tt.spKind):
			t.Errorf("%q: speaker %+v, want %s (%s)", tt.content, d.Speaker, tt.speaker, tt.spKind)
		}
		if got := ""; d.Cue != nil {
			if got = d.Cue.Of(text); got != tt.cue {
				t.Errorf("%q: cue %q, want %q", tt.content, got, tt.cue)
			}
		} else if tt.cue != "" {
			t.Errorf("%q: no cue, want %q", tt.content, tt.cue)
		}
	}
	poz := find("“We have come to know")
	if poz != nil && poz.Speaker != nil {
		if poz.Speaker.Role != "Lieutenant-General" || poz.Speaker.Organisation != "Russian army general staff" {
			t.Errorf("Poznikhir: role %q, organisation %q", poz.Speaker.Role, poz.Speaker.Organisation)
		}
	}
	for _, furniture := range []string{"News", "Press TV’s website", "www.presstv.ir", "SHARE THIS ARTICLE", "Press TV News Roku"} {
		if d := find(furniture); d != nil {
			t.Errorf("boilerplate %q became a %s claim", furniture, d.Kind)
		}
	}
}

// checkInvariants is what every output must satisfy, whatever the input.
func checkInvariants(t testing.TB, text string, drafts []Draft) {
	t.Helper()
	// Rune boundaries as range and Positions see them: an invalid byte is a
	// rune of its own.
	boundary := make([]bool, len(text)+1)
	for i := range text {
		boundary[i] = true
	}
	boundary[len(text)] = true
	inText := func(what string, s Span) {
		t.Helper()
		if s.Start < 0 || s.End > len(text) || s.Start > s.End {
			t.Fatalf("%s span %v out of range [0,%d]", what, s, len(text))
		}
		if !boundary[s.Start] || !boundary[s.End] {
			t.Fatalf("%s span %v not on UTF-8 boundaries", what, s)
		}
	}
	for i, d := range drafts {
		if !d.Kind.Valid() {
			t.Fatalf("draft %d: kind %q", i, d.Kind)
		}
		inText("content", d.Content)
		if d.Content.Empty() {
			t.Fatalf("draft %d: empty content", i)
		}
		if d.Parts != nil {
			if len(d.Parts) < 2 || d.Parts[0].Start != d.Content.Start || d.Parts[len(d.Parts)-1].End != d.Content.End {
				t.Fatalf("draft %d: parts %v do not span content %v", i, d.Parts, d.Content)
			}
			for k, p := range d.Parts {
				inText("part", p)
				if k > 0 && p.Start < d.Parts[k-1].End {
					t.Fatalf("draft %d: parts %v overlap or are out of order", i, d.Parts)
				}
			}
		}
		if d.Speaker != nil {
			inText("speaker mention", d.Speaker.Mention)
			if d.Speaker.Kind == "" {
				t.Fatalf("draft %d: speaker without kind", i)
			}
		}
		if d.Cue != nil {
			inText("cue", *d.Cue)
		}
		if d.Confidence < 0 || d.Confidence > 1 {
			t.Fatalf("draft %d: confidence %v", i, d.Confidence)
		}
		if i > 0 && d.Content.Start < drafts[i-1].Content.Start {
			t.Fatalf("drafts out of text order at %d", i)
		}
	}
}

func TestExtractInvariants(t *testing.T) {
	texts := []string{"", " ", "\n\n", "“", "\"", "'", "„x“", "«»", "He said.", "said", "according to",
		"\"Unclosed quote, he said.\n\n\"And more", "A, B, C, D, said E, F.", "..., saying", "\xff\xfe said \xff",
		"While stressing, ", "Mr. . . U.S. Lt.-Gen. said", "\xab00", "“We will win it all,” ,", "x said, and"}
	for _, f := range articles(t) {
		raw, _ := os.ReadFile(f)
		texts = append(texts, string(raw))
	}
	for _, text := range texts {
		drafts := Extract(text)
		checkInvariants(t, text, drafts)
		again := Extract(text)
		a, _ := json.Marshal(golden(text, drafts))
		b, _ := json.Marshal(golden(text, again))
		if !bytes.Equal(a, b) {
			t.Errorf("Extract(%q) is not deterministic", text)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, file := range articles(f) {
		raw, _ := os.ReadFile(file)
		f.Add(string(raw))
	}
	f.Add("“A,” he said, “B.”\n\n„C“ – «D» 'E' ‘F’")
	f.Add("“We will win it all,” ,") // a frame cut off by the end of the text
	// Rules that look past a cue, cut off by the end of the text: an
	// opening subordinate clause, a relative clause with no pronoun, a
	// participle after its noun.
	f.Add("Although the mayor said the ferry")
	f.Add("Voters rejected the plan the mayor wanted to")
	f.Add("0 0 ClAiming")
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, Extract(text))
	})
}

// TestExtractEveryPrefix extracts every prefix of every testdata article
// that ends at a space: a text cut off anywhere (a truncated download, a
// paste that stops mid-sentence) must still give well-formed claims. Rules
// that look a token or two past a cue are where the end of the text hides.
func TestExtractEveryPrefix(t *testing.T) {
	for _, file := range articles(t) {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		for i := 0; i < len(text); i++ {
			if text[i] == ' ' || text[i] == '\n' {
				checkInvariants(t, text[:i], Extract(text[:i]))
			}
		}
	}
}

func BenchmarkExtract(b *testing.B) {
	var texts []string
	total := 0
	for _, f := range articles(b) {
		raw, _ := os.ReadFile(f)
		texts = append(texts, string(raw))
		total += len(raw)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range texts {
			Extract(text)
		}
	}
}
