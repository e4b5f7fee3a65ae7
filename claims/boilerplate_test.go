package claims

import "testing"

func TestParagraphRoles(t *testing.T) {
	text := "News \u00a0/\u00a0 Syria \u00a0/\u00a0 Russia\n\n" +
		"Russia says to continue Syria work with US\n\n" +
		"By Petra Lind, Example Gazette\n\n" +
		"Forces gather in the camp of Handarat, north of Aleppo, on September 24, 2016. (Photos by AFP)\n\n" +
		"The ministry has warned that attacks are being prepared in the city.\n\n" +
		"Aid is seen strewn on the ground in the town of Urum on September 20, 2016, after a strike.\n\n" +
		"Russia ready to continue Syria work with US\n\n" +
		"Poznikhir also announced that Russia was ready to continue its work.\n\n" +
		"2:45 p.m.\n\n" +
		"___.\n\n" +
		"Press TV’s website can also be accessed at the following alternate addresses:\n\n" +
		"www.presstv.ir\n\n" +
		"SHARE THIS ARTICLE\n" +
		"Press TV News Roku\n"
	want := []paraRole{roleBoilerplate, roleHeadline, roleBoilerplate, roleCaption, roleBody, roleCaption,
		roleHeadline, roleBody, roleBoilerplate, roleBoilerplate, roleBoilerplate, roleBoilerplate, roleBoilerplate, roleBoilerplate}
	d := newDoc(text)
	classifyParagraphs(d)
	if len(d.paras) != len(want) {
		t.Fatalf("%d paragraphs, want %d", len(d.paras), len(want))
	}
	names := map[paraRole]string{roleBody: "body", roleHeadline: "headline", roleCaption: "caption", roleBoilerplate: "boilerplate"}
	for i, p := range d.paras {
		if p.role != want[i] {
			t.Errorf("%q: %s, want %s", text[p.start:p.end], names[p.role], names[want[i]])
		}
	}
}

func TestBoilerplateYieldsNothing(t *testing.T) {
	for _, line := range []string{"SHARE THIS ARTICLE", "Read more: the ferry timetable", "www.example.org", "Share on Facebook", "Advertisement"} {
		text := "A headline here\n\nThe body says nothing of note today.\n\n" + line
		for _, d := range Extract(text) {
			if d.Content.Start >= len(text)-len(line) {
				t.Errorf("%q became a %s claim", line, d.Kind)
			}
		}
	}
}
