package sources

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html/charset"
)

// Errors Fetch returns for pages it will not take. They are permanent: asking
// again gives the same answer, so a job that meets one should not retry.
var (
	// ErrBlockedAddress: the URL's host resolves to an address on a private,
	// loopback, link-local or otherwise internal network, and the operator
	// has not allowed fetching from those (server-side request forgery).
	ErrBlockedAddress = errors.New("address is not public")
	// ErrTooLarge: the response body is larger than FetchOptions.MaxBytes.
	ErrTooLarge = errors.New("page is too large")
	// ErrContentType: the response is not HTML or plain text.
	ErrContentType = errors.New("page is not HTML or plain text")
	// ErrTooManyRedirects: more redirects than FetchOptions.MaxRedirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrUnsupportedURL: not an absolute http or https URL.
	ErrUnsupportedURL = errors.New("not an absolute http or https URL")
	// ErrNoText: the page parsed, but no article text was found in it.
	ErrNoText = errors.New("no article text found on the page")
)

// StatusError is a response with a status other than 2xx.
type StatusError struct {
	URL  string
	Code int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s answered %d %s", e.URL, e.Code, http.StatusText(e.Code))
}

// Temporary reports whether asking again later may succeed: server errors,
// rate limiting and timeouts are; a 404 or a 410 is not.
func (e *StatusError) Temporary() bool {
	return e.Code >= 500 || e.Code == http.StatusTooManyRequests || e.Code == http.StatusRequestTimeout
}

// FetchOptions tune fetching. The zero value is safe: internal addresses are
// refused and the limits below apply.
type FetchOptions struct {
	// AllowPrivate allows fetching from private, loopback, link-local and
	// other internal addresses. Only for development and tests: on a server
	// it lets any user make requests into the server's own network.
	AllowPrivate bool
	// Timeout bounds the whole fetch, from dialling to the last body byte.
	// Default 30 seconds.
	Timeout time.Duration
	// MaxBytes bounds the response body. Default 5 MiB (MaxTextBytes): a page
	// larger than that holds no article we could store.
	MaxBytes int64
	// MaxRedirects is how many redirects are followed. Default 5; negative
	// follows none.
	MaxRedirects int
	// UserAgent is sent with every request. Default "Crosscheck/1 (+fact-checking)".
	UserAgent string
}

func (o FetchOptions) withDefaults() FetchOptions {
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = MaxTextBytes
	}
	switch {
	case o.MaxRedirects == 0:
		o.MaxRedirects = 5
	case o.MaxRedirects < 0:
		o.MaxRedirects = 0
	}
	if o.UserAgent == "" {
		o.UserAgent = "Crosscheck/1 (+fact-checking)"
	}
	return o
}

// Page is a fetched web page and the article found in it.
type Page struct {
	// URL is where the page was found, after redirects.
	URL         string
	Title       string
	Byline      string
	PublishedAt *time.Time
	Language    string
	SiteName    string
	// Text is the article's body as plain text, paragraphs separated by
	// blank lines.
	Text string
	// HTML is the page as received, decoded to UTF-8 (the database keeps
	// text, which must be UTF-8); empty for a plain-text page.
	HTML        string
	ContentType string
}

// Submission returns the page as an article to ingest. Its outlet is found
// from the URL's domain; a page without a title gets its title from the
// text when it is ingested.
func (p Page) Submission() Submission {
	return Submission{
		Text:        p.Text,
		Title:       p.Title,
		URL:         p.URL,
		Byline:      p.Byline,
		PublishedAt: p.PublishedAt,
		Language:    p.Language,
	}
}

// NewFetchClient returns an HTTP client that enforces o: the timeout, the
// redirect limit, and, unless o.AllowPrivate, a check of every address it
// connects to. The check runs when the socket is dialled, on the IP address
// DNS actually returned, so a name that resolves to an internal address, a
// DNS answer that changes between two lookups (rebinding) and a redirect to
// an internal host are all refused, not only URLs that spell one out. No
// proxy is used: a proxy would be the address checked, not the page's.
func NewFetchClient(o FetchOptions) *http.Client {
	o = o.withDefaults()
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !o.AllowPrivate {
		dialer.Control = refuseInternal
	}
	tr := &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          20,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	return &http.Client{
		Transport: tr,
		Timeout:   o.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > o.MaxRedirects {
				return fmt.Errorf("%w (more than %d)", ErrTooManyRedirects, o.MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), ErrUnsupportedURL)
			}
			return nil
		},
	}
}

// refuseInternal is a net.Dialer Control function: it sees the resolved
// address just before the socket connects.
func refuseInternal(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, ErrBlockedAddress)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil || Internal(ip) {
		return fmt.Errorf("dial %s: %w", address, ErrBlockedAddress)
	}
	return nil
}

// internalPrefixes are ranges not covered by netip.Addr's own predicates
// that must not be reachable from a fetch.
var internalPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT (RFC 6598)
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
	netip.MustParsePrefix("100::/64"),        // discard
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
}

