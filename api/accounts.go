package api

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/alexedwards/argon2id"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Accounts are the people who sign in. A user has one role:
//
//   - researcher: reads and exports;
//   - reviewer: also changes claims, speakers, evidence, stories and articles;
//   - admin: also manages users, API tokens and outlets.
//
// Passwords are kept as argon2id hashes.

// Role is what a user may do; each role may do everything the roles below it
// may.
type Role string

const (
	RoleResearcher Role = "researcher"
	RoleReviewer   Role = "reviewer"
	RoleAdmin      Role = "admin"
)

// rank orders the roles from least to most powerful; 0 is no role.
func (r Role) rank() int {
	switch r {
	case RoleResearcher:
		return 1
	case RoleReviewer:
		return 2
	case RoleAdmin:
		return 3
	}
	return 0
}

// Valid reports whether r is one of the three roles.
func (r Role) Valid() bool { return r.rank() > 0 }

// atLeast reports whether r may do what need may.
func (r Role) atLeast(need Role) bool { return r.Valid() && r.rank() >= need.rank() }

// User is a person who signs in.
type User struct {
	ID           int64   `json:"id"`
	Email        string  `json:"email"`
	Name         string  `json:"name"`
	Role         Role    `json:"role"`
	PasswordHash *string `json:"-"`
	// Version counts the user's changes; a change names the version it was
	// made against (the ETag).
	Version   int       `json:"version" gorm:"default:1"`
	CreatedAt time.Time `json:"created_at"`
}

func (User) TableName() string { return "users" }

// NewUser is what `crosscheck user add` and POST /api/v1/users create.
type NewUser struct {
	Email    string `json:"email"`
	Name     string `json:"name"`
	Role     Role   `json:"role" doc:"admin, reviewer or researcher"`
	Password string `json:"password" doc:"at least 10 characters"`
}

// UserChange changes a user; fields left out stay as they are.
type UserChange struct {
	Name     *string `json:"name,omitempty"`
	Role     *Role   `json:"role,omitempty"`
	Password *string `json:"password,omitempty" doc:"a new password; signs the user out everywhere"`
	Version  int     `json:"version,omitempty" doc:"the user's version you saw, when not sent as If-Match"`
}

// userConflict is a change made against a version of a user that is no
// longer current.
type userConflict struct {
	current User
	stale   int
}

func (e *userConflict) Error() string {
	return "user " + itoa(e.current.ID) + " is at version " + itoa(int64(e.current.Version)) + ", not " + itoa(int64(e.stale)) + ": someone changed it meanwhile"
}

const (
	minPassword = 10
	// maxPassword bounds the work a sign-in can ask for; argon2id's cost
	// barely depends on length, but nobody types more.
	maxPassword = 1024
)

// Accounts stores users, sessions, API tokens and failed sign-ins.
type Accounts struct{ db *gorm.DB }

// NewAccounts returns the accounts store on db.
func NewAccounts(db *gorm.DB) *Accounts { return &Accounts{db: db} }

func invalid(detail string) *Problem {
	return &Problem{Status: http.StatusUnprocessableEntity, Detail: detail}
}

func checkPassword(pw string) error {
	switch n := utf8.RuneCountInString(pw); {
	case n < minPassword:
		return invalid("the password must have at least 10 characters")
	case len(pw) > maxPassword:
		return invalid("the password must be at most 1024 bytes")
	}
	return nil
}

// normaliseEmail lower-cases and checks an address; users sign in with it.
func normaliseEmail(v string) (string, error) {
	e := strings.ToLower(strings.TrimSpace(v))
	a, err := mail.ParseAddress(e)
	if err != nil || a.Address != e || len(e) > 254 || strings.HasPrefix(e, "@") {
		return "", invalid("email must be an address such as ada@example.org")
	}
	return e, nil
}

// AddUser creates a user, auditing it as done by actor (nil: the command line).
func (a *Accounts) AddUser(ctx context.Context, in NewUser, actor *int64) (User, error) {
	email, err := normaliseEmail(in.Email)
	if err != nil {
		return User{}, err
	}
	if !in.Role.Valid() {
		return User{}, invalid("role must be admin, reviewer or researcher")
	}
	name := strings.TrimSpace(in.Name)
	if utf8.RuneCountInString(name) > 200 {
		return User{}, invalid("name must be at most 200 characters")
	}
	if err := checkPassword(in.Password); err != nil {
		return User{}, err
	}
	hash, err := argon2id.CreateHash(in.Password, argon2id.DefaultParams)
	if err != nil {
		return User{}, err
	}
	u := User{Email: email, Name: name, Role: in.Role, PasswordHash: &hash}
	err = a.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Omit("ID", "CreatedAt").Create(&u).Error; err != nil {
			return err
		}
		if err := tx.Raw(`SELECT created_at FROM users WHERE id = ?`, u.ID).Scan(&u.CreatedAt).Error; err != nil {
			return err
		}
		return auditUser(ctx, tx, actor, "create", u.ID, nil, u)
	})
	if isUniqueViolation(err) {
		return User{}, &Problem{Status: http.StatusConflict, Detail: "a user with the email " + email + " exists"}
	}
	return u, err
}

