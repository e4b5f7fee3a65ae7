package claims

import "testing"

func TestSuggestStance(t *testing.T) {
	claim := "Opposition groups were involved in the attack on the UN aid convoy near Urum al-Kubra."
	cases := []struct {
		name, claim, passage string
		want                 Stance
	}{
		{"same assertion", claim, "Rebel groups took part in the strike on the UN aid convoy near Urum al-Kubra.", Corroborates},
		{"denial", claim, "An aid-group spokesperson denied that militants were involved in the convoy attack.", Conflicts},
		{"rejected", claim, "The opposition rejected the accusation over the convoy.", Conflicts},
		{"false", claim, "The account of rebel involvement in the convoy attack is false.", Conflicts},
		{"no evidence", claim, "There is no evidence that opposition groups attacked the convoy.", Conflicts},
		{"negation mismatch", claim, "Opposition groups were not involved in the attack on the convoy.", Conflicts},
		{"both negated", "The convoy was not attacked by rebels.", "Rebels did not attack the convoy.", Corroborates},
		{"attributed", claim, "Russia claims opposition groups were behind the convoy attack.", Context},
		{"reportedly", claim, "Opposition groups were reportedly involved in the convoy attack.", Context},
		{"according to", claim, "According to Moscow, opposition groups were involved in the attack.", Context},
		{"question", claim, "Were opposition groups behind the convoy attack?", Context},
		{"hoax headline", "A man kept a burger for 20 years", "The 20-year-old burger story is a hoax", Conflicts},
		{"the claim's own hedge is not the passage's", "Officials say the dam may break", "The dam may break, officials say", Corroborates},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := SuggestStance(c.claim, c.passage)
			if got.Stance != c.want {
				t.Errorf("SuggestStance(%q, %q) = %s (%s), want %s", c.claim, c.passage, got.Stance, got.Why, c.want)
			}
			if got.Score <= 0 || got.Score > 1 || got.Why == "" {
				t.Errorf("score %v, why %q", got.Score, got.Why)
			}
		})
	}
}

func TestStanceValid(t *testing.T) {
	for _, s := range []Stance{Corroborates, Conflicts, Context} {
		if !s.Valid() {
			t.Errorf("%s not valid", s)
		}
	}
	if Stance("agrees").Valid() {
		t.Error("agrees is valid")
	}
}
