package claims

import "testing"

// contentAfterCue returns the content of the first claim whose cue text is
// cue, and whether there is one; a headline line goes first so that the
// sentence is read as body text.
func contentAfterCue(text, cue string) (string, bool) {
	text = "Sample Wire reports on the city budget\n\n" + text
	for _, d := range Extract(text) {
		if d.Cue != nil && d.Cue.Of(text) == cue {
			return d.Content.Of(text), true
		}
	}
	return "", false
}

// TestContentEnds checks where content stops: invented sentences, one
// for each rule on the end of a claim's content.
func TestContentEnds(t *testing.T) {
	for _, tt := range []struct{ text, cue, want string }{
		// cueInObject: a speech verb inside the stance object.
		{"Mayor Jane Roe criticized the governor's proposed budget for the schools.", "criticized", "the governor's proposed budget for the schools"},
		{"Senator Ann Wells praised the book she wrote about the river towns.", "praised", "the book she wrote about the river towns"},
		// commaGoesOn: a serial comma.
		{"Governor Tom Hale attacked farmers, bankers, and teachers for opposing the plan.", "attacked", "farmers, bankers, and teachers for opposing the plan"},
		// asideEnd: a short aside in brackets.
		{"The union endorsed Sen. Jane Roe (D-Ore.) for a third term.", "endorsed", "Sen. Jane Roe (D-Ore.) for a third term"},
		// subordinateOpening: the main clause after an opening subordinate clause.
		{"Although the mayor has said the budget is balanced, the city is still borrowing money.", "said", "the budget is balanced"},
		{"Among voters who said the bridge was too costly, most backed Wells.", "said", "the bridge was too costly"},
		// phraseStop: a one-word object before a time phrase.
		{"Governor Tom Hale endorsed Wells last week.", "endorsed", "Wells"},
		// phraseStop: a pronoun object before a place phrase.
		{"The senator opposed it at the hearing.", "opposed", "it"},
		// finalRelative: a closing relative clause or appositive.
		{"Mayor Jane Roe said she would visit the paper mill, which employs 300 people.", "said", "she would visit the paper mill"},
		{"Mayor Jane Roe said the harbor plan was dead, a verdict few council members shared.", "said", "the harbor plan was dead"},
		{"Mayor Jane Roe said the new bridge would open in May, after the council approved the money.", "said", "the new bridge would open in May"},
		// subordinateOpening: a comma inside the closing quote.
		{"Although the mayor said the plan was \"a mistake,\" the council approved it.", "said", "the plan was \"a mistake,\""},
		// verbListAt: a list of the subject's verb phrases.
		{"Governor Tom Hale suggested the count was unfair, criticized the board and left the hall.", "suggested", "the count was unfair"},
		// contentEnd: the comma that closes a relative clause before the main verb.
		{"Jane Roe, who has said the harbor plan is dead, is now running for mayor.", "said", "the harbor plan is dead"},
		// phraseStop: the verb after a relative clause ends its stance object.
		{"Voters who support Wells are younger than the city's average.", "support", "Wells"},
		// dashClause: a spaced dash before the outlet's comment.
		{"The teachers' union endorsed Wells - the first time it has backed a mayor.", "endorsed", "Wells"},
		// asideComma: an aside between commas inside the stance object.
		{"Governor Tom Hale called Jane Roe, the county chair, onto the stage.", "called", "Jane Roe, the county chair, onto the stage"},
		// possessiveCue: a cue word after a possessive is a modifier, no
		// new attribution.
		{"The mayor thought a deal was likely, given the tense climate and the council's repeated refusal to vote.", "thought", "a deal was likely, given the tense climate and the council's repeated refusal to vote"},
		// newClause: a cue word after an article is a noun.
		{"Ms. Roe said that the mayor's loyalty to the governor, and the support for her within the party, were factors.", "said", "that the mayor's loyalty to the governor, and the support for her within the party, were factors"},
		// evidenceBefore: a poll's contrast after ", while" is found too.
		{"A Sample Wire poll found that 40 percent of voters back Wells, while 35 percent back Roe.", "found", "that 40 percent of voters back Wells, while 35 percent back Roe"},
	} {
		got, ok := contentAfterCue(tt.text, tt.cue)
		if !ok {
			t.Errorf("%q: no claim with cue %q", tt.text, tt.cue)
			continue
		}
		if got != tt.want {
			t.Errorf("%q: content %q, want %q", tt.text, got, tt.want)
		}
	}
}
