package api

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
)

// FuzzDecode feeds request bodies to the strict JSON decoder every handler
// uses. Whatever arrives, the answer is a value or a 400/413/415 problem,
// never a panic; an accepted body is valid UTF-8 JSON, and the value it gave
// survives a round trip through the same decoder.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		`{"version":1,"status":"confirmed"}`,
		`{"content":{"start":0,"end":5},"speaker":{"name":"Ada","kind":"person"}}`,
		`{"text":"He said \"yes\".","title":"t","outlet":"Sample Wire"}`,
		`{"email":"a@example.org","password":"0123456789"}`,
		`{"name":"nightly","scope":"read"}`,
		`{"version":1}{"version":2}`,
		`{"unknown":true}`,
		"{\"title\":\"\xff\"}",
		`[1,2,3]`, ``, ` `, `null`, `{"version":1e400}`,
	} {
		for kind := range uint8(5) {
			f.Add(kind, "application/json", []byte(seed))
		}
	}
	f.Add(uint8(0), "text/plain", []byte(`{}`))
	f.Add(uint8(0), "application/merge-patch+json; charset=utf-8", []byte(`{}`))
	f.Add(uint8(0), "", bytes.Repeat([]byte(" "), 5000))

	s := &server{opts: Options{MaxBodyBytes: 4 << 10}}
	gin.SetMode(gin.ReleaseMode)
	f.Fuzz(func(t *testing.T, kind uint8, ct string, body []byte) {
		newValue := func() any {
			switch kind % 5 {
			case 0:
				return &claimChange{}
			case 1:
				return &newClaimRequest{}
			case 2:
				return &articleRequest{}
			case 3:
				return &signInRequest{}
			}
			return &NewUser{}
		}
		decode := func(b []byte) (any, error) {
			c, _ := gin.CreateTestContext(httptest.NewRecorder())
			c.Request = httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(b))
			if ct != "" {
				c.Request.Header.Set("Content-Type", ct)
			}
			v := newValue()
			return v, s.decode(c, v)
		}
		v, err := decode(body)
		if err != nil {
			switch st := problemFor(err).Status; st {
			case 400, 413, 415:
			default:
				t.Fatalf("decode error %v maps to %d", err, st)
			}
			return
		}
		if !utf8.Valid(body) || !json.Valid(body) || int64(len(body)) > s.opts.MaxBodyBytes {
			t.Fatalf("accepted a body that is not valid UTF-8 JSON within the limit: %q", body)
		}
		again, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if len(again) > int(s.opts.MaxBodyBytes) {
			return
		}
		ct = "application/json"
		w, err := decode(again)
		if err != nil {
			t.Fatalf("re-encoded value %s refused: %v", again, err)
		}
		if !reflect.DeepEqual(v, w) {
			t.Fatalf("round trip changed the value: %+v != %+v", v, w)
		}
	})
}
