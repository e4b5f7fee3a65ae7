// Package frontend owns Crosscheck's browser app: a Vite + TypeScript project
// in this folder whose build output (dist/) is embedded into the Go binary and
// served by Handler.
//
// dist/ holds only a placeholder in a fresh clone, so the Go code compiles
// before Node has run; Handler then answers every request with a short page
// saying how to build the app.
package frontend

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed all:dist
var dist embed.FS

// Handler serves the embedded app. Requests for files in dist/ get the file;
// any other path that does not look like a file (no extension) gets
// index.html, so that the app's own routes (/articles/42, /new) survive a
// reload. The Go router sends only non-API paths here; /api/ paths are
// answered 404 all the same, so a mistake there never returns HTML to an API
// client.
func Handler() http.Handler {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		// fs.Sub fails only on an invalid path name; "dist" is valid.
		panic(err)
	}
	return handler(sub)
}

// Cache lifetimes. Files under assets/ carry a content hash in their name
// and never change; everything else (index.html above all) must be
// revalidated so a new deploy is picked up at once.
const (
	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
)

// noModTime makes http.ServeContent leave out Last-Modified: embedded files
// have no modification time.
var noModTime time.Time

// contentSecurityPolicy allows only the app's own scripts and styles: article
// text is hostile input, and although the app never parses it as HTML this
// stops anything that slips through from running.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
	"form-action 'self'; frame-ancestors 'none'"

// notBuiltPage is served when dist/ holds no index.html.
const notBuiltPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Crosscheck: frontend not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>The frontend is not built</h1>
<p>This binary was compiled before the browser app was built, so there is nothing to show here.
The API under <code>/api/v1/</code> works as usual.</p>
<p>Run <code>make run</code> (or <code>make frontend</code> and rebuild the binary) from the repository root.</p>
</body>
</html>
`

// handler serves the app from fsys, whose root holds index.html and assets/.
func handler(fsys fs.FS) http.Handler {
	index, err := fs.ReadFile(fsys, "index.html")
	if err != nil {
		return http.HandlerFunc(serveNotBuilt)
	}
	sum := sha256.Sum256(index)
	indexTag := `"` + hex.EncodeToString(sum[:8]) + `"`

	serveIndex := func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", cacheRevalidate)
		h.Set("ETag", indexTag)
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("X-Content-Type-Options", "nosniff")
		http.ServeContent(w, r, "index.html", noModTime, bytes.NewReader(index))
	}

	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		// path.Clean on a rooted path removes every "..", so name stays inside fsys.
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		switch {
		case name == "api" || strings.HasPrefix(name, "api/"):
			http.NotFound(w, r)
			return
		case name == "" || name == "index.html":
			serveIndex(w, r)
			return
		case hidden(name):
			http.NotFound(w, r)
			return
		}

		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			// A missing /assets/app-1234.js must be a 404, not the app's HTML
			// with status 200; only extension-less paths are app routes.
			if name == "assets" || strings.HasPrefix(name, "assets/") || path.Ext(name) != "" {
				http.NotFound(w, r)
				return
			}
			serveIndex(w, r)
			return
		}
		h := w.Header()
		if strings.HasPrefix(name, "assets/") {
			h.Set("Cache-Control", cacheImmutable)
		} else {
			h.Set("Cache-Control", cacheRevalidate)
		}
		h.Set("X-Content-Type-Options", "nosniff")
		http.ServeContent(w, r, name, noModTime, bytes.NewReader(data))
	})
}

// hidden reports whether any element of the slash-separated name starts with
// a dot (dist/.gitkeep and the like are not part of the app).
func hidden(name string) bool {
	for _, elem := range strings.Split(name, "/") {
		if strings.HasPrefix(elem, ".") {
			return true
		}
	}
	return false
}

func serveNotBuilt(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusServiceUnavailable)
	if r.Method != http.MethodHead {
		_, _ = w.Write([]byte(notBuiltPage))
	}
}
