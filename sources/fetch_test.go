package sources_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/sources"
)

const articleHTML = `<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Convoy attacked near Aleppo | Sample Wire</title>
<meta property="og:title" content="Convoy attacked near Aleppo">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2016-09-20T08:30:00Z">
<meta property="og:site_name" content="Sample Wire">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Convoy attacked near Aleppo</h1>
<p>An aid convoy was struck on Monday evening near the town of Urum al-Kubra, west of Aleppo, killing at least twenty people, according to the Syrian Arab Red Crescent.</p>
<p>"We saw the trucks burning from the hills," said a resident who gave his name only as Ahmed. The United Nations said it was suspending all aid convoys in Syria while it investigated.</p>
<p>Russia's defence ministry denied that its aircraft or Syrian government aircraft had carried out the strike, and said the convoy had been accompanied by a militant pickup truck.</p>
<p>The International Committee of the Red Cross called the attack a flagrant violation of international humanitarian law and demanded an independent inquiry into what happened.</p>
</article>
<footer>Copyright Sample Wire</footer>
</body></html>`

// open fetches from a loopback test server, which only AllowPrivate permits.
var open = sources.FetchOptions{AllowPrivate: true}

func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetchArticle(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(articleHTML))
	})
	page, err := sources.Fetch(context.Background(), nil, srv.URL+"/world/convoy", open)
	if err != nil {
		t.Fatal(err)
	}
	if page.Title != "Convoy attacked near Aleppo" {
		t.Errorf("Title = %q", page.Title)
	}
	if page.Byline != "Jane Reporter" {
		t.Errorf("Byline = %q", page.Byline)
	}
	if page.PublishedAt == nil || !page.PublishedAt.Equal(time.Date(2016, 9, 20, 8, 30, 0, 0, time.UTC)) {
		t.Errorf("PublishedAt = %v", page.PublishedAt)
	}
	if page.Language != "en-GB" {
		t.Errorf("Language = %q", page.Language)
	}
	if page.HTML != articleHTML {
		t.Errorf("HTML is not the page as served")
	}
	for _, want := range []string{"We saw the trucks burning", "Russia's defence ministry denied"} {
		if !strings.Contains(page.Text, want) {
			t.Errorf("Text lacks %q:\n%s", want, page.Text)
		}
	}
	for _, unwanted := range []string{"Home", "Copyright"} {
		if strings.Contains(page.Text, unwanted) {
			t.Errorf("Text keeps the page's %q:\n%s", unwanted, page.Text)
		}
	}
	if page.URL != srv.URL+"/world/convoy" {
		t.Errorf("URL = %q", page.URL)
	}
	sub := page.Submission()
	if err := sub.Validate(); err != nil {
		t.Errorf("the page's submission is not valid: %v", err)
	}
	if sub.Outlet != "127.0.0.1" {
		t.Errorf("outlet = %q, want the URL's host", sub.Outlet)
	}
}

func TestFetchDecodesCharset(t *testing.T) {
	// "café" and "Zürich" in ISO-8859-1, declared only in a <meta> tag.
	latin1 := "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>Caf\xe9</title></head><body><article><p>" +
		strings.Repeat("The caf\xe9 in Z\xfcrich opened on Monday, its owner said in a statement to the press. ", 8) +
		"</p></article></body></html>"
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(latin1))
	})
	page, err := sources.Fetch(context.Background(), nil, srv.URL, open)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.Text, "The café in Zürich") || !strings.Contains(page.HTML, "Zürich") {
		t.Errorf("not decoded from ISO-8859-1:\n%s", page.Text)
	}
}

func TestFetchPlainText(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("Headline here\r\n\r\n\r\nFirst paragraph.  \r\nSecond line.\r\n"))
	})
	page, err := sources.Fetch(context.Background(), nil, srv.URL+"/a.txt", open)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Headline here\n\nFirst paragraph.\nSecond line."; page.Text != want {
		t.Errorf("Text = %q, want %q", page.Text, want)
	}
	if page.HTML != "" {
		t.Errorf("HTML = %q for a text page", page.HTML)
	}
}

