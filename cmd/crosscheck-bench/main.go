// Command crosscheck-bench measures Crosscheck against PostgreSQL's own
// limits on one machine, in one run: it makes a scratch database
// (crosscheck_bench, fresh each run, dropped at the end unless -keep),
// bulk-loads N synthetic claims with COPY, and reports
//
//   - claims:search latency p50 / p99 (target: p99 < 50 ms at 1,000,000 claims);
//   - CSV export rows/s beside COPY (...) TO STDOUT of the same rows (target: at least half);
//   - GET /api/v1/claims/{id} requests/s under loopback load beside a bare
//     net/http handler doing the same primary-key read with pgx (target: at least half);
//   - ingest articles/s with extraction.
//
// Everything listens on 127.0.0.1 only.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/crosscheck-news/crosscheck/api"
	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/migrations"
	"github.com/crosscheck-news/crosscheck/sources"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "crosscheck-bench:", err)
		}
		os.Exit(1)
	}
}

type options struct {
	N          int
	Keep       bool
	Queries    int
	LoadFor    time.Duration
	Clients    int
	Ingest     int
	DataDir    string
	ServerURL  string
	ExportRuns int
}

const benchDB = "crosscheck_bench"

func run(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	var o options
	fs := flag.NewFlagSet("crosscheck-bench", flag.ContinueOnError)
	fs.IntVar(&o.N, "n", 1_000_000, "synthetic claims to load")
	fs.BoolVar(&o.Keep, "keep", false, "keep the crosscheck_bench database at the end")
	fs.IntVar(&o.Queries, "queries", 1000, "claims:search requests to time")
	fs.DurationVar(&o.LoadFor, "load-for", 5*time.Second, "how long each GET load runs")
	fs.IntVar(&o.Clients, "clients", 16, "concurrent clients of the GET load")
	fs.IntVar(&o.Ingest, "ingest", 300, "articles to ingest with extraction")
	fs.IntVar(&o.ExportRuns, "export-runs", 2, "runs of each export (the best is reported)")
	fs.StringVar(&o.DataDir, "data-dir", ".data/pg", "private PostgreSQL cluster folder, used when no server answers")
	fs.StringVar(&o.ServerURL, "server-url", getenv("DATABASE_URL"), "a PostgreSQL URL whose server to use (its database is not touched: the bench makes crosscheck_bench beside it)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))

	srv, err := migrations.Find(ctx, migrations.FindOptions{DataDir: o.DataDir, Log: log})
	if o.ServerURL != "" {
		// Use the configured server, but never its database.
		var u string
		if u, err = migrations.WithDatabase(o.ServerURL, "postgres"); err == nil {
			srv = &migrations.Server{URL: u, How: "DATABASE_URL's server"}
		}
	}
	if err != nil {
		return err
	}
	if err := srv.Drop(ctx, benchDB); err != nil {
		return fmt.Errorf("drop old %s: %w", benchDB, err)
	}
	dbURL, err := srv.Ensure(ctx, benchDB)
	if err != nil {
		return err
	}
	if !o.Keep {
		defer func() {
			if err := srv.Drop(context.WithoutCancel(ctx), benchDB); err != nil {
				log.Warn("drop bench database", "err", err)
			}
		}()
	}
	db, err := migrations.OpenMigrated(ctx, poolURL(dbURL, 2*runtime.GOMAXPROCS(0)+o.Clients), log)
	if err != nil {
		return err
	}
	defer db.Close()

	fmt.Fprintf(out, "crosscheck-bench: %d claims, %d CPUs, PostgreSQL at %s\n", o.N, runtime.NumCPU(), srv.How)
	start := time.Now()
	data, err := load(ctx, db, o.N, log)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	fmt.Fprintf(out, "load: %d claims, %d articles, %d evidence links in %s (COPY, then indexes)\n",
		o.N, data.articles, data.evidence, time.Since(start).Round(time.Second))

	// Anonymous read: the figures are of the read path itself; a bearer token adds one indexed lookup per request.
	h := api.New(db.Gorm, slog.New(slog.DiscardHandler), api.Options{Ping: db.Ping, AllowAnonymousRead: true})
	if err := benchSearch(ctx, out, h, data, o.Queries); err != nil {
		return err
	}
	if err := benchExport(ctx, out, db, o.ExportRuns); err != nil {
		return err
	}
	if err := benchGet(ctx, out, db, h, o); err != nil {
		return err
	}
	return benchIngest(ctx, out, db, o.Ingest)
}

// poolURL sizes the pgx pool for the load: enough connections for every
// client, so the pool is not what is measured.
func poolURL(u string, conns int) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	q := p.Query()
	q.Set("pool_max_conns", strconv.Itoa(max(conns, 8)))
	p.RawQuery = q.Encode()
	return p.String()
}

