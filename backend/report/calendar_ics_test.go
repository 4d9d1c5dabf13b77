package report

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestWriteICSWritesAllDayEventsFoldedAndEscaped(t *testing.T) {
	long := strings.Repeat("Réunion d’équipe à Besançon, ", 6)
	cal := Calendar{
		Name:    "Projets — Œuvre",
		Product: "-//Civisphère//Agenda//FR",
		Stamp:   time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC),
		Events: []CalendarEvent{
			{UID: "milestone-1@civisphere", Date: "2026-12-31", Summary: "Bilan; comptable, remis", Description: "ligne 1\nligne 2"},
			{UID: "task-2@civisphere", Date: "2027-02-28", Summary: long},
		},
	}
	var buf bytes.Buffer
	if err := WriteICS(&buf, cal); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") || !strings.HasSuffix(out, "END:VCALENDAR\r\n") {
		t.Fatalf("not a calendar:\n%s", out)
	}
	for _, want := range []string{
		"DTSTART;VALUE=DATE:20261231\r\n", "DTEND;VALUE=DATE:20270101\r\n",
		"DTSTART;VALUE=DATE:20270228\r\n", "DTEND;VALUE=DATE:20270301\r\n",
		`SUMMARY:Bilan\; comptable\, remis` + "\r\n", `DESCRIPTION:ligne 1\nligne 2` + "\r\n",
		"DTSTAMP:20261125T093000Z\r\n", "X-WR-CALNAME:Projets — Œuvre\r\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Count(out, "BEGIN:VEVENT") != 2 || strings.Count(out, "END:VEVENT") != 2 {
		t.Errorf("want 2 events:\n%s", out)
	}
	// Every physical line fits in 75 octets and is valid UTF-8; unfolding gives the summary back.
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 || !utf8.ValidString(l) {
			t.Errorf("bad physical line (%d octets): %q", len(l), l)
		}
	}
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	if !strings.Contains(unfolded, "SUMMARY:"+strings.ReplaceAll(long, ",", `\,`)+"\r\n") {
		t.Errorf("folded summary does not unfold to the original")
	}
	if strings.Contains(out, "\n") && strings.Count(out, "\n") != strings.Count(out, "\r\n") {
		t.Error("bare LF line ends")
	}
}

func TestWriteICSRefusesAnImpossibleDate(t *testing.T) {
	err := WriteICS(&bytes.Buffer{}, Calendar{Events: []CalendarEvent{{UID: "x", Date: "2026-02-30"}}})
	if err == nil {
		t.Fatal("want an error for 30 February")
	}
}
