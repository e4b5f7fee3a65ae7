package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/api"
	"github.com/crosscheck-news/crosscheck/migrations"
	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
)

type testServer struct {
	*httptest.Server
	db *migrations.DB
	t  *testing.T
}

func newServer(t *testing.T) *testServer {
	t.Helper()
	db := pgtest.New(t)
	h := api.New(db.Gorm, slog.New(slog.DiscardHandler), api.Options{Ping: db.Ping, AllowAnonymousWrite: true})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &testServer{Server: srv, db: db, t: t}
}

// do sends a request and decodes the JSON answer into out (when non-nil).
func (s *testServer) do(method, path, contentType string, body io.Reader, out any) *http.Response {
	s.t.Helper()
	req, err := http.NewRequest(method, s.URL+path, body)
	if err != nil {
		s.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		s.t.Fatal(err)
	}
	if out != nil && len(b) > 0 {
		if err := json.Unmarshal(b, out); err != nil {
			s.t.Fatalf("%s %s: decoding %q: %v", method, path, b, err)
		}
	}
	return resp
}

func (s *testServer) count(table string) int {
	s.t.Helper()
	var n int
	if err := s.db.SQL.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		s.t.Fatal(err)
	}
	return n
}

func seed(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "cmd", "crosscheck", "demo", "presstv-2016-09-28-russia-syria.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

type article struct {
	ID         int64  `json:"id"`
	Title      string `json:"title"`
	Text       string `json:"text"`
	ClaimCount int    `json:"claim_count"`
	Outlet     struct {
		Name   string  `json:"name"`
		Domain *string `json:"domain"`
	} `json:"outlet"`
	Claims []claim `json:"claims"`
}

type claim struct {
	ID      int64 `json:"id"`
	Kind    string
	Content struct {
		Start, End int
		Text       string
	}
	Speaker *struct {
		Name    string
		Kind    string
		Mention *struct {
			Start, End int
			Text       string
		}
	}
	Cue *struct {
		Start, End int
		Text       string
	}
}

type problem struct {
	Type, Title, Detail string
	Status              int
	Errors              []struct{ Field, Message string }
}

func post(text string) io.Reader {
	b, _ := json.Marshal(map[string]string{
		"text": text, "title": "Russia says to continue Syria work with US", "outlet": "Press TV",
		"url": "https://www.presstv.ir/Detail/2016/09/28/486702/", "published_at": "2016-09-28",
	})
	return bytes.NewReader(b)
}

func TestIngestAndRead(t *testing.T) {
	s := newServer(t)
	text := seed(t)

	var a article
	resp := s.do("POST", "/api/v1/articles", "application/json", post(text), &a)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST: status %d", resp.StatusCode)
	}
	if a.Text != text {
		t.Fatal("the stored text differs from the text sent")
	}
	if len(a.Claims) == 0 {
		t.Fatal("no claims extracted")
	}
	runes := []rune(text)
	var poznikhir bool
	for _, c := range a.Claims {
		if got := string(runes[c.Content.Start:c.Content.End]); got != c.Content.Text {
			t.Errorf("claim %d: text at span %q != content %q", c.ID, got, c.Content.Text)
		}
		if c.Speaker != nil && c.Speaker.Mention != nil {
			m := c.Speaker.Mention
			if got := string(runes[m.Start:m.End]); got != m.Text {
				t.Errorf("claim %d: mention at span %q != %q", c.ID, got, m.Text)
			}
		}
		if c.Speaker != nil && c.Speaker.Name == "Viktor Poznikhir" {
			poznikhir = true
		}
	}
	if !poznikhir {
		t.Error("no claim attributed to Viktor Poznikhir")
	}
	if a.Outlet.Name != "Press TV" || a.Outlet.Domain == nil || *a.Outlet.Domain != "presstv.ir" {
		t.Errorf("outlet = %+v", a.Outlet)
	}

	// The same text again is the same article.
	var again article
	if resp := s.do("POST", "/api/v1/articles", "application/json", post(text), &again); resp.StatusCode != http.StatusOK || again.ID != a.ID {
		t.Fatalf("re-ingest: status %d id %d, want 200 and id %d", resp.StatusCode, again.ID, a.ID)
	}
	if n := s.count("articles"); n != 1 {
		t.Fatalf("%d articles stored, want 1", n)
	}

	var got article
	if resp := s.do("GET", fmt.Sprintf("/api/v1/articles/%d", a.ID), "", nil, &got); resp.StatusCode != 200 || len(got.Claims) != len(a.Claims) {
		t.Fatalf("GET article: %d, %d claims", resp.StatusCode, len(got.Claims))
	}
	var one claim
	if resp := s.do("GET", fmt.Sprintf("/api/v1/claims/%d", a.Claims[0].ID), "", nil, &one); resp.StatusCode != 200 || one.ID != a.Claims[0].ID {
		t.Fatalf("GET claim: %d", resp.StatusCode)
	}
	var missing problem
	resp = s.do("GET", "/api/v1/claims/999999", "", nil, &missing)
	if resp.StatusCode != 404 || resp.Header.Get("Content-Type") != "application/problem+json" || missing.Status != 404 {
		t.Fatalf("missing claim: %d %q %+v", resp.StatusCode, resp.Header.Get("Content-Type"), missing)
	}
}

