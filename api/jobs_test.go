package api_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/api"
	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/migrations/pgtest"
	"github.com/crosscheck-news/crosscheck/sources"
)

const fetchedPage = `<!DOCTYPE html><html lang="en"><head><title>Convoy attacked near Aleppo</title>
<meta name="author" content="Jane Reporter"></head>
<body><article><h1>Convoy attacked near Aleppo</h1>
<p>An aid convoy was struck on Monday evening near the town of Urum al-Kubra, west of Aleppo, killing at least twenty people, according to the Syrian Arab Red Crescent.</p>
<p>"We saw the trucks burning from the hills," said a resident who gave his name only as Ahmed. The United Nations said it was suspending all aid convoys in Syria.</p>
</article></body></html>`

// newServerWithJobs is a server whose queue works fetch jobs in-process,
// allowed to fetch from loopback test servers.
func newServerWithJobs(t *testing.T) *testServer {
	t.Helper()
	db := pgtest.New(t)
	q, err := claims.NewQueue(db.Pool, db.Gorm, claims.QueueOptions{Workers: 1, Fetch: sources.FetchOptions{AllowPrivate: true}, TestOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		q.StopAndCancel(ctx)
	})
	srv := httptest.NewServer(api.New(db.Gorm, slog.New(slog.DiscardHandler), api.Options{Ping: db.Ping, Jobs: q, AllowAnonymousWrite: true}))
	t.Cleanup(srv.Close)
	return &testServer{Server: srv, db: db, t: t}
}

type jobAnswer struct {
	Job struct {
		ID        int64  `json:"id"`
		State     string `json:"state"`
		Attempt   int    `json:"attempt"`
		URL       string `json:"url"`
		ArticleID *int64 `json:"article_id"`
		Errors    []struct {
			Error string `json:"error"`
		} `json:"errors"`
	} `json:"job"`
	Links struct {
		Self    string `json:"self"`
		Article string `json:"article"`
	} `json:"links"`
}

func TestIngestFromURL(t *testing.T) {
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(fetchedPage))
	}))
	defer page.Close()
	s := newServerWithJobs(t)

	var queued jobAnswer
	resp := s.do("POST", "/api/v1/articles", "application/json", strings.NewReader(`{"url": "`+page.URL+`/convoy", "outlet": "Sample Wire"}`), &queued)
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("status = %d, want 202", resp.StatusCode)
	}
	self := "/api/v1/jobs/" + strconv.FormatInt(queued.Job.ID, 10)
	if resp.Header.Get("Location") != self || queued.Links.Self != self {
		t.Errorf("Location = %q, links.self = %q, want %q", resp.Header.Get("Location"), queued.Links.Self, self)
	}
	if queued.Job.URL != page.URL+"/convoy" || queued.Job.State == "" {
		t.Errorf("job = %+v", queued.Job)
	}

	var polled jobAnswer
	deadline := time.Now().Add(15 * time.Second)
	for {
		if resp := s.do("GET", self, "", nil, &polled); resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: status %d", self, resp.StatusCode)
		}
		if polled.Job.State == "completed" || polled.Job.State == "cancelled" || polled.Job.State == "discarded" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("job still %s after 15s: %+v", polled.Job.State, polled.Job.Errors)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if polled.Job.State != "completed" || polled.Job.ArticleID == nil || polled.Links.Article == "" {
		t.Fatalf("job = %+v, links = %+v", polled.Job, polled.Links)
	}
	var article struct {
		Title  string `json:"title"`
		Byline string `json:"byline"`
		Outlet struct {
			Name string `json:"name"`
		} `json:"outlet"`
	}
	if resp := s.do("GET", polled.Links.Article, "", nil, &article); resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", polled.Links.Article, resp.StatusCode)
	}
	if article.Title != "Convoy attacked near Aleppo" || article.Byline != "Jane Reporter" || article.Outlet.Name != "Sample Wire" {
		t.Errorf("article = %+v", article)
	}
}

func TestIngestFromURLRefusals(t *testing.T) {
	s := newServer(t) // no queue
	var p struct {
		Status int `json:"status"`
		Errors []struct {
			Field string `json:"field"`
		} `json:"errors"`
	}
	if resp := s.do("POST", "/api/v1/articles", "application/json", strings.NewReader(`{"url": "http://127.0.0.1:1/x"}`), &p); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("without a queue: status %d, want 503", resp.StatusCode)
	}
	for body, field := range map[string]string{
		`{"url": "ftp://example.org/x"}`:                   "url",
		`{"url": "http://127.0.0.1:1/x", "title": "Mine"}`: "title",
	} {
		p.Errors = nil
		resp := s.do("POST", "/api/v1/articles", "application/json", strings.NewReader(body), &p)
		if resp.StatusCode != http.StatusUnprocessableEntity || len(p.Errors) != 1 || p.Errors[0].Field != field {
			t.Errorf("%s: status %d, errors %+v, want 422 on %s", body, resp.StatusCode, p.Errors, field)
		}
	}
	if resp := s.do("GET", "/api/v1/jobs/1", "", nil, nil); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("GET a job without a queue: %d, want 503", resp.StatusCode)
	}
	s = newServerWithJobs(t)
	if resp := s.do("GET", "/api/v1/jobs/12345", "", nil, nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET a missing job: %d, want 404", resp.StatusCode)
	}
}

// TestIngestFromURLFailure: a page that is not there cancels the job at
// once (no retries), and the job says why in plain words.
func TestIngestFromURLFailure(t *testing.T) {
	page := httptest.NewServer(http.NotFoundHandler())
	defer page.Close()
	s := newServerWithJobs(t)
	var queued jobAnswer
	if resp := s.do("POST", "/api/v1/articles", "application/json", strings.NewReader(`{"url": "`+page.URL+`/gone"}`), &queued); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("status = %d, want 202", resp.StatusCode)
	}
	var polled jobAnswer
	deadline := time.Now().Add(15 * time.Second)
	for polled.Job.State != "cancelled" {
		if time.Now().After(deadline) {
			t.Fatalf("job still %s after 15s", polled.Job.State)
		}
		time.Sleep(50 * time.Millisecond)
		s.do("GET", queued.Links.Self, "", nil, &polled)
	}
	if polled.Job.Attempt != 1 || len(polled.Job.Errors) != 1 || polled.Job.ArticleID != nil {
		t.Fatalf("job = %+v", polled.Job)
	}
	if got, want := polled.Job.Errors[0].Error, page.URL+"/gone answered 404 Not Found"; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
}
