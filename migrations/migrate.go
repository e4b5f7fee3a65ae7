package migrations

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

//go:embed sql/*.sql
var files embed.FS

// Migration is one SQL file of the schema.
type Migration struct {
	Version string // the file name without ".sql", e.g. "002_outlets_articles"
	SQL     string
}

// All returns the schema's migrations in the order they apply.
func All() []Migration {
	names, err := fs.Glob(files, "sql/*.sql")
	if err != nil {
		panic(err) // the pattern is a constant; an error here is a programming error
	}
	sort.Strings(names)
	out := make([]Migration, 0, len(names))
	for _, name := range names {
		b, err := files.ReadFile(name)
		if err != nil {
			panic(err)
		}
		version := strings.TrimSuffix(strings.TrimPrefix(name, "sql/"), ".sql")
		out = append(out, Migration{Version: version, SQL: string(b)})
	}
	return out
}

// Hash identifies the schema's content: two databases migrated with the same
// hash have the same schema. Test databases are cloned from a template keyed
// by it.
func Hash() string {
	h := sha256.New()
	for _, m := range All() {
		fmt.Fprintf(h, "%s\x00%s\x00", m.Version, m.SQL)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// lockKey is the advisory lock that serialises concurrent Apply calls (two
// servers starting at once); an arbitrary constant unique to Crosscheck.
const lockKey = 0x63726f7373636b // "crossck"

const createVersions = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    text PRIMARY KEY,
	applied_at timestamptz NOT NULL DEFAULT now()
)`

// Apply brings the database up to date and returns the versions it applied.
// Each migration runs in its own transaction together with its bookkeeping
// row, so a failure leaves the database at the last good version.
func Apply(ctx context.Context, db *sql.DB) ([]string, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, lockKey); err != nil {
		return nil, fmt.Errorf("migrate: lock: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, lockKey)

	if _, err := conn.ExecContext(ctx, createVersions); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	applied := map[string]bool{}
	rows, err := conn.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return nil, fmt.Errorf("migrate: %w", err)
		}
		applied[v] = true
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}

	var done []string
	for _, m := range All() {
		if applied[m.Version] {
			continue
		}
		if err := applyOne(ctx, conn, m); err != nil {
			return done, err
		}
		done = append(done, m.Version)
	}
	return done, nil
}

func applyOne(ctx context.Context, conn *sql.Conn, m Migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", m.Version, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return fmt.Errorf("migrate %s: %w", m.Version, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, m.Version); err != nil {
		return fmt.Errorf("migrate %s: %w", m.Version, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate %s: %w", m.Version, err)
	}
	return nil
}

// Pending returns the versions Apply would apply, without applying them.
func Pending(ctx context.Context, db *sql.DB) ([]string, error) {
	applied := map[string]bool{}
	var exists bool
	if err := db.QueryRowContext(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	if exists {
		rows, err := db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
		if err != nil {
			return nil, fmt.Errorf("migrate: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				return nil, fmt.Errorf("migrate: %w", err)
			}
			applied[v] = true
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("migrate: %w", err)
		}
	}
	var out []string
	for _, m := range All() {
		if !applied[m.Version] {
			out = append(out, m.Version)
		}
	}
	return out, nil
}
