package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/migrations"
	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
)

// Two servers and a worker on one database, as behind a load balancer: a
// session made on one server works on the other, and a job queued through
// one process is worked by the worker.
func TestTwoServersAndAWorkerShareSessionsAndJobs(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two servers and a worker")
	}
	dbURL := pgtest.URL(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := map[string]string{"DATABASE_URL": dbURL, "LOG_LEVEL": "error"}
	getenv := func(k string) string { return env[k] }

	// A reviewer, made with the command.
	if err := run(ctx, []string{"user", "add", "--email", "rita@example.org", "--role", "reviewer", "--name", "Rita", "--password-stdin"},
		getenv, strings.NewReader("a long enough password\n"), io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}

	done := make(chan error, 3)
	var bases []string
	for range 2 {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		bases = append(bases, "http://"+addr)
		go func() {
			done <- run(ctx, []string{"serve", "--listen", addr, "--workers", "0"}, getenv, nil, io.Discard, io.Discard)
		}()
	}
	go func() { done <- run(ctx, []string{"worker", "--workers", "2"}, getenv, nil, io.Discard, io.Discard) }()
	for _, b := range bases {
		waitFor(t, 30*time.Second, "server "+b, func() bool {
			resp, err := http.Get(b + "/healthz")
			if err != nil {
				return false
			}
			resp.Body.Close()
			return resp.StatusCode == 200
		})
	}

	// Sign in on the first server; the cookie and CSRF token work on the second.
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	call := func(method, url, csrf, body string, out any) int {
		t.Helper()
		req, _ := http.NewRequest(method, url, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if csrf != "" {
			req.Header.Set("X-CSRF-Token", csrf)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if out != nil {
			json.NewDecoder(resp.Body).Decode(out)
		}
		return resp.StatusCode
	}
	var session struct {
		CSRFToken string `json:"csrf_token"`
	}
	if st := call("POST", bases[0]+"/api/v1/session", "", `{"email":"rita@example.org","password":"a long enough password"}`, &session); st != 200 && st != 201 {
		t.Fatalf("sign in: %d", st)
	}
	// The jar holds the cookie for 127.0.0.1 whatever the port, as a browser
	// would for one host name behind a load balancer.
	var a struct {
		ID     int64
		Claims []struct{ ID int64 }
	}
	body, _ := json.Marshal(map[string]string{"title": "Bridge to reopen", "outlet": "Sample Wire",
		"text": "Officials said the bridge would reopen on Monday.\n\nThe bridge closed in May after inspectors found cracks."})
	if st := call("POST", bases[1]+"/api/v1/articles", session.CSRFToken, string(body), &a); st != 201 || len(a.Claims) == 0 {
		t.Fatalf("ingest on the second server with the first's session: %d", st)
	}
	if st := call("PATCH", fmt.Sprintf("%s/api/v1/claims/%d", bases[0], a.Claims[0].ID), session.CSRFToken, `{"version":1,"status":"confirmed"}`, nil); st != 200 {
		t.Fatalf("confirm on the first server: %d", st)
	}

	// A job queued from the command line is worked by the worker.
	db, err := migrations.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Pool.Exec(ctx, `UPDATE claims SET extractor_version = 'rules-0' WHERE status = 'unreviewed'`); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(ctx, []string{"reextract"}, getenv, nil, &out, io.Discard); err != nil || !strings.Contains(out.String(), "queued 1 ") {
		t.Fatalf("reextract: %v %q", err, out.String())
	}
	waitFor(t, 30*time.Second, "the worker to re-extract", func() bool {
		var stale int
		db.Pool.QueryRow(ctx, `SELECT count(*) FROM claims WHERE extractor_version = 'rules-0'`).Scan(&stale)
		return stale == 0
	})
	var confirmed string
	db.Pool.QueryRow(ctx, `SELECT status FROM claims WHERE id = $1`, a.Claims[0].ID).Scan(&confirmed)
	if confirmed != "confirmed" {
		t.Errorf("the reviewer's claim is %q after re-extraction", confirmed)
	}

	cancel()
	for range 3 {
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("a process ended with %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("a process did not stop")
		}
	}
}
