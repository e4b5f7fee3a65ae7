package main

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/migrations"
)

// runEvalMatching measures matching and stance suggestion on the Emergent
// data set: every report headline is stored as an article of its own
// (synthetic) outlet, every claim as an article of one "Emergent" outlet,
// in a scratch database made for the run and dropped after it. Retrieval is
// recall@10 of each claim's own reports among its candidates; stance is
// the suggestion for each claim–headline pair against the journalists'
// label (corroborates = for, conflicts = against, context = observing).
func runEvalMatching(ctx context.Context, e env, args []string) error {
	var c config
	fs, level := newFlags("eval-matching", "eval-matching [flags]", e, &c, false)
	data := fs.String("emergent", filepath.Join("..", "shared", "eval-data", "emergent", "url-versions-2015-06-14-clean-train.csv"), "Emergent CSV (claimHeadline, articleHeadline, articleHeadlineStance, articleId, claimId)")
	fnc := fs.String("fnc1", "", "folder with FNC-1 competition_test_{stances,bodies}.csv; when set, the FNC-1 score is printed too")
	keep := fs.Bool("keep", false, "keep the scratch database and print its URL")
	diag := fs.Bool("diagnose", false, "also measure recall@100 and print the reports ranked below k")
	k := fs.Int("k", 10, "the cut-off of recall@k")
	if err := parse(fs, level, &c, args); err != nil {
		return err
	}
	rows, err := readEmergent(*data)
	if err != nil {
		return err
	}
	log := c.logger(e.stderr)

	// Stance first: it needs no database.
	st := newScore([]string{"for", "against", "observing"})
	toLabel := map[claims.Stance]string{claims.Corroborates: "for", claims.Conflicts: "against", claims.Context: "observing"}
	for _, r := range rows {
		st.add(r.stance, toLabel[claims.SuggestStance(r.claim, r.headline).Stance])
	}
	fmt.Fprintf(e.stdout, "Emergent %s: %d claims, %d claim–headline pairs\n", filepath.Base(*data), countClaims(rows), len(rows))
	fmt.Fprintf(e.stdout, "stance: accuracy %.3f, macro-F1 %.3f (for F1 %.3f, against F1 %.3f, observing F1 %.3f)\n",
		st.accuracy(), st.macroF1(), st.f1("for"), st.f1("against"), st.f1("observing"))
	fmt.Fprintf(e.stdout, "stance confusion (gold → suggested):\n%s", st.confusion())

	// Retrieval, on a scratch database.
	srv, err := c.server(ctx, log)
	if err != nil {
		return err
	}
	if srv.Configured {
		if srv, err = serverOf(srv.URL); err != nil {
			return err
		}
	}
	var b [6]byte
	rand.Read(b[:])
	name := "crosscheck_scratch_" + hex.EncodeToString(b[:])
	url, err := srv.Ensure(ctx, name)
	if err != nil {
		return err
	}
	if *keep {
		fmt.Fprintln(e.stdout, "scratch database:", url)
	} else {
		defer func() {
			if err := srv.Drop(context.WithoutCancel(ctx), name); err != nil {
				log.Warn("could not drop the scratch database", "database", name, "err", err)
			}
		}()
	}
	db, err := migrations.OpenMigrated(ctx, url, log)
	if err != nil {
		return err
	}
	defer db.Close()
	claimIDs, gold, err := storeEmergent(ctx, db, rows)
	if err != nil {
		return err
	}
	store := claims.NewStore(db.Gorm)
	var recall, strict float64
	var found, total int
	var took []time.Duration
	poolHits := 0
	texts := map[string]string{}
	for _, r := range rows {
		texts[r.claimID] = r.claim
	}
	ids := make([]string, 0, len(claimIDs))
	for id := range claimIDs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		t0 := time.Now()
		cands, err := store.Candidates(ctx, claimIDs[id], claims.CandidateOptions{Limit: *k})
		if err != nil {
			return fmt.Errorf("candidates of %s: %w", id, err)
		}
		took = append(took, time.Since(t0))
		hit := 0
		for _, cd := range cands {
			if gold[id][cd.ArticleID] {
				hit++
			}
		}
		if *diag {
			wide, err := store.Candidates(ctx, claimIDs[id], claims.CandidateOptions{Limit: 100})
			if err != nil {
				return err
			}
			for i, cd := range wide {
				if gold[id][cd.ArticleID] {
					poolHits++
					if i >= *k {
						fmt.Fprintf(e.stderr, "rank %d: %q | %q %v\n", i+1, texts[id], cd.Passage.Text, cd.Signals)
					}
				}
				sg := cd.Signals
				fmt.Fprintf(e.stderr, "cand\t%s\t%d\t%t\t%d\t%.4f\t%.4f\t%.4f\t%.4f\n", id, len(gold[id]), gold[id][cd.ArticleID], i, sg.Text, sg.Trigram, sg.Words, sg.Entities)
			}
		}
		n := len(gold[id])
		recall += float64(hit) / float64(min(n, *k))
		strict += float64(hit) / float64(n)
		found += hit
		total += n
	}
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	fmt.Fprintf(e.stdout, "retrieval: recall@%d %.3f (of min(%d, reports) per claim, mean over %d claims); strict recall@%d %.3f; reports found %d of %d\n",
		*k, recall/float64(len(ids)), *k, len(ids), *k, strict/float64(len(ids)), found, total)
	if *diag {
		fmt.Fprintf(e.stdout, "reports among the first 100 candidates: %d of %d\n", poolHits, total)
	}
	fmt.Fprintf(e.stdout, "candidates latency over %d claims: p50 %s, p99 %s\n", len(took), pct(took, 0.50), pct(took, 0.99))

	if *fnc != "" {
		if err := evalFNC(*fnc, e.stdout); err != nil {
			return err
		}
	}
	return nil
}

