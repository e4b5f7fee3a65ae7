package claims

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"

	"gorm.io/gorm"
)

// Search finds claims by their words, as a program looking a statement up
// would: full-text matching (stemmed, so "warned" finds "warns") ranked
// together with trigram similarity (so a misspelt or partial quote still
// scores), then the reports that carry the same statement and the evidence
// reviewers linked to it.
//
// A lookup must answer in tens of milliseconds over a million claims, so
// every step is bounded: the full-text candidates are ranked by the cheap
// ts_rank_cd and only the best few score trigram similarity; a query no
// claim has every word of falls back to the claims holding most of its
// words (still the full-text index), and only when there are none to a
// trigram index scan; the hits' details come in one query each for all the
// hits of a page (claims with speakers, articles, appearances, evidence).

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
	// Trigram marks a fuzzy search answered by trigram similarity alone.
	Trigram bool `json:"t,omitempty"`
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
	mode        searchMode
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

// Search bounds. A search ranks at most searchCandidates full-text matches
// by full-text rank (cheap: the stored tsvector), and only the best
// searchDepth of those are scored with trigram word similarity (about 20 µs
// a claim): a query made of common words is answered from a bounded set,
// a fair trade for a lookup that must answer in milliseconds. searchDepth
// is also the most hits a query pages through, a full page of the largest
// size the API allows.
const (
	searchCandidates = 1000
	searchDepth      = 100
	// fuzzyWords bounds the words a fuzzy search combines (see fuzzyQuery).
	fuzzyWords = 8
	// trigramThreshold is pg_trgm.word_similarity_threshold for the last
	// resort of a fuzzy search, a trigram index scan, set for the
	// transaction so the server's setting does not change results. The
	// scan reads the posting lists of the query's (1 - threshold) rarest
	// trigrams in full: a higher threshold is cheaper, but 0.7 already
	// loses a query with half its words misspelt ("cabels are oldr than
	// anyone expectd" is 0.64 from its claim). At 1,000,000 claims this
	// scan takes a few hundred milliseconds, which is why it is the last
	// resort, after the claims holding half of the query's words.
	trigramThreshold = 0.6
	maxAppearances   = 10
	// appearanceMin is the trigram similarity above which another claim is
	// taken to be the same statement.
	appearanceMin = 0.5
	// appearanceKeys is how many of a claim's rarest lexemes find the
	// candidates for its appearances (see appearancesSQL).
	appearanceKeys = 3
)

// searchFilters returns the joins and conditions of a search's filters,
// only those the query sets, so the planner sees a plain query and a
// search without filters reads no other table.
func searchFilters(q SearchQuery, args map[string]any) (joins, where string) {
	var conds []string
	if q.SpeakerID != 0 {
		conds, args["speaker_id"] = append(conds, `c.speaker_id = @speaker_id`), q.SpeakerID
	}
	if v := nullLike(q.Speaker); v != nil {
		conds, args["speaker"] = append(conds, `c.speaker_id IN (SELECT sp.id FROM speakers sp WHERE sp.name ILIKE '%' || @speaker || '%')`), v
	}
	article := false
	if q.OutletID != 0 {
		conds, args["outlet_id"], article = append(conds, `a.outlet_id = @outlet_id`), q.OutletID, true
	}
	if v := nullStr(q.Outlet); v != nil {
		conds, args["outlet"], article = append(conds, `a.outlet_id IN (SELECT o.id FROM outlets o WHERE lower(o.name) = lower(@outlet) OR o.domain = lower(@outlet))`), v, true
	}
	if v := nullStr(q.Language); v != nil {
		conds, args["language"], article = append(conds, `(a.language = @language OR a.language ILIKE @language || '-%')`), v, true
	}
	if q.MaxAge > 0 {
		days := int((q.MaxAge + 24*time.Hour - 1) / (24 * time.Hour))
		conds, args["max_age"], article = append(conds, `coalesce(a.published_at, a.ingested_at) >= now() - make_interval(days => @max_age)`), days, true
	}
	if article {
		joins = `
    JOIN articles a ON a.id = c.article_id`
	}
	for _, c := range conds {
		where += "\n      AND " + c
	}
	return joins, where
}

