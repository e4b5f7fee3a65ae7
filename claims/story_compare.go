package claims

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"gorm.io/gorm"
)

// The comparison of a story: who reports each statement, who corroborates
// it and who contradicts it. A statement is one thing said, however many
// outlets carried it: claims of the story's articles whose texts are alike
// (trigram similarity at least statementSimilarity) are one statement with
// several appearances.

// statementSimilarity is how alike two claims' texts must be to count as
// one statement. Quotes carried by several outlets differ in punctuation,
// trimming and the odd word; 0.5 keeps those together and keeps apart
// different sentences about the same event.
const statementSimilarity = 0.5

// maxComparedClaims bounds the claims a comparison groups: the grouping
// compares every pair.
const maxComparedClaims = 1500

// Comparison is a story's matrix of statements against outlets.
type Comparison struct {
	Story      Story             `json:"story"`
	Outlets    []ComparedOutlet  `json:"outlets"`
	Articles   []ComparedArticle `json:"articles"`
	Statements []StatementRow    `json:"statements"`
	Truncated  bool              `json:"truncated"` // more claims than maxComparedClaims
}

// ComparedOutlet is a column of the matrix.
type ComparedOutlet struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	// InStory is false for outlets that appear only through evidence a
	// reviewer linked from outside the story.
	InStory bool `json:"in_story"`
}

// ComparedArticle is one of the story's articles.
type ComparedArticle struct {
	ID          int64      `json:"id"`
	Title       string     `json:"title"`
	OutletID    int64      `json:"outlet_id"`
	OutletName  string     `json:"outlet_name"`
	PublishedAt *time.Time `json:"published_at"`
	URL         string     `json:"url"`
}

// StatementRow is one statement and what each outlet does with it.
type StatementRow struct {
	// The first appearance stands for the statement.
	ClaimID int64  `json:"claim_id"`
	Text    string `json:"text"`
	Kind    Kind   `json:"kind"`
	Speaker string `json:"speaker"`
	// Cells, one per outlet with something to show, keyed by outlet id.
	Cells map[string]Cell `json:"cells"`
	// Counts over the cells: outlets reporting it, and outlets whose
	// reviewed or suggested stance corroborates or conflicts.
	Reports      int `json:"reports"`
	Corroborates int `json:"corroborates"`
	Conflicts    int `json:"conflicts"`
}

// Cell is what one outlet does with one statement.
type Cell struct {
	// Reports is true when the outlet's article carries the statement;
	// ClaimIDs are its appearances there.
	Reports  bool    `json:"reports"`
	ClaimIDs []int64 `json:"claim_ids,omitempty"`
	// ArticleIDs are the articles of the appearances, in the order of
	// ClaimIDs, so a client can link to each claim in its article.
	ArticleIDs []int64 `json:"article_ids,omitempty"`
	// Stance is a reviewer's decision from an evidence link; empty when
	// none was made.
	Stance     Stance  `json:"stance,omitempty"`
	EvidenceID []int64 `json:"evidence_ids,omitempty"`
	// Suggested is the machine's guess when no reviewer decided: how the
	// outlet's wording of the statement relates to the first appearance.
	Suggested *Suggestion `json:"suggested,omitempty"`
}

const storyArticlesSQL = `
SELECT a.id, a.title, a.url, a.published_at, o.id AS outlet_id, o.name AS outlet_name
FROM articles a JOIN outlets o ON o.id = a.outlet_id
WHERE a.story_id = ?
ORDER BY a.published_at NULLS LAST, a.id`

const storyClaimsSQL = `
SELECT c.id, c.article_id, c.kind, c.content_text, COALESCE(sp.name, '') AS speaker
FROM claims c LEFT JOIN speakers sp ON sp.id = c.speaker_id
WHERE c.article_id IN (SELECT id FROM articles WHERE story_id = ?)
  AND c.kind <> 'caption' AND c.status <> 'rejected'
ORDER BY c.article_id, c.content_start, c.id
LIMIT ?`

const storyEvidenceSQL = `
SELECT e.id, e.claim_id, e.stance, o.id AS outlet_id, o.name AS outlet_name
FROM evidence e
JOIN articles a ON a.id = e.article_id
JOIN outlets o ON o.id = a.outlet_id
WHERE e.claim_id IN (SELECT c.id FROM claims c JOIN articles x ON x.id = c.article_id WHERE x.story_id = ?)
ORDER BY e.id`

