package claims

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/crosscheck-news/crosscheck/sources"
)

// Review is the reviewers' side of claims: every change checks the version
// the reviewer saw (optimistic concurrency), bumps it, and writes an audit
// row with the state before and after in the same transaction. Nothing is
// ever deleted: a rejected claim keeps its row with status rejected.

// ConflictError is returned when a change names a version that is no longer
// current. Current is the claim as it is now, to show the reviewer both.
type ConflictError struct {
	Current Claim
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("claim %d was changed by someone else (now version %d)", e.Current.ID, e.Current.Version)
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// Change is a reviewer's edit of one claim. Nil fields stay as they are.
type Change struct {
	// Version is the version the reviewer saw; required.
	Version int
	Status  *Status
	Kind    *Kind
	// Content is the new content range in code points.
	Content *[2]int
	// Speaker: SpeakerID picks a stored speaker; NewSpeaker creates (or
	// finds) one by name and kind; ClearSpeaker leaves the claim without one.
	SpeakerID    *int64
	NewSpeaker   *Speaker
	ClearSpeaker bool
	Mention      *[2]int
	ClearMention bool
	Cue          *[2]int
	ClearCue     bool
}

// claimState is what review can change of a claim: the audit trail's
// before and after, and what undo restores.
type claimState struct {
	Kind         Kind   `json:"kind"`
	ContentStart int    `json:"content_start"`
	ContentEnd   int    `json:"content_end"`
	ContentText  string `json:"content_text"`
	ContentParts Parts  `json:"content_parts"`
	SpeakerID    *int64 `json:"speaker_id"`
	MentionStart *int   `json:"mention_start"`
	MentionEnd   *int   `json:"mention_end"`
	MentionText  string `json:"mention_text"`
	CueStart     *int   `json:"cue_start"`
	CueEnd       *int   `json:"cue_end"`
	CueText      string `json:"cue_text"`
	Status       Status `json:"status"`
}

func stateOf(c Claim) claimState {
	return claimState{
		Kind: c.Kind, ContentStart: c.ContentStart, ContentEnd: c.ContentEnd, ContentText: c.ContentText,
		ContentParts: c.ContentParts, SpeakerID: c.SpeakerID, MentionStart: c.MentionStart, MentionEnd: c.MentionEnd,
		MentionText: c.MentionText, CueStart: c.CueStart, CueEnd: c.CueEnd, CueText: c.CueText, Status: c.Status,
	}
}

func (st claimState) apply(c *Claim) {
	c.Kind, c.ContentStart, c.ContentEnd, c.ContentText, c.ContentParts = st.Kind, st.ContentStart, st.ContentEnd, st.ContentText, st.ContentParts
	c.SpeakerID, c.MentionStart, c.MentionEnd, c.MentionText = st.SpeakerID, st.MentionStart, st.MentionEnd, st.MentionText
	c.CueStart, c.CueEnd, c.CueText, c.Status = st.CueStart, st.CueEnd, st.CueText, st.Status
}

func (st claimState) columns() map[string]any {
	return map[string]any{
		"kind": st.Kind, "content_start": st.ContentStart, "content_end": st.ContentEnd, "content_text": st.ContentText,
		"content_parts": st.ContentParts, "speaker_id": st.SpeakerID, "mention_start": st.MentionStart,
		"mention_end": st.MentionEnd, "mention_text": st.MentionText, "cue_start": st.CueStart, "cue_end": st.CueEnd,
		"cue_text": st.CueText, "status": st.Status,
	}
}

func invalid(field, msg string) error {
	return sources.InvalidError{{Field: field, Message: msg}}
}

// articleRunes loads an article's text as code points, for checking and
// cutting spans.
func (s *Store) articleRunes(ctx context.Context, articleID int64) ([]rune, error) {
	a, err := sources.NewStore(s.db).Get(ctx, articleID)
	if err != nil {
		return nil, err
	}
	return []rune(a.Text), nil
}

func checkRange(field string, r [2]int, text []rune) error {
	if r[0] < 0 || r[1] > len(text) || r[0] >= r[1] {
		return invalid(field, fmt.Sprintf("must be a non-empty range within the article's %d characters", len(text)))
	}
	return nil
}

// lockForChange reads a claim for update and checks the reviewer's version.
func lockForChange(ctx context.Context, tx *gorm.DB, id int64, version int) (Claim, error) {
	var c Claim
	err := tx.WithContext(ctx).Clauses(clause.Locking{Strength: "UPDATE"}).Take(&c, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Claim{}, ErrNotFound
	}
	if err != nil {
		return Claim{}, err
	}
	if version != c.Version {
		if c.SpeakerID != nil {
			sp, err := NewStore(tx).Speaker(ctx, *c.SpeakerID)
			if err == nil {
				c.Speaker = &sp
			}
		}
		return Claim{}, &ConflictError{Current: c}
	}
	return c, nil
}

// audit records one change of one entity in the current transaction.
func audit(ctx context.Context, tx *gorm.DB, actor *int64, action, entity string, id int64, before, after any) error {
	enc := func(v any) any {
		if v == nil {
			return nil
		}
		b, err := json.Marshal(v)
		if err != nil {
			return nil
		}
		return string(b)
	}
	err := tx.WithContext(ctx).Exec(`INSERT INTO audit_log (actor_id, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?)`,
		actor, action, entity, id, enc(before), enc(after)).Error
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// save writes a changed claim's state, bumps its version and audits it.
func save(ctx context.Context, tx *gorm.DB, actor *int64, action string, c *Claim, before *claimState) error {
	after := stateOf(*c)
	cols := after.columns()
	cols["version"] = gorm.Expr("version + 1")
	cols["updated_at"] = gorm.Expr("now()")
	res := tx.WithContext(ctx).Model(&Claim{}).Where("id = ?", c.ID).Updates(cols)
	if res.Error != nil {
		return fmt.Errorf("update claim %d: %w", c.ID, res.Error)
	}
	c.Version++
	var b any
	if before != nil {
		b = before
	}
	return audit(ctx, tx, actor, action, "claim", c.ID, b, after)
}

// Update applies a reviewer's change to a claim.
func (s *Store) Update(ctx context.Context, id int64, ch Change, actor *int64) (Claim, error) {
	var out Claim
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		store := NewStore(tx)
		c, err := lockForChange(ctx, tx, id, ch.Version)
		if err != nil {
			return err
		}
		before := stateOf(c)
		text, err := store.articleRunes(ctx, c.ArticleID)
		if err != nil {
			return err
		}
		edited := false
		if ch.Kind != nil {
			if !ch.Kind.Valid() {
				return invalid("kind", "must be one of direct, indirect, mixed, assertion, caption, headline")
			}
			edited = edited || *ch.Kind != c.Kind
			c.Kind = *ch.Kind
		}
		if ch.Content != nil {
			if err := checkRange("content", *ch.Content, text); err != nil {
				return err
			}
			edited = edited || ch.Content[0] != c.ContentStart || ch.Content[1] != c.ContentEnd
			c.ContentStart, c.ContentEnd = ch.Content[0], ch.Content[1]
			c.ContentText = string(text[c.ContentStart:c.ContentEnd])
			c.ContentParts = nil
		}
		switch {
		case ch.ClearSpeaker:
			edited = edited || c.SpeakerID != nil
			c.SpeakerID, c.MentionStart, c.MentionEnd, c.MentionText = nil, nil, nil, ""
		case ch.NewSpeaker != nil:
			sp := *ch.NewSpeaker
			sp.ID = 0
			sp.Name = strings.TrimSpace(sp.Name)
			if sp.Name == "" {
				return invalid("speaker.name", "is required")
			}
			if sp.Kind == "" {
				sp.Kind = Person
			}
			if !sp.Kind.Valid() {
				return invalid("speaker.kind", "must be person, organisation, anonymous or outlet")
			}
			got, err := store.resolveSpeaker(ctx, sp, "")
			if err != nil {
				return err
			}
			edited = edited || c.SpeakerID == nil || *c.SpeakerID != got.ID
			c.SpeakerID = &got.ID
		case ch.SpeakerID != nil:
			if _, err := store.Speaker(ctx, *ch.SpeakerID); err != nil {
				if errors.Is(err, ErrNotFound) {
					return invalid("speaker_id", "no speaker has this id")
				}
				return err
			}
			edited = edited || c.SpeakerID == nil || *c.SpeakerID != *ch.SpeakerID
			c.SpeakerID = ch.SpeakerID
		}
		switch {
		case ch.ClearMention:
			c.MentionStart, c.MentionEnd, c.MentionText = nil, nil, ""
		case ch.Mention != nil:
			if err := checkRange("mention", *ch.Mention, text); err != nil {
				return err
			}
			ms, me := ch.Mention[0], ch.Mention[1]
			c.MentionStart, c.MentionEnd, c.MentionText = &ms, &me, string(text[ms:me])
			edited = true
		}
		switch {
		case ch.ClearCue:
			edited = edited || c.CueStart != nil
			c.CueStart, c.CueEnd, c.CueText = nil, nil, ""
		case ch.Cue != nil:
			if err := checkRange("cue", *ch.Cue, text); err != nil {
				return err
			}
			cs, ce := ch.Cue[0], ch.Cue[1]
			edited = edited || c.CueStart == nil || *c.CueStart != cs || *c.CueEnd != ce
			c.CueStart, c.CueEnd, c.CueText = &cs, &ce, string(text[cs:ce])
		}
		switch {
		case ch.Status != nil:
			if !ch.Status.Valid() {
				return invalid("status", "must be unreviewed, confirmed, edited or rejected")
			}
			c.Status = *ch.Status
			if c.Status == Confirmed && edited {
				c.Status = Edited
			}
		case edited && c.Status != Rejected:
			c.Status = Edited
		}
		if err := save(ctx, tx, actor, "update", &c, &before); err != nil {
			return err
		}
		out, err = store.Get(ctx, c.ID)
		return err
	})
	return out, err
}

