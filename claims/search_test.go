package claims_test

import (
	"context"
	"encoding/json"
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

// walk pages through q one hit at a time by cursor.
func walk(t *testing.T, store *claims.Store, q claims.SearchQuery) []claims.Hit {
	t.Helper()
	var out []claims.Hit
	q.Limit = 1
	for range 50 {
		hits, more, err := store.SearchPage(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, hits...)
		if !more {
			return out
		}
		c := hits[len(hits)-1].Cursor()
		q.After = &c
	}
	t.Fatal("paging does not end")
	return nil
}

func TestSearchPagesStablyByCursor(t *testing.T) {
	fx := newFixture(t)
	store := claims.NewStore(fx.db.Gorm)
	for _, q := range []claims.SearchQuery{
		{Text: "bridge"},
		{Text: "cables"},
		{Text: "cables are oldr than anyone expected"}, // one word misspelt: most of the words
		{Text: "cabels are oldr than anyone expectd"},  // most words misspelt: trigrams
		{Text: "bridge", Outlet: "samplewire.example"}, // a filter
		{Outlet: "Daily Sample"},                       // no text
	} {
		q.Limit = 100
		all, more, err := store.SearchPage(context.Background(), q)
		if err != nil || more {
			t.Fatalf("%+v: %v, more %v", q, err, more)
		}
		if len(all) == 0 {
			t.Errorf("%+v: no hits", q)
			continue
		}
		paged := walk(t, store, q)
		if len(paged) != len(all) {
			t.Errorf("%+v: %d hits in one page, %d one by one", q, len(all), len(paged))
			continue
		}
		for i := range all {
			if all[i].Claim.ID != paged[i].Claim.ID || all[i].Score != paged[i].Score || all[i].Fuzzy != paged[i].Fuzzy {
				t.Errorf("%+v: hit %d is %d (%v) in one page, %d (%v) one by one", q, i, all[i].Claim.ID, all[i].Score, paged[i].Claim.ID, paged[i].Score)
			}
			if i > 0 && (all[i].Score > all[i-1].Score || all[i].Score == all[i-1].Score && all[i].Claim.ID > all[i-1].Claim.ID) {
				t.Errorf("%+v: hit %d out of order", q, i)
			}
		}
		for _, h := range all { // the claim as Get reads it (speaker or none)
			want, err := store.Get(context.Background(), h.Claim.ID)
			a, _ := json.Marshal(h.Claim)
			b, _ := json.Marshal(want)
			if err != nil || string(a) != string(b) {
				t.Errorf("hit %d: %s, Get: %s (%v)", h.Claim.ID, a, b, err)
			}
		}
		fuzzy := strings.Contains(q.Text, "oldr")
		if all[0].Fuzzy != fuzzy || (q.Text != "" && q.Text != "bridge" && !strings.Contains(all[0].Claim.ContentText, "cables")) {
			t.Errorf("%+v: first hit %q, fuzzy %v", q, all[0].Claim.ContentText, all[0].Fuzzy)
		}
	}
}
