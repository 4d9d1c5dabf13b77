package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// CalendarEvent is one all-day entry of an iCalendar file: a milestone or a task's due date.
type CalendarEvent struct {
	UID         string // stable across exports, so that a calendar app updates instead of duplicating
	Date        string // YYYY-MM-DD
	Summary     string
	Description string
	URL         string // optional link back to the project
}

// Calendar is what an .ics file holds.
type Calendar struct {
	Name    string // shown by calendar apps as the calendar's name
	Stamp   time.Time
	Events  []CalendarEvent
	Product string // PRODID, e.g. "-//Civisphère//Agenda//FR"
}

// WriteICS writes cal as an iCalendar (RFC 5545) file: CRLF line ends, lines folded at 75
// octets without splitting a UTF-8 character, text escaped, all-day events as
// DTSTART;VALUE=DATE with the next day as DTEND.
func WriteICS(w io.Writer, cal Calendar) error {
	bw := bufio.NewWriter(w)
	line := func(name, value string) {
		writeFolded(bw, name+":"+value)
	}
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", cal.Product)
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	if cal.Name != "" {
		line("X-WR-CALNAME", escapeText(cal.Name))
	}
	stamp := cal.Stamp.UTC().Format("20060102T150405Z")
	for _, e := range cal.Events {
		day, err := time.Parse(time.DateOnly, e.Date)
		if err != nil {
			return fmt.Errorf("calendar event %q: date %q: %w", e.UID, e.Date, err)
		}
		line("BEGIN", "VEVENT")
		line("UID", escapeText(e.UID))
		line("DTSTAMP", stamp)
		line("DTSTART;VALUE=DATE", day.Format("20060102"))
		line("DTEND;VALUE=DATE", day.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY", escapeText(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION", escapeText(e.Description))
		}
		if e.URL != "" {
			line("URL", e.URL)
		}
		line("TRANSP", "TRANSPARENT") // an all-day milestone does not make anyone busy
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write calendar: %w", err)
	}
	return nil
}

// escapeText escapes a TEXT value: backslash, semicolon, comma and line breaks.
func escapeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.NewReplacer(`\`, `\\`, `;`, `\;`, `,`, `\,`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// writeFolded writes one content line, folded so that no physical line exceeds 75 octets; a
// continuation line starts with a space, which counts in its 75.
func writeFolded(w *bufio.Writer, s string) {
	const limit = 75
	width := limit
	for len(s) > width {
		cut := width
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		width = limit - 1
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}
