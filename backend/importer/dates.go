package importer

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/civisphere/civisphere/backend/domain"
)

const (
	maxExcelSerial = 2958465 // 9999-12-31
	minYear        = 1900
	maxYear        = 2100
)

var (
	excel1900Epoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	excel1904Epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
)

// serialToDate converts a spreadsheet date serial number to YYYY-MM-DD, keeping the day of a
// date and time. In the 1900 date system, serials before 1 March 1900 follow Excel, which counts
// a 29 February 1900 that never existed.
func serialToDate(raw string, date1904 bool) (string, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil || math.IsNaN(v) || v < 1 || v > maxExcelSerial {
		return "", false
	}
	days := int(math.Floor(v + 0.5/86400)) // a time of 23:59:59.6 belongs to the next day, as shown
	var t time.Time
	switch {
	case date1904:
		t = excel1904Epoch.AddDate(0, 0, days)
	case days <= 60:
		t = excel1900Epoch.AddDate(0, 0, days+1)
	default:
		t = excel1900Epoch.AddDate(0, 0, days)
	}
	return t.Format(time.DateOnly), true
}

// serialToTime converts a spreadsheet time (a fraction of a day, or more for a duration) to
// HH:MM, or HH:MM:SS when there are seconds.
func serialToTime(raw string) (string, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil || math.IsNaN(v) || v < 0 || v > 1e6 {
		return "", false
	}
	total := int(math.Round(v * 86400))
	h, m, s := total/3600, total/60%60, total%60
	if s != 0 {
		return fmt.Sprintf("%02d:%02d:%02d", h, m, s), true
	}
	return fmt.Sprintf("%02d:%02d", h, m), true
}

// monthNames are the French and English month names and their usual abbreviations, folded.
var monthNames = map[string]int{
	"janvier": 1, "janv": 1, "jan": 1, "january": 1,
	"fevrier": 2, "fevr": 2, "fev": 2, "feb": 2, "february": 2,
	"mars": 3, "mar": 3, "march": 3,
	"avril": 4, "avr": 4, "apr": 4, "april": 4,
	"mai": 5, "may": 5,
	"juin": 6, "jun": 6, "june": 6,
	"juillet": 7, "juil": 7, "jul": 7, "july": 7,
	"aout": 8, "aou": 8, "aug": 8, "august": 8,
	"septembre": 9, "sept": 9, "sep": 9, "september": 9,
	"octobre": 10, "oct": 10, "october": 10,
	"novembre": 11, "nov": 11, "november": 11,
	"decembre": 12, "dec": 12, "december": 12,
}

// dateNoise are words that may surround a date and say nothing about it.
var dateNoise = map[string]bool{
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"le": true, "the": true, "of": true, "en": true, "depuis": true, "since": true,
}

// ordinalSuffixes follow a day number: "1er mars", "March 1st".
var ordinalSuffixes = map[string]bool{"er": true, "re": true, "e": true, "st": true, "nd": true, "rd": true, "th": true}

type dateToken struct {
	num    int
	digits int    // > 0 for a number
	word   string // folded, for a word
}

