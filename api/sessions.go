package api

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"mime"
	"net/http"
	"strconv"
	"time"

	"github.com/alexedwards/argon2id"
	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

// A session is a browser's sign-in: POST /api/v1/session with an email and a
// password sets an HttpOnly cookie and answers with a CSRF token, which the
// page sends back in X-CSRF-Token on every write. Sessions are rows in
// PostgreSQL, so every server process knows them.

const (
	sessionCookie = "crosscheck_session"
	csrfHeader    = "X-CSRF-Token"
	// sessionLife is the longest a sign-in lasts; sessionIdle ends one that
	// has not been used for a while.
	sessionLife = 7 * 24 * time.Hour
	sessionIdle = 24 * time.Hour

	// After throttleAfter failed sign-ins for one email from one address,
	// each attempt waits throttleBase, doubling per failure up to
	// throttleMax. Failures older than throttleForget start over.
	throttleAfter  = 5
	throttleBase   = 30 * time.Second
	throttleMax    = time.Hour
	throttleForget = 24 * time.Hour
)

// dummyHash is compared against when the email is unknown, so a wrong email
// takes as long as a wrong password and does not reveal who has an account.
const dummyHash = "$argon2id$v=19$m=65536,t=1,p=2$4rPpy3Rnm2WElXlKnO8u4g$9k2d9CkHaC1yuAS+0Oq6fzFDxOfs0DrhU7rTnsIFifk"

// newSecret returns a random bearer secret with a prefix that says what it
// is, and its SHA-256 in hex, which is all the database keeps (as bytea,
// through decode(?, 'hex'): gorm would spread a []byte into a list).
func newSecret(prefix string) (string, string) {
	var b [32]byte
	rand.Read(b[:]) // never fails: crypto/rand.Read panics rather than return an error
	v := prefix + base64.RawURLEncoding.EncodeToString(b[:])
	return v, hashSecret(v)
}

func hashSecret(v string) string {
	h := sha256.Sum256([]byte(v))
	return hex.EncodeToString(h[:])
}

// caller is who makes a request: a user signed in with a session cookie or
// acting through an API token.
type caller struct {
	User
	sessionID int64 // 0 unless signed in with a cookie
	csrf      string
	tokenID   int64 // 0 unless calling with a token
	scope     string
}

// throttled says how long a sign-in must wait.
type throttled struct{ wait time.Duration }

func (t throttled) Error() string { return "too many failed sign-ins" }

// throttleDelay is how long the next attempt after n failures waits.
func throttleDelay(n int) time.Duration {
	if n < throttleAfter {
		return 0
	}
	d := throttleBase
	for i := throttleAfter; i < n && d < throttleMax; i++ {
		d *= 2
	}
	return min(d, throttleMax)
}

var errBadSignIn = errors.New("wrong email or password")

// newSession is a session just made: the cookie's value is only known now.
type newSession struct {
	cookie    string
	csrf      string
	expiresAt time.Time
	user      User
}

const lastFailure = `SELECT failures, extract(epoch FROM now() - last_failed_at)::float8 AS ago
FROM login_failures WHERE email = ? AND ip = ?`

const recordFailure = `INSERT INTO login_failures AS f (email, ip, failures) VALUES (?, ?, 1)
ON CONFLICT (email, ip) DO UPDATE SET
  failures = CASE WHEN f.last_failed_at < now() - make_interval(secs => ?) THEN 1 ELSE f.failures + 1 END,
  last_failed_at = now()`

// signIn checks an email and password from a client address and starts a
// session. Attempts for one email and address are serialised with an
// advisory lock, so parallel guesses cannot slip past the throttle, however
// many server processes take them.
func (a *Accounts) signIn(ctx context.Context, email, password, ip string) (newSession, error) {
	var out newSession
	bad := false
	err := a.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`SELECT pg_advisory_xact_lock(hashtextextended(? || ' ' || ?, 7))`, email, ip).Error; err != nil {
			return err
		}
		var f struct {
			Failures int
			Ago      float64
		}
		if err := tx.Raw(lastFailure, email, ip).Scan(&f).Error; err != nil {
			return err
		}
		if time.Duration(f.Ago*float64(time.Second)) > throttleForget {
			f.Failures = 0
		}
		if wait := throttleDelay(f.Failures) - time.Duration(f.Ago*float64(time.Second)); wait > 0 {
			return throttled{wait}
		}
		var u User
		err := tx.Where("email = ?", email).Take(&u).Error
		if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		hash := dummyHash
		if err == nil && u.PasswordHash != nil {
			hash = *u.PasswordHash
		}
		ok, cerr := argon2id.ComparePasswordAndHash(password, hash)
		if cerr != nil || !ok || hash == dummyHash {
			bad = true // committed: the failure counts
			return tx.Exec(recordFailure, email, ip, throttleForget.Seconds()).Error
		}
		if err := tx.Exec(`DELETE FROM login_failures WHERE email = ? AND ip = ?`, email, ip).Error; err != nil {
			return err
		}
		out, err = startSession(ctx, tx, u)
		return err
	})
	if err == nil && bad {
		err = errBadSignIn
	}
	return out, err
}

// startSession makes a session for u and drops u's ended ones.
func startSession(ctx context.Context, tx *gorm.DB, u User) (newSession, error) {
	cookie, hash := newSecret("")
	csrf, _ := newSecret("")
	s := newSession{cookie: cookie, csrf: csrf, user: u}
	db := tx.WithContext(ctx)
	if err := db.Exec(`DELETE FROM sessions WHERE user_id = ? AND (expires_at < now() OR last_seen_at < now() - make_interval(secs => ?))`,
		u.ID, sessionIdle.Seconds()).Error; err != nil {
		return s, err
	}
	err := db.Raw(`INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES (decode(?, 'hex'), ?, ?, now() + make_interval(secs => ?)) RETURNING expires_at`,
		hash, u.ID, csrf, sessionLife.Seconds()).Scan(&s.expiresAt).Error
	return s, err
}

