package api

import (
	"strings"
	"testing"
)

// FuzzParseBearer: the Authorization header comes from anyone. A token read
// from it is non-empty, bounded, free of spaces and control bytes, and the
// header we would send for it reads back as the same token.
func FuzzParseBearer(f *testing.F) {
	for _, s := range []string{"Bearer cct_abc", "bearer cct_abc", "Bearer  x", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz",
		"Bearer a b", "Bearer \x00", "Bearer " + strings.Repeat("a", 300), "BEARER abc=="} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		tok, ok := parseBearer(h)
		if !ok {
			return
		}
		if tok == "" || len(tok) > 256 || strings.ContainsAny(tok, " \t\r\n\x00") {
			t.Fatalf("parseBearer(%q) = %q", h, tok)
		}
		if back, ok := parseBearer("Bearer " + tok); !ok || back != tok {
			t.Fatalf("token %q does not read back: %q", tok, back)
		}
	})
}

// FuzzNormaliseEmail: an accepted address is lower case, trimmed, has an @
// after its first byte (as the users table checks), and is stable.
func FuzzNormaliseEmail(f *testing.F) {
	for _, s := range []string{"Ada@Example.org", " a@b ", "@example.org", "a@", "a b@c", "\"quoted\"@x.y", "a@b@c", "<a@b>", "Ada <a@b>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		e, err := normaliseEmail(v)
		if err != nil {
			return
		}
		if e != strings.ToLower(e) || e != strings.TrimSpace(e) || strings.Index(e, "@") < 1 || len(e) > 254 {
			t.Fatalf("normaliseEmail(%q) = %q", v, e)
		}
		if again, err := normaliseEmail(e); err != nil || again != e {
			t.Fatalf("not stable: %q -> %q %v", e, again, err)
		}
	})
}
