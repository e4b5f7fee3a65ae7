package claims

import (
	"context"
	"errors"
	"testing"

	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
	"github.com/crosscheck-news/crosscheck/sources"
)

func TestStories(t *testing.T) {
	db := pgtest.New(t).Gorm
	ctx := context.Background()
	quote := "We received additional information about the involvement of opposition groups closely connected with al-Nusra Front in the attack against the UN humanitarian convoy near Urum al-Kubra."
	press, pc := seedReport(t, db, "Press TV", "2016-09-28",
		"Russia says to continue Syria work with US.",
		quote,
		"Lieutenant-General Viktor Poznikhir spoke in Moscow about Aleppo.")
	wire, wc := seedReport(t, db, "Sample Wire", "2016-09-29",
		"Moscow blames rebels for Aleppo aid convoy attack.",
		"Poznikhir said: "+quote,
		"Aid workers near Urum al-Kubra said the UN convoy was struck from the air.")
	bakery, _ := seedReport(t, db, "Example Gazette", "2016-09-29", "A new bakery opened in Leeds on Saturday.", "The Mayor of Leeds cut the ribbon.")
	late, _ := seedReport(t, db, "Example Gazette", "2017-03-01", "Poznikhir spoke about Aleppo and the UN convoy near Urum al-Kubra again.")

	s1, err := AssignStory(ctx, db, press.ID)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := AssignStory(ctx, db, wire.ID)
	if err != nil {
		t.Fatal(err)
	}
	s3, _ := AssignStory(ctx, db, bakery.ID)
	s4, _ := AssignStory(ctx, db, late.ID)
	if s1 != s2 || s3 == s1 || s4 == s1 {
		t.Fatalf("stories: press %d wire %d bakery %d late %d", s1, s2, s3, s4)
	}
	// Assigning again changes nothing.
	if again, _ := AssignStory(ctx, db, wire.ID); again != s1 {
		t.Fatalf("regrouped into %d", again)
	}
	if _, err := AssignStory(ctx, db, 999999); !errors.Is(err, sources.ErrNotFound) {
		t.Fatalf("missing article: %v", err)
	}

	st := NewStore(db)
	list, err := st.Stories(ctx, 0, 2, 10)
	if err != nil || len(list) != 1 || list[0].ID != s1 || list[0].ArticleCount != 2 || list[0].OutletCount != 2 {
		t.Fatalf("stories with two outlets: %+v %v", list, err)
	}

	cmp, err := st.Compare(ctx, s1)
	if err != nil {
		t.Fatal(err)
	}
	if len(cmp.Outlets) != 2 || len(cmp.Articles) != 2 {
		t.Fatalf("comparison outlets %+v articles %+v", cmp.Outlets, cmp.Articles)
	}
	top := cmp.Statements[0]
	if top.ClaimID != pc[1].ID || top.Reports != 2 || len(top.Cells) != 2 {
		t.Fatalf("top statement %+v", top)
	}
	// A reviewer's conflict link shows in the matrix.
	if _, _, err := st.LinkEvidence(ctx, nil, Link{ClaimID: pc[1].ID, ArticleID: wire.ID, PassageClaimID: &wc[2].ID, Stance: Conflicts}); err != nil {
		t.Fatal(err)
	}
	cmp, _ = st.Compare(ctx, s1)
	for _, row := range cmp.Statements {
		if row.ClaimID == pc[1].ID && row.Conflicts != 1 {
			t.Errorf("conflict not counted: %+v", row)
		}
	}

	stmt, err := st.StatementOf(ctx, wc[1].ID)
	if err != nil || stmt.Outlets != 2 || len(stmt.Appearances) != 2 || stmt.Appearances[0].ClaimID != wc[1].ID {
		t.Fatalf("statement: %+v %v", stmt, err)
	}

	// A reviewer moves the wire report to a new story; grouping leaves it there.
	moved, err := MoveArticle(ctx, db, nil, wire.ID, StoryMove{NewTitle: "Convoy: the wire's account"})
	if err != nil || moved == s1 {
		t.Fatalf("move: %d %v", moved, err)
	}
	if again, _ := AssignStory(ctx, db, wire.ID); again != moved {
		t.Fatalf("pinned article regrouped into %d", again)
	}
	// Moving the press report there too leaves its old story empty, and gone.
	if _, err := MoveArticle(ctx, db, nil, press.ID, StoryMove{StoryID: moved}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Story(ctx, s1); !errors.Is(err, ErrNotFound) {
		t.Fatalf("empty story kept: %v", err)
	}
	var inv sources.InvalidError
	if _, err := MoveArticle(ctx, db, nil, press.ID, StoryMove{StoryID: 424242}); !errors.As(err, &inv) {
		t.Fatalf("move to missing story: %v", err)
	}
	if _, err := MoveArticle(ctx, db, nil, press.ID, StoryMove{}); !errors.As(err, &inv) {
		t.Fatalf("move nowhere: %v", err)
	}
	var n int
	db.Raw(`SELECT count(*) FROM audit_log WHERE entity = 'article' AND action = 'move story'`).Scan(&n)
	if n != 2 {
		t.Errorf("audited moves: %d", n)
	}
}

func TestTrigramSimilarityMatchesPgTrgm(t *testing.T) {
	db := pgtest.New(t).Gorm
	pairs := [][2]string{
		{"We count on our American partners to be ready to work together.", "“We count on our American partners to be ready to work together,” Poznikhir said."},
		{"The convoy was hit", "A bakery opened"},
		{"Ünïcödé words here", "unicode words here"},
	}
	for _, p := range pairs {
		var want float64
		db.Raw(`SELECT similarity(?, ?)`, p[0], p[1]).Scan(&want)
		got := trigramSimilarity(trigrams(p[0]), trigrams(p[1]))
		if d := got - want; d > 0.02 || d < -0.02 {
			t.Errorf("similarity(%q, %q) = %.3f, pg_trgm says %.3f", p[0], p[1], got, want)
		}
	}
}

func TestCountWords(t *testing.T) {
	text := "the us said thus: discuss us-led talks, and us."
	if n := countWords(text, "us"); n != 3 {
		t.Errorf("countWords(us) = %d, want 3", n)
	}
	if n := countWords("élan élan", "élan"); n != 2 {
		t.Errorf("countWords(élan) = %d, want 2", n)
	}
}
