package claims

import "testing"

// TestContentEndsH checks more rules on where content stops: invented
// sentences, one or two for each rule.
func TestContentEndsH(t *testing.T) {
	for _, tt := range []struct{ text, cue, want string }{
		// possessiveCue: a cue word after a possessive is a modifier, no
		// new attribution.
		{"The mayor thought a deal was likely, given the tense climate and the council's repeated refusal to vote.", "thought", "a deal was likely, given the tense climate and the council's repeated refusal to vote"},
		// newClause: a cue word after an article is a noun.
		{"Ms. Roe said that the mayor's loyalty to the governor, and the support for her within the party, were factors.", "said", "that the mayor's loyalty to the governor, and the support for her within the party, were factors"},
		// evidenceBefore: a poll's contrast after ", while" is found too.
		{"A Sample Wire poll found that 40 percent of voters back Wells, while 35 percent back Roe.", "found", "that 40 percent of voters back Wells, while 35 percent back Roe"},
	} {
		got, ok := contentAfterCue(tt.text, tt.cue)
		if !ok {
			t.Errorf("%q: no claim with cue %q", tt.text, tt.cue)
			continue
		}
		if got != tt.want {
			t.Errorf("%q: content %q, want %q", tt.text, got, tt.want)
		}
	}
}
