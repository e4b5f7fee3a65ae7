package main

import (
	"archive/zip"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
)

func TestExportCommand(t *testing.T) {
	dbURL := pgtest.URL(t)
	dir := t.TempDir()
	// Fictional outlet and people.
	writeFiles(t, dir, map[string]string{"a.txt": `Harbour bridge to close for repairs

"The cables are older than anyone expected, and we cannot wait another winter," said Marta Olsen, the city's chief engineer.

“Naïve plans cost money — lots of it,” said Zoë Brandt, a spokeswoman for the Kessington Traders' Association.
`})
	if _, stderr, err := runCmd(t, dbURL, "ingest", "--outlet", "Sample Wire", "--published", "2024-02-12", filepath.Join(dir, "a.txt")); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}

	// CSV on standard output.
	stdout, stderr, err := runCmd(t, dbURL, "export", "--kind", "direct")
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || recs[0][0] != "claim_id" || !strings.Contains(stdout, "Zoë Brandt") || !strings.Contains(stderr, "exported 2 claims rows, snapshot ") {
		t.Fatalf("csv: %d records\n%s\nstderr: %s", len(recs), stdout, stderr)
	}

	// The history of claims nobody changed yet: the header alone.
	stdout, stderr, err = runCmd(t, dbURL, "export", "--table", "history")
	if err != nil || !strings.HasPrefix(stdout, "change_id,at,txid,") || strings.Count(stdout, "\n") != 1 || !strings.Contains(stderr, "exported 0 history rows") {
		t.Errorf("history: %v\n%s\nstderr: %s", err, stdout, stderr)
	}

	// JSON Lines, filtered to nothing by date.
	out := filepath.Join(dir, "claims.jsonl")
	if _, stderr, err := runCmd(t, dbURL, "export", "--format", "jsonl", "--from", "2024-03-01", "--out", out); err != nil {
		t.Fatalf("export jsonl: %v\n%s", err, stderr)
	}
	if b, err := os.ReadFile(out); err != nil || len(b) != 0 {
		t.Errorf("jsonl after March: %q %v", b, err)
	}
	if _, _, err := runCmd(t, dbURL, "export", "--format", "jsonl", "--speaker", "marta olsen", "--out", out); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(out)
	var row map[string]any
	if lines := strings.Split(strings.TrimSpace(string(b)), "\n"); len(lines) != 1 || json.Unmarshal([]byte(lines[0]), &row) != nil || row["speaker"] != "Marta Olsen" {
		t.Errorf("jsonl by speaker: %s", b)
	}

	// A Parquet bundle.
	zipPath := filepath.Join(dir, "claims.zip")
	if _, stderr, err := runCmd(t, dbURL, "export", "--format", "parquet", "--bundle", "--out", zipPath); err != nil {
		t.Fatalf("bundle: %v\n%s", err, stderr)
	}
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	if len(zr.File) != 2 || zr.File[0].Name != "claims.parquet" || zr.File[1].Name != "datapackage.json" {
		t.Errorf("bundle holds %v", zr.File)
	}

	for _, args := range [][]string{
		{"export", "--format", "xlsx"}, {"export", "--table", "people"}, {"export", "--kind", "rumour"},
		{"export", "--from", "yesterday"}, {"export", "--format", "claimreview.jsonld", "--table", "evidence"},
		{"export", "--format", "annotations.jsonld", "--bundle"}, {"export", "stray"},
	} {
		if _, _, err := runCmd(t, dbURL, args...); exitCode(err) != 2 {
			t.Errorf("%v: err %v, want a usage error", args, err)
		}
	}
	// A refused export leaves no file behind.
	never := filepath.Join(dir, "never.csv")
	if _, _, err := runCmd(t, dbURL, "export", "--status", "maybe", "--out", never); err == nil {
		t.Error("--status maybe was accepted")
	}
	if _, err := os.Stat(never); err == nil {
		t.Error("a refused export left a file")
	}
}
