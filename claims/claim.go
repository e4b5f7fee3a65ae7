package claims

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Status is where a claim stands in review.
type Status string

const (
	Unreviewed Status = "unreviewed"
	Confirmed  Status = "confirmed"
	Edited     Status = "edited" // confirmed after a reviewer changed it
	Rejected   Status = "rejected"
)

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	switch s {
	case Unreviewed, Confirmed, Edited, Rejected:
		return true
	}
	return false
}

// Claim is a stored claim. Its offsets are Unicode code points into the
// article's text, end exclusive.
type Claim struct {
	ID               int64
	ArticleID        int64
	Kind             Kind
	ContentStart     int
	ContentEnd       int
	ContentText      string
	ContentParts     Parts
	SpeakerID        *int64
	Speaker          *Speaker
	MentionStart     *int
	MentionEnd       *int
	MentionText      string
	CueStart         *int
	CueEnd           *int
	CueText          string
	Confidence       float32
	ExtractorVersion string
	Status           Status
	Version          int
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// Speaker is a canonical entity that claims are attributed to.
type Speaker struct {
	ID           int64       `json:"id"`
	Name         string      `json:"name"`
	Role         string      `json:"role"`
	Organisation string      `json:"organisation"`
	Kind         SpeakerKind `json:"kind"`
	Aliases      Aliases     `json:"aliases"`
	CreatedAt    time.Time   `json:"-"`
	UpdatedAt    time.Time   `json:"-"`
}

// Range is a span of code points with the text it covers, as claims leave
// the process.
type Range struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Parts are the code point ranges of a content in pieces.
type Parts [][2]int

// Value stores parts as a JSON array, NULL when there are none.
func (p Parts) Value() (driver.Value, error) {
	if len(p) == 0 {
		return nil, nil
	}
	b, err := json.Marshal([][2]int(p))
	return string(b), err
}

// Scan reads parts stored by Value.
func (p *Parts) Scan(src any) error { return scanJSON(src, (*[][2]int)(p)) }

// Aliases are the other names a speaker is known by.
type Aliases []string

// Value stores aliases as a JSON array.
func (a Aliases) Value() (driver.Value, error) {
	if a == nil {
		return "[]", nil
	}
	b, err := json.Marshal([]string(a))
	return string(b), err
}

// Scan reads aliases stored by Value.
func (a *Aliases) Scan(src any) error { return scanJSON(src, (*[]string)(a)) }

func scanJSON(src, dst any) error {
	switch v := src.(type) {
	case nil:
		return nil
	case []byte:
		return json.Unmarshal(v, dst)
	case string:
		return json.Unmarshal([]byte(v), dst)
	}
	return fmt.Errorf("cannot scan %T as JSON", src)
}

// SpeakerJSON is a claim's speaker as it leaves the process: the canonical
// speaker and the mention that attributes this claim.
type SpeakerJSON struct {
	*Speaker
	Mention *Range `json:"mention"`
}

// ClaimJSON is a claim's external shape (API, exports).
type ClaimJSON struct {
	ID               int64        `json:"id"`
	ArticleID        int64        `json:"article_id"`
	Kind             Kind         `json:"kind"`
	Content          ContentJSON  `json:"content"`
	Speaker          *SpeakerJSON `json:"speaker"`
	Cue              *Range       `json:"cue"`
	Confidence       float32      `json:"confidence"`
	ExtractorVersion string       `json:"extractor_version"`
	Status           Status       `json:"status"`
	Version          int          `json:"version"`
	CreatedAt        time.Time    `json:"created_at"`
	UpdatedAt        time.Time    `json:"updated_at"`
}

// ContentJSON is a claim's content: its whole range and, when it is in
// pieces, each piece.
type ContentJSON struct {
	Range
	Spans Parts `json:"spans,omitempty"`
}

// MarshalJSON gives a claim its external shape, JSONShape.
func (c Claim) MarshalJSON() ([]byte, error) { return json.Marshal(c.JSONShape()) }

// JSONShape returns the claim as it leaves the process: content, speaker and
// cue as nested objects with code point ranges.
func (c Claim) JSONShape() ClaimJSON {
	out := ClaimJSON{
		ID:               c.ID,
		ArticleID:        c.ArticleID,
		Kind:             c.Kind,
		Content:          ContentJSON{Range{c.ContentStart, c.ContentEnd, c.ContentText}, c.ContentParts},
		Confidence:       c.Confidence,
		ExtractorVersion: c.ExtractorVersion,
		Status:           c.Status,
		Version:          c.Version,
		CreatedAt:        c.CreatedAt,
		UpdatedAt:        c.UpdatedAt,
	}
	if c.Speaker != nil {
		s := &SpeakerJSON{Speaker: c.Speaker}
		if c.MentionStart != nil {
			s.Mention = &Range{*c.MentionStart, *c.MentionEnd, c.MentionText}
		}
		out.Speaker = s
	}
	if c.CueStart != nil {
		out.Cue = &Range{*c.CueStart, *c.CueEnd, c.CueText}
	}
	return out
}

// ErrNotFound is returned when no claim or speaker has the given id.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when a write names a version that is no longer
// current: someone else changed the record meanwhile.
var ErrConflict = errors.New("changed by someone else")

// GormDataType tells gorm how Parts is stored.
func (Parts) GormDataType() string { return "jsonb" }

// GormDataType tells gorm how Aliases are stored.
func (Aliases) GormDataType() string { return "jsonb" }
