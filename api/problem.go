package api

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/sources"
)

// Problem is an RFC 9457 problem details body.
type Problem struct {
	Type     string               `json:"type"`
	Title    string               `json:"title"`
	Status   int                  `json:"status"`
	Detail   string               `json:"detail,omitempty"`
	Instance string               `json:"instance,omitempty"`
	Errors   []sources.FieldError `json:"errors,omitempty"`
	// Current is the resource as it is now, on a 409 conflict.
	Current any `json:"current,omitempty"`
}

func (p *Problem) Error() string { return p.Detail }

// badRequest is the problem for a request the client must fix.
func badRequest(detail string) *Problem {
	return &Problem{Status: http.StatusBadRequest, Detail: detail}
}

// problemFor maps an error to the problem the client sees: domain errors to
// their status, everything else to a 500 that says nothing internal.
func problemFor(err error) *Problem {
	var p *Problem
	var invalid sources.InvalidError
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &p):
		return p
	case errors.As(err, &invalid):
		return &Problem{Status: http.StatusUnprocessableEntity, Detail: "the article is not valid: " + invalid.Error(), Errors: invalid}
	case errors.As(err, &tooBig):
		return &Problem{Status: http.StatusRequestEntityTooLarge, Detail: "the request body is larger than the limit of " + byteSize(tooBig.Limit)}
	case errors.Is(err, sources.ErrNotFound), errors.Is(err, claims.ErrNotFound):
		return &Problem{Status: http.StatusNotFound, Detail: "no such resource"}
	case errors.Is(err, claims.ErrConflict):
		return &Problem{Status: http.StatusConflict, Detail: err.Error()}
	case databaseDown(err):
		return &Problem{Status: http.StatusServiceUnavailable, Detail: "the database is not answering; try again shortly"}
	}
	return &Problem{Status: http.StatusInternalServerError, Detail: "an internal error occurred; the request id identifies it in the server's log"}
}

// databaseDown reports whether err means PostgreSQL cannot be reached or
// dropped the connection (restarting, shutting down, full): the request may
// succeed later, so it is a 503, not a 500. The pool reconnects by itself.
func databaseDown(err error) bool {
	var connect *pgconn.ConnectError
	var pg *pgconn.PgError
	var netErr net.Error
	switch {
	case errors.As(err, &connect), errors.As(err, &netErr), errors.Is(err, driver.ErrBadConn),
		errors.Is(err, io.ErrUnexpectedEOF), pgconn.Timeout(err), pgconn.SafeToRetry(err):
		return true
	case errors.As(err, &pg):
		// Class 08: connection exception; 57P01-57P03: the server is shutting
		// down or starting; 53300: too many connections.
		return strings.HasPrefix(pg.Code, "08") || pg.Code == "57P01" || pg.Code == "57P02" || pg.Code == "57P03" || pg.Code == "53300"
	}
	return strings.Contains(err.Error(), "conn closed") || strings.Contains(err.Error(), "closed pool")
}

// problem writes p, filling its standard members.
func (s *server) problem(c *gin.Context, p *Problem) {
	if p.Title == "" {
		p.Title = http.StatusText(p.Status)
	}
	if p.Type == "" {
		p.Type = "about:blank"
	}
	if p.Instance == "" {
		p.Instance = c.Request.URL.Path
	}
	c.Header("Content-Type", "application/problem+json")
	c.AbortWithStatusJSON(p.Status, p)
}

// fail answers with the problem for err, logging internal errors once.
func (s *server) fail(c *gin.Context, err error) {
	if c.Request.Context().Err() != nil && errors.Is(err, context.Canceled) {
		// The client hung up: nobody reads an answer, and it is no server
		// error worth an alarm.
		s.log.DebugContext(c.Request.Context(), "client went away", "request_id", c.GetString(requestIDKey), "path", c.Request.URL.Path)
		c.Abort()
		return
	}
	p := problemFor(err)
	if p.Status == http.StatusServiceUnavailable {
		c.Header("Retry-After", "2")
	}
	if p.Status >= 500 {
		s.log.ErrorContext(c.Request.Context(), "request failed", "request_id", c.GetString(requestIDKey), "method", c.Request.Method, "path", c.Request.URL.Path, "err", err)
	}
	s.problem(c, p)
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return itoa(n>>20) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return itoa(n>>10) + " KiB"
	}
	return itoa(n) + " bytes"
}