// ---- synthetic data ----

type dataset struct {
	articles, evidence int
	// queries are phrases taken from stored claims, as a program looking a
	// statement up would send them (see benchQuery).
	queries  []benchQuery
	maxClaim int64
}

// benchQuery is a claims:search query and the claim it was taken from.
type benchQuery struct {
	text string
	kind string // queryKinds
	want string // the content of the claim it was taken from
}

// The query mix: most lookups quote a few words of a statement; some
// quote more of it, some put the quote in quotation marks (a phrase
// search), and some mistype a word or two.
var queryKinds = []string{"partial", "long", "phrase", "misspelt"}

// benchQueryOf turns a sampled partial quote (3 to 5 consecutive words of
// content, from) into a query of the mix. It draws from its own random
// source, so the data loaded is the same whatever the mix.
func benchQueryOf(r *rand.Rand, content string, partial string, from int) benchQuery {
	w := strings.Fields(content)
	q := benchQuery{text: partial, kind: "partial", want: content}
	switch x := r.IntN(100); {
	case x < 20: // a longer quote: 6 to 12 words, or the whole statement
		q.kind = "long"
		n := min(6+r.IntN(7), len(w))
		from = min(from, len(w)-n)
		q.text = strings.Join(w[from:from+n], " ")
	case x < 30:
		q.kind, q.text = "phrase", `"`+partial+`"`
	case x < 45: // 4 to 6 words with one word mistyped, or two
		q.kind = "misspelt"
		n := min(4+r.IntN(3), len(w))
		from = min(from, len(w)-n)
		ws := slices.Clone(w[from : from+n])
		typos := 1 + r.IntN(3)/2
		for range typos {
			i := r.IntN(len(ws))
			ws[i] = mistype(r, ws[i])
		}
		q.text = strings.Join(ws, " ")
	}
	return q
}

// mistype drops, doubles or swaps a letter of a word of four letters or
// more.
func mistype(r *rand.Rand, w string) string {
	if len(w) < 4 {
		return w
	}
	i := 1 + r.IntN(len(w)-2)
	switch r.IntN(3) {
	case 0:
		return w[:i] + w[i+1:]
	case 1:
		return w[:i] + w[i:i+1] + w[i:]
	default:
		return w[:i] + w[i+1:i+2] + w[i:i+1] + w[i+2:]
	}
}