// searchSQL ranks the first searchCandidates claims holding all the query's
// words (websearch_to_tsquery: words, "phrases", -excluded) by ts_rank_cd
// (cover density, normalised to [0, 1)), claims quoting the query word for
// word first (their word similarity is 1, the most, and ts_rank_cd cannot
// tell them from others when the query is mostly stop words), keeps the
// best searchDepth, and scores those 0.5 × that rank + 0.5 × the word
// similarity of the query to the closest stretch of the content (pg_trgm).
// A claim's score depends on the claim and the query only, so a cursor
// (score, id) pages stably.
const searchSQL = `
WITH cand AS MATERIALIZED (
    SELECT c.id, ts_rank_cd(c.tsv, websearch_to_tsquery('english', @q), 32) AS r,
           strpos(lower(c.content_text), lower(@plain)) > 0 AS quoted
    FROM claims c%s
    WHERE c.tsv @@ websearch_to_tsquery('english', @q)%s
    LIMIT @cap
), best AS (
    SELECT id, r FROM cand ORDER BY quoted DESC, r DESC, id DESC LIMIT @depth
), scored AS (
    SELECT b.id, round((0.5 * b.r + 0.5 * word_similarity(@q, c.content_text))::numeric, 6)::float8 AS score
    FROM best b JOIN claims c ON c.id = b.id
)
SELECT id, score FROM scored%s
ORDER BY score DESC, id DESC
LIMIT @limit`

// fuzzySQL is the search when no claim has all the query's words (a
// misspelling, another word form): candidates hold most of its words
// (@fq, see fuzzyQuery; ranked by ts_rank_cd of that query) or, as the last
// resort, a stretch close to it in trigrams (the GIN trigram index,
// word_similarity_threshold set by the caller; ranked by word similarity).
// The best searchDepth are scored as searchSQL scores, the full-text rank
// being that of the whole query (0 for a claim lacking one of its words).
const fuzzySQL = `
WITH cand AS MATERIALIZED (
    SELECT c.id, %s AS pre
    FROM claims c%s
    WHERE %s%s
    LIMIT @cap
), best AS (
    SELECT id FROM cand ORDER BY pre DESC, id DESC LIMIT @depth
), scored AS (
    SELECT b.id, round((0.5 * ts_rank_cd(c.tsv, websearch_to_tsquery('english', @q), 32) + 0.5 * word_similarity(@q, c.content_text))::numeric, 6)::float8 AS score
    FROM best b JOIN claims c ON c.id = b.id
)
SELECT id, score FROM scored%s
ORDER BY score DESC, id DESC
LIMIT @limit`

// browseSQL is a search without text: the claims the filters keep, newest
// first, each scoring 0.
const browseSQL = `
SELECT c.id, 0::float8 AS score
FROM claims c%s
WHERE true%s%s
ORDER BY c.id DESC
LIMIT @limit`

const afterSQL = `
WHERE (score, id) < (CAST(@after_score AS float8), CAST(@after_id AS bigint))`

type scoredID struct {
	ID    int64
	Score float64
}

// Search returns up to q.Limit claims matching q, best first.
func (s *Store) Search(ctx context.Context, q SearchQuery) ([]Hit, error) {
	hits, _, err := s.SearchPage(ctx, q)
	return hits, err
}

// SearchPage is Search that also reports whether more hits follow the
// q.Limit it returns, for a next page.
func (s *Store) SearchPage(ctx context.Context, q SearchQuery) ([]Hit, bool, error) {
	text := strings.TrimSpace(q.Text)
	// plain is the query as a claim would quote it: without the quotation
	// marks of a phrase.
	plain := strings.Join(strings.Fields(strings.ReplaceAll(text, `"`, " ")), " ")
	args := map[string]any{"q": text, "plain": plain, "cap": searchCandidates, "depth": searchDepth, "limit": q.Limit + 1}
	joins, where := searchFilters(q, args)
	after := ""
	if q.After != nil {
		args["after_score"], args["after_id"] = q.After.Score, q.After.ID
		after = afterSQL
	}
	db := s.db.WithContext(ctx)
	var ids []scoredID
	mode := searchExact
	switch {
	case text == "":
		browseAfter := ""
		if q.After != nil {
			browseAfter = "\n      AND c.id < @after_id"
		}
		if err := db.Raw(fmt.Sprintf(browseSQL, joins, where, browseAfter), args).Scan(&ids).Error; err != nil {
			return nil, false, fmt.Errorf("search claims: %w", err)
		}
	case q.After == nil || q.After.mode() == searchExact:
		if err := db.Raw(fmt.Sprintf(searchSQL, joins, where, after), args).Scan(&ids).Error; err != nil {
			return nil, false, fmt.Errorf("search claims: %w", err)
		}
		if len(ids) > 0 || q.After != nil {
			break
		}
		mode = searchFuzzy
		fallthrough
	default:
		if q.After != nil {
			mode = q.After.mode()
		}
		var err error
		if ids, mode, err = s.fuzzy(ctx, text, mode, joins, where, after, args); err != nil {
			return nil, false, fmt.Errorf("search claims: %w", err)
		}
	}
	more := len(ids) > q.Limit
	if more {
		ids = ids[:q.Limit]
	}
	hits, err := s.hits(ctx, ids)
	for i := range hits {
		hits[i].Fuzzy, hits[i].mode = mode != searchExact, mode
	}
	return hits, more, err
}

