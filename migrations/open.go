package migrations

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// DB is an open database: gorm for the stores, the pgx pool beneath it for
// work gorm does not do (COPY, the job queue).
type DB struct {
	Gorm *gorm.DB
	Pool *pgxpool.Pool
	SQL  *sql.DB
}

// Open connects to the database at url. It does not migrate.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("database url: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	sqlDB := stdlib.OpenDBFromPool(pool)
	g, err := gorm.Open(postgres.New(postgres.Config{Conn: sqlDB}), &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true, // single statements need no transaction of their own
		NowFunc:                func() time.Time { return time.Now().UTC() },
	})
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("open database: %w", err)
	}
	return &DB{Gorm: g, Pool: pool, SQL: sqlDB}, nil
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error { return db.Pool.Ping(ctx) }

// Close closes every connection.
func (db *DB) Close() {
	db.SQL.Close()
	db.Pool.Close()
}

// Migrate applies Crosscheck's pending migrations, then the job queue's, and
// returns what it applied.
func (db *DB) Migrate(ctx context.Context) ([]string, error) {
	done, err := Apply(ctx, db.SQL)
	if err != nil {
		return done, err
	}
	river, err := ApplyRiver(ctx, db.Pool)
	return append(done, river...), err
}

// OpenMigrated opens the database at url and applies pending migrations,
// logging what it applied.
func OpenMigrated(ctx context.Context, url string, log *slog.Logger) (*DB, error) {
	db, err := Open(ctx, url)
	if err != nil {
		return nil, err
	}
	done, err := db.Migrate(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	if len(done) > 0 {
		log.Info("migrated database", "applied", done)
	}
	return db, nil
}
