package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/sources"
)

type health struct {
	Status string `json:"status"`
}

func (s *server) health(c *gin.Context) {
	if err := s.opts.Ping(c.Request.Context()); err != nil {
		s.log.WarnContext(c.Request.Context(), "health check: database does not answer", "err", err)
		s.problem(c, &Problem{Status: http.StatusServiceUnavailable, Detail: "the database does not answer"})
		return
	}
	c.JSON(http.StatusOK, health{Status: "ok"})
}

// articleDoc is an article as listed: without its text.
type articleDoc struct {
	sources.Article
	ClaimCount int `json:"claim_count"`
}

type articleWithClaims struct {
	articleDoc
	Claims []claimDoc `json:"claims"`
}

// claimDoc is a claim as it leaves the API.
type claimDoc = claims.ClaimJSON

type articlePage struct {
	Items         []articleDoc `json:"items"`
	NextPageToken string       `json:"next_page_token"`
}

type articleRequest struct {
	Text        string `json:"text" doc:"the article's text, exactly as it should be kept"`
	Title       string `json:"title"`
	Outlet      string `json:"outlet" doc:"outlet name; when empty, found from the URL's domain"`
	URL         string `json:"url,omitempty"`
	Byline      string `json:"byline,omitempty"`
	PublishedAt string `json:"published_at,omitempty" doc:"RFC 3339 time or YYYY-MM-DD date"`
	Language    string `json:"language,omitempty" doc:"BCP 47 tag, default en"`
}

type articleCursor struct {
	T  time.Time `json:"t"`
	ID int64     `json:"i"`
}

func (s *server) listArticles(c *gin.Context) {
	ctx := c.Request.Context()
	limit, err := pageSize(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	var cur articleCursor
	var after *sources.Cursor
	if ok, err := decodeToken(c, &cur); err != nil {
		s.fail(c, err)
		return
	} else if ok {
		after = &sources.Cursor{IngestedAt: cur.T, ID: cur.ID}
	}
	list, err := sources.NewStore(s.db).List(ctx, after, limit+1)
	if err != nil {
		s.fail(c, err)
		return
	}
	page := articlePage{Items: []articleDoc{}}
	if len(list) > limit {
		last := list[limit-1]
		page.NextPageToken = encodeToken(articleCursor{T: last.IngestedAt, ID: last.ID})
		list = list[:limit]
	}
	ids := make([]int64, len(list))
	for i, a := range list {
		ids[i] = a.ID
	}
	counts, err := claims.NewStore(s.db).CountByArticle(ctx, ids)
	if err != nil {
		s.fail(c, err)
		return
	}
	for _, a := range list {
		page.Items = append(page.Items, articleDoc{Article: a, ClaimCount: counts[a.ID]})
	}
	c.JSON(http.StatusOK, page)
}

func (s *server) getArticle(c *gin.Context) {
	ctx := c.Request.Context()
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	a, err := sources.NewStore(s.db).Get(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	cs, err := claims.NewStore(s.db).ByArticle(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, withClaims(a, cs))
}

func withClaims(a sources.Article, cs []claims.Claim) articleWithClaims {
	out := articleWithClaims{articleDoc: articleDoc{Article: a, ClaimCount: len(cs)}, Claims: make([]claimDoc, len(cs))}
	for i, c := range cs {
		out.Claims[i] = c.JSONShape()
	}
	return out
}

func (s *server) createArticle(c *gin.Context) {
	var req articleRequest
	if err := s.decode(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	if strings.TrimSpace(req.Text) == "" && strings.TrimSpace(req.URL) != "" {
		s.queueFetch(c, req) // no text: fetch the page (202 and a job to poll)
		return
	}
	sub := sources.Submission{
		Text: req.Text, Title: req.Title, Outlet: req.Outlet, URL: req.URL,
		Byline: req.Byline, Language: req.Language,
	}
	if req.PublishedAt != "" {
		t, err := parseTime(req.PublishedAt)
		if err != nil {
			s.fail(c, &Problem{Status: http.StatusUnprocessableEntity, Detail: "published_at must be an RFC 3339 time or a YYYY-MM-DD date",
				Errors: []sources.FieldError{{Field: "published_at", Message: "must be an RFC 3339 time or a YYYY-MM-DD date"}}})
			return
		}
		sub.PublishedAt = &t
	}
	res, err := claims.Ingest(c.Request.Context(), s.db, sub)
	if err != nil {
		s.fail(c, err)
		return
	}
	status := http.StatusOK
	if res.Created {
		status = http.StatusCreated
		c.Header("Location", "/api/v1/articles/"+itoa(res.Article.ID))
	}
	c.JSON(status, withClaims(res.Article, res.Claims))
}

// parseTime accepts an RFC 3339 time or a bare date (taken as UTC midnight).
func parseTime(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.UTC(), nil
	}
	return time.Parse(time.DateOnly, v)
}