// A search's mode: how its candidates were found. The mode of the first
// page is kept in the cursor, so every page is drawn from the same set.
type searchMode int

const (
	searchExact   searchMode = iota // every word of the query
	searchFuzzy                     // most of the query's words
	searchTrigram                   // trigram similarity
)

func (c SearchCursor) mode() searchMode {
	switch {
	case c.Trigram:
		return searchTrigram
	case c.Fuzzy:
		return searchFuzzy
	}
	return searchExact
}

// Cursor is the position after h, for the page that follows it.
func (h Hit) Cursor() SearchCursor {
	return SearchCursor{Score: h.Score, ID: h.Claim.ID, Fuzzy: h.Fuzzy, Trigram: h.mode == searchTrigram}
}

// fuzzy runs fuzzySQL: with the claims holding most of the query's words
// first (mode searchFuzzy); when there are none on a first page, with the
// trigram index. It returns the mode it answered in.
func (s *Store) fuzzy(ctx context.Context, text string, mode searchMode, joins, where, after string, args map[string]any) ([]scoredID, searchMode, error) {
	var ids []scoredID
	if mode == searchFuzzy {
		var lexemes []string
		err := s.db.WithContext(ctx).Raw(`SELECT unnest(tsvector_to_array(to_tsvector('english', ?)))`, text).Scan(&lexemes).Error
		if err != nil {
			return nil, mode, err
		}
		if fq := fuzzyQuery(lexemes); fq != "" {
			args["fq"] = fq
			query := fmt.Sprintf(fuzzySQL, `ts_rank_cd(c.tsv, CAST(@fq AS tsquery), 32)`, joins, `c.tsv @@ CAST(@fq AS tsquery)`, where, after)
			if err := s.db.WithContext(ctx).Raw(query, args).Scan(&ids).Error; err != nil {
				return nil, mode, err
			}
		}
		// A query of stop words only (no lexemes) is not looked up by
		// trigrams: every claim is close to "the that is in".
		if len(ids) > 0 || args["after_id"] != nil || len(lexemes) == 0 {
			return ids, mode, nil
		}
		mode = searchTrigram
	}
	// The trigram scan reads the posting lists of the query's rarest
	// trigrams; the threshold bounds how many (see trigramThreshold).
	query := fmt.Sprintf(fuzzySQL, `word_similarity(@q, c.content_text)`, joins, `@q <% c.content_text`, where, after)
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(fmt.Sprintf(`SET LOCAL pg_trgm.word_similarity_threshold = %g`, trigramThreshold)).Error; err != nil {
			return err
		}
		return tx.Raw(query, args).Scan(&ids).Error
	})
	return ids, mode, err
}

// fuzzyQuery is a tsquery matching the claims that hold at least half of
// the lexemes (at most fuzzyWords, the first), or "" when there are fewer
// than two: the OR of every choice of that many. GIN answers it from the
// posting lists of the rarest few of the lexemes (any match must hold one
// of them), so a misspelt word, which has no posting list, costs nothing.
func fuzzyQuery(lexemes []string) string {
	lexemes = lexemes[:min(len(lexemes), fuzzyWords)]
	n := len(lexemes)
	if n < 2 {
		return ""
	}
	k := (n + 1) / 2
	var ors []string
	var pick func(from int, chosen []string)
	pick = func(from int, chosen []string) {
		if len(chosen) == k {
			ors = append(ors, "("+strings.Join(chosen, " & ")+")")
			return
		}
		for i := from; i <= n-(k-len(chosen)); i++ {
			pick(i+1, append(chosen, tsLexeme(lexemes[i])))
		}
	}
	pick(0, nil)
	return strings.Join(ors, " | ")
}

