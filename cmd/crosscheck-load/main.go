// Command crosscheck-load is a bounded load test for a running Crosscheck
// server on this machine: N connections for D seconds, reads and writes
// mixed, signed in as a reviewer or admin. It counts answers by status and,
// given the database, checks afterwards that every write the server
// acknowledged is there.
//
//	crosscheck-load --url http://localhost:8080 --email admin@localhost \
//	    --connections 64 --duration 60s --database-url "$DATABASE_URL" < password
//
// A write is acknowledged by a 201 (a new article) or a 200 (a claim's new
// status). A 409 (another connection changed the claim first) is expected
// and is not a write. Any 5xx or lost write makes the command fail.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/signal"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "crosscheck-load:", err)
		}
		os.Exit(1)
	}
}

type config struct {
	url         string
	email       string
	password    string
	connections int
	duration    time.Duration
	writes      float64
	databaseURL string
}

func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout io.Writer) error {
	var c config
	fs := flag.NewFlagSet("crosscheck-load", flag.ContinueOnError)
	fs.StringVar(&c.url, "url", "http://localhost:8080", "the server")
	fs.StringVar(&c.email, "email", "", "a reviewer or admin to sign in as; the password is the first line of standard input, or env CROSSCHECK_LOAD_PASSWORD")
	fs.IntVar(&c.connections, "connections", 64, "concurrent connections")
	fs.DurationVar(&c.duration, "duration", 60*time.Second, "how long to run")
	fs.Float64Var(&c.writes, "writes", 0.25, "share of requests that write (half new articles, half claim status changes)")
	fs.StringVar(&c.databaseURL, "database-url", getenv("DATABASE_URL"), "the server's database, to count the acknowledged writes afterwards (env DATABASE_URL)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if c.email == "" {
		return errors.New("--email is required")
	}
	c.password = getenv("CROSSCHECK_LOAD_PASSWORD")
	if c.password == "" {
		line, _ := bufio.NewReader(stdin).ReadString('\n')
		c.password = strings.TrimRight(line, "\r\n")
	}
	c.url = strings.TrimRight(c.url, "/")

	l, err := newLoad(ctx, c)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d connections for %s against %s, %.0f%% writes, %d claims to work on\n", c.connections, c.duration, c.url, 100*c.writes, len(l.claims))
	l.run(ctx)
	l.report(stdout)
	if c.databaseURL == "" {
		fmt.Fprintln(stdout, "no --database-url: acknowledged writes not checked")
	} else if err := l.verify(ctx, stdout); err != nil {
		return err
	}
	if n := l.server5xx.Load(); n > 0 {
		return fmt.Errorf("%d answers were 5xx", n)
	}
	return nil
}

// load is one run: the shared session, the claims to change, and what
// happened.
type load struct {
	c      config
	client *http.Client
	csrf   string
	claims []int64

	mu       sync.Mutex
	statuses map[string]int // "GET claims 200" -> count
	latency  []time.Duration
	articles []int64        // acknowledged new articles
	versions map[int64]int  // claim -> highest acknowledged version
	known    map[int64]int  // claim -> last version seen (workers share it)
	errs     map[string]int // transport errors by text
	bumps    int            // acknowledged changes that made a new version

	requests  atomic.Int64
	server5xx atomic.Int64
	nonce     atomic.Int64
}