func TestClaimListPagingAndFilters(t *testing.T) {
	s := newServer(t)
	var a article
	s.do("POST", "/api/v1/articles", "application/json", post(seed(t)), &a)

	seen := map[int64]bool{}
	token := ""
	for pages := 0; ; pages++ {
		var page struct {
			Items []claim `json:"items"`
			Next  string  `json:"next_page_token"`
		}
		path := "/api/v1/claims?page_size=3&article=" + fmt.Sprint(a.ID)
		if token != "" {
			path += "&page_token=" + token
		}
		if resp := s.do("GET", path, "", nil, &page); resp.StatusCode != 200 {
			t.Fatalf("page %d: %d", pages, resp.StatusCode)
		}
		for _, c := range page.Items {
			if seen[c.ID] {
				t.Fatalf("claim %d on two pages", c.ID)
			}
			seen[c.ID] = true
		}
		if page.Next == "" {
			break
		}
		token = page.Next
	}
	if len(seen) != len(a.Claims) {
		t.Fatalf("paged through %d claims, article has %d", len(seen), len(a.Claims))
	}

	var found struct{ Items []claim }
	s.do("GET", "/api/v1/claims?q=chemical+shells", "", nil, &found)
	if len(found.Items) == 0 {
		t.Fatal("full-text search found nothing for 'chemical shells'")
	}
	for _, c := range found.Items {
		if !strings.Contains(c.Content.Text, "chemical") {
			t.Errorf("search result without the word: %q", c.Content.Text)
		}
	}
	var direct struct{ Items []claim }
	s.do("GET", "/api/v1/claims?kind=direct", "", nil, &direct)
	for _, c := range direct.Items {
		if c.Kind != "direct" {
			t.Errorf("kind filter let through %q", c.Kind)
		}
	}
}

func TestBadInputIsRefusedAndStoresNothing(t *testing.T) {
	s := newServer(t)
	huge := `{"title":"t","outlet":"o","text":"` + strings.Repeat("a", 20<<20) + `"}`
	cases := []struct {
		name, contentType, body string
		status                  int
		field                   string
	}{
		{"empty body", "application/json", "", 400, ""},
		{"invalid JSON", "application/json", `{"text": "x",`, 400, ""},
		{"not UTF-8", "application/json", "{\"text\":\"caf\xe9\",\"title\":\"t\",\"outlet\":\"o\"}", 400, ""},
		{"20 MB body", "application/json", huge, 413, ""},
		{"missing title", "application/json", `{"text":"Officials said it rained.","outlet":"Sample Wire"}`, 422, "title"},
		{"blank text", "application/json", `{"text":"   ","title":"t","outlet":"Sample Wire"}`, 422, "text"},
		{"unknown field", "application/json", `{"text":"x","title":"t","outlet":"o","colour":"red"}`, 400, ""},
		{"wrong type", "application/json", `{"text":7,"title":"t","outlet":"o"}`, 400, ""},
		{"two values", "application/json", `{"text":"x","title":"t","outlet":"o"} {}`, 400, ""},
		{"a stray bracket after the value", "application/json", `{"text":"Officials said it rained.","title":"t","outlet":"o"}}`, 400, ""},
		{"not JSON", "text/plain", `hello`, 415, ""},
		{"bad date", "application/json", `{"text":"x","title":"t","outlet":"o","published_at":"yesterday"}`, 422, "published_at"},
		{"bad url", "application/json", `{"text":"x","title":"t","url":"ftp://example.org/a"}`, 422, "url"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var p problem
			resp := s.do("POST", "/api/v1/articles", tc.contentType, strings.NewReader(tc.body), &p)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d (%+v)", resp.StatusCode, tc.status, p)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("content type %q", ct)
			}
			if p.Status != tc.status || p.Detail == "" || p.Title == "" {
				t.Errorf("problem body %+v", p)
			}
			if tc.field != "" {
				found := false
				for _, e := range p.Errors {
					found = found || e.Field == tc.field
				}
				if !found {
					t.Errorf("no error for field %q in %+v", tc.field, p.Errors)
				}
			}
		})
	}
	for _, table := range []string{"articles", "claims", "outlets", "speakers"} {
		if n := s.count(table); n != 0 {
			t.Errorf("%d rows in %s after refused requests", n, table)
		}
	}
}