// vocabulary makes pronounceable words: a few thousand, drawn with a Zipf
// law so that some are everywhere and most are rare, as in news text.
func vocabulary(r *rand.Rand, n int) []string {
	syl := []string{"ka", "lo", "mer", "ti", "san", "vo", "re", "dun", "pa", "shi", "gor", "el", "man", "tu", "bra", "ne", "os", "vin", "ra", "cul", "de", "fen", "ho", "ist"}
	seen := map[string]bool{}
	words := []string{"the", "of", "and", "to", "in", "a", "is", "that", "for", "will", "said", "not", "be", "we", "our", "government", "minister", "city", "people", "year"}
	for _, w := range words {
		seen[w] = true
	}
	for len(words) < n {
		k := 2 + r.IntN(3)
		var b strings.Builder
		for range k {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}

type generator struct {
	r     *rand.Rand
	words []string
	zipf  *rand.Zipf
}

func (g *generator) sentence(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(g.words[g.zipf.Uint64()])
	}
	return capital(b.String())
}

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

const claimsPerArticle = 10

// load fills the scratch database with COPY. The claim indexes are dropped
// first and built after: building a GIN index once is far cheaper than
// updating it a million times.
func load(ctx context.Context, db *migrations.DB, n int, log *slog.Logger) (dataset, error) {
	r := rand.New(rand.NewPCG(1, 2))
	words := vocabulary(r, 20000)
	g := &generator{r: r, words: words, zipf: rand.NewZipf(r, 1.07, 2, uint64(len(words)-1))}
	var d dataset
	conn, err := db.Pool.Acquire(ctx)
	if err != nil {
		return d, err
	}
	defer conn.Release()
	c := conn.Conn()
	exec := func(q string) error {
		_, err := c.Exec(ctx, q)
		return err
	}
	for _, q := range []string{
		`SET maintenance_work_mem = '256MB'`,
		`SET synchronous_commit = off`,
	} {
		if err := exec(q); err != nil {
			return d, err
		}
	}
	// Every index the migrations made on claims but its key, so that one
	// added by a later migration is built after the load too.
	var claimIndexes []string
	rows, err := c.Query(ctx, `SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
		WHERE i.indrelid = 'claims'::regclass AND NOT i.indisprimary AND NOT i.indisunique ORDER BY 1`)
	if err != nil {
		return d, err
	}
	var dropIndexes []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return d, err
		}
		dropIndexes, claimIndexes = append(dropIndexes, name), append(claimIndexes, def)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return d, err
	}
	if len(dropIndexes) > 0 {
		if err := exec(`DROP INDEX ` + strings.Join(dropIndexes, ", ")); err != nil {
			return d, err
		}
	}

	const outlets, speakers = 40, 5000
	var outletRows, speakerRows [][]any
	for i := range outlets {
		outletRows = append(outletRows, []any{fmt.Sprintf("Bench Outlet %d", i+1), fmt.Sprintf("outlet%d.example", i+1)})
	}
	kinds := []string{"person", "person", "person", "organisation", "anonymous"}
	for i := range speakers {
		speakerRows = append(speakerRows, []any{fmt.Sprintf("%s %s %d", capital(g.words[20+r.IntN(5000)]), capital(g.words[20+r.IntN(5000)]), i), "spokesperson", "", kinds[i%len(kinds)]})
	}
	if _, err := c.CopyFrom(ctx, pgx.Identifier{"outlets"}, []string{"name", "domain"}, pgx.CopyFromRows(outletRows)); err != nil {
		return d, err
	}
	if _, err := c.CopyFrom(ctx, pgx.Identifier{"speakers"}, []string{"name", "role", "organisation", "kind"}, pgx.CopyFromRows(speakerRows)); err != nil {
		return d, err
	}
	var firstOutlet, firstSpeaker int64
	if err := c.QueryRow(ctx, `SELECT min(id) FROM outlets`).Scan(&firstOutlet); err != nil {
		return d, err
	}
	if err := c.QueryRow(ctx, `SELECT min(id) FROM speakers`).Scan(&firstSpeaker); err != nil {
		return d, err
	}

	// Articles and claims are generated together, an article's text being
	// its claims' sentences, so offsets are true. Article ids are known in
	// advance: the table is empty and its identity starts at 1.
	d.articles = (n + claimsPerArticle - 1) / claimsPerArticle
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var recent []string // recent contents, repeated by other articles (appearances)
	articleSrc := &articleCopy{g: g, n: d.articles, claimsLeft: n, base: base, firstOutlet: firstOutlet, firstSpeaker: firstSpeaker,
		outlets: outlets, speakers: speakers, recent: &recent, d: &d, qr: rand.New(rand.NewPCG(5, 6))}
	t0 := time.Now()
	if _, err := c.CopyFrom(ctx, pgx.Identifier{"articles"}, []string{"outlet_id", "url", "title", "published_at", "language", "text", "content_hash"}, articleSrc); err != nil {
		return d, fmt.Errorf("copy articles: %w", err)
	}
	log.Info("articles loaded", "articles", d.articles, "took", time.Since(t0).Round(time.Millisecond))
	t0 = time.Now()
	if _, err := c.CopyFrom(ctx, pgx.Identifier{"claims"}, []string{"article_id", "kind", "content_start", "content_end", "content_text", "speaker_id",
		"mention_text", "cue_text", "confidence", "extractor_version", "status"}, &claimCopy{rows: articleSrc.claims}); err != nil {
		return d, fmt.Errorf("copy claims: %w", err)
	}
	log.Info("claims loaded", "claims", len(articleSrc.claims), "took", time.Since(t0).Round(time.Millisecond))
	articleSrc.claims = nil
	d.maxClaim = int64(n)

	// Evidence: one link per ten claims, to a passage of another article.
	t0 = time.Now()
	stances := []string{"corroborates", "conflicts", "context"}
	var evRows [][]any
	for i := 0; i < n/10; i++ {
		claim := 1 + r.Int64N(int64(n))
		other := 1 + r.Int64N(int64(d.articles))
		evRows = append(evRows, []any{claim, other, int32(i % 7), int32(i%7 + 20), "passage text of the other report", stances[r.IntN(3)]})
	}
	if _, err := c.CopyFrom(ctx, pgx.Identifier{"evidence"}, []string{"claim_id", "article_id", "passage_start", "passage_end", "passage_text", "stance"}, pgx.CopyFromRows(dedupeEvidence(evRows))); err != nil {
		return d, fmt.Errorf("copy evidence: %w", err)
	}
	d.evidence = len(evRows)
	if err := exec(`UPDATE claims SET status = 'confirmed' WHERE id % 20 = 0`); err != nil {
		return d, err
	}
	log.Info("evidence loaded", "took", time.Since(t0).Round(time.Millisecond))

	t0 = time.Now()
	for _, q := range append(claimIndexes, `VACUUM ANALYZE`) {
		if err := exec(q); err != nil {
			return d, fmt.Errorf("%s: %w", q, err)
		}
	}
	log.Info("indexes built", "took", time.Since(t0).Round(time.Millisecond))
	return d, nil
}