func newLoad(ctx context.Context, c config) (*load, error) {
	jar, _ := cookiejar.New(nil)
	l := &load{
		c: c,
		client: &http.Client{Jar: jar, Timeout: 30 * time.Second, Transport: &http.Transport{
			MaxIdleConns: c.connections, MaxIdleConnsPerHost: c.connections, MaxConnsPerHost: c.connections,
		}},
		statuses: map[string]int{}, versions: map[int64]int{}, known: map[int64]int{}, errs: map[string]int{},
	}
	body, _ := json.Marshal(map[string]string{"email": c.email, "password": c.password})
	var sess struct {
		CSRFToken string `json:"csrf_token"`
		User      struct{ Role string }
	}
	if st, err := l.do(ctx, "POST", "/api/v1/session", body, &sess); err != nil || st != 200 {
		return nil, fmt.Errorf("signing in as %s: status %d %v", c.email, st, err)
	}
	if sess.User.Role == "researcher" {
		return nil, errors.New("sign in as a reviewer or admin: researchers cannot write")
	}
	l.csrf = sess.CSRFToken
	// Make sure there are claims to change, then learn their versions.
	for i := 0; i < 5; i++ {
		if st, err := l.do(ctx, "POST", "/api/v1/articles", l.article(), nil); err != nil || st != 201 {
			return nil, fmt.Errorf("seeding an article: status %d %v", st, err)
		}
	}
	var page struct {
		Items []struct {
			ID      int64 `json:"id"`
			Version int   `json:"version"`
		}
	}
	if st, err := l.do(ctx, "GET", "/api/v1/claims?page_size=500", nil, &page); err != nil || st != 200 {
		return nil, fmt.Errorf("listing claims: status %d %v", st, err)
	}
	for _, it := range page.Items {
		l.claims = append(l.claims, it.ID)
		l.known[it.ID] = it.Version
	}
	if len(l.claims) == 0 {
		return nil, errors.New("the seeded articles gave no claims")
	}
	l.statuses = map[string]int{}
	return l, nil
}

// article is the body of a new article no one has sent before.
func (l *load) article() []byte {
	n := l.nonce.Add(1)
	text := fmt.Sprintf("Harbour bridge update %d-%d. \"The bridge will reopen on Monday,\" said Mayor Jane Doe. "+
		"Officials said repairs cost %d thousand pounds less than planned. \"We are pleased,\" said engineer Sam Lee.",
		time.Now().UnixNano(), n, n%97)
	b, _ := json.Marshal(map[string]string{"text": text, "title": fmt.Sprintf("Load test %d", n), "outlet": "Load Test Wire"})
	return b
}

// do sends one request and decodes a 2xx answer into out.
func (l *load) do(ctx context.Context, method, path string, body []byte, out any) (int, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, l.c.url+path, rd)
	if err != nil {
		return 0, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if l.csrf != "" {
		req.Header.Set("X-CSRF-Token", l.csrf)
	}
	resp, err := l.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, err
	}
	if out != nil && (resp.StatusCode/100 == 2 || resp.StatusCode == http.StatusConflict) {
		if err := json.Unmarshal(b, out); err != nil {
			return resp.StatusCode, err
		}
	}
	return resp.StatusCode, nil
}

func (l *load) run(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, l.c.duration)
	defer cancel()
	var wg sync.WaitGroup
	for range l.c.connections {
		wg.Go(func() {
			for ctx.Err() == nil {
				l.one(ctx)
			}
		})
	}
	wg.Wait()
}

