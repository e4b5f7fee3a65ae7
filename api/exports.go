package api

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/crosscheck-news/crosscheck/claims"
)

// exportRoutes are the research downloads.
func (s *server) exportRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/exports/:file", summary: "Download the claim table, the evidence-link table or the claims' change history, streamed, read in one consistent snapshot. " +
			"file is claims.csv, claims.jsonl, claims.parquet, evidence.csv, evidence.jsonl, evidence.parquet, history.csv, history.jsonl, history.parquet, " +
			"claims.claimreview.jsonld (schema.org ClaimReview of reviewed claims) or claims.annotations.jsonld (W3C Web Annotations); " +
			"a tabular file name with .zip appended (claims.csv.zip) is a bundle with its datapackage.json. " +
			"The trailers X-Crosscheck-Snapshot and X-Crosscheck-Rows give the snapshot time and the row count.",
			handler: s.export, params: []param{
				{name: "file", in: "path", typ: "string", required: true, desc: "what to download, e.g. claims.csv"},
				{name: "outlet", in: "query", typ: "string", desc: "only claims of this outlet: its id, name or web domain"},
				{name: "speaker", in: "query", typ: "string", desc: "only claims of this speaker: its id or canonical name"},
				{name: "kind", in: "query", typ: "string", desc: "direct, indirect, mixed, assertion, caption or headline"},
				{name: "status", in: "query", typ: "string", desc: "unreviewed, confirmed, edited or rejected"},
				{name: "story", in: "query", typ: "integer", desc: "only claims of the articles of this story"},
				{name: "from", in: "query", typ: "string", desc: "only articles published at or after this date (YYYY-MM-DD or RFC 3339)"},
				{name: "to", in: "query", typ: "string", desc: "only articles published before this date (YYYY-MM-DD or RFC 3339)"},
			}, files: exportMediaTypes(), status: 200, errors: []int{400, 404}},
	}
}

// exportMediaTypes are the media types an export can come as.
func exportMediaTypes() []string {
	seen := map[string]bool{"application/zip": true}
	out := []string{}
	for _, f := range []claims.Format{claims.CSV, claims.JSONLines, claims.Parquet, claims.ClaimReviewLD, claims.AnnotationsLD} {
		mt, _, _ := strings.Cut(f.MediaType(), ";") // the type without its parameters
		if !seen[mt] {
			seen[mt] = true
			out = append(out, mt)
		}
	}
	return append(out, "application/zip")
}

// exportFile reads an export's file name: table, format and whether it is a
// bundle.
func exportFile(name string) (claims.Table, claims.Format, bool, error) {
	bundle := strings.HasSuffix(name, ".zip")
	base := strings.TrimSuffix(name, ".zip")
	for _, f := range []claims.Format{claims.ClaimReviewLD, claims.AnnotationsLD} {
		if base == claims.FileName(claims.ClaimTable, f) && !bundle {
			return claims.ClaimTable, f, false, nil
		}
	}
	table, format, ok := strings.Cut(base, ".")
	t, f := claims.Table(table), claims.Format(format)
	if !ok || !t.Valid() || !f.Tabular() {
		return "", "", false, &Problem{Status: http.StatusNotFound, Detail: "no such export: " + name +
			"; there are claims, evidence and history, each as .csv, .jsonl or .parquet (and each of those also as .zip with datapackage.json), claims.claimreview.jsonld and claims.annotations.jsonld"}
	}
	return t, f, bundle, nil
}

// exportFilter reads the filter parameters, refusing any it cannot use.
func exportFilter(c *gin.Context) (claims.ExportFilter, error) {
	var f claims.ExportFilter
	if err := idOrName(c, "outlet", &f.OutletID, &f.Outlet); err != nil {
		return f, err
	}
	if err := idOrName(c, "speaker", &f.SpeakerID, &f.Speaker); err != nil {
		return f, err
	}
	var err error
	if f.StoryID, err = optionalID(c, "story"); err != nil {
		return f, err
	}
	f.Kind, f.Status = claims.Kind(c.Query("kind")), claims.Status(c.Query("status"))
	for _, d := range []struct {
		name string
		dst  **time.Time
	}{{"from", &f.From}, {"to", &f.To}} {
		if v := c.Query(d.name); v != "" {
			t, err := parseTime(v)
			if err != nil {
				return f, badRequest(d.name + " must be an RFC 3339 time or a YYYY-MM-DD date")
			}
			*d.dst = &t
		}
	}
	if err := f.Validate(); err != nil {
		return f, badRequest(strings.TrimPrefix(err.Error(), claims.ErrInvalidFilter.Error()+": "))
	}
	return f, nil
}

func (s *server) export(c *gin.Context) {
	t, format, bundle, err := exportFile(c.Param("file"))
	if err != nil {
		s.fail(c, err)
		return
	}
	f, err := exportFilter(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	name := c.Param("file")
	h := c.Writer.Header()
	h.Set("Content-Type", format.MediaType())
	if bundle {
		h.Set("Content-Type", "application/zip")
	}
	h.Set("Content-Disposition", `attachment; filename="crosscheck-`+name+`"`)
	h.Set("Cache-Control", "no-store")
	// The snapshot and count are known only at the end: trailers carry them.
	h.Set("Trailer", "X-Crosscheck-Snapshot, X-Crosscheck-Rows")
	store := claims.NewStore(s.db)
	var snap claims.Snapshot
	if bundle {
		snap, err = store.ExportBundle(c.Request.Context(), c.Writer, t, format, f)
	} else {
		snap, err = store.Export(c.Request.Context(), c.Writer, t, format, f)
	}
	if err != nil {
		if !c.Writer.Written() {
			h.Del("Trailer")
			h.Del("Content-Disposition")
			if errors.Is(err, claims.ErrInvalidFilter) {
				err = badRequest(strings.TrimPrefix(err.Error(), claims.ErrInvalidFilter.Error()+": "))
			}
			s.fail(c, err)
			return
		}
		// Half a file must not pass for a whole one: cut the connection
		// so the client sees an error instead of a clean end.
		if c.Request.Context().Err() == nil {
			s.log.ErrorContext(c.Request.Context(), "export failed midway", "request_id", c.GetString(requestIDKey), "err", err)
		}
		panic(http.ErrAbortHandler)
	}
	h.Set("X-Crosscheck-Snapshot", snap.Time.Format(time.RFC3339Nano))
	h.Set("X-Crosscheck-Rows", strconv.FormatInt(snap.Rows, 10))
}