// NewClaim is a claim a reviewer creates from a text selection.
type NewClaim struct {
	ArticleID  int64
	Kind       Kind
	Content    [2]int
	SpeakerID  *int64
	NewSpeaker *Speaker
	Mention    *[2]int
	Cue        *[2]int
}

// Create stores a claim a reviewer made; it is confirmed as made.
func (s *Store) Create(ctx context.Context, nc NewClaim, actor *int64) (Claim, error) {
	var out Claim
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		store := NewStore(tx)
		text, err := store.articleRunes(ctx, nc.ArticleID)
		if err != nil {
			return err
		}
		if !nc.Kind.Valid() {
			return invalid("kind", "must be one of direct, indirect, mixed, assertion, caption, headline")
		}
		if err := checkRange("content", nc.Content, text); err != nil {
			return err
		}
		c := Claim{
			ArticleID: nc.ArticleID, Kind: nc.Kind, ContentStart: nc.Content[0], ContentEnd: nc.Content[1],
			ContentText: string(text[nc.Content[0]:nc.Content[1]]), Confidence: 1,
			ExtractorVersion: "reviewer", Status: Confirmed, Version: 1,
		}
		if err := tx.WithContext(ctx).Omit("Speaker", "CreatedAt", "UpdatedAt").Create(&c).Error; err != nil {
			return fmt.Errorf("create claim: %w", err)
		}
		// The rest goes through Update's checks, in the same transaction.
		ch := Change{Version: 1, SpeakerID: nc.SpeakerID, NewSpeaker: nc.NewSpeaker, Mention: nc.Mention, Cue: nc.Cue}
		c, err = lockForChange(ctx, tx, c.ID, 1)
		if err != nil {
			return err
		}
		if ch.SpeakerID != nil || ch.NewSpeaker != nil || ch.Mention != nil || ch.Cue != nil {
			updated, err := store.Update(ctx, c.ID, ch, actor)
			if err != nil {
				return err
			}
			// Made by a reviewer, so confirmed as made, not "edited".
			if err := tx.WithContext(ctx).Model(&Claim{}).Where("id = ?", c.ID).Update("status", Confirmed).Error; err != nil {
				return err
			}
			c = updated
			c.Status = Confirmed
		}
		// Creation is audited with no before: undo rejects the claim.
		if err := audit(ctx, tx, actor, "create", "claim", c.ID, nil, stateOf(c)); err != nil {
			return err
		}
		out, err = store.Get(ctx, c.ID)
		return err
	})
	return out, err
}

