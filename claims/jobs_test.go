package claims_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/migrations"
	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
	"github.com/crosscheck-news/crosscheck/sources"
)

const pageHTML = `<!DOCTYPE html><html lang="en"><head><title>Convoy attacked near Aleppo</title>
<meta name="author" content="Jane Reporter"><meta property="article:published_time" content="2016-09-20T08:30:00Z"></head>
<body><article><h1>Convoy attacked near Aleppo</h1>
<p>An aid convoy was struck on Monday evening near the town of Urum al-Kubra, west of Aleppo, killing at least twenty people, according to the Syrian Arab Red Crescent.</p>
<p>"We saw the trucks burning from the hills," said a resident who gave his name only as Ahmed. The United Nations said it was suspending all aid convoys in Syria.</p>
<p>Russia's defence ministry denied that its aircraft had carried out the strike, and said the convoy had been accompanied by a militant pickup truck.</p>
</article></body></html>`

// startQueue runs a queue with workers on db until the test ends.
func startQueue(t *testing.T, db *migrations.DB, fetch sources.FetchOptions) *claims.Queue {
	t.Helper()
	q, err := claims.NewQueue(db.Pool, db.Gorm, claims.QueueOptions{Workers: 2, Fetch: fetch, TestOnly: true, StopTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		q.StopAndCancel(ctx)
	})
	return q
}

// waitFor polls the job until it is in one of the states.
func waitFor(t *testing.T, q *claims.Queue, id int64, states ...rivertype.JobState) *rivertype.JobRow {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		row, err := q.JobGet(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range states {
			if row.State == s {
				return row
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %d is %s after 15s, want %v; errors %v", id, row.State, states, row.Errors)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestFetchArticleJob(t *testing.T) {
	db := pgtest.New(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(pageHTML))
	}))
	defer srv.Close()
	q := startQueue(t, db, sources.FetchOptions{AllowPrivate: true})
	ctx := context.Background()

	res, err := q.Insert(ctx, claims.FetchArticle{URL: srv.URL + "/convoy", Outlet: "Sample Wire"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	again, err := q.Insert(ctx, claims.FetchArticle{URL: srv.URL + "/convoy", Outlet: "Sample Wire"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.Job.ID != res.Job.ID || !again.UniqueSkippedAsDuplicate {
		t.Errorf("the same URL queued twice made jobs %d and %d", res.Job.ID, again.Job.ID)
	}
	row := waitFor(t, q, res.Job.ID, rivertype.JobStateCompleted)
	job, err := claims.FetchJobOf(row)
	if err != nil {
		t.Fatal(err)
	}
	if job.ArticleID == nil || !*job.Created {
		t.Fatalf("completed job %+v names no new article", job)
	}
	a, err := sources.NewStore(db.Gorm).Get(ctx, *job.ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Convoy attacked near Aleppo" || a.Byline != "Jane Reporter" || a.Outlet.Name != "Sample Wire" || a.PublishedAt == nil {
		t.Errorf("article = %q by %q in %q at %v", a.Title, a.Byline, a.Outlet.Name, a.PublishedAt)
	}
	if a.HTML == nil || *a.HTML != pageHTML {
		t.Errorf("the page's HTML was not kept")
	}
	if !strings.Contains(a.Text, "We saw the trucks burning") {
		t.Errorf("text = %q", a.Text)
	}
}

func TestFetchArticleJobCancelsWhatRetryCannotCure(t *testing.T) {
	db := pgtest.New(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.NotFound(w, r)
	}))
	defer srv.Close()
	ctx := context.Background()
	// Loopback is refused by default: the operator has not allowed it.
	q := startQueue(t, db, sources.FetchOptions{})
	res, err := q.Insert(ctx, claims.FetchArticle{URL: srv.URL + "/blocked"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	row := waitFor(t, q, res.Job.ID, rivertype.JobStateCancelled)
	if len(row.Errors) != 1 || !strings.Contains(row.Errors[0].Error, "not public") {
		t.Errorf("errors = %+v, want the blocked address", row.Errors)
	}
}

func TestFetchArticleJobRetriesServerErrors(t *testing.T) {
	db := pgtest.New(t)
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(pageHTML))
	}))
	defer srv.Close()
	ctx := context.Background()
	q := startQueue(t, db, sources.FetchOptions{AllowPrivate: true})
	res, err := q.Insert(ctx, claims.FetchArticle{URL: srv.URL}, nil)
	if err != nil {
		t.Fatal(err)
	}
	row := waitFor(t, q, res.Job.ID, rivertype.JobStateRetryable, rivertype.JobStateCompleted)
	if len(row.Errors) != 1 || !strings.Contains(row.Errors[0].Error, "503") {
		t.Fatalf("errors = %+v, want the 503", row.Errors)
	}
	if row.State == rivertype.JobStateRetryable {
		// Backoff would wait; ask for the retry now, as a user could.
		if _, err := q.JobRetry(ctx, res.Job.ID); err != nil {
			t.Fatal(err)
		}
	}
	row = waitFor(t, q, res.Job.ID, rivertype.JobStateCompleted)
	if row.Attempt != 2 {
		t.Errorf("attempt = %d, want 2", row.Attempt)
	}
}

func TestStopReturnsRunningJobsToTheQueue(t *testing.T) {
	db := pgtest.New(t)
	started := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		started <- struct{}{}
		<-r.Context().Done() // a page that never comes
	}))
	defer srv.Close()
	ctx := context.Background()
	q, err := claims.NewQueue(db.Pool, db.Gorm, claims.QueueOptions{Workers: 1, Fetch: sources.FetchOptions{AllowPrivate: true}, TestOnly: true, StopTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	res, err := q.Insert(ctx, claims.FetchArticle{URL: srv.URL}, nil)
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-started:
	case <-time.After(15 * time.Second):
		t.Fatal("the job never started")
	}
	// Stop waits StopTimeout for the job, then cancels it.
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := q.Stop(sctx); err != nil {
		t.Fatal(err)
	}
	row, err := q.JobGet(ctx, res.Job.ID)
	if err != nil {
		t.Fatal(err)
	}
	if row.State != rivertype.JobStateRetryable && row.State != rivertype.JobStateAvailable {
		t.Fatalf("after stop the job is %s, want it back in the queue", row.State)
	}
}

func TestPermanent(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{sources.ErrBlockedAddress, true},
		{&sources.StatusError{Code: 404}, true},
		{&sources.StatusError{Code: 502}, false},
		{sources.InvalidError{{Field: "text", Message: "is required"}}, true},
		{context.DeadlineExceeded, false},
		{errors.New("connection reset"), false},
	} {
		if got := claims.Permanent(tc.err); got != tc.want {
			t.Errorf("Permanent(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
	var _ river.JobArgs = claims.FetchArticle{}
}
