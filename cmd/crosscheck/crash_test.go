package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/migrations"
	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
)

// A worker process killed outright (SIGKILL, a lost machine) in the middle
// of a job does not lose it: once the job has been running longer than the
// rescue time, another worker takes it for a dead worker's, queues it
// again, and works it.
func TestKilledWorkersJobIsRetried(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a worker process and waits for its job to be rescued")
	}
	dbURL := pgtest.URL(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	// The page hangs on the first request, until the worker fetching it is
	// dead; later requests get the article.
	var requests atomic.Int32
	first := make(chan struct{})
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if requests.Add(1) == 1 {
			close(first)
			<-r.Context().Done()
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<!doctype html><html><head><title>Port reopens after storm</title></head><body><article>
<h1>Port reopens after storm</h1>
<p>The harbour master of the fictional port of Lowmere said on Tuesday that the docks would reopen within two days after the storm.</p>
<p>"We have checked every berth," she told Sample Wire. Shipping agents said the delay had cost them little so far.</p>
</article></body></html>`)
	}))
	defer page.Close()

	db, err := migrations.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	inserter, err := claims.NewQueue(db.Pool, db.Gorm, claims.QueueOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := inserter.Insert(ctx, claims.FetchArticle{URL: page.URL + "/lowmere", Outlet: "Sample Wire"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	jobID := res.Job.ID

	// Worker A, a process of its own, takes the job and hangs on the page.
	var logA bytes.Buffer
	a := exec.Command(os.Args[0], "-test.run=^$")
	a.Env = append(os.Environ(), "DATABASE_URL="+dbURL, "LOG_LEVEL=error",
		runAsMainEnv+"="+strings.Join([]string{"worker", "--workers", "1", "--allow-private-fetch"}, "\x1f"))
	a.Stdout, a.Stderr = &logA, &logA
	if err := a.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-first:
	case <-time.After(60 * time.Second):
		a.Process.Kill()
		t.Fatalf("worker A never fetched the page; its output:\n%s", logA.String())
	}
	if err := a.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	a.Wait()
	state := func() (st string, attempt int) {
		if err := db.SQL.QueryRow(`SELECT state, attempt FROM river_job WHERE id = $1`, jobID).Scan(&st, &attempt); err != nil {
			t.Fatal(err)
		}
		return st, attempt
	}
	if st, attempt := state(); st != "running" || attempt != 1 {
		t.Fatalf("after the kill the job is %s at attempt %d; want running at attempt 1", st, attempt)
	}

	// Worker B rescues it once it has been running for longer than both
	// the rescue time and the job's timeout, here a few seconds (by default
	// minutes, so that a live worker's job is never taken).
	done := make(chan error, 1)
	var logB syncBuffer
	go func() {
		done <- run(ctx, []string{"worker", "--workers", "1", "--allow-private-fetch", "--job-rescue-after", "2s", "--job-timeout", "5s"},
			func(k string) string { return map[string]string{"DATABASE_URL": dbURL, "LOG_LEVEL": "info"}[k] },
			nil, io.Discard, &logB)
	}()
	// River's leader rescues; A led, and its term must lapse first.
	deadline := time.Now().Add(90 * time.Second)
	for st, attempt := state(); st != "completed"; st, attempt = state() {
		select {
		case err := <-done:
			t.Fatalf("worker B stopped: %v\n%s", err, logB.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the job is %s at attempt %d, not rescued and worked; worker B said:\n%s", st, attempt, logB.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	if _, attempt := state(); attempt != 2 {
		t.Errorf("the job completed at attempt %d, want 2", attempt)
	}
	var stored int
	if err := db.SQL.QueryRow(`SELECT count(*) FROM articles WHERE url = $1`, page.URL+"/lowmere").Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored != 1 {
		t.Errorf("%d articles stored from the page, want 1", stored)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("worker B: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Error("worker B did not stop")
	}
}

// syncBuffer is a bytes.Buffer written by one goroutine and read by another.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
