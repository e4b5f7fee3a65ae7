package claims

import (
	"context"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"gorm.io/gorm"

	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
)

// BenchmarkCandidates measures Candidates on a database of generated
// claims: CROSSCHECK_BENCH_CLAIMS of them (default 20,000; the target is
// measured at 1,000,000), 20 to an article, 500 outlets, words drawn from
// a Zipf distribution over 60,000 made-up words so that some words are in
// a good share of all claims, as in news text. It reports the p50 and p99
// latency of 300 calls on random claims besides the usual ns/op.
//
//	CROSSCHECK_BENCH_CLAIMS=1000000 go test ./claims -run '^$' -bench Candidates -benchtime 200x -timeout 60m
func BenchmarkCandidates(b *testing.B) {
	n := 20000
	if v := os.Getenv("CROSSCHECK_BENCH_CLAIMS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 100 {
			b.Fatalf("CROSSCHECK_BENCH_CLAIMS=%q", v)
		}
	}
	db := pgtest.New(b)
	ctx := context.Background()
	t0 := time.Now()
	ids := generateClaims(b, ctx, db.Pool, n)
	b.Logf("generated %d claims in %s", n, time.Since(t0).Round(time.Second))

	s := NewStore(db.Gorm)
	rng := rand.New(rand.NewPCG(1, 2))
	if os.Getenv("CROSSCHECK_BENCH_EXPLAIN_TO") != "" {
		explainCandidates(b, ctx, db.Gorm, ids[0])
	}
	pick := func() int64 { return ids[rng.IntN(len(ids))] }
	for range 20 { // warm the cache as a running server would be
		if _, err := s.Candidates(ctx, pick(), CandidateOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	var took []time.Duration
	for range 300 {
		t := time.Now()
		got, err := s.Candidates(ctx, pick(), CandidateOptions{})
		if err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(t))
		_ = got
	}
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	p := func(q float64) float64 { return float64(took[int(float64(len(took)-1)*q)].Microseconds()) / 1000 }
	b.Logf("%d claims: candidates p50 %.1f ms, p99 %.1f ms, max %.1f ms", n, p(0.5), p(0.99), p(1))

	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Candidates(ctx, pick(), CandidateOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(p(0.5), "p50-ms")
	b.ReportMetric(p(0.99), "p99-ms")
}

// generateClaims stores n claims with COPY, building the GIN indexes
// after the data as a bulk load would, and returns their ids.
func generateClaims(b *testing.B, ctx context.Context, pool *pgxpool.Pool, n int) []int64 {
	b.Helper()
	rng := rand.New(rand.NewPCG(7, 11))
	// Words of random letters drawn with English letter frequencies, so
	// that trigrams are spread as in real text (a small syllable set would
	// make every sentence trigram-similar to every other).
	const letters = "eeeeeeeeeeeettttttttttaaaaaaaaooooooooiiiiiiinnnnnnnsssssshhhhhhrrrrrrddddllllcccuuummmwwffggyyppbbvkjxqz"
	words := make([]string, 60000)
	for i := range words {
		k := 3 + rng.IntN(8)
		w := make([]byte, k)
		for j := range w {
			w[j] = letters[rng.IntN(len(letters))]
		}
		words[i] = string(w)
	}
	word := func(i int) string { return words[i] }
	const vocab = 60000
	zipf := rand.NewZipf(rand.New(rand.NewPCG(3, 5)), 1.07, 20, vocab-1)
	sentence := func() string {
		k := 12 + rng.IntN(18)
		ws := make([]string, k)
		for i := range ws {
			r := int(zipf.Uint64())
			w := word(r)
			if r%7 == 0 { // names
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			ws[i] = w
		}
		return strings.Join(ws, " ") + "."
	}
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	_, err := pool.Exec(ctx, `DROP INDEX claims_tsv_idx; DROP INDEX claims_content_trgm_idx;
		INSERT INTO outlets (name) SELECT 'Outlet ' || g FROM generate_series(1, 500) g`)
	must(err)
	const perArticle = 20
	articles := (n + perArticle - 1) / perArticle
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	texts := make([][]string, articles)
	var arows [][]any
	for a := range articles {
		ss := make([]string, 0, perArticle)
		for i := 0; i < perArticle && a*perArticle+i < n; i++ {
			ss = append(ss, sentence())
		}
		texts[a] = ss
		text := strings.Join(ss, " ")
		h := sha256.Sum256([]byte(text))
		arows = append(arows, []any{int64(1 + rng.IntN(500)), ss[0], text, h[:], base.Add(time.Duration(rng.IntN(5*365*24)) * time.Hour)})
	}
	_, err = pool.CopyFrom(ctx, pgx.Identifier{"articles"}, []string{"outlet_id", "title", "text", "content_hash", "published_at"}, pgx.CopyFromRows(arows))
	must(err)
	var firstArticle int64
	must(pool.QueryRow(ctx, `SELECT min(id) FROM articles`).Scan(&firstArticle))
	var crows [][]any
	for a, ss := range texts {
		at := 0
		for _, sn := range ss {
			crows = append(crows, []any{firstArticle + int64(a), "assertion", int32(at), int32(at + len(sn)), sn, float32(1), "bench"})
			at += len(sn) + 1
		}
	}
	_, err = pool.CopyFrom(ctx, pgx.Identifier{"claims"}, []string{"article_id", "kind", "content_start", "content_end", "content_text", "confidence", "extractor_version"}, pgx.CopyFromRows(crows))
	must(err)
	_, err = pool.Exec(ctx, `SET maintenance_work_mem = '256MB';
		CREATE INDEX claims_tsv_idx ON claims USING gin (tsv);
		CREATE INDEX claims_content_trgm_idx ON claims USING gin (content_text gin_trgm_ops);
		ANALYZE`)
	must(err)
	var ids []int64
	rows, err := pool.Query(ctx, `SELECT id FROM claims TABLESAMPLE SYSTEM (1) LIMIT 5000`)
	must(err)
	for rows.Next() {
		var id int64
		must(rows.Scan(&id))
		ids = append(ids, id)
	}
	must(rows.Err())
	if len(ids) == 0 {
		rows, err := pool.Query(ctx, `SELECT id FROM claims LIMIT 5000`)
		must(err)
		for rows.Next() {
			var id int64
			must(rows.Scan(&id))
			ids = append(ids, id)
		}
	}
	return ids
}

// explainCandidates logs the plans of the pool query for one claim.
func explainCandidates(b *testing.B, ctx context.Context, db *gorm.DB, id int64) {
	var c struct {
		ID          int64
		ArticleID   int64
		ContentText string
		OutletID    int64
		Lexemes     string
	}
	db.Raw(claimForMatchingSQL, id).Scan(&c)
	st, _ := NewStore(db).lexemeStats(ctx)
	q := newMatchQuery(c.ContentText, strings.Fields(c.Lexemes), st)
	args := map[string]any{"pairs": q.pairs, "words": q.words, "any": q.any, "text": c.ContentText, "claim": c.ID, "article": c.ArticleID,
		"outlet": c.OutletID, "same": false, "scan": 1000, "widen_scan": widenBudget, "pool": 200}
	db.Transaction(func(tx *gorm.DB) error {
		for _, sql := range []string{candidatePoolSQL, candidateWidenSQL} {
			var plan []string
			tx.Raw("EXPLAIN (ANALYZE, BUFFERS) "+sql, args).Scan(&plan)
			f, _ := os.OpenFile(os.Getenv("CROSSCHECK_BENCH_EXPLAIN_TO"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
			fmt.Fprintln(f, strings.Join(plan, "\n"))
			f.Close()
		}
		return nil
	})
}
