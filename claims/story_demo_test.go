package claims

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
	"github.com/crosscheck-news/crosscheck/sources"
)

// TestDemoReportsMatch ingests the demo reports (Press TV and two
// fictional outlets on the Urum al-Kubra convoy attack) through the whole
// pipeline: extraction, grouping into one story, candidates with
// suggested stances for Poznikhir's convoy quote.
func TestDemoReportsMatch(t *testing.T) {
	db := pgtest.New(t).Gorm
	ctx := context.Background()
	dir := filepath.Join("..", "cmd", "crosscheck", "demo")
	b, err := os.ReadFile(filepath.Join(dir, "articles.json"))
	if err != nil {
		t.Fatal(err)
	}
	var list []struct {
		File, Title, Outlet, URL string
		PublishedAt              string `json:"published_at"`
	}
	if err := json.Unmarshal(b, &list); err != nil {
		t.Fatal(err)
	}
	stories := map[int64]bool{}
	var press Ingested
	for _, d := range list {
		text, err := os.ReadFile(filepath.Join(dir, d.File))
		if err != nil {
			t.Fatal(err)
		}
		pub, _ := time.Parse(time.DateOnly, d.PublishedAt)
		res, err := Ingest(ctx, db, sources.Submission{Text: string(text), Title: d.Title, Outlet: d.Outlet, URL: d.URL, PublishedAt: &pub})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Claims) == 0 {
			t.Skip("the extractor finds no claims yet")
		}
		id, err := AssignStory(ctx, db, res.Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		stories[id] = true
		if d.Outlet == "Press TV" {
			press = res
		}
	}
	if len(stories) != 1 {
		t.Errorf("the demo reports fell into %d stories", len(stories))
	}
	var quote Claim
	for _, c := range press.Claims {
		if strings.Contains(c.ContentText, "humanitarian convoy near Urum al-Kubra") {
			quote = c
		}
	}
	if quote.ID == 0 {
		t.Skip("the extractor did not find Poznikhir's convoy quote")
	}
	cands, err := NewStore(db).Candidates(ctx, quote.ID, CandidateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Stance{}
	for _, c := range cands {
		t.Logf("%.3f %-16s %-12s %s | %s", c.Score, c.OutletName, c.Suggestion.Stance, c.Reason, c.Passage.Text)
		if _, ok := got[c.OutletName]; !ok {
			got[c.OutletName] = c.Suggestion.Stance
		}
	}
	if _, ok := got["Sample Wire"]; !ok {
		t.Errorf("no Sample Wire candidate")
	}
	if _, ok := got["Example Gazette"]; !ok {
		t.Errorf("no Example Gazette candidate")
	}
	conflict := false
	for _, c := range cands {
		if c.OutletName == "Example Gazette" && c.Suggestion.Stance == Conflicts {
			conflict = true
		}
	}
	if !conflict {
		t.Errorf("no conflicting Example Gazette passage suggested")
	}
}
