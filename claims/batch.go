package claims

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"

	"github.com/crosscheck-news/crosscheck/sources"
)

// BatchSize is how many articles IngestBatch stores per transaction when a
// caller has more: large enough that round trips stop mattering, small
// enough that one bad chunk costs little to redo one by one.
const BatchSize = 500

// Result is what became of one submission of a batch.
type Result struct {
	// Article is the stored article (new or found by its hash), without
	// its text; its ID is 0 when Err is set.
	Article sources.Article
	Claims  int
	// Created is false when the text was already stored (or appeared
	// earlier in the same batch).
	Created bool
	// Err is why this submission was not stored: invalid, or refused by the
	// database. The other submissions are unaffected.
	Err error
}

// IngestBatch ingests many submissions with few round trips: per chunk of
// BatchSize, one query finds the texts already stored and one transaction
// stores the rest, articles and claims in multi-row inserts. Each article
// is still all-or-nothing: submissions are validated and extracted before
// the transaction, and if the transaction fails anyway (a row the database
// refuses), the chunk is stored again one article at a time, so one bad
// article costs only itself. The error is for the batch as a whole (the
// context ended, the database is gone); per-article errors are in Result.
func IngestBatch(ctx context.Context, db *gorm.DB, subs []sources.Submission) ([]Result, error) {
	out := make([]Result, 0, len(subs))
	for start := 0; start < len(subs); start += BatchSize {
		chunk := subs[start:min(start+BatchSize, len(subs))]
		res, err := ingestChunk(ctx, db, chunk)
		if err != nil {
			return out, err
		}
		out = append(out, res...)
	}
	return out, nil
}

type batchItem struct {
	i      int // index in the chunk
	sub    sources.Submission
	hash   []byte
	drafts []Draft
}

func ingestChunk(ctx context.Context, db *gorm.DB, subs []sources.Submission) ([]Result, error) {
	res := make([]Result, len(subs))
	var todo []*batchItem
	first := map[string]int{} // hash -> index of its first submission in the chunk
	repeats := map[int]int{}  // index -> index of the same text's first submission
	var hashes [][]byte
	for i := range subs {
		sub := subs[i]
		if err := sub.Validate(); err != nil {
			res[i].Err = err
			continue
		}
		h := sources.Hash(sub.Text)
		if j, dup := first[string(h)]; dup {
			repeats[i] = j
			continue
		}
		first[string(h)] = i
		hashes = append(hashes, h)
		todo = append(todo, &batchItem{i: i, sub: sub, hash: h})
	}
	stored, err := storedByHash(ctx, db, hashes)
	if err != nil {
		return nil, err
	}
	fresh := todo[:0]
	for _, p := range todo {
		if a, ok := stored[string(p.hash)]; ok {
			res[p.i] = Result{Article: a}
			continue
		}
		fresh = append(fresh, p)
	}
	extractAll(fresh)

	if len(fresh) > 0 {
		var created []Result
		err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			var err error
			created, err = storeChunk(ctx, tx, fresh)
			return err
		})
		switch {
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case err == nil:
			for k, p := range fresh {
				res[p.i] = created[k]
			}
		default:
			// One article the database refuses sinks the transaction;
			// Ingest stores each on its own, so only that one fails.
			for _, p := range fresh {
				one, err := Ingest(ctx, db, p.sub)
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				one.Article.Text, one.Article.HTML = "", nil
				res[p.i] = Result{Article: one.Article, Claims: len(one.Claims), Created: one.Created, Err: err}
			}
		}
	}
	// Repeats within the chunk are the first one's article, not new.
	for i, j := range repeats {
		res[i] = Result{Article: res[j].Article, Claims: res[j].Claims, Err: res[j].Err}
	}
	return res, nil
}

// storedByHash returns the stored articles with the given hashes, in one
// query.
func storedByHash(ctx context.Context, db *gorm.DB, hashes [][]byte) (map[string]sources.Article, error) {
	out := map[string]sources.Article{}
	if len(hashes) == 0 {
		return out, nil
	}
	var list []sources.Article
	err := db.WithContext(ctx).Omit("text", "html").Where("content_hash IN ?", hashes).Find(&list).Error
	if err != nil {
		return nil, fmt.Errorf("find stored articles: %w", err)
	}
	for _, a := range list {
		out[string(a.ContentHash)] = a
	}
	return out, nil
}

// extractAll runs the (pure, CPU-bound) extractor on every core.
func extractAll(ps []*batchItem) {
	var wg sync.WaitGroup
	next := make(chan *batchItem)
	for range min(runtime.GOMAXPROCS(0), max(len(ps), 1)) {
		wg.Go(func() {
			for p := range next {
				p.drafts = Extract(p.sub.Text)
			}
		})
	}
	for _, p := range ps {
		next <- p
	}
	close(next)
	wg.Wait()
}

const insertArticleRow = `(?, ?, ?, ?, ?, ?, ?, ?)`

