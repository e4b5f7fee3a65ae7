package claims

import "testing"

// TestContentStart checks where content starts for sentence shapes whose
// cue is followed by more than the content.
func TestContentStart(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		content  string
	}{
		{"refused to endorse", "Senator Pell refused to endorse the new harbor plan on Monday.", "the new harbor plan"},
		{"kind words about", "Mayor Dunn offered some kind words about the harbor master.", "the harbor master"},
		{"responsibility for", "A small group claimed responsibility for the blackout in Tarnow.", "the blackout in Tarnow"},
		{"his support for stays", "Mayor Dunn announced his support for the harbor plan.", "his support for the harbor plan"},
		{"refused to say whether", "The mayor refused to say whether the ferry would run again.", "whether the ferry would run again"},
	}
	for _, tt := range tests {
		d, text := firstAttributed(t, tt.sentence)
		if got := d.Content.Of(text); got != tt.content {
			t.Errorf("%s: content %q, want %q", tt.name, got, tt.content)
		}
	}
}

// TestRelativePronounPart checks that "which" joins the content of a
// claim made in an object relative clause.
func TestRelativePronounPart(t *testing.T) {
	text := "A headline\n\nVoters rejected the ferry levy, which the mayor said was a mistake."
	for _, d := range Extract(text) {
		if d.Cue == nil || d.Cue.Of(text) != "said" {
			continue
		}
		if len(d.Parts) != 2 || d.Parts[0].Of(text) != "which" || d.Parts[1].Of(text) != "was a mistake" {
			t.Fatalf("parts %v", d.Parts)
		}
		return
	}
	t.Fatal("no claim on \"said\"")
}

// TestTrailingPollNamed checks that only a named poll at the end of a
// sentence becomes the source of the sentence.
func TestTrailingPollNamed(t *testing.T) {
	tests := []struct {
		sentence string
		cue      string
	}{
		{"The harbor levy has a wide lead in a Sample Wire poll.", "in"},
		{"The harbor levy has a wide lead in the latest polls.", ""},
		{"In other words, the harbor levy is not popular.", ""},
		{"Her own plans for the harbor were shelved in March.", ""},
	}
	for _, tt := range tests {
		d, text := firstAttributed(t, tt.sentence)
		got := ""
		if d.Cue != nil {
			got = d.Cue.Of(text)
		}
		if got != tt.cue {
			t.Errorf("%q: cue %q, want %q", tt.sentence, got, tt.cue)
		}
	}
}

// TestExpectedClause checks the parts of an "is expected to" claim: the
// clause from its subject or relative pronoun, without the cue.
func TestExpectedClause(t *testing.T) {
	checkParts(t, []partsCase{
		{"The harbor board is expected to approve the levy on Friday.", []string{"The harbor board", "to approve the levy on Friday"}},
		{"The board named two pilots who are expected to start work in June.", []string{"who", "to start work in June"}},
		{"And while many pilots are expected to stay on the island, the board is worried.", []string{"many pilots", "to stay on the island"}},
	})
}

// TestRelativeHead checks that a claim made in a relative clause without
// a pronoun keeps the noun it hangs on.
func TestRelativeHead(t *testing.T) {
	checkParts(t, []partsCase{
		{"This is the ferry plan the mayor wants to build.", []string{"the ferry plan", "to build"}},
		{"Mr. Reyes backed a candidate who hopes to compete in Tarnow.", nil},
		{"It is a levy that the mayor said was a mistake.", []string{"that", "was a mistake"}},
	})
}

// partsCase is a sentence and the parts of the content of its first
// attributed claim (none when the content is in one piece).
type partsCase struct {
	sentence string
	parts    []string
}

func checkParts(t *testing.T, tests []partsCase) {
	t.Helper()
	for _, tt := range tests {
		d, text := firstAttributed(t, tt.sentence)
		var got []string
		for _, p := range d.Parts {
			got = append(got, p.Of(text))
		}
		if len(got) != len(tt.parts) || len(got) == 2 && (got[0] != tt.parts[0] || got[1] != tt.parts[1]) {
			t.Errorf("%q: parts %q, want %q", tt.sentence, got, tt.parts)
		}
	}
}