// Split cuts a claim in two at a code point inside its content: the claim
// keeps the first part and a new claim, with the same speaker, cue and kind,
// takes the second.
func (s *Store) Split(ctx context.Context, id int64, at, version int, actor *int64) (first, second Claim, err error) {
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		store := NewStore(tx)
		c, err := lockForChange(ctx, tx, id, version)
		if err != nil {
			return err
		}
		text, err := store.articleRunes(ctx, c.ArticleID)
		if err != nil {
			return err
		}
		a, b := trimRange(text, c.ContentStart, at), trimRange(text, at, c.ContentEnd)
		if at <= c.ContentStart || at >= c.ContentEnd || a[0] >= a[1] || b[0] >= b[1] {
			return invalid("at", "must fall inside the claim's content, with text on both sides")
		}
		before := stateOf(c)
		n := c
		n.ID, n.Version, n.Speaker = 0, 1, nil
		n.ContentStart, n.ContentEnd, n.ContentText, n.ContentParts = b[0], b[1], string(text[b[0]:b[1]]), nil
		n.Status = Edited
		if err := tx.WithContext(ctx).Omit("Speaker", "CreatedAt", "UpdatedAt").Create(&n).Error; err != nil {
			return fmt.Errorf("split claim: %w", err)
		}
		if err := audit(ctx, tx, actor, "split", "claim", n.ID, nil, stateOf(n)); err != nil {
			return err
		}
		c.ContentStart, c.ContentEnd, c.ContentText, c.ContentParts = a[0], a[1], string(text[a[0]:a[1]]), nil
		if c.CueStart != nil && *c.CueStart >= b[0] { // the cue went with the second part
			c.CueStart, c.CueEnd, c.CueText = nil, nil, ""
		}
		c.Status = Edited
		if err := save(ctx, tx, actor, "split", &c, &before); err != nil {
			return err
		}
		if first, err = store.Get(ctx, c.ID); err != nil {
			return err
		}
		second, err = store.Get(ctx, n.ID)
		return err
	})
	return first, second, err
}