func dedupeEvidence(rows [][]any) [][]any {
	type key struct{ c, a int64 }
	seen := map[key]bool{}
	out := rows[:0]
	for _, r := range rows {
		k := key{r[0].(int64), r[1].(int64)}
		if !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	return out
}

// articleCopy generates articles for COPY, recording their claims.
type articleCopy struct {
	g                         *generator
	n, i, claimsLeft          int
	base                      time.Time
	firstOutlet, firstSpeaker int64
	outlets, speakers         int
	recent                    *[]string
	d                         *dataset
	row                       []any
	claims                    [][]any
	qr                        *rand.Rand // the query mix's own random source
}

func (a *articleCopy) Next() bool {
	if a.i >= a.n {
		return false
	}
	a.i++
	id := int64(a.i)
	r := a.g.r
	k := min(claimsPerArticle, a.claimsLeft)
	a.claimsLeft -= k
	var text strings.Builder
	title := a.g.sentence(6)
	text.WriteString(title)
	text.WriteString("\n\n")
	for j := range k {
		var content string
		if len(*a.recent) > 0 && r.IntN(20) == 0 {
			content = (*a.recent)[r.IntN(len(*a.recent))] // the same statement in another report
		} else {
			content = a.g.sentence(8 + r.IntN(14))
		}
		if len(*a.recent) < 5000 {
			*a.recent = append(*a.recent, content)
		} else {
			(*a.recent)[r.IntN(5000)] = content
		}
		speaker := a.firstSpeaker + int64(r.IntN(a.speakers))
		text.WriteString(`"`)
		start := text.Len() // ASCII: bytes are code points
		text.WriteString(content)
		end := text.Len()
		text.WriteString(`," the official said. `)
		kind := "direct"
		if j%4 == 3 {
			kind = "indirect"
		}
		a.claims = append(a.claims, []any{id, kind, int32(start), int32(end), content, speaker, "the official", "said", float32(0.5 + r.Float32()/2), "bench", "unreviewed"})
		if r.IntN(200) == 0 && len(a.d.queries) < 20000 {
			w := strings.Fields(content)
			from := r.IntN(max(len(w)-4, 1))
			partial := strings.Join(w[from:min(from+3+r.IntN(3), len(w))], " ")
			a.d.queries = append(a.d.queries, benchQueryOf(a.qr, content, partial, from))
		}
	}
	t := text.String()
	h := sha256.Sum256([]byte(t))
	published := a.base.Add(time.Duration(a.i) * time.Minute)
	a.row = []any{a.firstOutlet + int64(a.i%a.outlets), "https://outlet.example/a/" + strconv.Itoa(a.i), title, published, "en", t, h[:]}
	return true
}

func (a *articleCopy) Values() ([]any, error) { return a.row, nil }
func (a *articleCopy) Err() error             { return nil }

type claimCopy struct {
	rows [][]any
	i    int
}

func (c *claimCopy) Next() bool             { c.i++; return c.i <= len(c.rows) }
func (c *claimCopy) Values() ([]any, error) { return c.rows[c.i-1], nil }
func (c *claimCopy) Err() error             { return nil }

// ---- claims:search ----

func benchSearch(ctx context.Context, out io.Writer, h http.Handler, d dataset, n int) error {
	if len(d.queries) == 0 {
		return errors.New("no queries were sampled")
	}
	srv, base, err := listen(h)
	if err != nil {
		return err
	}
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	// get returns the time a search took, its hits, and whether the claim
	// the query was taken from (or one with the same content) is among them.
	get := func(q benchQuery) (time.Duration, int, bool, error) {
		t0 := time.Now()
		resp, err := client.Get(base + "/api/v1/claims:search?page_size=10&query=" + url.QueryEscape(q.text))
		if err != nil {
			return 0, 0, false, err
		}
		var page struct {
			Items []struct {
				Claim struct {
					Content struct {
						Text string `json:"text"`
					} `json:"content"`
				} `json:"claim"`
			} `json:"items"`
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			return 0, 0, false, fmt.Errorf("search %q: status %d", q.text, resp.StatusCode)
		}
		found := false
		for _, it := range page.Items {
			found = found || it.Claim.Content.Text == q.want
		}
		return time.Since(t0), len(page.Items), found, err
	}
	for i := range min(50, len(d.queries)) { // warm the caches
		if _, _, _, err := get(d.queries[i]); err != nil {
			return err
		}
	}
	type tally struct {
		lat                 []time.Duration
		something, itsClaim int
	}
	all, byKind := &tally{}, map[string]*tally{}
	for _, k := range queryKinds {
		byKind[k] = &tally{}
	}
	for i := range n {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		q := d.queries[i%len(d.queries)]
		dur, hits, found, err := get(q)
		if err != nil {
			return err
		}
		for _, t := range []*tally{all, byKind[q.kind]} {
			t.lat = append(t.lat, dur)
			if hits > 0 {
				t.something++
			}
			if found {
				t.itsClaim++
			}
		}
	}
	line := func(t *tally) string {
		if len(t.lat) == 0 {
			return "none"
		}
		slices.Sort(t.lat)
		p := func(q float64) time.Duration {
			return t.lat[min(int(q*float64(len(t.lat))), len(t.lat)-1)].Round(10 * time.Microsecond)
		}
		return fmt.Sprintf("p50 %s, p99 %s, max %s; %d%% found something, %d%% found the quoted claim in the first 10",
			p(0.50), p(0.99), t.lat[len(t.lat)-1].Round(10*time.Microsecond), 100*t.something/len(t.lat), 100*t.itsClaim/len(t.lat))
	}
	fmt.Fprintf(out, "claims:search: %d queries taken from stored claims: %s (target p99 < 50ms)\n", n, line(all))
	for _, k := range queryKinds {
		fmt.Fprintf(out, "  %-8s %4d: %s\n", k, len(byKind[k].lat), line(byKind[k]))
	}
	return nil
}

// ---- export ----

type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

func benchExport(ctx context.Context, out io.Writer, db *migrations.DB, runs int) error {
	store := claims.NewStore(db.Gorm)
	var best, bestCopy time.Duration
	var rows, bytesOut, copyBytes int64
	for range max(runs, 1) {
		var cw countWriter
		t0 := time.Now()
		snap, err := store.Export(ctx, &cw, claims.ClaimTable, claims.CSV, claims.ExportFilter{})
		if err != nil {
			return err
		}
		if d := time.Since(t0); best == 0 || d < best {
			best, rows, bytesOut = d, snap.Rows, cw.n
		}

		conn, err := db.Pool.Acquire(ctx)
		if err != nil {
			return err
		}
		var cc countWriter
		t0 = time.Now()
		_, err = conn.Conn().PgConn().CopyTo(ctx, &cc, "COPY ("+claims.CopySQL(claims.ClaimTable)+") TO STDOUT WITH (FORMAT csv, HEADER)")
		conn.Release()
		if err != nil {
			return fmt.Errorf("COPY: %w", err)
		}
		if d := time.Since(t0); bestCopy == 0 || d < bestCopy {
			bestCopy, copyBytes = d, cc.n
		}
	}
	rate := float64(rows) / best.Seconds()
	copyRate := float64(rows) / bestCopy.Seconds()
	fmt.Fprintf(out, "CSV export: %d rows in %s = %.0f rows/s (%.1f MB); COPY (same query) TO STDOUT: %s = %.0f rows/s (%.1f MB); ratio %.2f (target >= 0.5)\n",
		rows, best.Round(time.Millisecond), rate, float64(bytesOut)/1e6, bestCopy.Round(time.Millisecond), copyRate, float64(copyBytes)/1e6, rate/copyRate)
	return nil
}

// ---- GET /api/v1/claims/{id} ----

const bareClaimSQL = `SELECT c.id, c.article_id, c.kind, c.content_start, c.content_end, c.content_text, c.speaker_id, c.mention_text,
       c.cue_text, c.confidence, c.extractor_version, c.status, c.version, c.created_at, c.updated_at,
       s.id, s.name, s.role, s.organisation, s.kind
FROM claims c LEFT JOIN speakers s ON s.id = c.speaker_id WHERE c.id = $1`

// bareHandler is the floor: the same primary-key read straight through pgx
// and encoding/json, without router, middleware or ORM.
func bareHandler(db *migrations.DB) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseInt(strings.TrimPrefix(r.URL.Path, "/api/v1/claims/"), 10, 64)
		if err != nil {
			http.Error(w, "bad id", 400)
			return
		}
		var c struct {
			ID, ArticleID             int64
			Kind                      string
			Start, End                int
			Text                      string
			SpeakerID                 *int64
			Mention, Cue              string
			Confidence                float32
			Extractor, Status         string
			Version                   int
			Created, Updated          time.Time
			SID                       *int64
			SName, SRole, SOrg, SKind *string
		}
		err = db.Pool.QueryRow(r.Context(), bareClaimSQL, id).Scan(&c.ID, &c.ArticleID, &c.Kind, &c.Start, &c.End, &c.Text, &c.SpeakerID,
			&c.Mention, &c.Cue, &c.Confidence, &c.Extractor, &c.Status, &c.Version, &c.Created, &c.Updated, &c.SID, &c.SName, &c.SRole, &c.SOrg, &c.SKind)
		if errors.Is(err, pgx.ErrNoRows) {
			http.Error(w, "not found", 404)
			return
		}
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(c)
	})
}

