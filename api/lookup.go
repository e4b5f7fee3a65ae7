package api

import (
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/crosscheck-news/crosscheck/claims"
)

// lookupRoutes are the claim lookup API for programs, in the spirit of
// Google Fact Check Tools' claims:search, with a relevance score. The colon
// is escaped because gin takes ':' for the start of a path parameter.
func (s *server) lookupRoutes() []route {
	return []route{
		{method: "GET", path: `/api/v1/claims\:search`, summary: "Search claims by text, best first, with a relevance score (0 to 1: full-text rank and trigram similarity; when no claim has all the words, the claims closest in trigrams, marked fuzzy), speaker, outlet, other reports carrying the same statement (appearances) and evidence links with stance",
			handler: s.searchClaims, params: []param{
				{name: "query", in: "query", typ: "string", desc: "words to find (web-search syntax: \"quoted phrase\", -excluded); may be empty when speaker or outlet is given"},
				{name: "speaker", in: "query", typ: "string", desc: "only claims of this speaker: its id or part of its name"},
				{name: "outlet", in: "query", typ: "string", desc: "only claims of this outlet: its id, name or web domain"},
				{name: "language", in: "query", typ: "string", desc: "only articles in this language (BCP 47; en matches en-GB)"},
				{name: "max_age_days", in: "query", typ: "integer", desc: "only articles published (or, without a date, ingested) in the last this many days"},
				{name: "page_size", in: "query", typ: "integer", desc: "claims per page, 1 to 100 (default 10)"},
				{name: "page_token", in: "query", typ: "string", desc: "next_page_token of the previous page"},
			}, resp: searchPage{}, status: 200, errors: []int{400}},
		{method: "POST", path: `/api/v1/claims\:lookup`, summary: "Find the claims most like a longer text (a paragraph or an article): claims whose words it contains, ranked by full-text rank and by how much of each claim appears in the text",
			handler: s.lookupClaims, role: RoleResearcher, body: lookupRequest{}, resp: searchPage{}, status: 200, errors: []int{400, 413, 415}},
	}
}

// searchHit is one found claim.
type searchHit struct {
	Claim       claimDoc              `json:"claim"`
	Score       float64               `json:"score" doc:"relevance, 0 to 1"`
	Fuzzy       bool                  `json:"fuzzy" doc:"true when no claim had all the query's words and these are the closest in trigrams"`
	Article     claims.ArticleRef     `json:"article"`
	Review      hitReview             `json:"review"`
	Appearances []claims.Appearance   `json:"appearances" doc:"other reports carrying the same or a similar statement"`
	Evidence    []claims.EvidenceLink `json:"evidence"`
}

type hitReview struct {
	Status claims.Status `json:"status" doc:"unreviewed, confirmed, edited or rejected"`
}

type searchPage struct {
	Items         []searchHit `json:"items"`
	NextPageToken string      `json:"next_page_token"`
}

type lookupRequest struct {
	Text     string `json:"text" doc:"the text to find claims like, up to 20,000 characters"`
	PageSize int    `json:"page_size,omitempty" doc:"claims to return, 1 to 100 (default 10)"`
}

const (
	defaultSearchSize = 10
	maxSearchSize     = 100
)

