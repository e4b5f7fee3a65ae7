package sources

import (
	"strings"
	"testing"
)

// FuzzDomain: an outlet's domain comes from admins and from article URLs.
// Whatever the input, a domain accepted is lower case, has no "www." and no
// path, is bounded, and normalises to itself; Domain of a URL on it gives it
// back.
func FuzzDomain(f *testing.F) {
	for _, s := range []string{"example.org", "https://www.Example.org/", "http://user@x.org", "x.org/path", "localhost", "münchen.de",
		"", " ", "http://[::1]:8080/", "ftp://x.org", "a..b", "http://%zz", strings.Repeat("a.", 200) + "org", "exa mple.org"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		_ = Domain(v)
		d, err := normaliseDomain(v)
		if err != nil || d == "" {
			return
		}
		if d != strings.ToLower(d) || strings.HasPrefix(d, "www.") || strings.ContainsAny(d, "/ ?#@") || len(d) > 253 {
			t.Fatalf("normaliseDomain(%q) = %q", v, d)
		}
		if again, err := normaliseDomain(d); err != nil || again != d {
			t.Fatalf("not stable: %q -> %q %v", d, again, err)
		}
		if got := Domain("https://" + d + "/a"); got != d {
			t.Fatalf("Domain of a URL on %q is %q", d, got)
		}
	})
}
