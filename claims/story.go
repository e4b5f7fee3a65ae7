package claims

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/crosscheck-news/crosscheck/sources"
)

// A story is one event as several outlets report it. Articles are grouped
// into stories by the names they share, their publication dates and the
// likeness of their titles; a reviewer may move an article to another
// story, after which grouping leaves it alone ("pinned").

// Story is a group of articles about one event.
type Story struct {
	ID               int64      `json:"id"`
	Title            string     `json:"title"`
	Entities         []string   `json:"entities"`
	FirstPublishedAt *time.Time `json:"first_published_at"`
	LastPublishedAt  *time.Time `json:"last_published_at"`
	ArticleCount     int        `json:"article_count"`
	OutletCount      int        `json:"outlet_count"`
	CreatedAt        time.Time  `json:"created_at"`
}

// Grouping parameters. The window allows for follow-ups and weekly
// papers; the thresholds were chosen so that two reports of one event
// sharing a place and a person join, and two reports merely sharing
// "Russia" and "US" do not.
const (
	storyWindowDays   = 4
	storyMinShared    = 2
	storyMinScore     = 0.3
	storyMaxEntities  = 40 // names kept per story
	articleMaxEntitie = 15 // names of an article compared
)

// storyRow is a story as the stories table stores it.
type storyRow struct {
	ID               int64
	Title            string
	Entities         string // JSON array
	FirstPublishedAt *time.Time
	LastPublishedAt  *time.Time
	ArticleCount     int
	OutletCount      int
	CreatedAt        time.Time
	TitleSimilarity  float64
}

func (r storyRow) story() Story {
	st := Story{ID: r.ID, Title: r.Title, FirstPublishedAt: r.FirstPublishedAt, LastPublishedAt: r.LastPublishedAt,
		ArticleCount: r.ArticleCount, OutletCount: r.OutletCount, CreatedAt: r.CreatedAt, Entities: []string{}}
	_ = json.Unmarshal([]byte(r.Entities), &st.Entities)
	return st
}

// storyArticle is what grouping needs of an article.
type storyArticle struct {
	ID          int64
	Title       string
	Text        string
	PublishedAt *time.Time
	OutletID    int64
	OutletName  string
	StoryID     *int64
	StoryPinned bool
}

const storyArticleSQL = `
SELECT a.id, a.title, a.text, a.published_at, a.outlet_id, o.name AS outlet_name, a.story_id, a.story_pinned
FROM articles a JOIN outlets o ON o.id = a.outlet_id
WHERE a.id = ? FOR UPDATE OF a`

// storyCandidatesSQL finds stories sharing a name with the article
// (through the GIN index on entities; the %s is one "entities @> ?" per
// name, OR-ed) whose dates lie within the window of the article's.
const storyCandidatesSQL = `
SELECT id, title, entities::text AS entities, first_published_at, last_published_at,
       similarity(title, ?) AS title_similarity
FROM stories
WHERE (%s)
  AND (?::timestamptz IS NULL OR last_published_at IS NULL
       OR ?::timestamptz BETWEEN first_published_at - make_interval(days => ?) AND last_published_at + make_interval(days => ?))
ORDER BY last_published_at DESC NULLS LAST, id DESC
LIMIT 200`

const createStorySQL = `
INSERT INTO stories (title, entities, first_published_at, last_published_at)
VALUES (?, ?::jsonb, ?, ?) RETURNING id`

// widenStorySQL adds an article's names and date to a story.
const widenStorySQL = `
UPDATE stories SET entities = ?::jsonb,
       first_published_at = LEAST(first_published_at, ?::timestamptz),
       last_published_at = GREATEST(last_published_at, ?::timestamptz),
       updated_at = now()
WHERE id = ?`

const setArticleStorySQL = `UPDATE articles SET story_id = ?, story_pinned = ? WHERE id = ?`

// dropEmptyStorySQL removes a story its last article left.
const dropEmptyStorySQL = `DELETE FROM stories s WHERE s.id = ? AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id)`

