package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/xuri/excelize/v2"
)

func frSurveyLabels() SurveyResponsesLabels {
	return SurveyResponsesLabels{Locale: "fr", SheetName: "Réponses", Date: "Date", Source: "Source",
		Sources: map[domain.SurveySource]string{domain.SourceApp: "en ligne", domain.SourcePaper: "papier"}}
}

func testResponses() []domain.SurveyResponse {
	at := time.Date(2026, 3, 3, 14, 30, 0, 0, time.Local)
	return []domain.SurveyResponse{
		{ID: 1, Source: domain.SourceApp, CreatedAt: at, Answers: []domain.SurveyAnswer{
			{Number: fptr(4)}, {Number: fptr(9)}, {Choices: []int{0}}, {Choices: []int{0, 2}}, {Number: fptr(12.5)},
			{Text: "Merci à Ольга et Łukasz, « très » patients ; vraiment."},
		}},
		{ID: 2, Source: domain.SourcePaper, CreatedAt: at.Add(24 * time.Hour), Answers: []domain.SurveyAnswer{
			{Number: fptr(2)}, {}, {Choices: []int{7}}, {Choices: []int{3}}, {}, {Text: evilFormula},
		}},
		{ID: 3, Answers: []domain.SurveyAnswer{{Number: fptr(5)}}}, // fewer answers than questions, no date, no source
	}
}

func responseSource(rs []domain.SurveyResponse) SurveyResponseSource {
	i := 0
	return func() (domain.SurveyResponse, bool, error) {
		if i >= len(rs) {
			return domain.SurveyResponse{}, false, nil
		}
		i++
		return rs[i-1], true, nil
	}
}

func writeResponses(t testing.TB, s domain.Survey, src SurveyResponseSource, labels SurveyResponsesLabels) ([]byte, int) {
	t.Helper()
	var buf bytes.Buffer
	n, err := WriteSurveyResponsesXLSX(&buf, s, src, labels)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), n
}

func TestWriteSurveyResponsesXLSX(t *testing.T) {
	data, n := writeResponses(t, testSurvey(), responseSource(testResponses()), frSurveyLabels())
	if n != 3 {
		t.Errorf("rows = %d", n)
	}
	f := openXLSX(t, data)
	const sheet = "Réponses"
	if got := strings.Join(f.GetSheetList(), "|"); got != sheet {
		t.Fatalf("sheets = %q", got)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows", len(rows))
	}
	wantHeader := []string{"Date", "Source", "1. Dans l'ensemble, êtes-vous satisfait·e de l'accompagnement ?",
		"2. Quelle note donneriez-vous à l'équipe d'Ольга et de Łukasz ?", "3. Recommanderiez-vous l'association à un proche ?",
		"4. Qu'avez-vous appris ?", "5. Combien de séances avez-vous suivies ?", "6. Un mot pour les bénévoles (Ελένη, Ольга…) ?"}
	if strings.Join(rows[0], "|") != strings.Join(wantHeader, "|") {
		t.Errorf("header = %q", rows[0])
	}
	checkHeaderSheet(t, f, data, sheet, 1, "H", 4)
	if s := cellStyle(t, f, sheet, "C1"); s.Alignment == nil || !s.Alignment.WrapText {
		t.Errorf("the header does not wrap")
	}
	if w, _ := f.GetColWidth(sheet, "C"); w != 14 {
		t.Errorf("a long question widened its column to %v", w)
	}

	// The date is a date-time in local time.
	if got := cellValue(t, f, sheet, "A2"); got != "03/03/2026 14:30" {
		t.Errorf("A2 shows %q", got)
	}
	if typ, _ := f.GetCellType(sheet, "A2"); typ == excelize.CellTypeInlineString {
		t.Errorf("A2 is text")
	}
	// Numbers are numbers; choices are their texts; text is neutralised.
	checkNumberCell(t, f, sheet, "C2", 4)
	checkNumberCell(t, f, sheet, "D2", 9)
	checkNumberCell(t, f, sheet, "G2", 12.5)
	checkNumberCell(t, f, sheet, "C4", 5)
	for cell, want := range map[string]string{
		"B2": "en ligne", "E2": "Oui", "F2": "Tenir un budget; Utiliser un tableur",
		"H2": "Merci à Ольга et Łukasz, « très » patients ; vraiment.",
		"B3": "papier", "D3": "", "E3": "", "F3": testSurvey().Questions[3].Choices[3], "H3": "'" + evilFormula,
		"A4": "", "B4": "", "E4": "", "H4": "",
	} {
		if got := cellValue(t, f, sheet, cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	if formula, _ := f.GetCellFormula(sheet, "H3"); formula != "" {
		t.Errorf("H3 holds the formula %q", formula)
	}
}

func TestWriteSurveyResponsesXLSXEnglishAndRollover(t *testing.T) {
	defer func(old int) { maxDataRowsPerSheet = old }(maxDataRowsPerSheet)
	maxDataRowsPerSheet = 2
	labels := SurveyResponsesLabels{Locale: "en"} // no words: fallbacks
	data, n := writeResponses(t, testSurvey(), responseSource(testResponses()), labels)
	if n != 3 {
		t.Errorf("rows = %d", n)
	}
	f := openXLSX(t, data)
	if got := strings.Join(f.GetSheetList(), "|"); got != "Responses|Responses (2)" {
		t.Fatalf("sheets = %q", got)
	}
	if got := cellValue(t, f, "Responses", "A2"); got != "2026-03-03 14:30" {
		t.Errorf("A2 shows %q", got)
	}
	if got := cellValue(t, f, "Responses", "B3"); got != "paper" {
		t.Errorf("B3 = %q, want the source's code", got)
	}
	if got := cellValue(t, f, "Responses (2)", "A1"); got != "date" {
		t.Errorf("the second sheet's header starts with %q", got)
	}
	checkNumberCell(t, f, "Responses (2)", "C2", 5)
}

func TestWriteSurveyResponsesXLSXSourceError(t *testing.T) {
	stop := errors.New("annulé")
	src := func() (domain.SurveyResponse, bool, error) { return domain.SurveyResponse{}, false, stop }
	var buf bytes.Buffer
	if _, err := WriteSurveyResponsesXLSX(&buf, testSurvey(), src, frSurveyLabels()); !errors.Is(err, stop) || buf.Len() != 0 {
		t.Errorf("err = %v, %d bytes written", err, buf.Len())
	}
}
