package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/migrations"
	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
)

const testPage = `<html><head><title>Convoy attacked</title><meta name="author" content="Jane Reporter"></head><body><article>
<p>An aid convoy was struck on Monday evening near Urum al-Kubra, killing at least twenty people, according to the Red Crescent.</p>
<p>"We saw the trucks burning from the hills," said a resident who gave his name only as Ahmed, speaking to reporters on Tuesday.</p>
</article></body></html>`

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func runCmd(t *testing.T, dbURL string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(k string) string {
		if k == "DATABASE_URL" {
			return dbURL
		}
		return ""
	}
	err = run(context.Background(), args, getenv, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), err
}

func TestIngestCommand(t *testing.T) {
	dbURL := pgtest.URL(t)
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(strings.Replace(testPage, "Monday", "Monday "+r.URL.Path, 1)))
	}))
	defer page.Close()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt": "Convoy struck\n\nThe convoy was struck on Monday, officials said.",
		"b.jsonl": `{"text": "First record text, said the minister.", "title": "One", "outlet": "Sample Wire"}
{"text": "broken
{"text": "", "title": "No text", "outlet": "Sample Wire"}
{"text": "Second record text.", "title": "Two", "outlet": "Sample Wire", "published_at": "2016-09-20"}
`,
		"sub/c.json":  `[{"text": "Array record.", "title": "Three", "outlet": "Other"}, {"text": "Array record two.", "outlet": "Other", "colour": "red"}]`,
		"sub/d.html":  testPage,
		"sub/.hidden": "not read",
		"list.urls":   "# fetched with --wait\n" + page.URL + "/one\n\nnot a url\n",
	})
	stdout, stderr, err := runCmd(t, dbURL, "ingest", "--wait", "--allow-private-fetch", "--outlet", "Files Desk", dir, page.URL+"/two")
	if err == nil || !strings.Contains(err.Error(), "4 of") {
		t.Errorf("err = %v, want 4 failures reported", err)
	}
	if !strings.Contains(stdout, "stored 7, skipped 0 (already stored), failed 4") {
		t.Errorf("stdout = %q", stdout)
	}
	for _, want := range []string{"b.jsonl:2: not a valid record", "b.jsonl:3: invalid article", "c.json: record 2", "list.urls:4"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}

	// Everything again: stored texts are skipped.
	stdout, _, _ = runCmd(t, dbURL, "ingest", "--wait", "--allow-private-fetch", "--outlet", "Files Desk", "--batch", "2", dir, page.URL+"/two")
	if !strings.Contains(stdout, "stored 0, skipped 7") {
		t.Errorf("second run: stdout = %q", stdout)
	}

	db, err := migrations.Open(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var html int
	db.SQL.QueryRow(`SELECT count(*) FROM articles WHERE html IS NOT NULL`).Scan(&html)
	if html != 3 { // d.html and the two fetched pages
		t.Errorf("%d articles kept their HTML, want 3", html)
	}

	// Without --wait, URLs become fetch jobs.
	stdout, _, err = runCmd(t, dbURL, "ingest", page.URL+"/three", page.URL+"/four")
	if err != nil || !strings.Contains(stdout, "queued 2 URLs") {
		t.Errorf("queueing: %v, %q", err, stdout)
	}
	var jobs int
	db.SQL.QueryRow(`SELECT count(*) FROM river_job WHERE kind = 'fetch_article'`).Scan(&jobs)
	if jobs != 2 {
		t.Errorf("%d fetch jobs, want 2", jobs)
	}
}
