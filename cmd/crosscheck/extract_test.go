package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractFile(t *testing.T) {
	text := "Harbour bridge to close\n\n“It is done,” said Dr. Imogen Vale. The bridge is old.\n"
	path := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{path}, {"-"}, {}} {
		var out bytes.Buffer
		if err := runExtract(context.Background(), args, strings.NewReader(text), &out); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		var doc struct {
			Claims []claimJSON `json:"claims"`
		}
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatalf("%v: output is not JSON: %v\n%s", args, err, out.String())
		}
		if !strings.Contains(out.String(), "\n  ") {
			t.Errorf("%v: output is not indented", args)
		}
		var direct *claimJSON
		for i := range doc.Claims {
			if doc.Claims[i].Kind == "direct" {
				direct = &doc.Claims[i]
			}
		}
		if direct == nil || direct.Speaker == nil || direct.Speaker.Name != "Imogen Vale" {
			t.Fatalf("%v: no direct claim by Imogen Vale in %s", args, out.String())
		}
		// Offsets are code points: “ is one.
		runes := []rune(text)
		if got := string(runes[direct.Content.Start:direct.Content.End]); got != direct.Content.Text || got != "“It is done,”" {
			t.Errorf("%v: content [%d,%d) = %q, text %q", args, direct.Content.Start, direct.Content.End, got, direct.Content.Text)
		}
	}
}

func TestExtractJSONL(t *testing.T) {
	big := strings.Repeat("The council met again today and nothing happened. ", 30000) // > 1 MB on one line
	lines := []map[string]any{
		{"doc_id": "a", "text": "Headline\n\n“We will go,” she said.", "annotator": "x"},
		{"doc_id": 7, "text": big},
		{"doc_id": "c", "text": "Headline\n\nThe Russian Defense Ministry has warned that attacks are coming."},
	}
	var in bytes.Buffer
	for _, l := range lines {
		b, _ := json.Marshal(l)
		in.Write(b)
		in.WriteString("\n\n") // blank lines are skipped
	}
	var out bytes.Buffer
	if err := runExtract(context.Background(), []string{"--jsonl"}, &in, &out); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(got) != 3 {
		t.Fatalf("%d output lines, want 3", len(got))
	}
	var first struct {
		DocID  any `json:"doc_id"`
		Claims []struct {
			Kind    string `json:"kind"`
			Content struct {
				Start, End int
			} `json:"content"`
			Speaker *struct {
				Start, End int
				Text       string
			} `json:"speaker"`
			Cue *struct{ Text string } `json:"cue"`
		} `json:"claims"`
	}
	if err := json.Unmarshal([]byte(got[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first.DocID != "a" || len(first.Claims) != 2 || first.Claims[1].Kind != "direct" || first.Claims[1].Speaker == nil || first.Claims[1].Speaker.Text != "she" || first.Claims[1].Cue.Text != "said" {
		t.Errorf("first line = %s", got[0])
	}
	if !strings.HasPrefix(got[1], `{"doc_id":7,`) {
		t.Errorf("doc_id not kept as given: %.40s", got[1])
	}
	if !strings.Contains(got[2], `"speaker":{`) || !strings.Contains(got[0], `"speaker":null`) {
		t.Errorf("speaker must be an object or null")
	}
}

func TestExtractJSONLErrors(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"not json", "{\"doc_id\": \"a\", \"text\": \"x\"}\nnot json\n", "line 2"},
		{"no text", "{\"doc_id\": \"a\"}\n", `line 1: no "text"`},
		{"no doc_id", "{\"text\": \"x\"}\n", `line 1: no "doc_id"`},
		{"invalid utf-8", "{\"doc_id\": \"a\", \"text\": \"\xff\"}\n", "line 1: not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := runExtract(context.Background(), []string{"--jsonl"}, strings.NewReader(tt.input), &out)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.want)
			}
			if out.Len() != 0 {
				t.Errorf("wrote %q before failing", out.String())
			}
		})
	}
}

func TestExtractInvalidText(t *testing.T) {
	var out bytes.Buffer
	err := runExtract(context.Background(), nil, strings.NewReader("bad \xff text"), &out)
	if err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Fatalf("err = %v, want a UTF-8 error", err)
	}
	if err := runExtract(context.Background(), []string{"a", "b"}, strings.NewReader(""), &out); err == nil {
		t.Error("two files accepted")
	}
	if err := runExtract(context.Background(), []string{"--jsonl", "a"}, strings.NewReader(""), &out); err == nil {
		t.Error("--jsonl with a file accepted")
	}
}
