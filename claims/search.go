package claims

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Search finds claims by their words, as a program looking a statement up
// would: full-text matching (stemmed, so "warned" finds "warns") ranked
// together with trigram similarity (so a misspelt or partial quote still
// scores), then the reports that carry the same statement and the evidence
// reviewers linked to it.

// SearchQuery is a claims:search request. Zero fields do not filter.
type SearchQuery struct {
	// Text is web-search syntax: words, "quoted phrases", -excluded. It may
	// be empty when Speaker or Outlet narrows the search.
	Text      string
	SpeakerID int64
	Speaker   string // part of the speaker's canonical name, case-insensitive
	OutletID  int64
	Outlet    string // outlet name or web domain, case-insensitive
	Language  string // BCP 47 primary tag or full tag: "en" matches "en-GB"
	MaxAge    time.Duration
	Limit     int
	After     *SearchCursor
}

// SearchCursor is the position after the last hit of a page: hits come in
// descending score, then descending id, and the score of a claim for a
// query is the same each time it is computed.
type SearchCursor struct {
	Score float64 `json:"s"`
	ID    int64   `json:"i"`
	Fuzzy bool    `json:"f,omitempty"`
}

// Hit is a claim found by a search, with where it was published and what
// bears on it.
type Hit struct {
	Claim Claim
	Score float64
	// Fuzzy is true when no claim had all the query's words and the hits
	// are the claims closest to it in trigrams.
	Fuzzy       bool
	Article     ArticleRef
	Appearances []Appearance
	Evidence    []EvidenceLink
}

// ArticleRef names the report a claim was found in.
type ArticleRef struct {
	ID          int64      `json:"id"`
	Title       string     `json:"title"`
	URL         string     `json:"url"`
	Outlet      string     `json:"outlet"`
	Language    string     `json:"language"`
	PublishedAt *time.Time `json:"published_at"`
}

// Appearance is another report carrying the same or a similar statement.
type Appearance struct {
	ClaimID    int64      `json:"claim_id"`
	Similarity float64    `json:"similarity" doc:"trigram similarity of the two contents, 0 to 1"`
	Article    ArticleRef `json:"article"`
}

// EvidenceLink is a reviewer's link from a claim to a passage of another
// report.
type EvidenceLink struct {
	ID             int64      `json:"id"`
	Stance         string     `json:"stance"`
	Passage        Range      `json:"passage"`
	PassageClaimID *int64     `json:"passage_claim_id"`
	Note           string     `json:"note"`
	Article        ArticleRef `json:"article"`
}

// Search bounds. A candidate cap keeps a query made of common words from
// ranking hundreds of thousands of rows: such a query ranks the first
// searchCandidates matches of each kind, which is a fair trade for a
// lookup that must answer in milliseconds.
const (
	searchCandidates = 1000
	maxAppearances   = 10
	// appearanceMin is the trigram similarity above which another claim is
	// taken to be the same statement.
	appearanceMin = 0.5
)

// searchFilterSQL is the filters of a search, each off when its parameter
// is NULL.
const searchFilterSQL = `
      AND (CAST(@speaker_id AS bigint) IS NULL OR c.speaker_id = @speaker_id)
      AND (CAST(@speaker AS text) IS NULL OR sp.name ILIKE '%' || @speaker || '%')
      AND (CAST(@outlet_id AS bigint) IS NULL OR o.id = @outlet_id)
      AND (CAST(@outlet AS text) IS NULL OR lower(o.name) = lower(@outlet) OR o.domain = lower(@outlet))
      AND (CAST(@language AS text) IS NULL OR a.language = @language OR a.language ILIKE @language || '-%')
      AND (CAST(@max_age AS int) IS NULL OR coalesce(a.published_at, a.ingested_at) >= now() - make_interval(days => @max_age))`

const searchFromSQL = `
    FROM claims c
    JOIN articles a ON a.id = c.article_id
    JOIN outlets o ON o.id = a.outlet_id
    LEFT JOIN speakers sp ON sp.id = c.speaker_id`

