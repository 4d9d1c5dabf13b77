package importer

import (
	"context"
	"errors"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/civisphere/civisphere/backend/domain"
)

// Vocabulary maps the words of a spreadsheet to the app's fixed lists.
type Vocabulary interface {
	MatchCause(text string) (domain.Cause, bool) // "Santé", "écologie" → health, environment
	MatchLanguage(text string) (string, bool)    // "Français", "anglais", "LSF" → "fr", "en", "fsl"
}

// Record is a valid row: the volunteer it describes, normalized. Skills carry the name as
// written and a level; SkillID is empty, for the caller to resolve against the taxonomy.
type Record struct {
	Row       int
	Volunteer domain.Volunteer
}

// RowError is a problem with one row, in the terms of domain validation.
type RowError struct {
	Row    int            // file row number
	Column string         // header text of the column at fault ("" when the problem is the whole row)
	Field  string         // volunteer field (JSON name, as in domain.FieldError.Field)
	Code   string         // a domain.Code* constant
	Params map[string]any // values for the message
	Value  string         // the offending cell text, shortened to 80 characters
}

const maxValueRunes = 80

// Parse turns the rows of sheet into volunteers, reading column i as mapping[i] (mapping may be
// shorter or longer than the rows). A row with problems gives RowErrors and no Record. Rows
// about the same person (same e-mail) are all returned: the caller merges them. progress,
// when not nil, is called every 1000 rows and at the end. The error is only ever the context's.
func Parse(ctx context.Context, sheet *Sheet, mapping []Field, vocab Vocabulary, progress func(done, total int)) ([]Record, []RowError, error) {
	if sheet == nil {
		return nil, nil, errors.New("importer: no sheet to parse")
	}
	p := newRowParser(sheet.Header, mapping, vocab)
	total := len(sheet.Rows)
	records := make([]Record, 0, total)
	var rowErrors []RowError
	for i := range sheet.Rows {
		if i > 0 && i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
			if progress != nil {
				progress(i, total)
			}
		}
		row := &sheet.Rows[i]
		v, errs := p.parseRow(row)
		if len(errs) > 0 {
			rowErrors = append(rowErrors, errs...)
			continue
		}
		records = append(records, Record{Row: row.Number, Volunteer: v})
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if progress != nil {
		progress(total, total)
	}
	return records, rowErrors, nil
}

// rowParser holds what is the same for every row: which columns feed which field, and caches
// of the cells whose text repeats from row to row (skills, days, languages, dates…).
type rowParser struct {
	header  []string
	columns map[Field][]int // columns mapped to each field, in order
	vocab   Vocabulary

	skills       memo[[]cellSkill]
	levels       memo[levelResult]
	causes       memo[listResult[domain.Cause]]
	languages    memo[listResult[string]]
	availability memo[availability]
	hours        memo[hoursResult]
	modes        memo[modeResult]
	dates        memo[dateResult]
}

type levelResult struct {
	level domain.SkillLevel
	ok    bool
}

type hoursResult struct {
	hours int
	ok    bool
}

type modeResult struct {
	mode domain.WorkMode
	ok   bool
}

type dateResult struct {
	date string
	ok   bool
}

// listResult is a list cell mapped through the vocabulary; bad is the first item that is not
// known.
type listResult[T any] struct {
	values []T
	bad    string
}

// matchList maps every item of a list cell, stopping at the first unknown one.
func matchList[T any](cell string, match func(string) (T, bool)) listResult[T] {
	var r listResult[T]
	for _, item := range splitList(cell, true) {
		values, ok := matchItem(item, match)
		if !ok {
			return listResult[T]{bad: item}
		}
		r.values = append(r.values, values...)
	}
	return r
}

func newRowParser(header []string, mapping []Field, vocab Vocabulary) *rowParser {
	p := &rowParser{header: header, columns: map[Field][]int{}, vocab: vocab}
	if vocab == nil {
		p.vocab = codeVocabulary{}
	}
	for i, f := range mapping {
		if f != FieldIgnore {
			p.columns[f] = append(p.columns[f], i)
		}
	}
	return p
}

// cell returns the first non-empty cell of the columns mapped to f, and its column.
func (p *rowParser) cell(row *Row, f Field) (string, int) {
	cols := p.columns[f]
	for _, c := range cols {
		if v := row.Cell(c); v != "" {
			return v, c
		}
	}
	if len(cols) > 0 {
		return "", cols[0]
	}
	return "", -1
}