// trimRange narrows [start, end) past white space at both ends.
func trimRange(text []rune, start, end int) [2]int {
	start, end = max(start, 0), min(end, len(text))
	for start < end && unicode.IsSpace(text[start]) {
		start++
	}
	for end > start && unicode.IsSpace(text[end-1]) {
		end--
	}
	return [2]int{start, end}
}

// Merge joins two claims of one article into the first: its content runs
// from the earlier start to the later end; the second is rejected, never
// deleted.
func (s *Store) Merge(ctx context.Context, keep, drop int64, keepVersion, dropVersion int, actor *int64) (Claim, error) {
	if keep == drop {
		return Claim{}, invalid("ids", "name two different claims")
	}
	var out Claim
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		store := NewStore(tx)
		// Lock in id order so two merges of the same pair cannot deadlock.
		first, second := keep, drop
		fv, sv := keepVersion, dropVersion
		if first > second {
			first, second, fv, sv = second, first, sv, fv
		}
		a, err := lockForChange(ctx, tx, first, fv)
		if err != nil {
			return err
		}
		b, err := lockForChange(ctx, tx, second, sv)
		if err != nil {
			return err
		}
		if a.ID != keep {
			a, b = b, a
		}
		if a.ArticleID != b.ArticleID {
			return invalid("ids", "claims of different articles cannot be merged")
		}
		text, err := store.articleRunes(ctx, a.ArticleID)
		if err != nil {
			return err
		}
		beforeA, beforeB := stateOf(a), stateOf(b)
		a.ContentStart, a.ContentEnd = min(a.ContentStart, b.ContentStart), max(a.ContentEnd, b.ContentEnd)
		a.ContentText, a.ContentParts = string(text[a.ContentStart:a.ContentEnd]), nil
		if a.CueStart == nil && b.CueStart != nil {
			a.CueStart, a.CueEnd, a.CueText = b.CueStart, b.CueEnd, b.CueText
		}
		if a.SpeakerID == nil && b.SpeakerID != nil {
			a.SpeakerID, a.MentionStart, a.MentionEnd, a.MentionText = b.SpeakerID, b.MentionStart, b.MentionEnd, b.MentionText
		}
		a.Status = Edited
		b.Status = Rejected
		if err := save(ctx, tx, actor, "merge", &a, &beforeA); err != nil {
			return err
		}
		if err := save(ctx, tx, actor, "merge", &b, &beforeB); err != nil {
			return err
		}
		out, err = store.Get(ctx, a.ID)
		return err
	})
	return out, err
}

