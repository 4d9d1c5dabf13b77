package report

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/xuri/excelize/v2"
)

// VolunteerExportLabels carries every word of the export in the reader's language; the caller
// fills it from the taxonomy and its message catalogue. A nil function falls back to the stored
// code (or, for skills, the stored name), so a missing label never stops an export.
type VolunteerExportLabels struct {
	// Locale is "fr" or "en". It decides the date formats (dd/mm/yyyy or yyyy-mm-dd), the CSV
	// separator (";" or ",") and the default sheet name. Anything that does not start with "en"
	// is treated as French.
	Locale string
	// SheetName is the name of the first sheet ("Bénévoles" / "Volunteers"). Characters Excel
	// refuses in sheet names are replaced and the name is cut to fit 31 characters.
	SheetName string
	Headers   VolunteerExportHeaders
	// SkillName gives the label of a skill ID; fallback is the name stored with the skill (the
	// text typed for a custom skill).
	SkillName func(skillID, fallback string) string
	// Level gives the word for a level: "confirmé" / "confirmed". An empty word leaves the level
	// out of the cell.
	Level func(domain.SkillLevel) string
	Cause func(domain.Cause) string
	// Language gives the name of an ISO 639 code: "fr" → "français".
	Language func(code string) string
	// Availability gives an already-written summary such as "lundi, jeudi, soirs · à distance".
	// Hours per month have their own column.
	Availability func(domain.Availability) string
	Status       func(domain.VolunteerStatus) string
	// Consents writes the consents that hold now ("contact (25/11/2026), photos (…)"); without
	// it the column lists their kinds.
	Consents func([]domain.Consent) string
}

// VolunteerExportHeaders holds the column titles, in the order of the columns. An empty title is
// replaced by the field's API name ("firstName").
type VolunteerExportHeaders struct {
	FirstName     string
	LastName      string
	Email         string
	Phone         string
	City          string
	Postcode      string
	Skills        string
	Causes        string
	Languages     string
	Availability  string
	HoursPerMonth string
	Bio           string
	Notes         string
	JoinedOn      string
	Status        string
	CreatedAt     string
	UpdatedAt     string
	Consents      string
}

// VolunteerSource yields volunteers one at a time (so 100,000 rows never sit in memory twice); it
// returns false when done. Returning an error (for example the context's error when the user
// cancels the export job) stops the writer, which returns that error.
type VolunteerSource func() (domain.Volunteer, bool, error)

// The columns, in order. The kinds decide the cell type and style in XLSX and the formatting in CSV.
type columnKind int

const (
	kindText     columnKind = iota
	kindLongText            // wrapped (bio, notes)
	kindNumber
	kindDate
	kindDateTime
)

type column struct {
	kind  columnKind
	width float64 // in Excel's character widths
}

const (
	colFirstName = iota
	colLastName
	colEmail
	colPhone
	colCity
	colPostcode
	colSkills
	colCauses
	colLanguages
	colAvailability
	colHoursPerMonth
	colBio
	colNotes
	colJoinedOn
	colStatus
	colCreatedAt
	colUpdatedAt
	colConsents
	numColumns
)

var columns = [numColumns]column{
	colFirstName:     {kindText, 16},
	colLastName:      {kindText, 18},
	colEmail:         {kindText, 30},
	colPhone:         {kindText, 18},
	colCity:          {kindText, 18},
	colPostcode:      {kindText, 11},
	colSkills:        {kindText, 50},
	colCauses:        {kindText, 30},
	colLanguages:     {kindText, 20},
	colAvailability:  {kindText, 32},
	colHoursPerMonth: {kindNumber, 11},
	colBio:           {kindLongText, 60},
	colNotes:         {kindLongText, 40},
	colJoinedOn:      {kindDate, 12},
	colStatus:        {kindText, 12},
	colCreatedAt:     {kindDateTime, 17},
	colUpdatedAt:     {kindDateTime, 17},
	colConsents:      {kindText, 40},
}

// headerTitles lists the column titles in column order, with the API field name for any title
// the caller left empty.
func (h VolunteerExportHeaders) titles() [numColumns]string {
	t := [numColumns]string{
		h.FirstName, h.LastName, h.Email, h.Phone, h.City, h.Postcode, h.Skills, h.Causes,
		h.Languages, h.Availability, h.HoursPerMonth, h.Bio, h.Notes, h.JoinedOn, h.Status,
		h.CreatedAt, h.UpdatedAt, h.Consents,
	}
	fallback := [numColumns]string{
		"firstName", "lastName", "email", "phone", "city", "postcode", "skills", "causes",
		"languages", "availability", "hoursPerMonth", "bio", "notes", "joinedOn", "status",
		"createdAt", "updatedAt", "consents",
	}
	for i := range t {
		if strings.TrimSpace(t[i]) == "" {
			t[i] = fallback[i]
		}
	}
	return t
}