// searchSQL ranks claims by 0.5 × full-text rank (ts_rank_cd normalised to
// [0, 1)) + 0.5 × word similarity of the query to the closest stretch of
// the content (pg_trgm). Candidates come from the full-text index (%s is
// searchCandSQL or fuzzyCandSQL); with no text, every claim the filters keep
// is a candidate and scores 0.
const searchSQL = `
WITH p AS (SELECT websearch_to_tsquery('english', @q) AS tsq),
cand AS (%s),
scored AS (
    SELECT c.id, CASE WHEN @q = '' THEN 0::float8 ELSE
               round((0.5 * ts_rank_cd(c.tsv, p.tsq, 32) + 0.5 * word_similarity(@q, c.content_text))::numeric, 6)::float8 END AS score
    FROM cand JOIN claims c ON c.id = cand.id, p
)
SELECT s.id, s.score
FROM scored s
WHERE CAST(@after_score AS float8) IS NULL OR (s.score, s.id) < (@after_score, CAST(@after_id AS bigint))
ORDER BY s.score DESC, s.id DESC
LIMIT @limit`

// searchCandSQL is the candidates of a search: full-text matches, or with
// no text every claim the filters keep.
const searchCandSQL = `
    (SELECT c.id` + searchFromSQL + `, p
    WHERE @q <> '' AND c.tsv @@ p.tsq` + searchFilterSQL + `
    LIMIT @cap)
  UNION ALL
    (SELECT c.id` + searchFromSQL + `
    WHERE @q = ''` + searchFilterSQL + `)`

// fuzzyCandSQL is the candidates when no claim has all the query's words
// (a misspelling, another word form): claims holding a stretch close to the
// query in trigrams. It is the fallback, not a second branch of every
// search, because a trigram index scan reads the long posting lists of
// common trigrams: tens of milliseconds per million claims.
const fuzzyCandSQL = `
    SELECT c.id` + searchFromSQL + `
    WHERE @q <% c.content_text` + searchFilterSQL + `
    LIMIT @cap`

type scoredID struct {
	ID    int64
	Score float64
}

// Search returns up to q.Limit claims matching q, best first.
func (s *Store) Search(ctx context.Context, q SearchQuery) ([]Hit, error) {
	args := map[string]any{
		"q": strings.TrimSpace(q.Text), "cap": searchCandidates, "limit": q.Limit,
		"speaker_id": nullID(q.SpeakerID), "speaker": nullLike(q.Speaker), "outlet_id": nullID(q.OutletID), "outlet": nullStr(q.Outlet),
		"language": nullStr(q.Language), "max_age": nil, "after_score": nil, "after_id": nil,
	}
	if q.MaxAge > 0 {
		args["max_age"] = int((q.MaxAge + 24*time.Hour - 1) / (24 * time.Hour))
	}
	if q.After != nil {
		args["after_score"], args["after_id"] = q.After.Score, q.After.ID
	}
	fuzzy := q.After != nil && q.After.Fuzzy
	var ids []scoredID
	if !fuzzy {
		if err := s.db.WithContext(ctx).Raw(fmt.Sprintf(searchSQL, searchCandSQL), args).Scan(&ids).Error; err != nil {
			return nil, fmt.Errorf("search claims: %w", err)
		}
		fuzzy = len(ids) == 0 && q.After == nil && args["q"] != ""
	}
	if fuzzy {
		if err := s.db.WithContext(ctx).Raw(fmt.Sprintf(searchSQL, fuzzyCandSQL), args).Scan(&ids).Error; err != nil {
			return nil, fmt.Errorf("search claims: %w", err)
		}
	}
	hits, err := s.hits(ctx, ids)
	for i := range hits {
		hits[i].Fuzzy = fuzzy
	}
	return hits, err
}

