package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"

	"github.com/crosscheck-news/crosscheck/migrations"
)

// runDevDB prints a database URL for development and tests: the one
// commands would use, or with --fresh a new, empty, migrated database that
// --drop removes again.
func runDevDB(ctx context.Context, e env, args []string) error {
	var c config
	fs, level := newFlags("dev-db", "dev-db [--fresh | --drop URL] [flags]", e, &c, false)
	fresh := fs.Bool("fresh", false, "create a new, empty, migrated database with a unique name and print its URL")
	drop := fs.String("drop", "", "drop the database of this URL (made by --fresh)")
	if err := parse(fs, level, &c, args); err != nil {
		return err
	}
	log := c.logger(e.stderr)
	srv, err := c.server(ctx, log)
	if err != nil {
		return err
	}
	switch {
	case *drop != "":
		u, err := url.Parse(*drop)
		if err != nil {
			return usageError{"--drop: " + err.Error()}
		}
		name := strings.TrimPrefix(u.Path, "/")
		if !strings.HasPrefix(name, "crosscheck_scratch_") {
			return usageError{"--drop only removes databases made by --fresh (named crosscheck_scratch_...)"}
		}
		if srv.Configured {
			if srv, err = serverOf(*drop); err != nil {
				return err
			}
		}
		return srv.Drop(ctx, name)
	case *fresh:
		var b [6]byte
		rand.Read(b[:])
		name := "crosscheck_scratch_" + hex.EncodeToString(b[:])
		if srv.Configured {
			// Make the scratch database beside the configured one.
			if srv, err = serverOf(srv.URL); err != nil {
				return err
			}
		}
		u, err := srv.Ensure(ctx, name)
		if err != nil {
			return err
		}
		db, err := migrations.Open(ctx, u)
		if err != nil {
			return err
		}
		defer db.Close()
		if _, err := db.Migrate(ctx); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, u)
		return nil
	}
	u, err := srv.Ensure(ctx, c.Database)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, u)
	return nil
}

// serverOf treats the server behind a database URL as one whose databases
// we may create and drop, through its maintenance database.
func serverOf(dbURL string) (*migrations.Server, error) {
	u, err := migrations.WithDatabase(dbURL, "postgres")
	if err != nil {
		return nil, err
	}
	return &migrations.Server{URL: u, How: "the server of DATABASE_URL"}, nil
}
