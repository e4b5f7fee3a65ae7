package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

type fullClaim struct {
	claim
	Status  string `json:"status"`
	Version int    `json:"version"`
}

func (s *testServer) patch(id int64, body string, out any) *http.Response {
	s.t.Helper()
	return s.do("PATCH", fmt.Sprintf("/api/v1/claims/%d", id), "application/json", strings.NewReader(body), out)
}

func ingestSeed(t *testing.T, s *testServer) article {
	t.Helper()
	var a article
	if resp := s.do("POST", "/api/v1/articles", "application/json", post(seed(t)), &a); resp.StatusCode != 201 {
		t.Fatalf("ingest: %d", resp.StatusCode)
	}
	return a
}

func TestConfirmRejectAndConflict(t *testing.T) {
	s := newServer(t)
	a := ingestSeed(t, s)
	id := a.Claims[0].ID

	var c fullClaim
	resp := s.patch(id, `{"version":1,"status":"confirmed"}`, &c)
	if resp.StatusCode != 200 || c.Status != "confirmed" || c.Version != 2 {
		t.Fatalf("confirm: %d %+v", resp.StatusCode, c)
	}
	if resp.Header.Get("ETag") != `"2"` {
		t.Errorf("ETag %q", resp.Header.Get("ETag"))
	}
	// A second reviewer who saw version 1 is told, and shown the current claim.
	var p struct {
		problem
		Current *fullClaim `json:"current"`
	}
	resp = s.patch(id, `{"version":1,"status":"rejected"}`, &p)
	if resp.StatusCode != 409 || p.Current == nil || p.Current.Status != "confirmed" || p.Current.Version != 2 {
		t.Fatalf("stale write: %d %+v", resp.StatusCode, p)
	}
	// If-Match works as well as a version in the body.
	req, _ := http.NewRequest("PATCH", s.URL+fmt.Sprintf("/api/v1/claims/%d", id), strings.NewReader(`{"status":"rejected"}`))
	req.Header.Set("If-Match", `"2"`)
	req.Header.Set("Content-Type", "application/json")
	r2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r2.Body.Close()
	if r2.StatusCode != 200 {
		t.Fatalf("If-Match write: %d", r2.StatusCode)
	}
	// Without any version the write is refused.
	if resp := s.patch(id, `{"status":"confirmed"}`, &p); resp.StatusCode != 428 {
		t.Fatalf("versionless write: %d", resp.StatusCode)
	}
	// Rejected claims stay.
	var got fullClaim
	s.do("GET", fmt.Sprintf("/api/v1/claims/%d", id), "", nil, &got)
	if got.Status != "rejected" || got.Version != 3 {
		t.Fatalf("after reject: %+v", got)
	}
	var h struct {
		Items []struct {
			Action string
			Before map[string]any
			After  map[string]any
		}
	}
	s.do("GET", fmt.Sprintf("/api/v1/claims/%d/history", id), "", nil, &h)
	if len(h.Items) != 2 || h.Items[0].Before["status"] != "unreviewed" || h.Items[1].After["status"] != "rejected" {
		t.Fatalf("history: %+v", h.Items)
	}
}

func TestEditSpeakerSpanSplitMergeUndo(t *testing.T) {
	s := newServer(t)
	a := ingestSeed(t, s)
	runes := []rune(a.Text)
	var target claim
	for _, c := range a.Claims {
		if c.Kind == "direct" && c.Content.End-c.Content.Start > 40 {
			target = c
			break
		}
	}
	if target.ID == 0 {
		t.Fatal("no long direct quote in the seed article")
	}

	// A new speaker, created by name.
	var c fullClaim
	resp := s.patch(target.ID, `{"version":1,"speaker":{"name":"Sample Spokesperson","role":"spokesperson","kind":"person"}}`, &c)
	if resp.StatusCode != 200 || c.Speaker == nil || c.Speaker.Name != "Sample Spokesperson" || c.Status != "edited" {
		t.Fatalf("new speaker: %d %+v", resp.StatusCode, c)
	}
	// A narrower span; its text is cut from the article.
	start, end := target.Content.Start+1, target.Content.End-1
	resp = s.patch(target.ID, fmt.Sprintf(`{"version":2,"content":{"start":%d,"end":%d}}`, start, end), &c)
	if resp.StatusCode != 200 || c.Content.Text != string(runes[start:end]) {
		t.Fatalf("span edit: %d %+v", resp.StatusCode, c.Content)
	}
	// Out of range is refused with the field named.
	var p problem
	if resp := s.patch(target.ID, `{"version":3,"content":{"start":5,"end":999999}}`, &p); resp.StatusCode != 422 || len(p.Errors) == 0 || p.Errors[0].Field != "content" {
		t.Fatalf("bad span: %d %+v", resp.StatusCode, p)
	}

	// Split in the middle, then undo the split: one claim again.
	mid := (start + end) / 2
	var split struct{ First, Second fullClaim }
	resp = s.do("POST", fmt.Sprintf("/api/v1/claims/%d/split", target.ID), "application/json", strings.NewReader(fmt.Sprintf(`{"at":%d,"version":3}`, mid)), &split)
	if resp.StatusCode != 200 || split.First.Content.End > mid || split.Second.Content.Start < mid || split.Second.ID == 0 {
		t.Fatalf("split: %d %+v", resp.StatusCode, split)
	}
	var undone struct{ Items []fullClaim }
	if resp := s.do("POST", fmt.Sprintf("/api/v1/claims/%d/undo", target.ID), "", nil, &undone); resp.StatusCode != 200 || len(undone.Items) != 2 {
		t.Fatalf("undo split: %d %+v", resp.StatusCode, undone)
	}
	for _, u := range undone.Items {
		switch u.ID {
		case target.ID:
			if u.Content.Start != start || u.Content.End != end {
				t.Errorf("undo did not restore the span: %+v", u.Content)
			}
		case split.Second.ID:
			if u.Status != "rejected" {
				t.Errorf("the claim the split made is %q after undo, want rejected", u.Status)
			}
		}
	}

	// Merge two neighbours: the second is rejected, not deleted.
	var cur, other fullClaim
	s.do("GET", fmt.Sprintf("/api/v1/claims/%d", a.Claims[1].ID), "", nil, &cur)
	s.do("GET", fmt.Sprintf("/api/v1/claims/%d", a.Claims[2].ID), "", nil, &other)
	var merged fullClaim
	resp = s.do("POST", fmt.Sprintf("/api/v1/claims/%d/merge", cur.ID), "application/json",
		strings.NewReader(fmt.Sprintf(`{"other_id":%d,"version":%d,"other_version":%d}`, other.ID, cur.Version, other.Version)), &merged)
	if resp.StatusCode != 200 || merged.Content.Start != min(cur.Content.Start, other.Content.Start) || merged.Content.End != max(cur.Content.End, other.Content.End) {
		t.Fatalf("merge: %d %+v", resp.StatusCode, merged)
	}
	s.do("GET", fmt.Sprintf("/api/v1/claims/%d", other.ID), "", nil, &other)
	if other.Status != "rejected" {
		t.Fatalf("merged-away claim is %q", other.Status)
	}
}

