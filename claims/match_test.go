package claims

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
)

func TestCandidates(t *testing.T) {
	db := pgtest.New(t).Gorm
	ctx := context.Background()
	_, claim := seedReport(t, db, "Press TV", "2016-09-28",
		"Opposition groups closely connected with al-Nusra Front were involved in the attack against the UN humanitarian convoy near Urum al-Kubra, Poznikhir said.",
		"Russia is ready to continue working with the US on Syria.")
	// Another sentence of the same outlet: left out by default.
	seedReport(t, db, "Press TV", "2016-09-29", "Poznikhir repeated that al-Nusra Front was behind the attack on the UN convoy near Urum al-Kubra.")
	wire, wp := seedReport(t, db, "Sample Wire", "2016-09-29",
		"Viktor Poznikhir said militants linked to al-Nusra Front attacked the UN convoy near Urum al-Kubra.",
		"The weather in Geneva was mild.")
	gazette, gp := seedReport(t, db, "Example Gazette", "2016-10-10",
		"An aid-group spokesperson denied that militants were involved in the attack on the convoy near Urum al-Kubra.")
	seedReport(t, db, "Unrelated Times", "2016-09-28", "A new bakery opened in the high street on Saturday.")

	s := NewStore(db)
	got, err := s.Candidates(ctx, claim[0].ID, CandidateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 2 {
		t.Fatalf("got %d candidates: %+v", len(got), got)
	}
	if got[0].PassageClaimID != wp[0].ID || got[0].ArticleID != wire.ID || got[0].OutletName != "Sample Wire" {
		t.Fatalf("best candidate is %+v", got[0])
	}
	if !strings.Contains(got[0].Reason, "Poznikhir") || !strings.Contains(got[0].Reason, "Urum al-Kubra") || !strings.Contains(got[0].Reason, "1 day apart") {
		t.Errorf("reason %q", got[0].Reason)
	}
	if got[0].Passage.Text != wp[0].ContentText || got[0].Passage.Start != wp[0].ContentStart {
		t.Errorf("passage %+v", got[0].Passage)
	}
	var sawGazette bool
	for _, c := range got {
		if c.OutletName == "Press TV" || c.SameOutlet {
			t.Errorf("same-outlet passage %+v", c)
		}
		if c.OutletName == "Unrelated Times" {
			t.Errorf("unrelated passage %+v", c)
		}
		if c.PassageClaimID == gp[0].ID {
			sawGazette = true
			if c.Suggestion.Stance != Conflicts {
				t.Errorf("gazette suggestion %+v", c.Suggestion)
			}
		}
		if c.Score <= 0 || c.Score > 1 {
			t.Errorf("score %v", c.Score)
		}
	}
	if !sawGazette {
		t.Errorf("the conflicting report is not a candidate: %+v", got)
	}

	// Asked for, the same outlet's passages come back marked.
	got, err = s.Candidates(ctx, claim[0].ID, CandidateOptions{SameOutlet: true})
	if err != nil {
		t.Fatal(err)
	}
	marked := false
	for _, c := range got {
		if c.OutletName == "Press TV" {
			marked = c.SameOutlet && strings.Contains(c.Reason, "same outlet")
		}
	}
	if !marked {
		t.Errorf("same-outlet passage not marked: %+v", got)
	}

	// A reviewer's link shows on the candidate.
	ev, _, err := s.LinkEvidence(ctx, nil, Link{ClaimID: claim[0].ID, ArticleID: gazette.ID, PassageClaimID: &gp[0].ID, Stance: Conflicts})
	if err != nil {
		t.Fatal(err)
	}
	got, _ = s.Candidates(ctx, claim[0].ID, CandidateOptions{})
	for _, c := range got {
		if c.PassageClaimID == gp[0].ID && (c.EvidenceID == nil || *c.EvidenceID != ev.ID) {
			t.Errorf("link not shown: %+v", c)
		}
	}

	if _, err := s.Candidates(ctx, 987654, CandidateOptions{}); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing claim: %v", err)
	}
}

func TestRankCandidates(t *testing.T) {
	day := func(d int) *time.Time { x := time.Date(2016, 9, d, 0, 0, 0, 0, time.UTC); return &x }
	claim := "Poznikhir said militants attacked the UN convoy near Urum al-Kubra."
	rows := []poolRow{
		{PassageClaimID: 1, OutletID: 2, ContentText: "The UN convoy near Urum al-Kubra was attacked, Poznikhir said.", PublishedAt: day(29), TextRank: 0.5, Trigram: 0.5},
		{PassageClaimID: 2, OutletID: 3, ContentText: "A convoy was attacked.", PublishedAt: day(28), TextRank: 0.1, Trigram: 0.2},
		{PassageClaimID: 3, OutletID: 1, ContentText: "Poznikhir spoke about the UN convoy at Urum al-Kubra.", TextRank: 0.3, Trigram: 0.4},
	}
	got := rankCandidates(claim, 1, day(28), rows, 2)
	if len(got) != 2 || got[0].PassageClaimID != 1 {
		t.Fatalf("ranking: %+v", got)
	}
	if want := "shares: Poznikhir, UN, Urum al-Kubra, attacked, convoy; 1 day apart"; got[0].Reason != want {
		t.Errorf("reason %q, want %q", got[0].Reason, want)
	}
	if got[1].PassageClaimID != 3 || !got[1].SameOutlet || got[1].DaysApart != nil || !strings.HasSuffix(got[1].Reason, "same outlet") {
		t.Errorf("second: %+v", got[1])
	}
}

