package claims

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/crosscheck-news/crosscheck/sources"
)

// Evidence links a claim to a passage of another report that corroborates
// it, conflicts with it, or gives context. There is one link per claim and
// passage: deciding again about the same passage updates the link. The
// machine's suggestion (stance and score) is kept beside the reviewer's
// decision, so that the suggestions can be measured against reviewers.
type Evidence struct {
	ID        int64 `json:"id"`
	ClaimID   int64 `json:"claim_id"`
	ArticleID int64 `json:"article_id"`
	// The passage, in code points into the evidence article's text.
	PassageStart int    `json:"passage_start"`
	PassageEnd   int    `json:"passage_end"`
	PassageText  string `json:"passage_text"`
	// The stored claim the passage is, when it is one.
	PassageClaimID  *int64    `json:"passage_claim_id"`
	Stance          Stance    `json:"stance"`
	Note            string    `json:"note"`
	SuggestedStance *Stance   `json:"suggested_stance"`
	SuggestedScore  *float32  `json:"suggested_score"`
	CreatedBy       *int64    `json:"created_by"`
	Version         int       `json:"version"`
	CreatedAt       time.Time `json:"created_at"`
	UpdatedAt       time.Time `json:"updated_at"`

	// Read with the link for display; never written.
	OutletID     int64  `json:"outlet_id" gorm:"->"`
	OutletName   string `json:"outlet_name" gorm:"->"`
	ArticleTitle string `json:"article_title" gorm:"->"`
}

// TableName is the table's singular name, which gorm would pluralise.
func (Evidence) TableName() string { return "evidence" }

// Limits on what a reviewer may write into a link.
const (
	MaxNoteRunes    = 5000
	MaxPassageRunes = 20000
)

// Link is a reviewer's decision about one passage of another report.
type Link struct {
	ClaimID   int64
	ArticleID int64
	// The passage in code points, end exclusive. When both are zero and
	// PassageClaimID is set, the passage is that claim's content.
	PassageStart   int
	PassageEnd     int
	PassageClaimID *int64
	Stance         Stance
	Note           string
	// The machine's suggestion as the reviewer saw it. When nil, it is
	// computed here, so every link keeps one.
	SuggestedStance *Stance
	SuggestedScore  *float64
	// Version is the version of the existing link the reviewer saw; 0
	// when the reviewer saw none, which still updates a link made
	// meanwhile (deciding about the same passage twice is one decision).
	Version int
}

// EvidenceChange is a reviewer's edit of a link. Nil fields stay as they
// are.
type EvidenceChange struct {
	Version int // the version the reviewer saw; required
	Stance  *Stance
	Note    *string
}

// EvidenceConflictError is returned when a change names a version that is
// no longer current; Current is the link as it is now.
type EvidenceConflictError struct{ Current Evidence }

func (e *EvidenceConflictError) Error() string {
	return fmt.Sprintf("evidence %d was changed by someone else (now version %d)", e.Current.ID, e.Current.Version)
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *EvidenceConflictError) Is(target error) bool { return target == ErrConflict }

// evidenceState is what the audit trail records of a link.
type evidenceState struct {
	ClaimID         int64    `json:"claim_id"`
	ArticleID       int64    `json:"article_id"`
	PassageStart    int      `json:"passage_start"`
	PassageEnd      int      `json:"passage_end"`
	PassageClaimID  *int64   `json:"passage_claim_id"`
	Stance          Stance   `json:"stance"`
	Note            string   `json:"note"`
	SuggestedStance *Stance  `json:"suggested_stance"`
	SuggestedScore  *float32 `json:"suggested_score"`
	Version         int      `json:"version"`
}

func evidenceStateOf(e Evidence) evidenceState {
	return evidenceState{
		ClaimID: e.ClaimID, ArticleID: e.ArticleID, PassageStart: e.PassageStart, PassageEnd: e.PassageEnd,
		PassageClaimID: e.PassageClaimID, Stance: e.Stance, Note: e.Note, SuggestedStance: e.SuggestedStance,
		SuggestedScore: e.SuggestedScore, Version: e.Version,
	}
}

