package guides

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// The six subjects the library must cover, whatever the guides are called.
var requiredTopics = []string{"needs", "projects", "nonprofit", "volunteers", "impact", "sponsorship"}

// rawHTML finds anything a browser could read as a tag or a comment. Guides are rendered from
// Markdown with HTML switched off, so a tag would show as text: better never to write one.
var rawHTML = regexp.MustCompile(`<[A-Za-z/!?]`)

// mdLink finds the destinations of inline links and images.
var mdLink = regexp.MustCompile(`\]\(([^)\s]*)`)

func TestBuiltinGuidesAreCompleteInEveryLanguage(t *testing.T) {
	lib := Builtin()
	slugs := lib.Slugs()
	if len(slugs) < len(requiredTopics) {
		t.Fatalf("%d guides, want at least %d", len(slugs), len(requiredTopics))
	}
	for _, slug := range slugs {
		if got := lib.LanguagesOf(slug); !slices.Equal(got, Languages) {
			t.Errorf("guide %q exists in %v, want %v", slug, got, Languages)
		}
		fr, _ := lib.Get(slug, "fr")
		en, _ := lib.Get(slug, "en")
		if fr.Topic != en.Topic || fr.Order != en.Order {
			t.Errorf("guide %q: topic or order differ between languages (%s/%d, %s/%d)", slug, fr.Topic, fr.Order, en.Topic, en.Order)
		}
		if fr.Title == en.Title {
			t.Errorf("guide %q: the French title is the English one: %q", slug, fr.Title)
		}
	}
	for _, lang := range Languages {
		var topics []string
		for _, g := range lib.List(lang) {
			topics = append(topics, g.Topic)
		}
		for _, want := range requiredTopics {
			if !slices.Contains(topics, want) {
				t.Errorf("%s: no guide on %q", lang, want)
			}
		}
	}
}

func TestBuiltinGuidesAreSubstantialAndSafe(t *testing.T) {
	for _, lang := range Languages {
		for _, g := range Builtin().List(lang) {
			name := lang + "/" + g.Slug
			if strings.TrimSpace(g.Title) == "" || strings.TrimSpace(g.Summary) == "" {
				t.Errorf("%s: empty title or summary", name)
			}
			if words := len(strings.Fields(PlainText(g.Markdown))); words < 700 || words > 1300 {
				t.Errorf("%s: %d words, want a real guide of about 700 to 1200", name, words)
			}
			if g.ReadingMinutes < 3 {
				t.Errorf("%s: %d reading minutes", name, g.ReadingMinutes)
			}
			if m := rawHTML.FindString(g.Markdown); m != "" {
				t.Errorf("%s: raw HTML %q", name, m)
			}
			if !strings.Contains(g.Markdown, "\n## ") {
				t.Errorf("%s: no section heading", name)
			}
			for _, m := range mdLink.FindAllStringSubmatch(g.Markdown, -1) {
				if !strings.HasPrefix(m[1], "https://") {
					t.Errorf("%s: link %q is not https", name, m[1])
				}
			}
			if !utf8.ValidString(g.Markdown) || strings.ContainsRune(g.Markdown, utf8.RuneError) {
				t.Errorf("%s: not valid UTF-8", name)
			}
		}
	}
}

func TestFrenchGuidesUseFrenchQuotes(t *testing.T) {
	for _, g := range Builtin().List("fr") {
		if strings.ContainsAny(g.Markdown+g.Title+g.Summary, "\"“”") {
			t.Errorf("fr/%s: English quotation marks; French text uses « »", g.Slug)
		}
		if strings.Contains(g.Markdown, "'") {
			t.Errorf("fr/%s: straight apostrophe; French text uses ’", g.Slug)
		}
	}
}

