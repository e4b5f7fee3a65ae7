package claims

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
	"github.com/crosscheck-news/crosscheck/sources"
)

// seedReport stores an article of outlet made of sentences, each stored as
// an assertion, without running the extractor: matching and evidence are
// tested apart from extraction.
func seedReport(t testing.TB, db *gorm.DB, outlet, date string, sentences ...string) (sources.Article, []Claim) {
	t.Helper()
	ctx := context.Background()
	text := strings.Join(sentences, " ")
	var pub *time.Time
	if date != "" {
		d, err := time.Parse(time.DateOnly, date)
		if err != nil {
			t.Fatal(err)
		}
		pub = &d
	}
	st := sources.NewStore(db)
	o, err := st.OutletFor(ctx, outlet, "")
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := st.Create(ctx, o, sources.Submission{Text: text, Title: sentences[0], Language: "en", PublishedAt: pub})
	if err != nil {
		t.Fatal(err)
	}
	var cs []Claim
	at := 0
	for _, s := range sentences {
		n := utf8.RuneCountInString(s)
		cs = append(cs, Claim{ArticleID: a.ID, Kind: Assertion, ContentStart: at, ContentEnd: at + n, ContentText: s,
			Confidence: 1, ExtractorVersion: "test", Status: Unreviewed, Version: 1})
		at += n + 1
	}
	// Raw SQL rather than the Claim model: these tests must not depend on
	// how the claim model maps its columns.
	for i := range cs {
		c := &cs[i]
		err := db.Raw(`INSERT INTO claims (article_id, kind, content_start, content_end, content_text, confidence, extractor_version)
			VALUES (?, ?, ?, ?, ?, 1, 'test') RETURNING id`, c.ArticleID, c.Kind, c.ContentStart, c.ContentEnd, c.ContentText).Scan(&c.ID).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	return a, cs
}

func auditRows(t *testing.T, db *gorm.DB, id int64) []struct {
	Action string
	Before *string
	After  *string
} {
	t.Helper()
	var rows []struct {
		Action string
		Before *string
		After  *string
	}
	if err := db.Raw(`SELECT action, before::text, after::text FROM audit_log WHERE entity = 'evidence' AND entity_id = ? ORDER BY id`, id).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestLinkEvidence(t *testing.T) {
	db := pgtest.New(t).Gorm
	ctx := context.Background()
	_, claim := seedReport(t, db, "Press TV", "2016-09-28", "Opposition groups were involved in the attack on the UN convoy near Urum al-Kubra.")
	other, passages := seedReport(t, db, "Sample Wire", "2016-09-29", "Aid workers said the convoy was struck from the air.", "A spokesperson denied that militants were involved in the attack on the convoy.")
	s := NewStore(db)
	p := passages[1]

	ev, created, err := s.LinkEvidence(ctx, nil, Link{ClaimID: claim[0].ID, ArticleID: other.ID, PassageStart: p.ContentStart, PassageEnd: p.ContentEnd, Stance: Conflicts, Note: "denies it"})
	if err != nil || !created {
		t.Fatalf("link: %v created=%v", err, created)
	}
	if ev.PassageText != p.ContentText || ev.Version != 1 || ev.Stance != Conflicts {
		t.Fatalf("stored %+v", ev)
	}
	if ev.SuggestedStance == nil || *ev.SuggestedStance != Conflicts || ev.SuggestedScore == nil {
		t.Fatalf("machine suggestion not kept: %+v", ev)
	}

	// Deciding again about the same passage updates the link and keeps
	// the first suggestion.
	ctx2 := Context
	ev2, created, err := s.LinkEvidence(ctx, nil, Link{ClaimID: claim[0].ID, ArticleID: other.ID, PassageStart: p.ContentStart, PassageEnd: p.ContentEnd,
		Stance: ctx2, Note: "only reports a denial", SuggestedStance: &ctx2})
	if err != nil || created {
		t.Fatalf("second decision: %v created=%v", err, created)
	}
	if ev2.ID != ev.ID || ev2.Version != 2 || ev2.Stance != Context || *ev2.SuggestedStance != Conflicts {
		t.Fatalf("upsert: %+v", ev2)
	}
	// A decision naming an old version is refused.
	_, _, err = s.LinkEvidence(ctx, nil, Link{ClaimID: claim[0].ID, ArticleID: other.ID, PassageStart: p.ContentStart, PassageEnd: p.ContentEnd, Stance: Corroborates, Version: 1})
	var ce *EvidenceConflictError
	if !errors.As(err, &ce) || !errors.Is(err, ErrConflict) || ce.Current.Version != 2 {
		t.Fatalf("stale upsert: %v", err)
	}

	// PATCH-style change with version check.
	st := Corroborates
	ev3, err := s.UpdateEvidence(ctx, nil, ev.ID, EvidenceChange{Version: 2, Stance: &st})
	if err != nil || ev3.Version != 3 || ev3.Stance != Corroborates {
		t.Fatalf("update: %+v %v", ev3, err)
	}
	if _, err := s.UpdateEvidence(ctx, nil, ev.ID, EvidenceChange{Version: 2, Stance: &st}); !errors.Is(err, ErrConflict) {
		t.Fatalf("stale update: %v", err)
	}
	if _, err := s.UpdateEvidence(ctx, nil, 999999, EvidenceChange{Version: 1, Stance: &st}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing: %v", err)
	}

	rows := auditRows(t, db, ev.ID)
	if len(rows) != 3 || rows[0].Action != "create" || rows[0].Before != nil || rows[1].Action != "decide" || rows[2].Action != "update" {
		t.Fatalf("audit trail: %+v", rows)
	}
	var before, after map[string]any
	json.Unmarshal([]byte(*rows[2].Before), &before)
	json.Unmarshal([]byte(*rows[2].After), &after)
	if before["stance"] != "context" || after["stance"] != "corroborates" {
		t.Fatalf("audit before/after: %v / %v", before, after)
	}

	list, err := s.EvidenceFor(ctx, claim[0].ID)
	if err != nil || len(list) != 1 || list[0].OutletName != "Sample Wire" || list[0].ArticleTitle == "" {
		t.Fatalf("list: %+v %v", list, err)
	}
}

func TestLinkEvidenceRefusesBadPassages(t *testing.T) {
	db := pgtest.New(t).Gorm
	ctx := context.Background()
	own, claim := seedReport(t, db, "Press TV", "", "Opposition groups were involved in the attack.")
	other, passages := seedReport(t, db, "Sample Wire", "", "Ünïcödé passage: militants were not involved.")
	s := NewStore(db)
	n := utf8.RuneCountInString(other.Text)
	cases := []struct {
		name  string
		link  Link
		field string
	}{
		{"own article", Link{ClaimID: claim[0].ID, ArticleID: own.ID, PassageStart: 0, PassageEnd: 5, Stance: Conflicts}, "article_id"},
		{"no article", Link{ClaimID: claim[0].ID, ArticleID: 424242, PassageStart: 0, PassageEnd: 5, Stance: Conflicts}, "article_id"},
		{"past the end", Link{ClaimID: claim[0].ID, ArticleID: other.ID, PassageStart: 0, PassageEnd: n + 1, Stance: Conflicts}, "passage_start"},
		{"empty", Link{ClaimID: claim[0].ID, ArticleID: other.ID, PassageStart: 3, PassageEnd: 3, Stance: Conflicts}, "passage_start"},
		{"bad stance", Link{ClaimID: claim[0].ID, ArticleID: other.ID, PassageStart: 0, PassageEnd: 3, Stance: "agrees"}, "stance"},
		{"claim of another article", Link{ClaimID: claim[0].ID, ArticleID: other.ID, PassageClaimID: &claim[0].ID, Stance: Conflicts}, "passage_claim_id"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := s.LinkEvidence(ctx, nil, c.link)
			var inv sources.InvalidError
			if !errors.As(err, &inv) || inv[0].Field != c.field {
				t.Fatalf("got %v, want an invalid %s", err, c.field)
			}
		})
	}
	if _, _, err := s.LinkEvidence(ctx, nil, Link{ClaimID: 99999, ArticleID: other.ID, PassageStart: 0, PassageEnd: 3, Stance: Conflicts}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing claim: %v", err)
	}
	// The whole text, in code points, is a valid passage; and a passage
	// given by its claim takes the claim's range.
	ev, _, err := s.LinkEvidence(ctx, nil, Link{ClaimID: claim[0].ID, ArticleID: other.ID, PassageClaimID: &passages[0].ID, Stance: Conflicts})
	if err != nil || ev.PassageText != other.Text || ev.PassageEnd != n {
		t.Fatalf("passage by claim: %+v %v", ev, err)
	}
}
