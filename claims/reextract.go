package claims

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/riverqueue/river"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/crosscheck-news/crosscheck/sources"
)

// Reextracted counts what re-extraction did to an article's claims.
type Reextracted struct {
	Added   int `json:"added"`
	Updated int `json:"updated"`
	Removed int `json:"removed"`
	// Kept are claims a reviewer had touched, left exactly as they were.
	Kept int `json:"kept"`
}

// Reextract runs the current extractor over a stored article again, in one
// transaction. What reviewers decided survives: a claim that is confirmed,
// edited, rejected or made by a reviewer is kept as it is, and a new draft
// that overlaps one is dropped. Unreviewed claims at the same span are
// updated in place (so their ids and evidence links stay), new ones are
// added, and unreviewed ones the new extractor no longer finds are removed,
// unless evidence links point at them.
func Reextract(ctx context.Context, db *gorm.DB, articleID int64) (Reextracted, error) {
	var res Reextracted
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		tdb := tx.WithContext(ctx)
		// Two re-extractions of one article must not interleave.
		var a sources.Article
		if err := tdb.Clauses(clause.Locking{Strength: "UPDATE"}).Preload("Outlet").Take(&a, articleID).Error; err != nil {
			return notFound(err)
		}
		store := NewStore(tx)
		cache := speakerCache{store: store, ctx: ctx, known: map[string]Speaker{}}
		fresh, err := buildClaims(a, Extract(a.Text), cache.resolve)
		if err != nil {
			return err
		}
		var old []Claim
		if err := tdb.Where("article_id = ?", articleID).Order("id").Find(&old).Error; err != nil {
			return err
		}
		var reviewed []Claim
		unreviewed := map[[2]int]*Claim{}
		for i := range old {
			if old[i].Status == Unreviewed {
				unreviewed[[2]int{old[i].ContentStart, old[i].ContentEnd}] = &old[i]
			} else {
				reviewed = append(reviewed, old[i])
			}
		}
		res.Kept = len(reviewed)
		matched := map[int64]bool{}
		var add []Claim
	drafts:
		for _, n := range fresh {
			for _, r := range reviewed {
				if n.ContentStart < r.ContentEnd && r.ContentStart < n.ContentEnd {
					continue drafts
				}
			}
			if o := unreviewed[[2]int{n.ContentStart, n.ContentEnd}]; o != nil && !matched[o.ID] {
				matched[o.ID] = true
				err := tdb.Model(&Claim{}).Where("id = ?", o.ID).Updates(map[string]any{
					"kind": n.Kind, "content_parts": n.ContentParts, "speaker_id": n.SpeakerID,
					"mention_start": n.MentionStart, "mention_end": n.MentionEnd, "mention_text": n.MentionText,
					"cue_start": n.CueStart, "cue_end": n.CueEnd, "cue_text": n.CueText,
					"confidence": n.Confidence, "extractor_version": n.ExtractorVersion,
					"version": gorm.Expr("version + 1"), "updated_at": gorm.Expr("now()"),
				}).Error
				if err != nil {
					return fmt.Errorf("update claim %d: %w", o.ID, err)
				}
				res.Updated++
				continue
			}
			add = append(add, n)
		}
		if len(add) > 0 {
			if err := tdb.Omit("Speaker").CreateInBatches(&add, 500).Error; err != nil {
				return fmt.Errorf("store claims: %w", err)
			}
			res.Added = len(add)
		}
		var gone []int64
		for _, o := range unreviewed {
			if !matched[o.ID] {
				gone = append(gone, o.ID)
			}
		}
		if len(gone) > 0 {
			del := tdb.Exec(deleteSuperseded, gone)
			if del.Error != nil {
				return fmt.Errorf("remove superseded claims: %w", del.Error)
			}
			res.Removed = int(del.RowsAffected)
		}
		after, _ := json.Marshal(map[string]any{"extractor_version": ExtractorVersion, "result": res})
		return tdb.Exec(`INSERT INTO audit_log (action, entity, entity_id, after) VALUES ('reextract', 'article', ?, ?)`, a.ID, string(after)).Error
	})
	return res, err
}

// deleteSuperseded removes unreviewed machine claims the current extractor
// no longer finds; a claim that evidence points at stays, since a reviewer
// linked it.
const deleteSuperseded = `
DELETE FROM claims c
WHERE c.id IN ?
  AND c.status = 'unreviewed'
  AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.claim_id = c.id OR e.passage_claim_id = c.id)`

// stale reports whether any of an article's claims came from an older
// extractor than this one.
func (s *Store) stale(ctx context.Context, articleID int64) (bool, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&Claim{}).
		Where("article_id = ? AND extractor_version NOT IN (?, 'reviewer')", articleID, ExtractorVersion).
		Count(&n).Error
	return n > 0, err
}

func notFound(err error) error {
	if err == gorm.ErrRecordNotFound {
		return ErrNotFound
	}
	return err
}

// ReextractArticle is the job of re-extracting one stored article with the
// current extractor (see Reextract). Bulk re-extraction enqueues one per
// article, so any number of workers share it.
type ReextractArticle struct {
	ArticleID int64 `json:"article_id"`
	// Extractor is the version the job brings the article to: part of the
	// job's identity, so a later extractor queues again.
	Extractor string `json:"extractor"`
}

// Kind is the job's name in the queue; changing it orphans queued jobs.
func (ReextractArticle) Kind() string { return "reextract_article" }

// InsertOpts: an article queued twice for the same extractor is one job
// (River's default unique states include completed ones).
func (ReextractArticle) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 5, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// ReextractArticleWorker works ReextractArticle jobs.
type ReextractArticleWorker struct {
	river.WorkerDefaults[ReextractArticle]
	db *gorm.DB
}

// Work re-extracts the article; one that no longer exists is done.
func (w *ReextractArticleWorker) Work(ctx context.Context, job *river.Job[ReextractArticle]) error {
	res, err := Reextract(ctx, w.db, job.Args.ArticleID)
	if errors.Is(err, ErrNotFound) {
		return river.JobCancel(err)
	}
	if err != nil {
		return err
	}
	return river.RecordOutput(ctx, res)
}

// EnqueueReextraction queues a re-extraction job for each article, in
// inserts of a thousand jobs, and returns how many it queued. With no ids
// it queues every article whose claims came from an older extractor.
func EnqueueReextraction(ctx context.Context, db *gorm.DB, q *Queue, ids []int64) (int, error) {
	if len(ids) == 0 {
		err := db.WithContext(ctx).Raw(staleArticles, ExtractorVersion).Scan(&ids).Error
		if err != nil {
			return 0, fmt.Errorf("stale articles: %w", err)
		}
	}
	queued := 0
	for len(ids) > 0 {
		n := min(len(ids), 1000)
		params := make([]river.InsertManyParams, n)
		for i, id := range ids[:n] {
			params[i] = river.InsertManyParams{Args: ReextractArticle{ArticleID: id, Extractor: ExtractorVersion}}
		}
		res, err := q.InsertMany(ctx, params)
		if err != nil {
			return queued, fmt.Errorf("queue re-extraction: %w", err)
		}
		for _, r := range res {
			if !r.UniqueSkippedAsDuplicate {
				queued++
			}
		}
		ids = ids[n:]
	}
	return queued, nil
}

// staleArticles are those with a claim from another extractor than this
// one (reviewers' own claims aside).
const staleArticles = `
SELECT DISTINCT article_id FROM claims
WHERE extractor_version NOT IN (?, 'reviewer')
ORDER BY article_id`
