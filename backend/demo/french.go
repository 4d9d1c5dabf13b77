package demo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/civisphere/civisphere/backend/domain"
)

// causeInfo is how a cause reads in French.
type causeInfo struct {
	label   string  // spreadsheet column: "Environnement"
	article string  // "la", "le", "l'", "les" — of phrase
	phrase  string  // without its article: "protection de l'environnement"
	weight  float64 // how many volunteers care about it, relatively
}

var causesFR = map[domain.Cause]causeInfo{
	"education":     {"Éducation", "l'", "éducation", 13},
	"health":        {"Santé", "l'", "accès aux soins", 8},
	"environment":   {"Environnement", "la", "protection de l'environnement", 12},
	"solidarity":    {"Solidarité", "la", "lutte contre la précarité", 14},
	"culture":       {"Culture", "l'", "accès à la culture", 8},
	"sport":         {"Sport", "le", "sport pour tous", 4},
	"employment":    {"Emploi", "l'", "insertion professionnelle", 7},
	"disability":    {"Handicap", "l'", "inclusion des personnes en situation de handicap", 5},
	"humanRights":   {"Droits humains", "la", "défense des droits humains", 5},
	"animals":       {"Protection animale", "la", "protection animale", 4},
	"childhood":     {"Enfance", "la", "protection de l'enfance", 7},
	"elderly":       {"Personnes âgées", "l'", "accompagnement des personnes âgées", 5},
	"housing":       {"Logement", "l'", "accès au logement", 5},
	"international": {"Solidarité internationale", "la", "solidarité internationale", 4},
	"citizenship":   {"Citoyenneté", "la", "vie citoyenne", 4},
	"heritage":      {"Patrimoine", "la", "sauvegarde du patrimoine", 3},
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

// languageInfo is how a language is named in French: as a noun in a list ("Anglais") and after
// "je parle" ("anglais").
type languageInfo struct{ label, spoken string }

var languagesFR = map[string]languageInfo{
	"fr": {"Français", "français"}, "en": {"Anglais", "anglais"}, "es": {"Espagnol", "espagnol"},
	"de": {"Allemand", "allemand"}, "it": {"Italien", "italien"}, "ar": {"Arabe", "arabe"},
	"pt": {"Portugais", "portugais"}, "ro": {"Roumain", "roumain"}, "pl": {"Polonais", "polonais"},
	"vi": {"Vietnamien", "vietnamien"}, "zh": {"Chinois", "chinois"}, "ru": {"Russe", "russe"},
	"uk": {"Ukrainien", "ukrainien"}, "tr": {"Turc", "turc"}, "hy": {"Arménien", "arménien"},
	"wo": {"Wolof", "wolof"}, "ln": {"Lingala", "lingala"}, "nl": {"Néerlandais", "néerlandais"},
	"fsl": {"Langue des signes française", "la langue des signes française"},
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
