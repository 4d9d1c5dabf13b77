package search

import (
	"strings"
	"testing"
)

func marked(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Match {
			b.WriteString("[" + s.Text + "]")
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestHighlightMarksWordsAsTheIndexMatchesThem(t *testing.T) {
	for _, tc := range []struct {
		text  string
		words []QueryWord
		want  string
	}{
		{"Élodie Martin", []QueryWord{{Text: "elodie"}}, "[Élodie] Martin"},
		{"Lætitia Cœur", []QueryWord{{Text: "coeur"}}, "Lætitia [Cœur]"},
		{"Besançon", []QueryWord{{Text: "besan", Prefix: true}}, "[Besançon]"},
		{"Comptabilité associative", []QueryWord{{Text: "comptabilte", Fuzziness: 2}}, "[Comptabilité] associative"},
		{"Ольга Петрова", []QueryWord{{Text: "ольга"}}, "[Ольга] Петрова"},
		{"Nguyễn Văn An", []QueryWord{{Text: "nguyen"}}, "[Nguyễn] Văn An"},
		{"des associations locales", []QueryWord{{Text: "association"}}, "des [associations] locales"},
		{"rien à voir", []QueryWord{{Text: "compta"}}, ""},
	} {
		segs, ok := Highlight(tc.text, tc.words)
		if got := marked(segs); got != tc.want || ok != (tc.want != "") {
			t.Errorf("Highlight(%q) = %q (%v), want %q", tc.text, got, ok, tc.want)
		}
	}
}

func TestExcerptKeepsAWindowAroundTheFirstMatch(t *testing.T) {
	bio := strings.Repeat("Bénévole engagée depuis longtemps. ", 6) + "Expert-comptable à Besançon, " + strings.Repeat("j’aide les associations. ", 10)
	segs, ok := Highlight(bio, []QueryWord{{Text: "comptable"}})
	if !ok {
		t.Fatal("no match")
	}
	got := marked(Excerpt(segs, 30, 40))
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") || !strings.Contains(got, "[comptable]") || len([]rune(got)) > 90 {
		t.Fatalf("excerpt %q", got)
	}
	// A matched word longer than the window is kept whole, never cut or panicking.
	long := strings.Repeat("x", 10) + " anticonstitutionnellement fin"
	segs, _ = Highlight(long, []QueryWord{{Text: "anticonstitutionnellement"}})
	if got := marked(Excerpt(segs, 3, 5)); !strings.Contains(got, "[anticonstitutionnellement]") {
		t.Fatalf("excerpt %q", got)
	}
}
