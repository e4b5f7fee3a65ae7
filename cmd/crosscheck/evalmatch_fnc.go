package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck/claims"
)

// fncRelated is the share of a headline's salient words a body must
// contain for the pair to count as related (FNC-1's first decision).
const fncRelated = 0.4

// evalFNC scores stance suggestion on FNC-1: related or not from shared
// words, then the suggestion over the body's sentences most like the
// headline (agree = corroborates, disagree = conflicts, discuss = context).
func evalFNC(dir string, w io.Writer) error {
	bodies, err := readCSV(filepath.Join(dir, "competition_test_bodies.csv"))
	if err != nil {
		return err
	}
	stances, err := readCSV(filepath.Join(dir, "competition_test_stances.csv"))
	if err != nil {
		return err
	}
	type body struct {
		words     map[string]bool
		sentences []string
	}
	byID := map[string]body{}
	for _, r := range bodies[1:] {
		b := body{words: map[string]bool{}}
		for _, w := range claims.SalientWords(r[1]) {
			b.words[w] = true
		}
		for _, s := range strings.FieldsFunc(r[1], func(r rune) bool { return r == '\n' || r == '.' }) {
			if s = strings.TrimSpace(s); len(s) > 20 {
				b.sentences = append(b.sentences, s)
			}
		}
		byID[r[0]] = b
	}
	sc := newScore([]string{"agree", "disagree", "discuss", "unrelated"})
	label := map[claims.Stance]string{claims.Corroborates: "agree", claims.Conflicts: "disagree", claims.Context: "discuss"}
	points, best := 0.0, 0.0
	for _, r := range stances[1:] {
		headline, gold := r[0], r[2]
		b := byID[r[1]]
		hw := claims.SalientWords(headline)
		shared := 0
		for _, w := range hw {
			if b.words[w] {
				shared++
			}
		}
		got := "unrelated"
		if len(hw) > 0 && float64(shared)/float64(len(hw)) >= fncRelated {
			got = label[claims.SuggestStance(headline, closest(hw, b.sentences, 3)).Stance]
		}
		sc.add(gold, got)
		if gold == "unrelated" {
			best += 0.25
		} else {
			best += 1
		}
		if (gold == "unrelated") == (got == "unrelated") {
			points += 0.25
			if gold != "unrelated" && got == gold {
				points += 0.75
			}
		}
	}
	fmt.Fprintf(w, "FNC-1: score %.1f of %.2f (%.1f%%), accuracy %.3f, macro-F1 %.3f (agree F1 %.3f, disagree F1 %.3f, discuss F1 %.3f, unrelated F1 %.3f)\n",
		points, best, 100*points/best, sc.accuracy(), sc.macroF1(), sc.f1("agree"), sc.f1("disagree"), sc.f1("discuss"), sc.f1("unrelated"))
	return nil
}

// closest joins the n sentences sharing most of the words.
func closest(words []string, sentences []string, n int) string {
	type scored struct {
		i, shared int
	}
	var list []scored
	for i, s := range sentences {
		ls := " " + strings.ToLower(s) + " "
		k := 0
		for _, w := range words {
			if strings.Contains(ls, " "+w) {
				k++
			}
		}
		list = append(list, scored{i, k})
	}
	sort.SliceStable(list, func(a, b int) bool { return list[a].shared > list[b].shared })
	var out []string
	for _, s := range list[:min(n, len(list))] {
		if s.shared > 0 {
			out = append(out, sentences[s.i])
		}
	}
	return strings.Join(out, ". ")
}

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) < 2 {
		return nil, fmt.Errorf("%s: no rows", path)
	}
	return rows, nil
}
