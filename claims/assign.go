package claims

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/crosscheck-news/crosscheck/sources"
)

// An assignment gives an article to one person to review. The review queue
// serves each reviewer the claims of their own articles first. Anyone who
// may review may assign, to themselves or to a colleague; every assignment
// and its removal is in the audit trail (entity "article").

// Assignee is someone work can be assigned to: a reviewer or an admin.
type Assignee struct {
	ID    int64  `json:"id"`
	Name  string `json:"name" doc:"the name, or the email when the person has none"`
	Email string `json:"email"`
}

// Assignment is an article given to a person.
type Assignment struct {
	ArticleID  int64     `json:"article_id"`
	Assignee   Assignee  `json:"assignee"`
	AssignedBy *int64    `json:"assigned_by" doc:"the user who made the assignment; null when made without an account"`
	AssignedAt time.Time `json:"assigned_at"`
}

// assignmentRow is an assignment as assignmentsSQL reads it.
type assignmentRow struct {
	ArticleID  int64
	UserID     int64
	UserName   string
	UserEmail  string
	AssignedBy *int64
	AssignedAt time.Time
}

func (r assignmentRow) assignment() Assignment {
	return Assignment{ArticleID: r.ArticleID, Assignee: Assignee{ID: r.UserID, Name: r.UserName, Email: r.UserEmail},
		AssignedBy: r.AssignedBy, AssignedAt: r.AssignedAt}
}

// assignmentsSQL reads assignments with their assignee; callers add WHERE.
const assignmentsSQL = `
SELECT aa.article_id, aa.user_id, coalesce(nullif(u.name, ''), u.email) AS user_name, u.email AS user_email,
       aa.assigned_by, aa.assigned_at
FROM article_assignments aa JOIN users u ON u.id = aa.user_id`

// assignable is who may be given work: people who may change claims.
const assignable = `role IN ('reviewer', 'admin')`

// Assign gives an article to a person, replacing any earlier assignee. The
// person must be a reviewer or an admin: a researcher cannot review.
func (s *Store) Assign(ctx context.Context, articleID, userID int64, actor *int64) (Assignment, error) {
	var out Assignment
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		store := NewStore(tx)
		if err := articleExists(ctx, tx, articleID); err != nil {
			return err
		}
		var n int64
		if err := tx.WithContext(ctx).Table("users").Where("id = ? AND "+assignable, userID).Count(&n).Error; err != nil {
			return fmt.Errorf("assign: %w", err)
		}
		if n == 0 {
			return sources.InvalidError{{Field: "user_id", Message: "is not a reviewer or an admin"}}
		}
		before, err := store.AssignmentOf(ctx, articleID)
		if err != nil {
			return err
		}
		if before != nil && before.Assignee.ID == userID {
			out = *before // already theirs: nothing changes, nothing to audit
			return nil
		}
		err = tx.WithContext(ctx).Exec(`
INSERT INTO article_assignments (article_id, user_id, assigned_by) VALUES (?, ?, ?)
ON CONFLICT (article_id) DO UPDATE SET user_id = excluded.user_id, assigned_by = excluded.assigned_by, assigned_at = now()`,
			articleID, userID, actor).Error
		if err != nil {
			return fmt.Errorf("assign article %d: %w", articleID, err)
		}
		after, err := store.AssignmentOf(ctx, articleID)
		if err != nil {
			return err
		}
		out = *after
		return audit(ctx, tx, actor, "assign", "article", articleID, assignState(before), assignState(after))
	})
	return out, err
}

// Unassign takes an article back from whoever has it. An article nobody has
// is left as it is.
func (s *Store) Unassign(ctx context.Context, articleID int64, actor *int64) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := articleExists(ctx, tx, articleID); err != nil {
			return err
		}
		before, err := NewStore(tx).AssignmentOf(ctx, articleID)
		if err != nil || before == nil {
			return err
		}
		if err := tx.WithContext(ctx).Exec(`DELETE FROM article_assignments WHERE article_id = ?`, articleID).Error; err != nil {
			return fmt.Errorf("unassign article %d: %w", articleID, err)
		}
		return audit(ctx, tx, actor, "unassign", "article", articleID, assignState(before), assignState(nil))
	})
}

// assignState is what the audit trail keeps of an article's assignment.
func assignState(a *Assignment) map[string]any {
	if a == nil {
		return map[string]any{"assignee_id": nil}
	}
	return map[string]any{"assignee_id": a.Assignee.ID, "assignee": a.Assignee.Name}
}

func articleExists(ctx context.Context, tx *gorm.DB, id int64) error {
	var n int64
	if err := tx.WithContext(ctx).Table("articles").Where("id = ?", id).Count(&n).Error; err != nil {
		return fmt.Errorf("article %d: %w", id, err)
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// AssignmentOf is the article's assignment, nil when nobody has it.
func (s *Store) AssignmentOf(ctx context.Context, articleID int64) (*Assignment, error) {
	var rows []assignmentRow
	if err := s.db.WithContext(ctx).Raw(assignmentsSQL+` WHERE aa.article_id = ?`, articleID).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("assignment of article %d: %w", articleID, err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	a := rows[0].assignment()
	return &a, nil
}

// AssignmentFilter narrows a list of assignments. Zero fields do not filter.
type AssignmentFilter struct {
	ArticleIDs []int64
	UserID     int64
}

// Assignments lists assignments, newest first, at most limit of them.
func (s *Store) Assignments(ctx context.Context, f AssignmentFilter, limit int) ([]Assignment, error) {
	q := assignmentsSQL + ` WHERE true`
	var args []any
	if len(f.ArticleIDs) > 0 {
		q += ` AND aa.article_id IN ?`
		args = append(args, f.ArticleIDs)
	}
	if f.UserID != 0 {
		q += ` AND aa.user_id = ?`
		args = append(args, f.UserID)
	}
	q += ` ORDER BY aa.assigned_at DESC, aa.article_id DESC LIMIT ?`
	args = append(args, limit)
	var rows []assignmentRow
	if err := s.db.WithContext(ctx).Raw(q, args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("assignments: %w", err)
	}
	out := make([]Assignment, len(rows))
	for i, r := range rows {
		out[i] = r.assignment()
	}
	return out, nil
}

// Assignees lists the people work can be assigned to, by name.
func (s *Store) Assignees(ctx context.Context) ([]Assignee, error) {
	var out []Assignee
	err := s.db.WithContext(ctx).Raw(`
SELECT id, coalesce(nullif(name, ''), email) AS name, email FROM users WHERE ` + assignable + `
ORDER BY lower(coalesce(nullif(name, ''), email)), id`).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("assignees: %w", err)
	}
	return out, nil
}
