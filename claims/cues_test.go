package claims

import (
	"strings"
	"testing"
)

// cueOf returns the cue text Extract finds for the first attributed claim
// of sentence, or "".
func firstAttributed(t *testing.T, sentence string) (Draft, string) {
	t.Helper()
	text := "A headline\n\n" + sentence
	for _, d := range Extract(text) {
		if d.Kind.Attributed() {
			return d, text
		}
	}
	return Draft{}, text
}

func TestCues(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		cue      string // "" when no attributed claim may be found
		content  string
	}{
		{"said that", "The ministry said that talks would resume.", "said", "that talks would resume"},
		{"has warned", "The Russian Defense Ministry has warned that militants are preparing attacks.", "warned", "that militants are preparing attacks"},
		{"said on a day", "Lieutenant-General Viktor Poznikhir said on Wednesday the ministry had information.", "said", "the ministry had information"},
		{"told reporters", "Smith told reporters that the plan was dead.", "told", "that the plan was dead"},
		{"trailing he said", "The plan is dead and buried, he said.", "said", "The plan is dead and buried"},
		{"trailing said X", "The plan is dead and buried, said Jane Smith.", "said", "The plan is dead and buried"},
		{"according to first", "According to the council, ferries will run every ten minutes.", "According to", "ferries will run every ten minutes"},
		{"according to last", "Ferries will run every ten minutes, according to the council.", "according to", "Ferries will run every ten minutes"},
		{"participial", "Kerry threatened to halt talks, claiming that Moscow was accountable.", "threatened", "to halt talks"},
		{"base form needs plural", "Officials say the bridge is safe.", "say", "the bridge is safe"},
		{"future", "The mayor will announce that the pier reopens.", "announce", "that the pier reopens"},
		{"belief", "Ossler believes the pilings will have to be replaced.", "believes", "the pilings will have to be replaced"},
		{"point out", "Smith pointed out that the numbers were wrong.", "pointed out", "that the numbers were wrong"},
		{"noun not cue", "The reports that came in were long and detailed.", "", ""},
		{"passive not cue", "Smith was told to leave the building at once.", "", ""},
		{"name not cue", "The United States Plans Committee met in the hall today.", "", ""},
		{"bare noun base form", "The state report on the bridge was late again.", "", ""},
		{"particle object", "Pell talked about his plans to cut taxes.", "talked about", "his plans to cut taxes"},
		{"second particle", "The lawyers pointed to the candidacies of two former hopefuls.", "pointed to", "the candidacies of two former hopefuls"},
		{"made it clear", "Some Republicans made it clear that they want him to come around.", "made it clear", "that they want him to come around"},
		{"made a deal", "The two campaigns made a deal on the debates last week.", "", ""},
		{"maintained a lead", "Hale maintained a lead of six points in the state.", "", ""},
		{"is expected", "The House is expected to pass the bill later this week.", "is expected", "The House is expected to pass the bill later this week"},
		{"relative which", "It was fined by the European Union, which contended that Ireland undertaxed the company.", "contended", "that Ireland undertaxed the company"},
		{"spelled-out share", "Thirty percent said the economy was their main worry.", "said", "the economy was their main worry"},
		{"plural before a phrase", "Supporters of Democrat Jane Roe say they will vote early.", "say", "they will vote early"},
		{"time between", "Ada Orr (D-Calif.) last week said the chains did not start with Roe.", "said", "the chains did not start with Roe"},
		{"when asked", "When asked whether the deal could pass, Smith only shrugged.", "asked", "whether the deal could pass"},
		{"transcript", "CLINTON: Honestly, I believe this is the most important job in the world.", ":", "Honestly, I believe this is the most important job in the world"},
		{"quoted exclamation", "Protesters in the street chanted \"What curfew?\" and kept going until 2 a.m.", "chanted", "\"What curfew?\""},
		{"quote runs on past the sentence", "Hale took to Twitter, writing: \"Another horrific attack. Many dead and injured.\"", "writing", "\"Another horrific attack. Many dead and injured.\""},
		{"see as", "Many Democrats see Wells as an agent of the decline.", "see", "Wells as an agent of the decline"},
		{"saw an object", "The senator saw a large crowd at the rally in Ohio.", "", ""},
		{"reports closing", "Voss will endorse Pell at a rally on Saturday, the Sample Wire reports.", "reports", "Voss will endorse Pell at a rally on Saturday"},
		{"reports after a name", "Breitbart reports the two had a falling out after the shooting.", "reports", "the two had a falling out after the shooting"},
		{"see present", "Investors see a one-in-five chance that the Fed will cut rates.", "see", "a one-in-five chance that the Fed will cut rates"},
		{"made no mention", "Hale made no mention of Mrs. Roe.", "made no mention of", "Mrs. Roe"},
		{"made the case that", "Reyes made the case that Hale would win.", "made the case", "that Hale would win"},
		{"calls with a quoted label", "Gowdy calls the whole thing \"an attack on the committee.\"", "calls", "the whole thing \"an attack on the committee.\""},
		{"sided with", "Wells sided with the unions.", "sided with", "the unions"},
		{"adverb before particle", "Ostrov spoke highly of his successor.", "spoke highly of", "his successor"},
		{"continues to grow", "The debt continues to grow every year.", "", ""},
		{"possessive noun cue", "Hale stood by his claim that the wall would pay for itself.", "claim", "that the wall would pay for itself"},
		{"possessive stance noun", "Pell stepped up his attacks on Hale.", "attacks on", "Hale"},
		// What seems is the whole clause, in two parts around the cue, held by no one.
		{"appeared to", "The two men appeared to hash out their differences.", "appeared", "The two men appeared to hash out their differences"},
		{"appeared on", "Warren appeared on the late-night show with Rachel Maddow.", "", ""},
		{"expressed concern about", "Voting rights advocates have expressed deep concern about the policy.", "expressed", "the policy"},
		{"expressed concern that", "Several senators expressed concern that the deal would collapse.", "expressed", "that the deal would collapse"},
		{"phrase object ends at since", "Smith called for more investment since the crisis began.", "called for", "more investment"},
		{"phrase object ends at after", "Pell criticized the plan after the debate on Monday.", "criticized", "the plan"},
		{"called into", "She called into a radio program in Kansas City on Tuesday.", "", ""},
		{"called as a name", "The mine was built near a mountain stream called Miracle Run.", "", ""},
		{"person called", "A spokesman called Hale a liar and a fraud.", "called", "Hale a liar and a fraud"},
		{"called a meeting", "The Security Council called an emergency meeting to discuss the test.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, text := firstAttributed(t, tt.sentence)
			if tt.cue == "" {
				if d.Kind != "" {
					t.Fatalf("found %s claim %q", d.Kind, d.Content.Of(text))
				}
				return
			}
			if d.Kind == "" {
				t.Fatalf("no attributed claim")
			}
			if d.Cue == nil || d.Cue.Of(text) != tt.cue {
				t.Errorf("cue = %v, want %q", d.Cue, tt.cue)
			}
			if got := d.Content.Of(text); got != tt.content {
				t.Errorf("content = %q, want %q", got, tt.content)
			}
		})
	}
}

// Every cue form must be lower case and plain: the lexicon is matched
// against lowerKey's output.
func TestCueLexiconKeys(t *testing.T) {
	for w, c := range cueWords {
		if w != strings.ToLower(w) || strings.ContainsAny(w, "’ ") {
			t.Errorf("key %q is not a folded word", w)
		}
		if c.lemma == "" {
			t.Errorf("%q has no lemma", w)
		}
	}
}
