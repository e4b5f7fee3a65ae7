package claims

import (
	"reflect"
	"testing"
)

func TestEntities(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{`"We received additional information about the involvement of opposition groups closely connected with al-Nusra Front in the attack against the UN humanitarian convoy near Urum al-Kubra," said Poznikhir.`,
			[]string{"al-Nusra Front", "UN", "Urum al-Kubra", "Poznikhir"}},
		{"Lieutenant-General Viktor Poznikhir of the Russian army's general staff said on Wednesday.",
			[]string{"Viktor Poznikhir", "Russian"}},
		{"The Russian Defense Ministry has warned that militant groups are preparing attacks in Aleppo.",
			[]string{"Russian Defense Ministry", "Aleppo"}},
		{"Russia's readiness to work with the US. He said so in September.", []string{"Russia", "US"}},
		{"During the conversation, Kerry threatened to halt diplomacy with Russia.", []string{"Kerry", "Russia"}},
		{"the Bank of England raised rates", []string{"Bank of England"}},
		{"", nil},
	}
	for _, c := range cases {
		if got := Entities(c.text); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Entities(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestSalientWords(t *testing.T) {
	got := SalientWords("The UN convoy was hit near Urum al-Kubra on September 19, killing 20 people.")
	want := []string{"un", "convoy", "hit", "urum", "kubra", "september", "19", "killing", "20", "people"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SalientWords = %q, want %q", got, want)
	}
}

func TestSharedEntities(t *testing.T) {
	names := []string{"Viktor Poznikhir", "Urum al-Kubra", "UN", "Geneva"}
	got := sharedEntities(names, wordSet("POZNIKHIR SAYS UN CONVOY NEAR URUM AL-KUBRA WAS HIT"))
	want := []string{"Viktor Poznikhir", "Urum al-Kubra", "UN"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sharedEntities = %q, want %q", got, want)
	}
}
