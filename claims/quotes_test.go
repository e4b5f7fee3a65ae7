package claims

import (
	"reflect"
	"testing"
)

func quotesOf(text string) (out []string, full []bool) {
	d := newDoc(text)
	classifyParagraphs(d)
	for i := range d.paras {
		d.paras[i].role = roleBody
	}
	findQuotes(d)
	for _, q := range d.quotes {
		out = append(out, text[q.start:q.end])
		full = append(full, q.full)
	}
	return out, full
}

func TestFindQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
		full []bool
	}{
		{"straight", `He said, "We will go there now." Then left.`, []string{`"We will go there now."`}, []bool{true}},
		{"curly", "“We will go there now,” he said.", []string{"“We will go there now,”"}, []bool{true}},
		{"mixed straight and curly", "\"We received additional information about it,” said Poznikhir.", []string{"\"We received additional information about it,”"}, []bool{true}},
		{"scare quotes", "She called it “deplorable” and left.", []string{"“deplorable”"}, []bool{false}},
		{"partial quote", "He said the plan was \"long overdue\" today.", []string{"\"long overdue\""}, []bool{false}},
		{"single quotes", "Mayor Tobin: 'We will rebuild the pier'", []string{"'We will rebuild the pier'"}, []bool{true}},
		{"apostrophes are not quotes", "The voters’ choice and Russia’s plan, he said.", nil, nil},
		{"guillemets", "«We missed the lights as much as anyone,» said Armand.", []string{"«We missed the lights as much as anyone,»"}, []bool{true}},
		{"low-high", "„We still need volunteers, hundreds of them“, he said.", []string{"„We still need volunteers, hundreds of them“"}, []bool{true}},
		{"nested", "“He told me, ‘never again,’ and left,” she said.", []string{"“He told me, ‘never again,’ and left,”"}, []bool{true}},
		{"typewriter doubles", "''There's a lot of new complexity,'' said Mr. Burman.", []string{"''There's a lot of new complexity,''"}, []bool{true}},
		{"across paragraphs", "“We were told it was a luxury.\n\n“It is not a luxury,” she said.", []string{"“We were told it was a luxury.\n\n“It is not a luxury,”"}, []bool{true}},
		{"unclosed at paragraph end", "“People have been incredibly kind.\n\nHollis said more.", []string{"“People have been incredibly kind."}, []bool{true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, full := quotesOf(tt.text)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			if !reflect.DeepEqual(full, tt.full) {
				t.Errorf("full = %v, want %v", full, tt.full)
			}
		})
	}
}
