package api_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// Fictional outlets and people.
var lookupArticles = []map[string]string{
	{"outlet": "Sample Wire", "title": "Harbour bridge to close", "url": "https://samplewire.example/bridge", "published_at": "2024-02-12", "text": `Harbour bridge to close for repairs

The Kessington harbour bridge will close for six weeks from March, city officials said on Monday.

"The cables are older than anyone expected, and we cannot wait another winter," said Marta Olsen, the city's chief engineer.

“Naïve plans cost money — lots of it,” said Zoë Brandt, a spokeswoman for the Kessington Traders' Association.
`},
	{"outlet": "Daily Sample", "title": "Traders fear bridge closure", "published_at": "2024-02-13", "text": `Traders fear bridge closure

Shops near the Kessington harbour bridge expect a hard spring.

"The cables are older than anyone expected, and we cannot wait another winter," Marta Olsen told reporters.

"Most of our customers walk over that bridge," said Piet Varga, who runs a bakery on Quay Street.
`},
}

func seedLookup(t *testing.T) *testServer {
	t.Helper()
	s := newServer(t)
	for _, a := range lookupArticles {
		b, _ := json.Marshal(a)
		if resp := s.do("POST", "/api/v1/articles", "application/json", bytes.NewReader(b), nil); resp.StatusCode != 201 {
			t.Fatalf("ingest: %d", resp.StatusCode)
		}
	}
	return s
}

type hitPage struct {
	Items []struct {
		Claim   claim   `json:"claim"`
		Score   float64 `json:"score"`
		Article struct {
			ID     int64  `json:"id"`
			Outlet string `json:"outlet"`
			URL    string `json:"url"`
		} `json:"article"`
		Review struct {
			Status string `json:"status"`
		} `json:"review"`
		Appearances []struct {
			ClaimID    int64   `json:"claim_id"`
			Similarity float64 `json:"similarity"`
			Article    struct {
				Outlet string `json:"outlet"`
			} `json:"article"`
		} `json:"appearances"`
		Evidence []struct {
			Stance string `json:"stance"`
		} `json:"evidence"`
	} `json:"items"`
	NextPageToken string `json:"next_page_token"`
}

func TestClaimsSearch(t *testing.T) {
	s := seedLookup(t)
	var page hitPage
	resp := s.do("GET", "/api/v1/claims:search?query="+url.QueryEscape("cables older than expected"), "", nil, &page)
	if resp.StatusCode != 200 || len(page.Items) < 2 {
		t.Fatalf("search: %d, %d hits", resp.StatusCode, len(page.Items))
	}
	for i, h := range page.Items[:2] {
		if !strings.Contains(h.Claim.Content.Text, "The cables are older") || h.Score <= 0 || h.Score > 1 || h.Review.Status != "unreviewed" {
			t.Errorf("hit %d: %+v", i, h)
		}
		// Each report's claim names the other report as an appearance.
		if len(h.Appearances) != 1 || h.Appearances[0].Article.Outlet == h.Article.Outlet || h.Appearances[0].Similarity < 0.5 {
			t.Errorf("hit %d appearances: %+v", i, h.Appearances)
		}
	}
	if page.Items[0].Score < page.Items[len(page.Items)-1].Score {
		t.Error("hits are not best first")
	}

	// A misspelt query still finds it through trigram similarity.
	page = hitPage{}
	s.do("GET", "/api/v1/claims:search?query="+url.QueryEscape("cabels are oldr than anyone expectd"), "", nil, &page)
	if len(page.Items) == 0 || !strings.Contains(page.Items[0].Claim.Content.Text, "cables") {
		t.Errorf("misspelt search: %+v", page.Items)
	}

	// Filters.
	page = hitPage{}
	s.do("GET", "/api/v1/claims:search?query=cables&outlet="+url.QueryEscape("daily sample"), "", nil, &page)
	if len(page.Items) != 1 || page.Items[0].Article.Outlet != "Daily Sample" {
		t.Errorf("outlet filter: %+v", page.Items)
	}
	page = hitPage{}
	s.do("GET", "/api/v1/claims:search?speaker=brandt", "", nil, &page)
	if len(page.Items) != 1 || page.Items[0].Claim.Speaker == nil || page.Items[0].Claim.Speaker.Name != "Zoë Brandt" {
		t.Errorf("speaker filter: %+v", page.Items)
	}
	page = hitPage{}
	s.do("GET", "/api/v1/claims:search?query=cables&language=fr", "", nil, &page)
	if len(page.Items) != 0 {
		t.Errorf("language filter: %d hits", len(page.Items))
	}
	page = hitPage{}
	s.do("GET", "/api/v1/claims:search?query=cables&max_age_days=30", "", nil, &page)
	if len(page.Items) != 0 {
		t.Errorf("max_age_days: articles of 2024 are older than 30 days, got %d hits", len(page.Items))
	}

	// Paging walks every hit exactly once.
	seen := map[int64]bool{}
	token := ""
	for range 20 {
		var p hitPage
		q := "/api/v1/claims:search?page_size=1&query=" + "bridge"
		if token != "" {
			q += "&page_token=" + token
		}
		if resp := s.do("GET", q, "", nil, &p); resp.StatusCode != 200 {
			t.Fatalf("page: %d", resp.StatusCode)
		}
		for _, h := range p.Items {
			if seen[h.Claim.ID] {
				t.Fatalf("claim %d twice", h.Claim.ID)
			}
			seen[h.Claim.ID] = true
		}
		if token = p.NextPageToken; token == "" {
			break
		}
	}
	if len(seen) < 3 {
		t.Errorf("paging found %d claims", len(seen))
	}

	// The escaped colon does not shadow /claims/:id.
	var one claim
	if resp := s.do("GET", "/api/v1/claims/1", "", nil, &one); resp.StatusCode != 200 || one.ID != 1 {
		t.Errorf("GET /api/v1/claims/1: %d", resp.StatusCode)
	}
}