// exportFormat is what the locale decides.
type exportFormat struct {
	english      bool
	sheetName    string
	csvComma     rune
	dateLayout   string // Go layout for CSV
	timeLayout   string // Go layout for CSV
	xlsxDate     string // Excel number format
	xlsxDateTime string // Excel number format
}

func formatFor(labels VolunteerExportLabels) exportFormat {
	english := strings.HasPrefix(strings.ToLower(strings.TrimSpace(labels.Locale)), "en")
	f := exportFormat{
		english:      english,
		csvComma:     ';',
		dateLayout:   "02/01/2006",
		timeLayout:   "02/01/2006 15:04",
		xlsxDate:     "dd/mm/yyyy",
		xlsxDateTime: "dd/mm/yyyy hh:mm",
	}
	defaultSheet := "Bénévoles"
	if english {
		f.csvComma = ','
		f.dateLayout = time.DateOnly
		f.timeLayout = "2006-01-02 15:04"
		f.xlsxDate = "yyyy-mm-dd"
		f.xlsxDateTime = "yyyy-mm-dd hh:mm"
		defaultSheet = "Volunteers"
	}
	f.sheetName = cleanSheetName(labels.SheetName)
	if f.sheetName == "" {
		f.sheetName = defaultSheet
	}
	return f
}

// volunteerRow is one volunteer turned into cell values, shared by both formats. Text values are
// not yet neutralised: XLSX does not need it, CSV does.
type volunteerRow struct {
	text      [numColumns]string // for the text columns
	hours     int                // 0 when unknown
	joinedOn  time.Time          // zero when unset or unreadable (then text[colJoinedOn] holds it)
	createdAt time.Time          // local time; zero when unset
	updatedAt time.Time
}

func (labels *VolunteerExportLabels) row(v *domain.Volunteer, r *volunteerRow) {
	*r = volunteerRow{}
	r.text[colFirstName] = v.FirstName
	r.text[colLastName] = v.LastName
	r.text[colEmail] = v.Email
	r.text[colPhone] = v.Phone
	r.text[colCity] = v.City
	r.text[colPostcode] = v.Postcode
	r.text[colSkills] = labels.skills(v.Skills)
	r.text[colCauses] = joinLabels(v.Causes, labels.Cause)
	r.text[colLanguages] = joinLabels(v.Languages, labels.Language)
	r.text[colAvailability] = labels.availability(v.Availability)
	r.text[colBio] = v.Bio
	r.text[colNotes] = v.Notes
	r.text[colConsents] = labels.consents(v.Consents)
	if v.Status != "" {
		if labels.Status != nil {
			r.text[colStatus] = labels.Status(v.Status)
		} else {
			r.text[colStatus] = string(v.Status)
		}
	}
	r.hours = v.Availability.HoursPerMonth
	if v.JoinedOn != "" {
		if d, err := time.Parse(time.DateOnly, v.JoinedOn); err == nil && d.Year() >= 1900 {
			r.joinedOn = d
		} else {
			r.text[colJoinedOn] = v.JoinedOn // shown as typed rather than lost
		}
	}
	r.createdAt = localTime(v.CreatedAt)
	r.updatedAt = localTime(v.UpdatedAt)
}

// localTime gives t in the local time zone, or the zero time when t is unset or before 1900
// (which no spreadsheet date can hold).
func localTime(t time.Time) time.Time {
	if t.IsZero() || t.Year() < 1900 {
		return time.Time{}
	}
	return t.In(time.Local)
}

