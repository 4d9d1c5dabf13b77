// Package guides holds Civisphère's built-in guides: practical texts on skills-based
// volunteering written for this project in French and English, embedded in the binary so that
// they are there offline. Each guide is a Markdown file with a small front matter; the two
// languages of a guide share a slug, so a reader can switch from one to the other.
package guides

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

//go:embed fr/*.md en/*.md
var builtinFiles embed.FS

// Languages are the languages guides are written in, the first being the default.
var Languages = []string{"fr", "en"}

// wordsPerMinute is a comfortable reading pace for practical prose on a screen.
const wordsPerMinute = 200

// Guide is one guide in one language.
type Guide struct {
	Slug           string // the same in every language, e.g. "recruiting-volunteers"
	Lang           string // "fr" or "en"
	Title          string
	Summary        string
	Topic          string // a stable key: needs, projects, nonprofit, volunteers, impact, sponsorship
	Order          int    // place in the library
	ReadingMinutes int
	Markdown       string // the body, without the front matter

	doc *Document // prepared for search
}

// Library is a set of guides in several languages.
type Library struct {
	byLang map[string][]*Guide // in library order
	index  map[string]map[string]*Guide
}

var builtin = sync.OnceValue(func() *Library {
	lib, err := Load(builtinFiles)
	if err != nil {
		// The files are compiled in and checked by the tests: this cannot happen in a release.
		panic(fmt.Sprintf("built-in guides: %v", err))
	}
	return lib
})

// Builtin returns the guides embedded in the binary. They are parsed once and shared.
func Builtin() *Library { return builtin() }

// Search looks for text in the built-in guides of one language; see Library.Search.
func Search(query, lang string) []Hit { return Builtin().Search(query, lang) }

// Load reads every <lang>/*.md file of fsys.
func Load(fsys fs.FS) (*Library, error) {
	lib := &Library{byLang: map[string][]*Guide{}, index: map[string]map[string]*Guide{}}
	for _, lang := range Languages {
		names, err := fs.Glob(fsys, lang+"/*.md")
		if err != nil {
			return nil, fmt.Errorf("list %s guides: %w", lang, err)
		}
		for _, name := range names {
			raw, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, fmt.Errorf("read guide %s: %w", name, err)
			}
			g, err := Parse(string(raw))
			if err != nil {
				return nil, fmt.Errorf("guide %s: %w", name, err)
			}
			g.Lang = lang
			if lib.index[g.Slug] == nil {
				lib.index[g.Slug] = map[string]*Guide{}
			}
			if other := lib.index[g.Slug][lang]; other != nil {
				return nil, fmt.Errorf("guide %s: slug %q already used by %q", name, g.Slug, other.Title)
			}
			lib.index[g.Slug][lang] = g
			lib.byLang[lang] = append(lib.byLang[lang], g)
		}
		slices.SortStableFunc(lib.byLang[lang], func(a, b *Guide) int {
			if a.Order != b.Order {
				return a.Order - b.Order
			}
			return strings.Compare(a.Slug, b.Slug)
		})
	}
	return lib, nil
}

// Parse reads a guide: a front matter of "key: value" lines between two "---" lines, then
// the Markdown body. Keys: slug, title, summary, topic, order.
func Parse(raw string) (*Guide, error) {
	raw = strings.ReplaceAll(strings.TrimPrefix(raw, "\uFEFF"), "\r\n", "\n")
	rest, ok := strings.CutPrefix(raw, "---\n")
	if !ok {
		return nil, fmt.Errorf("no front matter: the file must start with a --- line")
	}
	header, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		return nil, fmt.Errorf("front matter not closed by a --- line")
	}
	g := &Guide{Markdown: strings.TrimSpace(body)}
	for i, line := range strings.Split(header, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("front matter line %d: want key: value, got %q", i+2, line)
		}
		value = strings.TrimSpace(value)
		switch strings.TrimSpace(key) {
		case "slug":
			g.Slug = value
		case "title":
			g.Title = value
		case "summary":
			g.Summary = value
		case "topic":
			g.Topic = value
		case "order":
			n, err := strconv.Atoi(value)
			if err != nil {
				return nil, fmt.Errorf("front matter: order %q is not a number", value)
			}
			g.Order = n
		default:
			return nil, fmt.Errorf("front matter line %d: unknown key %q", i+2, key)
		}
	}
	switch {
	case !validSlug(g.Slug):
		return nil, fmt.Errorf("slug %q: want lower-case letters, digits and dashes", g.Slug)
	case g.Title == "":
		return nil, fmt.Errorf("no title")
	case g.Summary == "":
		return nil, fmt.Errorf("no summary")
	case g.Topic == "":
		return nil, fmt.Errorf("no topic")
	case g.Markdown == "":
		return nil, fmt.Errorf("no text after the front matter")
	}
	plain := PlainText(g.Markdown)
	g.ReadingMinutes = max(1, (len(strings.Fields(plain))+wordsPerMinute-1)/wordsPerMinute)
	g.doc = NewDocument(g.Title, g.Summary, plain)
	return g, nil
}

func validSlug(s string) bool {
	if s == "" || strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z') && !unicode.IsDigit(r) && r != '-' {
			return false
		}
	}
	return path.Base(s) == s
}

// List returns the guides of one language, in library order. The guides are shared: read them,
// do not change them.
func (l *Library) List(lang string) []*Guide { return l.byLang[lang] }

// Get returns a guide in the language asked for, or in another language when it was not
// written in that one; false when no guide has that slug.
func (l *Library) Get(slug, lang string) (*Guide, bool) {
	byLang := l.index[slug]
	if g := byLang[lang]; g != nil {
		return g, true
	}
	for _, other := range Languages {
		if g := byLang[other]; g != nil {
			return g, true
		}
	}
	return nil, false
}

// LanguagesOf lists the languages a guide exists in, in the order of Languages.
func (l *Library) LanguagesOf(slug string) []string {
	var out []string
	for _, lang := range Languages {
		if l.index[slug][lang] != nil {
			out = append(out, lang)
		}
	}
	return out
}

// Slugs lists every slug, in no particular order.
func (l *Library) Slugs() []string {
	out := make([]string, 0, len(l.index))
	for slug := range l.index {
		out = append(out, slug)
	}
	slices.Sort(out)
	return out
}

// Hit is a guide that matched a search.
type Hit struct {
	Guide *Guide
	Match
}

// Search finds the guides of one language whose title, summary or text hold every word of the
// query (see ParseQuery), best first: a guide whose title holds the words comes before one that
// only mentions them. An empty query finds nothing.
func (l *Library) Search(query, lang string) []Hit {
	q := ParseQuery(query)
	if q.Empty() {
		return nil
	}
	var hits []Hit
	for _, g := range l.byLang[lang] {
		if m, ok := q.Match(g.doc); ok {
			hits = append(hits, Hit{Guide: g, Match: m})
		}
	}
	slices.SortStableFunc(hits, func(a, b Hit) int { return b.Score - a.Score })
	return hits
}
