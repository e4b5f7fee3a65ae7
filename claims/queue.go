package claims

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// QueueFilter narrows the review queue. Zero fields do not filter.
type QueueFilter struct {
	OutletID  int64
	SpeakerID int64
	Kind      Kind
	// After skips claims up to and including this one in queue order, so a
	// reviewer can pass over a claim without deciding it.
	After int64
}

// Progress counts a queue's claims.
type Progress struct {
	Reviewed int `json:"reviewed"`
	Total    int `json:"total"`
}

func (f QueueFilter) where(q *gorm.DB) *gorm.DB {
	if f.OutletID != 0 {
		q = q.Where("claims.article_id IN (SELECT id FROM articles WHERE outlet_id = ?)", f.OutletID)
	}
	if f.SpeakerID != 0 {
		q = q.Where("claims.speaker_id = ?", f.SpeakerID)
	}
	if f.Kind != "" {
		q = q.Where("claims.kind = ?", f.Kind)
	}
	return q
}

// Next returns the next unreviewed claim of the queue in article and text
// order, and the queue's progress. It returns ErrNotFound when every claim
// is reviewed.
func (s *Store) Next(ctx context.Context, f QueueFilter) (Claim, Progress, error) {
	db := s.db.WithContext(ctx)
	var p Progress
	var counts struct{ Reviewed, Total int }
	err := f.where(db.Model(&Claim{})).
		Select("count(*) FILTER (WHERE status <> 'unreviewed') AS reviewed, count(*) AS total").
		Scan(&counts).Error
	if err != nil {
		return Claim{}, p, fmt.Errorf("review queue: %w", err)
	}
	p = Progress(counts)
	q := f.where(db.Preload("Speaker").Where("claims.status = 'unreviewed'")).Order("claims.article_id, claims.content_start, claims.id")
	if f.After != 0 {
		q = q.Where("(claims.article_id, claims.content_start, claims.id) > (SELECT article_id, content_start, id FROM claims WHERE id = ?)", f.After)
	}
	var c Claim
	err = q.Take(&c).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Claim{}, p, ErrNotFound
	}
	return c, p, err
}

// SearchSpeakers finds speakers whose name or aliases resemble q, best
// first: for autocomplete.
func (s *Store) SearchSpeakers(ctx context.Context, q string, limit int) ([]Speaker, error) {
	var out []Speaker
	q = strings.TrimSpace(q)
	db := s.db.WithContext(ctx).Limit(limit)
	if q == "" {
		err := db.Order("name").Find(&out).Error
		return out, err
	}
	err := s.db.WithContext(ctx).Raw(searchSpeakers, q, "%"+q+"%", "%"+q+"%", q+"%", q, limit).Scan(&out).Error
	return out, err
}

// searchSpeakers ranks prefix matches first, then trigram similarity, so
// "Pozn" finds "Viktor Poznikhir" and "Posnikhir" still does.
const searchSpeakers = `
SELECT id, name, role, organisation, kind, aliases, created_at, updated_at
FROM speakers
WHERE name % ? OR name ILIKE ? OR aliases::text ILIKE ?
ORDER BY (name ILIKE ?) DESC, similarity(name, ?) DESC, name
LIMIT ?`
