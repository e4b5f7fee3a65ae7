package claims_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
	"github.com/crosscheck-news/crosscheck/sources"
)

// report makes a distinct article text with a few attributed quotes.
func report(i int) string {
	return fmt.Sprintf(`Convoy report number %d

The convoy was struck near Urum al-Kubra on Monday, officials said, in attack number %d.

"We saw the trucks burning from the hills," said Ahmed Hassan, a resident.

Russia's defence ministry denied that its aircraft were involved. "Our planes were not there," said Igor Konashenkov, a ministry spokesman.
`, i, i)
}

func TestIngestBatch(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	// One stored before the batch, so the batch must skip it.
	if _, err := claims.Ingest(ctx, db.Gorm, sources.Submission{Text: report(0), Title: "Report 0", Outlet: "Sample Wire"}); err != nil {
		t.Fatal(err)
	}
	subs := []sources.Submission{
		{Text: report(0), Title: "Report 0 again", Outlet: "Sample Wire"},
		{Text: report(1), Title: "Report 1", Outlet: "Sample Wire"},
		{Text: "", Title: "No text", Outlet: "Sample Wire"},
		{Text: report(2), Title: "Report 2", URL: "https://www.example-news.org/2"},
		{Text: report(1), Title: "Report 1 repeated", Outlet: "Sample Wire"},
		{Text: report(3), Title: "Report 3", Outlet: "Other Outlet"},
	}
	res, err := claims.IngestBatch(ctx, db.Gorm, subs)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(subs) {
		t.Fatalf("%d results for %d submissions", len(res), len(subs))
	}
	wantCreated := []bool{false, true, false, true, false, true}
	for i, r := range res {
		if r.Created != wantCreated[i] {
			t.Errorf("result %d: created = %v, want %v (err %v)", i, r.Created, wantCreated[i], r.Err)
		}
		if (i == 2) != (r.Err != nil) {
			t.Errorf("result %d: err = %v", i, r.Err)
		}
		if r.Err == nil && r.Article.ID == 0 {
			t.Errorf("result %d has no article id", i)
		}
	}
	if res[4].Article.ID != res[1].Article.ID {
		t.Errorf("a repeat within the batch got article %d, want %d", res[4].Article.ID, res[1].Article.ID)
	}
	if res[3].Article.Outlet.Name != "example-news.org" {
		t.Errorf("outlet from the URL = %q", res[3].Article.Outlet.Name)
	}
	var n int64
	db.Gorm.Table("articles").Count(&n)
	if n != 4 {
		t.Errorf("%d articles stored, want 4", n)
	}
	// Claims are the same as Ingest would store, offsets and all.
	for _, i := range []int{1, 3, 5} {
		a, err := sources.NewStore(db.Gorm).Get(ctx, res[i].Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := claims.NewStore(db.Gorm).ByArticle(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != res[i].Claims || len(cs) != len(claims.Extract(a.Text)) {
			t.Errorf("article %d: %d claims stored, result says %d", i, len(cs), res[i].Claims)
		}
		runes := []rune(a.Text)
		for _, c := range cs {
			if got := string(runes[c.ContentStart:c.ContentEnd]); got != c.ContentText {
				t.Errorf("claim %d: text[%d:%d] = %q, content %q", c.ID, c.ContentStart, c.ContentEnd, got, c.ContentText)
			}
		}
	}
	var audits int64
	db.Gorm.Table("audit_log").Where("action = 'ingest'").Count(&audits)
	if audits != 4 {
		t.Errorf("%d audit rows, want 4", audits)
	}
}

func TestIngestBatchFallsBackOneByOne(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	// A title the database refuses but Validate lets through would sink
	// the chunk's transaction; make one with a NUL in the byline, which
	// PostgreSQL text refuses.
	subs := []sources.Submission{
		{Text: report(10), Title: "Fine", Outlet: "Sample Wire"},
		{Text: report(11), Title: "Bad", Outlet: "Sample Wire", Byline: "Jane\x00Doe"},
		{Text: report(12), Title: "Fine too", Outlet: "Sample Wire"},
	}
	res, err := claims.IngestBatch(ctx, db.Gorm, subs)
	if err != nil {
		t.Fatal(err)
	}
	if !res[0].Created || !res[2].Created || res[1].Err == nil {
		t.Fatalf("results = %+v", res)
	}
	if !strings.Contains(res[1].Err.Error(), "") {
		t.Fatal(res[1].Err)
	}
}

func BenchmarkIngestBatch(b *testing.B) {
	db := pgtest.New(b)
	ctx := context.Background()
	const n = 2000
	next := 0
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		subs := make([]sources.Submission, n)
		for i := range subs {
			next++
			subs[i] = sources.Submission{Text: report(next), Title: fmt.Sprintf("Report %d", next), Outlet: fmt.Sprintf("Outlet %d", next%20)}
		}
		res, err := claims.IngestBatch(ctx, db.Gorm, subs)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkIngestOneByOne is the baseline IngestBatch is measured against.
func BenchmarkIngestOneByOne(b *testing.B) {
	db := pgtest.New(b)
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := claims.Ingest(ctx, db.Gorm, sources.Submission{Text: report(i), Title: "Report", Outlet: fmt.Sprintf("Outlet %d", i%20)}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
