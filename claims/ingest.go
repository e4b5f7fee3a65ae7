package claims

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/crosscheck-news/crosscheck/sources"
)

// Ingested is the result of ingesting one article.
type Ingested struct {
	Article sources.Article
	Claims  []Claim
	// Created is false when the same text was already stored; Article and
	// Claims are then the stored ones.
	Created bool
}

// Ingest validates a submission, extracts its claims and stores the article
// with all of them in one transaction: either everything is stored or
// nothing is. Submitting a text that is already stored returns the stored
// article.
func Ingest(ctx context.Context, db *gorm.DB, sub sources.Submission) (Ingested, error) {
	if err := sub.Validate(); err != nil {
		return Ingested{}, err
	}
	articles := sources.NewStore(db)
	if a, err := articles.ByHash(ctx, sources.Hash(sub.Text)); err == nil {
		// Ingesting a stored text again brings its claims up to the
		// current extractor, keeping what reviewers decided.
		store := NewStore(db)
		if stale, err := store.stale(ctx, a.ID); err != nil {
			return Ingested{}, err
		} else if stale {
			if _, err := Reextract(ctx, db, a.ID); err != nil {
				return Ingested{}, err
			}
		}
		cs, err := store.ByArticle(ctx, a.ID)
		return Ingested{Article: a, Claims: cs}, err
	}
	// Extract before the transaction: it is pure and needs no lock held.
	drafts := Extract(sub.Text)

	var out Ingested
	err := db.Transaction(func(tx *gorm.DB) error {
		articles := sources.NewStore(tx)
		outlet, err := articles.OutletFor(ctx, sub.Outlet, sources.Domain(sub.URL))
		if err != nil {
			return err
		}
		a, created, err := articles.Create(ctx, outlet, sub)
		if err != nil {
			return err
		}
		store := NewStore(tx)
		if !created { // a concurrent ingest of the same text won
			cs, err := store.ByArticle(ctx, a.ID)
			out = Ingested{Article: a, Claims: cs}
			return err
		}
		cs, err := store.insertDrafts(ctx, a, drafts)
		if err != nil {
			return err
		}
		// Grouped with the reports of the same event as it arrives, so the
		// comparison view needs no separate step.
		if _, err := AssignStory(ctx, tx, a.ID); err != nil {
			return fmt.Errorf("story: %w", err)
		}
		after, _ := json.Marshal(map[string]any{"title": a.Title, "outlet": outlet.Name, "claims": len(cs), "extractor_version": ExtractorVersion})
		if err := tx.WithContext(ctx).Exec(`INSERT INTO audit_log (action, entity, entity_id, after) VALUES ('ingest', 'article', ?, ?)`, a.ID, string(after)).Error; err != nil {
			return fmt.Errorf("audit: %w", err)
		}
		out = Ingested{Article: a, Claims: cs, Created: true}
		return nil
	})
	if err != nil {
		return Ingested{}, err
	}
	return out, nil
}

// insertDrafts stores the drafts of one article's text as claims,
// resolving each speaker to a canonical one.
func (s *Store) insertDrafts(ctx context.Context, a sources.Article, drafts []Draft) ([]Claim, error) {
	cache := speakerCache{store: s, ctx: ctx, known: map[string]Speaker{}}
	out, err := buildClaims(a, drafts, cache.resolve)
	if err != nil || len(out) == 0 {
		return out, err
	}
	if err := s.db.WithContext(ctx).Omit("Speaker").CreateInBatches(&out, 500).Error; err != nil {
		return nil, fmt.Errorf("store claims: %w", err)
	}
	return s.withSpeakers(ctx, out)
}

// withSpeakers fills in the speakers of claims that carry only their ids.
func (s *Store) withSpeakers(ctx context.Context, cs []Claim) ([]Claim, error) {
	ids := make([]int64, 0, len(cs))
	for _, c := range cs {
		if c.SpeakerID != nil && c.Speaker == nil {
			ids = append(ids, *c.SpeakerID)
		}
	}
	if len(ids) == 0 {
		return cs, nil
	}
	var sps []Speaker
	if err := s.db.WithContext(ctx).Where("id IN ?", ids).Find(&sps).Error; err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	byID := make(map[int64]*Speaker, len(sps))
	for i := range sps {
		byID[sps[i].ID] = &sps[i]
	}
	for i := range cs {
		if cs[i].SpeakerID != nil && cs[i].Speaker == nil {
			cs[i].Speaker = byID[*cs[i].SpeakerID]
		}
	}
	return cs, nil
}

// aliasOf keeps mentions worth remembering as a speaker's other names:
// names, not pronouns.
func aliasOf(mention string) string {
	m := strings.TrimSpace(mention)
	switch strings.ToLower(m) {
	case "", "he", "she", "they", "it", "we", "i", "him", "her", "them":
		return ""
	}
	if len(m) > 120 {
		return ""
	}
	return m
}

// TitleOf returns the text's headline as Extract finds it, or its first
// non-empty line, shortened; a title for a text that came without one.
func TitleOf(text string) string {
	for _, d := range Extract(text) {
		if d.Kind == Headline {
			return strings.TrimSpace(d.Content.Of(text))
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			if r := []rune(line); len(r) > 120 {
				line = string(r[:120]) + "…"
			}
			return line
		}
	}
	return ""
}
