package api

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
)

const requestIDKey = "request_id"

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// requestID tags each request with an id, taken from X-Request-Id when the
// client (or a proxy) sent a sane one.
func (s *server) requestID(c *gin.Context) {
	id := c.GetHeader("X-Request-Id")
	if id == "" || len(id) > 64 {
		var b [8]byte
		rand.Read(b[:])
		id = hex.EncodeToString(b[:])
	}
	c.Set(requestIDKey, id)
	c.Header("X-Request-Id", id)
	c.Next()
}

// recover turns a panic into a logged 500 problem.
func (s *server) recover(c *gin.Context) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.ErrorContext(c.Request.Context(), "panic", "request_id", c.GetString(requestIDKey), "path", c.Request.URL.Path, "panic", v)
			s.problem(c, &Problem{Status: http.StatusInternalServerError, Detail: "an internal error occurred; the request id identifies it in the server's log"})
		}
	}()
	c.Next()
}

func (s *server) logRequests(c *gin.Context) {
	start := time.Now()
	c.Next()
	s.log.DebugContext(c.Request.Context(), "request", "request_id", c.GetString(requestIDKey), "method", c.Request.Method,
		"path", c.Request.URL.Path, "status", c.Writer.Status(), "duration_ms", time.Since(start).Milliseconds())
}

// securityHeaders keep article text inert in the page: scripts only from
// our own origin, no inline script, no framing.
func securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	c.Next()
}