// one makes one request of the mix and records what came back.
func (l *load) one(ctx context.Context) {
	id := l.claims[rand.IntN(len(l.claims))]
	var (
		name, method, path string
		body               []byte
		out                any
	)
	var created struct {
		ID int64 `json:"id"`
	}
	var changed struct {
		Version int `json:"version"`
		Current *struct {
			Version int `json:"version"`
		} `json:"current"` // on a 409
	}
	sent := 0
	r := rand.Float64()
	switch {
	case r < l.c.writes/2:
		name, method, path, body, out = "POST article", "POST", "/api/v1/articles", l.article(), &created
	case r < l.c.writes:
		l.mu.Lock()
		v := l.known[id]
		l.mu.Unlock()
		sent = v
		status := []string{"confirmed", "unreviewed", "edited"}[rand.IntN(2)]
		body = fmt.Appendf(nil, `{"version":%d,"status":%q}`, v, status)
		name, method, path, out = "PATCH claim", "PATCH", fmt.Sprintf("/api/v1/claims/%d", id), &changed
	case r < l.c.writes+(1-l.c.writes)*0.4:
		name, method, path = "GET claims", "GET", "/api/v1/claims?page_size=20"
	case r < l.c.writes+(1-l.c.writes)*0.6:
		name, method, path = "GET articles", "GET", "/api/v1/articles?page_size=20"
	default:
		name, method, path, out = "GET claim", "GET", fmt.Sprintf("/api/v1/claims/%d", id), &changed
	}
	start := time.Now()
	st, err := l.do(ctx, method, path, body, out)
	took := time.Since(start)
	if err != nil && ctx.Err() != nil {
		return // the run ended mid-request: neither a success nor a failure
	}
	l.requests.Add(1)
	if st >= 500 {
		l.server5xx.Add(1)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.latency = append(l.latency, took)
	if err != nil {
		l.errs[err.Error()]++
		return
	}
	l.statuses[fmt.Sprintf("%s %d", name, st)]++
	switch {
	case name == "POST article" && st == 201:
		l.articles = append(l.articles, created.ID)
	case name == "PATCH claim" && st == 200:
		l.versions[id] = max(l.versions[id], changed.Version)
		l.known[id] = max(l.known[id], changed.Version)
		if changed.Version > sent {
			l.bumps++
		}
	case name == "PATCH claim" && st == 409 && changed.Current != nil:
		l.known[id] = max(l.known[id], changed.Current.Version)
	case name == "GET claim" && st == 200:
		l.known[id] = max(l.known[id], changed.Version)
	}
}

func (l *load) report(w io.Writer) {
	n := l.requests.Load()
	fmt.Fprintf(w, "%d requests in %s: %.0f per second\n", n, l.c.duration, float64(n)/l.c.duration.Seconds())
	keys := make([]string, 0, len(l.statuses))
	for k := range l.statuses {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "  %-22s %d\n", k, l.statuses[k])
	}
	for e, k := range l.errs {
		fmt.Fprintf(w, "  transport error %q: %d\n", e, k)
	}
	slices.Sort(l.latency)
	if len(l.latency) > 0 {
		q := func(p float64) time.Duration { return l.latency[int(p*float64(len(l.latency)-1))] }
		fmt.Fprintf(w, "latency p50 %s  p90 %s  p99 %s  max %s\n", q(0.5).Round(time.Millisecond), q(0.9).Round(time.Millisecond),
			q(0.99).Round(time.Millisecond), q(1).Round(time.Millisecond))
	}
	fmt.Fprintf(w, "5xx: %d\n", l.server5xx.Load())
}

// verify counts the acknowledged writes in the database: every new article
// must be there, and every claim must be at least at the version a change
// to it was acknowledged with (later changes only raise it).
func (l *load) verify(ctx context.Context, w io.Writer) error {
	conn, err := pgx.Connect(ctx, l.c.databaseURL)
	if err != nil {
		return fmt.Errorf("checking writes: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var found int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM articles WHERE id = ANY($1)`, l.articles).Scan(&found); err != nil {
		return err
	}
	lost := len(l.articles) - found
	ids := make([]int64, 0, len(l.versions))
	for id := range l.versions {
		ids = append(ids, id)
	}
	rows, err := conn.Query(ctx, `SELECT id, version FROM claims WHERE id = ANY($1)`, ids)
	if err != nil {
		return err
	}
	have := map[int64]int{}
	for rows.Next() {
		var id int64
		var v int
		if err := rows.Scan(&id, &v); err != nil {
			return err
		}
		have[id] = v
	}
	if err := rows.Err(); err != nil {
		return err
	}
	changes := l.statuses["PATCH claim 200"]
	lostChanges := 0
	for id, v := range l.versions {
		if have[id] < v {
			lostChanges++
		}
	}
	var audited int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE entity = 'claim' AND entity_id = ANY($1) AND action <> 'ingest' AND actor_id IS NOT NULL`, ids).Scan(&audited); err != nil {
		return err
	}
	fmt.Fprintf(w, "acknowledged: %d new articles (%d in the database), %d claim changes (%d new versions) on %d claims (%d claims behind their acknowledged version), %d audit rows with an actor for them\n",
		len(l.articles), found, changes, l.bumps, len(ids), lostChanges, audited)
	if lost > 0 || lostChanges > 0 || audited < l.bumps {
		return fmt.Errorf("lost writes: %d articles, %d claims, %d audit rows", lost, lostChanges, max(0, l.bumps-audited))
	}
	return nil
}
