package importer

import (
	"math"
	"strconv"
	"strings"
)

// plainNumber writes a number stored by a spreadsheet the way a person reads it: without
// exponent, and rounded to the 15 significant digits a spreadsheet shows, so that 6.12345678E8
// gives "612345678" and 0.30000000000000004 gives "0.3". Text that is not a number is returned
// as it is.
func plainNumber(s string) string {
	if !looksNumeric(s) {
		return s
	}
	if !strings.ContainsAny(s, "eE") && significantDigits(s) <= 15 {
		return s
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return s
	}
	f, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// looksNumeric tells whether s is a decimal number as spreadsheets store them: optional sign,
// digits, optional fraction, optional exponent.
func looksNumeric(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		exp := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}

// significantDigits counts the digits of a plain decimal number, leading zeros excluded.
func significantDigits(s string) int {
	n, leading := 0, true
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch < '0' || ch > '9' {
			continue
		}
		if leading && ch == '0' {
			continue
		}
		leading = false
		n++
	}
	return n
}

// zeroPad writes a whole number with at least width digits: 7500 → "07500".
func zeroPad(raw string, width int) (string, bool) {
	s := integerText(raw)
	if s == "" {
		return "", false
	}
	if len(s) < width {
		s = strings.Repeat("0", width-len(s)) + s
	}
	return s, true
}

// integerText returns the digits of a whole non-negative number written as "75011", "75011.0",
// "7.5011E4" or "75011,00"; "" when s is not one.
func integerText(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if i := strings.IndexAny(s, ".,"); i > 0 && strings.Trim(s[i+1:], "0") == "" && allDigits(s[:i]) {
		return s[:i]
	}
	if allDigits(s) {
		return s
	}
	if looksNumeric(s) && strings.ContainsAny(s, "eE") {
		f, err := strconv.ParseFloat(s, 64)
		if err == nil && f >= 0 && f < 1e15 && f == math.Trunc(f) {
			return strconv.FormatFloat(f, 'f', 0, 64)
		}
	}
	return ""
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