func (p *rowParser) parseRow(row *Row) (domain.Volunteer, []RowError) {
	var v domain.Volunteer
	var errs []RowError
	fail := func(col int, field, code string, params map[string]any) {
		errs = append(errs, p.errorAt(row, col, field, code, params))
	}

	first, _ := p.cell(row, FieldFirstName)
	last, _ := p.cell(row, FieldLastName)
	if first != "" || last != "" {
		v.FirstName, v.LastName = tidyName(first), tidyName(last)
	} else if full, _ := p.cell(row, FieldFullName); full != "" {
		v.FirstName, v.LastName = splitFullName(full)
	}

	email, _ := p.cell(row, FieldEmail)
	v.Email = strings.TrimPrefix(strings.TrimPrefix(email, "mailto:"), "MAILTO:")
	phone, _ := p.cell(row, FieldPhone)
	v.Phone = phoneText(phone)
	v.City, _ = p.cell(row, FieldCity)
	postcode, _ := p.cell(row, FieldPostcode)
	v.Postcode = postcodeText(postcode)

	// The row's level, for the skills written without their own; then the skills.
	rowLevel, _ := domain.ParseSkillLevel("")
	if text, col := p.cell(row, FieldLevel); text != "" {
		if l := p.levels.get(text, func(s string) levelResult { l, ok := levelText(s); return levelResult{l, ok} }); l.ok {
			rowLevel = l.level
		} else {
			fail(col, "skills", domain.CodeInvalidChoice, map[string]any{"choices": "beginner, intermediate, confirmed, expert"})
		}
	}
	for _, c := range p.columns[FieldSkills] {
		for _, s := range p.skills.get(row.Cell(c), parseSkillsCell) {
			if !s.HasLevel {
				s.Level = rowLevel
			}
			v.Skills = append(v.Skills, domain.VolunteerSkill{Name: s.Name, Level: s.Level})
		}
	}

	for _, c := range p.columns[FieldCauses] {
		r := p.causes.get(row.Cell(c), func(s string) listResult[domain.Cause] { return matchList(s, p.vocab.MatchCause) })
		if r.bad != "" {
			fail(c, "causes", domain.CodeInvalidChoice, map[string]any{"value": r.bad})
		}
		v.Causes = append(v.Causes, r.values...)
	}
	for _, c := range p.columns[FieldLanguages] {
		r := p.languages.get(row.Cell(c), func(s string) listResult[string] { return matchList(s, p.vocab.MatchLanguage) })
		if r.bad != "" {
			fail(c, "languages", domain.CodeInvalidLanguage, map[string]any{"value": r.bad})
		}
		v.Languages = append(v.Languages, r.values...)
	}

	var avail availability
	for _, c := range p.columns[FieldAvailability] {
		a := p.availability.get(row.Cell(c), parseAvailability)
		for d, on := range a.days {
			avail.days[d] = avail.days[d] || on
		}
		avail.evenings = avail.evenings || a.evenings
		avail.weekends = avail.weekends || a.weekends
		avail.onsite, avail.remote, avail.either = avail.onsite || a.onsite, avail.remote || a.remote, avail.either || a.either
		if a.hasHours && !avail.hasHours {
			avail.hours, avail.hasHours = a.hours, true
		}
	}
	v.Availability = domain.Availability{
		Days:     avail.dayList(),
		Evenings: avail.evenings,
		Weekends: avail.weekends,
		Mode:     avail.mode(),
	}
	if avail.hasHours {
		v.Availability.HoursPerMonth = roundHours(avail.hours)
	}
	if text, col := p.cell(row, FieldHoursPerMonth); text != "" {
		if h := p.hours.get(text, func(s string) hoursResult { h, ok := parseHoursCell(s); return hoursResult{h, ok} }); h.ok {
			v.Availability.HoursPerMonth = h.hours
		} else {
			fail(col, "availability.hoursPerMonth", domain.CodeOutOfRange, map[string]any{"min": 0, "max": domain.MaxHoursPerMonth})
		}
	}
	if text, col := p.cell(row, FieldMode); text != "" {
		if m := p.modes.get(text, func(s string) modeResult { m, ok := parseModeCell(s); return modeResult{m, ok} }); m.ok {
			v.Availability.Mode = m.mode
		} else {
			fail(col, "availability.mode", domain.CodeInvalidChoice, map[string]any{"choices": "onsite, remote, either"})
		}
	}

	v.Bio = p.joined(row, FieldBio)
	v.Notes = p.joined(row, FieldNotes)
	if text, col := p.cell(row, FieldJoinedOn); text != "" {
		if d := p.dates.get(text, func(s string) dateResult { d, ok := parseDate(s); return dateResult{d, ok} }); d.ok {
			v.JoinedOn = d.date
		} else {
			fail(col, "joinedOn", domain.CodeInvalidDate, nil)
		}
	}

	v.Normalize()
	var invalid *domain.ValidationError
	if err := v.Validate(); errors.As(err, &invalid) {
		for _, fe := range invalid.Fields {
			if !alreadyReported(errs, fe.Field) {
				errs = append(errs, p.errorAt(row, p.columnOf(row, fe.Field), fe.Field, fe.Code, fe.Params))
			}
		}
	}
	return v, errs
}

// joined joins the non-empty cells of the columns mapped to f, one per line.
func (p *rowParser) joined(row *Row, f Field) string {
	cols := p.columns[f]
	if len(cols) == 1 {
		return row.Cell(cols[0])
	}
	var parts []string
	for _, c := range cols {
		if v := row.Cell(c); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, "\n")
}

