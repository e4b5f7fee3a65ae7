package api

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/riverqueue/river/rivertype"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/sources"
)

// jobDoc is a job as the API shows it while a client polls it.
type jobDoc struct {
	Job   claims.FetchJob `json:"job"`
	Links jobLinks        `json:"links"`
}

type jobLinks struct {
	Self    string `json:"self"`
	Article string `json:"article,omitempty" doc:"the stored article, once the job is completed"`
}

func (s *server) jobRoutes() []route {
	id := param{name: "id", in: "path", typ: "integer", required: true, desc: "the job's id"}
	return []route{
		{method: "GET", path: "/api/v1/jobs/:id", summary: "A fetch job, queued by POST /api/v1/articles with only a url (202): its state, attempts, errors and, once completed, its article",
			handler: s.getJob, params: []param{id}, resp: jobDoc{}, status: 200, errors: []int{400, 404, 503}},
	}
}

// queueFetch answers POST /api/v1/articles with a url and no text: the page
// is fetched by a job, and the client polls the job (202 Accepted).
func (s *server) queueFetch(c *gin.Context, req articleRequest) {
	// Title, byline and the rest are read from the page; silently dropping
	// what the client sent would surprise it.
	var errs sources.InvalidError
	for _, f := range [...]struct{ name, value string }{
		{"title", req.Title}, {"byline", req.Byline}, {"published_at", req.PublishedAt}, {"language", req.Language},
	} {
		if strings.TrimSpace(f.value) != "" {
			errs = append(errs, sources.FieldError{Field: f.name, Message: "is read from the page when only a url is given; send the text too to set it"})
		}
	}
	link := strings.TrimSpace(req.URL)
	if u, err := url.Parse(link); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(link) > sources.MaxURLBytes {
		errs = append(errs, sources.FieldError{Field: "url", Message: "must be an absolute http or https URL of at most 2048 bytes"})
	}
	if len(errs) > 0 {
		s.fail(c, errs)
		return
	}
	if s.opts.Jobs == nil {
		s.fail(c, &Problem{Status: http.StatusServiceUnavailable, Detail: "fetching articles from URLs is not enabled on this server"})
		return
	}
	res, err := s.opts.Jobs.Insert(c.Request.Context(), claims.FetchArticle{URL: link, Outlet: strings.TrimSpace(req.Outlet)}, nil)
	if err != nil {
		s.fail(c, err)
		return
	}
	doc, err := jobDocOf(res.Job)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Location", doc.Links.Self)
	c.JSON(http.StatusAccepted, doc)
}

func (s *server) getJob(c *gin.Context) {
	id, err := idParam(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	if s.opts.Jobs == nil {
		s.fail(c, &Problem{Status: http.StatusServiceUnavailable, Detail: "the job queue is not enabled on this server"})
		return
	}
	row, err := s.opts.Jobs.JobGet(c.Request.Context(), id)
	if errors.Is(err, rivertype.ErrNotFound) {
		s.fail(c, &Problem{Status: http.StatusNotFound, Detail: "no such job"})
		return
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	doc, err := jobDocOf(row)
	if errors.Is(err, claims.ErrNotFetchJob) { // other kinds are internal
		s.fail(c, &Problem{Status: http.StatusNotFound, Detail: "no such job"})
		return
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, doc)
}

func jobDocOf(row *rivertype.JobRow) (jobDoc, error) {
	j, err := claims.FetchJobOf(row)
	if err != nil {
		return jobDoc{}, err
	}
	for i, e := range j.Errors {
		// River records a cancelled attempt's error with its own type name
		// in front, which says nothing to the person who sent the URL.
		j.Errors[i].Error = strings.TrimPrefix(e.Error, "JobCancelError: ")
	}
	doc := jobDoc{Job: j, Links: jobLinks{Self: "/api/v1/jobs/" + itoa(j.ID)}}
	if j.ArticleID != nil {
		doc.Links.Article = "/api/v1/articles/" + itoa(*j.ArticleID)
	}
	return doc, nil
}
