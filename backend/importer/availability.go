package importer

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/civisphere/civisphere/backend/domain"
)

// availability is what a free-text availability cell says. Words it does not know are ignored.
type availability struct {
	days     [7]bool // Monday first, as domain.Weekdays
	evenings bool
	weekends bool
	hours    float64 // per month
	hasHours bool
	onsite   bool
	remote   bool
	either   bool
}

func (a availability) mode() domain.WorkMode {
	switch {
	case a.either || (a.onsite && a.remote):
		return domain.ModeEither
	case a.onsite:
		return domain.ModeOnSite
	case a.remote:
		return domain.ModeRemote
	}
	return domain.ModeUnspecified
}

func (a availability) dayList() []string {
	var days []string
	for i, on := range a.days {
		if on {
			days = append(days, domain.Weekdays[i])
		}
	}
	return days
}

// dayWords are the names of the days in French and English, with plurals and abbreviations
// ("mon" is left out: in French it means "my").
var dayWords = map[string]int{
	"lundi": 0, "lundis": 0, "lun": 0, "monday": 0, "mondays": 0,
	"mardi": 1, "mardis": 1, "tuesday": 1, "tuesdays": 1, "tue": 1, "tues": 1,
	"mercredi": 2, "mercredis": 2, "mer": 2, "wednesday": 2, "wednesdays": 2, "wed": 2,
	"jeudi": 3, "jeudis": 3, "jeu": 3, "thursday": 3, "thursdays": 3, "thu": 3, "thurs": 3,
	"vendredi": 4, "vendredis": 4, "ven": 4, "friday": 4, "fridays": 4, "fri": 4,
	"samedi": 5, "samedis": 5, "sam": 5, "saturday": 5, "saturdays": 5, "sat": 5,
	"dimanche": 6, "dimanches": 6, "dim": 6, "sunday": 6, "sundays": 6, "sun": 6,
}

// rangeWords join the two ends of a range of days: "du lundi au vendredi", "monday to friday".
var rangeWords = map[string]bool{"au": true, "a": true, "to": true, "till": true, "until": true, "through": true, "thru": true, "jusqu": true, "-": true}

var eveningWords = map[string]bool{"soir": true, "soirs": true, "soiree": true, "soirees": true, "evening": true, "evenings": true, "nocturne": true}

var unitWords = map[string]bool{"h": true, "heure": true, "heures": true, "hour": true, "hours": true, "hr": true, "hrs": true}

// periodWords give the number of times a period fits in a month.
var periodWords = map[string]float64{
	"mois": 1, "month": 1, "months": 1, "mensuel": 1, "mensuels": 1, "mensuelle": 1, "mensuelles": 1, "monthly": 1, "mo": 1,
	"semaine": 4, "semaines": 4, "sem": 4, "week": 4, "weeks": 4, "wk": 4, "hebdo": 4, "hebdomadaire": 4, "hebdomadaires": 4, "weekly": 4,
	"an": 1.0 / 12, "ans": 1.0 / 12, "annee": 1.0 / 12, "year": 1.0 / 12, "years": 1.0 / 12, "annuel": 1.0 / 12, "annuelles": 1.0 / 12, "annuels": 1.0 / 12, "yearly": 1.0 / 12,
}

// perWords may stand between an amount of hours and its period: "4h par semaine".
var perWords = map[string]bool{"par": true, "per": true, "a": true, "by": true, "each": true, "every": true, "chaque": true, "le": true, "la": true, "l": true, "un": true, "une": true, "/": true}

type availToken struct {
	word   string  // folded word, or "-" and "/" for those separators
	num    float64 // for a number
	isNum  bool
	upperW bool // the word was written "WE" (week-end)
}

// tokenizeAvailability splits text into folded words, numbers (with a decimal comma or point)
// and the separators "-" and "/", which matter in "lundi-vendredi" and "10h/mois".
func tokenizeAvailability(s string) []availToken {
	var tokens []availToken
	for i := 0; i < len(s) && len(tokens) < 1000; {
		ch := s[i]
		switch {
		case ch >= '0' && ch <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j+1 < len(s) && (s[j] == ',' || s[j] == '.') && s[j+1] >= '0' && s[j+1] <= '9' {
				j++
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					j++
				}
			}
			n, _ := strconv.ParseFloat(strings.Replace(s[i:j], ",", ".", 1), 64)
			tokens = append(tokens, availToken{num: n, isNum: true})
			i = j
		case ch == '-' || ch == '/':
			tokens = append(tokens, availToken{word: string(ch)})
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == '–' || r == '—' {
				tokens = append(tokens, availToken{word: "-"})
				i += size
				continue
			}
			if !unicode.IsLetter(r) {
				i += size
				continue
			}
			j := i
			for j < len(s) {
				r, size := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
					break
				}
				j += size
			}
			raw := s[i:j]
			i = j
			for _, w := range strings.Fields(domain.FoldText(raw)) {
				tokens = append(tokens, availToken{word: w, upperW: raw == "WE"})
			}
		}
	}
	return tokens
}

