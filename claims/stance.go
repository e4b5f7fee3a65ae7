package claims

import (
	"strings"
)

// Stance is how a passage of another report relates to a claim.
type Stance string

const (
	Corroborates Stance = "corroborates" // asserts the same thing
	Conflicts    Stance = "conflicts"    // denies or contradicts it
	Context      Stance = "context"      // mentions it without endorsing it: attributed, hedged, asked
)

// Valid reports whether s is a known stance.
func (s Stance) Valid() bool {
	switch s {
	case Corroborates, Conflicts, Context:
		return true
	}
	return false
}

// Suggestion is the machine's guess at a stance. It is only ever a
// suggestion: a reviewer decides, and the guess is kept beside the
// decision so the rules can be measured against reviewers.
type Suggestion struct {
	Stance Stance  `json:"stance"`
	Score  float64 `json:"score"` // confidence in [0, 1]
	// Why names the cues that decided it ("denial: denied"), for reviewers.
	Why string `json:"why"`
}

// SuggestStance guesses the stance of passage towards claim from cues in
// the passage that the claim does not share: denials and debunking words,
// negation the claim lacks, and hedges or attributions ("X claims",
// "reportedly", a question) that repeat a claim without endorsing it.
//
// The rules were tuned on the Emergent train split (claims against other
// outlets' headlines); they prefer general cues over dataset quirks.
func SuggestStance(claim, passage string) Suggestion {
	cw := stanceWords(claim)
	pw := stanceWords(passage)
	pl := " " + strings.Join(pw, " ") + " "
	cl := " " + strings.Join(cw, " ") + " "
	has := func(s, phrase string) bool { return strings.Contains(s, " "+phrase+" ") }

	// Denials and debunking: the passage says the claim is false.
	for _, p := range denialCues {
		if has(pl, p) && !has(cl, p) {
			return Suggestion{Conflicts, 0.8, "denial: " + p}
		}
	}
	// Negation the claim does not have ("did not", "no"): the passage
	// asserts the opposite. Callers pass passages already matched to the
	// claim, so the negation is taken to be about the same thing.
	pn, cn := negations(pw), negations(cw)
	if pn != "" && cn == "" {
		return Suggestion{Conflicts, 0.6, "negation: " + pn}
	}
	if why := hedge(pl, cl, passage, claim); why != "" {
		return Suggestion{Context, 0.6, why}
	}
	return Suggestion{Corroborates, 0.55, "asserts it without hedging or denial"}
}

// hedge names the cue by which a passage repeats a claim without endorsing
// it: attribution to someone else, hedging modals, rumour words, questions.
func hedge(pl, cl, passage, claim string) string {
	has := func(s, phrase string) bool { return strings.Contains(s, " "+phrase+" ") }
	if strings.Contains(passage, "?") && !strings.Contains(claim, "?") {
		return "asks: a question"
	}
	for _, p := range hedgeCues {
		if has(pl, p) && !has(cl, p) {
			return "hedge: " + p
		}
	}
	return ""
}

// denialCues say a claim is untrue. Phrases are matched on whole,
// lower-cased words.
var denialCues = []string{
	"hoax", "hoaxes", "fake", "faked", "false", "falsely", "untrue", "not true", "debunk", "debunked", "debunks",
	"deny", "denies", "denied", "denial", "denying", "reject", "rejects", "rejected", "refute", "refutes", "refuted",
	"dismiss", "dismisses", "dismissed", "no evidence", "myth", "satire", "satirical", "baseless", "bogus",
	"nonsense", "rumours false", "rumors false", "misleading", "contrary", "contradict", "contradicts", "contradicted",
	"disputes", "disputed", "dispute", "no truth", "not real", "isn't real", "a lie", "lies", "lied", "scam",
	"spoof", "prank", "photoshopped", "doctored", "fabricated", "made up", "not dead", "alive", "backtrack", "backtracks",
	"retract", "retracts", "retracted", "clarifies", "shoots down", "slams", "quashes", "squashes", "busted",
	"rebuff", "rebuffs", "rebuffed", "shoot down", "shot down", "put to rest", "misinformation", "erroneous", "exaggerated",
	"inaccurate", "record straight", "nope", "fooled", "made it all up", "libel", "unfounded", "wrong", "debunking",
}

// hedgeCues repeat a claim without taking it on: attribution, rumour and
// speculation words, hedging modals.
var hedgeCues = []string{
	"claims", "claim", "claimed", "claiming", "reportedly", "reported", "reports", "report", "according to",
	"allegedly", "alleged", "alleges", "rumour", "rumours", "rumor", "rumors", "rumoured", "rumored", "may", "might",
	"could", "possibly", "possible", "perhaps", "suggests", "suggest", "believed", "appears", "apparently", "sources",
	"source", "investigate", "investigates", "investigating", "investigation", "probe", "probes", "speculation",
	"speculate", "unconfirmed", "purported", "purportedly", "says", "said", "say", "insists", "warns", "warned",
	"tweets", "tweeted", "expects", "expected", "forecast", "forecasts", "predicts", "predicted", "likely", "mulls",
	"considering", "considers", "would", "seems", "thinks", "think", "believes",
	"hints", "whether", "questions", "internet", "twitter", "facebook",
}

// negationWords mark a negated statement.
var negationWords = map[string]bool{
	"not": true, "no": true, "never": true, "nobody": true, "nothing": true, "none": true, "neither": true,
	"nor": true, "isn't": true, "wasn't": true, "aren't": true, "weren't": true, "doesn't": true, "don't": true,
	"didn't": true, "won't": true, "wouldn't": true, "can't": true, "cannot": true, "couldn't": true,
	"hasn't": true, "haven't": true, "hadn't": true, "without": true,
}

func negations(words []string) string {
	for _, w := range words {
		if negationWords[w] {
			return w
		}
	}
	return ""
}

// stanceWords lower-cases text into words, keeping inner apostrophes so
// that "didn't" stays one word; curly apostrophes become straight ones.
func stanceWords(text string) []string {
	toks := tokenize(strings.ReplaceAll(text, "’", "'"))
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		w := strings.ToLower(t.text)
		// tokenize strips a possessive "'s"; "it's" and "that's" are not
		// possessives but say nothing about stance either.
		out = append(out, w)
	}
	return out
}
