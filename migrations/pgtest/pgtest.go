// Package pgtest gives each test its own freshly migrated PostgreSQL
// database, cloned from a template that is migrated once per schema version.
//
// The server is found as the commands find it (migrations.Find): DATABASE_URL,
// then a local server, then a private cluster. Without one a test is skipped,
// except under CI=true, where it fails: CI must never pass by skipping.
package pgtest

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver pgtestdb uses
	"github.com/peterldowns/pgtestdb"

	"github.com/crosscheck-news/crosscheck/migrations"
)

type found struct {
	conf pgtestdb.Config
	err  error
}

// server is looked up once per test binary: finding or starting a cluster
// costs seconds, and every test of the process shares it.
var server = sync.OnceValue(func() found {
	dataDir := ""
	if root, err := repoRoot(); err == nil {
		dataDir = filepath.Join(root, ".data", "pg")
	}
	s, err := migrations.Find(context.Background(), migrations.FindOptions{
		DatabaseURL: os.Getenv("DATABASE_URL"),
		DataDir:     dataDir,
	})
	if err != nil {
		return found{err: err}
	}
	u, err := url.Parse(s.URL)
	if err != nil {
		return found{err: err}
	}
	pw, _ := u.User.Password()
	q := u.Query()
	if q.Get("sslmode") == "" {
		q.Set("sslmode", "disable")
	}
	return found{conf: pgtestdb.Config{
		DriverName: "pgx",
		Host:       u.Hostname(),
		Port:       u.Port(),
		User:       u.User.Username(),
		Password:   pw,
		Database:   "postgres",
		Options:    q.Encode(),
		// Tests that leave a connection open must not fail the drop.
		ForceTerminateConnections: true,
	}}
})

// URL returns the connection URL of a new, empty, fully migrated database
// that is dropped when the test ends.
func URL(t testing.TB) string {
	t.Helper()
	f := server()
	if f.err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL is required under CI: %v", f.err)
		}
		t.Skipf("no PostgreSQL: %v", f.err)
	}
	return pgtestdb.Custom(t, f.conf, migrator{}).URL()
}

// New opens a new, fully migrated database for the test and closes it when
// the test ends.
func New(t testing.TB) *migrations.DB {
	t.Helper()
	db, err := migrations.Open(context.Background(), URL(t))
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(db.Close)
	return db
}

type migrator struct{}

func (migrator) Hash() (string, error) {
	return migrations.Hash() + "+river:" + migrations.RiverHash(), nil
}

// Migrate applies our schema, then River's job queue tables, which River
// migrates through a pgx pool of its own.
func (migrator) Migrate(ctx context.Context, db *sql.DB, conf pgtestdb.Config) error {
	if _, err := migrations.Apply(ctx, db); err != nil {
		return err
	}
	pool, err := pgxpool.New(ctx, conf.URL())
	if err != nil {
		return err
	}
	defer pool.Close()
	_, err = migrations.ApplyRiver(ctx, pool)
	return err
}

func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
