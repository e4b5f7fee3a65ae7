package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// progress shows how far an ingest is: on a terminal a bar redrawn in place
// with the count, the rate and the time left; otherwise (a log file, CI) a
// line every ten seconds. Time left is estimated from the input bytes read,
// known before the first article, not from a count that would need reading
// everything twice.
type progress struct {
	w           io.Writer
	tty         bool
	sum         *summary
	total, done int64
	start, last time.Time
	drawn       bool
}

func newProgress(w io.Writer, total int64, sum *summary) *progress {
	p := &progress{w: w, total: total, sum: sum, start: time.Now()}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

// advance counts n more input bytes read.
func (p *progress) advance(n int64) {
	p.done += n
	p.draw(false)
}

func (p *progress) draw(force bool) {
	now := time.Now()
	every := 10 * time.Second
	if p.tty {
		every = 100 * time.Millisecond
	}
	if !force && now.Sub(p.last) < every {
		return
	}
	p.last = now
	n := p.sum.stored + p.sum.skipped + p.sum.failed
	elapsed := now.Sub(p.start)
	rate := float64(n) / max(elapsed.Seconds(), 1e-3)
	left := "?"
	frac := 0.0
	if p.total > 0 {
		frac = min(float64(p.done)/float64(p.total), 1)
		if frac > 0 {
			left = (time.Duration(float64(elapsed)*(1-frac)/frac) / time.Second * time.Second).String()
		}
	}
	counts := fmt.Sprintf("%d articles (%d stored, %d skipped, %d failed", n, p.sum.stored, p.sum.skipped, p.sum.failed)
	if p.sum.queued > 0 {
		counts += fmt.Sprintf(", %d URLs queued", p.sum.queued)
	}
	counts += ")"
	if !p.tty {
		fmt.Fprintf(p.w, "ingest: %3.0f%% %s, %.0f/s, %s left\n", frac*100, counts, rate, left)
		return
	}
	const width = 24
	filled := int(frac * width)
	bar := strings.Repeat("=", filled) + strings.Repeat(" ", width-filled)
	fmt.Fprintf(p.w, "\r\033[K[%s] %3.0f%% %s %.0f/s %s left", bar, frac*100, counts, rate, left)
	p.drawn = true
}

// clear removes the bar so that an error line prints cleanly.
func (p *progress) clear() {
	if p.tty && p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}

func (p *progress) finish() {
	if p.tty {
		p.draw(true)
		fmt.Fprintln(p.w)
	}
}
