package sources

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Store reads and writes outlets and articles.
type Store struct{ db *gorm.DB }

// NewStore returns a store on db, which may be a transaction.
func NewStore(db *gorm.DB) *Store { return &Store{db: db} }

// OutletFor returns the outlet called name (case-insensitively), or with the
// given domain, creating it when there is none.
func (s *Store) OutletFor(ctx context.Context, name, domain string) (Outlet, error) {
	db := s.db.WithContext(ctx)
	name = strings.TrimSpace(name)
	domain = strings.ToLower(strings.TrimSpace(domain))
	var o Outlet
	q := db.Where("lower(name) = lower(?)", name)
	if domain != "" {
		q = db.Where("lower(name) = lower(?) OR domain = ?", name, domain)
	}
	err := q.Order("id").Take(&o).Error
	if err == nil {
		if o.Domain == nil && domain != "" {
			if err := db.Model(&o).Update("domain", domain).Error; err != nil && !isUniqueViolation(err) {
				return Outlet{}, fmt.Errorf("outlet %q: %w", name, err)
			}
		}
		return o, nil
	}
	if !errors.Is(err, gorm.ErrRecordNotFound) {
		return Outlet{}, fmt.Errorf("outlet %q: %w", name, err)
	}
	o = Outlet{Name: name}
	if domain != "" {
		o.Domain = &domain
	}
	// Two ingests of the same new outlet may race: the loser reads the winner's row.
	res := db.Clauses(clause.OnConflict{DoNothing: true}).Omit("CreatedAt").Create(&o)
	if res.Error != nil {
		return Outlet{}, fmt.Errorf("outlet %q: %w", name, res.Error)
	}
	if res.RowsAffected == 0 {
		if err := db.Where("lower(name) = lower(?)", name).Take(&o).Error; err != nil {
			return Outlet{}, fmt.Errorf("outlet %q: %w", name, err)
		}
	}
	return o, nil
}

// Create stores a validated submission as an article of the outlet. When an
// article with the same text exists, it returns that one and created=false.
func (s *Store) Create(ctx context.Context, outlet Outlet, sub Submission) (a Article, created bool, err error) {
	db := s.db.WithContext(ctx)
	a = Article{
		OutletID:    outlet.ID,
		Outlet:      outlet,
		URL:         sub.URL,
		Title:       sub.Title,
		Byline:      sub.Byline,
		PublishedAt: sub.PublishedAt,
		Language:    sub.Language,
		Text:        sub.Text,
		ContentHash: Hash(sub.Text),
	}
	res := db.Clauses(clause.OnConflict{DoNothing: true}, clause.Returning{}).Omit("Outlet").Create(&a)
	if res.Error != nil {
		return Article{}, false, fmt.Errorf("store article: %w", res.Error)
	}
	if res.RowsAffected == 1 {
		return a, true, nil
	}
	existing, err := s.ByHash(ctx, a.ContentHash)
	return existing, false, err
}

// ByHash returns the article whose text has the given content hash.
func (s *Store) ByHash(ctx context.Context, hash []byte) (Article, error) {
	var a Article
	err := s.db.WithContext(ctx).Preload("Outlet").Where("content_hash = ?", hash).Take(&a).Error
	return a, notFound(err)
}

// Get returns the article with its text and outlet.
func (s *Store) Get(ctx context.Context, id int64) (Article, error) {
	var a Article
	err := s.db.WithContext(ctx).Preload("Outlet").Take(&a, id).Error
	return a, notFound(err)
}

// Cursor is a position in the newest-first article list.
type Cursor struct {
	IngestedAt time.Time
	ID         int64
}

// List returns up to limit articles, newest first, after the cursor (nil for
// the first page), without their texts.
func (s *Store) List(ctx context.Context, after *Cursor, limit int) ([]Article, error) {
	var out []Article
	q := s.db.WithContext(ctx).Preload("Outlet").
		Omit("text", "html").
		Order("ingested_at DESC, id DESC").
		Limit(limit)
	if after != nil {
		q = q.Where("(ingested_at, id) < (?, ?)", after.IngestedAt, after.ID)
	}
	if err := q.Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

func notFound(err error) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return ErrNotFound
	}
	return err
}

func isUniqueViolation(err error) bool {
	return errors.Is(err, gorm.ErrDuplicatedKey) || strings.Contains(err.Error(), "SQLSTATE 23505")
}