// AssignStory puts the article into the story of the event it reports,
// creating a story when none fits, and returns the story's id. An article
// a reviewer placed stays where it is. Run it after Ingest, in the same
// transaction or after it.
func AssignStory(ctx context.Context, db *gorm.DB, articleID int64) (int64, error) {
	var storyID int64
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var a storyArticle
		res := tx.Raw(storyArticleSQL, articleID).Scan(&a)
		if res.Error != nil {
			return fmt.Errorf("article %d: %w", articleID, res.Error)
		}
		if res.RowsAffected == 0 {
			return sources.ErrNotFound
		}
		if a.StoryID != nil && a.StoryPinned {
			storyID = *a.StoryID
			return nil
		}
		names := articleEntities(a.Title, a.Text, a.OutletName)
		best, err := bestStory(ctx, tx, a, names)
		if err != nil {
			return err
		}
		if best == nil {
			if a.StoryID != nil {
				storyID = *a.StoryID
				return nil
			}
			js, _ := json.Marshal(names)
			if err := tx.Raw(createStorySQL, a.Title, string(js), a.PublishedAt, a.PublishedAt).Scan(&storyID).Error; err != nil {
				return fmt.Errorf("create story: %w", err)
			}
		} else {
			storyID = best.ID
			if err := widenStory(ctx, tx, best.story(), names, a.PublishedAt); err != nil {
				return err
			}
		}
		return placeArticle(ctx, tx, nil, a, storyID, false, "group")
	})
	return storyID, err
}

// bestStory is the story the article fits best, nil when none fits well
// enough.
func bestStory(ctx context.Context, tx *gorm.DB, a storyArticle, names []string) (*storyRow, error) {
	if len(names) == 0 {
		return nil, nil
	}
	terms := make([]string, len(names))
	args := []any{a.Title}
	for i, n := range names {
		terms[i] = "entities @> ?::jsonb"
		js, _ := json.Marshal([]string{n})
		args = append(args, string(js))
	}
	args = append(args, a.PublishedAt, a.PublishedAt, storyWindowDays, storyWindowDays)
	var rows []storyRow
	q := fmt.Sprintf(storyCandidatesSQL, strings.Join(terms, " OR "))
	if err := tx.WithContext(ctx).Raw(q, args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("stories like article %d: %w", a.ID, err)
	}
	var best *storyRow
	bestScore := 0.0
	for i := range rows {
		if a.StoryID != nil && rows[i].ID == *a.StoryID {
			continue
		}
		shared, score := storyFit(names, rows[i].story().Entities, rows[i].TitleSimilarity)
		if shared >= storyMinShared && score >= storyMinScore && score > bestScore {
			best, bestScore = &rows[i], score
		}
	}
	return best, nil
}

// storyFit scores an article against a story: the share of the smaller
// name set that the two have in common (so a short report is not
// penalised for naming less), and the likeness of the titles.
func storyFit(article, story []string, titleSimilarity float64) (shared int, score float64) {
	set := make(map[string]bool, len(story))
	for _, n := range story {
		set[n] = true
	}
	for _, n := range article {
		if set[n] {
			shared++
		}
	}
	smaller := min(len(article), len(story))
	if smaller == 0 {
		return 0, 0
	}
	return shared, 0.75*float64(shared)/float64(smaller) + 0.25*titleSimilarity
}

// articleEntities are the names an article mentions most, lower-cased,
// leaving out its own outlet's name.
func articleEntities(title, text, outlet string) []string {
	if len(text) > 20000 {
		text = text[:20000]
	}
	all := title + "\n" + text
	lower := strings.ToLower(all)
	outlet = strings.ToLower(outlet)
	type named struct {
		key   string
		count int
		first int
	}
	var list []named
	for i, e := range Entities(all) {
		k := strings.ToLower(e)
		if utf8.RuneCountInString(k) < 2 || k == outlet || strings.Contains(outlet, k) {
			continue // an initial ("L" of "Lt-Gen") names nothing
		}
		list = append(list, named{k, countWords(lower, k), i})
	}
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].first < list[j].first
	})
	out := []string{}
	for _, n := range list {
		if len(out) == articleMaxEntitie {
			break
		}
		out = append(out, n.key)
	}
	return out
}

