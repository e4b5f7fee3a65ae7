package claims

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Matching finds candidate evidence for a claim: passages of other outlets'
// reports that may corroborate or contradict it. A passage is any stored
// claim of another article, assertions included, since an assertion is the
// outlet's own sentence.
//
// Retrieval is two-stage. PostgreSQL collects a bounded pool through the GIN
// index on claims.tsv (passages sharing two of the claim's rarest words,
// or, when that finds too few, any of the rarest few) and ranks it with
// ts_rank_cd. Rarity comes from the statistics ANALYZE keeps for the
// planner (lexemeStats), so the index reads short posting lists and the
// heap reads are bounded by what the rare words hold, not by how many
// claims are stored. Go then re-ranks the pool on signals the index cannot
// serve: trigram similarity (pg_trgm's, computed in Go), shared names,
// shared words and figures weighted by rarity in the pool, how far apart
// the articles were published, and finally how much each of the best
// resembles the other best (rankByPeers): reports of one claim repeat one
// another. Each stage is bounded, so the cost does not grow with the number
// of stored claims beyond what the indexes cost.
//
// Measured with BenchmarkCandidates (generated claims, Zipf-distributed
// words) on a shared 2-core machine: at 1,000,000 claims p50 13 ms and p99
// 36 ms, against 253 ms and 666 ms before this design (measured earlier,
// under other load); at 100,000 claims, the old and new code in turn
// under the same load, p50 80 ms to 14 ms and p99 251 ms to 40 ms. The
// Emergent train split's recall@10 (cmd/crosscheck eval-matching) rose
// from .877 to .905.

// CandidateOptions tune Candidates. Zero fields take the defaults.
type CandidateOptions struct {
	// Limit is how many candidates to return. Default 10, at most 100.
	Limit int
	// Pool is how many passages each index contributes before re-ranking.
	// Default 200.
	Pool int
	// Scan bounds the full-text matches read before ranking, so a claim
	// made of common words costs no more than a rare one. Default 1000;
	// the widening query reads at most widenBudget.
	Scan int
	// SameOutlet keeps passages of the claim's own outlet, marked; by
	// default they are left out.
	SameOutlet bool
}

func (o CandidateOptions) withDefaults() CandidateOptions {
	if o.Limit <= 0 {
		o.Limit = 10
	}
	o.Limit = min(o.Limit, 100)
	if o.Pool <= 0 {
		o.Pool = 200
	}
	if o.Scan <= 0 {
		o.Scan = 1000
	}
	return o
}

// Candidate is a passage that may be evidence for a claim, with why.
type Candidate struct {
	PassageClaimID int64      `json:"passage_claim_id"`
	ArticleID      int64      `json:"article_id"`
	ArticleTitle   string     `json:"article_title"`
	OutletID       int64      `json:"outlet_id"`
	OutletName     string     `json:"outlet_name"`
	PublishedAt    *time.Time `json:"published_at"`
	Kind           Kind       `json:"kind"`
	// The passage in code points into the article's text.
	Passage    Range `json:"passage"`
	SameOutlet bool  `json:"same_outlet"`
	// Score in [0, 1] orders candidates; Signals are its parts.
	Score   float64 `json:"score"`
	Signals Signals `json:"signals"`
	// Shared names the entities and words the passage shares with the claim.
	Shared    []string `json:"shared"`
	DaysApart *int     `json:"days_apart"`
	// Reason says in words why the passage is a candidate: "shares:
	// Poznikhir, convoy, Urum al-Kubra; 1 day apart".
	Reason     string     `json:"reason"`
	Suggestion Suggestion `json:"suggestion"`
	// The link a reviewer already made for this passage, if any.
	EvidenceID     *int64  `json:"evidence_id"`
	EvidenceStance *Stance `json:"evidence_stance"`
}

// Signals are the parts of a candidate's score, each in [0, 1].
type Signals struct {
	Text     float64 `json:"text"`     // full-text rank, relative to the best in the pool
	Trigram  float64 `json:"trigram"`  // pg_trgm similarity of the texts
	Words    float64 `json:"words"`    // share of the claim's salient words and figures the passage has (in some form), rarer ones weighing more
	Entities float64 `json:"entities"` // share of the claim's names the passage has
	Date     float64 `json:"date"`     // closeness of the publication dates; 0.5 when unknown
	Peers    float64 `json:"peers"`    // word overlap with the best other candidates (rankByPeers)
}

