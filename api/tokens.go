package api

import (
	"context"
	"math"
	"net/http"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"
	"gorm.io/gorm"
)

// An API token lets a script call the API as a user: `Authorization: Bearer
// cct_...`. Its scope caps what it may do: read (a researcher's rights) or
// write (a reviewer's); administration always needs a person signed in.
// Admins make, list and revoke tokens; the token itself is shown once and
// only its SHA-256 is stored.

const tokenPrefix = "cct_"

// Token is an API token as listed: never the secret.
type Token struct {
	ID         int64      `json:"id"`
	Name       string     `json:"name"`
	Scope      string     `json:"scope" doc:"read or write"`
	UserID     int64      `json:"user_id" doc:"the user the token acts as"`
	CreatedBy  *int64     `json:"created_by"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
	RevokedAt  *time.Time `json:"revoked_at"`
}

func (Token) TableName() string { return "api_tokens" }

type newTokenRequest struct {
	Name   string `json:"name" doc:"what the token is for, such as \"nightly ingest\""`
	Scope  string `json:"scope" doc:"read or write"`
	UserID int64  `json:"user_id,omitempty" doc:"the user the token acts as; default the admin making it"`
}

type createdToken struct {
	Token
	Secret string `json:"token" doc:"shown only now: send it as Authorization: Bearer <token>"`
}

type tokenList struct {
	Items []Token `json:"items"`
}

// scopeRole is the most a token of a scope may do.
func scopeRole(scope string) Role {
	if scope == "write" {
		return RoleReviewer
	}
	return RoleResearcher
}

// AddToken makes a token acting as userID; the secret is in the result only.
func (a *Accounts) AddToken(ctx context.Context, name, scope string, userID int64, by *int64) (createdToken, error) {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 200 {
		return createdToken{}, invalid("name is required, at most 200 characters")
	}
	if scope != "read" && scope != "write" {
		return createdToken{}, invalid("scope must be read or write")
	}
	secret, hash := newSecret(tokenPrefix)
	var t Token
	err := a.db.WithContext(ctx).Raw(`INSERT INTO api_tokens (name, token_hash, scope, user_id, created_by)
SELECT ?, decode(?, 'hex'), ?, id, ? FROM users WHERE id = ?
RETURNING id, name, scope, user_id, created_by, created_at, last_used_at, revoked_at`, name, hash, scope, by, userID).Scan(&t).Error
	if err != nil {
		return createdToken{}, err
	}
	if t.ID == 0 {
		return createdToken{}, invalid("user_id names no user")
	}
	return createdToken{Token: t, Secret: secret}, nil
}

// Tokens lists every token, revoked ones too, newest first.
func (a *Accounts) Tokens(ctx context.Context) ([]Token, error) {
	var out []Token
	err := a.db.WithContext(ctx).Order("id DESC").Find(&out).Error
	return out, err
}

// RevokeToken ends a token for good; revoking it again changes nothing.
func (a *Accounts) RevokeToken(ctx context.Context, id int64) (Token, error) {
	var t Token
	err := a.db.WithContext(ctx).Raw(`UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = ?
RETURNING id, name, scope, user_id, created_by, created_at, last_used_at, revoked_at`, id).Scan(&t).Error
	if err == nil && t.ID == 0 {
		err = translate(gorm.ErrRecordNotFound)
	}
	return t, err
}

// token finds the live token with this secret and its user.
func (a *Accounts) token(ctx context.Context, secret string) (c caller, ok bool, err error) {
	var row struct {
		TokenID int64
		Scope   string
		Stale   bool
		User
	}
	err = a.db.WithContext(ctx).Raw(`SELECT t.id AS token_id, t.scope,
  (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale, u.*
FROM api_tokens t JOIN users u ON u.id = t.user_id
WHERE t.token_hash = decode(?, 'hex') AND t.revoked_at IS NULL`, hashSecret(secret)).Scan(&row).Error
	if err != nil || row.TokenID == 0 {
		return c, false, err
	}
	if row.Stale { // last use is kept to the minute, not written on every call
		if err := a.db.WithContext(ctx).Exec(`UPDATE api_tokens SET last_used_at = now() WHERE id = ?`, row.TokenID).Error; err != nil {
			return c, false, err
		}
	}
	c = caller{User: row.User, tokenID: row.TokenID, scope: row.Scope}
	if c.Role.rank() > scopeRole(row.Scope).rank() {
		c.Role = scopeRole(row.Scope)
	}
	return c, true, nil
}

// tokenLimits are the API tokens' buckets in this process. Several server
// processes each give a token its rate: the bound is per process, which is
// enough to keep one script from crowding out everyone else.
type tokenLimits struct {
	mu    sync.Mutex
	every rate.Limit
	burst int
	m     map[int64]*rate.Limiter
}

func newTokenLimits(perSecond float64, burst int) *tokenLimits {
	return &tokenLimits{every: rate.Limit(perSecond), burst: burst, m: map[int64]*rate.Limiter{}}
}

// wait is how long token id must wait before its next request; 0 lets it
// through now and spends one from its bucket.
func (l *tokenLimits) wait(id int64) time.Duration {
	l.mu.Lock()
	lim, ok := l.m[id]
	if !ok {
		lim = rate.NewLimiter(l.every, l.burst)
		l.m[id] = lim
	}
	l.mu.Unlock()
	r := lim.Reserve()
	if !r.OK() {
		return time.Duration(math.MaxInt64)
	}
	d := r.Delay()
	if d > 0 {
		r.Cancel()
	}
	return d
}

// The admin's token routes.

func (s *server) tokenRoutes() []route {
	id := param{name: "id", in: "path", typ: "integer", required: true, desc: "token id"}
	return []route{
		{method: "GET", path: "/api/v1/tokens", summary: "Every API token, revoked ones too (admins only); never the secrets", role: RoleAdmin,
			handler: s.listTokens, resp: tokenList{}, status: 200, errors: []int{401, 403}},
		{method: "POST", path: "/api/v1/tokens", summary: "Make an API token (admins only): read or write scope; the answer is the only time the token is shown", role: RoleAdmin,
			handler: s.createToken, body: newTokenRequest{}, resp: createdToken{}, status: 201, errors: []int{400, 401, 403, 422}},
		{method: "DELETE", path: "/api/v1/tokens/:id", summary: "Revoke an API token (admins only); it stops working at once in every server process", role: RoleAdmin,
			handler: s.revokeToken, params: []param{id}, resp: Token{}, status: 200, errors: []int{400, 401, 403, 404}},
	}
}

func (s *server) listTokens(c *gin.Context) {
	list, err := NewAccounts(s.db).Tokens(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	if list == nil {
		list = []Token{}
	}
	c.JSON(http.StatusOK, tokenList{Items: list})
}

func (s *server) createToken(c *gin.Context) {
	var req newTokenRequest
	if err := s.decode(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	me := actor(c)
	if req.UserID == 0 && me != nil {
		req.UserID = *me
	}
	t, err := NewAccounts(s.db).AddToken(c.Request.Context(), req.Name, req.Scope, req.UserID, me)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusCreated, t)
}

func (s *server) revokeToken(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	t, err := NewAccounts(s.db).RevokeToken(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, t)
}