func TestGetFallsBackToAnotherLanguage(t *testing.T) {
	lib, err := Load(fstest.MapFS{
		"en/only.md": {Data: []byte("---\nslug: only-english\ntitle: Only in English\nsummary: s\ntopic: needs\n---\nText.")},
	})
	if err != nil {
		t.Fatal(err)
	}
	g, ok := lib.Get("only-english", "fr")
	if !ok || g.Lang != "en" {
		t.Fatalf("got %v %v, want the English guide", g, ok)
	}
	if langs := lib.LanguagesOf("only-english"); !slices.Equal(langs, []string{"en"}) {
		t.Errorf("languages %v", langs)
	}
	if _, ok := lib.Get("nothing", "fr"); ok {
		t.Error("found a guide that does not exist")
	}
}

func TestParseRefusesBrokenGuides(t *testing.T) {
	tests := map[string]string{
		"no front matter":   "# Title\ntext",
		"unclosed":          "---\nslug: a\ntitle: A\n",
		"unknown key":       "---\nslug: a\ntitle: A\nsummary: s\ntopic: t\nauthor: me\n---\ntext",
		"bad slug":          "---\nslug: Été 2026\ntitle: A\nsummary: s\ntopic: t\n---\ntext",
		"no title":          "---\nslug: a\nsummary: s\ntopic: t\n---\ntext",
		"no body":           "---\nslug: a\ntitle: A\nsummary: s\ntopic: t\n---\n\n",
		"order not numeric": "---\nslug: a\ntitle: A\nsummary: s\ntopic: t\norder: first\n---\ntext",
	}
	for name, raw := range tests {
		if _, err := Parse(raw); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	g, err := Parse("\uFEFF---\r\nslug: a-1\r\ntitle: Titre : deux points\r\nsummary: s\r\ntopic: t\r\norder: 2\r\n---\r\nUn texte.\r\n")
	if err != nil {
		t.Fatalf("a file saved by Windows Notepad is refused: %v", err)
	}
	if g.Title != "Titre : deux points" || g.Order != 2 || g.Markdown != "Un texte." || g.ReadingMinutes != 1 {
		t.Errorf("parsed %+v", g)
	}
}

func TestLoadRefusesTwoGuidesWithOneSlug(t *testing.T) {
	guide := []byte("---\nslug: same\ntitle: T\nsummary: s\ntopic: t\n---\ntext")
	if _, err := Load(fstest.MapFS{"fr/a.md": {Data: guide}, "fr/b.md": {Data: guide}}); err == nil {
		t.Error("two French guides with the same slug accepted")
	}
}

func slugsOf(hits []Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.Guide.Slug
	}
	return out
}

func TestSearchFoldsAccentsAndRanksTitlesFirst(t *testing.T) {
	for _, q := range []string{"bénévoles", "BENEVOLES", "Bénévole", "  bénévoles  "} {
		hits := Search(q, "fr")
		if len(hits) < 2 {
			t.Fatalf("%q: %v, want several guides", q, slugsOf(hits))
		}
		if hits[0].Guide.Slug != "recruiting-volunteers" {
			t.Errorf("%q: first %v, want the guide whose title is about volunteers", q, slugsOf(hits))
		}
	}
	if hits := Search("volunteers", "en"); len(hits) == 0 || hits[0].Guide.Slug != "recruiting-volunteers" {
		t.Errorf("volunteers in English: %v", slugsOf(hits))
	}
	if hits := Search("impact", "fr"); len(hits) == 0 || hits[0].Guide.Slug != "measuring-impact" {
		t.Errorf("impact: %v", slugsOf(hits))
	}
}

func TestSearchNeedsEveryWord(t *testing.T) {
	if hits := Search("238 bis", "fr"); !slices.Equal(slugsOf(hits), []string{"skills-based-sponsorship"}) {
		t.Errorf("238 bis: %v", slugsOf(hits))
	}
	if hits := Search("bénévoles zèbre", "fr"); len(hits) != 0 {
		t.Errorf("a word no guide holds still found %v", slugsOf(hits))
	}
	if hits := Search("", "fr"); hits != nil {
		t.Errorf("empty query found %v", slugsOf(hits))
	}
	if hits := Search("bénévoles", "de"); hits != nil {
		t.Errorf("a language without guides found %v", slugsOf(hits))
	}
}