// countWords counts where word occurs in text as a whole word: "us" in
// "the US said" but not in "thus" or "discuss".
func countWords(text, word string) int {
	n := 0
	for i := 0; ; {
		j := strings.Index(text[i:], word)
		if j < 0 {
			return n
		}
		start, end := i+j, i+j+len(word)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if !isWordRune(before) && !isWordRune(after) {
			n++
		}
		i = start + 1
	}
}

func widenStory(ctx context.Context, tx *gorm.DB, st Story, names []string, published *time.Time) error {
	merged := append([]string(nil), st.Entities...)
	for _, n := range names {
		if len(merged) >= storyMaxEntities {
			break
		}
		if !containsString(merged, n) {
			merged = append(merged, n)
		}
	}
	js, _ := json.Marshal(merged)
	if err := tx.WithContext(ctx).Exec(widenStorySQL, string(js), published, published, st.ID).Error; err != nil {
		return fmt.Errorf("story %d: %w", st.ID, err)
	}
	return nil
}

// placeArticle moves the article into the story, audits the move, and
// removes the story it left when that is now empty.
func placeArticle(ctx context.Context, tx *gorm.DB, actor *int64, a storyArticle, storyID int64, pinned bool, action string) error {
	db := tx.WithContext(ctx)
	if err := db.Exec(setArticleStorySQL, storyID, pinned, a.ID).Error; err != nil {
		return fmt.Errorf("article %d story: %w", a.ID, err)
	}
	before := map[string]any{"story_id": a.StoryID, "story_pinned": a.StoryPinned}
	after := map[string]any{"story_id": storyID, "story_pinned": pinned}
	if err := audit(ctx, tx, actor, action, "article", a.ID, before, after); err != nil {
		return err
	}
	if a.StoryID != nil && *a.StoryID != storyID {
		if err := db.Exec(dropEmptyStorySQL, *a.StoryID).Error; err != nil {
			return fmt.Errorf("story %d: %w", *a.StoryID, err)
		}
	}
	return nil
}

// StoryMove is where a reviewer puts an article: into an existing story,
// or into a new one of the given title.
type StoryMove struct {
	StoryID  int64
	NewTitle string
}

// MoveArticle puts an article into another story as a reviewer decided,
// pinning it there, and returns the story's id.
func MoveArticle(ctx context.Context, db *gorm.DB, actor *int64, articleID int64, m StoryMove) (int64, error) {
	m.NewTitle = strings.TrimSpace(m.NewTitle)
	if (m.StoryID == 0) == (m.NewTitle == "") {
		return 0, sources.InvalidError{{Field: "story_id", Message: "give either story_id or new_story_title"}}
	}
	if len([]rune(m.NewTitle)) > sources.MaxTitleRunes {
		return 0, sources.InvalidError{{Field: "new_story_title", Message: fmt.Sprintf("is longer than %d characters", sources.MaxTitleRunes)}}
	}
	storyID := m.StoryID
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var a storyArticle
		res := tx.Raw(storyArticleSQL, articleID).Scan(&a)
		if res.Error != nil {
			return fmt.Errorf("article %d: %w", articleID, res.Error)
		}
		if res.RowsAffected == 0 {
			return sources.ErrNotFound
		}
		names := articleEntities(a.Title, a.Text, a.OutletName)
		if m.NewTitle != "" {
			if err := tx.Raw(createStorySQL, m.NewTitle, "[]", a.PublishedAt, a.PublishedAt).Scan(&storyID).Error; err != nil {
				return fmt.Errorf("create story: %w", err)
			}
		}
		var rows []storyRow
		if err := tx.Raw(`SELECT id, title, entities::text AS entities FROM stories WHERE id = ? FOR UPDATE`, storyID).Scan(&rows).Error; err != nil {
			return fmt.Errorf("story %d: %w", storyID, err)
		}
		if len(rows) == 0 {
			return sources.InvalidError{{Field: "story_id", Message: "no story has this id"}}
		}
		if err := widenStory(ctx, tx, rows[0].story(), names, a.PublishedAt); err != nil {
			return err
		}
		return placeArticle(ctx, tx, actor, a, storyID, true, "move story")
	})
	return storyID, err
}

