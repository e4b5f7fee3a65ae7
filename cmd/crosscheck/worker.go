package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/migrations"
	"github.com/crosscheck-news/crosscheck/sources"
)

// runWorker works queued jobs (fetching articles from URLs) until
// interrupted. serve works jobs too; a separate worker scales them apart.
func runWorker(ctx context.Context, e env, args []string) error {
	var c config
	fs, level := newFlags("worker", "worker [flags]", e, &c, false)
	qs := addQueueFlags(fs, e, 4)
	if err := parse(fs, level, &c, args); err != nil {
		return err
	}
	if qs.workers < 1 {
		return usageError{"--workers must be at least 1 for the worker command"}
	}
	log := c.logger(e.stderr)
	db, err := c.openDB(ctx, log)
	if err != nil {
		return err
	}
	defer db.Close()
	_, stop, err := qs.start(ctx, db, log)
	if err != nil {
		return err
	}
	log.Info("working jobs", "workers", qs.workers)
	<-ctx.Done()
	stop()
	return nil
}

// queueSettings are the flags of commands that work or queue jobs.
type queueSettings struct {
	workers      int
	allowPrivate bool
	fetchTimeout time.Duration
	stopTimeout  time.Duration
	rescueAfter  time.Duration
	jobTimeout   time.Duration
}

// addQueueFlags registers the job flags on fs; workers is the default of
// --workers.
func addQueueFlags(fs *flag.FlagSet, e env, workers int) *queueSettings {
	qs := &queueSettings{}
	if v, err := strconv.Atoi(e.getenv("CROSSCHECK_WORKERS")); err == nil {
		workers = v
	}
	fs.IntVar(&qs.workers, "workers", workers, "jobs (URL fetches) worked at once in this process; 0 works none (env CROSSCHECK_WORKERS)")
	fs.DurationVar(&qs.stopTimeout, "job-stop-timeout", 10*time.Second, "at shutdown, how long running jobs may take to finish before they are cancelled and returned to the queue")
	fs.DurationVar(&qs.rescueAfter, "job-rescue-after", 10*time.Minute, "how long a job may stay running before it is taken for a dead worker's and queued again (once it has also outlived its --job-timeout)")
	fs.DurationVar(&qs.jobTimeout, "job-timeout", 0, "how long one attempt of a fetch job may take, fetching, extracting and storing; 0 is --fetch-timeout plus two minutes")
	addFetchFlags(fs, e, qs)
	return qs
}

// addFetchFlags registers the flags of commands that fetch pages.
func addFetchFlags(fs *flag.FlagSet, e env, qs *queueSettings) {
	allow, _ := strconv.ParseBool(e.getenv("CROSSCHECK_ALLOW_PRIVATE_FETCH"))
	fs.BoolVar(&qs.allowPrivate, "allow-private-fetch", allow, "allow fetching URLs on private, loopback and link-local addresses; for development only, since it lets users reach the server's own network (env CROSSCHECK_ALLOW_PRIVATE_FETCH)")
	fs.DurationVar(&qs.fetchTimeout, "fetch-timeout", 30*time.Second, "how long fetching one page may take")
}

func (qs *queueSettings) fetchOptions() sources.FetchOptions {
	return sources.FetchOptions{AllowPrivate: qs.allowPrivate, Timeout: qs.fetchTimeout}
}

// start makes the job queue and, with workers, starts working it. stop
// lets running jobs finish for the stop timeout, then cancels them: River
// records a cancelled job's attempt as failed and schedules it again, so
// nothing is lost; a job of a process killed outright is rescued later.
func (qs *queueSettings) start(ctx context.Context, db *migrations.DB, log *slog.Logger) (*claims.Queue, func(), error) {
	q, err := claims.NewQueue(db.Pool, db.Gorm, claims.QueueOptions{
		Workers:         qs.workers,
		Fetch:           qs.fetchOptions(),
		StopTimeout:     qs.stopTimeout,
		RescueAfter:     qs.rescueAfter,
		FetchJobTimeout: qs.jobTimeout,
		Log:             log,
	})
	if err != nil {
		return nil, nil, err
	}
	if qs.workers == 0 {
		return q, func() {}, nil
	}
	// The queue stops when stop says so, after the HTTP server, not the
	// moment the signal arrives.
	if err := q.Start(context.WithoutCancel(ctx)); err != nil {
		return nil, nil, fmt.Errorf("start workers: %w", err)
	}
	stop := func() {
		log.Info("stopping workers: running jobs may finish", "timeout", qs.stopTimeout)
		sctx, cancel := context.WithTimeout(context.Background(), qs.stopTimeout+10*time.Second)
		defer cancel()
		if err := q.Stop(sctx); err != nil {
			log.Warn("workers did not stop in time", "err", err)
		}
	}
	return q, stop, nil
}