// storeChunk inserts the chunk's articles in one statement, then their
// claims in as few as the parameter limit allows, then one audit row each.
func storeChunk(ctx context.Context, tx *gorm.DB, ps []*batchItem) ([]Result, error) {
	db := tx.WithContext(ctx)
	articles := sources.NewStore(tx)
	outlets := map[string]sources.Outlet{}
	rows := make([]string, len(ps))
	args := make([]any, 0, 8*len(ps))
	for k, p := range ps {
		key := strings.ToLower(p.sub.Outlet) + "\x00" + sources.Domain(p.sub.URL)
		o, ok := outlets[key]
		if !ok {
			var err error
			if o, err = articles.OutletFor(ctx, p.sub.Outlet, sources.Domain(p.sub.URL)); err != nil {
				return nil, err
			}
			outlets[key] = o
		}
		rows[k] = insertArticleRow
		args = append(args, o.ID, p.sub.URL, p.sub.Title, p.sub.Byline, p.sub.PublishedAt, p.sub.Language, p.sub.Text, p.hash)
	}
	var ids []struct {
		ID          int64
		ContentHash []byte
		IngestedAt  time.Time
	}
	// A concurrent ingest may have stored a text since storedByHash: such a
	// row is not inserted and gets no id here, and the chunk starts again
	// one by one, where Ingest finds it.
	err := db.Raw(`INSERT INTO articles (outlet_id, url, title, byline, published_at, language, text, content_hash) VALUES `+
		strings.Join(rows, ", ")+` ON CONFLICT (content_hash) DO NOTHING RETURNING id, content_hash, ingested_at`, args...).
		Scan(&ids).Error
	if err != nil {
		return nil, fmt.Errorf("store articles: %w", err)
	}
	if len(ids) != len(ps) {
		return nil, errors.New("store articles: some were stored concurrently")
	}
	byHash := make(map[string]int, len(ids))
	for k, r := range ids {
		byHash[string(r.ContentHash)] = k
	}

	s := NewStore(tx)
	sp := speakerCache{store: s, ctx: ctx, known: map[string]Speaker{}}
	out := make([]Result, len(ps))
	var all []Claim
	audit := make([]string, 0, len(ps))
	auditArgs := make([]any, 0, 2*len(ps))
	for k, p := range ps {
		r := ids[byHash[string(p.hash)]]
		key := strings.ToLower(p.sub.Outlet) + "\x00" + sources.Domain(p.sub.URL)
		o := outlets[key]
		a := sources.Article{
			ID: r.ID, OutletID: o.ID, Outlet: o, URL: p.sub.URL, Title: p.sub.Title, Byline: p.sub.Byline,
			PublishedAt: p.sub.PublishedAt, Language: p.sub.Language, ContentHash: p.hash, IngestedAt: r.IngestedAt,
		}
		a.Text = p.sub.Text // for building claims; dropped from the result
		cs, err := buildClaims(a, p.drafts, sp.resolve)
		if err != nil {
			return nil, err
		}
		all = append(all, cs...)
		a.Text = ""
		out[k] = Result{Article: a, Claims: len(cs), Created: true}
		after, _ := json.Marshal(map[string]any{"title": a.Title, "outlet": o.Name, "claims": len(cs), "extractor_version": ExtractorVersion, "batch": true})
		audit = append(audit, `('ingest', 'article', ?, ?)`)
		auditArgs = append(auditArgs, a.ID, string(after))
	}
	if len(all) > 0 {
		// 20 columns a claim: 2,000 claims stay well under PostgreSQL's
		// 65,535 parameters a statement.
		if err := db.Omit("Speaker").CreateInBatches(&all, 2000).Error; err != nil {
			return nil, fmt.Errorf("store claims: %w", err)
		}
	}
	if err := db.Exec(`INSERT INTO audit_log (action, entity, entity_id, after) VALUES `+strings.Join(audit, ", "), auditArgs...).Error; err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	return out, nil
}

// speakerCache resolves each speaker once per chunk rather than once per
// article: a batch of wire copy names the same few people thousands of
// times.
type speakerCache struct {
	store *Store
	ctx   context.Context
	known map[string]Speaker // lower(name) \x00 kind \x00 alias
}

func (c *speakerCache) resolve(want Speaker, alias string) (Speaker, error) {
	key := strings.ToLower(want.Name) + "\x00" + string(want.Kind) + "\x00" + strings.ToLower(alias) + "\x00" + want.Role + "\x00" + want.Organisation
	if sp, ok := c.known[key]; ok {
		return sp, nil
	}
	sp, err := c.store.resolveSpeaker(c.ctx, want, alias)
	if err != nil {
		return Speaker{}, err
	}
	c.known[key] = sp
	return sp, nil
}

// buildClaims turns one article's drafts into claims to store, as
// insertDrafts does, with speakers resolved through resolve.
func buildClaims(a sources.Article, drafts []Draft, resolve func(Speaker, string) (Speaker, error)) ([]Claim, error) {
	pos := NewPositions(a.Text)
	rng := func(sp Span) (int, int) { return pos.Runes(sp.Start), pos.Runes(sp.End) }
	var outletSpeaker *Speaker
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
			mention := ""
			if !ref.Mention.Empty() {
				mention = ref.Mention.Of(a.Text)
				ms, me := rng(ref.Mention)
				c.MentionStart, c.MentionEnd, c.MentionText = &ms, &me, mention
			}
			kind := ref.Kind
			if kind == "" {
				kind = Person
			}
			sp, err := resolve(Speaker{Name: strings.TrimSpace(ref.Name), Role: ref.Role, Organisation: ref.Organisation, Kind: kind}, aliasOf(mention))
			if err != nil {
				return nil, err
			}
			c.SpeakerID = &sp.ID
		case !d.Kind.Attributed():
			if outletSpeaker == nil {
				sp, err := resolve(Speaker{Name: a.Outlet.Name, Kind: Outlet}, "")
				if err != nil {
					return nil, err
				}
				outletSpeaker = &sp
			}
			c.SpeakerID = &outletSpeaker.ID
		}
		out = append(out, c)
	}
	return out, nil
}