// Weights of the signals in a candidate's score; they sum to 1. Trigram
// similarity and shared words (rarer words weighing more) carry most of it:
// a grid search on the Emergent train split, re-ranking each claim's first
// 100 candidates, put recall@10 highest with names and full-text rank
// nearly off, as names are already among the shared words and headlines in
// title case make capitalised words a poor sign of names. Names keep a
// little weight for body text, where they are reliable; dates break ties.
const (
	weightText     = 0.10
	weightTrigram  = 0.45
	weightWords    = 0.35
	weightEntities = 0.05
	weightDate     = 0.05
)

// The second stage, rankByPeers: the first peerDepth candidates are scored
// again, weightPeers (against 1 for the signals above) going to their
// word overlap with the peerCount best others, in peerRounds rounds. On
// the Emergent train split, with figures and word forms counted as shared
// words (numbers, akin; .875 to .879 alone), it took recall@10 to .905,
// alike on both halves of its claims (.907 and .903 for even and odd);
// three or four peers at weights 0.4 to 0.5 gave .900 to .905, a single
// round or five peers less (.89 to .90).
const (
	peerDepth   = 40
	peerCount   = 3
	weightPeers = 0.4
	peerRounds  = 2
)

// maxQueryWords bounds the words the full-text query is built from: the
// pair query grows with their square.
const maxQueryWords = 8

// widenBudget is how many passages the widening query may expect to read:
// it asks for the rarest of the claim's words only, as many as fit.
// pairBudget is the same for the pair query, whose pairs are then made of
// the rarest words only. Each passage read is a random heap read and a
// ts_rank_cd, and the slowest calls at a million generated claims were
// those reading the most; halving the widening query's reads from 600 to
// 300 left recall on Emergent unchanged.
const (
	widenBudget = 300
	pairBudget  = 400
)

// claimForMatching is the claim with what matching needs of its article;
// lexemes are its tsvector's, space-separated (the parser's tokens hold
// no spaces), so the query can name them as the index stores them.
const claimForMatchingSQL = `
SELECT c.id, c.article_id, c.content_text, a.outlet_id, a.published_at,
       array_to_string(tsvector_to_array(c.tsv), ' ') AS lexemes
FROM claims c JOIN articles a ON a.id = c.article_id
WHERE c.id = ?`

// candidatePoolSQL collects the pool. It asks for passages sharing at
// least two of the claim's rarest words (an OR of word pairs), which keeps
// the GIN bitmap small however common each word is; a LIMIT before ranking
// bounds the heap reads. Trigram similarity is computed on the pool only: a
// retrieval branch on the trigram index (content_text % text) was measured
// and dropped, because for a sentence-long text the planner often prefers
// a sequential scan computing similarity() on every row, seconds on a
// large table. The claim's own article is left out in the index scan and,
// unless asked, its outlet after ranking: joining articles inside the scan
// made the planner hash the whole articles table on every call.
const candidatePoolSQL = `
WITH fts AS (
    SELECT c.id, c.tsv, c.article_id, c.kind, c.content_start, c.content_end, c.content_text
    FROM claims c
    WHERE c.tsv @@ CAST(@pairs AS tsquery) AND c.article_id <> @article
    LIMIT @scan
)` + candidateRankSQL

// candidateWidenSQL is asked only when the pool came out short: passages
// sharing any one of the claim's rarest words, as many of those words as
// widenBudget expects to read passages of, the best by full-text rank
// among the first @widen_scan matches.
const candidateWidenSQL = `
WITH fts AS (
    SELECT c.id, c.tsv, c.article_id, c.kind, c.content_start, c.content_end, c.content_text
    FROM claims c
    WHERE c.tsv @@ CAST(@any AS tsquery) AND c.article_id <> @article
    LIMIT @widen_scan
)` + candidateRankSQL