// Undo reverts the latest change to a claim, together with everything the
// same action changed (both halves of a split, both claims of a merge). A
// claim that the action created is rejected, not deleted. Undoing an undo
// redoes.
func (s *Store) Undo(ctx context.Context, id int64, actor *int64) ([]Claim, error) {
	var out []Claim
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		db := tx.WithContext(ctx)
		var txid int64
		err := db.Raw(`SELECT txid FROM audit_log WHERE entity = 'claim' AND entity_id = ? AND action <> 'ingest' ORDER BY id DESC LIMIT 1`, id).Scan(&txid).Error
		if err != nil {
			return err
		}
		if txid == 0 {
			return invalid("id", "this claim has no change to undo")
		}
		var rows []struct {
			EntityID int64
			Before   []byte
		}
		if err := db.Raw(`SELECT entity_id, before FROM audit_log WHERE txid = ? AND entity = 'claim' ORDER BY id DESC`, txid).Scan(&rows).Error; err != nil {
			return err
		}
		store := NewStore(tx)
		done := map[int64]bool{}
		for _, r := range rows {
			if done[r.EntityID] {
				continue
			}
			done[r.EntityID] = true
			var c Claim
			if err := db.Clauses(clause.Locking{Strength: "UPDATE"}).Take(&c, r.EntityID).Error; err != nil {
				return err
			}
			before := stateOf(c)
			if len(r.Before) == 0 {
				c.Status = Rejected
			} else {
				var st claimState
				if err := json.Unmarshal(r.Before, &st); err != nil {
					return fmt.Errorf("undo: audit row of claim %d: %w", r.EntityID, err)
				}
				st.apply(&c)
			}
			if err := save(ctx, tx, actor, "undo", &c, &before); err != nil {
				return err
			}
			got, err := store.Get(ctx, c.ID)
			if err != nil {
				return err
			}
			out = append(out, got)
		}
		return nil
	})
	return out, err
}

const claimHistory = `
SELECT l.id, l.actor_id, coalesce(nullif(u.name, ''), u.email, '') AS actor_name, l.action, l.before, l.after,
       to_char(l.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id
WHERE l.entity = 'claim' AND l.entity_id = ?
ORDER BY l.id`

// HistoryEntry is one entry of a claim's history.
type HistoryEntry struct {
	ID      int64  `json:"id"`
	ActorID *int64 `json:"actor_id"`
	// ActorName is the user's name (or email when they gave none); empty
	// for the system's own changes.
	ActorName string          `json:"actor_name"`
	Action    string          `json:"action"`
	Before    json.RawMessage `json:"before"`
	After     json.RawMessage `json:"after"`
	At        string          `json:"at"`
}

// History returns a claim's audit trail, oldest first.
func (s *Store) History(ctx context.Context, id int64) ([]HistoryEntry, error) {
	var out []HistoryEntry
	err := s.db.WithContext(ctx).Raw(claimHistory, id).Scan(&out).Error
	return out, err
}
