package migrations_test

import (
	"context"
	"testing"

	"github.com/crosscheck-news/crosscheck/migrations"
	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
)

func TestRiverTablesAreMigrated(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	var exists bool
	if err := db.Pool.QueryRow(ctx, `SELECT to_regclass('river_job') IS NOT NULL`).Scan(&exists); err != nil {
		t.Fatal(err)
	}
	if !exists {
		t.Fatal("a test database has no river_job table")
	}
	done, err := migrations.ApplyRiver(ctx, db.Pool)
	if err != nil {
		t.Fatal(err)
	}
	if len(done) != 0 {
		t.Fatalf("second ApplyRiver applied %v, want nothing", done)
	}
	if migrations.RiverHash() == "" {
		t.Fatal("RiverHash is empty")
	}
}
