package claims

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"
	"gorm.io/gorm"

	"github.com/crosscheck-news/crosscheck/sources"
)

// Background work runs as River jobs (github.com/riverqueue/river) in the
// same PostgreSQL database: a job inserted in a transaction exists exactly
// when the transaction commits, a failed job is retried with exponential
// backoff, and a job whose worker died (a crash, a kill -9) is found by
// River's rescuer and retried.

// Queue is the job queue: a River client. One made with no workers only
// inserts and reads jobs.
type Queue = river.Client[pgx.Tx]

// FetchArticle is the job of fetching a web page and ingesting the article
// in it with its claims.
type FetchArticle struct {
	URL string `json:"url"`
	// Outlet names the article's outlet; when empty it is found from the
	// domain of the page's URL.
	Outlet string `json:"outlet,omitempty"`
}

// Kind is the job's name in the queue; changing it orphans queued jobs.
func (FetchArticle) Kind() string { return "fetch_article" }

// InsertOpts: a page that fails five times, over about ten minutes of
// backoff (River's default attempt^4 seconds), is not coming back soon.
// The same URL queued twice while the first job is pending, running or
// recently done is one job, so a double submit polls the first.
func (FetchArticle) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 5, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// FetchResult is what a finished fetch job records as its output.
type FetchResult struct {
	ArticleID int64 `json:"article_id"`
	// Created is false when the page's text was already stored.
	Created bool `json:"created"`
	Claims  int  `json:"claims"`
}

// QueueOptions configure NewQueue.
type QueueOptions struct {
	// Workers is how many jobs this process works at once; 0 makes a client
	// that only inserts and reads jobs.
	Workers int
	// Fetch configures the fetch jobs' HTTP requests.
	Fetch sources.FetchOptions
	// StopTimeout is how long Stop lets running jobs finish before
	// cancelling them; a cancelled job goes back to the queue to be retried.
	// Default 10 seconds.
	StopTimeout time.Duration
	// FetchJobTimeout bounds one attempt of a fetch job: fetching, then
	// extracting and storing. Default the fetch's own timeout plus two
	// minutes.
	FetchJobTimeout time.Duration
	// RescueAfter is how long a job may stay running before it is taken for
	// the job of a worker that died (killed, lost its machine) and queued
	// again. River rescues a job only once its attempt has also outlived
	// the job's timeout, so a live worker's job is not worked twice.
	// Default 10 minutes.
	RescueAfter time.Duration
	Log         *slog.Logger
	// TestOnly makes starting and stopping fast, for tests.
	TestOnly bool
}

// NewQueue returns a River client on pool whose workers ingest into db.
// Call Start to work jobs (when opts.Workers > 0) and Stop at the end.
func NewQueue(pool *pgxpool.Pool, db *gorm.DB, opts QueueOptions) (*Queue, error) {
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if opts.StopTimeout <= 0 {
		opts.StopTimeout = 10 * time.Second
	}
	if opts.RescueAfter <= 0 {
		opts.RescueAfter = 10 * time.Minute
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, &FetchArticleWorker{db: db, client: sources.NewFetchClient(opts.Fetch), opts: opts.Fetch, timeout: opts.FetchJobTimeout})
	river.AddWorker(workers, &ReextractArticleWorker{db: db})
	cfg := &river.Config{
		Workers: workers,
		Logger:  opts.Log,
		// By default longer than any fetch job may run (its Timeout), so a
		// job still running is never taken for a dead worker's. Whichever
		// process is River's leader rescues.
		RescueStuckJobsAfter: opts.RescueAfter,
		// River's default for jobs that set no timeout of their own (one
		// minute), lowered when rescue comes sooner, as River requires.
		JobTimeout:      min(time.Minute, opts.RescueAfter),
		SoftStopTimeout: opts.StopTimeout,
		TestOnly:        opts.TestOnly,
	}
	if opts.Workers > 0 {
		cfg.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: opts.Workers}}
	}
	q, err := river.NewClient(riverpgxv5.New(pool), cfg)
	if err != nil {
		return nil, fmt.Errorf("job queue: %w", err)
	}
	return q, nil
}

// FetchArticleWorker works FetchArticle jobs.
type FetchArticleWorker struct {
	river.WorkerDefaults[FetchArticle]
	db      *gorm.DB
	client  *http.Client
	opts    sources.FetchOptions
	timeout time.Duration
}

// Timeout leaves time for extraction and storing after the fetch's own
// timeout, unless the queue was given one.
func (w *FetchArticleWorker) Timeout(*river.Job[FetchArticle]) time.Duration {
	if w.timeout > 0 {
		return w.timeout
	}
	t := w.opts.Timeout
	if t <= 0 {
		t = 30 * time.Second
	}
	return t + 2*time.Minute
}

