package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/riverqueue/river"

	"github.com/crosscheck-news/crosscheck/claims"
	"github.com/crosscheck-news/crosscheck/migrations"
	"github.com/crosscheck-news/crosscheck/sources"
)

const ingestSynopsis = `ingest [flags] FILE|FOLDER|URL...

FILE is one of:
  .txt            one article's text (its title is its headline unless --title is given)
  .html, .htm     a saved web page; the article is read from it and the HTML kept
  .json           an array of records
  .jsonl, .ndjson one record a line
  .urls           URLs, one a line (# starts a comment); with --urls, .txt files are read so too
A record is {"text", "title", "outlet", "url", "byline", "published_at", "language"}.
A FOLDER is walked for such files. A URL (http or https) is fetched.

URLs are queued as fetch jobs, which 'crosscheck serve' or 'crosscheck worker' work;
with --wait they are fetched and stored here and now.
Texts already stored are recognised by their content hash and skipped.`

func runIngest(ctx context.Context, e env, args []string) error {
	var c config
	flags, level := newFlags("ingest", ingestSynopsis, e, &c, false)
	outlet := flags.String("outlet", "", "outlet of text files and URLs (default: from the URL's domain)")
	title := flags.String("title", "", "title of a text file (default: its headline)")
	link := flags.String("url", "", "URL of a text file's article")
	published := flags.String("published", "", "publication date of text files (YYYY-MM-DD or RFC 3339)")
	urlLists := flags.Bool("urls", false, "read .txt files as lists of URLs, not as articles")
	wait := flags.Bool("wait", false, "fetch URLs now instead of queueing jobs")
	batch := flags.Int("batch", claims.BatchSize, "articles stored per transaction")
	var qs queueSettings
	addFetchFlags(flags, e, &qs)
	if err := parse(flags, level, &c, args); err != nil {
		return err
	}
	if flags.NArg() == 0 {
		flags.Usage()
		return usageError{"ingest: name at least one FILE, FOLDER or URL"}
	}
	if *batch < 1 {
		return usageError{"--batch must be at least 1"}
	}
	var pub *time.Time
	if *published != "" {
		t, err := parseDate(*published)
		if err != nil {
			return usageError{"--published: " + err.Error()}
		}
		pub = &t
	}
	inputs, total, err := collectInputs(flags.Args(), *urlLists)
	if err != nil {
		return err
	}
	log := c.logger(e.stderr)
	db, err := c.openDB(ctx, log)
	if err != nil {
		return err
	}
	defer db.Close()

	in := &ingester{
		ctx: ctx, db: db, e: e, batchSize: *batch, wait: *wait, fetch: qs.fetchOptions(),
		defaults: sources.Submission{Title: *title, Outlet: *outlet, URL: *link, PublishedAt: pub},
	}
	in.progress = newProgress(e.stderr, total, &in.sum)
	for _, inp := range inputs {
		if err := ctx.Err(); err != nil {
			break
		}
		if err := in.read(inp); err != nil {
			in.report(inp.path, err)
		}
	}
	if ctx.Err() == nil {
		in.flush()
		in.flushURLs()
	}
	in.progress.finish()
	if in.sum.stored > 0 && ctx.Err() == nil {
		// Batches skip story grouping to keep their round trips few; the
		// new articles join their stories here, once.
		if n, err := claims.GroupUngrouped(ctx, db.Gorm, in.sum.stored); err != nil {
			log.Warn("grouping new articles into stories", "err", err)
		} else {
			log.Debug("grouped new articles into stories", "articles", n)
		}
	}
	sum := in.sum
	fmt.Fprintf(e.stdout, "stored %d, skipped %d (already stored), failed %d", sum.stored, sum.skipped, sum.failed)
	if sum.queued > 0 {
		fmt.Fprintf(e.stdout, ", queued %d URLs as fetch jobs (worked by 'crosscheck serve' or 'crosscheck worker')", sum.queued)
	}
	elapsed := time.Since(in.progress.start)
	fmt.Fprintf(e.stdout, " in %s (%.0f articles/s)\n", elapsed.Round(time.Millisecond), float64(sum.stored+sum.skipped)/max(elapsed.Seconds(), 1e-3))
	if err := ctx.Err(); err != nil {
		return err
	}
	if sum.failed > 0 {
		return fmt.Errorf("%d of %d articles failed", sum.failed, sum.stored+sum.skipped+sum.failed)
	}
	return nil
}

// input is one file to read, or one URL.
type input struct {
	path string
	kind string // "text", "html", "records", "urls", "url"
	size int64
}

