package claims

import "testing"

// TestExtractThatClauseSpeaker: a cue before a "that" clause whose subject
// the usual walk back misses still makes a claim when the clause's subject
// is found; junk openings ("Let", "Even") and object control ("forced X to
// admit") give no speaker of their own.
func TestExtractThatClauseSpeaker(t *testing.T) {
	cases := []struct{ text, cue, content, speaker string }{
		{"In the debate on Friday, Ms. Reyes tried to suggest that the ferry was safe.", "suggest", "that the ferry was safe", "Ms. Reyes"},
		{"After the vote in Brookvale, harbour officials remain hopeful that the ferry will run again.", "hopeful", "that the ferry will run again", "harbour officials"},
	}
	for _, c := range cases {
		content, speaker, ok := claimByCue(c.text, c.cue)
		if !ok || content != c.content || speaker != c.speaker {
			t.Errorf("%s: got %q by %q (ok %v)", c.cue, content, speaker, ok)
		}
	}
	for _, c := range []struct{ text, cue, bad string }{
		{"Let me say that the ferry was never safe for the children of Brookvale.", "say", "Let"},
		{"Mr. Lind studied the harbour report, which left little doubt that the ferry was unsafe.", "doubt", "Mr. Lind"},
		{"Instead, he would smile at the crowd in Brookvale to make them feel that he was listening.", "feel", "he"},
		{"The panel forced Mr. Lind, who ran the ferry for a decade, to admit that the schedule was wrong.", "admit", "The panel"},
	} {
		if _, speaker, _ := claimByCue(c.text, c.cue); speaker == c.bad {
			t.Errorf("%s: speaker %q", c.cue, speaker)
		}
	}
}

// TestExtractThatClauseEvidence: an evidence cue in an infinitive before a
// "that" clause speaks for the subject of the verb that governs it.
func TestExtractThatClauseEvidence(t *testing.T) {
	text := "Ms. Reyes needed to show that she could run the harbour board on her own."
	content, speaker, ok := claimByCue(text, "show")
	if !ok || content != "that she could run the harbour board on her own" || speaker != "Ms. Reyes" {
		t.Errorf("show that: got %q by %q (ok %v)", content, speaker, ok)
	}
}

// TestExtractThatClausePast: a past form before a "that" clause, with an
// adverb the walk back does not know, takes the clause's subject.
func TestExtractThatClausePast(t *testing.T) {
	text := "Ms. Reyes has since stressed that she did not sign the ferry contract."
	content, speaker, ok := claimByCue(text, "stressed")
	if !ok || content != "that she did not sign the ferry contract" || speaker != "Ms. Reyes" {
		t.Errorf("stressed that: got %q by %q (ok %v)", content, speaker, ok)
	}
}
