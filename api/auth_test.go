package api_test

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/api"
	"github.com/crosscheck-news/crosscheck/migrations"
	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
)

// authServer is a server with accounts on, as serve runs it.
type authServer struct {
	*httptest.Server
	db *migrations.DB
	t  *testing.T
}

func newAuthServer(t *testing.T, opts api.Options) *authServer {
	t.Helper()
	db := pgtest.New(t)
	opts.Ping = db.Ping
	srv := httptest.NewServer(api.New(db.Gorm, slog.New(slog.NewTextHandler(t.Output(), nil)), opts))
	t.Cleanup(srv.Close)
	return &authServer{Server: srv, db: db, t: t}
}

const testPassword = "correct horse battery"

func (s *authServer) addUser(email string, role api.Role) api.User {
	s.t.Helper()
	u, err := api.NewAccounts(s.db.Gorm).AddUser(context.Background(), api.NewUser{Email: email, Name: email, Role: role, Password: testPassword}, nil)
	if err != nil {
		s.t.Fatal(err)
	}
	return u
}

// cred is how a test request authenticates: a session cookie with its CSRF
// token, a bearer token, or nothing.
type cred struct {
	cookie *http.Cookie
	csrf   string
	bearer string
}

type reply struct {
	status int
	header http.Header
	body   []byte
}

func (r reply) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decoding %q: %v", r.body, err)
	}
}

func (s *authServer) call(c cred, method, path, body string, header ...string) reply {
	s.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, s.URL+path, rd)
	if err != nil {
		s.t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.cookie != nil {
		req.AddCookie(c.cookie)
	}
	if c.csrf != "" {
		req.Header.Set("X-CSRF-Token", c.csrf)
	}
	if c.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+c.bearer)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return reply{status: resp.StatusCode, header: resp.Header, body: b}
}

func (s *authServer) signIn(email string) cred {
	s.t.Helper()
	r := s.call(cred{}, "POST", "/api/v1/session", fmt.Sprintf(`{"email":%q,"password":%q}`, email, testPassword))
	if r.status != 200 {
		s.t.Fatalf("sign in %s: %d %s", email, r.status, r.body)
	}
	var doc struct {
		CSRFToken string `json:"csrf_token"`
	}
	r.json(s.t, &doc)
	for _, ck := range (&http.Response{Header: r.header}).Cookies() {
		if ck.Name == "crosscheck_session" {
			return cred{cookie: ck, csrf: doc.CSRFToken}
		}
	}
	s.t.Fatalf("no session cookie: %v", r.header)
	return cred{}
}

func (s *authServer) token(admin cred, scope string) string {
	s.t.Helper()
	r := s.call(admin, "POST", "/api/v1/tokens", `{"name":"test `+scope+`","scope":"`+scope+`"}`)
	if r.status != 201 {
		s.t.Fatalf("token: %d %s", r.status, r.body)
	}
	var tok struct{ Token string }
	r.json(s.t, &tok)
	return tok.Token
}

func articleBody(title string) string {
	b, _ := json.Marshal(map[string]string{
		"title": title, "outlet": "Sample Wire",
		"text": title + `. "The bridge will reopen on Monday," said Mayor Jane Doe. Officials said the repairs cost less than planned.`,
	})
	return string(b)
}