// Internal reports whether ip is an address a fetch must not reach unless the
// operator allows it: loopback, private (RFC 1918, IPv6 unique local),
// link-local (including cloud metadata at 169.254.169.254), unspecified,
// multicast, carrier-grade NAT and reserved ranges. IPv4 addresses embedded
// in IPv6 (mapped, NAT64, 6to4) are judged as the IPv4 address.
func Internal(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.Is6() {
		b := ip.As16()
		switch {
		case netip.MustParsePrefix("64:ff9b::/96").Contains(ip): // NAT64
			return Internal(netip.AddrFrom4([4]byte(b[12:16])))
		case netip.MustParsePrefix("2002::/16").Contains(ip): // 6to4
			return Internal(netip.AddrFrom4([4]byte(b[2:6])))
		}
	}
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() ||
		ip.IsMulticast() {
		return true
	}
	for _, p := range internalPrefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// Fetch downloads the page at rawURL and extracts its article with
// readability: title, byline, publication date and body text. The HTML is
// kept as received.
//
// client should come from NewFetchClient(o); nil makes one. A client of
// another making is used as it is, without the address check.
func Fetch(ctx context.Context, client *http.Client, rawURL string, o FetchOptions) (Page, error) {
	o = o.withDefaults()
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(rawURL) > MaxURLBytes {
		return Page{}, fmt.Errorf("fetch %q: %w", rawURL, ErrUnsupportedURL)
	}
	// An address spelled in the URL is refused before any connection, with
	// a clearer error; names are checked when dialled.
	if ip, err := netip.ParseAddr(strings.Trim(u.Hostname(), "[]")); err == nil && !o.AllowPrivate && Internal(ip) {
		return Page{}, fmt.Errorf("fetch %s: %w", u.Redacted(), ErrBlockedAddress)
	}
	if client == nil {
		client = NewFetchClient(o)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Page{}, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	req.Header.Set("User-Agent", o.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
	resp, err := client.Do(req)
	if err != nil {
		return Page{}, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Page{}, &StatusError{URL: final.Redacted(), Code: resp.StatusCode}
	}
	if resp.ContentLength > o.MaxBytes {
		return Page{}, fmt.Errorf("fetch %s: %w: %d bytes, the limit is %d", final.Redacted(), ErrTooLarge, resp.ContentLength, o.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, o.MaxBytes+1))
	if err != nil {
		return Page{}, fmt.Errorf("fetch %s: %w", final.Redacted(), err)
	}
	if int64(len(body)) > o.MaxBytes {
		return Page{}, fmt.Errorf("fetch %s: %w: more than %d bytes", final.Redacted(), ErrTooLarge, o.MaxBytes)
	}

	page, err := ReadPage(body, resp.Header.Get("Content-Type"), final)
	if err != nil {
		return Page{}, fmt.Errorf("fetch %s: %w", final.Redacted(), err)
	}
	return page, nil
}

// ReadPage extracts the article from a page's bytes, as Fetch does after
// downloading it: contentType is the Content-Type header ("" sniffs it),
// pageURL where the page is from (nil when unknown; links are then left
// relative). A saved .html file is read with it.
func ReadPage(body []byte, contentType string, pageURL *url.URL) (Page, error) {
	ct := contentType
	if ct == "" {
		ct = http.DetectContentType(body)
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return Page{}, fmt.Errorf("%w: %q", ErrContentType, ct)
	}
	switch mt {
	case "text/html", "application/xhtml+xml", "text/plain":
	default:
		return Page{}, fmt.Errorf("%w: %s", ErrContentType, mt)
	}
	decoded := decode(body, ct)
	page := Page{ContentType: mt}
	if pageURL != nil {
		page.URL = pageURL.String()
	}
	if mt == "text/plain" {
		page.Text = cleanText(decoded)
	} else {
		page.HTML = strings.ToValidUTF8(strings.ReplaceAll(decoded, "\x00", ""), "\uFFFD")
		if err := readArticle(&page, pageURL); err != nil {
			return Page{}, err
		}
	}
	if strings.TrimSpace(page.Text) == "" {
		return Page{}, ErrNoText
	}
	return page, nil
}

// decode converts body to UTF-8 using the charset from the Content-Type
// header, a byte-order mark or a <meta> tag, as a browser would.
func decode(body []byte, contentType string) string {
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" || enc == nil {
		return string(bytes.TrimPrefix(body, []byte("\xEF\xBB\xBF")))
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return string(body) // cleaned to valid UTF-8 by the caller
	}
	return string(out)
}

// readArticle finds the article in page.HTML.
func readArticle(page *Page, base *url.URL) error {
	p := readability.NewParser()
	art, err := p.Parse(strings.NewReader(page.HTML), base)
	if err != nil {
		return fmt.Errorf("reading the article: %w", err)
	}
	if art.Node == nil {
		return ErrNoText
	}
	var text strings.Builder
	if err := art.RenderText(&text); err != nil {
		return fmt.Errorf("reading the article: %w", err)
	}
	page.Text = cleanText(text.String())
	page.Title = oneLine(art.Title(), MaxTitleRunes)
	page.Byline = oneLine(art.Byline(), MaxTitleRunes)
	page.SiteName = oneLine(art.SiteName(), MaxNameRunes)
	if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
		t = t.UTC()
		page.PublishedAt = &t
	}
	if lang := strings.TrimSpace(art.Language()); lang != "" && len(lang) <= 35 && !strings.ContainsAny(lang, " \t\n") {
		page.Language = lang
	}
	return nil
}

// cleanText makes text storable: valid UTF-8, no NUL, no trailing spaces on
// lines, at most one blank line between paragraphs, no blank lines around.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\x00", "")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	blank := false
	for _, l := range lines {
		l = strings.TrimRight(l, " \t\u00a0")
		if strings.TrimSpace(l) == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// oneLine collapses whitespace and cuts s to max runes.
func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(strings.ToValidUTF8(s, "")), " ")
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max])
	}
	return s
}

// SetHTML keeps the page an article was fetched from beside its text. Only
// an article without HTML gets it: the first fetch is the original.
func (s *Store) SetHTML(ctx context.Context, articleID int64, html string) error {
	err := s.db.WithContext(ctx).Model(&Article{}).
		Where("id = ? AND html IS NULL", articleID).
		Update("html", html).Error
	if err != nil {
		return fmt.Errorf("article %d html: %w", articleID, err)
	}
	return nil
}