// skills writes "Comptabilité (confirmé), Graphisme (expert)".
func (labels *VolunteerExportLabels) skills(skills []domain.VolunteerSkill) string {
	var b strings.Builder
	for _, s := range skills {
		name := s.Name
		if labels.SkillName != nil {
			name = labels.SkillName(s.SkillID, s.Name)
		}
		if name == "" {
			name = s.SkillID
		}
		if name == "" {
			continue
		}
		level := string(s.Level)
		if labels.Level != nil {
			level = labels.Level(s.Level)
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(name)
		if level != "" {
			b.WriteString(" (")
			b.WriteString(level)
			b.WriteString(")")
		}
	}
	return b.String()
}

func (labels *VolunteerExportLabels) consents(list []domain.Consent) string {
	var held []domain.Consent
	for _, c := range list {
		if c.Active() {
			held = append(held, c)
		}
	}
	if labels.Consents != nil {
		return labels.Consents(held)
	}
	kinds := make([]string, len(held))
	for i, c := range held {
		kinds[i] = string(c.Kind)
	}
	return strings.Join(kinds, ", ")
}

func joinLabels[T ~string](codes []T, label func(T) string) string {
	var b strings.Builder
	for _, c := range codes {
		l := string(c)
		if label != nil {
			l = label(c)
		}
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(l)
	}
	return b.String()
}

func (labels *VolunteerExportLabels) availability(a domain.Availability) string {
	if labels.Availability != nil {
		return labels.Availability(a)
	}
	// Without a label function: the stored codes, so nothing is silently dropped.
	parts := append([]string(nil), a.Days...)
	if a.Evenings {
		parts = append(parts, "evenings")
	}
	if a.Weekends {
		parts = append(parts, "weekends")
	}
	if a.Mode != domain.ModeUnspecified {
		parts = append(parts, string(a.Mode))
	}
	return strings.Join(parts, ", ")
}

// WriteVolunteersXLSX writes the volunteers as an Excel workbook: one sheet with a bold, frozen
// header row and an autofilter, real date cells and a number cell for the hours. Past
// 1,048,575 volunteers it goes on in a new sheet ("Bénévoles (2)") with its own header. The rows
// go through excelize's stream writer (which spills to a temporary file when large); nothing is
// written to w before every volunteer has been read, so on error w has received nothing. rows
// is the number of volunteers written.
//
// Text cells are written as inline strings, which Excel and LibreOffice never evaluate: a bio
// starting with "=" or a phone number starting with "+" is kept exactly as stored.
func WriteVolunteersXLSX(w io.Writer, src VolunteerSource, labels VolunteerExportLabels) (rows int, err error) {
	format := formatFor(labels)
	titles := labels.Headers.titles()

	f := newWorkbook()
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("report: closing workbook: %w", cerr)
		}
	}()
	styles, err := newXLSXStyles(f, format)
	if err != nil {
		return 0, err
	}

	var (
		sw        *excelize.StreamWriter
		sheet     string
		sheetNo   int
		sheetRows int // data rows on the current sheet
		values    = make([]any, numColumns)
		r         volunteerRow
	)
	finishSheet := func() error {
		if sw == nil {
			return nil
		}
		if err := addAutoFilter(f, sheet, numColumns, sheetRows); err != nil {
			return err
		}
		if sheetRows > 0 {
			// Postcodes such as "25000" are text on purpose (leading zeros): no green triangle.
			lastCol, _ := excelize.ColumnNumberToName(numColumns)
			if err := f.AddIgnoredErrors(sheet, "A2:"+lastCol+strconv.Itoa(sheetRows+1), excelize.IgnoredErrorsNumberStoredAsText); err != nil {
				return fmt.Errorf("report: marking text columns: %w", err)
			}
		}
		if err := sw.Flush(); err != nil {
			return fmt.Errorf("report: writing sheet %q: %w", sheet, err)
		}
		sw = nil
		return nil
	}
	startSheet := func() error {
		sheetNo++
		sheet = sheetNameN(format.sheetName, sheetNo)
		if err := addSheet(f, sheet, sheetNo); err != nil {
			return err
		}
		s, err := f.NewStreamWriter(sheet)
		if err != nil {
			return fmt.Errorf("report: opening sheet %q: %w", sheet, err)
		}
		sw, sheetRows = s, 0
		return styles.prepareSheet(sw, titles)
	}

	if err := startSheet(); err != nil {
		return 0, err
	}
	for {
		v, ok, err := src()
		if err != nil {
			return rows, fmt.Errorf("report: reading volunteers: %w", err)
		}
		if !ok {
			break
		}
		if sheetRows == maxDataRowsPerSheet {
			if err := finishSheet(); err != nil {
				return rows, err
			}
			if err := startSheet(); err != nil {
				return rows, err
			}
		}
		labels.row(&v, &r)
		xlsxValues(&r, values)
		sheetRows++
		cell, _ := excelize.CoordinatesToCellName(1, sheetRows+1)
		if err := sw.SetRow(cell, values); err != nil {
			return rows, fmt.Errorf("report: writing row %d of sheet %q: %w", sheetRows+1, sheet, err)
		}
		rows++
	}
	if err := finishSheet(); err != nil {
		return rows, err
	}
	// The first sheet is the active one already. (SetActiveSheet here would parse every streamed
	// sheet back into memory.)
	if err := writeWorkbook(f, w); err != nil {
		return rows, fmt.Errorf("report: writing workbook: %w", err)
	}
	return rows, nil
}

// xlsxStyles are the style IDs of one workbook.
type xlsxStyles struct {
	header, text, wrap, number, date, dateTime int
}