// candidateRankSQL is what both pools share once their full-text matches
// (fts) are found: the best @pool of them by rank, with their articles and
// any link a reviewer already made. The passages' columns come along from
// the index scan's heap reads: joining claims again by id cost a second
// random read a passage on a table larger than the cache. Trigram
// similarity is computed in Go (packedSimilarity, as pg_trgm's
// similarity()): in SQL it cost more than the rest of the query on a pool
// of 200.
const candidateRankSQL = `, pool AS (
    SELECT id, article_id, kind, content_start, content_end, content_text,
           ts_rank_cd(tsv, CAST(@words AS tsquery)) AS text_rank
    FROM fts
    ORDER BY text_rank DESC
    LIMIT @pool
)
SELECT c.id AS passage_claim_id, c.article_id, c.kind, c.content_start, c.content_end, c.content_text,
       a.title AS article_title, a.published_at, o.id AS outlet_id, o.name AS outlet_name,
       c.text_rank, e.id AS evidence_id, e.stance AS evidence_stance
FROM pool c
JOIN articles a ON a.id = c.article_id
JOIN outlets o ON o.id = a.outlet_id
LEFT JOIN evidence e ON e.claim_id = @claim AND e.article_id = c.article_id
     AND e.passage_start = c.content_start AND e.passage_end = c.content_end
WHERE @same OR a.outlet_id <> @outlet`

// poolRow is one passage of the pool as PostgreSQL returns it.
type poolRow struct {
	PassageClaimID int64
	ArticleID      int64
	Kind           Kind
	ContentStart   int
	ContentEnd     int
	ContentText    string
	ArticleTitle   string
	PublishedAt    *time.Time
	OutletID       int64
	OutletName     string
	TextRank       float64
	Trigram        float64 `gorm:"-"` // filled in Go
	EvidenceID     *int64
	EvidenceStance *Stance
}

// Candidates returns the best passages of other outlets' reports that may
// be evidence for the claim, best first, each with its score, the reason
// and a suggested stance.
func (s *Store) Candidates(ctx context.Context, claimID int64, opts CandidateOptions) ([]Candidate, error) {
	o := opts.withDefaults()
	c, rows, err := s.candidatePool(ctx, claimID, o)
	if err != nil {
		return nil, err
	}
	return rankCandidates(c.ContentText, c.OutletID, c.PublishedAt, rows, o.Limit), nil
}

// matchClaim is the claim as matching reads it.
type matchClaim struct {
	ID          int64
	ArticleID   int64
	ContentText string
	OutletID    int64
	PublishedAt *time.Time
	Lexemes     string
}

// candidatePool reads the claim and the pool of passages to rank, with
// their trigram similarity to the claim. No transaction: the reads need no
// common snapshot, and BEGIN and COMMIT would be two more round trips.
func (s *Store) candidatePool(ctx context.Context, claimID int64, o CandidateOptions) (matchClaim, []poolRow, error) {
	tx := s.db.WithContext(ctx)
	var c matchClaim
	res := tx.Raw(claimForMatchingSQL, claimID).Scan(&c)
	if res.Error != nil {
		return c, nil, fmt.Errorf("claim %d: %w", claimID, res.Error)
	}
	if res.RowsAffected == 0 {
		return c, nil, ErrNotFound
	}
	st, err := s.lexemeStats(ctx)
	if err != nil {
		return c, nil, err
	}
	q := newMatchQuery(c.ContentText, strings.Fields(c.Lexemes), st)
	if q.words == "" {
		return c, nil, nil // nothing to look for: only function words
	}
	args := map[string]any{
		"pairs": q.pairs, "words": q.words, "any": q.any, "claim": c.ID, "article": c.ArticleID,
		"outlet": c.OutletID, "same": o.SameOutlet, "scan": o.Scan, "widen_scan": min(o.Scan, widenBudget), "pool": o.Pool,
	}
	var rows []poolRow
	if err := tx.Raw(candidatePoolSQL, args).Scan(&rows).Error; err != nil {
		return c, nil, fmt.Errorf("candidates of claim %d: %w", claimID, err)
	}
	if len(rows) < o.Limit {
		var more []poolRow
		if err := tx.Raw(candidateWidenSQL, args).Scan(&more).Error; err != nil {
			return c, nil, fmt.Errorf("candidates of claim %d: %w", claimID, err)
		}
		rows = mergeRows(rows, more)
	}
	ct := packedTrigrams(c.ContentText)
	for i := range rows {
		rows[i].Trigram = packedSimilarity(ct, packedTrigrams(rows[i].ContentText))
	}
	return c, rows, nil
}

