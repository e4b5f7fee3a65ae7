package claims

import "testing"

// gClaim extracts text after an invented headline, so that the sentence is
// read as body text, and returns the content parts (joined by " || ") and
// speaker of the claim whose cue is cue.
func gClaim(text, cue string) (content, speaker string, ok bool) {
	full := "Harbour news today\n\n" + text
	for _, d := range Extract(full) {
		if d.Cue == nil || d.Cue.Of(full) != cue {
			continue
		}
		if d.Speaker != nil {
			speaker = d.Speaker.Mention.Of(full)
		}
		if d.Parts == nil {
			return d.Content.Of(full), speaker, true
		}
		for i, p := range d.Parts {
			if i > 0 {
				content += " || "
			}
			content += p.Of(full)
		}
		return content, speaker, true
	}
	return "", "", false
}

// TestExtractDocumentReport: a report, story or response put out by a
// speaker speaks for it, and a plural document needs no determiner.
func TestExtractDocumentReport(t *testing.T) {
	content, speaker, ok := gClaim("The harbour group published a report detailing how the ferry lost money.", "detailing")
	if !ok || content != "how the ferry lost money" || speaker != "The harbour group" {
		t.Errorf("report detailing: got %q by %q (ok %v)", content, speaker, ok)
	}
	content, speaker, ok = gClaim("The harbour group issued statements saying the ferry lost money.", "saying")
	if !ok || content != "the ferry lost money" || speaker != "The harbour group" {
		t.Errorf("statements saying: got %q by %q (ok %v)", content, speaker, ok)
	}
}

// TestExtractAccordingMidFrame: a description of the source after a
// mid-sentence "according to" ends the claim; a lone conjunction before
// the frame is no part of it.
func TestExtractAccordingMidFrame(t *testing.T) {
	content, speaker, ok := gClaim("The ferry was late, according to Jane Doe, who runs the harbour office.", "according to")
	if !ok || content != "The ferry was late" || speaker != "Jane Doe" {
		t.Errorf("described source: got %q by %q (ok %v)", content, speaker, ok)
	}
	content, _, ok = gClaim("But, according to the poll, most voters remain undecided about the ferry.", "according to")
	if !ok || content != "most voters remain undecided about the ferry" {
		t.Errorf("lone conjunction: got %q (ok %v)", content, ok)
	}
	content, _, ok = gClaim("At the heart of it, according to Jane Doe, a former envoy, was a misjudgment by the council.", "according to")
	if !ok || content != "At the heart of it || a former envoy, was a misjudgment by the council" {
		t.Errorf("resumed claim: got %q (ok %v)", content, ok)
	}
}

// TestExtractSpeakerShapes: a weekday inside a text's phrase, a name that
// looks like a modal, an age as a head noun and a demonstrative before a
// plural head.
func TestExtractSpeakerShapes(t *testing.T) {
	if _, speaker, ok := gClaim("“The ferry was late,” reads a Monday editorial in the Harbour Times.", "reads"); !ok || speaker != "a Monday editorial" {
		t.Errorf("Monday editorial: got %q (ok %v)", speaker, ok)
	}
	if content, speaker, ok := gClaim("In a column on Monday, Will wrote that the ferry was late.", "wrote"); !ok || speaker != "Will" || content != "that the ferry was late" {
		t.Errorf("Will wrote: got %q by %q (ok %v)", content, speaker, ok)
	}
	if _, speaker, ok := gClaim("The ferry was late, the 43-year-old asked.", "asked"); !ok || speaker != "the 43-year-old" {
		t.Errorf("43-year-old: got %q (ok %v)", speaker, ok)
	}
	if content, speaker, ok := gClaim("Cutting the tax too soon, those economists argued, would hurt the recovery.", "argued"); !ok || speaker != "those economists" || content != "Cutting the tax too soon || would hurt the recovery" {
		t.Errorf("those economists: got %q by %q (ok %v)", content, speaker, ok)
	}
}

// TestExtractPollShowing: a poll or survey that shows something speaks
// for itself, and what it shows ends at the comma before the main clause.
func TestExtractPollShowing(t *testing.T) {
	content, speaker, ok := gClaim("Despite polls showing her well behind, the mayor campaigned hard in Brookvale.", "showing")
	if !ok || content != "her well behind" || speaker != "polls" {
		t.Errorf("polls showing: got %q by %q (ok %v)", content, speaker, ok)
	}
	content, speaker, ok = gClaim("The mayor spoke after a new poll showing his support down to 14 percent.", "showing")
	if !ok || content != "his support down to 14 percent" || speaker != "a new poll" {
		t.Errorf("a new poll showing: got %q by %q (ok %v)", content, speaker, ok)
	}
}
