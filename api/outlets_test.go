package api_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

type outletAnswer struct {
	ID      int64   `json:"id"`
	Name    string  `json:"name"`
	Domain  *string `json:"domain"`
	Country string  `json:"country"`
	Notes   string  `json:"notes"`
}

func TestOutlets(t *testing.T) {
	s := newServer(t)
	var o outletAnswer
	resp := s.do("POST", "/api/v1/outlets", "application/json",
		strings.NewReader(`{"name": " Sample Wire ", "domain": "https://WWW.Sample-Wire.example/", "country": "gb", "notes": "state-funded"}`), &o)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("create: status %d", resp.StatusCode)
	}
	if o.Name != "Sample Wire" || o.Domain == nil || *o.Domain != "sample-wire.example" || o.Country != "GB" || o.Notes != "state-funded" {
		t.Errorf("created %+v", o)
	}
	if loc := resp.Header.Get("Location"); loc == "" {
		t.Error("no Location")
	} else if r := s.do("GET", loc, "", nil, nil); r.StatusCode != http.StatusOK {
		t.Errorf("GET %s: %d", loc, r.StatusCode)
	}

	// An article whose URL has the domain belongs to the outlet.
	var a struct {
		Outlet outletAnswer `json:"outlet"`
	}
	body := `{"text": "The convoy was struck on Monday, officials said.", "title": "Convoy", "url": "https://sample-wire.example/convoy"}`
	if r := s.do("POST", "/api/v1/articles", "application/json", strings.NewReader(body), &a); r.StatusCode != http.StatusCreated {
		t.Fatalf("ingest: %d", r.StatusCode)
	}
	if a.Outlet.ID != o.ID {
		t.Errorf("article's outlet = %+v, want %d", a.Outlet, o.ID)
	}

	for _, tc := range []struct {
		method, path, body string
		status             int
	}{
		{"POST", "/api/v1/outlets", `{"name": "sample wire"}`, http.StatusConflict},
		{"POST", "/api/v1/outlets", `{"name": "Other", "domain": "sample-wire.example"}`, http.StatusConflict},
		{"POST", "/api/v1/outlets", `{"name": ""}`, http.StatusUnprocessableEntity},
		{"POST", "/api/v1/outlets", `{"name": "X", "country": "Britain"}`, http.StatusUnprocessableEntity},
		{"POST", "/api/v1/outlets", `{"name": "X", "domain": "not a domain"}`, http.StatusUnprocessableEntity},
		{"POST", "/api/v1/outlets", `{"name": "X", "colour": "red"}`, http.StatusBadRequest},
		{"PATCH", "/api/v1/outlets/999999", `{"notes": "x", "version": 1}`, http.StatusNotFound},
		// A change names the version it was made against.
		{"PATCH", "/api/v1/outlets/" + strconv.FormatInt(o.ID, 10), `{"notes": "x"}`, http.StatusPreconditionRequired},
		{"PATCH", "/api/v1/outlets/" + strconv.FormatInt(o.ID, 10), `{"notes": "x", "version": 7}`, http.StatusConflict},
	} {
		if r := s.do(tc.method, tc.path, "application/json", strings.NewReader(tc.body), nil); r.StatusCode != tc.status {
			t.Errorf("%s %s %s: status %d, want %d", tc.method, tc.path, tc.body, r.StatusCode, tc.status)
		}
	}

	var changed outletAnswer
	path := "/api/v1/outlets/" + strconv.FormatInt(o.ID, 10)
	if r := s.do("PATCH", path, "application/json", strings.NewReader(`{"notes": "", "domain": "", "version": 1}`), &changed); r.StatusCode != http.StatusOK {
		t.Fatalf("PATCH: %d", r.StatusCode)
	} else if r.Header.Get("ETag") != `"2"` {
		t.Errorf("ETag after PATCH = %q, want \"2\"", r.Header.Get("ETag"))
	}
	if changed.Name != "Sample Wire" || changed.Domain != nil || changed.Notes != "" || changed.Country != "GB" {
		t.Errorf("after PATCH: %+v", changed)
	}
	// A stale If-Match is 412 with the outlet as it is now, and changes
	// nothing.
	req, _ := http.NewRequest("PATCH", s.URL+path, strings.NewReader(`{"notes": "stale"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("If-Match", `"1"`)
	stale, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var p struct {
		Current struct {
			Version int    `json:"version"`
			Notes   string `json:"notes"`
		} `json:"current"`
	}
	if stale.StatusCode != http.StatusPreconditionFailed {
		t.Errorf("stale If-Match: %d, want 412", stale.StatusCode)
	} else if err := json.NewDecoder(stale.Body).Decode(&p); err != nil || p.Current.Version != 2 || p.Current.Notes != "" {
		t.Errorf("stale If-Match: current = %+v, %v", p.Current, err)
	}
	stale.Body.Close()

	var list struct {
		Items []struct {
			outletAnswer
			ArticleCount int `json:"article_count"`
		} `json:"items"`
	}
	if r := s.do("GET", "/api/v1/outlets", "", nil, &list); r.StatusCode != http.StatusOK {
		t.Fatalf("list: %d", r.StatusCode)
	}
	if len(list.Items) != 1 || list.Items[0].ArticleCount != 1 {
		t.Errorf("list = %+v", list.Items)
	}
}