// Compare builds the story's comparison matrix.
func (s *Store) Compare(ctx context.Context, storyID int64) (Comparison, error) {
	st, err := s.Story(ctx, storyID)
	if err != nil {
		return Comparison{}, err
	}
	db := s.db.WithContext(ctx)
	out := Comparison{Story: st, Articles: []ComparedArticle{}, Outlets: []ComparedOutlet{}, Statements: []StatementRow{}}
	if err := db.Raw(storyArticlesSQL, storyID).Scan(&out.Articles).Error; err != nil {
		return Comparison{}, fmt.Errorf("story %d articles: %w", storyID, err)
	}
	var cs []struct {
		ID          int64
		ArticleID   int64
		Kind        Kind
		ContentText string
		Speaker     string
	}
	if err := db.Raw(storyClaimsSQL, storyID, maxComparedClaims+1).Scan(&cs).Error; err != nil {
		return Comparison{}, fmt.Errorf("story %d claims: %w", storyID, err)
	}
	if len(cs) > maxComparedClaims {
		cs, out.Truncated = cs[:maxComparedClaims], true
	}
	var evs []struct {
		ID         int64
		ClaimID    int64
		Stance     Stance
		OutletID   int64
		OutletName string
	}
	if err := db.Raw(storyEvidenceSQL, storyID).Scan(&evs).Error; err != nil {
		return Comparison{}, fmt.Errorf("story %d evidence: %w", storyID, err)
	}

	outletOf := map[int64]int64{} // article → outlet
	seenOutlet := map[int64]bool{}
	for _, a := range out.Articles {
		outletOf[a.ID] = a.OutletID
		if !seenOutlet[a.OutletID] {
			seenOutlet[a.OutletID] = true
			out.Outlets = append(out.Outlets, ComparedOutlet{ID: a.OutletID, Name: a.OutletName, InStory: true})
		}
	}
	for _, e := range evs {
		if !seenOutlet[e.OutletID] {
			seenOutlet[e.OutletID] = true
			out.Outlets = append(out.Outlets, ComparedOutlet{ID: e.OutletID, Name: e.OutletName})
		}
	}

	// Group alike claims: union-find over every pair above the threshold.
	grams := make([]map[string]struct{}, len(cs))
	for i, c := range cs {
		grams[i] = trigrams(c.ContentText)
	}
	parent := make([]int, len(cs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if cs[i].ArticleID == cs[j].ArticleID {
				continue // an article repeating itself is not a second outlet
			}
			if trigramSimilarity(grams[i], grams[j]) >= statementSimilarity {
				if a, b := find(i), find(j); a != b {
					parent[max(a, b)] = min(a, b)
				}
			}
		}
	}
	rowOf := map[int]int{}        // root → index in Statements
	rowOfClaim := map[int64]int{} // claim → index in Statements
	for i, c := range cs {
		r := find(i)
		k, ok := rowOf[r]
		if !ok {
			rep := cs[r]
			k = len(out.Statements)
			rowOf[r] = k
			out.Statements = append(out.Statements, StatementRow{ClaimID: rep.ID, Text: rep.ContentText, Kind: rep.Kind, Speaker: rep.Speaker, Cells: map[string]Cell{}})
		}
		rowOfClaim[c.ID] = k
		row := &out.Statements[k]
		key := strconv.FormatInt(outletOf[c.ArticleID], 10)
		cell := row.Cells[key]
		cell.Reports = true
		cell.ClaimIDs = append(cell.ClaimIDs, c.ID)
		cell.ArticleIDs = append(cell.ArticleIDs, c.ArticleID)
		if c.ID != row.ClaimID && cell.Suggested == nil && outletOf[c.ArticleID] != outletOf[cs[r].ArticleID] {
			sg := SuggestStance(row.Text, c.ContentText)
			cell.Suggested = &sg
		}
		row.Cells[key] = cell
	}
	for _, e := range evs {
		k, ok := rowOfClaim[e.ClaimID]
		if !ok {
			continue
		}
		key := strconv.FormatInt(e.OutletID, 10)
		cell := out.Statements[k].Cells[key]
		// A conflict outweighs corroboration, which outweighs context.
		if cell.Stance == "" || stanceWeight(e.Stance) > stanceWeight(cell.Stance) {
			cell.Stance = e.Stance
		}
		cell.EvidenceID = append(cell.EvidenceID, e.ID)
		out.Statements[k].Cells[key] = cell
	}
	for k := range out.Statements {
		row := &out.Statements[k]
		for _, cell := range row.Cells {
			if cell.Reports {
				row.Reports++
			}
			stance := cell.Stance
			if stance == "" && cell.Suggested != nil {
				stance = cell.Suggested.Stance
			}
			switch {
			case stance == Conflicts:
				row.Conflicts++
			case stance == Corroborates, stance == "" && cell.Reports:
				row.Corroborates++
			}
		}
	}
	// Statements many outlets carry, and contested ones, first.
	sort.SliceStable(out.Statements, func(i, j int) bool {
		a, b := out.Statements[i], out.Statements[j]
		if a.Reports+a.Conflicts != b.Reports+b.Conflicts {
			return a.Reports+a.Conflicts > b.Reports+b.Conflicts
		}
		return false
	})
	return out, nil
}

