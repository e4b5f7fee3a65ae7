package claims

import (
	"strings"
	"testing"
)

// claimB is one claim a rule of helper B must find: its content, the text
// of its speaker's mention (empty for none) and its cue.
type claimB struct {
	text, content, speaker, cue string
}

func checkClaimsB(t *testing.T, tests []claimB) {
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

func TestExtractFrameTailB(t *testing.T) {
	checkClaimsB(t, []claimB{
		{"“The ferry will run again by June,” Mayor Ada Brill said, before adding that the harbor fund is empty.",
			"that the harbor fund is empty", "Mayor Ada Brill", "adding"},
		{"“I think the levy is too high,” Brill said on Monday, while arguing the county should cut its budget.",
			"the county should cut its budget", "Brill", "arguing"},
	})
}

func TestExtractFrameTailNoCommaB(t *testing.T) {
	checkClaimsB(t, []claimB{
		{"“Nothing is settled,” Brill told the Sample Wire on Friday after hinting that the fund could close.",
			"that the fund could close", "Brill", "hinting"},
	})
}

func TestExtractFrameClauseB(t *testing.T) {
	checkClaimsB(t, []claimB{
		{"“We will keep the pool open,” Brill said on Tuesday after the treasurer warned that the fund was empty.",
			"that the fund was empty", "the treasurer", "warned"},
	})
}

func TestExtractJoinOrphansB(t *testing.T) {
	checkClaimsB(t, []claimB{
		{"Mayor Ada Brill said the pool would close in May. \"We spent every cent on the roof.\"",
			"the pool would close in May. \"We spent every cent on the roof.\"", "Mayor Ada Brill", "said"},
	})
}

func TestExtractFrameAfterReadB(t *testing.T) {
	checkClaimsB(t, []claimB{
		{"“Nobody wants the levy,” read one sign at the rally.", "“Nobody wants the levy,”", "one sign", "read"},
		{"“Nobody wants the levy,” the county statement read.", "“Nobody wants the levy,”", "the county statement", "read"},
		{"“We are not afraid of the board,” Brill, who has not endorsed a candidate, told reporters.",
			"“We are not afraid of the board,”", "Brill, who has not endorsed a candidate", "told"},
		{"“We are not afraid of the board,” stated Tom Reed, a clerk.", "“We are not afraid of the board,”", "Tom Reed, a clerk", "stated"},
	})
}

func TestExtractOrphanParagraphB(t *testing.T) {
	checkClaimsB(t, []claimB{
		{"Mayor Ada Brill said the pool would close in May.\n\n\"We spent every cent on the roof, and the county will not give us more.\"",
			"\"We spent every cent on the roof, and the county will not give us more.\"", "Mayor Ada Brill", "said"},
	})
}

func TestExtractFrameParticipleB(t *testing.T) {
	checkClaimsB(t, []claimB{
		{"“The levy is fair,” Brill wrote in a post on Monday explaining why the county needs the money.",
			"why the county needs the money", "Brill", "explaining"},
		{"“The levy is fair,” Brill said, also noting that the county has few other options.",
			"that the county has few other options", "Brill", "noting"},
	})
}

func TestExtractFrameWhenAskedB(t *testing.T) {
	checkClaimsB(t, []claimB{
		{"“You bet I would,” Brill said when asked whether she would close the pool for the summer.",
			"whether she would close the pool for the summer", "", "asked"},
	})
}

func TestExtractTranscriptLabelListB(t *testing.T) {
	checkClaimsB(t, []claimB{
		{"BRILL: We will keep the pool open all summer.", "We will keep the pool open all summer", "BRILL", ":"},
	})
	for _, line := range []string{
		"Iowa: Ann Lee, Bo Park, Cy Ward, Di Fox, Ed Moss",
		"Cruz: Just hang on",
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

func TestExtractFrameAccordingToB(t *testing.T) {
	checkClaimsB(t, []claimB{
		{"“We will not bring charges against anyone,” according to the county clerk.",
			"“We will not bring charges against anyone,”", "the county clerk", "according to"},
	})
}