// collectInputs expands folders and classifies every argument, so that the
// progress bar knows the total size before the first article.
func collectInputs(args []string, urlLists bool) ([]input, int64, error) {
	var out []input
	var total int64
	kindOf := func(path string) string {
		switch strings.ToLower(filepath.Ext(path)) {
		case ".json", ".jsonl", ".ndjson":
			return "records"
		case ".html", ".htm", ".xhtml":
			return "html"
		case ".urls":
			return "urls"
		case ".txt":
			if urlLists {
				return "urls"
			}
			return "text"
		}
		return ""
	}
	for _, arg := range args {
		if u, err := url.Parse(arg); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			out = append(out, input{path: arg, kind: "url"})
			continue
		}
		st, err := os.Stat(arg)
		if err != nil {
			return nil, 0, err
		}
		if !st.IsDir() {
			k := kindOf(arg)
			if k == "" {
				k = "text" // named explicitly: whatever its name, it is a text
			}
			out = append(out, input{path: arg, kind: k, size: st.Size()})
			total += st.Size()
			continue
		}
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != arg && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			k := kindOf(path)
			if k == "" || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			out = append(out, input{path: path, kind: k, size: info.Size()})
			total += info.Size()
			return nil
		})
		if err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

type summary struct{ stored, skipped, failed, queued int }

// ingester gathers articles into batches and URLs into job inserts.
type ingester struct {
	ctx       context.Context
	db        *migrations.DB
	e         env
	batchSize int
	wait      bool
	fetch     sources.FetchOptions
	defaults  sources.Submission
	progress  *progress
	sum       summary

	pending []item
	urls    []item
}

// item is one article to store, or one URL, with where it came from for
// error reports.
type item struct {
	where string
	sub   sources.Submission
	html  string
}

func (in *ingester) report(where string, err error) {
	in.sum.failed++
	in.progress.clear()
	fmt.Fprintf(in.e.stderr, "%s: %v\n", where, err)
	in.progress.draw(false)
}

func (in *ingester) add(it item) {
	in.pending = append(in.pending, it)
	if len(in.pending) >= in.batchSize {
		in.flush()
	}
}

func (in *ingester) addURL(where, raw, outlet string) {
	raw = strings.TrimSpace(raw)
	if u, err := url.Parse(raw); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		in.report(where, fmt.Errorf("%q is not an http or https URL", raw))
		return
	}
	in.urls = append(in.urls, item{where: where, sub: sources.Submission{URL: raw, Outlet: outlet}})
	if len(in.urls) >= in.batchSize {
		in.flushURLs()
	}
}

// flush stores the pending articles in one IngestBatch.
func (in *ingester) flush() {
	if len(in.pending) == 0 {
		return
	}
	subs := make([]sources.Submission, len(in.pending))
	for i, it := range in.pending {
		subs[i] = it.sub
	}
	res, err := claims.IngestBatch(in.ctx, in.db.Gorm, subs)
	if err != nil {
		for _, it := range in.pending[len(res):] {
			in.report(it.where, err)
		}
	}
	for i, r := range res {
		it := in.pending[i]
		switch {
		case r.Err != nil:
			in.report(it.where, r.Err)
		case r.Created:
			in.sum.stored++
			if it.html != "" {
				if err := sources.NewStore(in.db.Gorm).SetHTML(in.ctx, r.Article.ID, it.html); err != nil {
					in.report(it.where, err)
				}
			}
		default:
			in.sum.skipped++
		}
	}
	in.pending = in.pending[:0]
	in.progress.draw(false)
}

// flushURLs queues the gathered URLs as fetch jobs in one insert, or, with
// --wait, fetches and stores each now.
func (in *ingester) flushURLs() {
	if len(in.urls) == 0 {
		return
	}
	defer func() { in.urls = in.urls[:0] }()
	if in.wait {
		client := sources.NewFetchClient(in.fetch)
		for _, it := range in.urls {
			if in.ctx.Err() != nil {
				return
			}
			res, err := claims.FetchAndIngest(in.ctx, in.db.Gorm, client, claims.FetchArticle{URL: it.sub.URL, Outlet: it.sub.Outlet}, in.fetch)
			switch {
			case err != nil:
				in.report(it.where, err)
			case res.Created:
				in.sum.stored++
			default:
				in.sum.skipped++
			}
			in.progress.draw(false)
		}
		return
	}
	q, err := claims.NewQueue(in.db.Pool, in.db.Gorm, claims.QueueOptions{})
	if err != nil {
		for _, it := range in.urls {
			in.report(it.where, err)
		}
		return
	}
	params := make([]river.InsertManyParams, len(in.urls))
	for i, it := range in.urls {
		params[i] = river.InsertManyParams{Args: claims.FetchArticle{URL: it.sub.URL, Outlet: it.sub.Outlet}}
	}
	if _, err := q.InsertMany(in.ctx, params); err != nil {
		for _, it := range in.urls {
			in.report(it.where, fmt.Errorf("queueing the fetch: %w", err))
		}
		return
	}
	in.sum.queued += len(in.urls)
}

