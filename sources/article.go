package sources

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Outlet is a publisher of articles.
type Outlet struct {
	ID      int64   `json:"id" gorm:"primaryKey"`
	Name    string  `json:"name"`
	Domain  *string `json:"domain"`
	Country string  `json:"country"`
	Notes   string  `json:"notes"`
	// Version counts the outlet's changes; a change names the version it
	// was made against (its ETag).
	Version   int       `json:"version" gorm:"default:1"`
	CreatedAt time.Time `json:"created_at"`
}

// Article is one outlet's report, its text exactly as ingested.
type Article struct {
	ID          int64      `json:"id" gorm:"primaryKey"`
	OutletID    int64      `json:"-"`
	Outlet      Outlet     `json:"outlet"`
	URL         string     `json:"url"`
	Title       string     `json:"title"`
	Byline      string     `json:"byline"`
	PublishedAt *time.Time `json:"published_at"`
	Language    string     `json:"language"`
	Text        string     `json:"text,omitempty"`
	HTML        *string    `json:"-"`
	ContentHash []byte     `json:"content_hash"`
	IngestedAt  time.Time  `json:"ingested_at" gorm:"<-:false"`
}

// Limits on what an article may be. The text limit is about 2,000 pages of
// prose: far beyond any news report, small enough to extract in memory.
const (
	MaxTextBytes  = 5 << 20
	MaxTitleRunes = 1000
	MaxNameRunes  = 200
	MaxURLBytes   = 2048
)

// Submission is an article as a user or a program hands it in.
type Submission struct {
	Text        string
	Title       string
	Outlet      string // outlet name; when empty, found from the URL's domain
	URL         string
	Byline      string
	PublishedAt *time.Time
	Language    string
}

// FieldError says what is wrong with one field of a submission.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// InvalidError lists everything wrong with a submission at once, so a user
// fixes it in one round.
type InvalidError []FieldError

func (e InvalidError) Error() string {
	parts := make([]string, len(e))
	for i, f := range e {
		parts[i] = f.Field + ": " + f.Message
	}
	return "invalid article: " + strings.Join(parts, "; ")
}

// ErrNotFound is returned when no outlet or article has the given id.
var ErrNotFound = errors.New("not found")

// Validate checks a submission and fills what can be derived: the outlet
// from the URL's domain, the language default. It never changes the text.
func (s *Submission) Validate() error {
	var errs InvalidError
	add := func(field, msg string) { errs = append(errs, FieldError{field, msg}) }

	switch {
	case !utf8.ValidString(s.Text):
		add("text", "is not valid UTF-8")
	case strings.TrimSpace(s.Text) == "":
		add("text", "is required")
	case len(s.Text) > MaxTextBytes:
		add("text", fmt.Sprintf("is %d bytes; the limit is %d", len(s.Text), MaxTextBytes))
	case strings.ContainsRune(s.Text, 0):
		add("text", "contains a NUL character")
	}
	s.Title = strings.TrimSpace(s.Title)
	switch {
	case !utf8.ValidString(s.Title):
		add("title", "is not valid UTF-8")
	case s.Title == "":
		add("title", "is required")
	case utf8.RuneCountInString(s.Title) > MaxTitleRunes:
		add("title", fmt.Sprintf("is longer than %d characters", MaxTitleRunes))
	}
	s.URL = strings.TrimSpace(s.URL)
	if s.URL != "" {
		if len(s.URL) > MaxURLBytes {
			add("url", fmt.Sprintf("is longer than %d bytes", MaxURLBytes))
		} else if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			add("url", "must be an absolute http or https URL")
		}
	}
	s.Outlet = strings.TrimSpace(s.Outlet)
	if s.Outlet == "" {
		s.Outlet = Domain(s.URL)
	}
	switch {
	case !utf8.ValidString(s.Outlet):
		add("outlet", "is not valid UTF-8")
	case s.Outlet == "":
		add("outlet", "is required when there is no URL to find it from")
	case utf8.RuneCountInString(s.Outlet) > MaxNameRunes:
		add("outlet", fmt.Sprintf("is longer than %d characters", MaxNameRunes))
	}
	s.Byline = strings.TrimSpace(s.Byline)
	if !utf8.ValidString(s.Byline) || utf8.RuneCountInString(s.Byline) > MaxTitleRunes {
		add("byline", "must be valid UTF-8 of at most 1000 characters")
	}
	if s.Language == "" {
		s.Language = "en"
	} else if len(s.Language) > 35 || strings.ContainsAny(s.Language, " \t\n") {
		add("language", "must be a BCP 47 language tag such as en or en-GB")
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// Hash is the content hash that identifies an article's text.
func Hash(text string) []byte {
	h := sha256.Sum256([]byte(text))
	return h[:]
}

// Domain returns the lower-case host of rawURL without a leading "www.", or
// "" when rawURL has none.
func Domain(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	return strings.TrimPrefix(h, "www.")
}