func listen(h http.Handler) (*http.Server, string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(l)
	return srv, "http://" + l.Addr().String(), nil
}

// load sends GETs of random claims from clients goroutines for d and
// returns the completed requests per second.
func loadGET(ctx context.Context, base string, maxID int64, clients int, d time.Duration) (float64, error) {
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var done atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	t0 := time.Now()
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(i), 7))
			for ctx.Err() == nil {
				req, _ := http.NewRequestWithContext(ctx, "GET", base+"/api/v1/claims/"+strconv.FormatInt(1+r.Int64N(maxID), 10), nil)
				resp, err := client.Do(req)
				if err != nil {
					if ctx.Err() == nil {
						once.Do(func() { firstErr = err })
					}
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					once.Do(func() { firstErr = fmt.Errorf("status %d", resp.StatusCode) })
					return
				}
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	return float64(done.Load()) / time.Since(t0).Seconds(), firstErr
}

func benchGet(ctx context.Context, out io.Writer, db *migrations.DB, h http.Handler, o options) error {
	rates := map[string]float64{}
	for _, c := range []struct {
		name string
		h    http.Handler
	}{{"bare", bareHandler(db)}, {"api", h}} {
		srv, base, err := listen(c.h)
		if err != nil {
			return err
		}
		rate, err := loadGET(ctx, base, int64(o.N), o.Clients, o.LoadFor)
		srv.Close()
		if err != nil {
			return fmt.Errorf("GET load on %s: %w", c.name, err)
		}
		rates[c.name] = rate
	}
	fmt.Fprintf(out, "GET /api/v1/claims/{id}: %.0f req/s; bare net/http + pgx: %.0f req/s; ratio %.2f (target >= 0.5; %d clients, %s each, loopback)\n",
		rates["api"], rates["bare"], rates["api"]/rates["bare"], o.Clients, o.LoadFor)
	return nil
}