// Work fetches the page and ingests it. Errors that asking again will not
// cure (a blocked address, a 404, a PDF, an invalid article) cancel the
// job instead of spending its retries.
func (w *FetchArticleWorker) Work(ctx context.Context, job *river.Job[FetchArticle]) error {
	res, err := FetchAndIngest(ctx, w.db, w.client, job.Args, w.opts)
	if err != nil {
		if Permanent(err) {
			return river.JobCancel(err)
		}
		return err
	}
	return river.RecordOutput(ctx, FetchResult{ArticleID: res.Article.ID, Created: res.Created, Claims: len(res.Claims)})
}

// FetchAndIngest fetches a page and ingests its article with its claims,
// keeping the page's HTML beside the text, all in one transaction.
func FetchAndIngest(ctx context.Context, db *gorm.DB, client *http.Client, args FetchArticle, opts sources.FetchOptions) (Ingested, error) {
	page, err := sources.Fetch(ctx, client, args.URL, opts)
	if err != nil {
		return Ingested{}, err
	}
	sub := page.Submission()
	sub.Outlet = args.Outlet
	if sub.Title == "" {
		sub.Title = TitleOf(sub.Text)
	}
	var res Ingested
	err = db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var err error
		if res, err = Ingest(ctx, tx, sub); err != nil {
			return err
		}
		if page.HTML != "" && res.Created {
			return sources.NewStore(tx).SetHTML(ctx, res.Article.ID, page.HTML)
		}
		return nil
	})
	return res, err
}

// Permanent reports whether a fetch or ingest error will recur on retry.
func Permanent(err error) bool {
	var status *sources.StatusError
	var invalid sources.InvalidError
	switch {
	case errors.As(err, &status):
		return !status.Temporary()
	case errors.As(err, &invalid):
		return true
	}
	for _, e := range []error{sources.ErrBlockedAddress, sources.ErrTooLarge, sources.ErrContentType,
		sources.ErrTooManyRedirects, sources.ErrUnsupportedURL, sources.ErrNoText} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// FetchJob is a fetch job as clients see it while they poll it.
type FetchJob struct {
	ID          int64      `json:"id"`
	Kind        string     `json:"kind"`
	State       string     `json:"state" doc:"available, scheduled, running, retryable, completed, cancelled or discarded"`
	Attempt     int        `json:"attempt"`
	MaxAttempts int        `json:"max_attempts"`
	URL         string     `json:"url"`
	Outlet      string     `json:"outlet,omitempty"`
	Errors      []JobError `json:"errors"`
	ArticleID   *int64     `json:"article_id" doc:"the stored article, once the job is completed"`
	Created     *bool      `json:"created,omitempty" doc:"false when the page's text was already stored"`
	CreatedAt   time.Time  `json:"created_at"`
	ScheduledAt time.Time  `json:"scheduled_at" doc:"when the job (or its next attempt) runs"`
	FinalizedAt *time.Time `json:"finalized_at"`
}

// JobError is one failed attempt.
type JobError struct {
	At      time.Time `json:"at"`
	Attempt int       `json:"attempt"`
	Error   string    `json:"error"`
}

// ErrNotFetchJob is returned for a job row of another kind.
var ErrNotFetchJob = errors.New("not a fetch job")

// FetchJobOf reads a fetch job from its River row.
func FetchJobOf(row *rivertype.JobRow) (FetchJob, error) {
	if row.Kind != (FetchArticle{}).Kind() {
		return FetchJob{}, ErrNotFetchJob
	}
	var args FetchArticle
	if err := json.Unmarshal(row.EncodedArgs, &args); err != nil {
		return FetchJob{}, fmt.Errorf("job %d: %w", row.ID, err)
	}
	j := FetchJob{
		ID: row.ID, Kind: row.Kind, State: string(row.State), Attempt: row.Attempt, MaxAttempts: row.MaxAttempts,
		URL: args.URL, Outlet: args.Outlet, Errors: make([]JobError, len(row.Errors)),
		CreatedAt: row.CreatedAt, ScheduledAt: row.ScheduledAt, FinalizedAt: row.FinalizedAt,
	}
	for i, e := range row.Errors {
		j.Errors[i] = JobError{At: e.At, Attempt: e.Attempt, Error: e.Error}
	}
	if out := row.Output(); len(out) > 0 {
		var r FetchResult
		if err := json.Unmarshal(out, &r); err == nil && r.ArticleID != 0 {
			j.ArticleID, j.Created = &r.ArticleID, &r.Created
		}
	}
	return j, nil
}
