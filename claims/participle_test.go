package claims

import "testing"

// TestExtractAdverbParticiple: an adverb between the comma and a speech
// participle does not hide the participle.
func TestExtractAdverbParticiple(t *testing.T) {
	text := "Mayor Lena Ostrov defended the ferry tax for an hour, eventually saying that the harbour needed the money."
	content, speaker, ok := claimByCue(text, "eventually saying")
	if !ok || content != "that the harbour needed the money" || speaker != "Mayor Lena Ostrov" {
		t.Errorf("eventually saying: got %q by %q (ok %v)", content, speaker, ok)
	}
}

// TestExtractButParticiple: "but" joins a second speech participle to the
// first, as "and" does.
func TestExtractButParticiple(t *testing.T) {
	text := "Councillor Ana Petrov spoke on Monday, saying the plan was overdue but insisting that the harbour could not afford it."
	content, speaker, ok := claimByCue(text, "insisting")
	if !ok || content != "that the harbour could not afford it" || speaker != "Councillor Ana Petrov" {
		t.Errorf("but insisting: got %q by %q (ok %v)", content, speaker, ok)
	}
}

// TestExtractStanceParticipleComma: the object of a stance participle ends
// at the comma after its phrase; an apposition after it is the outlet's.
func TestExtractStanceParticipleComma(t *testing.T) {
	text := "\"We need calm heads,\" Mayor Lena Ostrov told the council, referring to the harbour board, a body that meets twice a year."
	content, speaker, ok := claimByCue(text, "referring to")
	if !ok || content != "the harbour board" || speaker != "Mayor Lena Ostrov" {
		t.Errorf("referring to: got %q by %q (ok %v)", content, speaker, ok)
	}
}

// TestExtractTellParticiple: the content of "telling" starts after the
// addressee and the adverbials.
func TestExtractTellParticiple(t *testing.T) {
	text := "Mayor Lena Ostrov praised the ferry plan, telling reporters in Brookvale on Friday that the harbour would reopen."
	content, speaker, ok := claimByCue(text, "telling")
	if !ok || content != "that the harbour would reopen" || speaker != "Mayor Lena Ostrov" {
		t.Errorf("telling reporters: got %q by %q (ok %v)", content, speaker, ok)
	}
}

// TestExtractAfterWhoClause: a relative clause with a cue of its own
// stands between a subject and its main verb of saying; the clause's
// content ends at the comma that closes it.
func TestExtractAfterWhoClause(t *testing.T) {
	text := "Senator Mara Quill, who says the ferry tax is unfair, wrote on Tuesday that the council should drop it."
	content, speaker, ok := claimByCue(text, "wrote")
	if !ok || content != "that the council should drop it" || speaker != "Senator Mara Quill" {
		t.Errorf("who says, wrote: got %q by %q (ok %v)", content, speaker, ok)
	}
	text = "Later, Tomas Petrov, who thinks the council made a grab for power, called the new plan much better than the old one."
	content, _, ok = claimByCue(text, "thinks")
	if !ok || content != "the council made a grab for power" {
		t.Errorf("who thinks: got %q (ok %v)", content, ok)
	}
}