func TestBadParameters(t *testing.T) {
	s := newServer(t)
	for _, path := range []string{
		"/api/v1/claims/abc", "/api/v1/claims/0", "/api/v1/articles/-1",
		"/api/v1/claims?page_size=0", "/api/v1/claims?page_size=100000", "/api/v1/claims?kind=rumour",
		"/api/v1/claims?page_token=!!!", "/api/v1/articles?page_token=bm9wZQ", "/api/v1/claims?article=x",
		"/api/v1/claims?q=" + strings.Repeat("word+", 200),
	} {
		var p problem
		if resp := s.do("GET", path, "", nil, &p); resp.StatusCode != 400 || p.Detail == "" {
			t.Errorf("%s: status %d, problem %+v", path, resp.StatusCode, p)
		}
	}
	var p problem
	if resp := s.do("GET", "/api/v1/nothing", "", nil, &p); resp.StatusCode != 404 || p.Status != 404 {
		t.Errorf("unknown API path: %d %+v", resp.StatusCode, p)
	}
	if resp := s.do("DELETE", "/api/v1/articles", "", nil, &p); resp.StatusCode != 405 {
		t.Errorf("DELETE /api/v1/articles: %d", resp.StatusCode)
	}
}

func TestHealth(t *testing.T) {
	s := newServer(t)
	var h struct{ Status string }
	if resp := s.do("GET", "/healthz", "", nil, &h); resp.StatusCode != 200 || h.Status != "ok" {
		t.Fatalf("healthz: %d %+v", resp.StatusCode, h)
	}
}

func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	s := newServer(t)
	var doc struct {
		OpenAPI    string                               `json:"openapi"`
		Paths      map[string]map[string]map[string]any `json:"paths"`
		Components struct {
			Schemas map[string]map[string]any `json:"schemas"`
		} `json:"components"`
	}
	if resp := s.do("GET", "/api/v1/openapi.json", "", nil, &doc); resp.StatusCode != 200 {
		t.Fatalf("openapi: %d", resp.StatusCode)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi version %q", doc.OpenAPI)
	}
	for _, want := range []string{"/api/v1/articles", "/api/v1/articles/{id}", "/api/v1/claims", "/api/v1/claims/{id}", "/healthz"} {
		if doc.Paths[want] == nil {
			t.Errorf("path %s is not described", want)
		}
	}
	claim := doc.Components.Schemas["Claim"]
	if claim == nil {
		t.Fatalf("no Claim schema; schemas: %v", keys(doc.Components.Schemas))
	}
	props, _ := claim["properties"].(map[string]any)
	for _, f := range []string{"content", "speaker", "cue", "kind", "confidence", "extractor_version", "status"} {
		if props[f] == nil {
			t.Errorf("Claim schema lacks %q", f)
		}
	}
	// Every $ref must resolve.
	var raw any
	s.do("GET", "/api/v1/openapi.json", "", nil, &raw)
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if ref, ok := v["$ref"].(string); ok {
				name := strings.TrimPrefix(ref, "#/components/schemas/")
				if doc.Components.Schemas[name] == nil {
					t.Errorf("dangling $ref %s", ref)
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(raw)
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
