package guides

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/civisphere/civisphere/backend/domain"
)

// The library is small (a few guides, a few hundred notes of an association): it is searched in
// memory, word by word, with the same folding as everything else in Civisphère (case, accents
// and ligatures ignored, see domain.FoldText). The helpers here are exported so that the
// association's own notes are searched exactly like the guides.

// Scores of a match: any word found in the title outranks every word found in the summary,
// which outranks any number of mentions in the text.
const (
	titleWordScore   = 1000
	summaryWordScore = 100
	maxBodyScore     = 99
)

// How much text an excerpt shows around the first word found.
const (
	excerptBefore = 70
	excerptAfter  = 170
	// minExcerptTail is how much of the hit's block must follow the hit for the excerpt to stop
	// at the end of that block.
	minExcerptTail = 50
)

// blockSeparator joins the blocks of a text (paragraphs, headings, list items) in an excerpt,
// where line breaks are not shown.
const blockSeparator = " · "

// token is a word of a text: its folded form and where it is in the text (bytes).
type token struct {
	folded     string
	start, end int
}

// Document is a text prepared for search: a title, a summary and a body in plain text (see
// PlainText).
type Document struct {
	title, summary, body []token
	bodyText             string
}

// NewDocument prepares a text for search. plainBody is plain text, one block per line.
func NewDocument(title, summary, plainBody string) *Document {
	return &Document{title: tokenize(title), summary: tokenize(summary), body: tokenize(plainBody), bodyText: plainBody}
}

// Query is what someone typed in the search box, folded into words.
type Query struct {
	words []string
}

// ParseQuery folds a query into words. Every word must be found for a text to match; the last
// one may be the beginning of a word, since people search as they type.
func ParseQuery(s string) Query {
	var words []string
	for _, w := range strings.Fields(domain.FoldText(s)) {
		if !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	return Query{words: words}
}

// Empty tells a query with no word in it.
func (q Query) Empty() bool { return len(q.words) == 0 }

// Match is how well a text matched a query.
type Match struct {
	Score int
	// Excerpt is the plain text around the first word found in the body, with "…" where it was
	// cut; empty when the words were found only in the title or the summary.
	Excerpt string
}

// Match tells whether every word of the query is in the document, and how well it matched.
func (q Query) Match(d *Document) (Match, bool) {
	if q.Empty() {
		return Match{}, false
	}
	score, bodyHits := 0, 0
	for i := range q.words {
		inTitle := q.anyMatches(i, d.title)
		inSummary := q.anyMatches(i, d.summary)
		n := q.countMatches(i, d.body)
		if !inTitle && !inSummary && n == 0 {
			return Match{}, false
		}
		if inTitle {
			score += titleWordScore
		}
		if inSummary {
			score += summaryWordScore
		}
		bodyHits += n
	}
	m := Match{Score: score + min(bodyHits, maxBodyScore)}
	for _, t := range d.body {
		if q.matchesAny(t.folded) {
			m.Excerpt = excerpt(d.bodyText, t.start, t.end)
			break
		}
	}
	return m, true
}

func (q Query) anyMatches(i int, tokens []token) bool {
	for _, t := range tokens {
		if q.matches(i, t.folded) {
			return true
		}
	}
	return false
}

func (q Query) countMatches(i int, tokens []token) int {
	n := 0
	for _, t := range tokens {
		if q.matches(i, t.folded) {
			n++
		}
	}
	return n
}

func (q Query) matchesAny(word string) bool {
	for i := range q.words {
		if q.matches(i, word) {
			return true
		}
	}
	return false
}

// matches tells whether the i-th word of the query names word: the same word, the same word in
// the singular or plural ("bénévole" finds "bénévoles"), or, for the last word typed, its start.
func (q Query) matches(i int, word string) bool {
	w := q.words[i]
	if word == w || singular(word) == singular(w) {
		return true
	}
	return i == len(q.words)-1 && strings.HasPrefix(word, w)
}

// singular drops the plural mark of French and English words (s, x): "associations" and
// "association", "bureaux" and "bureau" compare equal. Short words are left alone ("os", "as").
func singular(w string) string {
	if len(w) > 3 && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x")) {
		return w[:len(w)-1]
	}
	return w
}

// tokenize cuts a text into words: runs of letters and digits, accents kept inside the word.
func tokenize(text string) []token {
	var out []token
	start := -1
	add := func(end int) {
		if f := domain.FoldText(text[start:end]); f != "" {
			out = append(out, token{folded: f, start: start, end: end})
		}
		start = -1
	}
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			add(i)
		}
	}
	if start >= 0 {
		add(len(text))
	}
	return out
}

// isWordRune keeps "+" and "#" in words, as domain.FoldText does, so that "C++" stays a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '+' || r == '#'
}

