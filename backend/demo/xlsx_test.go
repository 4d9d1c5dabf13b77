package demo

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

func TestWriteXLSX(t *testing.T) {
	g := New(12, taxonomy.Builtin())
	vols := make([]domain.Volunteer, 0, 301)
	for range 300 {
		vols = append(vols, g.Volunteer())
	}
	vols = append(vols, domain.Volunteer{
		FirstName: "=HYPERLINK(\"http://example.com\")", LastName: "Faure", City: "Privas", Postcode: "07000",
		Phone: "+33 6 12 34 56 78", JoinedOn: "2019-03-04", Languages: []string{"fr", "fsl"},
		Skills: []domain.VolunteerSkill{{SkillID: "accounting", Name: "Comptabilité", Level: domain.LevelConfirmed},
			{SkillID: "graphic-design", Name: "Graphisme", Level: domain.LevelExpert}},
		Causes:       []domain.Cause{"environment", "education"},
		Availability: domain.Availability{Days: []string{"monday", "thursday"}, Evenings: true, HoursPerMonth: 10, Mode: domain.ModeRemote},
	})
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, vols); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Bénévoles"}) {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows("Bénévoles")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(vols)+1 {
		t.Fatalf("%d rows for %d volunteers", len(rows), len(vols))
	}
	if !slices.Equal(rows[0], xlsxHeaders) {
		t.Fatalf("header %q", rows[0])
	}
	for i, v := range vols[:300] {
		row := rows[i+1]
		if row[0] != v.FirstName || row[1] != v.LastName || (v.Email != "" && row[2] != v.Email) {
			t.Fatalf("row %d: %q for %+v", i+2, row, v)
		}
	}

	last := len(vols) + 1
	cell := func(col string) string {
		v, err := f.GetCellValue("Bénévoles", col+strconv.Itoa(last))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	want := map[string]string{
		// Text that looks like a formula stays the same text (and no formula, checked below).
		"A": "=HYPERLINK(\"http://example.com\")", "D": "+33 6 12 34 56 78", "E": "Privas", "F": "07000",
		"G": "Comptabilité (confirmé), Graphisme (expert)", "H": "Environnement, Éducation",
		"I": "Français, Langue des signes française (LSF)", "J": "lundi, jeudi, soirs, à distance, 10 h/mois",
		"L": "04/03/2019",
	}
	for col, w := range want {
		if got := cell(col); got != w {
			t.Errorf("%s%d = %q, want %q", col, last, got, w)
		}
	}
	if formula, _ := f.GetCellFormula("Bénévoles", "A"+strconv.Itoa(last)); formula != "" {
		t.Errorf("a name became the formula %q", formula)
	}

	// The sign-up date is a number (an Excel serial date) with a date format, not text.
	ref := "L" + strconv.Itoa(last)
	raw, err := f.GetCellValue("Bénévoles", ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Fatalf("date cell holds %q, not a number", raw)
	}
	date, err := excelize.ExcelDateToTime(serial, false)
	if err != nil || !date.Equal(time.Date(2019, 3, 4, 0, 0, 0, 0, time.UTC)) || math.Trunc(serial) != serial {
		t.Fatalf("date cell %v is %v (%v)", serial, date, err)
	}
	styleID, err := f.GetCellStyle("Bénévoles", ref)
	if err != nil {
		t.Fatal(err)
	}
	style, err := f.GetStyle(styleID)
	if err != nil || style.CustomNumFmt == nil || !strings.Contains(*style.CustomNumFmt, "yyyy") {
		t.Fatalf("date cell style %+v (%v)", style, err)
	}
}

func TestWriteXLSXEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Bénévoles")
	if len(rows) != 1 {
		t.Fatalf("%d rows", len(rows))
	}
}
