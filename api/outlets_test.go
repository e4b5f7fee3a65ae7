package api_test

import (
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
		{"PATCH", "/api/v1/outlets/999999", `{"notes": "x"}`, http.StatusNotFound},
	} {
		if r := s.do(tc.method, tc.path, "application/json", strings.NewReader(tc.body), nil); r.StatusCode != tc.status {
			t.Errorf("%s %s %s: status %d, want %d", tc.method, tc.path, tc.body, r.StatusCode, tc.status)
		}
	}

	var changed outletAnswer
	path := "/api/v1/outlets/" + strconv.FormatInt(o.ID, 10)
	if r := s.do("PATCH", path, "application/json", strings.NewReader(`{"notes": "", "domain": ""}`), &changed); r.StatusCode != http.StatusOK {
		t.Fatalf("PATCH: %d", r.StatusCode)
	}
	if changed.Name != "Sample Wire" || changed.Domain != nil || changed.Notes != "" || changed.Country != "GB" {
		t.Errorf("after PATCH: %+v", changed)
	}

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