func mergeRows(a, b []poolRow) []poolRow {
	seen := make(map[int64]bool, len(a))
	for _, r := range a {
		seen[r.PassageClaimID] = true
	}
	for _, r := range b {
		if !seen[r.PassageClaimID] {
			seen[r.PassageClaimID] = true
			a = append(a, r)
		}
	}
	return a
}

// matchQuery is a claim's full-text queries in tsquery syntax, of lexemes
// as the index stores them.
type matchQuery struct {
	words string   // any of the words: "'a' | 'b' | 'c'"
	pairs string   // any two of the rarest, as many as pairBudget allows: "('a' & 'b') | ('a' & 'c') | ('b' & 'c')"
	any   string   // any of the rarest few, as many as widenBudget allows
	terms []string // the lexemes, rarest first
}

// newMatchQuery builds the full-text queries from the claim's salient
// words, rarest first: the GIN index then reads short posting lists and
// the pool holds the passages that share what is particular to the claim.
// A word's rarity is its lexeme's share of stored claims as ANALYZE last
// counted it (st); words too rare to be counted come first, names first
// among them and longer words next. lexemes are the claim's own, as
// to_tsvector('english') made them; each salient word is mapped to the
// lexeme it stems to, so that the query names exactly what the index holds
// (words that are stop words to PostgreSQL have none and are left out).
func newMatchQuery(text string, lexemes []string, st *lexemeStats) matchQuery {
	names := map[string]bool{}
	for _, e := range Entities(text) {
		for _, p := range strings.Fields(strings.ToLower(e)) {
			for _, q := range strings.Split(p, "-") {
				names[q] = true
			}
		}
	}
	type term struct {
		lexeme string
		name   bool
		length int
		est    float64 // expected passages holding it
		known  bool
	}
	var terms []term
	for _, w := range SalientWords(text) {
		l := lexemeOf(w, lexemes)
		if l == "" || slices.ContainsFunc(terms, func(t term) bool { return t.lexeme == l }) {
			continue
		}
		t := term{lexeme: l, name: names[w], length: utf8.RuneCountInString(w)}
		t.est, t.known = st.estimate(l)
		terms = append(terms, t)
	}
	sort.SliceStable(terms, func(i, j int) bool {
		a, b := terms[i], terms[j]
		if a.known != b.known {
			return !a.known
		}
		if a.known && a.est != b.est {
			return a.est < b.est
		}
		if a.name != b.name {
			return a.name
		}
		return a.length > b.length
	})
	if len(terms) > maxQueryWords {
		terms = terms[:maxQueryWords]
	}
	var q matchQuery
	if len(terms) == 0 {
		return q
	}
	quoted := make([]string, len(terms))
	anyCost := 0.0
	var anyOf []string
	for i, t := range terms {
		quoted[i] = quoteLexeme(t.lexeme)
		q.terms = append(q.terms, t.lexeme)
		anyCost += t.est
		if i == 0 || anyCost <= widenBudget {
			anyOf = append(anyOf, quoted[i])
		}
	}
	q.words = strings.Join(quoted, " | ")
	q.any = strings.Join(anyOf, " | ")
	if len(quoted) == 1 {
		q.pairs = quoted[0]
		return q
	}
	// The pairs come from as many of the rarest words as keep the passages
	// expected to hold a pair within pairBudget, words taken to occur
	// independently; two at least.
	n, pairCost := 2, 0.0
	if rows := st.claims(); rows > 0 {
		pairCost = terms[0].est * terms[1].est / rows
		for n < len(terms) {
			add := 0.0
			for _, t := range terms[:n] {
				add += t.est * terms[n].est / rows
			}
			if pairCost+add > pairBudget {
				break
			}
			pairCost += add
			n++
		}
	} else {
		n = len(terms)
	}
	var pairs []string
	for i := range n {
		for j := i + 1; j < n; j++ {
			pairs = append(pairs, "("+quoted[i]+" & "+quoted[j]+")")
		}
	}
	q.pairs = strings.Join(pairs, " | ")
	return q
}

