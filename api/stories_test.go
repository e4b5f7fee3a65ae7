package api_test

import (
	"fmt"
	"testing"
)

// TestArticleStoryAPI: the article page links to its story through
// GET /api/v1/articles/:id/story; an article not grouped yet has none.
func TestArticleStoryAPI(t *testing.T) {
	s := newServer(t)
	a1, _ := s.seedSentences("Press TV", "2016-09-28", "Poznikhir spoke about Aleppo and Urum al-Kubra.")

	type answer struct {
		ArticleID int64 `json:"article_id"`
		Story     *struct {
			ID           int64  `json:"id"`
			Title        string `json:"title"`
			ArticleCount int    `json:"article_count"`
		} `json:"story"`
	}
	var before answer
	if resp := s.do("GET", fmt.Sprintf("/api/v1/articles/%d/story", a1), "", nil, &before); resp.StatusCode != 200 || before.ArticleID != a1 || before.Story != nil {
		t.Fatalf("ungrouped: %d %+v", resp.StatusCode, before)
	}
	if resp := s.do("POST", "/api/v1/stories/group", "", nil, nil); resp.StatusCode != 200 {
		t.Fatalf("group: %d", resp.StatusCode)
	}
	var after answer
	if resp := s.do("GET", fmt.Sprintf("/api/v1/articles/%d/story", a1), "", nil, &after); resp.StatusCode != 200 || after.Story == nil || after.Story.ArticleCount != 1 || after.Story.Title == "" {
		t.Fatalf("grouped: %d %+v", resp.StatusCode, after)
	}
	// The comparison's cells name each appearance's article, for links.
	var cmp struct {
		Statements []struct {
			ClaimID int64 `json:"claim_id"`
			Cells   map[string]struct {
				ClaimIDs   []int64 `json:"claim_ids"`
				ArticleIDs []int64 `json:"article_ids"`
			} `json:"cells"`
		} `json:"statements"`
	}
	if resp := s.do("GET", fmt.Sprintf("/api/v1/stories/%d", after.Story.ID), "", nil, &cmp); resp.StatusCode != 200 || len(cmp.Statements) != 1 {
		t.Fatalf("comparison: %d %+v", resp.StatusCode, cmp)
	}
	for outlet, cell := range cmp.Statements[0].Cells {
		if len(cell.ArticleIDs) != len(cell.ClaimIDs) || len(cell.ArticleIDs) == 0 || cell.ArticleIDs[0] != a1 {
			t.Errorf("outlet %s cell: %+v, want article %d for each claim", outlet, cell, a1)
		}
	}
	if resp := s.do("GET", "/api/v1/articles/99999/story", "", nil, nil); resp.StatusCode != 404 {
		t.Errorf("missing article: %d", resp.StatusCode)
	}
	if resp := s.do("GET", "/api/v1/articles/x/story", "", nil, nil); resp.StatusCode != 400 {
		t.Errorf("bad id: %d", resp.StatusCode)
	}
}
