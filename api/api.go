package api

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"

	"github.com/crosscheck-news/crosscheck/claims"
)

// Options configure the HTTP handler.
type Options struct {
	// Frontend serves every path outside /api/ and /healthz; nil serves 404s.
	Frontend http.Handler
	// MaxBodyBytes bounds request bodies. Default 12 MiB: an article's text
	// may be 5 MiB, which JSON escaping can more than double.
	MaxBodyBytes int64
	// Ping reports whether the database answers; nil uses db.
	Ping func(context.Context) error
	// Jobs queues URL fetches and reads their progress; nil answers 503 to
	// requests that need it.
	Jobs *claims.Queue

	// AllowAnonymousRead lets callers without credentials read (every GET a
	// researcher may). Off by default: a deployment shows nothing to
	// strangers unless it says so.
	AllowAnonymousRead bool
	// AllowAnonymousWrite lets callers without credentials do everything an
	// admin may, recorded with no actor in the audit trail. Only for tests
	// that are not about accounts, and for browser tests of a page that does
	// not sign in yet; serve allows it only on a loopback address.
	AllowAnonymousWrite bool
	// TokenRate bounds each API token's requests per second (a token bucket
	// holding TokenBurst), counted per process. Default 20 per second, burst 40.
	TokenRate  float64
	TokenBurst int
}

type server struct {
	db   *gorm.DB
	log  *slog.Logger
	opts Options
	spec func() map[string]any // the OpenAPI description, built once
	// limits holds each API token's bucket in this process's memory.
	limits *tokenLimits
}

// New returns Crosscheck's HTTP handler.
func New(db *gorm.DB, log *slog.Logger, opts Options) http.Handler {
	if opts.MaxBodyBytes == 0 {
		opts.MaxBodyBytes = 12 << 20
	}
	if opts.TokenRate == 0 {
		opts.TokenRate = 20
	}
	if opts.TokenBurst == 0 {
		opts.TokenBurst = 40
	}
	s := &server{db: db, log: log, opts: opts, limits: newTokenLimits(opts.TokenRate, opts.TokenBurst)}
	s.spec = sync.OnceValue(func() map[string]any { return describe(s.routes()) })
	if s.opts.Ping == nil {
		s.opts.Ping = func(ctx context.Context) error {
			sqlDB, err := db.DB()
			if err != nil {
				return err
			}
			return sqlDB.PingContext(ctx)
		}
	}
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.Use(s.requestID, s.recover, s.logRequests, securityHeaders)
	for _, rt := range s.routes() {
		r.Handle(rt.method, rt.path, s.authorize(rt), rt.handler)
	}
	r.GET("/api/v1/openapi.json", s.openAPI)
	r.NoMethod(func(c *gin.Context) {
		s.problem(c, &Problem{Status: http.StatusMethodNotAllowed, Detail: c.Request.Method + " is not allowed on " + c.Request.URL.Path})
	})
	r.NoRoute(func(c *gin.Context) {
		p := c.Request.URL.Path
		if strings.HasPrefix(p, "/api/") || s.opts.Frontend == nil {
			s.problem(c, &Problem{Status: http.StatusNotFound, Detail: "no such resource: " + p})
			return
		}
		if c.Request.Method != http.MethodGet && c.Request.Method != http.MethodHead {
			s.problem(c, &Problem{Status: http.StatusMethodNotAllowed, Detail: c.Request.Method + " is not allowed on " + p})
			return
		}
		s.opts.Frontend.ServeHTTP(c.Writer, c.Request)
	})
	return r
}

// route is one entry of the route table: what it serves and how it is
// documented in the OpenAPI description.
type route struct {
	method  string
	path    string // gin syntax: /api/v1/claims/:id
	summary string
	handler gin.HandlerFunc
	params  []param
	body    any // request body example type, nil for none
	resp    any // response body type
	// files lists the media types of a route that answers with a file
	// rather than JSON (exports); resp is then unused.
	files  []string
	status int // success status
	errors []int
	// role is the least role that may call the route. Left empty, GET
	// routes need a researcher and every other method an admin, so a route
	// added without thought is closed rather than open.
	role Role
	// public routes need no one: health, signing in.
	public bool
}

type param struct {
	name, in, desc string
	typ            string // "string", "integer"
	required       bool
}

// routes lists every route of the API.
func (s *server) routes() []route {
	paging := []param{
		{name: "page_size", in: "query", typ: "integer", desc: "items per page, 1 to 500 (default 50)"},
		{name: "page_token", in: "query", typ: "string", desc: "next_page_token of the previous page"},
	}
	id := param{name: "id", in: "path", typ: "integer", required: true, desc: "the id"}
	rs := []route{
		{method: "GET", path: "/healthz", summary: "Health: 200 when the database answers, 503 when it does not",
			handler: s.health, resp: health{}, status: 200, errors: []int{503}, public: true},
		{method: "GET", path: "/api/v1/articles", summary: "List articles, newest first",
			handler: s.listArticles, params: paging, resp: articlePage{}, status: 200, errors: []int{400}},
		{method: "POST", path: "/api/v1/articles", summary: "Ingest an article: store its text and every claim extracted from it, in one transaction. The same text again returns the stored article (200).",
			handler: s.createArticle, body: articleRequest{}, resp: articleWithClaims{}, status: 201, errors: []int{400, 413, 415, 422}, role: RoleReviewer},
		{method: "GET", path: "/api/v1/articles/:id", summary: "An article with its text and claims",
			handler: s.getArticle, params: []param{id}, resp: articleWithClaims{}, status: 200, errors: []int{400, 404}},
		{method: "GET", path: "/api/v1/claims", summary: "List claims, filtered",
			handler: s.listClaims, params: append([]param{
				{name: "article", in: "query", typ: "integer", desc: "only claims of this article"},
				{name: "speaker", in: "query", typ: "integer", desc: "only claims of this speaker"},
				{name: "kind", in: "query", typ: "string", desc: "direct, indirect, mixed, assertion, caption or headline"},
				{name: "q", in: "query", typ: "string", desc: "full-text search over the claim's content"},
			}, paging...), resp: claimPage{}, status: 200, errors: []int{400}},
		{method: "GET", path: "/api/v1/claims/:id", summary: "One claim",
			handler: s.getClaim, params: []param{id}, resp: claimDoc{}, status: 200, errors: []int{400, 404}},
	}
	rs = append(rs, s.reviewRoutes()...)
	rs = append(rs, s.evidenceRoutes()...)
	rs = append(rs, s.jobRoutes()...)
	rs = append(rs, s.outletRoutes()...)
	rs = append(append(rs, s.exportRoutes()...), s.lookupRoutes()...)
	rs = append(append(append(rs, s.sessionRoutes()...), s.tokenRoutes()...), s.accountRoutes()...)
	return rs
}