// UpdateUser changes a user's name, role or password, if the user is still
// at ch.Version (a *userConflict otherwise). A new password or a lower
// role ends the user's sessions: whoever held them must sign in again.
func (a *Accounts) UpdateUser(ctx context.Context, id int64, ch UserChange, actor *int64) (User, error) {
	var u User
	err := a.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Clauses(clause.Locking{Strength: clause.LockingStrengthUpdate}).First(&u, id).Error; err != nil {
			return translate(err)
		}
		if ch.Version != u.Version {
			return &userConflict{current: u, stale: ch.Version}
		}
		before := u
		u.Version++
		endSessions := false
		if ch.Name != nil {
			u.Name = strings.TrimSpace(*ch.Name)
			if utf8.RuneCountInString(u.Name) > 200 {
				return invalid("name must be at most 200 characters")
			}
		}
		if ch.Role != nil {
			if !ch.Role.Valid() {
				return invalid("role must be admin, reviewer or researcher")
			}
			endSessions = ch.Role.rank() < u.Role.rank()
			u.Role = *ch.Role
		}
		if ch.Password != nil {
			if err := checkPassword(*ch.Password); err != nil {
				return err
			}
			hash, err := argon2id.CreateHash(*ch.Password, argon2id.DefaultParams)
			if err != nil {
				return err
			}
			u.PasswordHash, endSessions = &hash, true
		}
		if before.Role == RoleAdmin && u.Role != RoleAdmin {
			var admins int64
			if err := tx.Model(&User{}).Where("role = 'admin'").Count(&admins).Error; err != nil {
				return err
			}
			if admins <= 1 {
				return &Problem{Status: http.StatusConflict, Detail: "this is the last admin: make another user admin first"}
			}
		}
		if err := tx.Model(&u).Select("Name", "Role", "PasswordHash", "Version").Updates(&u).Error; err != nil {
			return err
		}
		if endSessions {
			if err := tx.Exec(`DELETE FROM sessions WHERE user_id = ?`, id).Error; err != nil {
				return err
			}
		}
		return auditUser(ctx, tx, actor, "update", id, before, u)
	})
	return u, err
}

// Users lists every user by email.
func (a *Accounts) Users(ctx context.Context) ([]User, error) {
	var out []User
	err := a.db.WithContext(ctx).Order("email").Find(&out).Error
	return out, err
}

// CountUsers counts the users; zero means nobody can sign in yet.
func (a *Accounts) CountUsers(ctx context.Context) (int64, error) {
	var n int64
	err := a.db.WithContext(ctx).Model(&User{}).Count(&n).Error
	return n, err
}

// auditUser records a change to a user without the password hash.
func auditUser(ctx context.Context, tx *gorm.DB, actor *int64, action string, id int64, before, after any) error {
	enc := func(v any) any {
		u, ok := v.(User)
		if !ok {
			return nil
		}
		b, _ := json.Marshal(u) // PasswordHash is json:"-"
		return string(b)
	}
	return tx.WithContext(ctx).Exec(`INSERT INTO audit_log (actor_id, action, entity, entity_id, before, after) VALUES (?, ?, 'user', ?, ?, ?)`,
		actor, action, id, enc(before), enc(after)).Error
}

func translate(err error) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return &Problem{Status: http.StatusNotFound, Detail: "no such resource"}
	}
	return err
}

func isUniqueViolation(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && pg.Code == "23505"
}

// The admin's user routes.

type userList struct {
	Items []User `json:"items"`
}

func (s *server) accountRoutes() []route {
	id := param{name: "id", in: "path", typ: "integer", required: true, desc: "user id"}
	return []route{
		{method: "GET", path: "/api/v1/users", summary: "Every user, by email (admins only)", role: RoleAdmin,
			handler: s.listUsers, resp: userList{}, status: 200, errors: []int{401, 403}},
		{method: "POST", path: "/api/v1/users", summary: "Add a user with a role and a password (admins only)", role: RoleAdmin,
			handler: s.createUser, body: NewUser{}, resp: User{}, status: 201, errors: []int{400, 401, 403, 409, 422}},
		{method: "PATCH", path: "/api/v1/users/:id", summary: "Change a user's name, role or password (admins only); a new password or a lower role signs the user out. Name the version you saw in If-Match (412 when stale) or in the body (409 when stale).", role: RoleAdmin,
			handler: s.updateUser, params: []param{id, ifMatchParam}, body: UserChange{}, resp: User{}, status: 200, errors: []int{400, 401, 403, 404, 409, 412, 422, 428}},
	}
}

func (s *server) listUsers(c *gin.Context) {
	list, err := NewAccounts(s.db).Users(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	if list == nil {
		list = []User{}
	}
	c.JSON(http.StatusOK, userList{Items: list})
}

func (s *server) createUser(c *gin.Context) {
	var req NewUser
	if err := s.decode(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	u, err := NewAccounts(s.db).AddUser(c.Request.Context(), req, actor(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Location", "/api/v1/users/"+itoa(u.ID))
	c.JSON(http.StatusCreated, u)
}

func (s *server) updateUser(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	var req UserChange
	if err := s.decode(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	var stale int
	if req.Version, stale, err = expectedVersion(c, req.Version, "user"); err != nil {
		s.fail(c, err)
		return
	}
	u, err := NewAccounts(s.db).UpdateUser(c.Request.Context(), id, req, actor(c))
	var uc *userConflict
	if errors.As(err, &uc) {
		c.Header("ETag", etag(uc.current.Version))
		s.fail(c, &Problem{Status: stale, Detail: uc.Error() + "; reload it and decide again", Current: uc.current})
		return
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("ETag", etag(u.Version))
	c.JSON(http.StatusOK, u)
}