// LinkEvidence records a reviewer's decision that a passage of another
// article corroborates, conflicts with or gives context to a claim. The
// first decision about a passage creates the link (created is true); a
// later one updates it, keeping the machine's first suggestion. actor is the
// reviewer's user id, nil for now where there are no sign-ins.
//
// A passage of the claim's own article is refused, as is a passage outside
// the article's text: both are sources.InvalidError, naming the field.
func (s *Store) LinkEvidence(ctx context.Context, actor *int64, l Link) (ev Evidence, created bool, err error) {
	var errs sources.InvalidError
	add := func(field, msg string) { errs = append(errs, sources.FieldError{Field: field, Message: msg}) }
	if !l.Stance.Valid() {
		add("stance", "must be corroborates, conflicts or context")
	}
	if l.SuggestedStance != nil && !l.SuggestedStance.Valid() {
		add("suggested_stance", "must be corroborates, conflicts or context")
	}
	if sc := l.SuggestedScore; sc != nil && (math.IsNaN(*sc) || *sc < 0 || *sc > 1) {
		add("suggested_score", "must be a number from 0 to 1")
	}
	if !utf8.ValidString(l.Note) || utf8.RuneCountInString(l.Note) > MaxNoteRunes {
		add("note", fmt.Sprintf("must be valid UTF-8 of at most %d characters", MaxNoteRunes))
	}
	if l.ArticleID < 1 {
		add("article_id", "is required")
	}
	if l.Version < 0 {
		add("version", "must not be negative")
	}
	if len(errs) > 0 {
		return Evidence{}, false, errs
	}

	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		claim, err := spanOf(ctx, tx, l.ClaimID)
		if err != nil {
			return err
		}
		var a sources.Article
		if err := tx.Select("id", "text").Take(&a, l.ArticleID).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return sources.InvalidError{{Field: "article_id", Message: "no article has this id"}}
			}
			return fmt.Errorf("article %d: %w", l.ArticleID, err)
		}
		if a.ID == claim.ArticleID {
			return sources.InvalidError{{Field: "article_id", Message: "is the claim's own article; evidence comes from another report"}}
		}
		if l.PassageClaimID != nil {
			pc, err := spanOf(ctx, tx, *l.PassageClaimID)
			if errors.Is(err, ErrNotFound) || (err == nil && pc.ArticleID != a.ID) {
				return sources.InvalidError{{Field: "passage_claim_id", Message: "is not a claim of article " + fmt.Sprint(a.ID)}}
			} else if err != nil {
				return fmt.Errorf("passage claim: %w", err)
			}
			if l.PassageStart == 0 && l.PassageEnd == 0 {
				l.PassageStart, l.PassageEnd = pc.ContentStart, pc.ContentEnd
			}
		}
		pos := NewPositions(a.Text)
		b0, ok0 := pos.Byte(l.PassageStart)
		b1, ok1 := pos.Byte(l.PassageEnd)
		switch {
		case !ok0 || !ok1 || l.PassageStart >= l.PassageEnd:
			return sources.InvalidError{{Field: "passage_start", Message: fmt.Sprintf("passage_start and passage_end must satisfy 0 <= start < end <= %d, the article's length in code points", pos.Len())}}
		case l.PassageEnd-l.PassageStart > MaxPassageRunes:
			return sources.InvalidError{{Field: "passage_end", Message: fmt.Sprintf("the passage is longer than %d code points", MaxPassageRunes)}}
		case strings.TrimSpace(a.Text[b0:b1]) == "":
			return sources.InvalidError{{Field: "passage_start", Message: "the passage is only white space"}}
		}
		passage := a.Text[b0:b1]
		if l.SuggestedStance == nil {
			sg := SuggestStance(claim.ContentText, passage)
			l.SuggestedStance, l.SuggestedScore = &sg.Stance, &sg.Score
		}

		ev = Evidence{
			ClaimID: l.ClaimID, ArticleID: a.ID, PassageStart: l.PassageStart, PassageEnd: l.PassageEnd,
			PassageText: passage, PassageClaimID: l.PassageClaimID, Stance: l.Stance, Note: l.Note,
			SuggestedStance: l.SuggestedStance, CreatedBy: actor, Version: 1,
		}
		if l.SuggestedScore != nil {
			sc := float32(*l.SuggestedScore)
			ev.SuggestedScore = &sc
		}
		// Insert unless the link exists; of two reviewers deciding at once
		// one inserts and the other finds the row and updates it.
		res := tx.Clauses(clause.OnConflict{DoNothing: true}).
			Omit("CreatedAt", "UpdatedAt", "OutletID", "OutletName", "ArticleTitle").Create(&ev)
		if res.Error != nil {
			return fmt.Errorf("store evidence: %w", res.Error)
		}
		if res.RowsAffected == 1 {
			if l.Version > 1 {
				// The reviewer saw a link that no longer exists.
				return &EvidenceConflictError{Current: ev}
			}
			created = true
			if err := tx.Take(&ev, ev.ID).Error; err != nil {
				return fmt.Errorf("read evidence: %w", err)
			}
			return audit(ctx, tx, actor, "create", "evidence", ev.ID, nil, evidenceStateOf(ev))
		}
		var cur Evidence
		err = tx.Clauses(clause.Locking{Strength: "UPDATE"}).
			Where("claim_id = ? AND article_id = ? AND passage_start = ? AND passage_end = ?", l.ClaimID, a.ID, l.PassageStart, l.PassageEnd).
			Take(&cur).Error
		if err != nil {
			return fmt.Errorf("read evidence: %w", err)
		}
		if l.Version != 0 && l.Version != cur.Version {
			return &EvidenceConflictError{Current: cur}
		}
		next := cur
		next.Stance, next.Note = l.Stance, l.Note
		if l.PassageClaimID != nil {
			next.PassageClaimID = l.PassageClaimID
		}
		// The first suggestion is the one to measure; keep it.
		if next.SuggestedStance == nil {
			next.SuggestedStance, next.SuggestedScore = ev.SuggestedStance, ev.SuggestedScore
		}
		ev, err = s.saveEvidence(ctx, tx, actor, "decide", cur, next)
		return err
	})
	if err != nil {
		return Evidence{}, false, err
	}
	return ev, created, nil
}