// read reads one input, adding its articles and URLs; an error is about the
// input as a whole (unreadable), bad records are reported one by one.
func (in *ingester) read(inp input) error {
	switch inp.kind {
	case "url":
		in.addURL(inp.path, inp.path, in.defaults.Outlet)
		return nil
	case "urls":
		return in.readURLs(inp.path)
	case "records":
		return in.readRecords(inp.path)
	}
	b, err := os.ReadFile(inp.path)
	if err != nil {
		return err
	}
	defer in.progress.advance(inp.size)
	sub := in.defaults
	it := item{where: inp.path}
	if inp.kind == "html" {
		var base *url.URL
		if sub.URL != "" {
			base, _ = url.Parse(sub.URL)
		}
		page, err := sources.ReadPage(b, "text/html", base)
		if err != nil {
			return err
		}
		sub.Text, it.html = page.Text, page.HTML
		sub.Title = cmpOr(sub.Title, page.Title)
		sub.Byline = page.Byline
		sub.Language = page.Language
		if sub.PublishedAt == nil {
			sub.PublishedAt = page.PublishedAt
		}
	} else {
		sub.Text = string(b)
	}
	if sub.Title == "" {
		sub.Title = claims.TitleOf(sub.Text)
	}
	it.sub = sub
	in.add(it)
	return nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (in *ingester) readURLs(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), sources.MaxURLBytes+1024)
	for line := 1; sc.Scan(); line++ {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		in.addURL(fmt.Sprintf("%s:%d", path, line), l, in.defaults.Outlet)
		in.progress.advance(int64(len(sc.Bytes())) + 1)
	}
	return sc.Err()
}

type record struct {
	Text        string `json:"text"`
	Title       string `json:"title"`
	Outlet      string `json:"outlet"`
	URL         string `json:"url"`
	Byline      string `json:"byline"`
	PublishedAt string `json:"published_at"`
	Language    string `json:"language"`
}

func (r record) submission() (sources.Submission, error) {
	sub := sources.Submission{Text: r.Text, Title: r.Title, Outlet: r.Outlet, URL: r.URL, Byline: r.Byline, Language: r.Language}
	if r.PublishedAt != "" {
		t, err := parseDate(r.PublishedAt)
		if err != nil {
			return sub, fmt.Errorf("published_at: %w", err)
		}
		sub.PublishedAt = &t
	}
	if sub.Title == "" {
		sub.Title = claims.TitleOf(sub.Text)
	}
	return sub, nil
}

// readRecords reads a JSON array or JSON lines of records. A bad record is
// reported with its line and the rest are read; a record with a url and no
// text is a URL to fetch.
func (in *ingester) readRecords(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	first, err := peekNonSpace(br)
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil
		}
		return err
	}
	if first == '[' {
		dec := json.NewDecoder(br)
		if _, err := dec.Token(); err != nil {
			return err
		}
		offset := int64(0)
		for n := 1; dec.More(); n++ {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return fmt.Errorf("record %d: not JSON: %w", n, err)
			}
			in.addRaw(fmt.Sprintf("%s: record %d", path, n), raw)
			in.progress.advance(dec.InputOffset() - offset)
			offset = dec.InputOffset()
		}
		return nil
	}
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(b)) > 0 {
			in.addRaw(fmt.Sprintf("%s:%d", path, line), b)
		}
		in.progress.advance(int64(len(b)))
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if in.ctx.Err() != nil {
			return in.ctx.Err()
		}
	}
}

func (in *ingester) addRaw(where string, raw []byte) {
	var r record
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		in.report(where, fmt.Errorf("not a valid record: %w", err))
		return
	}
	if strings.TrimSpace(r.Text) == "" {
		if strings.TrimSpace(r.URL) != "" {
			in.addURL(where, r.URL, cmpOr(r.Outlet, in.defaults.Outlet))
		} else {
			in.report(where, errors.New("invalid article: the text is empty and there is no url to fetch"))
		}
		return
	}
	sub, err := r.submission()
	if err != nil {
		in.report(where, err)
		return
	}
	in.add(item{where: where, sub: sub})
}

func peekNonSpace(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.ReadByte()
		if err != nil {
			return 0, err
		}
		if b != ' ' && b != '\t' && b != '\r' && b != '\n' {
			return b, br.UnreadByte()
		}
	}
}

func parseDate(v string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.UTC(), nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, errors.New("want YYYY-MM-DD or an RFC 3339 time")
	}
	return t, nil
}
