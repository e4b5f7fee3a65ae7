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
		cs, err := NewStore(db).ByArticle(ctx, a.ID)
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
	pos := NewPositions(a.Text)
	rng := func(sp Span) (int, int) { return pos.Runes(sp.Start), pos.Runes(sp.End) }

	outletSpeaker, err := s.resolveSpeaker(ctx, Speaker{Name: a.Outlet.Name, Kind: Outlet}, "")
	if err != nil {
		return nil, err
	}
	speakers := map[string]Speaker{}
	out := make([]Claim, 0, len(drafts))
	for _, d := range drafts {
		if d.Content.Empty() {
			continue
		}
		start, end := rng(d.Content)
		c := Claim{
			ArticleID:        a.ID,
			Kind:             d.Kind,
			ContentStart:     start,
			ContentEnd:       end,
			ContentText:      d.Content.Of(a.Text),
			Confidence:       float32(min(max(d.Confidence, 0), 1)),
			ExtractorVersion: ExtractorVersion,
			Status:           Unreviewed,
			Version:          1,
		}
		if len(d.Parts) > 1 {
			for _, p := range d.Parts {
				ps, pe := rng(p)
				c.ContentParts = append(c.ContentParts, [2]int{ps, pe})
			}
		}
		if d.Cue != nil && !d.Cue.Empty() {
			cs, ce := rng(*d.Cue)
			c.CueStart, c.CueEnd, c.CueText = &cs, &ce, d.Cue.Of(a.Text)
		}
		switch ref := d.Speaker; {
		case ref != nil && strings.TrimSpace(ref.Name) != "":
			key := strings.ToLower(ref.Name) + "\x00" + string(ref.Kind)
			mention := ""
			if !ref.Mention.Empty() {
				mention = ref.Mention.Of(a.Text)
				ms, me := rng(ref.Mention)
				c.MentionStart, c.MentionEnd, c.MentionText = &ms, &me, mention
			}
			sp, ok := speakers[key]
			if !ok || (mention != "" && !strings.EqualFold(mention, sp.Name) && !containsFold(sp.Aliases, mention)) {
				kind := ref.Kind
				if kind == "" {
					kind = Person
				}
				sp, err = s.resolveSpeaker(ctx, Speaker{Name: strings.TrimSpace(ref.Name), Role: ref.Role, Organisation: ref.Organisation, Kind: kind}, aliasOf(mention))
				if err != nil {
					return nil, err
				}
				speakers[key] = sp
			}
			c.SpeakerID, c.Speaker = &sp.ID, &sp
		case !d.Kind.Attributed():
			c.SpeakerID, c.Speaker = &outletSpeaker.ID, &outletSpeaker
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return out, nil
	}
	if err := s.db.WithContext(ctx).Omit("Speaker").CreateInBatches(&out, 500).Error; err != nil {
		return nil, fmt.Errorf("store claims: %w", err)
	}
	return out, nil
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