// tsLexeme quotes a lexeme for tsquery input.
func tsLexeme(l string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `''`).Replace(l) + "'"
}

// lookupSQL finds the claims most like a longer text: the text is cut into
// overlapping windows of words, each window's words must all occur in a
// claim (the OR of the windows' AND-queries; windows of fewer than three
// lexemes after stop words are dropped, they match too much). The first
// lookupCandidates candidates are ranked by full-text rank, and the best
// @depth of those by 0.5 × that rank + 0.5 × how much of the claim appears
// in the text (word_similarity of the content to the text, whose cost grows
// with the text's length).
const lookupSQL = `
WITH p AS MATERIALIZED (
    SELECT (SELECT string_agg('(' || t::text || ')', ' | ')
            FROM (SELECT plainto_tsquery('english', w) AS t FROM unnest(string_to_array(CAST(@windows AS text), chr(10))) AS w) x
            WHERE numnode(t) >= 5)::tsquery AS tsq
),
cand AS MATERIALIZED (
    SELECT c.id, ts_rank_cd(c.tsv, p.tsq, 32) AS r FROM claims c, p WHERE c.tsv @@ p.tsq LIMIT @cap
),
best AS (
    SELECT id, r FROM cand ORDER BY r DESC, id DESC LIMIT @depth
)
SELECT c.id,
       round((0.5 * b.r + 0.5 * word_similarity(c.content_text, @text))::numeric, 6)::float8 AS score
FROM best b JOIN claims c ON c.id = b.id
ORDER BY score DESC, c.id DESC
LIMIT @limit`

// Lookup bounds: a text longer than maxLookupRunes is refused by the API;
// lookupWindow words make a window, windows start every lookupStride words.
const (
	MaxLookupRunes   = 20000
	lookupWindow     = 6
	lookupStride     = 2
	lookupCandidates = 300
	// lookupDepth is how many of the candidates best by full-text rank are
	// scored with word similarity, at least; a larger page scores more.
	lookupDepth = 30
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
		"windows": strings.Join(windows, "\n"), "text": text, "cap": lookupCandidates, "depth": max(lookupDepth, 3*limit), "limit": limit,
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
// all its words that are close to it in trigram similarity. Candidates are
// found through the full-text index by the claim's appearanceKeys rarest
// lexemes only (by the planner's statistics of the tsv column; lexemes too
// rare to be listed there first, longer before shorter), then checked
// against all of them: the index answers a many-word AND by decoding every
// word's posting list, a few milliseconds a claim, and a few rare words
// select nearly as well. The result is the same as matching every word.
const appearancesSQL = `
WITH st AS MATERIALIZED (
    SELECT coalesce(jsonb_object_agg(e.lex, e.freq), '{}') AS freq
    FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lex, freq)
    WHERE s.schemaname = current_schema() AND s.tablename = 'claims' AND s.attname = 'tsv' AND e.lex IS NOT NULL
)
SELECT c.id AS of_id, x.id AS claim_id, x.similarity, a.id AS article_id, a.title, a.url, o.name AS outlet, a.language, a.published_at
FROM claims c
CROSS JOIN st
CROSS JOIN LATERAL (
    SELECT (SELECT string_agg('''' || replace(replace(r.lex, '\', '\\'), '''', '''''') || '''', ' & ')
            FROM (SELECT u.lex FROM unnest(tsvector_to_array(c.tsv)) AS u(lex)
                  ORDER BY coalesce((st.freq ->> u.lex)::real, 0), length(u.lex) DESC, u.lex
                  LIMIT @keys) r)::tsquery AS rare
) k
CROSS JOIN LATERAL (
    SELECT y.id, y.article_id, similarity(y.content_text, c.content_text)::float8 AS similarity
    FROM (SELECT c2.id, c2.article_id, c2.content_text FROM claims c2
          WHERE c2.tsv @@ k.rare AND ts_match_vq(c2.tsv, plainto_tsquery('english', c.content_text)) AND c2.article_id <> c.article_id
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
	if err := db.Joins("Speaker").Where("claims.id IN ?", idList).Find(&cs).Error; err != nil {
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
	err := db.Raw(appearancesSQL, map[string]any{"ids": idList, "keys": appearanceKeys, "cap": 200, "per": maxAppearances, "min": appearanceMin}).Scan(&apps).Error
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