// lexemeOf returns the lexeme of the claim's that word w stems to: w
// itself, or the longest lexeme w begins with, the Snowball stemmer
// cutting suffixes ("castrated" gives "castrat") and turning a final y to
// i ("army" gives "armi"). Empty when there is none, as for PostgreSQL's
// stop words.
func lexemeOf(w string, lexemes []string) string {
	w = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, w)
	best := ""
	for _, l := range lexemes {
		if l == w {
			return l
		}
		if len(l) <= len(best) || len(l) < 2 {
			continue
		}
		if strings.HasPrefix(w, l) || (strings.HasSuffix(l, "i") && strings.HasPrefix(w, l[:len(l)-1]+"y")) {
			best = l
		}
	}
	return best
}

// quoteLexeme quotes a lexeme for tsquery input, which then takes it as
// it is, without normalising it again.
func quoteLexeme(l string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(l, `\`, `\\`), "'", "''") + "'"
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// rankCandidates scores the pool against the claim and keeps the best
// limit, best first. Pure, so it is tested without a database.
func rankCandidates(claim string, outletID int64, published *time.Time, rows []poolRow, limit int) []Candidate {
	entities := Entities(claim)
	words := withNumbers(SalientWords(claim), claim)
	entityWords := map[string]bool{}
	for _, e := range entities {
		for _, p := range strings.Fields(strings.ToLower(e)) {
			entityWords[p] = true
			for _, q := range strings.Split(p, "-") {
				entityWords[q] = true
			}
		}
	}
	// What a passage can share with the claim: its words, their stems,
	// the parts of its names.
	want := make(map[string]bool, 2*len(words))
	wantStems := make(map[string]bool, len(words))
	for _, w := range words {
		want[w] = true
		wantStems[stem(w)] = true
	}
	for _, e := range entities {
		for _, p := range strings.Fields(strings.ToLower(e)) {
			want[p] = true
		}
	}
	maxRank := 0.0
	sets := make([]map[string]bool, len(rows))
	stemsOf := make([]map[string]bool, len(rows))
	// The pool serves as a local corpus for word weights: a claim word
	// that half the pool shares ("Apple", "ISIS") tells passages apart less
	// than one few share ("Sotloff").
	df := make(map[string]int, len(words))
	for i, r := range rows {
		maxRank = max(maxRank, r.TextRank)
		sets[i], stemsOf[i] = passageWords(r.ContentText, want, wantStems)
		for _, n := range numbers(r.ContentText) {
			if want[n] {
				sets[i][n] = true
			}
		}
		for _, w := range words {
			if sets[i][w] || stemsOf[i][stem(w)] {
				df[w]++
			}
		}
	}
	weight := make(map[string]float64, len(words))
	totalWeight := 0.0
	for _, w := range words {
		weight[w] = math.Log(1 + float64(len(rows)+1)/float64(df[w]+1))
		totalWeight += weight[w]
	}
	out := make([]Candidate, 0, len(rows))
	for i, r := range rows {
		pw, stems := sets[i], stemsOf[i]
		var sig Signals
		if maxRank > 0 {
			sig.Text = r.TextRank / maxRank
		}
		sig.Trigram = r.Trigram
		sharedNames := sharedEntities(entities, pw)
		if len(entities) > 0 {
			sig.Entities = float64(len(sharedNames)) / float64(len(entities))
		}
		var sharedWords []string
		sharedWeight := 0.0
		for _, w := range words {
			if pw[w] || stems[stem(w)] {
				sharedWords = append(sharedWords, w)
				sharedWeight += weight[w]
			}
		}
		if totalWeight > 0 {
			sig.Words = sharedWeight / totalWeight
		}
		sig.Date = 0.5
		var days *int
		if published != nil && r.PublishedAt != nil {
			d := int(math.Round(math.Abs(published.Sub(*r.PublishedAt).Hours()) / 24))
			days = &d
			sig.Date = math.Exp(-float64(d) / 3)
		}
		score := weightText*sig.Text + weightTrigram*sig.Trigram + weightWords*sig.Words + weightEntities*sig.Entities + weightDate*sig.Date
		if len(entities) == 0 {
			// Without names to share, their weight goes to words.
			score += weightEntities * sig.Words
		}
		shared := append([]string(nil), sharedNames...)
		for _, w := range sharedWords {
			if !entityWords[w] {
				shared = append(shared, w)
			}
		}
		cand := Candidate{
			PassageClaimID: r.PassageClaimID, ArticleID: r.ArticleID, ArticleTitle: r.ArticleTitle,
			OutletID: r.OutletID, OutletName: r.OutletName, PublishedAt: r.PublishedAt, Kind: r.Kind,
			Passage:    Range{Start: r.ContentStart, End: r.ContentEnd, Text: r.ContentText},
			SameOutlet: r.OutletID == outletID,
			Score:      math.Round(score*1000) / 1000,
			Signals:    sig,
			Shared:     shared,
			DaysApart:  days,
			EvidenceID: r.EvidenceID, EvidenceStance: r.EvidenceStance,
		}
		out = append(out, cand)
	}
	sortCandidates(out)
	rankByPeers(out)
	if len(out) > limit {
		out = out[:limit]
	}
	// The stance suggestion costs more than the score: only for those kept.
	for i := range out {
		out[i].Suggestion = suggestFor(claim, out[i].Kind, out[i].Passage.Text)
		out[i].Reason = reasonOf(out[i])
	}
	return out
}

// suggestFor suggests the passage's stance. A passage that is itself
// attributed to a speaker (a quote, reported speech) is the outlet
// reporting what someone said: agreeing words make it context, not the
// outlet's corroboration, while a denial still conflicts.
func suggestFor(claim string, kind Kind, passage string) Suggestion {
	sg := SuggestStance(claim, passage)
	if sg.Stance == Corroborates && kind.Attributed() {
		return Suggestion{Stance: Context, Score: 0.55, Why: "attributed: the report says someone said it"}
	}
	return sg
}

// reasonOf says why a candidate was found, as a reviewer reads it.
func reasonOf(c Candidate) string {
	var parts []string
	if len(c.Shared) > 0 {
		sh := c.Shared
		if len(sh) > 8 {
			sh = sh[:8]
		}
		parts = append(parts, "shares: "+strings.Join(sh, ", "))
	} else if c.Signals.Trigram > 0 {
		parts = append(parts, fmt.Sprintf("similar wording (%.0f%%)", c.Signals.Trigram*100))
	}
	if c.DaysApart != nil {
		switch d := *c.DaysApart; d {
		case 0:
			parts = append(parts, "same day")
		case 1:
			parts = append(parts, "1 day apart")
		default:
			parts = append(parts, fmt.Sprintf("%d days apart", d))
		}
	}
	if c.SameOutlet {
		parts = append(parts, "same outlet")
	}
	return strings.Join(parts, "; ")
}

// stem is a crude English suffix stripper, enough to let "warned" share
// with "warns" when counting shared words; full-text search does the real
// stemming in the database.
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// passageWords returns the words of text that are wanted (its wordSet
// restricted to them) and the wanted stems its words have: a pool of
// passages then costs no map of all their words.
func passageWords(text string, want, wantStems map[string]bool) (has, hasStems map[string]bool) {
	has, hasStems = map[string]bool{}, map[string]bool{}
	check := func(w string) {
		if want[w] {
			has[w] = true
		}
		s := stem(w)
		if wantStems[s] {
			hasStems[s] = true
		}
		for ws := range wantStems {
			if akin(s, ws) {
				hasStems[ws] = true
			}
		}
	}
	for _, t := range tokenize(text) {
		w := strings.ToLower(t.text)
		check(w)
		if strings.Contains(w, "-") {
			for _, p := range strings.Split(w, "-") {
				check(p)
			}
		}
	}
	return has, hasStems
}

// lexemeStats is how common each lexeme of claims.tsv is, as ANALYZE last
// sampled it: PostgreSQL keeps the most common lexemes of a tsvector column
// with the share of rows holding each (pg_stats.most_common_elems), for the
// planner; matching reads them to choose rare words. A lexeme not listed is
// rarer than the least common listed one (floor). Nothing has to maintain
// them beyond autovacuum's ANALYZE, and a stale figure only makes a query
// word a little worse chosen, never a result wrong.
type lexemeStats struct {
	freq   map[string]float64
	floor  float64 // the smallest share listed
	rows   float64 // claims in the table when sampled
	loaded time.Time
}

// lexemeStatsSQL reads the statistics. most_common_elem_freqs has three
// more entries than most_common_elems (the least and greatest frequency
// and that of nulls), which unnest pairs with null lexemes.
const lexemeStatsSQL = `
SELECT e.lexeme, e.freq, greatest(k.reltuples, 0) AS rows
FROM pg_stats s
CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, freq)
CROSS JOIN (SELECT reltuples FROM pg_class WHERE oid = 'claims'::regclass) k
WHERE s.schemaname = current_schema() AND s.tablename = 'claims' AND s.attname = 'tsv'`

// lexemeStatsTTL is how long a process keeps the statistics before reading
// them again; ANALYZE refreshes them far less often.
const lexemeStatsTTL = 5 * time.Minute

// lexemeStatsCache holds the statistics per database, keyed by the gorm
// configuration every session and transaction of one gorm.Open shares.
var lexemeStatsCache sync.Map // *gorm.Config → *lexemeStats

func (s *Store) lexemeStats(ctx context.Context) (*lexemeStats, error) {
	if v, ok := lexemeStatsCache.Load(s.db.Config); ok {
		if st := v.(*lexemeStats); time.Since(st.loaded) < lexemeStatsTTL {
			return st, nil
		}
	}
	var rows []struct {
		Lexeme *string
		Freq   float64
		Rows   float64
	}
	if err := s.db.WithContext(ctx).Raw(lexemeStatsSQL).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("lexeme statistics: %w", err)
	}
	st := &lexemeStats{freq: make(map[string]float64, len(rows)), loaded: time.Now()}
	for _, r := range rows {
		st.rows = r.Rows
		if r.Lexeme != nil {
			st.freq[*r.Lexeme] = r.Freq
		} else if st.floor == 0 {
			st.floor = r.Freq // the first of the three: the least frequency
		}
	}
	lexemeStatsCache.Store(s.db.Config, st)
	return st, nil
}

// claims returns how many claims the table held when sampled; 0 without
// statistics.
func (st *lexemeStats) claims() float64 {
	if st == nil {
		return 0
	}
	return st.rows
}

// estimate returns how many stored claims are expected to hold lexeme l,
// and whether the statistics list it. An unlisted lexeme is taken to be in
// half as many claims as the least common listed one, as the planner takes
// it; without statistics (a table never analysed) every lexeme counts as
// rare.
func (st *lexemeStats) estimate(l string) (float64, bool) {
	if st == nil || st.rows == 0 {
		return 1, false
	}
	if f, ok := st.freq[l]; ok {
		return f * st.rows, true
	}
	return max(1, st.floor*st.rows/2), false
}

// packedTrigrams returns the trigrams of text as pg_trgm makes them, sorted and
// distinct: each word (a run of letters and digits), lower-cased and
// padded with two spaces before and one after, gives its runs of three
// characters. A trigram is packed into a uint64, 21 bits a character.
func packedTrigrams(text string) []uint64 {
	var out []uint64
	var word []rune
	flush := func() {
		if len(word) == 0 {
			return
		}
		p := append([]rune{' ', ' '}, word...)
		p = append(p, ' ')
		for i := 0; i+2 < len(p); i++ {
			out = append(out, uint64(p[i])<<42|uint64(p[i+1])<<21|uint64(p[i+2]))
		}
		word = word[:0]
	}
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			word = append(word, unicode.ToLower(r))
			continue
		}
		flush()
	}
	flush()
	slices.Sort(out)
	return slices.Compact(out)
}

// packedSimilarity is pg_trgm's similarity() of two texts given their
// trigrams: the trigrams they share over all the trigrams either has.
func packedSimilarity(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	shared := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(shared) / float64(len(a)+len(b)-shared)
}

func sortCandidates(out []Candidate) {
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].PassageClaimID < out[j].PassageClaimID
	})
}

// rankByPeers re-ranks candidates sorted by score on how much each
// resembles the best others: reports of one claim repeat one another's
// words ("Kim", "leg", "injury"), while a passage that only shares the
// claim's topic ("Kim" and "military") resembles them less. The first
// peerDepth candidates get weightPeers times their mean word overlap
// (Jaccard, over salient word stems) with the peerCount best others, in
// peerRounds rounds, each taking the best from the round before; the
// score stays in [0, 1].
func rankByPeers(out []Candidate) {
	n := min(len(out), peerDepth)
	if n < 2 {
		return
	}
	stems := make(map[int64]map[string]bool, n)
	for _, c := range out[:n] {
		m := map[string]bool{}
		for _, w := range SalientWords(c.Passage.Text) {
			m[stem(w)] = true
		}
		stems[c.PassageClaimID] = m
	}
	base := make(map[int64]float64, len(out))
	for _, c := range out {
		base[c.PassageClaimID] = c.Score
	}
	peers := make([]float64, n)
	for range peerRounds {
		for i := range n {
			sum, k := 0.0, 0
			for j := 0; j < n && k < peerCount; j++ {
				if j != i {
					sum += jaccard(stems[out[i].PassageClaimID], stems[out[j].PassageClaimID])
					k++
				}
			}
			peers[i] = sum / float64(k)
		}
		for i := range out {
			p := 0.0
			if i < n {
				p = peers[i]
			}
			out[i].Signals.Peers = p
			out[i].Score = math.Round((base[out[i].PassageClaimID]+weightPeers*p)/(1+weightPeers)*1000) / 1000
		}
		sortCandidates(out)
	}
}

// jaccard is the share of the words of a and b that both have.
func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	if u := len(a) + len(b) - inter; u > 0 {
		return float64(inter) / float64(u)
	}
	return 0
}

// akin reports whether two stems are one word's forms the crude stemmer
// left apart: one begins the other, at least four letters long, and the
// other adds at most three ("jihadi", "jihadist"; "Kurd", "Kurdish").
func akin(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 4 && len(b)-len(a) <= 3 && strings.HasPrefix(b, a)
}

// numberWords are the numbers headlines spell out.
var numberWords = map[string]string{"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
	"hundred": "100", "thousand": "1000", "dozen": "12"}

// numbers returns the figures of text, normalised so that reports of one
// figure agree: thousands separators dropped ("4,000" and "4000"), a
// decimal point kept ("8.2"), a unit glued on left off ("24M", "20-year"),
// small numbers spelled out given as digits ("seven" is "7").
func numbers(text string) []string {
	var out []string
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if !unicode.IsDigit(r) {
			if unicode.IsLetter(r) && (i == 0 || !unicode.IsLetter(rs[i-1])) {
				j := i
				for j < len(rs) && unicode.IsLetter(rs[j]) {
					j++
				}
				if n, ok := numberWords[strings.ToLower(string(rs[i:j]))]; ok {
					out = append(out, n)
				}
				i = j - 1
			}
			continue
		}
		if i > 0 && (unicode.IsLetter(rs[i-1]) || unicode.IsDigit(rs[i-1])) {
			continue // inside a word ("iOS8", "4GB" counted from its start)
		}
		var b strings.Builder
		j := i
		for j < len(rs) {
			if unicode.IsDigit(rs[j]) {
				b.WriteRune(rs[j])
				j++
				continue
			}
			// A separator followed by a digit joins: "4,000", "8.2".
			if (rs[j] == ',' || rs[j] == '.') && j+1 < len(rs) && unicode.IsDigit(rs[j+1]) {
				if rs[j] == '.' {
					b.WriteRune('.')
				}
				j++
				continue
			}
			break
		}
		out = append(out, b.String())
		i = j - 1
	}
	return out
}

// withNumbers replaces the digit runs among a claim's salient words with
// its figures as numbers gives them.
func withNumbers(words []string, text string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
			continue
		}
		out = append(out, w)
	}
	for _, n := range numbers(text) {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}