// parseAvailability reads free text about when and how someone can help, in French or English:
// days ("lundi", "mardi et jeudi", "du lundi au vendredi", "en semaine", "tous les jours sauf le
// mercredi"), evenings ("soir", "soirées", "evenings"), week-ends, where ("à distance",
// "distanciel", "remote", "télétravail" / "sur place", "présentiel", "on site"; both: either) and
// how much ("10h/mois", "10 heures par mois", "4h par semaine" = 16 a month).
func parseAvailability(s string) availability {
	var a availability
	t := tokenizeAvailability(s)
	word := func(i int) string {
		if i >= 0 && i < len(t) && !t[i].isNum {
			return t[i].word
		}
		return ""
	}
	except := false
	for i := 0; i < len(t); i++ {
		w := word(i)
		if t[i].isNum {
			if hours, next, ok := readHours(t, i); ok {
				if !a.hasHours {
					a.hours, a.hasHours = hours, true
				}
				i = next - 1
			}
			continue
		}
		if d, ok := dayWords[w]; ok {
			// A range: "lundi au vendredi", "lundi-vendredi", "du lundi jusqu'au vendredi".
			j := i + 1
			for j < len(t) && j <= i+2 && rangeWords[word(j)] {
				j++
			}
			if end, ok := dayWords[word(j)]; ok && j > i+1 {
				for k := d; ; k = (k + 1) % 7 {
					a.days[k] = !except
					if k == end {
						break
					}
				}
				i = j
				continue
			}
			a.days[d] = !except
			continue
		}
		switch {
		case w == "sauf" || w == "except" || w == "excepte" || w == "hors" || w == "but":
			except = true
			continue
		case w == "et" || w == "and" || w == "le" || w == "les" || w == "," || w == "ou" || w == "or":
			continue
		case eveningWords[w]:
			a.evenings = true
		case w == "weekend" || w == "weekends" || (w == "we" && t[i].upperW):
			a.weekends = true
		case w == "week" && (word(i+1) == "end" || word(i+1) == "ends" || (word(i+1) == "-" && (word(i+2) == "end" || word(i+2) == "ends"))):
			a.weekends = true
			i++
		case w == "fin" || w == "fins":
			if word(i+1) == "de" && word(i+2) == "semaine" {
				a.weekends = true
				i += 2
			}
		case w == "semaine" && (word(i-1) == "en" || word(i-1) == "la"), w == "weekdays":
			for k := 0; k < 5; k++ {
				a.days[k] = true
			}
		case w == "tous" && word(i+1) == "les" && word(i+2) == "jours", w == "everyday", w == "every" && word(i+1) == "day", w == "daily":
			for k := range a.days {
				a.days[k] = true
			}
		case w == "distance" || w == "distanciel" || w == "remote" || w == "teletravail" || w == "online" || w == "visio" || w == "visioconference" || w == "remotely":
			a.remote = true
		case w == "en" && word(i+1) == "ligne":
			a.remote = true
			i++
		case w == "presentiel" || w == "onsite":
			a.onsite = true
		case w == "sur" && word(i+1) == "place", w == "on" && word(i+1) == "site", w == "in" && word(i+1) == "person", w == "en" && word(i+1) == "personne":
			a.onsite = true
			i++
		case w == "hybride" || w == "mixte" || w == "both" || w == "either" || w == "indifferent" || w == "indifferente":
			a.either = true
		case w == "deux" && word(i-1) == "les":
			a.either = true
		}
		except = false
	}
	return a
}

// readHours reads an amount of hours at t[i]: "10h/mois", "10 heures par mois", "2h30 par
// semaine", "4 h hebdo". It needs a unit and a period; "à 10h" is a time of day, not an amount.
func readHours(t []availToken, i int) (perMonth float64, next int, ok bool) {
	amount := t[i].num
	j := i + 1
	if j >= len(t) || t[j].isNum || !unitWords[t[j].word] {
		return 0, i + 1, false
	}
	j++
	if j < len(t) && t[j].isNum && t[j].num < 60 { // 2h30
		amount += t[j].num / 60
		j++
	}
	for k := 0; k < 2 && j < len(t) && !t[j].isNum && perWords[t[j].word]; k++ {
		j++
	}
	if j >= len(t) || t[j].isNum {
		return 0, i + 1, false
	}
	factor, ok := periodWords[t[j].word]
	if !ok {
		return 0, i + 1, false
	}
	return amount * factor, j + 1, true
}

// parseHoursCell reads a "Heures par mois" cell: a number ("10", "7,5") or an amount with its
// period ("4h par semaine"); a bare "10h" is per month, as the column says.
func parseHoursCell(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	if f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64); err == nil {
		if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e6 {
			return 0, false
		}
		return int(math.Round(f)), true
	}
	a := parseAvailability(s)
	if a.hasHours {
		return int(math.Round(a.hours)), true
	}
	t := tokenizeAvailability(s)
	if len(t) == 2 && t[0].isNum && unitWords[t[1].word] {
		return int(math.Round(t[0].num)), true
	}
	return 0, false
}

// parseModeCell reads a "Mode" cell: "Présentiel", "Distanciel", "À distance", "Les deux",
// "Présentiel / distanciel"…
func parseModeCell(s string) (domain.WorkMode, bool) {
	if strings.TrimSpace(s) == "" {
		return domain.ModeUnspecified, true
	}
	switch domain.WorkMode(strings.ToLower(strings.TrimSpace(s))) {
	case domain.ModeOnSite, domain.ModeRemote, domain.ModeEither:
		return domain.WorkMode(strings.ToLower(strings.TrimSpace(s))), true
	}
	if m := parseAvailability(s).mode(); m != domain.ModeUnspecified {
		return m, true
	}
	return domain.ModeUnspecified, false
}