func (s *server) searchClaims(c *gin.Context) {
	q, err := searchQuery(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	hits, more, err := claims.NewStore(s.db).SearchPage(c.Request.Context(), q)
	if err != nil {
		s.fail(c, err)
		return
	}
	page := searchPage{Items: make([]searchHit, 0, len(hits))}
	if more && len(hits) > 0 {
		page.NextPageToken = encodeToken(hits[len(hits)-1].Cursor())
	}
	for _, h := range hits {
		page.Items = append(page.Items, hitDoc(h))
	}
	c.JSON(http.StatusOK, page)
}

func searchQuery(c *gin.Context) (claims.SearchQuery, error) {
	q := claims.SearchQuery{Text: strings.TrimSpace(c.Query("query")), Language: strings.TrimSpace(c.Query("language"))}
	if !utf8.ValidString(q.Text) || utf8.RuneCountInString(q.Text) > maxQueryRunes {
		return q, badRequest("query must be valid UTF-8 of at most 500 characters; send longer texts to POST /api/v1/claims:lookup")
	}
	if err := idOrName(c, "speaker", &q.SpeakerID, &q.Speaker); err != nil {
		return q, err
	}
	if err := idOrName(c, "outlet", &q.OutletID, &q.Outlet); err != nil {
		return q, err
	}
	if q.Text == "" && q.Speaker == "" && q.SpeakerID == 0 && q.Outlet == "" && q.OutletID == 0 {
		return q, badRequest("give a query, a speaker or an outlet")
	}
	if len(q.Language) > 35 || strings.ContainsAny(q.Language, " \t\n%_") {
		return q, badRequest("language must be a BCP 47 language tag such as en or en-GB")
	}
	if v := c.Query("max_age_days"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100*365 {
			return q, badRequest("max_age_days must be a whole number from 1 to 36500")
		}
		q.MaxAge = time.Duration(n) * 24 * time.Hour
	}
	var err error
	if q.Limit, err = searchSize(c.Query("page_size")); err != nil {
		return q, err
	}
	var cur claims.SearchCursor
	if ok, err := decodeToken(c, &cur); err != nil {
		return q, err
	} else if ok {
		q.After = &cur
	}
	return q, nil
}

func searchSize(v string) (int, error) {
	if v == "" {
		return defaultSearchSize, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxSearchSize {
		return 0, badRequest("page_size must be a whole number from 1 to " + strconv.Itoa(maxSearchSize))
	}
	return n, nil
}

func (s *server) lookupClaims(c *gin.Context) {
	var req lookupRequest
	if err := s.decode(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	switch n := utf8.RuneCountInString(req.Text); {
	case strings.TrimSpace(req.Text) == "":
		s.fail(c, badRequest("text is required"))
		return
	case n > claims.MaxLookupRunes:
		s.fail(c, badRequest("text is "+strconv.Itoa(n)+" characters; the limit is "+strconv.Itoa(claims.MaxLookupRunes)))
		return
	}
	if req.PageSize == 0 {
		req.PageSize = defaultSearchSize
	}
	if req.PageSize < 1 || req.PageSize > maxSearchSize {
		s.fail(c, badRequest("page_size must be a whole number from 1 to "+strconv.Itoa(maxSearchSize)))
		return
	}
	hits, err := claims.NewStore(s.db).Lookup(c.Request.Context(), req.Text, req.PageSize)
	if err != nil {
		s.fail(c, err)
		return
	}
	page := searchPage{Items: make([]searchHit, 0, len(hits))}
	for _, h := range hits {
		page.Items = append(page.Items, hitDoc(h))
	}
	c.JSON(http.StatusOK, page)
}

func hitDoc(h claims.Hit) searchHit {
	return searchHit{Claim: h.Claim.JSONShape(), Score: h.Score, Fuzzy: h.Fuzzy, Article: h.Article, Review: hitReview{Status: h.Claim.Status},
		Appearances: h.Appearances, Evidence: h.Evidence}
}

// lookupExamples are the examples of the lookup operations in the OpenAPI
// description, keyed as routeExamples is. The response examples are built by
// hitDoc from a claims.Hit, as the handlers build theirs.
func lookupExamples() map[string]routeExample {
	published := time.Date(2024, 2, 12, 9, 30, 0, 0, time.UTC)
	other := time.Date(2024, 2, 13, 7, 0, 0, 0, time.UTC)
	created := time.Date(2024, 2, 12, 10, 2, 11, 0, time.UTC)
	speaker := int64(7)
	mentionStart, mentionEnd, cueStart, cueEnd := 221, 232, 216, 220
	content := "The cables are older than anyone expected, and we cannot wait another winter"
	hit := claims.Hit{
		Claim: claims.Claim{ID: 42, ArticleID: 3, Kind: claims.Direct, ContentStart: 137, ContentEnd: 213, ContentText: content,
			SpeakerID: &speaker, Speaker: &claims.Speaker{ID: speaker, Name: "Marta Olsen", Role: "chief engineer", Organisation: "Kessington city", Kind: claims.Person, Aliases: claims.Aliases{"Olsen"}},
			MentionStart: &mentionStart, MentionEnd: &mentionEnd, MentionText: "Marta Olsen", CueStart: &cueStart, CueEnd: &cueEnd, CueText: "said",
			Confidence: 0.92, ExtractorVersion: "quotes-3", Status: claims.Confirmed, Version: 2, CreatedAt: created, UpdatedAt: created.Add(26 * time.Hour)},
		Score:   0.912345,
		Article: claims.ArticleRef{ID: 3, Title: "Harbour bridge to close for repairs", URL: "https://samplewire.example/bridge", Outlet: "Sample Wire", Language: "en", PublishedAt: &published},
		Appearances: []claims.Appearance{{ClaimID: 57, Similarity: 1,
			Article: claims.ArticleRef{ID: 4, Title: "Traders fear bridge closure", URL: "https://dailysample.example/traders", Outlet: "Daily Sample", Language: "en", PublishedAt: &other}}},
		Evidence: []claims.EvidenceLink{{ID: 9, Stance: "corroborates", Passage: claims.Range{Start: 410, End: 472, Text: "An inspection in January found corrosion on most of the cables"},
			Note:    "the city's inspection report, quoted by Daily Sample",
			Article: claims.ArticleRef{ID: 4, Title: "Traders fear bridge closure", URL: "https://dailysample.example/traders", Outlet: "Daily Sample", Language: "en", PublishedAt: &other}}},
	}
	page := searchPage{Items: []searchHit{hitDoc(hit)}, NextPageToken: encodeToken(hit.Cursor())}
	fuzzy := hit
	fuzzy.Score, fuzzy.Fuzzy = 0.41, true
	fuzzyPage := searchPage{Items: []searchHit{hitDoc(fuzzy)}}
	return map[string]routeExample{
		`GET /api/v1/claims\:search`: {
			params:    map[string]any{"query": "cables older than expected", "outlet": "samplewire.example", "language": "en", "max_age_days": 365, "page_size": 1},
			responses: map[string]example{"found": {"Claims holding all the words, best first; next_page_token is there because more hits follow", page}, "misspelt": {"No claim has all the words of \"cabels oldr than expectd\": the closest, marked fuzzy", fuzzyPage}},
		},
		`POST /api/v1/claims\:lookup`: {
			requests:  map[string]example{"paragraph": {"A paragraph of another report", lookupRequest{Text: "Residents packed the town hall on Tuesday. The engineer repeated her warning: the cables are older than anyone expected, and the city cannot wait another winter.", PageSize: 5}}},
			responses: map[string]example{"found": {"The claims most like the text, best first (no paging)", searchPage{Items: page.Items}}},
		},
	}
}
