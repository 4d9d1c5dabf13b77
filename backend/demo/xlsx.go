package demo

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// xlsxHeaders are the columns of the volunteers' spreadsheet, as an association keeps it.
var xlsxHeaders = []string{
	"Prénom", "Nom", "Courriel", "Téléphone", "Ville", "Code postal", "Compétences", "Causes",
	"Langues", "Disponibilités", "Présentation", "Date d'inscription",
}

var xlsxWidths = []float64{14, 18, 32, 16, 22, 12, 60, 40, 24, 44, 100, 16}

const xlsxSheet = "Bénévoles"

// WriteXLSX writes the volunteers as the spreadsheet an association would keep: French headers,
// skills with their level ("Comptabilité (confirmé), Graphisme (expert)"), causes and languages
// in French, availability in words, and the sign-up date as a real date cell. Rows are streamed,
// so 100,000 volunteers stay in bounded memory. Text that a spreadsheet could take for a formula
// (starting with = + - @) is prefixed with an apostrophe.
func WriteXLSX(w io.Writer, vols []domain.Volunteer) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	if err := f.SetSheetName(f.GetSheetName(0), xlsxSheet); err != nil {
		return fmt.Errorf("name the sheet: %w", err)
	}
	headerStyle, err := f.NewStyle(&excelize.Style{
		Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
	})
	if err != nil {
		return fmt.Errorf("header style: %w", err)
	}
	dateFormat := "dd/mm/yyyy"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFormat})
	if err != nil {
		return fmt.Errorf("date style: %w", err)
	}
	sw, err := f.NewStreamWriter(xlsxSheet)
	if err != nil {
		return fmt.Errorf("stream writer: %w", err)
	}
	for i, width := range xlsxWidths {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return fmt.Errorf("column width: %w", err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("freeze the header: %w", err)
	}
	row := make([]any, len(xlsxHeaders))
	for i, h := range xlsxHeaders {
		row[i] = excelize.Cell{StyleID: headerStyle, Value: h}
	}
	if err := sw.SetRow("A1", row); err != nil {
		return fmt.Errorf("header row: %w", err)
	}
	var b strings.Builder
	for n, v := range vols {
		row[0] = textCell(v.FirstName)
		row[1] = textCell(v.LastName)
		row[2] = textCell(v.Email)
		row[3] = textCell(v.Phone)
		row[4] = textCell(v.City)
		row[5] = textCell(v.Postcode)
		row[6] = textCell(skillsText(&b, v.Skills))
		row[7] = textCell(causesText(&b, v.Causes))
		row[8] = textCell(languagesText(&b, v.Languages))
		row[9] = textCell(availabilityText(&b, v.Availability))
		row[10] = textCell(v.Bio)
		row[11] = nil
		if d, err := time.Parse(time.DateOnly, v.JoinedOn); err == nil {
			row[11] = excelize.Cell{StyleID: dateStyle, Value: d}
		}
		cell, err := excelize.CoordinatesToCellName(1, n+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, row); err != nil {
			return fmt.Errorf("row %d: %w", n+2, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("finish the sheet: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write the workbook: %w", err)
	}
	return nil
}

// textCell writes text as text; empty text gives an empty cell. The StreamWriter stores every
// string as an inline string, never as a formula, so nothing needs escaping.
func textCell(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// skillsText is "Comptabilité (confirmé), Graphisme (expert)".
func skillsText(b *strings.Builder, skills []domain.VolunteerSkill) string {
	b.Reset()
	for i, s := range skills {
		if i > 0 {
			b.WriteString(", ")
		}
		name := s.Name
		if name == "" {
			name = s.SkillID
		}
		b.WriteString(name)
		if l, ok := levelsFR[s.Level]; ok {
			b.WriteString(" (")
			b.WriteString(l)
			b.WriteByte(')')
		}
	}
	return b.String()
}

func causesText(b *strings.Builder, causes []domain.Cause) string {
	b.Reset()
	for i, c := range causes {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(taxonomy.CauseLabel(c).FR)
	}
	return b.String()
}

func languagesText(b *strings.Builder, langs []string) string {
	b.Reset()
	for i, l := range langs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(taxonomy.LanguageLabel(l).FR)
	}
	return b.String()
}

// availabilityText is "lundi, jeudi, soirs, week-ends, à distance, 10 h/mois".
func availabilityText(b *strings.Builder, a domain.Availability) string {
	b.Reset()
	add := func(s string) {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s)
	}
	for _, d := range a.Days {
		if fr, ok := weekdaysFR[d]; ok {
			add(fr)
		} else {
			add(d)
		}
	}
	if a.Evenings {
		add("soirs")
	}
	if a.Weekends {
		add("week-ends")
	}
	switch a.Mode {
	case domain.ModeOnSite:
		add("sur place")
	case domain.ModeRemote:
		add("à distance")
	case domain.ModeEither:
		add("sur place ou à distance")
	}
	if a.HoursPerMonth > 0 {
		add(strconv.Itoa(a.HoursPerMonth) + " h/mois")
	}
	return b.String()
}