// claimSpan is what linking needs of a claim.
type claimSpan struct {
	ID           int64
	ArticleID    int64
	ContentStart int
	ContentEnd   int
	ContentText  string
}

const claimSpanSQL = `SELECT id, article_id, content_start, content_end, content_text FROM claims WHERE id = ?`

func spanOf(ctx context.Context, tx *gorm.DB, id int64) (claimSpan, error) {
	var c claimSpan
	res := tx.WithContext(ctx).Raw(claimSpanSQL, id).Scan(&c)
	if res.Error != nil {
		return claimSpan{}, fmt.Errorf("claim %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return claimSpan{}, ErrNotFound
	}
	return c, nil
}

// UpdateEvidence applies a reviewer's change to a link, refusing it with an
// EvidenceConflictError when the link changed since the reviewer saw it.
func (s *Store) UpdateEvidence(ctx context.Context, actor *int64, id int64, ch EvidenceChange) (Evidence, error) {
	var errs sources.InvalidError
	if ch.Version < 1 {
		errs = append(errs, sources.FieldError{Field: "version", Message: "is required: the version of the link you saw"})
	}
	if ch.Stance != nil && !ch.Stance.Valid() {
		errs = append(errs, sources.FieldError{Field: "stance", Message: "must be corroborates, conflicts or context"})
	}
	if ch.Note != nil && (!utf8.ValidString(*ch.Note) || utf8.RuneCountInString(*ch.Note) > MaxNoteRunes) {
		errs = append(errs, sources.FieldError{Field: "note", Message: fmt.Sprintf("must be valid UTF-8 of at most %d characters", MaxNoteRunes)})
	}
	if len(errs) > 0 {
		return Evidence{}, errs
	}
	var out Evidence
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var cur Evidence
		err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).Take(&cur, id).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return ErrNotFound
		} else if err != nil {
			return fmt.Errorf("evidence %d: %w", id, err)
		}
		if cur.Version != ch.Version {
			return &EvidenceConflictError{Current: cur}
		}
		next := cur
		if ch.Stance != nil {
			next.Stance = *ch.Stance
		}
		if ch.Note != nil {
			next.Note = *ch.Note
		}
		out, err = s.saveEvidence(ctx, tx, actor, "update", cur, next)
		return err
	})
	return out, err
}

