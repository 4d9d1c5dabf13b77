package report

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// docLang is the language of a PDF document: its phrases and the way it writes numbers, money
// and dates. French writes "1 234,5 h", "12 345 €" and "3 mars 2026" (thousands separated by a
// narrow no-break space, a no-break space before the unit, as the app's screens do); English
// writes "1,234.5 h", "€12,345" and "3 March 2026" (British usage, as the screens do).
type docLang struct {
	en    bool
	words map[string]string
}

const (
	nbsp  = "\u00a0" // no-break space: before a unit
	nnbsp = "\u202f" // narrow no-break space: between thousands in French
)

// newDocLang picks English for a locale starting with "en" and French for anything else, as
// the rest of the app does.
func newDocLang(locale string) docLang {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(locale)), "en") {
		return docLang{en: true, words: documentWords["en"]}
	}
	return docLang{words: documentWords["fr"]}
}

// word gives the phrase of key with its placeholders filled from pairs of name and value:
// word("page_of", "page", "2", "total", "7"). A missing key gives the key itself, so that a
// forgotten phrase shows rather than vanishes.
func (l docLang) word(key string, pairs ...string) string {
	s, ok := l.words[key]
	if !ok {
		return key
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	return s
}

// plural gives the "_one" or "_other" phrase of key for n, with {n} filled with n written in
// the language. French counts 0 and 1 as singular; English only 1.
func (l docLang) plural(key string, n int, pairs ...string) string {
	return l.pluralOf(key, float64(n), l.integer(int64(n)), pairs...)
}

// pluralOf is plural for a number already written (hours: "1,5 heure", "2 heures").
func (l docLang) pluralOf(key string, n float64, written string, pairs ...string) string {
	one := n == 1
	if !l.en {
		one = math.Abs(n) < 2
	}
	if one {
		key += "_one"
	} else {
		key += "_other"
	}
	return l.word(key, append([]string{"n", written}, pairs...)...)
}

// integer writes n with its thousands grouped: "12 345" / "12,345".
func (l docLang) integer(n int64) string {
	return l.number(float64(n), 0)
}

// number writes v with at most decimals digits after the separator, trailing zeros removed:
// number(1234.5, 2) is "1 234,5" in French and "1,234.5" in English.
func (l docLang) number(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	if strings.Trim(intPart, "0") == "" && frac == "" {
		neg = false // no "-0"
	}
	sep, point := nnbsp, ","
	if l.en {
		sep, point = ",", "."
	}
	var b strings.Builder
	if neg {
		b.WriteString("-")
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(point)
		b.WriteString(frac)
	}
	return b.String()
}

// hoursValue is minutes as decimal hours, rounded to the hundredth as everywhere in the app.
func hoursValue(minutes int) float64 { return math.Round(float64(minutes)/60*100) / 100 }

// hours writes minutes as decimal hours with the unit: "1 234,5 h" / "1,234.5 h".
func (l docLang) hours(minutes int) string {
	return l.number(hoursValue(minutes), 2) + nbsp + "h"
}

// money writes cents as whole euros: "12 345 €" / "€12,345". Reports and certificates show
// rounded euros: the value of volunteering is an estimate, and cents would suggest a precision
// it does not have.
func (l docLang) money(cents int64) string {
	euros := l.integer(int64(math.Round(float64(cents) / 100)))
	if l.en {
		if strings.HasPrefix(euros, "-") {
			return "-€" + euros[1:]
		}
		return "€" + euros
	}
	return euros + nbsp + "€"
}

var (
	monthsFR      = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	monthsEN      = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	shortMonthsFR = [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}
	shortMonthsEN = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

// parseDay reads a YYYY-MM-DD date.
func parseDay(s string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	return t, err == nil
}

// date writes a YYYY-MM-DD date in words: "1er mars 2026", "3 mars 2026" / "3 March 2026".
// Text that is not such a date is given back as it is, so that nothing is lost.
func (l docLang) date(iso string) string {
	t, ok := parseDay(iso)
	if !ok {
		return strings.TrimSpace(iso)
	}
	return l.dateOf(t)
}

func (l docLang) dateOf(t time.Time) string {
	if l.en {
		return strconv.Itoa(t.Day()) + " " + monthsEN[t.Month()-1] + " " + strconv.Itoa(t.Year())
	}
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = "1er"
	}
	return day + " " + monthsFR[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// shortDate writes a YYYY-MM-DD date as 03/03/2026, in both languages as the screens do.
func (l docLang) shortDate(iso string) string {
	t, ok := parseDay(iso)
	if !ok {
		return strings.TrimSpace(iso)
	}
	return t.Format("02/01/2006")
}

// month reads a "2026-03" month and gives its short name ("mars" / "Mar") and year.
func (l docLang) month(ym string) (name string, year int, ok bool) {
	t, err := time.Parse("2006-01", strings.TrimSpace(ym))
	if err != nil {
		return strings.TrimSpace(ym), 0, false
	}
	if l.en {
		return shortMonthsEN[t.Month()-1], t.Year(), true
	}
	return shortMonthsFR[t.Month()-1], t.Year(), true
}

// list joins names the way a sentence does: "A, B et C" / "A, B and C".
func (l docLang) list(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + l.word("and") + names[len(names)-1]
}
