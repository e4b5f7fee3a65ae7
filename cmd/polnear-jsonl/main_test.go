package main

import (
	"reflect"
	"testing"
)

func TestParseAnn(t *testing.T) {
	text := []rune("Sample Wire reports that “the mayor’s aides” skipped the vote.\nIt is said that\nrain comes.")
	src := "T1\tSource 0 11\tSample Wire\n" +
		"T2\tCue 12 19\treports\n" +
		"T3\tContent 20 44;45 62\tthat “the mayor’s aides” skipped the vote.\n" +
		"T4\tAttribution 12 19\treports\n" +
		"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
		"T5\tCue 66 73\tis said\n" +
		"T6\tContent 74 90\tthat\n" +
		"rain comes.\n" +
		"T7\tAttribution-no-source 66 73\tis said\n" +
		"E2\tAttribution-no-source:T7 Content:T6 Cue:T5\n" +
		"T8\tDiscard 0 6\tSample\n"
	got, err := parseAnn(src, text)
	if err != nil {
		t.Fatal(err)
	}
	want := []attribution{
		{ID: "E1", Source: &part{[][2]int{{0, 11}}, "Sample Wire"}, Cue: &part{[][2]int{{12, 19}}, "reports"},
			Content: &part{[][2]int{{20, 44}, {45, 62}}, "that “the mayor’s aides” skipped the vote."}},
		{ID: "E2", NoSource: true, Cue: &part{[][2]int{{66, 73}}, "is said"},
			Content: &part{[][2]int{{74, 90}}, "that\nrain comes."}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestParseAnnRejectsSpansOutsideTheText(t *testing.T) {
	if _, err := parseAnn("T1\tCue 5 500\tsaid\n", []rune("short text")); err == nil {
		t.Error("no error for a span past the end of the text")
	}
}
