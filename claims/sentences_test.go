package claims

import (
	"reflect"
	"testing"
)

func sentencesOf(text string) []string {
	d := newDoc(text)
	var out []string
	for _, s := range d.sents {
		out = append(out, text[d.toks[s.t0].start:d.toks[s.t1-1].end])
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "One thing. Another thing! A third? Yes.", []string{"One thing.", "Another thing!", "A third?", "Yes."}},
		{"titles", "Lt.-Gen. Viktor Poznikhir spoke. Mr. Smith and Dr. Jones agreed.", []string{"Lt.-Gen. Viktor Poznikhir spoke.", "Mr. Smith and Dr. Jones agreed."}},
		{"U.S. and months", "The U.S. envoy arrived on Sept. 3. He left.", []string{"The U.S. envoy arrived on Sept. 3.", "He left."}},
		{"initials", "J. R. Ossler and John F. Kennedy were named. Then more.", []string{"J. R. Ossler and John F. Kennedy were named.", "Then more."}},
		{"numbers", "It cost $4.2 million at 2:45 p.m. on Friday. Then 1,000 more.", []string{"It cost $4.2 million at 2:45 p.m. on Friday.", "Then 1,000 more."}},
		{"quote ends sentence", "“We count on them.” He added more.", []string{"“We count on them.”", "He added more."}},
		{"lower case after stop", "See fig. and more. Next one.", []string{"See fig. and more.", "Next one."}},
		{"paragraphs", "First para\n\nSecond para. Two.", []string{"First para", "Second para.", "Two."}},
		{"nbsp", "It ended.\u00a0Then it began.", []string{"It ended.", "Then it began."}},
		{"abbreviation ends sentence", "He banned entry to the U.S. While Roe objected, Acme Inc. He left the U.S. Senate.", []string{"He banned entry to the U.S.", "While Roe objected, Acme Inc.", "He left the U.S. Senate."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sentencesOf(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestTokenWords(t *testing.T) {
	tests := []struct {
		text string
		want []string // the matching keys of the word tokens
	}{
		{"Russia’s al-Nusra", []string{"russia's", "al-nusra"}},
		{"Lt.-Gen. U.S. www.presstv.ir", []string{"lt.-gen.", "u.s.", "www.presstv.ir"}},
		{"don't SAY", []string{"don't", "say"}},
		{"AT&T 1,000 2:45", []string{"at&t", "1,000", "2:45"}},
	}
	for _, tt := range tests {
		d := newDoc(tt.text)
		var got []string
		for i := range d.toks {
			if w := d.word(i); w != "" {
				got = append(got, w)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}
