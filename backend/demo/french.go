package demo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/civisphere/civisphere/backend/domain"
)

// causeInfo is how a cause reads in a French sentence (its label comes from the taxonomy).
type causeInfo struct {
	article string  // "la", "le", "l'", "les" — of phrase
	phrase  string  // without its article: "protection de l'environnement"
	weight  float64 // how many volunteers care about it, relatively
}

var causesFR = map[domain.Cause]causeInfo{
	"education":     {"l'", "éducation", 13},
	"health":        {"l'", "accès aux soins", 8},
	"environment":   {"la", "protection de l'environnement", 12},
	"solidarity":    {"la", "lutte contre la précarité", 14},
	"culture":       {"l'", "accès à la culture", 8},
	"sport":         {"le", "sport pour tous", 4},
	"employment":    {"l'", "insertion professionnelle", 7},
	"disability":    {"l'", "inclusion des personnes en situation de handicap", 5},
	"humanRights":   {"la", "défense des droits humains", 5},
	"animals":       {"la", "protection animale", 4},
	"childhood":     {"la", "protection de l'enfance", 7},
	"elderly":       {"l'", "accompagnement des personnes âgées", 5},
	"housing":       {"l'", "accès au logement", 5},
	"international": {"la", "solidarité internationale", 4},
	"citizenship":   {"la", "vie citoyenne", 4},
	"heritage":      {"la", "sauvegarde du patrimoine", 3},
}

// the phrase with its article: "la protection de l'environnement".
func (c causeInfo) plain() string { return joinArticle(c.article, c.phrase) }

// after "à": "à la protection…", "au sport pour tous", "à l'éducation".
func (c causeInfo) withA() string {
	switch c.article {
	case "le":
		return "au " + c.phrase
	case "les":
		return "aux " + c.phrase
	}
	return "à " + joinArticle(c.article, c.phrase)
}

// after "de": "de la protection…", "du sport pour tous", "de l'éducation".
func (c causeInfo) withDe() string {
	switch c.article {
	case "le":
		return "du " + c.phrase
	case "les":
		return "des " + c.phrase
	}
	return "de " + joinArticle(c.article, c.phrase)
}

func joinArticle(article, phrase string) string {
	if strings.HasSuffix(article, "'") {
		return article + phrase
	}
	return article + " " + phrase
}

// languagesSpoken are the languages as they follow "je parle" in a bio; lists in the
// spreadsheet use the taxonomy's labels.
var languagesSpoken = map[string]string{
	"fr": "français", "en": "anglais", "es": "espagnol", "de": "allemand", "it": "italien",
	"ar": "arabe", "pt": "portugais", "ro": "roumain", "pl": "polonais", "vi": "vietnamien",
	"zh": "chinois", "ru": "russe", "uk": "ukrainien", "tr": "turc", "hy": "arménien",
	"wo": "wolof", "ln": "lingala", "nl": "néerlandais", "fsl": "la langue des signes française",
}

var levelsFR = map[domain.SkillLevel]string{
	domain.LevelBeginner: "débutant", domain.LevelIntermediate: "intermédiaire",
	domain.LevelConfirmed: "confirmé", domain.LevelExpert: "expert",
}

var weekdaysFR = map[string]string{
	"monday": "lundi", "tuesday": "mardi", "wednesday": "mercredi", "thursday": "jeudi",
	"friday": "vendredi", "saturday": "samedi", "sunday": "dimanche",
}

// upperFirst capitalises the first letter: "comptable" → "Comptable", "l'éducation" →
// "L'éducation".
func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// de is "de" before a word, elided before a vowel or a mute h: "de comptabilité",
// "d'informatique".
func de(word string) string {
	if startsWithVowel(word) {
		return "d'" + word
	}
	return "de " + word
}

func startsWithVowel(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	f := domain.FoldText(string(r))
	return f != "" && strings.ContainsAny(f[:1], "aeiouyh")
}

// joinFR joins items the French way: "a", "a et b", "a, b et c".
func joinFR(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " et " + items[len(items)-1]
}