func TestSessionSignInCSRFAndAudit(t *testing.T) {
	s := newAuthServer(t, api.Options{})
	u := s.addUser("rita@example.org", api.RoleReviewer)

	if r := s.call(cred{}, "POST", "/api/v1/session", `{"email":"rita@example.org","password":"wrong password"}`); r.status != 401 {
		t.Fatalf("wrong password: %d", r.status)
	}
	if r := s.call(cred{}, "POST", "/api/v1/session", `{"email":"nobody@example.org","password":"wrong password"}`); r.status != 401 {
		t.Fatalf("unknown email: %d", r.status)
	}
	// A form post from another site (text/plain) cannot sign a browser in.
	if r := s.call(cred{}, "POST", "/api/v1/session", "", "Content-Type", "text/plain"); r.status != 415 {
		t.Fatalf("text/plain sign-in: %d", r.status)
	}
	me := s.signIn("RITA@example.org ")
	if !me.cookie.HttpOnly || me.cookie.SameSite != http.SameSiteLaxMode || me.cookie.Secure {
		t.Errorf("cookie over plain HTTP: %+v", me.cookie)
	}
	r := s.call(cred{}, "POST", "/api/v1/session", `{"email":"rita@example.org","password":"`+testPassword+`"}`, "X-Forwarded-Proto", "https")
	if !strings.Contains(r.header.Get("Set-Cookie"), "Secure") {
		t.Errorf("behind a TLS proxy the cookie must be Secure: %s", r.header.Get("Set-Cookie"))
	}
	var who struct {
		User struct {
			ID   int64
			Role string
		}
		CSRFToken string `json:"csrf_token"`
	}
	r = s.call(me, "GET", "/api/v1/session", "")
	r.json(t, &who)
	if r.status != 200 || who.User.ID != u.ID || who.User.Role != "reviewer" || who.CSRFToken != me.csrf {
		t.Fatalf("who am I: %d %s", r.status, r.body)
	}

	// A write with the cookie but without the CSRF token is refused.
	if r := s.call(cred{cookie: me.cookie}, "POST", "/api/v1/articles", articleBody("Bridge to reopen")); r.status != 403 {
		t.Fatalf("write without CSRF token: %d %s", r.status, r.body)
	}
	if r := s.call(cred{cookie: me.cookie, csrf: "forged"}, "POST", "/api/v1/articles", articleBody("Bridge to reopen")); r.status != 403 {
		t.Fatalf("write with a wrong CSRF token: %d", r.status)
	}
	r = s.call(me, "POST", "/api/v1/articles", articleBody("Bridge to reopen"))
	if r.status != 201 {
		t.Fatalf("ingest as a reviewer: %d %s", r.status, r.body)
	}
	var a struct {
		Claims []struct{ ID int64 }
	}
	r.json(t, &a)
	if len(a.Claims) == 0 {
		t.Fatal("no claims")
	}
	// The audit trail names the reviewer.
	id := a.Claims[0].ID
	if r := s.call(me, "PATCH", fmt.Sprintf("/api/v1/claims/%d", id), `{"version":1,"status":"confirmed"}`); r.status != 200 {
		t.Fatalf("confirm: %d %s", r.status, r.body)
	}
	var actor int64
	if err := s.db.SQL.QueryRow(`SELECT actor_id FROM audit_log WHERE entity = 'claim' AND entity_id = $1 AND action <> 'ingest' ORDER BY id DESC LIMIT 1`, id).Scan(&actor); err != nil || actor != u.ID {
		t.Fatalf("audit actor %d, want %d (%v)", actor, u.ID, err)
	}
	var h struct {
		Items []struct {
			ActorID   *int64 `json:"actor_id"`
			ActorName string `json:"actor_name"`
		}
	}
	s.call(me, "GET", fmt.Sprintf("/api/v1/claims/%d/history", id), "").json(t, &h)
	if n := len(h.Items); n == 0 || h.Items[n-1].ActorID == nil || *h.Items[n-1].ActorID != u.ID || h.Items[n-1].ActorName != "rita@example.org" {
		t.Fatalf("history does not name the reviewer: %+v", h.Items)
	}
	// A reviewer is not an admin.
	if r := s.call(me, "POST", "/api/v1/outlets", `{"name":"New Outlet"}`); r.status != 403 {
		t.Fatalf("reviewer adds an outlet: %d", r.status)
	}

	// Sign out ends the session for every server process: the row is gone.
	if r := s.call(me, "DELETE", "/api/v1/session", ""); r.status != 204 {
		t.Fatalf("sign out: %d %s", r.status, r.body)
	}
	if r := s.call(me, "GET", "/api/v1/session", ""); r.status != 401 {
		t.Fatalf("after sign out: %d", r.status)
	}
	if r := s.call(me, "GET", "/api/v1/claims", ""); r.status != 401 {
		t.Fatalf("read after sign out: %d", r.status)
	}
	var n int
	s.db.SQL.QueryRow(`SELECT count(*) FROM sessions WHERE user_id = $1`, u.ID).Scan(&n)
	if n != 1 { // the second sign-in above is still live
		t.Fatalf("%d sessions left", n)
	}
}

func TestSessionSharedByServers(t *testing.T) {
	s := newAuthServer(t, api.Options{})
	s.addUser("ann@example.org", api.RoleResearcher)
	me := s.signIn("ann@example.org")
	// A second process on the same database knows the session.
	other := httptest.NewServer(api.New(s.db.Gorm, slog.New(slog.DiscardHandler), api.Options{Ping: s.db.Ping}))
	defer other.Close()
	s2 := &authServer{Server: other, db: s.db, t: t}
	if r := s2.call(me, "GET", "/api/v1/claims", ""); r.status != 200 {
		t.Fatalf("the other server: %d %s", r.status, r.body)
	}
}