// ---- ingest ----

func benchIngest(ctx context.Context, out io.Writer, db *migrations.DB, n int) error {
	r := rand.New(rand.NewPCG(3, 4))
	first := []string{"Marta", "Piet", "Zoë", "Ines", "Tomas", "Lena", "Oskar", "Hana"}
	last := []string{"Olsen", "Varga", "Brandt", "Kovač", "Lindqvist", "Moreau", "Adeyemi", "Tanaka"}
	topics := []string{"harbour bridge", "water rates", "school budget", "tram line", "flood defences", "night bus", "library hours"}
	texts := make([]sources.Submission, n)
	for i := range texts {
		topic := topics[r.IntN(len(topics))]
		var b strings.Builder
		fmt.Fprintf(&b, "Council debates the %s (%d)\n\n", topic, i)
		for j := range 6 {
			name := first[r.IntN(len(first))] + " " + last[r.IntN(len(last))]
			switch j % 3 {
			case 0:
				fmt.Fprintf(&b, "\"The %s plan will cost %d million and take %d years,\" said %s, the council's finance officer.\n\n", topic, 2+r.IntN(40), 1+r.IntN(9), name)
			case 1:
				fmt.Fprintf(&b, "%s said that residents had waited %d months for an answer on the %s.\n\n", name, 2+r.IntN(30), topic)
			default:
				fmt.Fprintf(&b, "The council will vote on the %s on %s, officials said.\n\n", topic, []string{"Monday", "Tuesday", "Thursday"}[r.IntN(3)])
			}
		}
		texts[i] = sources.Submission{Text: b.String(), Title: fmt.Sprintf("Council debates the %s (%d)", topic, i), Outlet: "Bench Wire"}
	}
	t0 := time.Now()
	nClaims := 0
	for _, sub := range texts {
		res, err := claims.Ingest(ctx, db.Gorm, sub)
		if err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
		nClaims += len(res.Claims)
	}
	d := time.Since(t0)
	fmt.Fprintf(out, "ingest: %d articles (%d claims) in %s = %.0f articles/s, one at a time with extraction, each in its own transaction\n",
		n, nClaims, d.Round(time.Millisecond), float64(n)/d.Seconds())
	return nil
}
