package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/civisphere/civisphere/backend/domain"
)

// Segment is a piece of a field's text, marked when it matched the query. Highlights are
// returned as segments rather than HTML so that no user text is ever rendered as markup.
type Segment struct {
	Text  string
	Match bool
}

// Highlight splits text into segments, marking the words that match one of the query words the
// way the index matched them: same folded word, a word starting with the word being typed, or
// a word within the allowed edits. matched is false when nothing matched.
func Highlight(text string, words []QueryWord) (segments []Segment, matched bool) {
	if len(words) == 0 || text == "" {
		return nil, false
	}
	plainStart := 0
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				break
			}
			i += size
		}
		if !wordMatches(domain.FoldText(text[start:i]), words) {
			continue
		}
		if start > plainStart {
			segments = append(segments, Segment{Text: text[plainStart:start]})
		}
		segments = append(segments, Segment{Text: text[start:i], Match: true})
		plainStart = i
		matched = true
	}
	if !matched {
		return nil, false
	}
	if plainStart < len(text) {
		segments = append(segments, Segment{Text: text[plainStart:]})
	}
	return segments, true
}

// Excerpt shortens highlighted long text (a bio) to a window around its first match, with an
// ellipsis where text was cut, cutting at spaces.
func Excerpt(segments []Segment, before, after int) []Segment {
	first := -1
	for i, s := range segments {
		if s.Match {
			first = i
			break
		}
	}
	if first < 0 {
		return nil
	}
	out := make([]Segment, 0, len(segments))
	if first > 0 {
		lead := []rune(segments[first-1].Text)
		for k := 0; k < first-1; k++ {
			lead = append([]rune(segments[k].Text), lead...)
		}
		if len(lead) > before {
			cut := string(lead[len(lead)-before:])
			if sp := strings.IndexByte(cut, ' '); sp >= 0 {
				cut = cut[sp+1:]
			}
			out = append(out, Segment{Text: "…" + cut})
		} else {
			out = append(out, Segment{Text: string(lead)})
		}
	}
	budget := after
	for _, s := range segments[first:] {
		n := utf8.RuneCountInString(s.Text)
		if n <= budget || s.Match {
			out = append(out, s) // a matched word is never cut
			budget -= n
			continue
		}
		cut := ""
		if budget > 0 {
			cut = string([]rune(s.Text)[:budget])
			if sp := strings.LastIndexByte(cut, ' '); sp > 0 {
				cut = cut[:sp]
			}
		}
		out = append(out, Segment{Text: cut + "…"})
		break
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// wordMatches tells whether a folded word of the text matches one of the query words.
func wordMatches(word string, words []QueryWord) bool {
	for _, w := range words {
		switch {
		case word == w.Text:
			return true
		case w.Prefix && strings.HasPrefix(word, w.Text):
			return true
		case w.Fuzziness > 0 && withinEdits(word, w.Text, w.Fuzziness):
			return true
		// The stemmed bio matches plural and feminine forms: "associations" for "association".
		case utf8.RuneCountInString(w.Text) >= 5 && strings.HasPrefix(word, w.Text) && utf8.RuneCountInString(word)-utf8.RuneCountInString(w.Text) <= 2:
			return true
		}
	}
	return false
}

// withinEdits tells whether the Levenshtein distance between a and b is at most k.
func withinEdits(a, b string, k int) bool {
	ra, rb := []rune(a), []rune(b)
	if abs(len(ra)-len(rb)) > k {
		return false
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > k {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= k
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
