package api_test

import (
	"crypto/sha256"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedSentences stores an article of outlet made of sentences, each one
// claim, straight into the database: these tests are about matching and
// evidence, not extraction. It returns the article's and claims' ids.
func (s *testServer) seedSentences(outlet, date string, sentences ...string) (int64, []int64) {
	s.t.Helper()
	text := strings.Join(sentences, " ")
	var outletID, articleID int64
	err := s.db.SQL.QueryRow(`INSERT INTO outlets (name) VALUES ($1) ON CONFLICT (lower(name)) DO UPDATE SET name = EXCLUDED.name RETURNING id`, outlet).Scan(&outletID)
	if err != nil {
		s.t.Fatal(err)
	}
	h := sha256.Sum256([]byte(text))
	err = s.db.SQL.QueryRow(`INSERT INTO articles (outlet_id, title, text, content_hash, published_at) VALUES ($1, $2, $3, $4, $5::date) RETURNING id`,
		outletID, sentences[0], text, h[:], date).Scan(&articleID)
	if err != nil {
		s.t.Fatal(err)
	}
	var ids []int64
	at := 0
	for _, sn := range sentences {
		n := utf8.RuneCountInString(sn)
		var id int64
		err := s.db.SQL.QueryRow(`INSERT INTO claims (article_id, kind, content_start, content_end, content_text, confidence, extractor_version)
			VALUES ($1, 'assertion', $2, $3, $4, 1, 'test') RETURNING id`, articleID, at, at+n, sn).Scan(&id)
		if err != nil {
			s.t.Fatal(err)
		}
		ids = append(ids, id)
		at += n + 1
	}
	return articleID, ids
}

type problemBody struct {
	Status int    `json:"status"`
	Detail string `json:"detail"`
	Errors []struct {
		Field string `json:"field"`
	} `json:"errors"`
}

func TestEvidenceAPI(t *testing.T) {
	s := newServer(t)
	own, claim := s.seedSentences("Press TV", "2016-09-28",
		"Opposition groups connected with al-Nusra Front were involved in the attack on the UN convoy near Urum al-Kubra, Poznikhir said.")
	other, passages := s.seedSentences("Example Gazette", "2016-09-29",
		"An aid-group spokesperson denied that militants were involved in the attack on the UN convoy near Urum al-Kubra.")

	var cands struct {
		Items []struct {
			PassageClaimID int64  `json:"passage_claim_id"`
			Reason         string `json:"reason"`
			Suggestion     struct {
				Stance string `json:"stance"`
			} `json:"suggestion"`
		} `json:"items"`
	}
	resp := s.do("GET", fmt.Sprintf("/api/v1/claims/%d/candidates", claim[0]), "", nil, &cands)
	if resp.StatusCode != 200 || len(cands.Items) != 1 || cands.Items[0].PassageClaimID != passages[0] || cands.Items[0].Suggestion.Stance != "conflicts" {
		t.Fatalf("candidates: %d %+v", resp.StatusCode, cands)
	}
	if !strings.Contains(cands.Items[0].Reason, "Urum al-Kubra") {
		t.Errorf("reason %q", cands.Items[0].Reason)
	}
	for _, bad := range []string{"/api/v1/claims/x/candidates", fmt.Sprintf("/api/v1/claims/%d/candidates?limit=0", claim[0]), fmt.Sprintf("/api/v1/claims/%d/candidates?same_outlet=maybe", claim[0])} {
		var p problemBody
		if resp := s.do("GET", bad, "", nil, &p); resp.StatusCode != 400 || resp.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: %d %+v", bad, resp.StatusCode, p)
		}
	}
	if resp := s.do("GET", "/api/v1/claims/999999/candidates", "", nil, nil); resp.StatusCode != 404 {
		t.Errorf("missing claim: %d", resp.StatusCode)
	}

	type evidence struct {
		ID              int64  `json:"id"`
		Stance          string `json:"stance"`
		SuggestedStance string `json:"suggested_stance"`
		PassageText     string `json:"passage_text"`
		OutletName      string `json:"outlet_name"`
		Version         int    `json:"version"`
	}
	var ev evidence
	body := fmt.Sprintf(`{"article_id": %d, "passage_claim_id": %d, "stance": "conflicts", "note": "denies it"}`, other, passages[0])
	resp = s.do("POST", fmt.Sprintf("/api/v1/claims/%d/evidence", claim[0]), "application/json", strings.NewReader(body), &ev)
	if resp.StatusCode != 201 || ev.Version != 1 || ev.SuggestedStance != "conflicts" || ev.OutletName != "Example Gazette" || resp.Header.Get("ETag") != `"1"` {
		t.Fatalf("create: %d %+v", resp.StatusCode, ev)
	}
	resp = s.do("POST", fmt.Sprintf("/api/v1/claims/%d/evidence", claim[0]), "application/json", strings.NewReader(body), &ev)
	if resp.StatusCode != 200 || ev.Version != 2 {
		t.Fatalf("second decision: %d %+v", resp.StatusCode, ev)
	}
	for name, c := range map[string]struct {
		body   string
		status int
		field  string
	}{
		"own article":   {fmt.Sprintf(`{"article_id": %d, "passage_start": 0, "passage_end": 5, "stance": "conflicts"}`, own), 422, "article_id"},
		"out of range":  {fmt.Sprintf(`{"article_id": %d, "passage_start": 0, "passage_end": 5000, "stance": "conflicts"}`, other), 422, "passage_start"},
		"bad stance":    {fmt.Sprintf(`{"article_id": %d, "passage_start": 0, "passage_end": 5, "stance": "agrees"}`, other), 422, "stance"},
		"unknown field": {fmt.Sprintf(`{"article_id": %d, "passage_start": 0, "passage_end": 5, "stance": "context", "x": 1}`, other), 400, ""},
		"stale version": {fmt.Sprintf(`{"article_id": %d, "passage_claim_id": %d, "stance": "context", "version": 1}`, other, passages[0]), 409, ""},
	} {
		var p problemBody
		resp := s.do("POST", fmt.Sprintf("/api/v1/claims/%d/evidence", claim[0]), "application/json", strings.NewReader(c.body), &p)
		if resp.StatusCode != c.status || (c.field != "" && (len(p.Errors) == 0 || p.Errors[0].Field != c.field)) {
			t.Errorf("%s: %d %+v", name, resp.StatusCode, p)
		}
	}

	patch := func(ifMatch, body string, out any) *http.Response {
		req, _ := http.NewRequest("PATCH", s.URL+fmt.Sprintf("/api/v1/evidence/%d", ev.ID), strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if ifMatch != "" {
			req.Header.Set("If-Match", ifMatch)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	if resp := patch(`"2"`, `{"stance": "context"}`, nil); resp.StatusCode != 200 || resp.Header.Get("ETag") != `"3"` {
		t.Fatalf("patch: %d %s", resp.StatusCode, resp.Header.Get("ETag"))
	}
	if resp := patch(`"2"`, `{"stance": "corroborates"}`, nil); resp.StatusCode != 412 {
		t.Errorf("stale If-Match: %d", resp.StatusCode)
	}
	if resp := patch("", `{"stance": "corroborates", "version": 2}`, nil); resp.StatusCode != 409 {
		t.Errorf("stale body version: %d", resp.StatusCode)
	}
	if resp := patch("", `{"stance": "corroborates"}`, nil); resp.StatusCode != 428 {
		t.Errorf("no version: %d", resp.StatusCode)
	}
	if resp := patch(`"3"`, `{"stance": "agrees"}`, nil); resp.StatusCode != 422 {
		t.Errorf("bad stance: %d", resp.StatusCode)
	}

	var list struct{ Items []evidence }
	if resp := s.do("GET", fmt.Sprintf("/api/v1/claims/%d/evidence", claim[0]), "", nil, &list); resp.StatusCode != 200 || len(list.Items) != 1 || list.Items[0].Stance != "context" {
		t.Fatalf("list: %d %+v", resp.StatusCode, list)
	}
	if resp := s.do("GET", "/api/v1/claims/999999/evidence", "", nil, nil); resp.StatusCode != 404 {
		t.Errorf("list of missing claim: %d", resp.StatusCode)
	}
	if n := s.count("audit_log WHERE entity = 'evidence'"); n != 3 {
		t.Errorf("audit rows %d", n)
	}
}

func TestStoriesAPI(t *testing.T) {
	s := newServer(t)
	quote := "We count on our American partners to be ready to work together on Aleppo and the UN convoy near Urum al-Kubra."
	a1, c1 := s.seedSentences("Press TV", "2016-09-28", "Poznikhir spoke about Aleppo.", quote)
	a2, _ := s.seedSentences("Sample Wire", "2016-09-29", "Poznikhir of Russia spoke on Aleppo and Urum al-Kubra.", "“"+quote+"”")

	var g struct{ Grouped int }
	if resp := s.do("POST", "/api/v1/stories/group", "", nil, &g); resp.StatusCode != 200 || g.Grouped != 2 {
		t.Fatalf("group: %d %+v", resp.StatusCode, g)
	}
	var page struct {
		Items []struct {
			ID          int64 `json:"id"`
			OutletCount int   `json:"outlet_count"`
		}
	}
	if resp := s.do("GET", "/api/v1/stories?min_outlets=2", "", nil, &page); resp.StatusCode != 200 || len(page.Items) != 1 {
		t.Fatalf("stories: %d %+v", resp.StatusCode, page)
	}
	var cmp struct {
		Outlets    []struct{ Name string }
		Statements []struct {
			ClaimID int64 `json:"claim_id"`
			Reports int   `json:"reports"`
		}
	}
	if resp := s.do("GET", fmt.Sprintf("/api/v1/stories/%d", page.Items[0].ID), "", nil, &cmp); resp.StatusCode != 200 || len(cmp.Outlets) != 2 || cmp.Statements[0].Reports != 2 {
		t.Fatalf("comparison: %d %+v", resp.StatusCode, cmp)
	}
	var st struct {
		Outlets     int `json:"outlets"`
		Appearances []struct {
			OutletName string `json:"outlet_name"`
		} `json:"appearances"`
	}
	if resp := s.do("GET", fmt.Sprintf("/api/v1/statements/%d", c1[1]), "", nil, &st); resp.StatusCode != 200 || st.Outlets != 2 {
		t.Fatalf("statement: %d %+v", resp.StatusCode, st)
	}
	var placed struct {
		StoryID int64 `json:"story_id"`
	}
	if resp := s.do("PUT", fmt.Sprintf("/api/v1/articles/%d/story", a2), "application/json", strings.NewReader(`{"new_story_title": "Split"}`), &placed); resp.StatusCode != 200 || placed.StoryID == page.Items[0].ID {
		t.Fatalf("move: %d %+v", resp.StatusCode, placed)
	}
	for body, status := range map[string]int{`{}`: 422, `{"story_id": 99999}`: 422, `{"story_id": "x"}`: 400} {
		if resp := s.do("PUT", fmt.Sprintf("/api/v1/articles/%d/story", a1), "application/json", strings.NewReader(body), nil); resp.StatusCode != status {
			t.Errorf("move %s: %d", body, resp.StatusCode)
		}
	}
	if resp := s.do("PUT", "/api/v1/articles/99999/story", "application/json", strings.NewReader(`{"story_id": 1}`), nil); resp.StatusCode != 404 {
		t.Errorf("move missing article: %d", resp.StatusCode)
	}
	if resp := s.do("GET", "/api/v1/stories/99999", "", nil, nil); resp.StatusCode != 404 {
		t.Errorf("missing story: %d", resp.StatusCode)
	}
}