// lookupSQL finds the claims most like a longer text: the text is cut into
// overlapping windows of words, each window's words must all occur in a
// claim (the OR of the windows' AND-queries; windows of fewer than three
// lexemes after stop words are dropped, they match too much), and the
// candidates are ranked
// by full-text rank and by how much of the claim appears in the text
// (word_similarity of the content to the text).
const lookupSQL = `
WITH p AS (
    SELECT (SELECT string_agg('(' || t::text || ')', ' | ')
            FROM (SELECT plainto_tsquery('english', w) AS t FROM unnest(string_to_array(CAST(@windows AS text), chr(10))) AS w) x
            WHERE numnode(t) >= 5)::tsquery AS tsq
),
cand AS (
    SELECT c.id FROM claims c, p WHERE c.tsv @@ p.tsq LIMIT @cap
)
SELECT c.id,
       round((0.5 * ts_rank_cd(c.tsv, p.tsq, 32) + 0.5 * word_similarity(c.content_text, @text))::numeric, 6)::float8 AS score
FROM cand JOIN claims c ON c.id = cand.id, p
ORDER BY score DESC, c.id DESC
LIMIT @limit`

// Lookup bounds: a text longer than maxLookupRunes is refused by the API;
// lookupWindow words make a window, windows start every lookupStride words.
const (
	MaxLookupRunes   = 20000
	lookupWindow     = 6
	lookupStride     = 2
	lookupCandidates = 300
	// maxLookupWindows bounds the query a long text makes; its first
	// windows are used, the lead of a report carrying its main claims.
	maxLookupWindows = 400
)

// Lookup returns up to limit claims most like text, a paragraph or an
// article, best first.
func (s *Store) Lookup(ctx context.Context, text string, limit int) ([]Hit, error) {
	windows := lookupWindows(text)
	if len(windows) == 0 {
		return []Hit{}, nil
	}
	var ids []scoredID
	err := s.db.WithContext(ctx).Raw(lookupSQL, map[string]any{
		"windows": strings.Join(windows, "\n"), "text": text, "cap": lookupCandidates, "limit": limit,
	}).Scan(&ids).Error
	if err != nil {
		return nil, fmt.Errorf("look up claims: %w", err)
	}
	return s.hits(ctx, ids)
}

// lookupWindows cuts text into overlapping runs of words. A window never
// crosses a sentence end, where a statement ends too.
func lookupWindows(text string) []string {
	var out []string
	for _, sent := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '\n' }) {
		words := strings.FieldsFunc(sent, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' })
		if len(words) < 3 {
			continue
		}
		for i := 0; ; i += lookupStride {
			end := min(i+lookupWindow, len(words))
			out = append(out, strings.Join(words[i:end], " "))
			if len(out) == maxLookupWindows {
				return out
			}
			if end == len(words) {
				break
			}
		}
	}
	return out
}

// hitSQL is the found claims with their articles.
const hitSQL = `
SELECT c.id AS claim_id, a.id AS article_id, a.title, a.url, o.name AS outlet, a.language, a.published_at
FROM claims c JOIN articles a ON a.id = c.article_id JOIN outlets o ON o.id = a.outlet_id
WHERE c.id IN @ids`

// appearancesSQL is, for each found claim, other reports' claims holding
// all its words (through the full-text index) that are close to it in
// trigram similarity.
const appearancesSQL = `
SELECT c.id AS of_id, x.id AS claim_id, x.similarity, a.id AS article_id, a.title, a.url, o.name AS outlet, a.language, a.published_at
FROM claims c
CROSS JOIN LATERAL (
    SELECT y.id, y.article_id, similarity(y.content_text, c.content_text)::float8 AS similarity
    FROM (SELECT c2.id, c2.article_id, c2.content_text FROM claims c2
          WHERE c2.tsv @@ plainto_tsquery('english', c.content_text) AND c2.article_id <> c.article_id
          LIMIT @cap) y
    ORDER BY similarity DESC, y.id
    LIMIT @per
) x
JOIN articles a ON a.id = x.article_id JOIN outlets o ON o.id = a.outlet_id
WHERE c.id IN @ids AND x.similarity >= @min
ORDER BY c.id, x.similarity DESC, x.id`

const hitEvidenceSQL = `
SELECT e.id, e.claim_id, e.stance, e.passage_start, e.passage_end, e.passage_text, e.passage_claim_id, e.note,
       a.id AS article_id, a.title, a.url, o.name AS outlet, a.language, a.published_at
FROM evidence e JOIN articles a ON a.id = e.article_id JOIN outlets o ON o.id = a.outlet_id
WHERE e.claim_id IN @ids
ORDER BY e.claim_id, e.id`