type emergentRow struct {
	claim, headline, stance, articleID, claimID string
}

func readEmergent(path string) ([]emergentRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, h := range []string{"claimHeadline", "articleHeadline", "articleHeadlineStance", "articleId", "claimId"} {
		if _, ok := col[h]; !ok {
			return nil, fmt.Errorf("%s: no column %s", path, h)
		}
	}
	var out []emergentRow
	for line := 2; ; line++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		out = append(out, emergentRow{claim: rec[col["claimHeadline"]], headline: rec[col["articleHeadline"]],
			stance: rec[col["articleHeadlineStance"]], articleID: rec[col["articleId"]], claimID: rec[col["claimId"]]})
	}
}

func countClaims(rows []emergentRow) int {
	m := map[string]bool{}
	for _, r := range rows {
		m[r.claimID] = true
	}
	return len(m)
}

// storeEmergent stores every report headline and claim as an article with
// one claim (its whole text), in a handful of statements rather than one
// round trip per row. It returns the stored claim of each Emergent claim
// and, for each, the stored articles of its reports. Reports with the same
// headline are one article, since the text identifies an article.
func storeEmergent(ctx context.Context, db *migrations.DB, rows []emergentRow) (map[string]int64, map[string]map[int64]bool, error) {
	type doc struct{ outlet, text string }
	var docs []doc
	seen := map[string]bool{}
	addDoc := func(outlet, text string) {
		if !seen[text] {
			seen[text] = true
			docs = append(docs, doc{outlet, text})
		}
	}
	for _, r := range rows {
		addDoc("Emergent claims", r.claim)
	}
	for _, r := range rows {
		addDoc("report "+r.articleID, r.headline)
	}
	var outlets, titles, texts []string
	var hashes [][]byte
	for _, d := range docs {
		outlets, titles, texts = append(outlets, d.outlet), append(titles, firstRunes(d.text, 1000)), append(texts, d.text)
		h := sha256.Sum256([]byte(d.text))
		hashes = append(hashes, h[:])
	}
	tx, err := db.Pool.Begin(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `INSERT INTO outlets (name) SELECT DISTINCT unnest($1::text[]) ON CONFLICT DO NOTHING`, outlets); err != nil {
		return nil, nil, fmt.Errorf("outlets: %w", err)
	}
	_, err = tx.Exec(ctx, `
INSERT INTO articles (outlet_id, title, text, content_hash)
SELECT o.id, d.title, d.text, d.hash
FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[]) AS d(outlet, title, text, hash)
JOIN outlets o ON lower(o.name) = lower(d.outlet)`, outlets, titles, texts, hashes)
	if err != nil {
		return nil, nil, fmt.Errorf("articles: %w", err)
	}
	_, err = tx.Exec(ctx, `
INSERT INTO claims (article_id, kind, content_start, content_end, content_text, confidence, extractor_version)
SELECT id, 'headline', 0, char_length(text), text, 1, 'eval' FROM articles`)
	if err != nil {
		return nil, nil, fmt.Errorf("claims: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, nil, err
	}
	// Map texts to stored ids.
	rs, err := db.Pool.Query(ctx, `SELECT c.id, c.article_id, c.content_text FROM claims c`)
	if err != nil {
		return nil, nil, err
	}
	type ids struct{ claim, article int64 }
	byText := map[string]ids{}
	for rs.Next() {
		var x ids
		var text string
		if err := rs.Scan(&x.claim, &x.article, &text); err != nil {
			return nil, nil, err
		}
		byText[text] = x
	}
	if err := rs.Err(); err != nil {
		return nil, nil, err
	}
	claimIDs := map[string]int64{}
	gold := map[string]map[int64]bool{}
	for _, r := range rows {
		claimIDs[r.claimID] = byText[r.claim].claim
		if gold[r.claimID] == nil {
			gold[r.claimID] = map[int64]bool{}
		}
		gold[r.claimID][byText[r.headline].article] = true
	}
	if _, err := db.Pool.Exec(ctx, `ANALYZE`); err != nil {
		return nil, nil, err
	}
	return claimIDs, gold, nil
}

func firstRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

func pct(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted)-1) * p)
	return sorted[i].Round(10 * time.Microsecond)
}

