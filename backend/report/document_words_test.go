package report

import (
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

var placeholder = regexp.MustCompile(`\{[a-z]+\}`)

// Both languages have the same phrases with the same placeholders.
func TestDocumentWordsMatch(t *testing.T) {
	fr, en := documentWords["fr"], documentWords["en"]
	if len(documentWords) != 2 {
		t.Errorf("languages = %d, want fr and en", len(documentWords))
	}
	for k, v := range fr {
		e, ok := en[k]
		if !ok {
			t.Errorf("%q has no English", k)
			continue
		}
		a, b := placeholder.FindAllString(v, -1), placeholder.FindAllString(e, -1)
		sort.Strings(a)
		sort.Strings(b)
		if strings.Join(a, ",") != strings.Join(b, ",") {
			t.Errorf("%q: placeholders %v in French, %v in English", k, a, b)
		}
	}
	for k := range en {
		if _, ok := fr[k]; !ok {
			t.Errorf("%q has no French", k)
		}
	}
}

// Every phrase is used by the package, so the table holds no dead words: each key appears
// quoted in a source file, or its base appears for a "_one"/"_other" pair.
func TestDocumentWordsAreUsed(t *testing.T) {
	files, _ := os.ReadDir(".")
	var src strings.Builder
	for _, f := range files {
		if strings.HasSuffix(f.Name(), ".go") && !strings.HasSuffix(f.Name(), "_test.go") && f.Name() != "document_words.go" {
			b, err := os.ReadFile(f.Name())
			if err != nil {
				t.Fatal(err)
			}
			src.Write(b)
		}
	}
	code := src.String()
	var unused []string
	for k := range documentWords["fr"] {
		base := strings.TrimSuffix(strings.TrimSuffix(k, "_one"), "_other")
		if !strings.Contains(code, `"`+k+`"`) && !strings.Contains(code, `"`+base+`"`) {
			unused = append(unused, k)
		}
	}
	slices.Sort(unused)
	if len(unused) > 0 {
		t.Errorf("phrases never used: %q", unused)
	}
}

func TestDocumentFormats(t *testing.T) {
	fr, en := newDocLang("fr-FR"), newDocLang("en")
	nb := func(s string) string { return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s) }
	for _, tc := range []struct{ got, want string }{
		{nb(fr.hours(74070)), "1 234,5 h"},
		{nb(en.hours(74070)), "1,234.5 h"},
		{nb(fr.hours(20)), "0,33 h"},
		{nb(fr.hours(0)), "0 h"},
		{nb(fr.money(1234550)), "12 346 €"},
		{nb(en.money(1234550)), "€12,346"},
		{nb(en.money(-50000)), "-€500"},
		{nb(fr.integer(1234567)), "1 234 567"},
		{nb(fr.number(-0.001, 2)), "0"},
		{fr.date("2026-03-03"), "3 mars 2026"},
		{fr.date("2026-03-01"), "1er mars 2026"},
		{en.date("2026-03-01"), "1 March 2026"},
		{fr.date("pas une date"), "pas une date"},
		{fr.shortDate("2026-03-03"), "03/03/2026"},
		{nb(fr.percent(0.87)), "87 %"},
		{en.percent(0.87), "87%"},
		{fr.plural("responses", 1), "1 réponse"},
		{fr.plural("responses", 0), "0 réponse"},
		{en.plural("responses", 0), "0 responses"},
		{nb(fr.plural("responses", 1200)), "1 200 réponses"},
		{fr.pluralOf("cert_hours", 1.5, "1,5"), "1,5 heure approuvée"},
		{en.pluralOf("cert_hours", 1.5, "1.5"), "1.5 approved hours"},
		{fr.list([]string{"A", "B", "C"}), "A, B et C"},
		{en.list([]string{"A", "B"}), "A and B"},
		{fr.word("absent"), "absent"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if name, year, ok := fr.month("2026-02"); !ok || name != "févr." || year != 2026 {
		t.Errorf("month = %q %d %v", name, year, ok)
	}
}

func TestPDFSafe(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"Élodie Œuvre-Besançon":              "Élodie Œuvre-Besançon",
		"Nguye\u0302\u0303n":                 "Nguyễn", // composed
		"a\tb\r\nc\x00d":                     "a b\ncd",
		"Merci 🙏, à bientôt 👍🏽.":             "Merci, à bientôt.",
		"李雷 Ольга Ελένη Łukasz Ștefan € ✓ …": "?? Ольга Ελένη Łukasz Ștefan € ✓ …",
		"plain ASCII":                        "plain ASCII",
	} {
		if got := pdfSafe(in); got != want {
			t.Errorf("pdfSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
