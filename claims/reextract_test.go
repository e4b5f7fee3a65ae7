package claims_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
	"github.com/crosscheck-news/crosscheck/sources"
)

// Re-ingesting an article after the extractor changed brings its claims up
// to date and keeps every claim a reviewer confirmed or edited.
func TestReingestWithNewerExtractorKeepsReviewedClaims(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	text, err := os.ReadFile(filepath.Join("testdata", "extract", "presstv-russia-syria.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sub := sources.Submission{Text: string(text), Title: "Russia says to continue Syria work with US", Outlet: "Press TV"}
	first, err := claims.Ingest(ctx, db.Gorm, sub)
	if err != nil {
		t.Fatal(err)
	}
	store := claims.NewStore(db.Gorm)
	confirmed, edited := first.Claims[0], first.Claims[1]
	st := claims.Confirmed
	if _, err := store.Update(ctx, confirmed.ID, claims.Change{Version: 1, Status: &st}, nil); err != nil {
		t.Fatal(err)
	}
	narrower := [2]int{edited.ContentStart + 1, edited.ContentEnd - 1}
	editedNow, err := store.Update(ctx, edited.ID, claims.Change{Version: 1, Content: &narrower}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Pretend an older extractor made the rest.
	if err := db.Gorm.Exec(`UPDATE claims SET extractor_version = 'rules-0' WHERE article_id = ?`, first.Article.ID).Error; err != nil {
		t.Fatal(err)
	}

	again, err := claims.Ingest(ctx, db.Gorm, sub)
	if err != nil {
		t.Fatal(err)
	}
	if again.Created || again.Article.ID != first.Article.ID {
		t.Fatalf("re-ingest stored a new article")
	}
	byID := map[int64]claims.Claim{}
	for _, c := range again.Claims {
		byID[c.ID] = c
	}
	if c, ok := byID[confirmed.ID]; !ok || c.Status != claims.Confirmed || c.ContentText != confirmed.ContentText {
		t.Errorf("confirmed claim after re-extraction: %+v (present %v)", c, ok)
	}
	if c, ok := byID[edited.ID]; !ok || c.Status != claims.Edited || c.ContentStart != narrower[0] || c.ContentText != editedNow.ContentText {
		t.Errorf("edited claim after re-extraction: %+v (present %v)", c, ok)
	}
	for _, c := range again.Claims {
		if c.Status == claims.Unreviewed && c.ExtractorVersion != claims.ExtractorVersion {
			t.Errorf("unreviewed claim %d still from %s", c.ID, c.ExtractorVersion)
		}
		if c.ID != edited.ID && c.ID != confirmed.ID &&
			c.ContentStart < editedNow.ContentEnd && editedNow.ContentStart < c.ContentEnd {
			t.Errorf("claim %d overlaps the reviewer's edited claim", c.ID)
		}
	}
	if len(again.Claims) != len(first.Claims) {
		t.Errorf("%d claims after re-extraction, %d before", len(again.Claims), len(first.Claims))
	}
}

func TestReextractionJobs(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	res, err := claims.Ingest(ctx, db.Gorm, sources.Submission{
		Text:  "Officials said the bridge would reopen on Monday.\n\nThe bridge closed in May.",
		Title: "Bridge to reopen", Outlet: "Sample Wire",
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Gorm.Exec(`UPDATE claims SET extractor_version = 'rules-0'`).Error; err != nil {
		t.Fatal(err)
	}
	q, err := claims.NewQueue(db.Pool, db.Gorm, claims.QueueOptions{Workers: 1, TestOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	n, err := claims.EnqueueReextraction(ctx, db.Gorm, q, nil)
	if err != nil || n != 1 {
		t.Fatalf("queued %d, %v; want 1", n, err)
	}
	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer q.Stop(ctx)
	deadline := time.Now().Add(20 * time.Second)
	for {
		var stale int64
		db.Gorm.Raw(`SELECT count(*) FROM claims WHERE article_id = ? AND extractor_version <> ?`, res.Article.ID, claims.ExtractorVersion).Scan(&stale)
		if stale == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d claims still from the old extractor after the job should have run", stale)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
