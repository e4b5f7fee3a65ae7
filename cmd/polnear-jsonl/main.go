// Command polnear-jsonl converts a split of the PolNeAR corpus from its
// brat standoff files (data/<split>/text/*.txt and
// data/<split>/attributions/*.ann) into the JSON Lines that both
// `crosscheck extract --jsonl` and the attribution scorer read: one object
// per annotation file with doc_id, annotator, text and attributions.
//
// The corpus ships dev already converted; the train split, ten times
// larger and the better estimate of how the extractor does on unseen
// news, ships only as brat files.
//
//	go run ./cmd/polnear-jsonl ../shared/eval-data/polnear/data train > train.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: polnear-jsonl DATA_DIR SPLIT > SPLIT.jsonl")
		os.Exit(2)
	}
	w := bufio.NewWriter(os.Stdout)
	if err := convert(w, os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "polnear-jsonl:", err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "polnear-jsonl:", err)
		os.Exit(1)
	}
}

// part is one role of an attribution: its spans in code points, end
// exclusive, and the covered text with the pieces joined by a space.
type part struct {
	Spans [][2]int `json:"spans"`
	Text  string   `json:"text"`
}

type attribution struct {
	ID       string `json:"id"`
	NoSource bool   `json:"no_source"`
	Source   *part  `json:"source"`
	Cue      *part  `json:"cue"`
	Content  *part  `json:"content"`
}

type document struct {
	DocID        string        `json:"doc_id"`
	Annotator    string        `json:"annotator"`
	Split        string        `json:"split"`
	Offsets      string        `json:"offsets"`
	Text         string        `json:"text"`
	Attributions []attribution `json:"attributions"`
}

func convert(w io.Writer, dataDir, split string) error {
	anns, err := filepath.Glob(filepath.Join(dataDir, split, "attributions", "*.ann"))
	if err != nil {
		return err
	}
	if len(anns) == 0 {
		return fmt.Errorf("no .ann files in %s", filepath.Join(dataDir, split, "attributions"))
	}
	sort.Strings(anns)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, ann := range anns {
		base := strings.TrimSuffix(filepath.Base(ann), ".ann")
		i := strings.LastIndexByte(base, '_')
		if i < 0 {
			return fmt.Errorf("%s: no annotator in the file name", ann)
		}
		doc, annotator := base[:i], base[i+1:]
		text, err := os.ReadFile(filepath.Join(dataDir, split, "text", doc+".txt"))
		if err != nil {
			return err
		}
		src, err := os.ReadFile(ann)
		if err != nil {
			return err
		}
		atts, err := parseAnn(string(src), []rune(string(text)))
		if err != nil {
			return fmt.Errorf("%s: %w", ann, err)
		}
		d := document{DocID: doc, Annotator: annotator, Split: split,
			Offsets: "unicode code points into text, end exclusive", Text: string(text), Attributions: atts}
		if err := enc.Encode(d); err != nil {
			return err
		}
	}
	return nil
}

// parseAnn reads brat standoff: "T" lines hold spans ("T3\tContent 115
// 290;300 310\tcovered text", the text may run on over following lines),
// "E" lines tie them into attributions ("E1\tAttribution:T4 Content:T3
// Cue:T2 Source:T1").
func parseAnn(src string, text []rune) ([]attribution, error) {
	spans := map[string][][2]int{}
	var events [][]string
	for n, line := range strings.Split(src, "\n") {
		id, rest, ok := strings.Cut(line, "\t")
		if !ok || len(id) < 2 || !isDigits(id[1:]) {
			continue // a continuation of a covered text, or a blank line
		}
		switch id[0] {
		case 'T':
			info, _, _ := strings.Cut(rest, "\t")
			_, ranges, ok := strings.Cut(info, " ")
			if !ok {
				return nil, fmt.Errorf("line %d: no spans in %q", n+1, line)
			}
			var ss [][2]int
			for _, r := range strings.Split(ranges, ";") {
				f := strings.Fields(r)
				if len(f) != 2 {
					return nil, fmt.Errorf("line %d: bad span %q", n+1, r)
				}
				a, err1 := strconv.Atoi(f[0])
				b, err2 := strconv.Atoi(f[1])
				if err1 != nil || err2 != nil || a < 0 || b < a || b > len(text) {
					return nil, fmt.Errorf("line %d: bad span %q", n+1, r)
				}
				ss = append(ss, [2]int{a, b})
			}
			spans[id] = ss
		case 'E':
			events = append(events, append([]string{id}, strings.Fields(rest)...))
		}
	}
	covered := func(ss [][2]int) *part {
		p := &part{Spans: ss}
		pieces := make([]string, len(ss))
		for i, s := range ss {
			pieces[i] = string(text[s[0]:s[1]])
		}
		p.Text = strings.Join(pieces, " ")
		return p
	}
	out := []attribution{}
	for _, ev := range events {
		a := attribution{ID: ev[0]}
		var content [][2]int
		for i, arg := range ev[1:] {
			role, ref, ok := strings.Cut(arg, ":")
			if !ok {
				return nil, fmt.Errorf("%s: bad argument %q", ev[0], arg)
			}
			ss, ok := spans[ref]
			if !ok {
				continue
			}
			switch {
			case i == 0:
				a.NoSource = role == "Attribution-no-source"
			case strings.HasPrefix(role, "Content"):
				content = append(content, ss...)
			case role == "Source":
				a.Source = covered(ss)
			case role == "Cue":
				a.Cue = covered(ss)
			}
		}
		if len(content) > 0 {
			sort.Slice(content, func(i, j int) bool { return content[i][0] < content[j][0] })
			a.Content = covered(content)
		}
		out = append(out, a)
	}
	return out, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
