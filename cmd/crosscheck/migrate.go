package main

import (
	"context"
	"fmt"

	"github.com/crosscheck-news/crosscheck/migrations"
)

func runMigrate(ctx context.Context, e env, args []string) error {
	var c config
	fs, level := newFlags("migrate", "migrate [flags]", e, &c, false)
	status := fs.Bool("status", false, "list pending migrations without applying them")
	if err := parse(fs, level, &c, args); err != nil {
		return err
	}
	log := c.logger(e.stderr)
	url, err := c.databaseURL(ctx, log)
	if err != nil {
		return err
	}
	db, err := migrations.Open(ctx, url)
	if err != nil {
		return err
	}
	defer db.Close()
	if *status {
		pending, err := migrations.Pending(ctx, db.SQL)
		if err != nil {
			return err
		}
		if len(pending) == 0 {
			fmt.Fprintln(e.stdout, "up to date")
		}
		for _, v := range pending {
			fmt.Fprintln(e.stdout, "pending", v)
		}
		return nil
	}
	done, err := db.Migrate(ctx)
	for _, v := range done {
		fmt.Fprintln(e.stdout, "applied", v)
	}
	if err != nil {
		return err
	}
	if len(done) == 0 {
		fmt.Fprintln(e.stdout, "up to date")
	}
	return nil
}
