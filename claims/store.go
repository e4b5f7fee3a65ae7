package claims

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Store reads and writes claims and speakers.
type Store struct{ db *gorm.DB }

// NewStore returns a store on db, which may be a transaction.
func NewStore(db *gorm.DB) *Store { return &Store{db: db} }

// Get returns the claim with its speaker.
func (s *Store) Get(ctx context.Context, id int64) (Claim, error) {
	var c Claim
	// One round trip: the speaker comes in by a join, not a second query.
	err := s.db.WithContext(ctx).Joins("Speaker").Where("claims.id = ?", id).Take(&c).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Claim{}, ErrNotFound
	}
	return c, err
}

// ByArticle returns an article's claims in text order.
func (s *Store) ByArticle(ctx context.Context, articleID int64) ([]Claim, error) {
	var out []Claim
	err := s.db.WithContext(ctx).Preload("Speaker").
		Where("article_id = ?", articleID).
		Order("content_start, content_end, id").
		Find(&out).Error
	if err != nil {
		return nil, fmt.Errorf("claims of article %d: %w", articleID, err)
	}
	return out, nil
}

// Filter selects claims for List. Zero fields do not filter.
type Filter struct {
	ArticleID int64
	SpeakerID int64
	Kind      Kind
	// Query is full-text search over the claim's content (web search syntax:
	// words, "quoted phrases", -excluded).
	Query string
	// After is the last id of the previous page.
	After int64
	Limit int
}

// List returns claims matching f in id order.
func (s *Store) List(ctx context.Context, f Filter) ([]Claim, error) {
	q := s.db.WithContext(ctx).Preload("Speaker").Order("id").Limit(f.Limit)
	if f.ArticleID != 0 {
		q = q.Where("article_id = ?", f.ArticleID)
	}
	if f.SpeakerID != 0 {
		q = q.Where("speaker_id = ?", f.SpeakerID)
	}
	if f.Kind != "" {
		q = q.Where("kind = ?", f.Kind)
	}
	if strings.TrimSpace(f.Query) != "" {
		q = q.Where("tsv @@ websearch_to_tsquery('english', ?)", f.Query)
	}
	if f.After != 0 {
		q = q.Where("id > ?", f.After)
	}
	var out []Claim
	if err := q.Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list claims: %w", err)
	}
	return out, nil
}

// CountByArticle returns how many claims each of the articles has.
func (s *Store) CountByArticle(ctx context.Context, articleIDs []int64) (map[int64]int, error) {
	out := make(map[int64]int, len(articleIDs))
	if len(articleIDs) == 0 {
		return out, nil
	}
	var rows []struct {
		ArticleID int64
		N         int
	}
	err := s.db.WithContext(ctx).Model(&Claim{}).
		Select("article_id, count(*) AS n").
		Where("article_id IN ?", articleIDs).
		Group("article_id").
		Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("count claims: %w", err)
	}
	for _, r := range rows {
		out[r.ArticleID] = r.N
	}
	return out, nil
}

// Speaker returns the speaker with the given id.
func (s *Store) Speaker(ctx context.Context, id int64) (Speaker, error) {
	var sp Speaker
	err := s.db.WithContext(ctx).Take(&sp, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Speaker{}, ErrNotFound
	}
	return sp, err
}

// resolveSpeaker returns the stored speaker for a canonical name and kind,
// creating it, and filling in role and organisation it did not know yet.
// alias, when it differs from the name, is remembered.
func (s *Store) resolveSpeaker(ctx context.Context, want Speaker, alias string) (Speaker, error) {
	db := s.db.WithContext(ctx)
	if want.Aliases == nil {
		want.Aliases = Aliases{}
	}
	res := db.Clauses(clause.OnConflict{DoNothing: true}).Omit("CreatedAt", "UpdatedAt").Create(&want)
	if res.Error != nil {
		return Speaker{}, fmt.Errorf("speaker %q: %w", want.Name, res.Error)
	}
	if res.RowsAffected == 1 && (alias == "" || strings.EqualFold(alias, want.Name)) {
		return want, nil
	}
	var sp Speaker
	if err := db.Where("lower(name) = lower(?) AND kind = ?", want.Name, want.Kind).Take(&sp).Error; err != nil {
		return Speaker{}, fmt.Errorf("speaker %q: %w", want.Name, err)
	}
	changed := false
	if sp.Role == "" && want.Role != "" {
		sp.Role, changed = want.Role, true
	}
	if sp.Organisation == "" && want.Organisation != "" {
		sp.Organisation, changed = want.Organisation, true
	}
	if alias != "" && !strings.EqualFold(alias, sp.Name) && !containsFold(sp.Aliases, alias) && len(sp.Aliases) < 50 {
		sp.Aliases, changed = append(sp.Aliases, alias), true
	}
	if changed {
		err := db.Model(&sp).Updates(map[string]any{
			"role": sp.Role, "organisation": sp.Organisation, "aliases": sp.Aliases, "updated_at": gorm.Expr("now()"),
		}).Error
		if err != nil {
			return Speaker{}, fmt.Errorf("speaker %q: %w", sp.Name, err)
		}
	}
	return sp, nil
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
