package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// FuzzIngestRecords feeds the record reader of `crosscheck ingest` (a JSON
// array or JSON lines) arbitrary files. It never panics; every non-blank
// record becomes an article, a URL to fetch or a reported failure; and an
// article read has a title and a text.
func FuzzIngestRecords(f *testing.F) {
	for _, s := range []string{
		`{"text":"\"We will win,\" she said.","title":"Win","outlet":"Sample Wire","published_at":"2016-09-28"}`,
		"{\"text\":\"a\"}\n{\"url\":\"https://example.org/a\"}\n\n{\"bad\":1}\n",
		`[{"text":"one"},{"url":"ftp://x"},{"text":"two","published_at":"yesterday"}]`,
		`[{"text":"one"}`, `[`, `]`, `{`, "\xff\xfe", `[{"published_at":"2016-09-28T10:00:00+02:00","text":"x"}]`,
		`{"text":"x","language":"en-GB","byline":"By A"}` + "\r\n",
	} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "records.jsonl")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		in := &ingester{ctx: context.Background(), e: env{stderr: io.Discard}, batchSize: 1 << 30}
		in.progress = newProgress(io.Discard, int64(len(data)), &in.sum)
		_ = in.readRecords(path) // a broken array is an error; what was read before it stays
		for _, it := range in.pending {
			if it.sub.Title == "" && it.sub.Text != "" {
				t.Fatalf("%s: an article without a title: %+v", it.where, it.sub)
			}
			_ = it.sub.Validate()
		}
		for _, it := range in.urls {
			if it.sub.URL == "" {
				t.Fatalf("%s: an empty URL queued", it.where)
			}
		}
	})
}

// FuzzParseDate: published_at is a date or an RFC 3339 time; what is read
// is in UTC.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2016-09-28", "2016-09-28T10:00:00Z", "2016-09-28T10:00:00+02:00", "28/09/2016", "", "2016-13-01", "9999-12-31T23:59:60Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		d, err := parseDate(v)
		if err == nil && d.Location().String() != "UTC" {
			t.Fatalf("parseDate(%q) = %v, not UTC", v, d)
		}
	})
}