func stanceWeight(s Stance) int {
	switch s {
	case Conflicts:
		return 3
	case Corroborates:
		return 2
	case Context:
		return 1
	}
	return 0
}

// StatementAppearance is one outlet's carrying of a statement.
type StatementAppearance struct {
	ClaimID     int64      `json:"claim_id"`
	ArticleID   int64      `json:"article_id"`
	Title       string     `json:"article_title"`
	OutletID    int64      `json:"outlet_id"`
	OutletName  string     `json:"outlet_name"`
	PublishedAt *time.Time `json:"published_at"`
	Kind        Kind       `json:"kind"`
	Speaker     string     `json:"speaker"`
	Content     Range      `json:"content"`
	Similarity  float64    `json:"similarity"`
}

// Statement is one statement with every appearance of it.
type Statement struct {
	ClaimID     int64                 `json:"claim_id"`
	Text        string                `json:"text"`
	Outlets     int                   `json:"outlets"`
	Appearances []StatementAppearance `json:"appearances"`
}

// statementSQL finds the claims alike the statement's text through the
// trigram index; the claim itself is among them, with similarity 1.
const statementSQL = `
SELECT c.id AS claim_id, c.article_id, a.title, o.id AS outlet_id, o.name AS outlet_name, a.published_at,
       c.kind, COALESCE(sp.name, '') AS speaker, c.content_start, c.content_end, c.content_text,
       similarity(c.content_text, @text) AS similarity
FROM claims c
JOIN articles a ON a.id = c.article_id
JOIN outlets o ON o.id = a.outlet_id
LEFT JOIN speakers sp ON sp.id = c.speaker_id
WHERE c.content_text % @text AND c.status <> 'rejected'
ORDER BY (c.id = @claim) DESC, similarity DESC, a.published_at NULLS LAST, c.id
LIMIT 200`

// StatementOf returns the statement a claim makes with every outlet that
// carried it: the same quote reported by several outlets is one statement
// with several appearances.
func (s *Store) StatementOf(ctx context.Context, claimID int64) (Statement, error) {
	var out Statement
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		c, err := spanOf(ctx, tx, claimID)
		if err != nil {
			return err
		}
		if err := tx.Exec(`SELECT set_config('pg_trgm.similarity_threshold', ?, true)`, strconv.FormatFloat(statementSimilarity, 'f', 2, 64)).Error; err != nil {
			return fmt.Errorf("trigram threshold: %w", err)
		}
		var rows []struct {
			ClaimID      int64
			ArticleID    int64
			Title        string
			OutletID     int64
			OutletName   string
			PublishedAt  *time.Time
			Kind         Kind
			Speaker      string
			ContentStart int
			ContentEnd   int
			ContentText  string
			Similarity   float64
		}
		if err := tx.Raw(statementSQL, map[string]any{"text": c.ContentText, "claim": c.ID}).Scan(&rows).Error; err != nil {
			return fmt.Errorf("statement of claim %d: %w", claimID, err)
		}
		out = Statement{ClaimID: c.ID, Text: c.ContentText, Appearances: make([]StatementAppearance, 0, len(rows))}
		outlets := map[int64]bool{}
		for _, r := range rows {
			outlets[r.OutletID] = true
			out.Appearances = append(out.Appearances, StatementAppearance{
				ClaimID: r.ClaimID, ArticleID: r.ArticleID, Title: r.Title, OutletID: r.OutletID, OutletName: r.OutletName,
				PublishedAt: r.PublishedAt, Kind: r.Kind, Speaker: r.Speaker,
				Content:    Range{Start: r.ContentStart, End: r.ContentEnd, Text: r.ContentText},
				Similarity: round3(r.Similarity),
			})
		}
		out.Outlets = len(outlets)
		return nil
	})
	return out, err
}
