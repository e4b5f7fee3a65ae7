package api

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
)

// TestPermissions is the permissions matrix: every route of the route table
// against every kind of caller. It reads the table, so a route added later
// is covered without touching this test. Path ids name nothing (999999), so
// an allowed request ends in the handler's 400, 404 or 422 and changes
// nothing; what counts is whether the gate let it through.
func TestPermissions(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	a := NewAccounts(db.Gorm)
	users := map[Role]User{}
	for _, r := range []Role{RoleResearcher, RoleReviewer, RoleAdmin} {
		u, err := a.AddUser(ctx, NewUser{Email: string(r) + "@example.org", Role: r, Password: "a long enough password"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		users[r] = u
	}
	readTok, err := a.AddToken(ctx, "read", "read", users[RoleAdmin].ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	writeTok, err := a.AddToken(ctx, "write", "write", users[RoleAdmin].ID, nil)
	if err != nil {
		t.Fatal(err)
	}

	type caller struct {
		name string
		role Role // "" for no one
		// prepare sets the request's credentials; a fresh session each
		// time, since DELETE /api/v1/session ends the one it is sent with.
		prepare func(*http.Request)
		// wrong credentials: 401 even on public routes
		wrong bool
		// a session cookie without its CSRF token
		noCSRF bool
	}
	session := func(r Role, csrf bool) func(*http.Request) {
		return func(req *http.Request) {
			ns, err := startSession(ctx, db.Gorm, users[r])
			if err != nil {
				t.Fatal(err)
			}
			req.AddCookie(&http.Cookie{Name: sessionCookie, Value: ns.cookie})
			if csrf {
				req.Header.Set(csrfHeader, ns.csrf)
			}
		}
	}
	bearer := func(tok string) func(*http.Request) {
		return func(req *http.Request) { req.Header.Set("Authorization", "Bearer "+tok) }
	}
	callers := []caller{
		{name: "nobody", prepare: func(*http.Request) {}},
		{name: "wrong token", prepare: bearer("cct_not-a-token"), wrong: true},
		{name: "malformed Authorization", prepare: func(r *http.Request) { r.Header.Set("Authorization", "Token abc") }, wrong: true},
		{name: "researcher", role: RoleResearcher, prepare: session(RoleResearcher, true)},
		{name: "reviewer", role: RoleReviewer, prepare: session(RoleReviewer, true)},
		{name: "admin", role: RoleAdmin, prepare: session(RoleAdmin, true)},
		{name: "admin without CSRF token", role: RoleAdmin, prepare: session(RoleAdmin, false), noCSRF: true},
		{name: "read token", role: RoleResearcher, prepare: bearer(readTok.Secret)},
		{name: "write token", role: RoleReviewer, prepare: bearer(writeTok.Secret)},
	}

	// A queue that is never started: enough to read jobs (none).
	q, err := claims.NewQueue(db.Pool, db.Gorm, claims.QueueOptions{Workers: 1, TestOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, anonRead := range []bool{false, true} {
		s := &server{}
		srv := httptest.NewServer(New(db.Gorm, slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelError})),
			Options{Ping: db.Ping, Jobs: q, AllowAnonymousRead: anonRead, TokenRate: 1e6, TokenBurst: 1e6}))
		for _, rt := range s.routes() {
			need := rt.need()
			path := strings.NewReplacer(":id", "999999", ":claim_id", "999999", ":file", "nothing.csv", `\:`, ":").Replace(rt.path)
			for _, who := range callers {
				if anonRead && who.name != "nobody" {
					continue // the setting changes only what nobody may do
				}
				var body io.Reader
				if !safeMethod(rt.method) {
					body = strings.NewReader("{}")
				}
				req, _ := http.NewRequest(rt.method, srv.URL+path, body)
				if body != nil {
					req.Header.Set("Content-Type", "application/json")
				}
				who.prepare(req)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				got := resp.StatusCode

				want := "allowed"
				switch {
				case who.wrong:
					want = "401"
				case need == "" && who.role == "" && rt.method == "GET" && rt.path == "/api/v1/session":
					want = "401" // the handler's answer: nobody is signed in
				case need == "":
				case who.noCSRF && !safeMethod(rt.method):
					want = "403"
				case who.role == "" && anonRead && need == RoleResearcher:
				case who.role == "":
					want = "401"
				case !who.role.atLeast(need):
					want = "403"
				}
				ok := map[string]bool{
					"allowed": got != 401 && got != 403 && got != 429 && got < 500,
					"401":     got == 401,
					"403":     got == 403,
				}[want]
				if !ok {
					t.Errorf("anonymous read %v: %s %s as %s: %d, want %s (route needs %q)", anonRead, rt.method, rt.path, who.name, got, want, need)
				}
			}
		}
		srv.Close()
	}
}

// TestRouteRoles pins the roles the issue names, so a change to the table
// that loosens one fails here rather than in production.
func TestRouteRoles(t *testing.T) {
	want := map[string]Role{
		"GET /healthz":                      "",
		"POST /api/v1/session":              "",
		"GET /api/v1/claims":                RoleResearcher,
		"GET /api/v1/exports/:file":         RoleResearcher,
		`POST /api/v1/claims\:lookup`:       RoleResearcher,
		"POST /api/v1/articles":             RoleReviewer,
		"PATCH /api/v1/claims/:id":          RoleReviewer,
		"POST /api/v1/claims/:id/evidence":  RoleReviewer,
		"PATCH /api/v1/evidence/:id":        RoleReviewer,
		"POST /api/v1/articles/:id/claims":  RoleReviewer,
		"POST /api/v1/outlets":              RoleAdmin,
		"PATCH /api/v1/outlets/:id":         RoleAdmin,
		"POST /api/v1/users":                RoleAdmin,
		"GET /api/v1/users":                 RoleAdmin,
		"POST /api/v1/tokens":               RoleAdmin,
		"DELETE /api/v1/tokens/:id":         RoleAdmin,
		"GET /api/v1/tokens":                RoleAdmin,
		"PUT /api/v1/articles/:id/story":    RoleReviewer,
		"POST /api/v1/claims/:id/undo":      RoleReviewer,
		"POST /api/v1/claims/:id/split":     RoleReviewer,
		"POST /api/v1/claims/:id/merge":     RoleReviewer,
		"GET /api/v1/claims/:id/history":    RoleResearcher,
		"GET /api/v1/claims/:id/candidates": RoleResearcher,
		"DELETE /api/v1/session":            "",
		"GET /api/v1/session":               "",
		"POST /api/v1/stories/group":        RoleReviewer,
		"GET /api/v1/speakers/:id":          RoleResearcher,
		"GET /api/v1/review/next":           RoleResearcher,
		"GET /api/v1/articles/:id":          RoleResearcher,
		"PATCH /api/v1/users/:id":           RoleAdmin,
		"GET /api/v1/statements/:claim_id":  RoleResearcher,
		"GET /api/v1/stories/:id":           RoleResearcher,
		"GET /api/v1/jobs/:id":              RoleResearcher,
		"GET /api/v1/outlets/:id":           RoleResearcher,
		"GET /api/v1/claims/:id/evidence":   RoleResearcher,
		`GET /api/v1/claims\:search`:        RoleResearcher,
		"GET /api/v1/evidence/:id":          RoleResearcher,
		"GET /api/v1/speakers":              RoleResearcher,
		"GET /api/v1/stories":               RoleResearcher,
		"GET /api/v1/outlets":               RoleResearcher,
		"GET /api/v1/articles":              RoleResearcher,
		"GET /api/v1/claims/:id":            RoleResearcher,
		// Assignments: a reviewer hands out work; anyone who reads sees who has it.
		"PUT /api/v1/articles/:id/assignee":    RoleReviewer,
		"DELETE /api/v1/articles/:id/assignee": RoleReviewer,
		"GET /api/v1/assignments":              RoleResearcher,
		"GET /api/v1/assignees":                RoleReviewer,
	}
	seen := map[string]bool{}
	for _, rt := range (&server{}).routes() {
		k := rt.method + " " + rt.path
		seen[k] = true
		w, ok := want[k]
		if !ok {
			if !safeMethod(rt.method) && rt.role == "" && !rt.public {
				t.Logf("%s has no role: it defaults to admin", k)
			}
			continue
		}
		if got := rt.need(); got != w {
			t.Errorf("%s needs %q, want %q", k, got, w)
		}
	}
	for k := range want {
		if !seen[k] {
			t.Errorf("no route %s", k)
		}
	}
}
