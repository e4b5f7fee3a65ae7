package api

import (
	"crypto/subtle"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
)

// Who may call what is decided in one place, authorize, from the route
// table's role and public fields:
//
//   - public routes: anyone (health, signing in and out);
//   - other routes need a caller with at least the route's role, by default
//     a researcher for GET and an admin for anything else;
//   - without credentials a caller gets 401, with too little a role 403;
//   - a write made with a session cookie must carry the session's CSRF token
//     in X-CSRF-Token (403 without); bearer tokens are not sent by browsers
//     on their own, so they need none.

const callerKey = "caller"

// callerOf is the request's caller, nil for an anonymous one.
func callerOf(c *gin.Context) *caller {
	if v, ok := c.Get(callerKey); ok {
		return v.(*caller)
	}
	return nil
}

// need is the least role that may call the route, "" for public ones.
func (rt route) need() Role {
	switch {
	case rt.public:
		return ""
	case rt.role != "":
		return rt.role
	case rt.method == http.MethodGet || rt.method == http.MethodHead:
		return RoleResearcher
	}
	return RoleAdmin
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// authorize is the gate in front of every handler of the route table.
func (s *server) authorize(rt route) gin.HandlerFunc {
	need := rt.need()
	return func(c *gin.Context) {
		who, err := s.identify(c)
		if err != nil {
			s.fail(c, err)
			return
		}
		if who != nil && who.sessionID != 0 && !safeMethod(c.Request.Method) &&
			subtle.ConstantTimeCompare([]byte(c.GetHeader(csrfHeader)), []byte(who.csrf)) != 1 {
			// A cookie without its CSRF token may have come from another
			// site's form: it signs no write in. Public routes (signing in
			// again) go on as anonymous; others say what is missing.
			if need != "" {
				s.fail(c, &Problem{Status: http.StatusForbidden, Detail: "a write with the session cookie needs the session's CSRF token in the " + csrfHeader + " header"})
				return
			}
			who = nil
		}
		if who != nil {
			c.Set(callerKey, who)
			c.Set(userIDKey, who.ID)
		}
		switch {
		case need == "":
		case who == nil && s.opts.AllowAnonymousWrite:
		case who == nil && s.opts.AllowAnonymousRead && need == RoleResearcher:
		case who == nil:
			s.unauthorized(c, "sign in (POST /api/v1/session) or send an API token (Authorization: Bearer ...)")
			return
		case !who.Role.atLeast(need):
			s.fail(c, &Problem{Status: http.StatusForbidden, Detail: "this needs the " + string(need) + " role; you are a " + string(who.Role) + tokenNote(who)})
			return
		}
		c.Next()
	}
}

func tokenNote(who *caller) string {
	if who.tokenID != 0 {
		return " through a " + who.scope + " token"
	}
	return ""
}

// identify finds the caller from a bearer token or a session cookie. A bad
// token is an error (401): the script should know. A stale cookie is no
// one: the browser is simply signed out, and the cookie is cleared.
func (s *server) identify(c *gin.Context) (*caller, error) {
	ctx := c.Request.Context()
	if h := c.GetHeader("Authorization"); h != "" {
		secret, ok := parseBearer(h)
		if !ok {
			return nil, &Problem{Status: http.StatusUnauthorized, Detail: "Authorization must be Bearer followed by an API token"}
		}
		who, ok, err := NewAccounts(s.db).token(ctx, secret)
		if err != nil {
			return nil, err
		}
		if !ok {
			c.Header("WWW-Authenticate", `Bearer realm="crosscheck", error="invalid_token"`)
			return nil, &Problem{Status: http.StatusUnauthorized, Detail: "the API token is unknown or revoked"}
		}
		if wait := s.limits.wait(who.tokenID); wait > 0 {
			c.Header("Retry-After", strconv.FormatInt(int64(wait.Seconds())+1, 10))
			return nil, &Problem{Status: http.StatusTooManyRequests, Detail: "this API token made too many requests; slow down"}
		}
		return &who, nil
	}
	cookie, err := c.Cookie(sessionCookie)
	if err != nil || cookie == "" || len(cookie) > 128 {
		return nil, nil
	}
	who, ok, err := NewAccounts(s.db).session(ctx, cookie)
	if err != nil {
		return nil, err
	}
	if !ok {
		setSessionCookie(c, "", -1)
		return nil, nil
	}
	return &who, nil
}

// parseBearer reads the token of an Authorization header: "Bearer <token>",
// the scheme in any case (RFC 9110), the token in the RFC 6750 alphabet.
func parseBearer(h string) (string, bool) {
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	tok = strings.TrimLeft(tok, " ")
	if tok == "" || len(tok) > 256 {
		return "", false
	}
	for i := 0; i < len(tok); i++ {
		b := tok[i]
		if !('a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || strings.IndexByte("-._~+/=", b) >= 0) {
			return "", false
		}
	}
	return tok, true
}

// unauthorized answers 401 with the schemes that would work.
func (s *server) unauthorized(c *gin.Context, detail string) {
	c.Header("WWW-Authenticate", `Bearer realm="crosscheck"`)
	s.fail(c, &Problem{Status: http.StatusUnauthorized, Detail: detail})
}