func TestFetchRefuses(t *testing.T) {
	big := strings.Repeat("<p>word </p>", 2000)
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/pdf":
			w.Header().Set("Content-Type", "application/pdf")
			w.Write([]byte("%PDF-1.4"))
		case "/png": // no Content-Type: sniffed
			w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
		case "/big":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(big))
		case "/big-chunked":
			w.Header().Set("Content-Type", "text/html")
			for range 20 {
				w.Write([]byte(big[:1000]))
				w.(http.Flusher).Flush()
			}
		case "/gone":
			http.Error(w, "gone", http.StatusGone)
		case "/busy":
			http.Error(w, "busy", http.StatusServiceUnavailable)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/ftp":
			http.Redirect(w, r, "ftp://example.org/x", http.StatusFound)
		case "/slow":
			select { // until the client gives up
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		case "/empty":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body></body></html>"))
		}
	})
	small := open
	small.MaxBytes = 10_000
	quick := open
	quick.Timeout = 300 * time.Millisecond
	for _, tc := range []struct {
		path string
		opts sources.FetchOptions
		want error
	}{
		{"/pdf", open, sources.ErrContentType},
		{"/png", open, sources.ErrContentType},
		{"/big", small, sources.ErrTooLarge},
		{"/big-chunked", small, sources.ErrTooLarge},
		{"/loop", open, sources.ErrTooManyRedirects},
		{"/ftp", open, sources.ErrUnsupportedURL},
		{"/slow", quick, context.DeadlineExceeded},
		{"/empty", open, sources.ErrNoText},
	} {
		t.Run(tc.path, func(t *testing.T) {
			_, err := sources.Fetch(context.Background(), nil, srv.URL+tc.path, tc.opts)
			if !errors.Is(err, tc.want) && !(tc.want == context.DeadlineExceeded && isTimeout(err)) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
		})
	}
	for _, tc := range []struct {
		path      string
		code      int
		temporary bool
	}{{"/gone", 410, false}, {"/busy", 503, true}} {
		_, err := sources.Fetch(context.Background(), nil, srv.URL+tc.path, open)
		var se *sources.StatusError
		if !errors.As(err, &se) || se.Code != tc.code || se.Temporary() != tc.temporary {
			t.Errorf("%s: err = %v, want status %d", tc.path, err, tc.code)
		}
	}
	for _, u := range []string{"file:///etc/passwd", "gopher://x", "/relative", "http://"} {
		if _, err := sources.Fetch(context.Background(), nil, u, open); !errors.Is(err, sources.ErrUnsupportedURL) {
			t.Errorf("%s: err = %v, want ErrUnsupportedURL", u, err)
		}
	}
}

func isTimeout(err error) bool {
	var te interface{ Timeout() bool }
	return errors.As(err, &te) && te.Timeout()
}

func TestFetchRefusesLoopbackByDefault(t *testing.T) {
	var hits atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(articleHTML))
	})
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	for _, u := range []string{
		srv.URL,                   // an address in the URL
		"http://localhost" + port, // a name, resolved when dialled
		"http://[::ffff:127.0.0.1]" + port,
	} {
		_, err := sources.Fetch(context.Background(), nil, u, sources.FetchOptions{})
		if !errors.Is(err, sources.ErrBlockedAddress) {
			t.Errorf("%s: err = %v, want ErrBlockedAddress", u, err)
		}
	}
	// The check is in the client's dialer, so it holds for a client made
	// once and reused, whatever the URL says.
	client := sources.NewFetchClient(sources.FetchOptions{})
	req, _ := http.NewRequest("GET", "http://localhost"+port, nil)
	if _, err := client.Do(req); !errors.Is(err, sources.ErrBlockedAddress) {
		t.Errorf("client.Do: err = %v, want ErrBlockedAddress", err)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the server was reached %d times", n)
	}
}

func TestFetchFollowsRedirects(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/final" {
			http.Redirect(w, r, "/final", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(articleHTML))
	})
	page, err := sources.Fetch(context.Background(), nil, srv.URL+"/short", open)
	if err != nil {
		t.Fatal(err)
	}
	if page.URL != srv.URL+"/final" {
		t.Errorf("URL = %q, want the redirect's target", page.URL)
	}
}

func TestInternal(t *testing.T) {
	for _, tc := range []struct {
		addr     string
		internal bool
	}{
		{"127.0.0.1", true},
		{"127.8.9.10", true},
		{"::1", true},
		{"10.1.2.3", true},
		{"172.16.0.1", true},
		{"172.31.255.255", true},
		{"192.168.1.1", true},
		{"169.254.169.254", true}, // cloud metadata
		{"fe80::1", true},
		{"fc00::1", true},
		{"fd12:3456::1", true},
		{"0.0.0.0", true},
		{"::", true},
		{"224.0.0.1", true},
		{"ff02::1", true},
		{"100.64.0.1", true},
		{"100.127.255.254", true},
		{"255.255.255.255", true},
		{"::ffff:10.0.0.1", true},
		{"64:ff9b::a00:1", true}, // NAT64 of 10.0.0.1
		{"2002:7f00:1::", true},  // 6to4 of 127.0.0.1
		{"8.8.8.8", false},
		{"93.184.216.34", false},
		{"172.32.0.1", false},
		{"100.128.0.1", false},
		{"2606:4700::1111", false},
		{"::ffff:8.8.8.8", false},
	} {
		if got := sources.Internal(netip.MustParseAddr(tc.addr)); got != tc.internal {
			t.Errorf("Internal(%s) = %v, want %v", tc.addr, got, tc.internal)
		}
	}
}
