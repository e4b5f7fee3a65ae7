package claims

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// QueueFilter narrows the review queue. Zero fields do not filter.
type QueueFilter struct {
	OutletID  int64
	SpeakerID int64
	Kind      Kind
	StoryID   int64
	// Me is the reviewer asking, 0 for no one. It filters nothing: it
	// orders the queue, the claims of articles assigned to Me first.
	Me int64
	// After skips claims up to and including this one in queue order, so a
	// reviewer can pass over a claim without deciding it.
	After int64
}

// Progress counts a queue's claims.
type Progress struct {
	Reviewed int `json:"reviewed"`
	Total    int `json:"total"`
	// Mine counts the claims of articles assigned to the reviewer asking;
	// absent when no one is signed in.
	Mine *Progress `json:"mine,omitempty" doc:"the claims of articles assigned to you, when signed in"`
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
	if f.StoryID != 0 {
		q = q.Where("claims.article_id IN (SELECT id FROM articles WHERE story_id = ?)", f.StoryID)
	}
	return q
}

// queueRank places a claim (of the claims table under alias) in the queue:
// 0 when its article is assigned to the reviewer asking, 1 when it is
// assigned to no one, 2 when it is someone else's. Others' articles come
// last rather than not at all: their claims still need reviewing, but two
// people should not start on the same article. The one placeholder is the
// reviewer's id; no user has id 0, so no one's articles rank 0 for 0.
func queueRank(alias string) string {
	return "coalesce((SELECT CASE WHEN aa.user_id = ? THEN 0 ELSE 2 END FROM article_assignments aa WHERE aa.article_id = " + alias + ".article_id), 1)"
}

// Next returns the next unreviewed claim of the queue, and the queue's
// progress. The queue is in article and text order, the articles assigned
// to the reviewer asking first and those assigned to others last (see
// queueRank). It returns ErrNotFound when every claim is reviewed.
func (s *Store) Next(ctx context.Context, f QueueFilter) (Claim, Progress, error) {
	db := s.db.WithContext(ctx)
	var p Progress
	var counts struct{ Reviewed, Total, MineReviewed, MineTotal int }
	const mine = "claims.article_id IN (SELECT article_id FROM article_assignments WHERE user_id = ?)"
	err := f.where(db.Model(&Claim{})).
		Select("count(*) FILTER (WHERE status <> 'unreviewed') AS reviewed, count(*) AS total, "+
			"count(*) FILTER (WHERE status <> 'unreviewed' AND "+mine+") AS mine_reviewed, "+
			"count(*) FILTER (WHERE "+mine+") AS mine_total", f.Me, f.Me).
		Scan(&counts).Error
	if err != nil {
		return Claim{}, p, fmt.Errorf("review queue: %w", err)
	}
	p = Progress{Reviewed: counts.Reviewed, Total: counts.Total}
	if f.Me != 0 {
		p.Mine = &Progress{Reviewed: counts.MineReviewed, Total: counts.MineTotal}
	}
	q := f.where(db.Preload("Speaker").Where("claims.status = 'unreviewed'")).
		Clauses(clause.OrderBy{Expression: clause.Expr{
			SQL:                queueRank("claims") + ", claims.article_id, claims.content_start, claims.id",
			Vars:               []any{f.Me},
			WithoutParentheses: true,
		}})
	if f.After != 0 {
		q = q.Where("("+queueRank("claims")+", claims.article_id, claims.content_start, claims.id) > "+
			"(SELECT "+queueRank("c2")+", c2.article_id, c2.content_start, c2.id FROM claims c2 WHERE c2.id = ?)", f.Me, f.Me, f.After)
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
