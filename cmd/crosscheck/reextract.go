package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/crosscheck-news/crosscheck/claims"
)

// runReextract queues re-extraction with the current extractor: of the
// named articles, or of every article whose claims an older extractor
// made. Workers (serve's or `crosscheck worker`) do the work; reviewed
// claims are kept.
func runReextract(ctx context.Context, e env, args []string) error {
	var c config
	fs, level := newFlags("reextract", "reextract [flags] [ARTICLE_ID...]\n\nQueues a job per article; with no ids, every article extracted by an older extractor.", e, &c, false)
	if err := parse(fs, level, &c, args); err != nil {
		return err
	}
	ids := make([]int64, 0, fs.NArg())
	for _, a := range fs.Args() {
		id, err := strconv.ParseInt(a, 10, 64)
		if err != nil || id < 1 {
			return usageError{fmt.Sprintf("reextract: %q is not an article id", a)}
		}
		ids = append(ids, id)
	}
	log := c.logger(e.stderr)
	db, err := c.openDB(ctx, log)
	if err != nil {
		return err
	}
	defer db.Close()
	q, err := claims.NewQueue(db.Pool, db.Gorm, claims.QueueOptions{})
	if err != nil {
		return err
	}
	n, err := claims.EnqueueReextraction(ctx, db.Gorm, q, ids)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "queued %d re-extraction jobs (extractor %s)\n", n, claims.ExtractorVersion)
	return nil
}