func TestCreateFromSelectionQueueAndSpeakers(t *testing.T) {
	s := newServer(t)
	a := ingestSeed(t, s)
	runes := []rune(a.Text)
	phrase := "Aleppo has been divided"
	at := strings.Index(a.Text, phrase)
	start := len([]rune(a.Text[:at]))
	end := start + len([]rune(phrase))

	var c fullClaim
	body := fmt.Sprintf(`{"kind":"assertion","content":{"start":%d,"end":%d},"speaker":{"name":"Sample Wire","kind":"outlet"}}`, start, end)
	resp := s.do("POST", fmt.Sprintf("/api/v1/articles/%d/claims", a.ID), "application/json", strings.NewReader(body), &c)
	if resp.StatusCode != 201 || c.Content.Text != string(runes[start:end]) || c.Status != "confirmed" || c.Speaker == nil || c.Speaker.Name != "Sample Wire" {
		t.Fatalf("create: %d %+v", resp.StatusCode, c)
	}
	var p problem
	if resp := s.do("POST", "/api/v1/articles/999999/claims", "application/json", strings.NewReader(body), &p); resp.StatusCode != 404 {
		t.Fatalf("create on a missing article: %d", resp.StatusCode)
	}

	var q struct {
		Claim   *fullClaim
		Article *struct {
			ID            int64
			Title, Outlet string
		}
		Context *struct {
			Start, End int
			Text       string
		}
		Progress struct{ Reviewed, Total int }
	}
	s.do("GET", "/api/v1/review/next", "", nil, &q)
	if q.Claim == nil || q.Progress.Total != len(a.Claims)+1 || q.Progress.Reviewed != 1 {
		t.Fatalf("queue: %+v", q)
	}
	if q.Article == nil || q.Article.ID != a.ID || q.Article.Outlet != "Press TV" || q.Context == nil ||
		q.Context.Start > q.Claim.Content.Start || q.Context.End < q.Claim.Content.End ||
		q.Context.Text != string(runes[q.Context.Start:q.Context.End]) || strings.Contains(q.Context.Text, "\n\n") {
		t.Fatalf("queue item's article and context: %+v %+v", q.Article, q.Context)
	}
	first := q.Claim.ID
	s.patch(first, fmt.Sprintf(`{"version":%d,"status":"confirmed"}`, q.Claim.Version), nil)
	s.do("GET", "/api/v1/review/next", "", nil, &q)
	if q.Claim == nil || q.Claim.ID == first || q.Progress.Reviewed != 2 {
		t.Fatalf("queue after confirming: %+v", q)
	}
	s.do("GET", fmt.Sprintf("/api/v1/review/next?after=%d", q.Claim.ID), "", nil, &q)
	if q.Claim != nil && q.Claim.ID == first {
		t.Fatal("after= went backwards")
	}

	var sp struct {
		Items []struct {
			ID   int64
			Name string
		}
	}
	s.do("GET", "/api/v1/speakers?q=Pozn", "", nil, &sp)
	if len(sp.Items) == 0 || sp.Items[0].Name != "Viktor Poznikhir" {
		t.Fatalf("speaker search: %+v", sp.Items)
	}
	var page struct {
		Name   string
		Claims []claim
	}
	s.do("GET", fmt.Sprintf("/api/v1/speakers/%d", sp.Items[0].ID), "", nil, &page)
	if page.Name != "Viktor Poznikhir" || len(page.Claims) < 3 {
		t.Fatalf("speaker page: %s with %d claims", page.Name, len(page.Claims))
	}
}
