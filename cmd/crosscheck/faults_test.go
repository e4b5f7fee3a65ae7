package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/migrations"
)

// The database restarts under load: the server stays up, answers 503 (never
// 500) while it is gone, recovers by itself, and every write it
// acknowledged is in the database afterwards.
func TestServerSurvivesDatabaseRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and restarts a PostgreSQL cluster of its own")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pg, err := migrations.StartPrivate(ctx, filepath.Join(t.TempDir(), "pg"), slog.New(slog.DiscardHandler))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("a private PostgreSQL cluster is needed under CI: %v", err)
		}
		t.Skipf("no private PostgreSQL cluster: %v", err)
	}
	t.Cleanup(func() { pg.Stop(context.Background()) })
	dbURL, err := pg.Ensure(ctx, "crosscheck")
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()

	env := map[string]string{"DATABASE_URL": dbURL, "LOG_LEVEL": "error"}
	served := make(chan error, 1)
	go func() {
		served <- run(ctx, []string{"serve", "--listen", addr, "--insecure-anonymous-write", "--workers", "0"},
			func(k string) string { return env[k] }, nil, io.Discard, io.Discard)
	}()
	base := "http://" + addr
	client := &http.Client{Timeout: 10 * time.Second}
	healthy := func() bool {
		resp, err := client.Get(base + "/healthz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == 200
	}
	waitFor(t, 30*time.Second, "the server to start", healthy)

	var (
		mu       sync.Mutex
		acked    []int64
		statuses = map[int]int{}
	)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				body, _ := json.Marshal(map[string]string{
					"title": "Bridge report", "outlet": "Sample Wire",
					"text": fmt.Sprintf("Officials said the bridge %d-%d would reopen on Monday.\n\nThe bridge closed in May.", w, i),
				})
				resp, err := client.Post(base+"/api/v1/articles", "application/json", bytes.NewReader(body))
				if err != nil {
					continue // no answer is no acknowledgement
				}
				var a struct{ ID int64 }
				json.NewDecoder(resp.Body).Decode(&a)
				resp.Body.Close()
				mu.Lock()
				statuses[resp.StatusCode]++
				if resp.StatusCode == http.StatusCreated {
					acked = append(acked, a.ID)
				}
				mu.Unlock()
				if resp.StatusCode == http.StatusServiceUnavailable {
					time.Sleep(50 * time.Millisecond)
				}
			}
		}()
	}
	time.Sleep(2 * time.Second)
	if err := pg.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 30*time.Second, "the server to recover", healthy)
	time.Sleep(2 * time.Second) // writes after the recovery
	close(stop)
	wg.Wait()

	mu.Lock()
	defer mu.Unlock()
	t.Logf("statuses %v, %d acknowledged writes", statuses, len(acked))
	if statuses[http.StatusInternalServerError] > 0 {
		t.Errorf("%d answers were 500: a database outage must read as 503", statuses[http.StatusInternalServerError])
	}
	if statuses[http.StatusCreated] == 0 {
		t.Fatal("no write was acknowledged")
	}
	db, err := migrations.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var stored int
	if err := db.Pool.QueryRow(ctx, `SELECT count(*) FROM articles WHERE id = ANY($1)`, acked).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored != len(acked) {
		t.Fatalf("%d of %d acknowledged articles are in the database", stored, len(acked))
	}
	var orphans int
	db.Pool.QueryRow(ctx, `SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id)`).Scan(&orphans)
	if orphans != 0 {
		t.Errorf("%d articles without their claims: an ingest was half-written", orphans)
	}
	cancel()
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Error("serve did not stop")
	}
}

func waitFor(t *testing.T, limit time.Duration, what string, ok func() bool) {
	t.Helper()
	end := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(end) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
