package claims

import "testing"

func TestPassiveAttribution(t *testing.T) {
	tests := []struct {
		sentence, cue, content, speaker string
	}{
		{"The FBI had interviewed Tsarnaev after being warned by the Russian government that he was a threat.",
			"warned", "that he was a threat", "the Russian government"},
		{"Hale has been criticized by some of his rivals for failing to spend enough time in the state.",
			"criticized", "Hale has been criticized by some of his rivals for failing to spend enough time in the state", "some of his rivals"},
		{"Dunn was asked by moderator Lee Foster whether his plan would add to the deficit.",
			"asked", "whether his plan would add to the deficit", "moderator Lee Foster"},
		{"The meeting was first reported by Politico.", "reported", "The meeting", "Politico"},
		{"The immigration bill, opposed by House Republicans, never became law.", "opposed", "The immigration bill", "House Republicans"},
		{"As reported by Western Journalism, investigators found over 2,200 emails on the server.",
			"As reported by", "investigators found over 2,200 emails on the server", "Western Journalism"},
		{"FBI officials were angered by the deal with the senator.", "angered", "the deal with the senator", "FBI officials"},
		{"The other two states voting next week are widely seen as Roe strongholds.", "seen", "The other two states voting next week are widely seen as Roe strongholds", ""},
		{"Mr. Moss, the former governor of Florida, had been soundly rejected by an electorate he no longer recognized.",
			"rejected", "Mr. Moss, the former governor of Florida", "an electorate he no longer recognized"},
	}
	for _, tt := range tests {
		text := "Headline\n\nBody sentence one here.\n\n" + tt.sentence + "\n"
		var got *Draft
		drafts := Extract(text)
		for i := range drafts {
			if drafts[i].Cue != nil && drafts[i].Cue.Of(text) == tt.cue {
				got = &drafts[i]
			}
		}
		if got == nil {
			t.Errorf("%q: no claim with cue %q", tt.sentence, tt.cue)
			continue
		}
		if c := got.Content.Of(text); c != tt.content {
			t.Errorf("%q: content %q, want %q", tt.sentence, c, tt.content)
		}
		spk := ""
		if got.Speaker != nil {
			spk = got.Speaker.Mention.Of(text)
		}
		if spk != tt.speaker {
			t.Errorf("%q: speaker %q, want %q", tt.sentence, spk, tt.speaker)
		}
	}
}