func TestClaimsSearchBadParameters(t *testing.T) {
	s := newServer(t)
	for _, q := range []string{
		"", "query=" + strings.Repeat("x", 501), "query=a&page_size=0", "query=a&page_size=101", "query=a&max_age_days=soon",
		"query=a&page_token=%21%21", "query=a&language=e%20n", "speaker=0",
	} {
		var p problem
		resp := s.do("GET", "/api/v1/claims:search?"+q, "", nil, &p)
		if resp.StatusCode != 400 || p.Status != 400 || p.Detail == "" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json") {
			t.Errorf("%q: %d %+v", q, resp.StatusCode, p)
		}
	}
	for _, body := range []string{`{}`, `{"text": ""}`, `{"text": "x", "page_size": 1000}`, `{"text": "x", "extra": 1}`, `[`} {
		var p problem
		if resp := s.do("POST", "/api/v1/claims:lookup", "application/json", strings.NewReader(body), &p); resp.StatusCode != 400 || p.Detail == "" {
			t.Errorf("lookup %s: %d %+v", body, resp.StatusCode, p)
		}
	}
}

func TestClaimsLookup(t *testing.T) {
	s := seedLookup(t)
	text := `Residents packed the town hall on Tuesday. The engineer repeated her warning: the cables are older than anyone expected, and the city cannot wait another winter. Several residents asked about the tunnel.`
	b, _ := json.Marshal(map[string]any{"text": text, "page_size": 5})
	var page hitPage
	if resp := s.do("POST", "/api/v1/claims:lookup", "application/json", bytes.NewReader(b), &page); resp.StatusCode != 200 {
		t.Fatalf("lookup: %d", resp.StatusCode)
	}
	if len(page.Items) < 2 || !strings.Contains(page.Items[0].Claim.Content.Text, "The cables are older") || !strings.Contains(page.Items[1].Claim.Content.Text, "The cables are older") {
		t.Fatalf("lookup hits: %+v", page.Items)
	}
}

func TestExportDownloads(t *testing.T) {
	s := seedLookup(t)
	resp, err := http.Get(s.URL + "/api/v1/exports/claims.csv?outlet=" + url.QueryEscape("Sample Wire"))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") ||
		!strings.Contains(resp.Header.Get("Content-Disposition"), `attachment; filename="crosscheck-claims.csv"`) {
		t.Fatalf("claims.csv: %d %v", resp.StatusCode, resp.Header)
	}
	recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var want int
	s.db.SQL.QueryRow(`SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id JOIN outlets o ON o.id = a.outlet_id WHERE o.name = 'Sample Wire'`).Scan(&want)
	if len(recs)-1 != want || want == 0 || recs[0][0] != "claim_id" {
		t.Errorf("claims.csv has %d rows, want %d", len(recs)-1, want)
	}
	if resp.Trailer.Get("X-Crosscheck-Rows") != strconv.Itoa(want) || resp.Trailer.Get("X-Crosscheck-Snapshot") == "" {
		t.Errorf("trailers %v", resp.Trailer)
	}

	for _, file := range []string{"claims.jsonl", "claims.parquet", "evidence.csv", "claims.claimreview.jsonld", "claims.annotations.jsonld", "claims.parquet.zip"} {
		resp, err := http.Get(s.URL + "/api/v1/exports/" + file)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || len(body) == 0 {
			t.Errorf("%s: %d, %d bytes", file, resp.StatusCode, len(body))
			continue
		}
		switch {
		case strings.HasSuffix(file, ".zip"):
			zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
			if err != nil || len(zr.File) != 2 || zr.File[1].Name != "datapackage.json" {
				t.Errorf("%s: %v", file, err)
			}
		case strings.HasSuffix(file, ".jsonld"):
			if !json.Valid(body) {
				t.Errorf("%s is not JSON", file)
			}
		case strings.HasSuffix(file, ".parquet"):
			if !bytes.HasPrefix(body, []byte("PAR1")) || !bytes.HasSuffix(body, []byte("PAR1")) {
				t.Errorf("%s is not parquet", file)
			}
		}
	}

	for q, status := range map[string]int{
		"nope.txt": 404, "claims.xlsx": 404, "claims.claimreview.jsonld.zip": 404,
		"claims.csv?kind=rumour": 400, "claims.csv?status=maybe": 400, "claims.csv?from=yesterday": 400,
		"claims.csv?from=2024-02-13&to=2024-02-12": 400, "claims.csv?outlet=-3": 400, "claims.csv?story=x": 400,
	} {
		var p problem
		if resp := s.do("GET", "/api/v1/exports/"+q, "", nil, &p); resp.StatusCode != status || p.Status != status || resp.Header.Get("Content-Disposition") != "" {
			t.Errorf("%s: %d %+v", q, resp.StatusCode, p)
		}
	}
}
