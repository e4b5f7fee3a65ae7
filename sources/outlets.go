package sources

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ErrDuplicate is returned when another outlet already has the name or the
// domain.
var ErrDuplicate = errors.New("another outlet has this name or domain")

// MaxNotesRunes bounds an outlet's notes.
const MaxNotesRunes = 10000

// OutletChange is a change to an outlet's fields; nil fields stay as they
// are. An empty Domain removes the domain.
type OutletChange struct {
	Name    *string `json:"name"`
	Domain  *string `json:"domain" doc:"web domain such as example.org; articles whose URL has it belong to the outlet"`
	Country *string `json:"country" doc:"ISO 3166-1 alpha-2 code such as GB, or empty"`
	Notes   *string `json:"notes"`
	// Version is the version the change was made against, when it is not
	// sent as If-Match. Ignored by CreateOutlet.
	Version int `json:"version,omitempty" doc:"the outlet's version you saw, when not sent as If-Match"`
}

// ConflictError is returned when an outlet changed after the version a
// change was made against; Current is the outlet as it is now.
type ConflictError struct {
	Current Outlet
	Stale   int
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("outlet %d is at version %d, not %d: someone changed it meanwhile", e.Current.ID, e.Current.Version, e.Stale)
}

// OutletCount is an outlet with how many articles it has.
type OutletCount struct {
	Outlet
	ArticleCount int `json:"article_count"`
}

const listOutlets = `SELECT o.*, (SELECT count(*) FROM articles a WHERE a.outlet_id = o.id) AS article_count
FROM outlets o ORDER BY lower(o.name), o.id`

// Outlets returns every outlet by name with its article count. Outlets are
// few (hundreds), so there is no paging.
func (s *Store) Outlets(ctx context.Context) ([]OutletCount, error) {
	var out []OutletCount
	if err := s.db.WithContext(ctx).Raw(listOutlets).Scan(&out).Error; err != nil {
		return nil, fmt.Errorf("list outlets: %w", err)
	}
	return out, nil
}

// Outlet returns the outlet with the given id.
func (s *Store) Outlet(ctx context.Context, id int64) (Outlet, error) {
	var o Outlet
	err := s.db.WithContext(ctx).Take(&o, id).Error
	return o, notFound(err)
}

// CreateOutlet stores a new outlet from the change's fields; a name is
// required. actor is the user who made it, nil for the system; the audit
// trail records it in the same transaction.
func (s *Store) CreateOutlet(ctx context.Context, c OutletChange, actor *int64) (Outlet, error) {
	var o Outlet
	if c.Name == nil {
		c.Name = new(string)
	}
	if err := c.apply(&o); err != nil {
		return Outlet{}, err
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Omit("ID", "CreatedAt", "Version").Create(&o).Error; err != nil {
			if isUniqueViolation(err) {
				return ErrDuplicate
			}
			return fmt.Errorf("create outlet: %w", err)
		}
		if err := tx.Take(&o, o.ID).Error; err != nil {
			return err
		}
		return auditOutlet(tx, actor, "create", o.ID, nil, &o)
	})
	if err != nil {
		return Outlet{}, err
	}
	return o, nil
}

// UpdateOutlet changes the outlet's fields that c sets, if the outlet is
// still at c.Version; otherwise it returns a *ConflictError with the outlet
// as it is now. The change and its audit row are one transaction.
func (s *Store) UpdateOutlet(ctx context.Context, id int64, c OutletChange, actor *int64) (Outlet, error) {
	var out Outlet
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var o Outlet
		if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).Take(&o, id).Error; err != nil {
			return notFound(err)
		}
		if c.Version != o.Version {
			return &ConflictError{Current: o, Stale: c.Version}
		}
		before := o
		if err := c.apply(&o); err != nil {
			return err
		}
		o.Version++
		err := tx.Model(&o).Select("name", "domain", "country", "notes", "version").Updates(&o).Error
		if err != nil {
			if isUniqueViolation(err) {
				return ErrDuplicate
			}
			return fmt.Errorf("update outlet %d: %w", id, err)
		}
		out = o
		return auditOutlet(tx, actor, "update", id, &before, &o)
	})
	if err != nil {
		return Outlet{}, err
	}
	return out, nil
}

// auditOutlet records a change to an outlet in the audit trail: who, and
// the outlet before and after.
func auditOutlet(tx *gorm.DB, actor *int64, action string, id int64, before, after *Outlet) error {
	enc := func(o *Outlet) any {
		if o == nil {
			return nil
		}
		b, err := json.Marshal(o)
		if err != nil {
			return nil
		}
		return string(b)
	}
	err := tx.Exec(`INSERT INTO audit_log (actor_id, action, entity, entity_id, before, after) VALUES (?, ?, 'outlet', ?, ?, ?)`,
		actor, action, id, enc(before), enc(after)).Error
	if err != nil {
		return fmt.Errorf("audit outlet %d: %w", id, err)
	}
	return nil
}

// apply checks c and sets its fields on o.
func (c OutletChange) apply(o *Outlet) error {
	var errs InvalidError
	add := func(field, msg string) { errs = append(errs, FieldError{field, msg}) }
	if c.Name != nil {
		name := strings.TrimSpace(*c.Name)
		switch {
		case name == "":
			add("name", "is required")
		case !utf8.ValidString(name) || utf8.RuneCountInString(name) > MaxNameRunes:
			add("name", fmt.Sprintf("must be valid UTF-8 of at most %d characters", MaxNameRunes))
		}
		o.Name = name
	}
	if c.Domain != nil {
		d, err := normaliseDomain(*c.Domain)
		if err != nil {
			add("domain", err.Error())
		}
		o.Domain = nil
		if d != "" {
			o.Domain = &d
		}
	}
	if c.Country != nil {
		cc := strings.ToUpper(strings.TrimSpace(*c.Country))
		if cc != "" && (len(cc) != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z') {
			add("country", "must be an ISO 3166-1 alpha-2 code such as GB, or empty")
		}
		o.Country = cc
	}
	if c.Notes != nil {
		if !utf8.ValidString(*c.Notes) || utf8.RuneCountInString(*c.Notes) > MaxNotesRunes || strings.ContainsRune(*c.Notes, 0) {
			add("notes", fmt.Sprintf("must be valid UTF-8 of at most %d characters", MaxNotesRunes))
		}
		o.Notes = strings.TrimSpace(*c.Notes)
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// normaliseDomain accepts a host or a URL and returns the form Domain gives
// article URLs: lower case, without "www.".
func normaliseDomain(v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	if !strings.Contains(v, "://") {
		v = "http://" + v
	}
	u, err := url.Parse(v)
	if err != nil || u.Hostname() == "" || (u.Path != "" && u.Path != "/") || u.User != nil {
		return "", errors.New("must be a web domain such as example.org")
	}
	d := Domain(v)
	for _, r := range d {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.' || r >= 0x80) {
			return "", errors.New("must be a web domain such as example.org")
		}
	}
	if len(d) > 253 || !strings.Contains(d, ".") && d != "localhost" {
		return "", errors.New("must be a web domain such as example.org")
	}
	return d, nil
}
