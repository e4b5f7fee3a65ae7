package migrations

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"
)

// The job queue is River's (github.com/riverqueue/river): its tables
// (river_job, river_leader, river_queue, ...) are River's own and migrate
// with River's own migrations, which the River version in go.mod bundles.
// They are applied after ours, under the same advisory lock, so every
// database that has our schema has a queue too.

// ApplyRiver brings River's tables up to date and returns the versions it
// applied, as "river_NNN".
func ApplyRiver(ctx context.Context, pool *pgxpool.Pool) ([]string, error) {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrate river: %w", err)
	}
	defer conn.Release()
	// Two processes starting at once must not both create River's tables.
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, lockKey); err != nil {
		return nil, fmt.Errorf("migrate river: lock: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, lockKey)

	m, err := riverMigrator(pool)
	if err != nil {
		return nil, err
	}
	res, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	if err != nil {
		return nil, fmt.Errorf("migrate river: %w", err)
	}
	done := make([]string, len(res.Versions))
	for i, v := range res.Versions {
		done[i] = fmt.Sprintf("river_%03d", v.Version)
	}
	return done, nil
}

// RiverHash identifies River's schema as bundled: a new River version with
// new migrations changes it, so test templates are migrated anew.
func RiverHash() string {
	m, err := riverMigrator(nil)
	if err != nil {
		panic(err) // a nil pool is only kept, never used, to list versions
	}
	var b strings.Builder
	for _, v := range m.AllVersions() {
		b.WriteString(strconv.Itoa(v.Version))
		b.WriteByte(',')
	}
	return b.String()
}

func riverMigrator(pool *pgxpool.Pool) (*rivermigrate.Migrator[pgx.Tx], error) {
	m, err := rivermigrate.New(riverpgxv5.New(pool), &rivermigrate.Config{
		// River logs each migration at info; we report what was applied.
		Logger: slog.New(slog.DiscardHandler),
	})
	if err != nil {
		return nil, fmt.Errorf("migrate river: %w", err)
	}
	return m, nil
}
