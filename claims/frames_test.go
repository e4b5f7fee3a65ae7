package claims

import (
	"strings"
	"testing"
)

// frameCase is one claim a frame rule must find: its content, the text
// of its speaker's mention (empty for none) and its cue.
type frameCase struct {
	text, content, speaker, cue string
}

func checkFrameClaims(t *testing.T, tests []frameCase) {
	t.Helper()
	for _, tt := range tests {
		// A headline first, so that the sentence is a body paragraph.
		text := "Sample Wire news\n\n" + tt.text + "\n"
		drafts := Extract(text)
		var got *Draft
		for i := range drafts {
			if strings.TrimSpace(drafts[i].Content.Of(text)) == tt.content {
				got = &drafts[i]
			}
		}
		if got == nil {
			var all []string
			for _, d := range drafts {
				all = append(all, d.Content.Of(text))
			}
			t.Errorf("%q: no claim %q; got %q", tt.text, tt.content, all)
			continue
		}
		spk := ""
		if got.Speaker != nil {
			spk = got.Speaker.Mention.Of(text)
		}
		if spk != tt.speaker {
			t.Errorf("%q: speaker %q, want %q", tt.content, spk, tt.speaker)
		}
		cue := ""
		if got.Cue != nil {
			cue = got.Cue.Of(text)
		}
		if cue != tt.cue {
			t.Errorf("%q: cue %q, want %q", tt.content, cue, tt.cue)
		}
	}
}

func TestExtractFrameTail(t *testing.T) {
	checkFrameClaims(t, []frameCase{
		{"“The ferry will run again by June,” Mayor Ada Brill said, before adding that the harbor fund is empty.",
			"that the harbor fund is empty", "Mayor Ada Brill", "adding"},
		{"“I think the levy is too high,” Brill said on Monday, while arguing the county should cut its budget.",
			"the county should cut its budget", "Brill", "arguing"},
	})
}

func TestExtractFrameTailNoComma(t *testing.T) {
	checkFrameClaims(t, []frameCase{
		{"“Nothing is settled,” Brill told the Sample Wire on Friday after hinting that the fund could close.",
			"that the fund could close", "Brill", "hinting"},
	})
}

func TestExtractFrameClause(t *testing.T) {
	checkFrameClaims(t, []frameCase{
		{"“We will keep the pool open,” Brill said on Tuesday after the treasurer warned that the fund was empty.",
			"that the fund was empty", "the treasurer", "warned"},
	})
}

func TestExtractJoinOrphans(t *testing.T) {
	checkFrameClaims(t, []frameCase{
		{"Mayor Ada Brill said the pool would close in May. \"We spent every cent on the roof.\"",
			"the pool would close in May. \"We spent every cent on the roof.\"", "Mayor Ada Brill", "said"},
	})
}

func TestExtractFrameAfterRead(t *testing.T) {
	checkFrameClaims(t, []frameCase{
		{"“Nobody wants the levy,” read one sign at the rally.", "“Nobody wants the levy,”", "one sign", "read"},
		{"“Nobody wants the levy,” the county statement read.", "“Nobody wants the levy,”", "the county statement", "read"},
		{"“We are not afraid of the board,” Brill, who has not endorsed a candidate, told reporters.",
			"“We are not afraid of the board,”", "Brill, who has not endorsed a candidate", "told"},
		{"“We are not afraid of the board,” stated Tom Reed, a clerk.", "“We are not afraid of the board,”", "Tom Reed, a clerk", "stated"},
	})
}

func TestExtractOrphanParagraph(t *testing.T) {
	checkFrameClaims(t, []frameCase{
		{"Mayor Ada Brill said the pool would close in May.\n\n\"We spent every cent on the roof, and the county will not give us more.\"",
			"\"We spent every cent on the roof, and the county will not give us more.\"", "Mayor Ada Brill", "said"},
	})
}

func TestExtractFrameParticiple(t *testing.T) {
	checkFrameClaims(t, []frameCase{
		{"“The levy is fair,” Brill wrote in a post on Monday explaining why the county needs the money.",
			"why the county needs the money", "Brill", "explaining"},
		{"“The levy is fair,” Brill said, also noting that the county has few other options.",
			"that the county has few other options", "Brill", "noting"},
	})
}

func TestExtractFrameWhenAsked(t *testing.T) {
	checkFrameClaims(t, []frameCase{
		{"“You bet I would,” Brill said when asked whether she would close the pool for the summer.",
			"whether she would close the pool for the summer", "", "asked"},
	})
}

func TestExtractTranscriptLabelList(t *testing.T) {
	checkFrameClaims(t, []frameCase{
		{"BRILL: We will keep the pool open all summer.", "We will keep the pool open all summer", "BRILL", ":"},
	})
	for _, line := range []string{
		"Iowa: Ann Lee, Bo Park, Cy Ward, Di Fox, Ed Moss",
		"Pell: Just hang on",
		"Contributing: Ann Lee, Sample Wire",
	} {
		text := "Sample Wire news\n\n" + line + "\n"
		for _, d := range Extract(text) {
			if d.Kind.Attributed() {
				t.Errorf("%q: claim %q", line, d.Content.Of(text))
			}
		}
	}
}

func TestExtractFrameAccordingTo(t *testing.T) {
	checkFrameClaims(t, []frameCase{
		{"“We will not bring charges against anyone,” according to the county clerk.",
			"“We will not bring charges against anyone,”", "the county clerk", "according to"},
	})
}