// session finds the live session of a cookie; ok is false when there is none.
func (a *Accounts) session(ctx context.Context, cookie string) (c caller, ok bool, err error) {
	var row struct {
		SessionID int64
		CSRFToken string
		Stale     bool
		User
	}
	err = a.db.WithContext(ctx).Raw(`SELECT s.id AS session_id, s.csrf_token, s.last_seen_at < now() - interval '1 minute' AS stale, u.*
FROM sessions s JOIN users u ON u.id = s.user_id
WHERE s.token_hash = decode(?, 'hex') AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(secs => ?)`,
		hashSecret(cookie), sessionIdle.Seconds()).Scan(&row).Error
	if err != nil || row.SessionID == 0 {
		return c, false, err
	}
	if row.Stale {
		if err := a.db.WithContext(ctx).Exec(`UPDATE sessions SET last_seen_at = now() WHERE id = ?`, row.SessionID).Error; err != nil {
			return c, false, err
		}
	}
	return caller{User: row.User, sessionID: row.SessionID, csrf: row.CSRFToken}, true, nil
}

func (a *Accounts) endSession(ctx context.Context, id int64) error {
	return a.db.WithContext(ctx).Exec(`DELETE FROM sessions WHERE id = ?`, id).Error
}

// The session routes.

type signInRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

type sessionDoc struct {
	User      User       `json:"user"`
	CSRFToken string     `json:"csrf_token,omitempty" doc:"send it in X-CSRF-Token with every write made with the session cookie"`
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
	Via       string     `json:"via" doc:"session or token"`
	Scope     string     `json:"scope,omitempty" doc:"the token's scope, read or write"`
}

// noContent describes a 204's empty body in the OpenAPI description.
type noContent struct{}

func (s *server) sessionRoutes() []route {
	return []route{
		{method: "POST", path: "/api/v1/session", summary: "Sign in with email and password: sets an HttpOnly session cookie and answers with the CSRF token the page sends on writes. After 5 failures for one email from one address, attempts wait (429 with Retry-After), longer each time.",
			handler: s.signIn, body: signInRequest{}, resp: sessionDoc{}, status: 200, errors: []int{400, 401, 415, 429}, public: true},
		{method: "GET", path: "/api/v1/session", summary: "Who is calling: the signed-in user (with the CSRF token) or the API token's user",
			handler: s.whoAmI, resp: sessionDoc{}, status: 200, errors: []int{401}, public: true},
		{method: "DELETE", path: "/api/v1/session", summary: "Sign out: ends the session everywhere and clears the cookie",
			handler: s.signOut, resp: noContent{}, status: 204, errors: []int{403}, public: true},
	}
}

// secure reports whether the client reached us over TLS, directly or
// through a proxy that says so; the cookie is then Secure.
func secure(c *gin.Context) bool {
	return c.Request.TLS != nil || c.GetHeader("X-Forwarded-Proto") == "https"
}

func setSessionCookie(c *gin.Context, value string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{
		Name: sessionCookie, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: secure(c), SameSite: http.SameSiteLaxMode,
	})
}

func (s *server) signIn(c *gin.Context) {
	// A cross-site form can post text/plain; only a same-origin script can
	// post JSON. Requiring it keeps other sites from signing a browser in.
	if mt, _, _ := mime.ParseMediaType(c.GetHeader("Content-Type")); mt != "application/json" {
		s.fail(c, &Problem{Status: http.StatusUnsupportedMediaType, Detail: "sign in with a JSON body: Content-Type application/json"})
		return
	}
	var req signInRequest
	if err := s.decode(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	email, err := normaliseEmail(req.Email)
	if err != nil || req.Password == "" || len(req.Password) > maxPassword {
		s.fail(c, badRequest("send an email address and a password"))
		return
	}
	ns, err := NewAccounts(s.db).signIn(c.Request.Context(), email, req.Password, c.RemoteIP())
	var th throttled
	switch {
	case errors.As(err, &th):
		c.Header("Retry-After", strconv.Itoa(int(th.wait.Seconds())+1))
		s.fail(c, &Problem{Status: http.StatusTooManyRequests, Detail: "too many failed sign-ins for this email from this address; try again later"})
		return
	case errors.Is(err, errBadSignIn):
		s.fail(c, &Problem{Status: http.StatusUnauthorized, Detail: "wrong email or password"})
		return
	case err != nil:
		s.fail(c, err)
		return
	}
	s.log.InfoContext(c.Request.Context(), "signed in", "request_id", c.GetString(requestIDKey), "user_id", ns.user.ID)
	setSessionCookie(c, ns.cookie, int(sessionLife.Seconds()))
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, sessionDoc{User: ns.user, CSRFToken: ns.csrf, ExpiresAt: &ns.expiresAt, Via: "session"})
}

func (s *server) whoAmI(c *gin.Context) {
	who := callerOf(c)
	if who == nil {
		s.unauthorized(c, "not signed in")
		return
	}
	doc := sessionDoc{User: who.User, Via: "session", CSRFToken: who.csrf}
	if who.tokenID != 0 {
		doc.Via, doc.Scope = "token", who.scope
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, doc)
}

func (s *server) signOut(c *gin.Context) {
	if who := callerOf(c); who != nil && who.sessionID != 0 {
		if err := NewAccounts(s.db).endSession(c.Request.Context(), who.sessionID); err != nil {
			s.fail(c, err)
			return
		}
	}
	setSessionCookie(c, "", -1)
	c.Status(http.StatusNoContent)
}