func newXLSXStyles(f *excelize.File, format exportFormat) (xlsxStyles, error) {
	var s xlsxStyles
	top := &excelize.Alignment{Vertical: "top"}
	defs := []struct {
		id    *int
		style excelize.Style
	}{
		{&s.header, *headerStyle()},
		{&s.text, excelize.Style{Alignment: top}},
		{&s.wrap, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&s.number, excelize.Style{Alignment: top, NumFmt: 1}}, // "0"
		{&s.date, excelize.Style{Alignment: top, CustomNumFmt: &format.xlsxDate}},
		{&s.dateTime, excelize.Style{Alignment: top, CustomNumFmt: &format.xlsxDateTime}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return s, fmt.Errorf("report: creating a cell style: %w", err)
		}
		*d.id = id
	}
	return s, nil
}

// prepareSheet sets the columns' widths and styles, freezes the header and writes it.
func (s xlsxStyles) prepareSheet(sw *excelize.StreamWriter, titles [numColumns]string) error {
	cols := make([]sheetColumn, numColumns)
	for i, c := range columns {
		style := s.text
		switch c.kind {
		case kindLongText:
			style = s.wrap
		case kindNumber:
			style = s.number
		case kindDate:
			style = s.date
		case kindDateTime:
			style = s.dateTime
		}
		cols[i] = sheetColumn{title: titles[i], width: c.width, style: style}
	}
	return prepareStreamSheet(sw, cols, s.header, 0)
}

// xlsxValues fills values with the cells of r. Empty cells are nil, which the stream writer
// skips; the column styles give each cell its format.
func xlsxValues(r *volunteerRow, values []any) {
	for i, c := range columns {
		values[i] = nil
		if c.kind == kindText || c.kind == kindLongText {
			if t := r.text[i]; t != "" {
				values[i] = t
			}
		}
	}
	if r.hours != 0 {
		values[colHoursPerMonth] = r.hours
	}
	if !r.joinedOn.IsZero() {
		values[colJoinedOn] = r.joinedOn
	} else if t := r.text[colJoinedOn]; t != "" {
		values[colJoinedOn] = t
	}
	if !r.createdAt.IsZero() {
		values[colCreatedAt] = r.createdAt
	}
	if !r.updatedAt.IsZero() {
		values[colUpdatedAt] = r.updatedAt
	}
}

// WriteVolunteersCSV writes the volunteers as a CSV file Excel opens right: UTF-8 with a byte
// order mark, ";" between fields for French (Excel's separator in a French Windows) and "," for
// English, CRLF line ends, dates as dd/mm/yyyy (fr) or yyyy-mm-dd (en), times in local time.
// Text that a spreadsheet would take for a formula is neutralised with a leading "'". Rows are
// written as they are read, so on error w holds a partial file the caller should discard. rows
// is the number of volunteers written.
func WriteVolunteersCSV(w io.Writer, src VolunteerSource, labels VolunteerExportLabels) (rows int, err error) {
	format := formatFor(labels)
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return 0, fmt.Errorf("report: writing CSV: %w", err)
	}
	cw := csv.NewWriter(bw)
	cw.Comma = format.csvComma
	cw.UseCRLF = true

	record := make([]string, numColumns)
	titles := labels.Headers.titles()
	for i, t := range titles {
		record[i] = neutralizeFormula(t)
	}
	if err := cw.Write(record); err != nil {
		return 0, fmt.Errorf("report: writing CSV: %w", err)
	}
	var r volunteerRow
	for {
		v, ok, err := src()
		if err != nil {
			return rows, fmt.Errorf("report: reading volunteers: %w", err)
		}
		if !ok {
			break
		}
		labels.row(&v, &r)
		for i := range record {
			record[i] = neutralizeFormula(r.text[i])
		}
		record[colHoursPerMonth] = ""
		if r.hours != 0 {
			record[colHoursPerMonth] = strconv.Itoa(r.hours)
		}
		if !r.joinedOn.IsZero() {
			record[colJoinedOn] = r.joinedOn.Format(format.dateLayout)
		}
		record[colCreatedAt] = formatTime(r.createdAt, format.timeLayout)
		record[colUpdatedAt] = formatTime(r.updatedAt, format.timeLayout)
		if err := cw.Write(record); err != nil {
			return rows, fmt.Errorf("report: writing CSV: %w", err)
		}
		rows++
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return rows, fmt.Errorf("report: writing CSV: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return rows, fmt.Errorf("report: writing CSV: %w", err)
	}
	return rows, nil
}

func formatTime(t time.Time, layout string) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(layout)
}
