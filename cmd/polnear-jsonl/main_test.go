package main

import (
	"reflect"
	"testing"
)

func TestParseAnn(t *testing.T) {
	text := []rune("The Post reports that “Clinton’s team” avoided the ER.\nIt is said that\nrain comes.")
	src := "T1\tSource 0 8\tThe Post\n" +
		"T2\tCue 9 16\treports\n" +
		"T3\tContent 17 38;39 54\tthat “Clinton’s team” avoided the ER.\n" +
		"T4\tAttribution 9 16\treports\n" +
		"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
		"T5\tCue 58 65\tis said\n" +
		"T6\tContent 66 82\tthat\n" +
		"rain comes.\n" +
		"T7\tAttribution-no-source 58 65\tis said\n" +
		"E2\tAttribution-no-source:T7 Content:T6 Cue:T5\n" +
		"T8\tDiscard 0 3\tThe\n"
	got, err := parseAnn(src, text)
	if err != nil {
		t.Fatal(err)
	}
	want := []attribution{
		{ID: "E1", Source: &part{[][2]int{{0, 8}}, "The Post"}, Cue: &part{[][2]int{{9, 16}}, "reports"},
			Content: &part{[][2]int{{17, 38}, {39, 54}}, "that “Clinton’s team” avoided the ER."}},
		{ID: "E2", NoSource: true, Cue: &part{[][2]int{{58, 65}}, "is said"},
			Content: &part{[][2]int{{66, 82}}, "that\nrain comes."}},
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
