package api

import (
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"
)

// FuzzETag: If-Match values are read into a version. Whatever the header,
// a version read is positive, the ETag we send for a version reads back as
// that version, and a bad header is a 400, not a 500.
func FuzzETag(f *testing.F) {
	for _, s := range []string{`"3"`, `W/"3"`, `3`, ` "12" `, `"0"`, `"-1"`, `""`, `*`, `"3", "4"`, `"99999999999999999999"`, `W/`, "\"\x00\""} {
		f.Add(s, 0)
	}
	f.Add("", 5)
	gin.SetMode(gin.ReleaseMode)
	f.Fuzz(func(t *testing.T, h string, body int) {
		if n, ok := parseETag(h); ok && n < 1 {
			t.Fatalf("parseETag(%q) = %d", h, n)
		}
		if body > 0 {
			if n, ok := parseETag(etag(body)); !ok || n != body {
				t.Fatalf("etag(%d) reads back as %d %v", body, n, ok)
			}
		}
		c, _ := gin.CreateTestContext(httptest.NewRecorder())
		c.Request = httptest.NewRequest("PATCH", "/", nil)
		if h != "" {
			c.Request.Header["If-Match"] = []string{h}
		}
		v, err := version(c, body)
		if err != nil {
			if st := problemFor(err).Status; st != 400 && st != 428 {
				t.Fatalf("version error is %d", st)
			}
			return
		}
		if v < 1 {
			t.Fatalf("version %d accepted", v)
		}
	})
}
