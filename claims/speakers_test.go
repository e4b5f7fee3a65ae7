package claims

import "testing"

func TestSpeakers(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		content string // the claim's content starts with this
		mention string
		want    SpeakerRef // Name, Role, Organisation, Kind
	}{
		{"title name organisation",
			"A headline\n\n“We know this,” Lieutenant-General Viktor Poznikhir of the Russian army's general staff said on Wednesday.",
			"“We know", "Lieutenant-General Viktor Poznikhir of the Russian army's general staff",
			SpeakerRef{Name: "Viktor Poznikhir", Role: "Lieutenant-General", Organisation: "Russian army general staff", Kind: Person}},
		{"organisation",
			"A headline\n\nThe Russian Defense Ministry has warned that attacks are coming.",
			"that attacks", "The Russian Defense Ministry",
			SpeakerRef{Name: "Russian Defense Ministry", Kind: Organisation}},
		{"pronoun resolves",
			"A headline\n\nViktor Poznikhir said the talks failed.\n\nHe also noted that the ministry had information.",
			"that the ministry", "He",
			SpeakerRef{Name: "Viktor Poznikhir", Kind: Person}},
		{"surname resolves to a name met earlier",
			"A headline\n\nThe call was between Sergei Lavrov and John Kerry on Friday.\n\nKerry said the talks would go on.",
			"the talks would", "Kerry",
			SpeakerRef{Name: "John Kerry", Kind: Person}},
		{"description resolves",
			"A headline\n\nGeneral Mara Ames said the base would close.\n\nThe general added that jobs would move.",
			"that jobs", "The general",
			SpeakerRef{Name: "Mara Ames", Role: "General", Kind: Person}},
		{"ministry resolves",
			"A headline\n\nThe Russian Defense Ministry said talks failed.\n\nThe ministry also said that it would try again.",
			"that it would", "The ministry",
			SpeakerRef{Name: "Russian Defense Ministry", Kind: Organisation}},
		{"plural head with examples",
			"A headline\n\nSeveral candidates, including Hale, said the country should take no more refugees.",
			"the country", "Several candidates, including Hale",
			SpeakerRef{Name: "Several candidates, including Hale", Kind: Anonymous}},
		{"possessive pronoun gives way to the subject",
			"A headline\n\nTom Wells has toned down his criticism of Jane Roe.",
			"Jane Roe", "Tom Wells",
			SpeakerRef{Name: "Tom Wells", Kind: Person}},
		{"anonymous",
			"A headline\n\nA source close to the talks said the deal was done.",
			"the deal", "A source close to the talks",
			SpeakerRef{Name: "source close to the talks", Kind: Anonymous}},
		{"appositive",
			"A headline\n\nTomas Brandt, a baker near the bridge, said he had not been consulted.",
			"he had not", "Tomas Brandt, a baker near the bridge",
			SpeakerRef{Name: "Tomas Brandt", Role: "baker near the bridge", Kind: Person}},
		{"appositive organisation",
			"A headline\n\nLeon Hartwig, a spokesman for the Example Gazette, said the paper stood by the story.",
			"the paper", "Leon Hartwig, a spokesman for the Example Gazette",
			SpeakerRef{Name: "Leon Hartwig", Role: "spokesman", Organisation: "Example Gazette", Kind: Person}},
		{"relative pronoun speaks for the phrase before it",
			"A headline\n\nThey turned to the Chicago Police Department, which reported 2,521 shooting incidents in the city.",
			"2,521 shooting", "which",
			SpeakerRef{Name: "Chicago Police Department", Kind: Organisation}},
		{"appositive with commas of its own",
			"A headline\n\nThe ground game is strong, said Mindy Romero, director of the Civic Engagement Project at the University of California, Davis.",
			"The ground game", "Mindy Romero, director of the Civic Engagement Project at the University of California",
			SpeakerRef{Name: "Mindy Romero", Role: "director of the Civic Engagement Project", Organisation: "University of California", Kind: Person}},
		{"inverted",
			"A headline\n\n“It is done,” said festival director Colette Armand.",
			"“It is done", "festival director Colette Armand",
			SpeakerRef{Name: "Colette Armand", Role: "festival director", Kind: Person}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *Draft
			drafts := Extract(tt.text)
			for i := range drafts {
				if c := drafts[i].Content.Of(tt.text); len(c) >= len(tt.content) && c[:len(tt.content)] == tt.content {
					got = &drafts[i]
				}
			}
			if got == nil || got.Speaker == nil {
				t.Fatalf("no attributed claim starting %q in %+v", tt.content, drafts)
			}
			s := got.Speaker
			if m := s.Mention.Of(tt.text); m != tt.mention {
				t.Errorf("mention = %q, want %q", m, tt.mention)
			}
			if s.Name != tt.want.Name || s.Role != tt.want.Role || s.Organisation != tt.want.Organisation || s.Kind != tt.want.Kind {
				t.Errorf("speaker = {%q %q %q %s}, want {%q %q %q %s}", s.Name, s.Role, s.Organisation, s.Kind,
					tt.want.Name, tt.want.Role, tt.want.Organisation, tt.want.Kind)
			}
		})
	}
}
