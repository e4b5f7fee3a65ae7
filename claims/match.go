package claims

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Matching finds candidate evidence for a claim: passages of other outlets'
// reports that may corroborate or contradict it. A passage is any stored
// claim of another article, assertions included, since an assertion is the
// outlet's own sentence.
//
// Retrieval is two-stage. PostgreSQL collects a bounded pool through the GIN
// index on claims.tsv (passages sharing two of the claim's salient words,
// or one when that finds too few) and scores it with ts_rank_cd and
// pg_trgm's similarity(); Go re-ranks the pool on signals the index cannot
// serve: shared names, shared words weighted by rarity, and how far apart
// the articles were published. Each stage is
// bounded, so the cost does not grow with the number of stored claims
// beyond what the indexes cost.

// CandidateOptions tune Candidates. Zero fields take the defaults.
type CandidateOptions struct {
	// Limit is how many candidates to return. Default 10, at most 100.
	Limit int
	// Pool is how many passages each index contributes before re-ranking.
	// Default 200.
	Pool int
	// Scan bounds the full-text matches read before ranking, so a claim
	// made of common words costs no more than a rare one. Default 2000.
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
		o.Scan = 2000
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
	Words    float64 `json:"words"`    // share of the claim's salient words the passage has, rarer words weighing more
	Entities float64 `json:"entities"` // share of the claim's names the passage has
	Date     float64 `json:"date"`     // closeness of the publication dates; 0.5 when unknown
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

// maxQueryWords bounds the words the full-text query is built from: the
// pair query grows with their square.
const maxQueryWords = 8

// claimForMatching is the claim with what matching needs of its article.
const claimForMatchingSQL = `
SELECT c.id, c.article_id, c.content_text, a.outlet_id, a.published_at
FROM claims c JOIN articles a ON a.id = c.article_id
WHERE c.id = ?`

// candidatePoolSQL collects the pool. It asks for passages sharing at
// least two of the claim's words (an OR of word pairs), which keeps the GIN
// bitmap small however common each word is; a LIMIT before ranking bounds
// the heap reads. Trigram similarity is computed on the pool only: a
// retrieval branch on the trigram index (content_text % text) was measured
// and dropped, because for a sentence-long text the planner often prefers
// a sequential scan computing similarity() on every row, seconds on a
// large table. The claim's own article is left out in the index scan and,
// unless asked, its outlet after ranking: joining articles inside the scan
// made the planner hash the whole articles table on every call.
const candidatePoolSQL = `
WITH fts AS (
    SELECT c.id, c.tsv
    FROM claims c
    WHERE c.tsv @@ to_tsquery('english', @pairs) AND c.article_id <> @article
    LIMIT @scan
)` + candidateRankSQL

// candidateWidenSQL is asked only when the pool came out short: passages
// sharing any one of the claim's words, the best by full-text rank among
// the first @scan matches, so a common word costs a bounded read.
const candidateWidenSQL = `
WITH fts AS (
    SELECT c.id, c.tsv
    FROM claims c
    WHERE c.tsv @@ to_tsquery('english', @words) AND c.article_id <> @article
    LIMIT @scan
)` + candidateRankSQL

// candidateRankSQL is what both pools share once their full-text matches
// (fts) are found: the best @pool of them by rank, with their articles,
// trigram similarity and any link a reviewer already made.
const candidateRankSQL = `, pool AS (
    SELECT id FROM fts
    ORDER BY ts_rank_cd(tsv, to_tsquery('english', @words)) DESC
    LIMIT @pool
)
SELECT c.id AS passage_claim_id, c.article_id, c.kind, c.content_start, c.content_end, c.content_text,
       a.title AS article_title, a.published_at, o.id AS outlet_id, o.name AS outlet_name,
       ts_rank_cd(c.tsv, to_tsquery('english', @words)) AS text_rank,
       similarity(c.content_text, @text) AS trigram,
       e.id AS evidence_id, e.stance AS evidence_stance
FROM pool
JOIN claims c ON c.id = pool.id
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
	Trigram        float64
	EvidenceID     *int64
	EvidenceStance *Stance
}

// Candidates returns the best passages of other outlets' reports that may
// be evidence for the claim, best first, each with its score, the reason
// and a suggested stance.
func (s *Store) Candidates(ctx context.Context, claimID int64, opts CandidateOptions) ([]Candidate, error) {
	o := opts.withDefaults()
	var out []Candidate
	// No transaction: the reads need no common snapshot, and BEGIN and
	// COMMIT would be two more round trips.
	err := func() error {
		tx := s.db.WithContext(ctx)
		var c struct {
			ID          int64
			ArticleID   int64
			ContentText string
			OutletID    int64
			PublishedAt *time.Time
		}
		res := tx.Raw(claimForMatchingSQL, claimID).Scan(&c)
		if res.Error != nil {
			return fmt.Errorf("claim %d: %w", claimID, res.Error)
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		q := newMatchQuery(c.ContentText)
		args := map[string]any{
			"pairs": q.pairs, "words": q.words, "text": c.ContentText, "claim": c.ID, "article": c.ArticleID,
			"outlet": c.OutletID, "same": o.SameOutlet, "scan": o.Scan, "pool": o.Pool,
		}
		var rows []poolRow
		if err := tx.Raw(candidatePoolSQL, args).Scan(&rows).Error; err != nil {
			return fmt.Errorf("candidates of claim %d: %w", claimID, err)
		}
		if len(rows) < o.Limit && q.words != "" {
			var more []poolRow
			if err := tx.Raw(candidateWidenSQL, args).Scan(&more).Error; err != nil {
				return fmt.Errorf("candidates of claim %d: %w", claimID, err)
			}
			rows = mergeRows(rows, more)
		}
		out = rankCandidates(c.ContentText, c.OutletID, c.PublishedAt, rows, o.Limit)
		return nil
	}()
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil, ErrNotFound
		}
		return nil, err
	}
	return out, nil
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

// matchQuery is a claim's full-text queries in to_tsquery syntax.
type matchQuery struct {
	words string // any of the words: "a | b | c"
	pairs string // any two of them: "(a & b) | (a & c) | (b & c)"
}

// newMatchQuery builds the full-text queries from the claim's salient
// words, names first and longer words next: they are the rarer ones.
func newMatchQuery(text string) matchQuery {
	names := map[string]bool{}
	for _, e := range Entities(text) {
		for _, p := range strings.Fields(strings.ToLower(e)) {
			for _, q := range strings.Split(p, "-") {
				names[q] = true
			}
		}
	}
	var words []string
	for _, w := range SalientWords(text) {
		// to_tsquery has its own syntax; letters and digits are inert.
		w = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return -1
		}, w)
		if w != "" && !containsString(words, w) {
			words = append(words, w)
		}
	}
	sort.SliceStable(words, func(i, j int) bool {
		if names[words[i]] != names[words[j]] {
			return names[words[i]]
		}
		return len(words[i]) > len(words[j])
	})
	if len(words) > maxQueryWords {
		words = words[:maxQueryWords]
	}
	var q matchQuery
	q.words = strings.Join(words, " | ")
	if len(words) == 1 {
		q.pairs = words[0]
		return q
	}
	var pairs []string
	for i := range words {
		for j := i + 1; j < len(words); j++ {
			pairs = append(pairs, "("+words[i]+" & "+words[j]+")")
		}
	}
	q.pairs = strings.Join(pairs, " | ")
	return q
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
	words := SalientWords(claim)
	entityWords := map[string]bool{}
	for _, e := range entities {
		for _, p := range strings.Fields(strings.ToLower(e)) {
			entityWords[p] = true
			for _, q := range strings.Split(p, "-") {
				entityWords[q] = true
			}
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
		sets[i] = wordSet(r.ContentText)
		stemsOf[i] = stemSet(sets[i])
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
			Suggestion: suggestFor(claim, r),
			EvidenceID: r.EvidenceID, EvidenceStance: r.EvidenceStance,
		}
		cand.Reason = reasonOf(cand)
		out = append(out, cand)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].PassageClaimID < out[j].PassageClaimID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// suggestFor suggests the passage's stance. A passage that is itself
// attributed to a speaker (a quote, reported speech) is the outlet
// reporting what someone said: agreeing words make it context, not the
// outlet's corroboration, while a denial still conflicts.
func suggestFor(claim string, r poolRow) Suggestion {
	sg := SuggestStance(claim, r.ContentText)
	if sg.Stance == Corroborates && r.Kind.Attributed() {
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

func stemSet(words map[string]bool) map[string]bool {
	m := make(map[string]bool, len(words))
	for w := range words {
		m[stem(w)] = true
	}
	return m
}
