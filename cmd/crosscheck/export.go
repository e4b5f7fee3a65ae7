package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/crosscheck-news/crosscheck/claims"
)

func runExport(ctx context.Context, e env, args []string) error {
	var c config
	fs, level := newFlags("export", "export [flags]\n\nWrites the claim table (or the evidence-link table, or the claims' change history) as CSV, JSON Lines or Parquet,\nor the reviewed claims as ClaimReview JSON-LD, or claims as W3C Web Annotations.\nRows are read in one consistent snapshot; the snapshot time is printed on stderr.", e, &c, false)
	format := fs.String("format", "csv", "csv, jsonl, parquet, claimreview.jsonld or annotations.jsonld")
	table := fs.String("table", "claims", "claims, evidence or history (every recorded change to the claims and their evidence links)")
	out := fs.String("out", "", "file to write (default: standard output)")
	bundle := fs.Bool("bundle", false, "write a zip of the data file and its datapackage.json (needs --out or a redirected stdout)")
	var f claims.ExportFilter
	var kind, status, from, to string
	fs.StringVar(&f.Outlet, "outlet", "", "only claims of this outlet (name or web domain)")
	fs.StringVar(&f.Speaker, "speaker", "", "only claims of this speaker (canonical name)")
	fs.StringVar(&kind, "kind", "", "only claims of this kind: direct, indirect, mixed, assertion, caption, headline")
	fs.StringVar(&status, "status", "", "only claims with this review status: unreviewed, confirmed, edited, rejected")
	fs.StringVar(&from, "from", "", "only articles published at or after this date (YYYY-MM-DD or RFC 3339)")
	fs.StringVar(&to, "to", "", "only articles published before this date (YYYY-MM-DD or RFC 3339)")
	if err := parse(fs, level, &c, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"export takes no arguments; use --out FILE"}
	}
	f.Kind, f.Status = claims.Kind(kind), claims.Status(status)
	for _, d := range []struct {
		flag, v string
		dst     **time.Time
	}{{"--from", from, &f.From}, {"--to", to, &f.To}} {
		if d.v == "" {
			continue
		}
		t, err := parseDate(d.v)
		if err != nil {
			return usageError{d.flag + ": " + err.Error()}
		}
		*d.dst = &t
	}
	t, fm := claims.Table(*table), claims.Format(*format)
	switch {
	case !t.Valid():
		return usageError{"--table must be claims, evidence or history"}
	case !fm.Tabular() && fm != claims.ClaimReviewLD && fm != claims.AnnotationsLD:
		return usageError{"--format must be csv, jsonl, parquet, claimreview.jsonld or annotations.jsonld"}
	case !fm.Tabular() && t != claims.ClaimTable:
		return usageError{"--format " + *format + " describes claims; it takes --table claims"}
	case *bundle && !fm.Tabular():
		return usageError{"--bundle holds csv, jsonl or parquet"}
	}
	if err := f.Validate(); err != nil {
		return usageError{err.Error()}
	}

	log := c.logger(e.stderr)
	db, err := c.openDB(ctx, log)
	if err != nil {
		return err
	}
	defer db.Close()

	var w io.Writer = e.stdout
	var file *os.File
	if *out != "" {
		// Written beside the target and renamed at the end, so a failed
		// export never leaves a truncated file under the asked-for name.
		file, err = os.CreateTemp(filepath.Dir(*out), ".crosscheck-export-*")
		if err != nil {
			return err
		}
		defer os.Remove(file.Name())
		defer file.Close()
		w = file
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	store := claims.NewStore(db.Gorm)
	var snap claims.Snapshot
	if *bundle {
		snap, err = store.ExportBundle(ctx, bw, t, fm, f)
	} else {
		snap, err = store.Export(ctx, bw, t, fm, f)
	}
	if err == nil {
		err = bw.Flush()
	}
	if errors.Is(err, claims.ErrInvalidFilter) {
		return usageError{err.Error()}
	}
	if err != nil {
		return err
	}
	if file != nil {
		if err := file.Chmod(0o644); err != nil {
			return err
		}
		if err := file.Close(); err != nil {
			return err
		}
		if err := os.Rename(file.Name(), *out); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stderr, "exported %d %s rows, snapshot %s\n", snap.Rows, snap.Table, snap.Time.Format(time.RFC3339Nano))
	return nil
}
