package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/migrations"
)

// config is every setting, parsed once from flags and the environment and
// passed down. Flags win over environment variables.
type config struct {
	DatabaseURL string        // DATABASE_URL; empty: find or start a server
	DataDir     string        // CROSSCHECK_DATA_DIR: where a private cluster lives
	Database    string        // CROSSCHECK_DATABASE: the database made on a found server
	ListenAddr  string        // LISTEN_ADDR
	LogLevel    slog.Level    // LOG_LEVEL
	Demo        bool          // load the demo articles at start
	ShutdownIn  time.Duration // grace period for in-flight requests
}

// newFlags returns a flag set for a command with the database and logging
// settings registered on c, defaults taken from the environment. server adds
// the serving settings.
func newFlags(name, synopsis string, e env, c *config, server bool) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	def := func(key, fallback string) string {
		if v := e.getenv(key); v != "" {
			return v
		}
		return fallback
	}
	fs.StringVar(&c.DatabaseURL, "database-url", e.getenv("DATABASE_URL"), "PostgreSQL URL (env DATABASE_URL); when empty, a server on 127.0.0.1:5432 is used, or a private one is started under the data dir")
	fs.StringVar(&c.DataDir, "data-dir", def("CROSSCHECK_DATA_DIR", ".data"), "folder for a private PostgreSQL cluster (env CROSSCHECK_DATA_DIR)")
	fs.StringVar(&c.Database, "database", def("CROSSCHECK_DATABASE", "crosscheck"), "database to create and use on a found server (env CROSSCHECK_DATABASE)")
	level := fs.String("log-level", def("LOG_LEVEL", "info"), "debug, info, warn or error (env LOG_LEVEL)")
	if server {
		fs.StringVar(&c.ListenAddr, "listen", def("LISTEN_ADDR", "localhost:8080"), "address to serve on (env LISTEN_ADDR)")
		fs.BoolVar(&c.Demo, "demo", false, "load the demo articles (stored texts are recognised, so this is safe to repeat)")
		fs.DurationVar(&c.ShutdownIn, "shutdown-timeout", 20*time.Second, "how long in-flight requests may take to finish at shutdown")
	}
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: crosscheck %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs, level
}

// parse parses args and finishes the config.
func parse(fs *flag.FlagSet, level *string, c *config, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if err := c.LogLevel.UnmarshalText([]byte(strings.ToLower(*level))); err != nil {
		return usageError{"log-level: " + err.Error()}
	}
	return nil
}

func (c config) logger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: c.LogLevel}))
}

// openDB finds the database (DATABASE_URL, a local server, or a private
// cluster it starts), creates Crosscheck's database on a found server, and
// applies pending migrations.
func (c config) openDB(ctx context.Context, log *slog.Logger) (*migrations.DB, error) {
	url, err := c.databaseURL(ctx, log)
	if err != nil {
		return nil, err
	}
	return migrations.OpenMigrated(ctx, url, log)
}

func (c config) databaseURL(ctx context.Context, log *slog.Logger) (string, error) {
	srv, err := c.server(ctx, log)
	if err != nil {
		return "", err
	}
	return srv.Ensure(ctx, c.Database)
}

func (c config) server(ctx context.Context, log *slog.Logger) (*migrations.Server, error) {
	srv, err := migrations.Find(ctx, migrations.FindOptions{
		DatabaseURL: c.DatabaseURL,
		DataDir:     filepath.Join(c.DataDir, "pg"),
		Install:     true,
		Log:         log,
	})
	if err != nil {
		return nil, err
	}
	log.Debug("database server", "how", srv.How)
	return srv, nil
}