// excerpt cuts the text around [start, end) at word boundaries, starting at the beginning of
// the block when it is close, and shows block breaks as separators.
func excerpt(text string, start, end int) string {
	from := start - excerptBefore
	if from <= 0 {
		from = 0
	} else if i := strings.IndexAny(text[from:start], " \n"); i >= 0 {
		from += i + 1
	} else {
		from = start
	}
	if i := strings.LastIndexByte(text[from:start], '\n'); i >= 0 {
		from += i + 1
	}
	to := end + excerptAfter
	if to >= len(text) {
		to = len(text)
	} else if i := strings.LastIndexAny(text[end:to], " \n"); i >= 0 {
		to = end + i
	} else {
		to = end
	}
	// A block that goes on long enough after the hit is shown alone: the next one would start
	// a new subject.
	if i := strings.IndexByte(text[end:to], '\n'); i >= minExcerptTail {
		to = end + i
	}
	out := strings.ReplaceAll(strings.TrimSpace(text[from:to]), "\n", blockSeparator)
	if from > 0 && text[from-1] != '\n' {
		out = "…" + out
	}
	if to < len(text) && text[to] != '\n' && !strings.HasSuffix(out, ".") {
		out = strings.TrimRight(out, " ,;:\u00a0") + "…"
	}
	return out
}

// Summarize is the beginning of a plain text, cut at a word boundary, for lists.
func Summarize(plain string, maxBytes int) string {
	text := strings.ReplaceAll(plain, "\n", blockSeparator)
	if len(text) <= maxBytes {
		return text
	}
	cut := strings.LastIndexByte(text[:maxBytes], ' ')
	if cut <= 0 {
		// One very long word: cut it on a character boundary.
		cut = maxBytes
		for cut > 0 && !isRuneStart(text[cut]) {
			cut--
		}
	}
	return strings.TrimRight(text[:cut], " ,;:·") + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// Markdown that PlainText takes away or simplifies.
var (
	mdLinkOrImage = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdRefLink     = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	mdAutolink    = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	mdUnderscore  = regexp.MustCompile(`(^|[\s(])_{1,2}([^_]+?)_{1,2}([\s).,;:!?]|$)`)
	mdEscape      = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")
	mdListMarker  = regexp.MustCompile(`^(?:[-*+]|\d{1,9}[.)])\s+`)
	mdHeading     = regexp.MustCompile(`^#{1,6}(?:\s+|$)`)
)

// PlainText turns Markdown into the text a reader sees, one block (paragraph, heading, list
// item, table row) per line: what is searched and what excerpts show. It does not need to be a
// full Markdown parser, only to keep the words and drop the markup.
func PlainText(markdown string) string {
	var (
		blocks []string
		cur    []string
		fence  string
	)
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(markdown, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
				flush()
			} else if trimmed != "" {
				cur = append(cur, trimmed)
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			flush()
			fence = trimmed[:3]
			continue
		}
		if trimmed == "" || isRuleLine(trimmed) {
			flush()
			continue
		}
		// Quotes: their text is ordinary text.
		for strings.HasPrefix(trimmed, ">") {
			trimmed = strings.TrimSpace(trimmed[1:])
		}
		oneLine := false
		switch {
		case mdHeading.MatchString(trimmed):
			flush()
			trimmed = strings.TrimRight(strings.TrimSpace(mdHeading.ReplaceAllString(trimmed, "")), "# ")
			oneLine = true
		case strings.HasPrefix(trimmed, "|"):
			flush()
			cells := strings.Split(strings.Trim(trimmed, "|"), "|")
			for i := range cells {
				cells[i] = strings.TrimSpace(cells[i])
			}
			trimmed = strings.Join(cells, " ")
			oneLine = true
		case mdListMarker.MatchString(trimmed):
			flush()
			trimmed = mdListMarker.ReplaceAllString(trimmed, "")
		}
		if text := inlinePlain(trimmed); text != "" {
			cur = append(cur, text)
		}
		if oneLine {
			flush()
		}
	}
	flush()
	return strings.Join(blocks, "\n")
}

// isRuleLine tells a thematic break (---, * * *), a setext underline (===) or a table's
// separator row (|---|:---:|).
func isRuleLine(s string) bool {
	compact := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' {
			return -1
		}
		return r
	}, s)
	if len(compact) < 3 {
		return false
	}
	if strings.Trim(compact, "-") == "" || strings.Trim(compact, "*") == "" ||
		strings.Trim(compact, "_") == "" || strings.Trim(compact, "=") == "" {
		return true
	}
	return strings.Contains(compact, "-") && strings.Trim(compact, "|:-") == ""
}

func inlinePlain(s string) string {
	s = mdLinkOrImage.ReplaceAllString(s, "$1")
	s = mdRefLink.ReplaceAllString(s, "$1")
	s = mdAutolink.ReplaceAllString(s, "$1")
	s = strings.NewReplacer("**", "", "~~", "", "`", "").Replace(s)
	s = mdUnderscore.ReplaceAllString(s, "$1$2$3")
	s = mdEscape.ReplaceAllStringFunc(s, func(m string) string {
		if m[1] == '*' {
			return "\x00" // an escaped star survives the removal of emphasis below
		}
		return m[1:]
	})
	s = strings.ReplaceAll(s, "*", "")
	s = strings.ReplaceAll(s, "\x00", "*")
	return strings.TrimSpace(s)
}