func TestMatchQuery(t *testing.T) {
	text := "Poznikhir's claim: the UN convoy (near Urum al-Kubra) & more!"
	// As to_tsvector('english') gives them.
	lexemes := []string{"al", "al-kubra", "claim", "convoy", "kubra", "poznikhir", "un", "urum"}
	q := newMatchQuery(text, lexemes, nil)
	if !strings.HasPrefix(q.words, "'poznikhir' | ") || !strings.Contains(q.words, "'convoy'") || strings.Contains(q.words, "'more'") {
		t.Errorf("words %q", q.words)
	}
	if !strings.Contains(q.pairs, "('poznikhir' & 'urum')") {
		t.Errorf("pairs %q", q.pairs)
	}
	if q.any != q.words {
		t.Errorf("without statistics every word is rare: any %q", q.any)
	}
	// Rarer words come first, and the widening query takes as many of the
	// rarest as the budget allows.
	st := &lexemeStats{rows: 100000, floor: 0.0001, freq: map[string]float64{"claim": 0.004, "convoy": 0.002, "un": 0.05}}
	q = newMatchQuery(text, lexemes, st)
	if !strings.HasSuffix(q.words, "'convoy' | 'claim' | 'un'") {
		t.Errorf("words by rarity %q", q.words)
	}
	if q.any != "'poznikhir' | 'kubra' | 'urum' | 'convoy'" {
		t.Errorf("any %q", q.any)
	}
	if q := newMatchQuery("the", nil, nil); q.words != "" || q.pairs != "" {
		t.Errorf("stop words only: %+v", q)
	}
	for w, want := range map[string]string{"castrated": "castrat", "armies": "armi", "army": "armi", "Watches": "watch", "UN": "un", "said": ""} {
		if got := lexemeOf(w, []string{"castrat", "armi", "watch", "un", "cast"}); got != want {
			t.Errorf("lexemeOf(%q) = %q, want %q", w, got, want)
		}
	}
	if got := quoteLexeme(`o'neil\`); got != `'o''neil\\'` {
		t.Errorf("quoted %s", got)
	}
}

// TestPackedSimilarity checks the Go trigram similarity against pg_trgm's.
func TestPackedSimilarity(t *testing.T) {
	db := pgtest.New(t).Gorm
	pairs := [][2]string{
		{"Poznikhir said militants attacked the UN convoy near Urum al-Kubra.", "The UN convoy near Urum al-Kubra was attacked, Poznikhir said."},
		{"ISIS used chemical weapons in Kobane", "Islamic State 'used chemical weapons' in Kobani"},
		{"Kim Jong-un hurt his leg", "KIM JONG-UN HURT HIS LEG!!"},
		{"Zürich’s Bürgermeister, 20 years", "zürich bürgermeister 20-year-old"},
		{"a", "b"},
		{"", "anything"},
	}
	for _, p := range pairs {
		var want float64
		if err := db.Raw(`SELECT similarity(?, ?)`, p[0], p[1]).Scan(&want).Error; err != nil {
			t.Fatal(err)
		}
		if got := packedSimilarity(packedTrigrams(p[0]), packedTrigrams(p[1])); math.Abs(got-want) > 1e-6 {
			t.Errorf("similarity(%q, %q) = %v, pg_trgm %v", p[0], p[1], got, want)
		}
	}
}

func TestNumbers(t *testing.T) {
	got := strings.Join(numbers("Seven girls, 4,000 USD, iOS 8.2 on March 9; 24M watches, 20-year-old burger, iOS8."), " ")
	if want := "7 4000 8.2 9 24 20"; got != want {
		t.Errorf("numbers %q, want %q", got, want)
	}
	// Digit runs among the salient words give way to whole figures.
	if got := withNumbers([]string{"gold", "000", "watch"}, "Gold watch for 5,000"); strings.Join(got, " ") != "gold watch 5000" {
		t.Errorf("withNumbers %q", got)
	}
}

func TestAkin(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{{"jihadi", "jihadist", true}, {"kurd", "kurdish", true}, {"state", "statement", false}, {"pres", "president", false}, {"war", "wars", false}, {"iraq", "iraq", true}} {
		if got := akin(c.a, c.b); got != c.want {
			t.Errorf("akin(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

// TestRankByPeers: of passages scored alike, those like the other
// reports come first, the odd one last.
func TestRankByPeers(t *testing.T) {
	texts := []string{
		"Kim Jong Un watches artillery drills near the border",
		"North Korea leader Kim is still in charge, has injured leg: source",
		"N. Korea's Kim has leg injury but is in charge",
		"Kim is still in charge of North Korea despite his leg injury",
	}
	var out []Candidate
	for i, x := range texts {
		out = append(out, Candidate{PassageClaimID: int64(i + 1), Score: 0.5, Passage: Range{Text: x}})
	}
	sortCandidates(out)
	rankByPeers(out)
	if out[len(out)-1].PassageClaimID != 1 {
		t.Errorf("the odd one out is not last: %+v", out)
	}
	for _, c := range out {
		if c.Score <= 0 || c.Score > 1 || (c.PassageClaimID != 1 && c.Signals.Peers <= out[len(out)-1].Signals.Peers) {
			t.Errorf("candidate %+v", c)
		}
	}
}