// score accumulates a multi-class confusion matrix.
type score struct {
	labels []string
	m      map[[2]string]int
	n      int
}

func newScore(labels []string) *score { return &score{labels: labels, m: map[[2]string]int{}} }

func (s *score) add(gold, got string) {
	s.m[[2]string{gold, got}]++
	s.n++
}

func (s *score) accuracy() float64 {
	ok := 0
	for _, l := range s.labels {
		ok += s.m[[2]string{l, l}]
	}
	return float64(ok) / float64(max(s.n, 1))
}

func (s *score) f1(l string) float64 {
	tp, fp, fn := s.m[[2]string{l, l}], 0, 0
	for _, o := range s.labels {
		if o != l {
			fp += s.m[[2]string{o, l}]
			fn += s.m[[2]string{l, o}]
		}
	}
	if tp == 0 {
		return 0
	}
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	return 2 * p * r / (p + r)
}

func (s *score) macroF1() float64 {
	sum := 0.0
	for _, l := range s.labels {
		sum += s.f1(l)
	}
	return sum / float64(len(s.labels))
}

func (s *score) confusion() string {
	var b strings.Builder
	fmt.Fprintf(&b, "  %-10s", "")
	for _, l := range s.labels {
		fmt.Fprintf(&b, " %10s", l)
	}
	b.WriteString("\n")
	for _, g := range s.labels {
		fmt.Fprintf(&b, "  %-10s", g)
		for _, l := range s.labels {
			fmt.Fprintf(&b, " %10d", s.m[[2]string{g, l}])
		}
		b.WriteString("\n")
	}
	return b.String()
}
