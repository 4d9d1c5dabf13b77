package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/civisphere/civisphere/backend/domain"
)

// nameParticles start a last name: "Marie de Lattre", "Jean Le Goff", "Ludwig van Beethoven".
var nameParticles = map[string]bool{
	"de": true, "du": true, "des": true, "d": true, "le": true, "la": true, "les": true,
	"van": true, "von": true, "der": true, "den": true, "del": true, "della": true, "di": true,
	"da": true, "dos": true, "das": true, "ben": true, "ibn": true, "mac": true,
}

// splitFullName splits a full name into first and last name, the way a French coordinator
// reads it: the word in capitals is the last name ("MARTIN Élodie", "Élodie MARTIN"), "Martin,
// Élodie" has the last name first, a particle starts the last name ("Marie de Lattre"), and
// otherwise the first word is the first name ("Élodie Martin"). A single word is a first name,
// unless written in capitals. Names written in capitals are put in title case.
func splitFullName(s string) (first, last string) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "", ""
	}
	if i := strings.IndexByte(s, ','); i >= 0 {
		return tidyName(s[i+1:]), tidyName(s[:i])
	}
	words := strings.Fields(s)
	if len(words) == 1 {
		if isAllCaps(words[0]) {
			return "", titleCase(words[0])
		}
		return words[0], ""
	}
	caps := make([]bool, len(words))
	nCaps := 0
	for i, w := range words {
		caps[i] = isAllCaps(w)
		if caps[i] {
			nCaps++
		}
	}
	if nCaps > 0 && nCaps < len(words) {
		// The run of words in capitals, with the particles just before it, is the last name.
		start, end := -1, -1
		contiguous := true
		for i, c := range caps {
			if !c {
				continue
			}
			if start < 0 {
				start = i
			} else if i != end {
				contiguous = false
			}
			end = i + 1
		}
		if contiguous {
			for start > 0 && isParticle(words[start-1]) {
				start--
			}
			if start > 0 || end < len(words) {
				rest := append(append([]string(nil), words[:start]...), words[end:]...)
				return tidyWords(rest), tidyWords(words[start:end])
			}
		}
	}
	for i := 1; i < len(words)-1; i++ {
		if isParticle(words[i]) {
			return tidyWords(words[:i]), tidyWords(words[i:])
		}
	}
	return tidyWords(words[:1]), tidyWords(words[1:])
}

// isParticle tells a name particle: "de", "du", "Le", "d'Alembert" (whose apostrophe makes it
// one word with the name).
func isParticle(w string) bool {
	lower := strings.ToLower(w)
	if strings.HasPrefix(lower, "d'") || strings.HasPrefix(lower, "d’") {
		return utf8.RuneCountInString(w) > 2
	}
	return nameParticles[domain.FoldText(w)]
}

// tidyName puts a name written in capitals in title case ("MARTIN" → "Martin",
// "DE LA FONTAINE" → "De La Fontaine") and leaves any other as written.
func tidyName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if isAllCaps(s) {
		return titleCase(s)
	}
	return s
}

// tidyWords joins words, putting those in capitals in title case.
func tidyWords(words []string) string {
	out := make([]string, len(words))
	for i, w := range words {
		if isAllCaps(w) {
			out[i] = titleCase(w)
		} else {
			out[i] = w
		}
	}
	return strings.Join(out, " ")
}

// isAllCaps tells a word (or name) written in capitals: at least two upper-case letters and no
// lower-case one. Scripts without case never are.
func isAllCaps(s string) bool {
	upper := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			upper++
		}
	}
	return upper >= 2
}

// titleCase writes each part of a name with a capital: after a space, a hyphen or an apostrophe
// ("SAINT-EXUPÉRY" → "Saint-Exupéry", "D'ALEMBERT" → "D'Alembert", "ŒUVRE" → "Œuvre").
func titleCase(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := true
	for _, r := range s {
		if start {
			b.WriteRune(unicode.ToTitle(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = r == ' ' || r == '-' || r == '\'' || r == '’'
	}
	return b.String()
}