// saveEvidence writes next over cur, bumping the version, and audits the
// change. The version check in the WHERE clause backs the row lock: a
// stale write changes nothing and is reported as a conflict.
func (s *Store) saveEvidence(ctx context.Context, tx *gorm.DB, actor *int64, action string, cur, next Evidence) (Evidence, error) {
	res := tx.WithContext(ctx).Model(&Evidence{}).Where("id = ? AND version = ?", cur.ID, cur.Version).Updates(map[string]any{
		"stance": next.Stance, "note": next.Note, "passage_claim_id": next.PassageClaimID,
		"suggested_stance": next.SuggestedStance, "suggested_score": next.SuggestedScore,
		"version": gorm.Expr("version + 1"), "updated_at": gorm.Expr("now()"),
	})
	if res.Error != nil {
		return Evidence{}, fmt.Errorf("update evidence %d: %w", cur.ID, res.Error)
	}
	if res.RowsAffected == 0 {
		return Evidence{}, &EvidenceConflictError{Current: cur}
	}
	var out Evidence
	if err := tx.WithContext(ctx).Take(&out, cur.ID).Error; err != nil {
		return Evidence{}, fmt.Errorf("read evidence %d: %w", cur.ID, err)
	}
	return out, audit(ctx, tx, actor, action, "evidence", cur.ID, evidenceStateOf(cur), evidenceStateOf(out))
}

// selectEvidence reads links with their article's title and outlet.
const selectEvidence = `evidence.*, a.title AS article_title, o.id AS outlet_id, o.name AS outlet_name`

// EvidenceByID returns one link.
func (s *Store) EvidenceByID(ctx context.Context, id int64) (Evidence, error) {
	var ev Evidence
	err := s.db.WithContext(ctx).Select(selectEvidence).
		Joins("JOIN articles a ON a.id = evidence.article_id JOIN outlets o ON o.id = a.outlet_id").
		Take(&ev, "evidence.id = ?", id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Evidence{}, ErrNotFound
	}
	return ev, err
}

// EvidenceFor returns a claim's links, conflicts first, then corroboration,
// then context, each oldest first; ErrNotFound when there is no such claim.
func (s *Store) EvidenceFor(ctx context.Context, claimID int64) ([]Evidence, error) {
	if _, err := spanOf(ctx, s.db, claimID); err != nil {
		return nil, err
	}
	out := []Evidence{}
	err := s.db.WithContext(ctx).Select(selectEvidence).
		Joins("JOIN articles a ON a.id = evidence.article_id JOIN outlets o ON o.id = a.outlet_id").
		Where("evidence.claim_id = ?", claimID).
		Order("CASE evidence.stance WHEN 'conflicts' THEN 0 WHEN 'corroborates' THEN 1 ELSE 2 END, evidence.created_at, evidence.id").
		Find(&out).Error
	if err != nil {
		return nil, fmt.Errorf("evidence of claim %d: %w", claimID, err)
	}
	return out, nil
}