// columnOf tells which column holds a volunteer field, for the messages of domain validation.
func (p *rowParser) columnOf(row *Row, field string) int {
	var candidates []Field
	switch field {
	case "firstName":
		candidates = []Field{FieldFirstName, FieldFullName, FieldLastName}
	case "lastName":
		candidates = []Field{FieldLastName, FieldFullName, FieldFirstName}
	case "availability.hoursPerMonth":
		candidates = []Field{FieldHoursPerMonth, FieldAvailability}
	case "availability.mode":
		candidates = []Field{FieldMode, FieldAvailability}
	case "availability.days":
		candidates = []Field{FieldAvailability}
	case "skills":
		candidates = []Field{FieldSkills, FieldLevel}
	default:
		candidates = []Field{Field(field)}
	}
	for _, f := range candidates {
		if text, col := p.cell(row, f); text != "" {
			return col
		}
	}
	for _, f := range candidates {
		if cols := p.columns[f]; len(cols) > 0 {
			return cols[0]
		}
	}
	return -1
}

// rowError reports a problem with the column mapped to f.
func (p *rowParser) rowError(row *Row, f Field, field, code string, params map[string]any) RowError {
	_, col := p.cell(row, f)
	return p.errorAt(row, col, field, code, params)
}

func (p *rowParser) errorAt(row *Row, col int, field, code string, params map[string]any) RowError {
	e := RowError{Row: row.Number, Field: field, Code: code, Params: params}
	if col >= 0 {
		e.Column = p.columnTitle(col)
		e.Value = shorten(row.Cell(col), maxValueRunes)
	}
	return e
}

// columnTitle is the header text of a column, or its letters (A, B, … AA) when it has none.
func (p *rowParser) columnTitle(col int) string {
	if col < len(p.header) && p.header[col] != "" {
		return p.header[col]
	}
	return columnLetters(col)
}

func columnLetters(col int) string {
	var b []byte
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

func alreadyReported(errs []RowError, field string) bool {
	for _, e := range errs {
		if e.Field == field {
			return true
		}
	}
	return false
}

// matchItem maps one item of a list cell through the vocabulary: as written, then without what
// is in parentheses or after a colon or a dash ("Anglais (courant)", "Anglais : bilingue"), then
// split on "et"/"and" ("Français et anglais"), each part having to match.
func matchItem[T any](item string, match func(string) (T, bool)) ([]T, bool) {
	if v, ok := match(item); ok {
		return []T{v}, true
	}
	short := item
	if i := strings.IndexAny(short, "(:"); i > 0 {
		short = strings.TrimSpace(short[:i])
	}
	if i := strings.Index(short, " - "); i > 0 {
		short = strings.TrimSpace(short[:i])
	}
	if short != item {
		if v, ok := match(short); ok {
			return []T{v}, true
		}
	}
	words := strings.Fields(short)
	var parts []string
	start := 0
	for i, w := range words {
		if f := domain.FoldText(w); f == "et" || f == "and" || f == "ou" || f == "or" {
			parts = append(parts, strings.Join(words[start:i], " "))
			start = i + 1
		}
	}
	if len(parts) == 0 {
		return nil, false
	}
	parts = append(parts, strings.Join(words[start:], " "))
	var out []T
	for _, part := range parts {
		if part == "" {
			continue
		}
		v, ok := match(part)
		if !ok {
			return nil, false
		}
		out = append(out, v)
	}
	return out, len(out) > 0
}

// phoneText undoes what a spreadsheet does to a phone number stored as a number ("612345678.0").
func phoneText(s string) string {
	if digits := integerText(s); digits != "" && strings.ContainsAny(s, ".,eE") {
		return digits
	}
	return s
}

// postcodeText undoes what a spreadsheet does to a postcode stored as a number: "75011.0" is
// 75011, and 7500 lost the leading zero of 07500 (French postcodes have five digits).
func postcodeText(s string) string {
	digits := integerText(s)
	if digits == "" {
		if compact := strings.ReplaceAll(s, " ", ""); len(compact) == 5 && allDigits(compact) {
			return compact // "75 011"
		}
		return s
	}
	if len(digits) == 4 {
		return "0" + digits
	}
	return digits
}

func roundHours(h float64) int {
	if h > 1e6 {
		return math.MaxInt32
	}
	return int(math.Round(h))
}

// shorten cuts text to n characters, ending with "…" when cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return string(runes[:n-1]) + "…"
}

// codeVocabulary is used when Parse is given no vocabulary: it accepts the app's own values
// (cause identifiers, ISO 639 language codes) and nothing else.
type codeVocabulary struct{}

func (codeVocabulary) MatchCause(text string) (domain.Cause, bool) {
	c := domain.Cause(strings.TrimSpace(text))
	return c, domain.ValidCause(c)
}

func (codeVocabulary) MatchLanguage(text string) (string, bool) {
	code := strings.ToLower(strings.TrimSpace(text))
	if len(code) < 2 || len(code) > 3 {
		return "", false
	}
	for _, r := range code {
		if r < 'a' || r > 'z' {
			return "", false
		}
	}
	return code, true
}
