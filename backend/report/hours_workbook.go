package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/xuri/excelize/v2"
)

// HourRow is one hour entry as the hours workbook shows it, with every name already resolved
// and translated by the caller.
type HourRow struct {
	Date        string // YYYY-MM-DD
	Volunteer   string // full name
	Project     string
	Association string
	Sponsor     string // empty when the project has none
	Skill       string // the skill's name in the reader's language; empty for none
	Minutes     int
	// ValueCents is the entry's value in euro cents as the caller counts it (usually only
	// for approved hours).
	ValueCents int64
	Status     domain.HourStatus
}

// HourRowSource yields hour entries one at a time and false when done, so that a million rows
// never sit in memory. An error (the job's cancellation, say) stops the writer, which returns
// it.
type HourRowSource func() (HourRow, bool, error)

// HoursWorkbookLabels carries every word of the hours workbook in the reader's language.
type HoursWorkbookLabels struct {
	// Locale is "fr" or "en" (anything not starting with "en" is French): it decides the date
	// format (dd/mm/yyyy or yyyy-mm-dd) and how euros show.
	Locale string
	// SheetName names the entries' sheet ("Heures" / "Hours"); further sheets add " (2)"…
	SheetName string
	// TotalsSheetName names the last sheet, the totals by status ("Totaux" / "Totals").
	TotalsSheetName string
	Headers         HoursWorkbookHeaders
	// Statuses gives the word for each status ("approuvée"); a status without one shows its
	// code.
	Statuses map[domain.HourStatus]string
	Totals   HoursTotalsLabels
}

// HoursWorkbookHeaders are the column titles of the entries' sheet, in column order. An empty
// title falls back to the field's API name.
type HoursWorkbookHeaders struct {
	Date, Volunteer, Project, Association, Sponsor, Skill, Hours, Value, Status string
}

// HoursTotalsLabels are the words of the totals sheet: its column titles and the word of the
// last row ("Total").
type HoursTotalsLabels struct {
	Status, Entries, Hours, Value, Total string
}

// The hours sheet's columns.
const (
	hColDate = iota
	hColVolunteer
	hColProject
	hColAssociation
	hColSponsor
	hColSkill
	hColHours
	hColValue
	hColStatus
	hNumColumns
)

func orDefault(s, fallback string) string {
	if strings.TrimSpace(s) == "" {
		return fallback
	}
	return s
}

// hoursFormats are the number formats of one locale.
type hoursFormats struct {
	date, hours, euros string
}

func hoursFormatsFor(locale string) hoursFormats {
	if newDocLang(locale).en {
		return hoursFormats{date: "yyyy-mm-dd", hours: "0.00", euros: `"€"#,##0.00`}
	}
	return hoursFormats{date: "dd/mm/yyyy", hours: "0.00", euros: `#,##0.00 "€"`}
}

// hoursTotal is the running total of one status.
type hoursTotal struct {
	entries int
	minutes int64
	cents   int64
}