const listStoriesSQL = `
SELECT s.id, s.title, s.entities::text AS entities, s.first_published_at, s.last_published_at, s.created_at,
       count(a.id) AS article_count, count(DISTINCT a.outlet_id) AS outlet_count
FROM stories s LEFT JOIN articles a ON a.story_id = s.id
WHERE (? = 0 OR s.id < ?)
GROUP BY s.id
HAVING count(DISTINCT a.outlet_id) >= ?
ORDER BY s.id DESC
LIMIT ?`

// Stories lists stories newest first, after the story id after (0 for the
// first page), keeping those reported by at least minOutlets outlets.
func (s *Store) Stories(ctx context.Context, after int64, minOutlets, limit int) ([]Story, error) {
	var rows []storyRow
	if err := s.db.WithContext(ctx).Raw(listStoriesSQL, after, after, minOutlets, limit).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	out := make([]Story, len(rows))
	for i, r := range rows {
		out[i] = r.story()
	}
	return out, nil
}

const getStorySQL = `
SELECT s.id, s.title, s.entities::text AS entities, s.first_published_at, s.last_published_at, s.created_at,
       count(a.id) AS article_count, count(DISTINCT a.outlet_id) AS outlet_count
FROM stories s LEFT JOIN articles a ON a.story_id = s.id
WHERE s.id = ?
GROUP BY s.id`

// Story returns one story.
func (s *Store) Story(ctx context.Context, id int64) (Story, error) {
	var rows []storyRow
	if err := s.db.WithContext(ctx).Raw(getStorySQL, id).Scan(&rows).Error; err != nil {
		return Story{}, fmt.Errorf("story %d: %w", id, err)
	}
	if len(rows) == 0 {
		return Story{}, ErrNotFound
	}
	return rows[0].story(), nil
}

// GroupUngrouped assigns a story to every article that has none, oldest
// first, and returns how many it placed. For articles stored before
// grouping existed, or by a path that does not group.
func GroupUngrouped(ctx context.Context, db *gorm.DB, limit int) (int, error) {
	var ids []int64
	err := db.WithContext(ctx).Raw(`SELECT id FROM articles WHERE story_id IS NULL ORDER BY published_at NULLS LAST, id LIMIT ?`, limit).Scan(&ids).Error
	if err != nil {
		return 0, fmt.Errorf("ungrouped articles: %w", err)
	}
	for i, id := range ids {
		if _, err := AssignStory(ctx, db, id); err != nil {
			return i, err
		}
	}
	return len(ids), nil
}

// trigramSimilarity is pg_trgm's similarity() computed in Go, for
// comparing many short texts already in memory: words lower-cased and
// padded with two spaces before and one after, trigrams shared over
// trigrams in either.
func trigramSimilarity(a, b map[string]struct{}) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	shared := 0
	for t := range a {
		if _, ok := b[t]; ok {
			shared++
		}
	}
	return float64(shared) / float64(len(a)+len(b)-shared)
}

func trigrams(text string) map[string]struct{} {
	out := map[string]struct{}{}
	for _, t := range tokenize(strings.ToLower(text)) {
		for _, w := range strings.FieldsFunc(t.text, func(r rune) bool { return !isWordRune(r) }) {
			r := []rune("  " + w + " ")
			for i := 0; i+3 <= len(r); i++ {
				out[string(r[i:i+3])] = struct{}{}
			}
		}
	}
	return out
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

// ArticleStory returns the story an article belongs to, or nil when
// grouping has not placed it yet.
func (s *Store) ArticleStory(ctx context.Context, articleID int64) (*Story, error) {
	var rows []struct{ StoryID *int64 }
	if err := s.db.WithContext(ctx).Raw(`SELECT story_id FROM articles WHERE id = ?`, articleID).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("article %d story: %w", articleID, err)
	}
	if len(rows) == 0 {
		return nil, sources.ErrNotFound
	}
	if rows[0].StoryID == nil {
		return nil, nil
	}
	st, err := s.Story(ctx, *rows[0].StoryID)
	if err != nil {
		return nil, err
	}
	return &st, nil
}
