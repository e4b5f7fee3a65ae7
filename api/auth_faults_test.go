package api_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/crosscheck-news/crosscheck/api"
	"github.com/crosscheck-news/crosscheck/migrations"
	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
)

// With no database at all, data endpoints answer 503 (and say when to come
// back), never 500, and the server stays up.
func TestDatabaseGoneIs503(t *testing.T) {
	cfg, err := pgxpool.ParseConfig("postgres://nobody:nothing@127.0.0.1:1/none?connect_timeout=2")
	if err != nil {
		t.Fatal(err)
	}
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	g, err := gorm.Open(postgres.New(postgres.Config{Conn: stdlib.OpenDBFromPool(pool)}), &gorm.Config{Logger: logger.Discard, DisableAutomaticPing: true})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(g, slog.New(slog.DiscardHandler), api.Options{Ping: pool.Ping, AllowAnonymousRead: true}))
	defer srv.Close()
	s := &authServer{Server: srv, t: t}
	for _, c := range []struct {
		cred         cred
		method, path string
		body         string
	}{
		{cred{}, "GET", "/healthz", ""},
		{cred{}, "GET", "/api/v1/claims", ""},
		{cred{}, "GET", "/api/v1/articles/1", ""},
		{cred{bearer: "cct_whatever"}, "GET", "/api/v1/claims", ""},
		{cred{}, "POST", "/api/v1/session", `{"email":"a@example.org","password":"whatever it is"}`},
	} {
		r := s.call(c.cred, c.method, c.path, c.body)
		var p struct{ Status int }
		json.Unmarshal(r.body, &p)
		if r.status != 503 || p.Status != 503 || (c.path != "/healthz" && r.header.Get("Retry-After") == "") {
			t.Errorf("%s %s: %d %s", c.method, c.path, r.status, r.body)
		}
	}
}

// When PostgreSQL drops every connection (as a restart does), requests in
// the gap get 503 at worst, and the server recovers by itself.
func TestDatabaseRestartRecovers(t *testing.T) {
	url := pgtest.URL(t)
	db, err := migrations.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	srv := httptest.NewServer(api.New(db.Gorm, slog.New(slog.DiscardHandler), api.Options{Ping: db.Ping, AllowAnonymousRead: true}))
	defer srv.Close()
	s := &authServer{Server: srv, db: db, t: t}
	if r := s.call(cred{}, "GET", "/api/v1/claims", ""); r.status != 200 {
		t.Fatalf("before: %d", r.status)
	}
	killer, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer killer.Close(context.Background())
	if _, err := killer.Exec(context.Background(), `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		r := s.call(cred{}, "GET", "/api/v1/claims", "")
		if r.status == 200 {
			break
		}
		if r.status != 503 {
			t.Fatalf("after the connections dropped: %d %s", r.status, r.body)
		}
		if time.Now().After(deadline) {
			t.Fatal("the server did not recover")
		}
		time.Sleep(100 * time.Millisecond)
	}
}