// WriteHoursXLSX writes hour entries as an Excel workbook: one row per entry with a real date
// cell, the hours and the value as numbers (formats "0.00" and euros), a bold, frozen header
// with an autofilter, and text that a spreadsheet could take for a formula (starting with =,
// +, -, @, a tab or a carriage return) neutralised with a leading apostrophe. Past 1,048,575
// entries it goes on in a new sheet. A last sheet gives the number of entries, the hours and
// the value by status and in total, summed while streaming and written as plain numbers (not
// formulas), so they are right even in a viewer that does not compute. Nothing is written to w
// before every entry has been read. rows is the number of entries written.
func WriteHoursXLSX(w io.Writer, src HourRowSource, labels HoursWorkbookLabels) (rows int, err error) {
	english := newDocLang(labels.Locale).en
	formats := hoursFormatsFor(labels.Locale)
	h := labels.Headers
	titles := [hNumColumns]string{
		orDefault(h.Date, "date"), orDefault(h.Volunteer, "volunteer"), orDefault(h.Project, "project"),
		orDefault(h.Association, "association"), orDefault(h.Sponsor, "sponsor"), orDefault(h.Skill, "skill"),
		orDefault(h.Hours, "hours"), orDefault(h.Value, "value"), orDefault(h.Status, "status"),
	}
	defaultSheet, defaultTotals := "Heures", "Totaux"
	if english {
		defaultSheet, defaultTotals = "Hours", "Totals"
	}

	f := newWorkbook()
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("report: closing workbook: %w", cerr)
		}
	}()
	st, err := newHoursStyles(f, formats)
	if err != nil {
		return 0, err
	}
	widths := [hNumColumns]float64{12, 24, 32, 28, 24, 24, 10, 13, 13}
	styles := [hNumColumns]int{st.date, st.text, st.text, st.text, st.text, st.text, st.hours, st.euros, st.text}
	cols := make([]sheetColumn, hNumColumns)
	for i := range cols {
		cols[i] = sheetColumn{title: neutralizeFormula(titles[i]), width: widths[i], style: styles[i]}
	}
	stream := &sheetStream{f: f, base: sheetNameOr(labels.SheetName, defaultSheet), cols: cols, header: st.header}
	if err := stream.start(); err != nil {
		return 0, err
	}

	totals := map[domain.HourStatus]*hoursTotal{}
	values := make([]any, hNumColumns)
	for {
		r, ok, err := src()
		if err != nil {
			return rows, fmt.Errorf("report: reading hour entries: %w", err)
		}
		if !ok {
			break
		}
		for i := range values {
			values[i] = nil
		}
		if d, ok := parseDay(r.Date); ok && d.Year() >= 1900 {
			values[hColDate] = d
		} else if r.Date != "" {
			values[hColDate] = neutralizeFormula(r.Date) // shown as given rather than lost
		}
		setText(values, hColVolunteer, r.Volunteer)
		setText(values, hColProject, r.Project)
		setText(values, hColAssociation, r.Association)
		setText(values, hColSponsor, r.Sponsor)
		setText(values, hColSkill, r.Skill)
		values[hColHours] = float64(r.Minutes) / 60
		values[hColValue] = float64(r.ValueCents) / 100
		setText(values, hColStatus, statusWord(labels.Statuses, r.Status))
		if err := stream.add(values); err != nil {
			return rows, err
		}
		t := totals[r.Status]
		if t == nil {
			t = &hoursTotal{}
			totals[r.Status] = t
		}
		t.entries++
		t.minutes += int64(r.Minutes)
		t.cents += r.ValueCents
		rows++
	}
	if err := stream.finish(); err != nil {
		return rows, err
	}
	totalsSheet := uniqueSheetName(sheetNameOr(labels.TotalsSheetName, defaultTotals), stream.names)
	if err := writeHoursTotals(f, totalsSheet, totals, labels, st); err != nil {
		return rows, err
	}
	// The first sheet is the active one already (SetActiveSheet would parse every streamed
	// sheet back into memory).
	if err := writeWorkbook(f, w); err != nil {
		return rows, fmt.Errorf("report: writing workbook: %w", err)
	}
	return rows, nil
}

// setText puts neutralised text in values[i], or leaves the cell empty.
func setText(values []any, i int, s string) {
	if s != "" {
		values[i] = neutralizeFormula(s)
	}
}

func statusWord(words map[domain.HourStatus]string, s domain.HourStatus) string {
	if w := strings.TrimSpace(words[s]); w != "" {
		return w
	}
	return string(s)
}

// hoursStyles are the style IDs of the hours workbook.
type hoursStyles struct {
	header, text, date, hours, euros, integer, boldText, boldHours, boldEuros, boldInteger int
}