func TestSignInThrottle(t *testing.T) {
	s := newAuthServer(t, api.Options{})
	s.addUser("tom@example.org", api.RoleAdmin)
	bad := `{"email":"tom@example.org","password":"not the password"}`
	for i := 0; i < 5; i++ {
		if r := s.call(cred{}, "POST", "/api/v1/session", bad); r.status != 401 {
			t.Fatalf("failure %d: %d", i+1, r.status)
		}
	}
	// Now even the right password waits, so guessing cannot go on.
	r := s.call(cred{}, "POST", "/api/v1/session", `{"email":"tom@example.org","password":"`+testPassword+`"}`)
	if r.status != 429 || r.header.Get("Retry-After") == "" {
		t.Fatalf("sixth attempt: %d Retry-After %q", r.status, r.header.Get("Retry-After"))
	}
	// Another account is not held up.
	s.addUser("una@example.org", api.RoleResearcher)
	s.signIn("una@example.org")
}

func TestTokens(t *testing.T) {
	s := newAuthServer(t, api.Options{})
	s.addUser("root@example.org", api.RoleAdmin)
	admin := s.signIn("root@example.org")
	read, write := s.token(admin, "read"), s.token(admin, "write")
	if !strings.HasPrefix(read, "cct_") {
		t.Fatalf("token %q", read)
	}
	// Only the hash is stored.
	h := sha256.Sum256([]byte(read))
	var n int
	s.db.SQL.QueryRow(`SELECT count(*) FROM api_tokens WHERE token_hash = $1`, h[:]).Scan(&n)
	if n != 1 {
		t.Fatal("the token's SHA-256 is not stored")
	}
	r := s.call(admin, "GET", "/api/v1/tokens", "")
	if r.status != 200 || strings.Contains(string(r.body), read) || strings.Contains(string(r.body), "hash") {
		t.Fatalf("token list: %d %s", r.status, r.body)
	}

	if r := s.call(cred{bearer: read}, "GET", "/api/v1/claims", ""); r.status != 200 {
		t.Fatalf("read token reads: %d", r.status)
	}
	if r := s.call(cred{bearer: read}, "POST", "/api/v1/articles", articleBody("Read token")); r.status != 403 {
		t.Fatalf("read token writes: %d", r.status)
	}
	// Bearer tokens need no CSRF token.
	if r := s.call(cred{bearer: write}, "POST", "/api/v1/articles", articleBody("Write token")); r.status != 201 {
		t.Fatalf("write token ingests: %d %s", r.status, r.body)
	}
	// A token never administers, whoever made it.
	if r := s.call(cred{bearer: write}, "POST", "/api/v1/tokens", `{"name":"x","scope":"write"}`); r.status != 403 {
		t.Fatalf("token makes a token: %d", r.status)
	}
	for _, h := range []string{"Bearer cct_nope", "Basic dXNlcjpwYXNz", "Bearer", "Bearer a b"} {
		r := s.call(cred{}, "GET", "/api/v1/claims", "", "Authorization", h)
		if r.status != 401 {
			t.Errorf("Authorization %q: %d", h, r.status)
		}
	}
	// Revoked, it stops at once.
	var list struct{ Items []struct{ ID int64 } }
	s.call(admin, "GET", "/api/v1/tokens", "").json(t, &list)
	for _, it := range list.Items {
		if r := s.call(admin, "DELETE", fmt.Sprintf("/api/v1/tokens/%d", it.ID), ""); r.status != 200 {
			t.Fatalf("revoke: %d %s", r.status, r.body)
		}
	}
	if r := s.call(cred{bearer: read}, "GET", "/api/v1/claims", ""); r.status != 401 {
		t.Fatalf("revoked token: %d", r.status)
	}
}

func TestTokenRateLimit(t *testing.T) {
	s := newAuthServer(t, api.Options{TokenRate: 0.5, TokenBurst: 3})
	s.addUser("root@example.org", api.RoleAdmin)
	tok := s.token(s.signIn("root@example.org"), "read")
	for i := 0; i < 3; i++ {
		if r := s.call(cred{bearer: tok}, "GET", "/api/v1/claims", ""); r.status != 200 {
			t.Fatalf("request %d: %d", i+1, r.status)
		}
	}
	r := s.call(cred{bearer: tok}, "GET", "/api/v1/claims", "")
	if r.status != 429 || r.header.Get("Retry-After") != "2" {
		t.Fatalf("over the limit: %d Retry-After %q", r.status, r.header.Get("Retry-After"))
	}
}

