package frontend

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

const testIndex = `<!doctype html><title>Crosscheck</title><script type="module" src="/assets/index-abc123.js"></script>`

func builtFS() fstest.MapFS {
	return fstest.MapFS{
		"index.html":              {Data: []byte(testIndex)},
		"assets/index-abc123.js":  {Data: []byte("console.log(1)")},
		"assets/index-def456.css": {Data: []byte("body{}")},
		"favicon.svg":             {Data: []byte("<svg/>")},
		".gitkeep":                {Data: nil},
	}
}

func get(t *testing.T, h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestHandler(t *testing.T) {
	h := handler(builtFS())
	tests := []struct {
		name        string
		method      string
		path        string
		status      int
		body        string // substring the body must hold; "" skips the check
		contentType string // prefix of Content-Type; "" skips the check
		cache       string // exact Cache-Control; "" skips the check
	}{
		{"root is the app", "GET", "/", 200, "<title>Crosscheck</title>", "text/html", "no-cache"},
		{"index.html itself", "GET", "/index.html", 200, "<title>Crosscheck</title>", "text/html", "no-cache"},
		{"app route falls back to index", "GET", "/articles/42", 200, "<title>Crosscheck</title>", "text/html", "no-cache"},
		{"nested app route", "GET", "/new", 200, "<title>Crosscheck</title>", "text/html", "no-cache"},
		{"query string ignored", "GET", "/articles/7?claim=3", 200, "<title>Crosscheck</title>", "text/html", ""},
		{"hashed asset", "GET", "/assets/index-abc123.js", 200, "console.log(1)", "text/javascript", cacheImmutable},
		{"hashed stylesheet", "GET", "/assets/index-def456.css", 200, "body{}", "text/css", cacheImmutable},
		{"top-level file", "GET", "/favicon.svg", 200, "<svg/>", "image/svg+xml", "no-cache"},
		{"missing asset is 404, not the app", "GET", "/assets/gone-000.js", 404, "", "", ""},
		{"missing file with extension is 404", "GET", "/robots.txt", 404, "", "", ""},
		{"assets folder is not a route", "GET", "/assets", 404, "", "", ""},
		{"api path never gets the app", "GET", "/api/v1/nothing", 404, "", "", ""},
		{"api root never gets the app", "GET", "/api", 404, "", "", ""},
		{"dot files are hidden", "GET", "/.gitkeep", 404, "", "", ""},
		{"dot dot stays inside", "GET", "/../../etc/passwd", 200, "<title>Crosscheck</title>", "text/html", ""},
		{"dot dot cleaned to an asset", "GET", "/x/../assets/index-abc123.js", 200, "console.log(1)", "", cacheImmutable},
		{"head works", "HEAD", "/articles/1", 200, "", "text/html", "no-cache"},
		{"post is refused", "POST", "/articles/1", 405, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, tt.method, tt.path)
			if rec.Code != tt.status {
				t.Fatalf("%s %s: status %d, want %d", tt.method, tt.path, rec.Code, tt.status)
			}
			if tt.body != "" && !strings.Contains(rec.Body.String(), tt.body) {
				t.Errorf("body %q does not hold %q", rec.Body.String(), tt.body)
			}
			if ct := rec.Header().Get("Content-Type"); tt.contentType != "" && !strings.HasPrefix(ct, tt.contentType) {
				t.Errorf("Content-Type %q, want prefix %q", ct, tt.contentType)
			}
			if cc := rec.Header().Get("Cache-Control"); tt.cache != "" && cc != tt.cache {
				t.Errorf("Cache-Control %q, want %q", cc, tt.cache)
			}
		})
	}
}

func TestHandlerIndexHeaders(t *testing.T) {
	h := handler(builtFS())
	rec := get(t, h, "GET", "/articles/1")
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("Content-Security-Policy %q does not restrict scripts", csp)
	}
	etag := rec.Header().Get("ETag")
	if etag == "" {
		t.Fatal("index.html has no ETag")
	}
	again := get(t, h, "GET", "/", "If-None-Match", etag)
	if again.Code != http.StatusNotModified {
		t.Errorf("revalidation with the ETag: status %d, want 304", again.Code)
	}
}

func TestHandlerNotBuilt(t *testing.T) {
	// What a fresh clone embeds: the placeholder and nothing else.
	h := handler(fstest.MapFS{".gitkeep": {Data: nil}})
	for _, p := range []string{"/", "/articles/3", "/assets/index-abc123.js"} {
		rec := get(t, h, "GET", p)
		if rec.Code != http.StatusServiceUnavailable {
			t.Errorf("GET %s: status %d, want 503", p, rec.Code)
		}
		body := rec.Body.String()
		if !strings.Contains(body, "not built") || !strings.Contains(body, "make run") {
			t.Errorf("GET %s: body does not explain how to build: %q", p, body)
		}
		if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
			t.Errorf("GET %s: Cache-Control %q, want no-store", p, cc)
		}
	}
	if rec := get(t, h, "GET", "/api/v1/articles"); rec.Code != http.StatusNotFound {
		t.Errorf("api path: status %d, want 404", rec.Code)
	}
}

func TestHandlerEmbedded(t *testing.T) {
	// Whatever dist/ holds (the placeholder or a build), Handler must serve
	// the root without panicking and with one of the two known answers.
	rec := get(t, Handler(), "GET", "/")
	if rec.Code != http.StatusOK && rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("GET /: status %d", rec.Code)
	}
}
