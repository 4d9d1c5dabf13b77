package importer

import (
	"strings"
	"unicode/utf8"

	"github.com/civisphere/civisphere/backend/domain"
)

// maxCellItems caps the items read from one list cell; a profile holds at most 50 skills.
const maxCellItems = 500

// cellSkill is one skill read from a cell.
type cellSkill struct {
	Name     string
	Level    domain.SkillLevel
	HasLevel bool // the level was written in the cell, so a Level column does not override it
}

// parseSkillsCell reads a cell listing skills: they are separated by "," ";" "/" "|" line breaks
// or a dash with spaces around it (" - "; the hyphen of "e-mailing" or "Sous-titrage" is part of
// the word), and each may carry a level: "Comptabilité (expert)", "Comptabilité : confirmé",
// "Graphisme - débutant". Parentheses that do not hold a level stay in the name
// ("Référencement (SEO)"), and separators inside them do not split ("Bureautique (Word, Excel)").
func parseSkillsCell(s string) []cellSkill {
	var skills []cellSkill
	for _, item := range splitList(s, true) {
		name, lvl, has := splitSkillLevel(item)
		if l, ok := levelText(name); ok {
			// "Graphisme - débutant": the level of the skill before ("expert : 4" is a level too).
			if n := len(skills); n > 0 && !skills[n-1].HasLevel {
				skills[n-1].Level, skills[n-1].HasLevel = l, true
			}
			continue
		}
		if name == "" {
			continue
		}
		if !has {
			lvl, _ = domain.ParseSkillLevel("")
		}
		skills = append(skills, cellSkill{Name: name, Level: lvl, HasLevel: has})
	}
	return skills
}

// splitSkillLevel separates a level written after a skill, in parentheses or after a colon.
func splitSkillLevel(item string) (name string, level domain.SkillLevel, ok bool) {
	item = strings.TrimSpace(item)
	if strings.HasSuffix(item, ")") {
		if open := matchingParen(item); open > 0 {
			if lvl, ok := levelText(item[open+1 : len(item)-1]); ok {
				return strings.TrimSpace(item[:open]), lvl, true
			}
		}
	}
	if colon := strings.LastIndexAny(item, ":："); colon > 0 {
		if lvl, ok := levelText(item[colon+1:]); ok {
			return strings.TrimSpace(strings.TrimRight(item[:colon], " :")), lvl, true
		}
	}
	return item, "", false
}

// matchingParen returns the index of the "(" that the final ")" of s closes, or -1.
func matchingParen(s string) int {
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// levelText reads a level on its own: "expert", "Confirmé", "niveau débutant", "level 3".
func levelText(s string) (domain.SkillLevel, bool) {
	if len(s) > 40 {
		return "", false // the longest level word with "niveau" before it is far shorter
	}
	f := domain.FoldText(s)
	for _, prefix := range []string{"niveau ", "level ", "niv "} {
		f = strings.TrimPrefix(f, prefix)
	}
	if f == "" {
		return "", false
	}
	return domain.ParseSkillLevel(f)
}

// splitList splits a cell listing several items: on "," ";" "|" line breaks and a dash with
// spaces around it, and, when slash is true, on "/". Separators inside parentheses or brackets
// do not split. Items are trimmed; empty ones are dropped.
func splitList(s string, slash bool) []string {
	var items []string
	depth, start := 0, 0
	emit := func(end int) {
		if item := strings.TrimSpace(s[start:end]); item != "" && len(items) < maxCellItems {
			items = append(items, item)
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		sep := 0
		switch r {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth = max(depth-1, 0)
		case ',', ';', '|', '\n', '\r', '•', '·', '\t':
			sep = size
		case '/':
			if slash {
				sep = size
			}
		case '-', '–', '—':
			// A dash between spaces separates; a hyphen inside a word does not.
			if i > 0 && s[i-1] == ' ' && i+size < len(s) && s[i+size] == ' ' {
				sep = size
			}
		}
		if sep > 0 && depth == 0 {
			emit(i)
			start = i + sep
		}
		i += size
	}
	emit(len(s))
	return items
}