func TestAnonymousRead(t *testing.T) {
	closed := newAuthServer(t, api.Options{})
	if r := closed.call(cred{}, "GET", "/api/v1/claims", ""); r.status != 401 || r.header.Get("WWW-Authenticate") == "" {
		t.Fatalf("anonymous read by default: %d", r.status)
	}
	if r := closed.call(cred{}, "GET", "/healthz", ""); r.status != 200 {
		t.Fatalf("healthz: %d", r.status)
	}
	if r := closed.call(cred{}, "GET", "/api/v1/openapi.json", ""); r.status != 200 {
		t.Fatalf("openapi: %d", r.status)
	}
	open := newAuthServer(t, api.Options{AllowAnonymousRead: true})
	if r := open.call(cred{}, "GET", "/api/v1/claims", ""); r.status != 200 {
		t.Fatalf("anonymous read when allowed: %d", r.status)
	}
	if r := open.call(cred{}, "POST", "/api/v1/articles", articleBody("Anonymous")); r.status != 401 {
		t.Fatalf("anonymous write: %d", r.status)
	}
}

func TestUsers(t *testing.T) {
	s := newAuthServer(t, api.Options{})
	root := s.addUser("root@example.org", api.RoleAdmin)
	admin := s.signIn("root@example.org")
	r := s.call(admin, "POST", "/api/v1/users", `{"email":"Rev@Example.org","name":"Rev","role":"reviewer","password":"`+testPassword+`"}`)
	if r.status != 201 || strings.Contains(string(r.body), "argon2") {
		t.Fatalf("add user: %d %s", r.status, r.body)
	}
	if r := s.call(admin, "POST", "/api/v1/users", `{"email":"rev@example.org","name":"Rev","role":"reviewer","password":"`+testPassword+`"}`); r.status != 409 {
		t.Fatalf("same email again: %d", r.status)
	}
	if r := s.call(admin, "POST", "/api/v1/users", `{"email":"x@example.org","role":"boss","password":"`+testPassword+`"}`); r.status != 422 {
		t.Fatalf("bad role: %d", r.status)
	}
	if r := s.call(admin, "POST", "/api/v1/users", `{"email":"x@example.org","role":"reviewer","password":"short"}`); r.status != 422 {
		t.Fatalf("short password: %d", r.status)
	}
	rev := s.signIn("rev@example.org")
	if r := s.call(rev, "GET", "/api/v1/users", ""); r.status != 403 {
		t.Fatalf("reviewer lists users: %d", r.status)
	}
	// The last admin cannot step down.
	if r := s.call(admin, "PATCH", fmt.Sprintf("/api/v1/users/%d", root.ID), `{"role":"reviewer","version":1}`); r.status != 409 {
		t.Fatalf("last admin steps down: %d %s", r.status, r.body)
	}
	// Lowering a role signs the user out.
	var u struct{ ID int64 }
	r.json(t, &u)
	if r := s.call(admin, "PATCH", fmt.Sprintf("/api/v1/users/%d", u.ID), `{"role":"researcher"}`); r.status != 428 {
		t.Fatalf("change naming no version: %d %s", r.status, r.body)
	}
	if r := s.call(admin, "PATCH", fmt.Sprintf("/api/v1/users/%d", u.ID), `{"role":"researcher","version":1}`); r.status != 200 {
		t.Fatalf("demote: %d %s", r.status, r.body)
	}
	// Two admins changed the same user: the second, who saw version 1, is
	// refused with the user as it is now.
	if r := s.call(admin, "PATCH", fmt.Sprintf("/api/v1/users/%d", u.ID), `{"name":"Rev","version":1}`); r.status != 409 || !strings.Contains(string(r.body), `"role":"researcher"`) {
		t.Fatalf("stale change: %d %s", r.status, r.body)
	}
	if r := s.call(rev, "GET", "/api/v1/claims", ""); r.status != 401 {
		t.Fatalf("demoted user's old session: %d", r.status)
	}
	var audited int
	s.db.SQL.QueryRow(`SELECT count(*) FROM audit_log WHERE entity = 'user' AND actor_id = $1 AND after::text NOT LIKE '%argon2%'`, root.ID).Scan(&audited)
	if audited != 2 {
		t.Fatalf("%d audit rows for user changes, want 2", audited)
	}
}
