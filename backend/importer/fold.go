package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/civisphere/civisphere/backend/domain"
)

// fold gives the same result as domain.FoldText, faster: ASCII is folded in place and the
// letters of Latin scripts come from a table built with domain.FoldText itself, so the two can
// never disagree. Parse folds every word of every availability and skills cell, which made
// domain.FoldText (a small allocation per letter) a third of the time of an import.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii && isFolded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	write := func(f string) {
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteString(f)
	}
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '+', r == '#':
				if space {
					b.WriteByte(' ')
					space = false
				}
				b.WriteByte(byte(r))
			case r >= 'A' && r <= 'Z':
				if space {
					b.WriteByte(' ')
					space = false
				}
				b.WriteByte(byte(r) + 'a' - 'A')
			default:
				space = b.Len() > 0
			}
			continue
		}
		var f string
		if r < foldTableEnd {
			f = foldTable[r-utf8.RuneSelf]
		} else if unicode.Is(unicode.Mn, r) {
			f = markFold
		} else {
			f = domain.FoldText(string(r))
		}
		switch f {
		case "":
			space = b.Len() > 0
		case markFold:
			write("") // a combining accent: dropped, without splitting the word
		default:
			write(f)
		}
	}
	return b.String()
}

// isFolded tells an ASCII string that folding would leave as it is: lower-case words separated
// by single spaces.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '#':
		case c == ' ' && i > 0 && i < len(s)-1 && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

// markFold marks the combining marks in foldTable (domain.FoldText drops them inside a word).
const markFold = "\x00"

// foldTableEnd covers Latin-1, Latin Extended-A and B, the combining accents, Greek and
// Cyrillic: the letters of the names and words of European files.
const foldTableEnd = 0x0530

var foldTable = func() []string {
	t := make([]string, foldTableEnd-utf8.RuneSelf)
	for r := rune(utf8.RuneSelf); r < foldTableEnd; r++ {
		if unicode.Is(unicode.Mn, r) {
			t[r-utf8.RuneSelf] = markFold
			continue
		}
		t[r-utf8.RuneSelf] = domain.FoldText(string(r))
	}
	return t
}()

// maxMemoEntries bounds each cache of Parse: a file repeats the same skills, days and
// languages on many rows, but a crafted one must not fill the memory.
const maxMemoEntries = 4096

// memo caches the results of parsing a cell's text.
type memo[V any] struct {
	m map[string]V
}

func (c *memo[V]) get(key string, compute func(string) V) V {
	if v, ok := c.m[key]; ok {
		return v
	}
	v := compute(key)
	if c.m == nil {
		c.m = make(map[string]V)
	}
	if len(c.m) < maxMemoEntries && len(key) <= 256 {
		c.m[key] = v
	}
	return v
}
