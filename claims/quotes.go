package claims

// A quote runs from its opening mark to its closing mark, both included (as
// PolNeAR's content spans do). Pages copied from the web mix straight and
// curly marks, leave quotes unclosed, and continue a quotation over several
// paragraphs by opening each with a mark and closing only the last.

type quoteFamily uint8

const (
	familyDouble quoteFamily = iota
	familySingle
)

type quoteRole uint8

const (
	roleEither quoteRole = iota
	roleOpen
	roleClose
)

type quote struct {
	open, close int // token indices of the marks; close is -1 when the quote runs to the end of a paragraph unclosed
	last        int // last token covered
	start, end  int // bytes, marks included
	words       int
	single      bool
	full        bool // holds a sentence of its own rather than a phrase in scare quotes
}

// markOf classifies a quotation mark by its shape and, for marks that open
// and close alike, by the spacing around it.
func markOf(toks []tok, i, t0, t1 int) (quoteFamily, quoteRole) {
	t := toks[i]
	before := t.spaceBefor || i == t0 || (toks[i-1].kind == tPunct && isOpener(toks[i-1].r))
	after := t.spaceAfter || i+1 == t1 || (toks[i+1].kind == tPunct && !isOpener(toks[i+1].r))
	contextual := func() quoteRole {
		switch {
		case before && !after:
			return roleOpen
		case after && !before:
			return roleClose
		}
		return roleEither
	}
	switch t.r {
	case '"':
		return familyDouble, contextual()
	case '\'':
		return familySingle, contextual()
	case '“', '„', '‟', '«':
		if !before && after {
			return familyDouble, roleClose
		}
		if t.r == '“' {
			// „...“ closes with the mark that opens elsewhere.
			return familyDouble, roleEither
		}
		return familyDouble, roleOpen
	case '”', '»':
		if before && !after {
			return familyDouble, roleOpen
		}
		return familyDouble, roleClose
	case '‘', '‚', '‹', '‛':
		if !before && after {
			return familySingle, roleClose
		}
		return familySingle, roleOpen
	case '’', '›':
		if before && !after {
			return familySingle, roleOpen
		}
		return familySingle, roleClose
	}
	return familyDouble, roleEither
}

func isOpener(r rune) bool {
	return r == '(' || r == '[' || r == '{' || r == '—' || r == '–' || r == '-' || r == ':' || r == '/'
}

// findQuotes pairs the quotation marks of the whole text, paragraph by
// paragraph, and marks the tokens inside quotes.
func findQuotes(d *doc) {
	open := -1 // token of the open double mark
	sopen := -1
	for p := range d.paras {
		pa := &d.paras[p]
		if pa.role == roleBoilerplate {
			open, sopen = -1, -1
			continue
		}
		for i := pa.t0; i < pa.t1; i++ {
			t := d.toks[i]
			if t.kind != tQuote {
				continue
			}
			fam, role := markOf(d.toks, i, pa.t0, pa.t1)
			if fam == familyDouble {
				sopen = -1
				switch {
				case open < 0 && role != roleClose:
					open = i
				case open >= 0 && i == pa.t0 && open < pa.t0 && role != roleClose:
					// The mark that reopens a quotation continued from the
					// previous paragraph.
				case open >= 0:
					d.addQuote(open, i, i, false)
					open = -1
				}
				continue
			}
			if open >= 0 {
				continue // nested single quotes belong to the outer quotation
			}
			switch {
			case sopen < 0 && role == roleOpen:
				sopen = i
			case sopen >= 0 && role != roleOpen:
				d.addQuote(sopen, i, i, true)
				sopen = -1
			}
		}
		sopen = -1 // an unclosed single mark is most likely an apostrophe
		if open >= 0 {
			if p+1 < len(d.paras) && continuesQuote(d, p+1) {
				continue
			}
			d.addQuote(open, -1, pa.t1-1, false)
			open = -1
		}
	}
}

// continuesQuote reports whether paragraph p opens with a double mark, the
// convention for a quotation that goes on in a new paragraph.
func continuesQuote(d *doc, p int) bool {
	pa := d.paras[p]
	if pa.role == roleBoilerplate || d.toks[pa.t0].kind != tQuote {
		return false
	}
	fam, role := markOf(d.toks, pa.t0, pa.t0, pa.t1)
	return fam == familyDouble && role != roleClose
}

// addQuote records the quote from token open to token last; close is last,
// or -1 when the quote was never closed.
func (d *doc) addQuote(open, close, last int, single bool) {
	q := quote{open: open, close: close, single: single, start: d.toks[open].start}
	q.last = last
	q.end = d.toks[last].end
	for i := open + 1; i < last; i++ {
		if d.toks[i].kind == tWord {
			q.words++
		}
		d.inQuote[i] = true
	}
	d.mark[open] = true
	if close >= 0 {
		d.mark[close] = true
	} else {
		d.inQuote[last] = true
	}
	q.full = d.isFullQuote(q)
	d.quotes = append(d.quotes, q)
}

// isFullQuote tells a quoted statement from a phrase in quotes: a statement
// starts a paragraph or follows a colon, comma or cue and has a few words.
func (d *doc) isFullQuote(q quote) bool {
	if q.words < 3 {
		return false
	}
	p := d.paraOf(q.open)
	if q.open == d.paras[p].t0 {
		return true
	}
	prev := d.toks[q.open-1]
	if prev.kind == tPunct && (prev.r == ',' || prev.r == ':' || prev.r == '(' || prev.r == '—' || prev.r == '–' || prev.r == '-' || prev.r == '.' || prev.r == '?' || prev.r == '!') {
		return true
	}
	if prev.kind == tWord {
		if w, ok := d.cueAt(q.open - 1); ok && w.form != formIng {
			return q.words >= 4 && d.toks[q.open+1].upper
		}
	}
	// A new sentence opening with a quote.
	for s := d.paras[p].s0; s < d.paras[p].s1; s++ {
		if d.sents[s].t0 == q.open {
			return true
		}
	}
	return false
}
