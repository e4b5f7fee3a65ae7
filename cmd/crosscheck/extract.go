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
	"os"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck/claims"
)

const extractUsage = `usage: crosscheck extract [FILE]
       crosscheck extract --jsonl < docs.jsonl > claims.jsonl

Print the claims of a text as indented JSON: quotations and reported
statements with their speakers and cues, the outlet's own assertions, the
headline and captions. FILE is a UTF-8 text file; without FILE, or with
"-", the text is read from standard input.

With --jsonl, standard input holds one JSON object per line,
{"doc_id": ..., "text": "..."} (other fields are ignored), and one line
{"doc_id": ..., "claims": [...]} is written per document. Nothing is
written unless every line is good. There a headline that names no speaker
has kind "assertion": it is the outlet's own statement, not an attribution.

Offsets are Unicode code points into the text, end exclusive.

Flags:
`

// runExtract implements "crosscheck extract".
func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	jsonl := fs.Bool("jsonl", false, "read {\"doc_id\", \"text\"} lines from standard input and write one line of claims per document")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), extractUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *jsonl {
		if fs.NArg() > 0 {
			return errors.New("extract: --jsonl reads standard input and takes no FILE")
		}
		return extractJSONL(ctx, stdin, stdout)
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return errors.New("extract: at most one FILE")
	}
	var (
		text []byte
		err  error
		name = "standard input"
	)
	if fs.NArg() == 0 || fs.Arg(0) == "-" {
		text, err = io.ReadAll(stdin)
	} else {
		name = fs.Arg(0)
		text, err = os.ReadFile(name)
	}
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if !utf8.Valid(text) {
		return fmt.Errorf("extract: %s is not valid UTF-8 text", name)
	}
	out := extractDoc{ExtractorVersion: claims.ExtractorVersion, Claims: claimsJSON(string(text))}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

type extractDoc struct {
	DocID            json.RawMessage `json:"doc_id,omitempty"`
	ExtractorVersion string          `json:"extractor_version,omitempty"`
	Claims           []claimJSON     `json:"claims"`
}

type claimJSON struct {
	Kind       claims.Kind  `json:"kind"`
	Content    contentJSON  `json:"content"`
	Speaker    *speakerJSON `json:"speaker"`
	Cue        *spanJSON    `json:"cue"`
	Confidence float64      `json:"confidence"`
}

type contentJSON struct {
	Start int      `json:"start"`
	End   int      `json:"end"`
	Spans [][2]int `json:"spans,omitempty"`
	Text  string   `json:"text"`
}

type spanJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type speakerJSON struct {
	Start        int                `json:"start"`
	End          int                `json:"end"`
	Text         string             `json:"text"`
	Name         string             `json:"name"`
	Role         string             `json:"role,omitempty"`
	Organisation string             `json:"organisation,omitempty"`
	Kind         claims.SpeakerKind `json:"kind"`
}

// claimsJSON extracts the claims of text with offsets in code points.
func claimsJSON(text string) []claimJSON {
	drafts := claims.Extract(text)
	pos := claims.NewPositions(text)
	span := func(s claims.Span) spanJSON {
		return spanJSON{Start: pos.Runes(s.Start), End: pos.Runes(s.End), Text: s.Of(text)}
	}
	out := make([]claimJSON, 0, len(drafts))
	for _, d := range drafts {
		c := claimJSON{Kind: d.Kind, Confidence: d.Confidence}
		cs := span(d.Content)
		c.Content = contentJSON{Start: cs.Start, End: cs.End, Text: cs.Text}
		for _, p := range d.Parts {
			ps := span(p)
			c.Content.Spans = append(c.Content.Spans, [2]int{ps.Start, ps.End})
		}
		if d.Speaker != nil {
			m := span(d.Speaker.Mention)
			c.Speaker = &speakerJSON{Start: m.Start, End: m.End, Text: m.Text, Name: d.Speaker.Name,
				Role: d.Speaker.Role, Organisation: d.Speaker.Organisation, Kind: d.Speaker.Kind}
		}
		if d.Cue != nil {
			q := span(*d.Cue)
			c.Cue = &q
		}
		out = append(out, c)
	}
	return out
}

// extractJSONL reads documents line by line (lines may be megabytes long,
// so no bufio.Scanner) and writes nothing until all of them are good.
func extractJSONL(ctx context.Context, stdin io.Reader, stdout io.Writer) error {
	r := bufio.NewReaderSize(stdin, 1<<20)
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, err := r.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("extract: reading line %d: %w", n, err)
		}
		if len(bytes.TrimSpace(line)) > 0 {
			doc, perr := parseDocLine(line)
			if perr != nil {
				return fmt.Errorf("extract: line %d: %w", n, perr)
			}
			cs := claimsJSON(*doc.Text)
			for i := range cs {
				// Attribution data scores only third-party claims; a headline
				// nobody is said to say is the outlet's own assertion.
				if cs[i].Kind == claims.Headline && cs[i].Speaker == nil {
					cs[i].Kind = claims.Assertion
				}
			}
			if err := enc.Encode(extractDoc{DocID: doc.DocID, Claims: cs}); err != nil {
				return fmt.Errorf("extract: line %d: %w", n, err)
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	_, err := out.WriteTo(stdout)
	return err
}

type docLine struct {
	DocID json.RawMessage `json:"doc_id"`
	Text  *string         `json:"text"`
}

func parseDocLine(line []byte) (docLine, error) {
	var doc docLine
	// encoding/json would quietly turn invalid bytes into U+FFFD and shift
	// every offset after them.
	if !utf8.Valid(line) {
		return doc, errors.New("not valid UTF-8")
	}
	if err := json.Unmarshal(line, &doc); err != nil {
		return doc, fmt.Errorf("not a JSON object: %w", err)
	}
	if len(doc.DocID) == 0 || string(doc.DocID) == "null" {
		return doc, errors.New(`no "doc_id"`)
	}
	if doc.Text == nil {
		return doc, errors.New(`no "text" string`)
	}
	return doc, nil
}
