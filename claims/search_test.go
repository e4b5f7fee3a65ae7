package claims_test

import (
	"context"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/claims"
)

func TestSearchRanksAndFilters(t *testing.T) {
	fx := newFixture(t)
	store := claims.NewStore(fx.db.Gorm)
	ctx := context.Background()
	hits, err := store.Search(ctx, claims.SearchQuery{Text: "cables older than expected", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) < 2 || !strings.Contains(hits[0].Claim.ContentText, "The cables are older") {
		t.Fatalf("hits %+v", hits)
	}
	var reviewed claims.Hit
	for _, h := range hits {
		if h.Claim.ID == fx.reviewed {
			reviewed = h
		}
	}
	if reviewed.Claim.ID == 0 || len(reviewed.Evidence) != 2 || len(reviewed.Appearances) != 1 || reviewed.Article.Outlet != "Sample Wire" {
		t.Errorf("reviewed hit: %+v", reviewed)
	}
	for _, h := range hits {
		if h.Article.ID == 0 || h.Article.ID != h.Claim.ArticleID {
			t.Errorf("hit %d: article id %d, the claim's article is %d", h.Claim.ID, h.Article.ID, h.Claim.ArticleID)
		}
	}
	hits, err = store.Lookup(ctx, "At the meeting the engineer said the cables are older than anyone expected, and that the city cannot wait another winter.", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) < 2 || !strings.Contains(hits[0].Claim.ContentText, "The cables are older") {
		t.Fatalf("lookup hits %+v", hits)
	}
}