func newHoursStyles(f *excelize.File, formats hoursFormats) (hoursStyles, error) {
	var s hoursStyles
	top := &excelize.Alignment{Vertical: "top"}
	bold := &excelize.Font{Bold: true}
	rule := []excelize.Border{{Type: "top", Color: "808080", Style: 1}}
	defs := []struct {
		id    *int
		style *excelize.Style
	}{
		{&s.header, headerStyle()},
		{&s.text, &excelize.Style{Alignment: top}},
		{&s.date, &excelize.Style{Alignment: top, CustomNumFmt: &formats.date}},
		{&s.hours, &excelize.Style{Alignment: top, CustomNumFmt: &formats.hours}},
		{&s.euros, &excelize.Style{Alignment: top, CustomNumFmt: &formats.euros}},
		{&s.integer, &excelize.Style{Alignment: top, NumFmt: 1}}, // "0"
		{&s.boldText, &excelize.Style{Font: bold, Border: rule}},
		{&s.boldHours, &excelize.Style{Font: bold, Border: rule, CustomNumFmt: &formats.hours}},
		{&s.boldEuros, &excelize.Style{Font: bold, Border: rule, CustomNumFmt: &formats.euros}},
		{&s.boldInteger, &excelize.Style{Font: bold, Border: rule, NumFmt: 1}},
	}
	for _, d := range defs {
		id, err := newStyle(f, d.style)
		if err != nil {
			return s, err
		}
		*d.id = id
	}
	return s, nil
}

// writeHoursTotals writes the totals sheet: a row per status (the known ones in review order,
// even at zero, then any other met), then the total.
func writeHoursTotals(f *excelize.File, sheet string, totals map[domain.HourStatus]*hoursTotal, labels HoursWorkbookLabels, st hoursStyles) error {
	if _, err := f.NewSheet(sheet); err != nil {
		return fmt.Errorf("report: adding sheet %q: %w", sheet, err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("report: opening sheet %q: %w", sheet, err)
	}
	tl := labels.Totals
	cols := []sheetColumn{
		{title: neutralizeFormula(orDefault(tl.Status, "status")), width: 18, style: st.text},
		{title: neutralizeFormula(orDefault(tl.Entries, "entries")), width: 12, style: st.integer},
		{title: neutralizeFormula(orDefault(tl.Hours, "hours")), width: 14, style: st.hours},
		{title: neutralizeFormula(orDefault(tl.Value, "value")), width: 16, style: st.euros},
	}
	if err := prepareStreamSheet(sw, cols, st.header, 0); err != nil {
		return err
	}
	statuses := slices.Clone(domain.HourStatuses)
	var others []domain.HourStatus
	for s := range totals {
		if !slices.Contains(statuses, s) {
			others = append(others, s)
		}
	}
	slices.Sort(others)
	statuses = append(statuses, others...)

	var all hoursTotal
	row := 1
	for _, s := range statuses {
		t := totals[s]
		if t == nil {
			t = &hoursTotal{}
		}
		all.entries += t.entries
		all.minutes += t.minutes
		all.cents += t.cents
		row++
		cell, _ := excelize.CoordinatesToCellName(1, row)
		if err := sw.SetRow(cell, []any{
			neutralizeFormula(statusWord(labels.Statuses, s)), t.entries,
			float64(t.minutes) / 60, float64(t.cents) / 100,
		}); err != nil {
			return fmt.Errorf("report: writing the totals: %w", err)
		}
	}
	row++
	cell, _ := excelize.CoordinatesToCellName(1, row)
	if err := sw.SetRow(cell, []any{
		excelize.Cell{StyleID: st.boldText, Value: neutralizeFormula(orDefault(tl.Total, "Total"))},
		excelize.Cell{StyleID: st.boldInteger, Value: all.entries},
		excelize.Cell{StyleID: st.boldHours, Value: float64(all.minutes) / 60},
		excelize.Cell{StyleID: st.boldEuros, Value: float64(all.cents) / 100},
	}); err != nil {
		return fmt.Errorf("report: writing the totals: %w", err)
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("report: writing sheet %q: %w", sheet, err)
	}
	return nil
}
