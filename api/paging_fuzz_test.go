package api

import (
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
)

// FuzzPageToken: a page token from a client is opaque and untrusted. Any
// string is either refused with a 400 or read as a cursor that encodes back
// to a token meaning the same cursor; tokens we make are always read back.
func FuzzPageToken(f *testing.F) {
	f.Add(encodeToken(articleCursor{T: time.Date(2016, 9, 28, 10, 0, 0, 0, time.UTC), ID: 42}), int64(7), "50")
	f.Add("eyJ0IjoiMjAxNi0wOS0yOFQxMDowMDowMFoiLCJpIjo0Mn0", int64(-1), "0")
	f.Add("!!!", int64(0), "501")
	f.Add("bnVsbA", int64(1<<62), "abc")
	f.Add("", int64(1), "-1")
	gin.SetMode(gin.ReleaseMode)
	// A context per request: gin caches the query of the first.
	ctx := func(q url.Values) *gin.Context {
		c, _ := gin.CreateTestContext(httptest.NewRecorder())
		c.Request = httptest.NewRequest("GET", "/?"+q.Encode(), nil)
		return c
	}
	f.Fuzz(func(t *testing.T, tok string, id int64, size string) {
		c := ctx(url.Values{"page_token": {tok}, "page_size": {size}})
		if n, err := pageSize(c); err == nil && (n < 1 || n > maxPageSize) {
			t.Fatalf("page size %d out of bounds", n)
		} else if err != nil && problemFor(err).Status != 400 {
			t.Fatalf("page_size error is %d", problemFor(err).Status)
		}
		var cur articleCursor
		ok, err := decodeToken(c, &cur)
		if err != nil {
			if problemFor(err).Status != 400 {
				t.Fatalf("page_token error is %d", problemFor(err).Status)
			}
		} else if ok {
			var back articleCursor
			if ok, err := decodeToken(ctx(url.Values{"page_token": {encodeToken(cur)}}), &back); !ok || err != nil || !back.T.Equal(cur.T) || back.ID != cur.ID {
				t.Fatalf("cursor %+v did not survive: %+v %v", cur, back, err)
			}
		}
		// Our own tokens always read back.
		mine := articleCursor{T: time.Unix(id%(1<<33), 0).UTC(), ID: id}
		var back articleCursor
		if ok, err := decodeToken(ctx(url.Values{"page_token": {encodeToken(mine)}}), &back); !ok || err != nil || !back.T.Equal(mine.T) || back.ID != mine.ID {
			t.Fatalf("our token for %+v: %+v %v", mine, back, err)
		}
	})
}
