package claims

import (
	"strings"
	"testing"
)

// claimByCue finds the draft whose cue is cue and returns its content and
// speaker mention, or ok=false.
func claimByCue(text, cue string) (content, speaker string, ok bool) {
	for _, d := range Extract(text) {
		if d.Cue == nil || d.Cue.Of(text) != cue {
			continue
		}
		if d.Speaker != nil {
			speaker = d.Speaker.Mention.Of(text)
		}
		return d.Content.Of(text), speaker, true
	}
	return "", "", false
}

// TestExtractNounParticiple: a speech participle right after its noun
// speaks for the noun; adjectival -ing forms do not.
func TestExtractNounParticiple(t *testing.T) {
	text := "Marchers in Brookvale held up a banner saying the mayor had betrayed the town."
	content, speaker, ok := claimByCue(text, "saying")
	if !ok || content != "the mayor had betrayed the town" || speaker != "a banner" {
		t.Errorf("banner saying: got %q by %q (ok %v)", content, speaker, ok)
	}
	text = "The council found the most telling detail in the budget of the harbour board."
	if _, _, ok := claimByCue(text, "telling"); ok {
		t.Errorf("an adjectival telling is no cue")
	}
}

// TestExtractNounStanceParticiple: a stance participle after a document
// noun takes its object; an adjectival -ing after "most" is no cue.
func TestExtractNounStanceParticiple(t *testing.T) {
	text := "The Harbour Party published an open letter condemning the new ferry tax."
	content, _, ok := claimByCue(text, "condemning")
	if !ok || content != "the new ferry tax" {
		t.Errorf("letter condemning: got %q (ok %v)", content, ok)
	}
	text = "For the mayor of Brookvale, the most pressing concern is the ferry schedule."
	if _, _, ok := claimByCue(text, "pressing"); ok {
		t.Errorf("an adjectival pressing is no cue")
	}
}

// TestExtractThatClauseVerb: a verb of saying or believing with a "that"
// clause is a cue even when its subject's head looks singular; a noun
// after a possessive and an adjective is not read as a verb.
func TestExtractThatClauseVerb(t *testing.T) {
	text := "Two economists at the University of Brookvale suggest that the ferry tax will raise little money."
	content, _, ok := claimByCue(text, "suggest")
	if !ok || content != "that the ferry tax will raise little money" {
		t.Errorf("suggest that: got %q (ok %v)", content, ok)
	}
	text = "Reporters questioned the council's earlier claim that the ferry was safe."
	if _, _, ok := claimByCue(text, "claim"); ok {
		t.Errorf("a noun claim after an adjective is no verb")
	}
}

// TestExtractParticipleAfterObject: a participle after the object of a
// verb does not take that object as its speaker.
func TestExtractParticipleAfterObject(t *testing.T) {
	text := "The Harbour Party published a pamphlet detailing the cost of the new ferry."
	if _, speaker, ok := claimByCue(text, "detailing"); ok && speaker == "a pamphlet" {
		t.Errorf("the pamphlet is the object of published, not the speaker")
	}
}

// TestExtractCastAs: "cast X as Y" labels its object like "portray";
// "cast a ballot" is no cue.
func TestExtractCastAs(t *testing.T) {
	text := "Mayor Ellen Brask has cast her rival as a friend of the ferry owners."
	content, speaker, ok := claimByCue(text, "cast")
	if !ok || content != "her rival as a friend of the ferry owners" || speaker != "Mayor Ellen Brask" {
		t.Errorf("cast as: got %q by %q (ok %v)", content, speaker, ok)
	}
	text = "Mayor Ellen Brask cast a ballot in the harbour district on Tuesday."
	if _, _, ok := claimByCue(text, "cast"); ok {
		t.Errorf("cast a ballot is no cue")
	}
}

// TestExtractDepictionAs: "paint", "frame", "characterize" and
// "position" X as Y label like "cast"; without the "as" they are no cues.
func TestExtractDepictionAs(t *testing.T) {
	text := "Councillor Dana Pryce has framed the ferry vote as a test of the mayor's word."
	content, _, ok := claimByCue(text, "framed")
	if !ok || content != "the ferry vote as a test of the mayor's word" {
		t.Errorf("framed as: got %q (ok %v)", content, ok)
	}
	text = "Volunteers painted the harbour fence on Saturday morning."
	if _, _, ok := claimByCue(text, "painted"); ok {
		t.Errorf("painted a fence is no cue")
	}
}

// TestExtractCriticalOf: a stance adjective after "be" with its
// preposition is a cue; without the preposition it is not.
func TestExtractCriticalOf(t *testing.T) {
	text := "Councillor Dana Pryce has been critical of the new ferry contract."
	content, speaker, ok := claimByCue(text, "critical of")
	if !ok || content != "the new ferry contract" || speaker != "Councillor Dana Pryce" {
		t.Errorf("critical of: got %q by %q (ok %v)", content, speaker, ok)
	}
	text = "The ferry contract is critical to the harbour budget this year."
	for _, d := range Extract(text) {
		if d.Cue != nil && strings.HasPrefix(d.Cue.Of(text), "critical") {
			t.Errorf("critical to is no cue: %q", d.Content.Of(text))
		}
	}
}

// TestExtractAttackPhrases: "took aim at", "pushed back against" and
// "went after" are stance cues with their object as content.
func TestExtractAttackPhrases(t *testing.T) {
	for _, tt := range []struct{ text, cue, content string }{
		{"Councillor Dana Pryce took aim at the ferry contract on Monday.", "took aim at", "the ferry contract"},
		{"The mayor has pushed back against claims of waste in the harbour budget.", "pushed back against", "claims of waste in the harbour budget"},
		{"Mayor Ellen Brask went after her rival over the ferry contract.", "went after", "her rival over the ferry contract"},
	} {
		content, _, ok := claimByCue(tt.text, tt.cue)
		if !ok || content != tt.content {
			t.Errorf("%s: got %q (ok %v), want %q", tt.cue, content, ok, tt.content)
		}
	}
	text := "Mayor Ellen Brask took office in the harbour town in January."
	if _, _, ok := claimByCue(text, "took"); ok {
		t.Errorf("took office is no cue")
	}
}

// TestExtractVotedTo: "voted to" with an infinitive reports what the
// voters backed.
func TestExtractVotedTo(t *testing.T) {
	text := "The harbour council voted to close the old pier."
	content, speaker, ok := claimByCue(text, "voted")
	if !ok || content != "to close the old pier" || speaker != "The harbour council" {
		t.Errorf("voted to: got %q by %q (ok %v)", content, speaker, ok)
	}
}

// TestSubjectAfterOpeningPhrase: a phrase opened by a preposition and
// closed by a comma is no subject: "Amid the uproar, X ...".
func TestSubjectAfterOpeningPhrase(t *testing.T) {
	text := "Amid the uproar over the ferry, Mayor Ellen Brask spoke at the pier, saying the contract would be reviewed."
	_, speaker, ok := claimByCue(text, "saying")
	if !ok || speaker != "Mayor Ellen Brask" {
		t.Errorf("opening phrase: got speaker %q (ok %v)", speaker, ok)
	}
}

// TestExtractParticipleAtEnd: a participle that ends the text has no
// token after it to look at (found by FuzzExtract).
func TestExtractParticipleAtEnd(t *testing.T) {
	for _, text := range []string{"0 0 ClAiming", "The banner saying", "a pamphlet detailing"} {
		checkInvariants(t, text, Extract(text))
	}
}
