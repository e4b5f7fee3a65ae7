package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalMatching runs the evaluation when CROSSCHECK_EVAL=1 (it takes a
// minute and needs the shared data), printing the figures; otherwise it
// checks the scorer on a handful of rows only.
func TestEvalMatching(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "eval-data", "emergent", "url-versions-2015-06-14-clean-train.csv")
	args := []string{"--emergent", data}
	if os.Getenv("CROSSCHECK_EVAL") != "1" {
		dir := t.TempDir()
		small := filepath.Join(dir, "small.csv")
		os.WriteFile(small, []byte(`,claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId
0,Two Australian men kept a McDonald's Quarter Pounder for 20 years,Men keep McDonald's Quarter Pounder for 20 years,for,a1,c1
1,Two Australian men kept a McDonald's Quarter Pounder for 20 years,McDonald's 20-year-old Quarter Pounder is a hoax,against,a2,c1
2,Apple will sell 19 million Apple Watches in 2015,Analyst claims Apple will sell 19 million Apple Watches,observing,a3,c2
`), 0o644)
		args = []string{"--emergent", small}
	} else {
		if fnc := os.Getenv("CROSSCHECK_FNC1"); fnc != "" {
			args = append(args, "--fnc1", fnc)
		}
		if os.Getenv("CROSSCHECK_EVAL_DIAGNOSE") == "1" {
			args = append(args, "--diagnose")
		}
		if os.Getenv("CROSSCHECK_EVAL_KEEP") == "1" {
			args = append(args, "--keep")
		}
	}
	var out, errs bytes.Buffer
	e := env{getenv: os.Getenv, stdin: strings.NewReader(""), stdout: &out, stderr: &errs}
	if err := runEvalMatching(context.Background(), e, args); err != nil {
		if strings.Contains(err.Error(), "PostgreSQL") && os.Getenv("CI") != "true" {
			t.Skip(err)
		}
		t.Fatalf("%v\n%s", err, errs.String())
	}
	t.Log("\n" + out.String())
	if p := os.Getenv("CROSSCHECK_EVAL_STDERR"); p != "" {
		os.WriteFile(p, errs.Bytes(), 0o644)
	}
	if !strings.Contains(out.String(), "recall@10") || !strings.Contains(out.String(), "stance: accuracy") {
		t.Fatalf("output:\n%s", out.String())
	}
	if os.Getenv("CROSSCHECK_EVAL") != "1" && !strings.Contains(out.String(), "recall@10 1.000") {
		t.Errorf("tiny set not fully recalled:\n%s", out.String())
	}
}