func TestSearchMatchesTheLastWordAsItIsTyped(t *testing.T) {
	hits := Search("casier judic", "fr")
	if !slices.Equal(slugsOf(hits), []string{"recruiting-volunteers"}) {
		t.Fatalf("casier judic: %v", slugsOf(hits))
	}
	// Only the last word is a prefix: "judic" in the middle is not a word of any guide.
	if hits := Search("judic casier", "fr"); len(hits) != 0 {
		t.Errorf("judic casier: %v", slugsOf(hits))
	}
}

func TestSearchExcerptIsAroundTheFirstHit(t *testing.T) {
	hits := Search("casier judiciaire", "fr")
	if len(hits) != 1 {
		t.Fatalf("%v", slugsOf(hits))
	}
	ex := hits[0].Excerpt
	if !strings.Contains(ex, "casier judiciaire") {
		t.Errorf("excerpt %q lacks the words found", ex)
	}
	if !strings.HasPrefix(ex, "…") && !strings.HasPrefix(ex, "Si la mission") {
		t.Errorf("excerpt %q neither starts its paragraph nor says it was cut", ex)
	}
	if !utf8.ValidString(ex) || len(ex) > excerptBefore+excerptAfter+40 {
		t.Errorf("excerpt %q: invalid or too long", ex)
	}
	if strings.ContainsAny(ex, "*#|[") {
		t.Errorf("excerpt %q shows Markdown", ex)
	}
}

func TestQueryMatchOnOwnDocuments(t *testing.T) {
	doc := NewDocument("Procédure d’accueil", "", PlainText("Le **café** est offert.\n\nPuis la visite des locaux : œuvres, bureaux."))
	for q, want := range map[string]bool{
		"accueil":          true,
		"ACCUEIL cafe":     true,
		"oeuvre":           true, // ligature and plural
		"bureau":           true, // plural in x
		"procedure visite": true,
		"visite procedure": true,
		"cafe absent":      false,
		"caf":              true,
		"caf offert":       false, // "caf" is not the last word: it must be whole
	} {
		if _, got := ParseQuery(q).Match(doc); got != want {
			t.Errorf("%q: match %v, want %v", q, got, want)
		}
	}
	title, _ := ParseQuery("accueil").Match(doc)
	body, _ := ParseQuery("visite").Match(doc)
	if title.Score <= body.Score {
		t.Errorf("title hit %d not above body hit %d", title.Score, body.Score)
	}
	if title.Excerpt != "" {
		t.Errorf("a title-only hit has an excerpt: %q", title.Excerpt)
	}
	if body.Excerpt != "Puis la visite des locaux : œuvres, bureaux." { // from the start of its paragraph
		t.Errorf("excerpt %q", body.Excerpt)
	}
}

func TestPlainText(t *testing.T) {
	md := "# Titre\n\nUn *texte* avec un [lien](https://asso.fr) et `du code`,\nsur deux lignes.\n\n" +
		"- un point\n- **deux** points\n\n> Une citation\n\n| A | B |\n| --- | :-: |\n| 1 | 2 |\n\n---\n\n" +
		"```\nfenced <b>code</b>\n```\n\n![image](https://x.fr/a.png) \\*étoile\\* snake_case_word _souligné_"
	want := "Titre\nUn texte avec un lien et du code, sur deux lignes.\nun point\ndeux points\nUne citation\nA B\n1 2\n" +
		"fenced <b>code</b>\nimage *étoile* snake_case_word souligné"
	if got := PlainText(md); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestSummarize(t *testing.T) {
	if got := Summarize("court", 100); got != "court" {
		t.Errorf("%q", got)
	}
	if got := Summarize("Un texte assez long pour être coupé", 20); got != "Un texte assez long…" {
		t.Errorf("%q", got)
	}
	if got := Summarize(strings.Repeat("é", 30), 11); !utf8.ValidString(got) || got != strings.Repeat("é", 5)+"…" {
		t.Errorf("%q", got)
	}
	if got := Summarize("Titre\nSuite du texte", 100); got != "Titre · Suite du texte" {
		t.Errorf("%q", got)
	}
}