// articleRef builds an ArticleRef from the article columns every hit query
// selects (gorm does not scan into embedded unexported structs).
func articleRef(id int64, title, url, outlet, language string, published *time.Time) ArticleRef {
	return ArticleRef{ID: id, Title: title, URL: url, Outlet: outlet, Language: language, PublishedAt: published}
}

// hits loads the claims, articles, appearances and evidence of scored ids,
// in their order.
func (s *Store) hits(ctx context.Context, ids []scoredID) ([]Hit, error) {
	out := make([]Hit, 0, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	db := s.db.WithContext(ctx)
	idList := make([]int64, len(ids))
	for i, x := range ids {
		idList[i] = x.ID
	}
	var cs []Claim
	if err := db.Preload("Speaker").Where("id IN ?", idList).Find(&cs).Error; err != nil {
		return nil, fmt.Errorf("search claims: %w", err)
	}
	byID := make(map[int64]Claim, len(cs))
	for _, c := range cs {
		byID[c.ID] = c
	}
	var arts []struct {
		ClaimID     int64
		ArticleID   int64
		Title       string
		URL         string
		Outlet      string
		Language    string
		PublishedAt *time.Time
	}
	if err := db.Raw(hitSQL, map[string]any{"ids": idList}).Scan(&arts).Error; err != nil {
		return nil, fmt.Errorf("search claims: %w", err)
	}
	artOf := map[int64]ArticleRef{}
	for _, a := range arts {
		artOf[a.ClaimID] = articleRef(a.ArticleID, a.Title, a.URL, a.Outlet, a.Language, a.PublishedAt)
	}
	var apps []struct {
		OfID        int64
		ClaimID     int64
		Similarity  float64
		ArticleID   int64
		Title       string
		URL         string
		Outlet      string
		Language    string
		PublishedAt *time.Time
	}
	err := db.Raw(appearancesSQL, map[string]any{"ids": idList, "cap": 200, "per": maxAppearances, "min": appearanceMin}).Scan(&apps).Error
	if err != nil {
		return nil, fmt.Errorf("search claims: appearances: %w", err)
	}
	appsOf := map[int64][]Appearance{}
	for _, a := range apps {
		appsOf[a.OfID] = append(appsOf[a.OfID], Appearance{ClaimID: a.ClaimID, Similarity: a.Similarity, Article: articleRef(a.ArticleID, a.Title, a.URL, a.Outlet, a.Language, a.PublishedAt)})
	}
	var evs []struct {
		ID             int64
		ClaimID        int64
		Stance         string
		PassageStart   int
		PassageEnd     int
		PassageText    string
		PassageClaimID *int64
		Note           string
		ArticleID      int64
		Title          string
		URL            string
		Outlet         string
		Language       string
		PublishedAt    *time.Time
	}
	if err := db.Raw(hitEvidenceSQL, map[string]any{"ids": idList}).Scan(&evs).Error; err != nil {
		return nil, fmt.Errorf("search claims: evidence: %w", err)
	}
	evOf := map[int64][]EvidenceLink{}
	for _, e := range evs {
		evOf[e.ClaimID] = append(evOf[e.ClaimID], EvidenceLink{ID: e.ID, Stance: e.Stance, Passage: Range{e.PassageStart, e.PassageEnd, e.PassageText},
			PassageClaimID: e.PassageClaimID, Note: e.Note, Article: articleRef(e.ArticleID, e.Title, e.URL, e.Outlet, e.Language, e.PublishedAt)})
	}
	for _, x := range ids {
		c, ok := byID[x.ID]
		if !ok { // deleted between the queries
			continue
		}
		h := Hit{Claim: c, Score: x.Score, Article: artOf[x.ID], Appearances: appsOf[x.ID], Evidence: evOf[x.ID]}
		if h.Appearances == nil {
			h.Appearances = []Appearance{}
		}
		if h.Evidence == nil {
			h.Evidence = []EvidenceLink{}
		}
		out = append(out, h)
	}
	return out, nil
}

func nullID(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}

func nullStr(s string) any {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return s
}

// nullLike escapes LIKE's wildcards so a name is matched as written.
func nullLike(s string) any {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