// parseDate reads a date as people write it in French and English files and returns it as
// YYYY-MM-DD: 25/11/2026, 5/3/26, 25.11.2026, 25-11-2026, 2026-11-25 (with or without a time),
// 25 novembre 2026, 1er mars 2026, November 25, 2026, a month (11/2026, novembre 2026: its first
// day), a year (2019: 1 January), or a spreadsheet serial number (46351). ok is false for text
// that is not a date or names a day that does not exist (31/02/2024, 2024-13-01). Empty text is
// an empty date.
func parseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	if digits := integerText(s); digits != "" && len(digits) == 5 {
		// A date column exported without its format: a serial number (10000 is 1927-05-18).
		d, ok := serialToDate(digits, false)
		if !ok || d > fmt.Sprintf("%d-12-31", maxYear) {
			return "", false
		}
		return d, true
	}
	tokens, ok := dateTokens(s)
	if !ok {
		return "", false
	}
	var y, m, d int
	switch {
	case len(tokens) == 3 && tokens[0].digits == 4 && tokens[1].digits > 0 && tokens[2].digits > 0:
		y, m, d = tokens[0].num, tokens[1].num, tokens[2].num // 2026-11-25, 2026/11/25
	case len(tokens) == 3 && tokens[0].digits > 0 && tokens[1].digits > 0 && (tokens[2].digits == 2 || tokens[2].digits == 4):
		d, m, y = tokens[0].num, tokens[1].num, fullYear(tokens[2])
		if m > 12 && d <= 12 {
			d, m = m, d // 11/25/2026, as American files write it
		}
	case len(tokens) == 3 && tokens[0].digits > 0 && tokens[1].word != "" && tokens[2].digits > 0:
		d, m, y = tokens[0].num, monthNames[tokens[1].word], fullYear(tokens[2])
	case len(tokens) == 3 && tokens[0].word != "" && tokens[1].digits > 0 && tokens[2].digits > 0:
		m, d, y = monthNames[tokens[0].word], tokens[1].num, fullYear(tokens[2])
	case len(tokens) == 2 && tokens[0].digits > 0 && tokens[0].digits <= 2 && tokens[1].digits == 4:
		d, m, y = 1, tokens[0].num, tokens[1].num
	case len(tokens) == 2 && tokens[0].word != "" && tokens[1].digits == 4:
		d, m, y = 1, monthNames[tokens[0].word], tokens[1].num
	case len(tokens) == 1 && tokens[0].digits == 4:
		d, m, y = 1, 1, tokens[0].num
	default:
		return "", false
	}
	return validDate(y, m, d)
}

// dateTokens splits a date into numbers and month names, dropping a time of day, weekday names
// and ordinal suffixes. ok is false when a word is not part of a date.
func dateTokens(s string) ([]dateToken, bool) {
	if i := strings.IndexByte(s, ':'); i > 0 {
		// Drop the time: cut before the number that starts it ("2026-11-25T10:00", "25/11/2026 10:00").
		j := i
		for j > 0 && s[j-1] >= '0' && s[j-1] <= '9' {
			j--
		}
		s = strings.TrimRight(s[:j], " Ta-à,")
		s = strings.TrimSuffix(strings.TrimSpace(s), " at")
	}
	var tokens []dateToken
	for i := 0; i < len(s); {
		r := rune(s[i])
		switch {
		case r >= '0' && r <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j-i > 4 {
				return nil, false
			}
			n, _ := strconv.Atoi(s[i:j])
			tokens = append(tokens, dateToken{num: n, digits: j - i})
			i = j
		case r < 0x80 && !unicode.IsLetter(r):
			i++
		default:
			j := i
			for j < len(s) && (s[j] >= 0x80 || unicode.IsLetter(rune(s[j]))) {
				j++
			}
			word := domain.FoldText(s[i:j])
			i = j
			switch {
			case word == "" || dateNoise[word]:
			case ordinalSuffixes[word] && len(tokens) > 0 && tokens[len(tokens)-1].digits > 0:
			case monthNames[word] > 0:
				tokens = append(tokens, dateToken{word: word})
			default:
				return nil, false
			}
		}
		if len(tokens) > 3 {
			return nil, false
		}
	}
	return tokens, true
}

// fullYear reads a two-digit year as spreadsheets do: 00–29 are 2000–2029, 30–99 are 1930–1999.
func fullYear(t dateToken) int {
	if t.digits == 2 {
		if t.num < 30 {
			return 2000 + t.num
		}
		return 1900 + t.num
	}
	return t.num
}

// validDate formats a calendar day, or fails when it does not exist.
func validDate(y, m, d int) (string, bool) {
	if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return "", false
	}
	return t.Format(time.DateOnly), true
}
