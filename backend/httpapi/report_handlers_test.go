package httpapi

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// pdfToText reads a PDF as a reader's viewer would (poppler's pdftotext, installed by
// .ci/install-deps), spaces flattened so that wrapped phrases are found.
func pdfToText(t *testing.T, data []byte) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatal("pdftotext is not installed: run .ci/install-deps (it installs poppler-utils)")
	}
	p := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-enc", "UTF-8", p, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	text := strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(string(out))
	return strings.Join(strings.Fields(text), " ")
}

// reportFixture logs approved hours for Élodie (who agreed to be named to sponsors) and Łukasz
// (who did not) on the sponsored project, and pending hours that must not count.
func reportFixture(t *testing.T) hourFixture {
	f := newHourFixture(t)
	call(t, f.h, "PUT", "/api/volunteers/"+f.elodie.ID+"/consents/sponsorNames", `{"given":true}`, 200, nil)
	call(t, f.h, "PUT", "/api/projects/"+f.project.ID, `{"title":"Comptabilité de l’épicerie","organizationId":"`+f.asso.ID+`","sponsorId":"`+f.sponsor.ID+`","startDate":"2026-10-01","endDate":"2026-12-31","beneficiaries":85,"description":"Tenir les comptes de l’Œuvre à Besançon."}`, 200, nil)
	call(t, f.h, "POST", "/api/projects/"+f.project.ID+"/milestones", `{"title":"Bilan remis","dueDate":"2026-11-20","done":true}`, 201, nil)
	var batch struct {
		Items []idOnly `json:"items"`
	}
	call(t, f.h, "POST", "/api/hours/batch", `{"entries":[`+
		f.entry(f.elodie, f.project, "2026-10-12", "2", `,"skill":"compta"`)+`,`+
		f.entry(f.lukasz, f.project, "2026-11-03", "4.5", `,"skill":"=HYPERLINK(\"http://x\")"`)+`,`+
		f.entry(f.lukasz, f.project, "2026-11-04", "7", ``)+`]}`, 201, &batch)
	call(t, f.h, "POST", "/api/hours/review", `{"status":"approved","ids":["`+batch.Items[0].ID+`","`+batch.Items[1].ID+`"]}`, 200, nil)
	return f
}

func TestImpactReportPDF(t *testing.T) {
	f := reportFixture(t)
	rec := call(t, f.h, "GET", "/api/reports/impact.pdf?sponsorId="+f.sponsor.ID+"&lang=fr", "", 200, nil)
	if ct := rec.Header().Get("Content-Type"); ct != "application/pdf" {
		t.Fatalf("content type %q", ct)
	}
	if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, "rapport-impact-fondation-stefan-") {
		t.Errorf("file name: %s", cd)
	}
	text := pdfToText(t, rec.Body.Bytes())
	// 2 h expert accounting (60 €/h) + 4.5 h of a custom skill at the intermediate value (28 €/h).
	for _, want := range []string{"Fondation Ștefan", "Comptabilité de l’épicerie", "Œuvre de Besançon", "6,5 h", "246 €",
		"Élodie Dubœuf", "Bilan remis", "85"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Łukasz") || strings.Contains(text, "Wiśniewski") {
		t.Errorf("Łukasz did not agree to be named to sponsors, yet the report names him:\n%s", text)
	}
	if strings.Contains(text, "13,5 h") {
		t.Errorf("pending hours were counted:\n%s", text)
	}

	en := pdfToText(t, call(t, f.h, "GET", "/api/reports/impact.pdf?sponsorId="+f.sponsor.ID+"&lang=en", "", 200, nil).Body.Bytes())
	if !strings.Contains(en, "Impact report") || !strings.Contains(en, "6.5 h") {
		t.Errorf("English report:\n%s", en)
	}

	var preview struct {
		Hours    float64 `json:"hours"`
		Value    float64 `json:"value"`
		Sections []struct {
			TeamSize int      `json:"teamSize"`
			Named    []string `json:"named"`
			Reached  int      `json:"reached"`
		} `json:"sections"`
	}
	call(t, f.h, "GET", "/api/reports/impact?sponsorId="+f.sponsor.ID, "", 200, &preview)
	if preview.Hours != 6.5 || preview.Value != 246 || len(preview.Sections) != 1 || preview.Sections[0].TeamSize != 2 ||
		len(preview.Sections[0].Named) != 1 || preview.Sections[0].Reached != 1 {
		t.Fatalf("preview = %+v", preview)
	}
	for _, sc := range []scenario{
		{name: "unknown sponsor", method: "GET", path: "/api/reports/impact.pdf?sponsorId=9999", wantStatus: 404, wantType: problemJSON},
		{name: "bad period", method: "GET", path: "/api/reports/impact.pdf?from=2026-13-01", wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.from"`}},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, f.h) })
	}
}

func TestImpactReportJob(t *testing.T) {
	f := reportFixture(t)
	var job struct {
		ID       string `json:"id"`
		State    string `json:"state"`
		Download string `json:"download"`
	}
	call(t, f.h, "POST", "/api/reports/impact/jobs", `{"sponsorId":"`+f.sponsor.ID+`","lang":"en"}`, 202, &job)
	for deadline := time.Now().Add(30 * time.Second); job.State == "running" && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
		call(t, f.h, "GET", "/api/jobs/"+job.ID, "", 200, &job)
	}
	if job.State != "done" || job.Download != "/api/jobs/"+job.ID+"/file" {
		t.Fatalf("job = %+v", job)
	}
	rec := call(t, f.h, "GET", job.Download+"?inline=true", "", 200, nil)
	if !strings.HasPrefix(rec.Header().Get("Content-Disposition"), "inline;") || !bytes.HasPrefix(rec.Body.Bytes(), []byte("%PDF-")) {
		t.Errorf("inline file: %s %q", rec.Header().Get("Content-Disposition"), rec.Body.Bytes()[:min(8, rec.Body.Len())])
	}
	call(t, f.h, "GET", "/api/jobs/nope/file", "", 404, nil)
}

func TestHoursWorkbookExport(t *testing.T) {
	f := reportFixture(t)
	rec := call(t, f.h, "GET", "/api/exports/hours.xlsx?lang=fr", "", 200, nil)
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/vnd.openxmlformats") {
		t.Fatalf("content type %q", ct)
	}
	wb, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	sheets := wb.GetSheetList()
	if len(sheets) != 2 || sheets[0] != "Heures" || sheets[1] != "Totaux" {
		t.Fatalf("sheets = %v", sheets)
	}
	rows, err := wb.GetRows("Heures")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0][0] != "Date" || rows[1][1] != "Élodie Dubœuf" || rows[1][4] != "Fondation Ștefan" {
		t.Fatalf("rows = %q", rows)
	}
	// The formula typed as a skill is text, not a formula.
	if formula, _ := wb.GetCellFormula("Heures", "F3"); formula != "" {
		t.Errorf("F3 became a formula: %q", formula)
	}
	if v, _ := wb.GetCellValue("Heures", "F3"); !strings.Contains(v, "HYPERLINK") || strings.HasPrefix(v, "=") {
		t.Errorf("F3 = %q", v)
	}
	if typ, _ := wb.GetCellType("Heures", "G2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("hours are not a number: type %v", typ)
	}
	raw, _ := wb.GetCellValue("Heures", "G3", excelize.Options{RawCellValue: true})
	if raw != "4.5" {
		t.Errorf("G3 raw = %q, want 4.5", raw)
	}
	call(t, f.h, "GET", "/api/exports/hours.xlsx?from=2026-12-01&to=2026-01-01", "", 422, nil)
}

func TestVolunteerCertificate(t *testing.T) {
	f := reportFixture(t)
	call(t, f.h, "PUT", "/api/settings/organization", `{"name":"Œuvre de Besançon","city":"Besançon","postcode":"25000","signatoryName":"Marie-Hélène Dubœuf","signatoryRole":"Présidente"}`, 200, nil)
	rec := call(t, f.h, "GET", "/api/volunteers/"+f.elodie.ID+"/certificate.pdf?lang=fr", "", 200, nil)
	text := pdfToText(t, rec.Body.Bytes())
	for _, want := range []string{"Élodie Dubœuf", "Comptabilité de l’épicerie", "Marie-Hélène Dubœuf", "Présidente", "2 h", "CIVI-"} {
		if !strings.Contains(text, want) {
			t.Errorf("the certificate lacks %q:\n%s", want, text)
		}
	}
	call(t, f.h, "GET", "/api/volunteers/99999/certificate.pdf", "", 404, nil)
}

func TestSurveysInReportsAndTheirDocuments(t *testing.T) {
	f := reportFixture(t)
	var survey idOnly
	call(t, f.h, "POST", "/api/surveys", `{"title":"Satisfaction des bénéficiaires","projectId":"`+f.project.ID+`","audience":"beneficiary",
		"questions":[{"kind":"scale","text":"Êtes-vous satisfait·e ?","min":1,"max":5},{"kind":"text","text":"Un mot pour les bénévoles ?"}]}`, 201, &survey)
	call(t, f.h, "POST", "/api/surveys/"+survey.ID+"/responses", `{"answers":[5,"Grâce à Élodie, nos comptes sont enfin clairs."],"source":"paper"}`, 201, nil)
	call(t, f.h, "POST", "/api/surveys/"+survey.ID+"/responses", `{"answers":[4,"=1+1 merci"],"source":"app"}`, 201, nil)

	text := pdfToText(t, call(t, f.h, "GET", "/api/reports/impact.pdf?sponsorId="+f.sponsor.ID+"&lang=fr", "", 200, nil).Body.Bytes())
	for _, want := range []string{"Satisfaction des bénéficiaires", "4,5", "nos comptes sont enfin clairs"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}

	var dash struct {
		Surveys []struct {
			Title     string   `json:"title"`
			Responses int      `json:"responses"`
			Mean      *float64 `json:"mean"`
			Max       *float64 `json:"max"`
		} `json:"surveys"`
	}
	call(t, f.h, "GET", "/api/dashboards/sponsor?sponsorId="+f.sponsor.ID, "", 200, &dash)
	if len(dash.Surveys) != 1 || dash.Surveys[0].Responses != 2 || dash.Surveys[0].Mean == nil || *dash.Surveys[0].Mean != 4.5 ||
		dash.Surveys[0].Max == nil || *dash.Surveys[0].Max != 5 {
		t.Errorf("sponsor dashboard surveys = %+v", dash.Surveys)
	}

	form := pdfToText(t, call(t, f.h, "GET", "/api/surveys/"+survey.ID+"/form.pdf?lang=fr", "", 200, nil).Body.Bytes())
	for _, want := range []string{"Satisfaction des bénéficiaires", "Êtes-vous satisfait·e ?", "Comptabilité de l’épicerie"} {
		if !strings.Contains(form, want) {
			t.Errorf("the paper form lacks %q:\n%s", want, form)
		}
	}
	rec := call(t, f.h, "GET", "/api/surveys/"+survey.ID+"/responses.xlsx?lang=fr", "", 200, nil)
	wb, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, err := wb.GetRows(wb.GetSheetList()[0])
	if err != nil || len(rows) != 3 {
		t.Fatalf("responses rows = %q, %v", rows, err)
	}
	joined := strings.Join(append(rows[1], rows[2]...), "|")
	if !strings.Contains(joined, "nos comptes sont enfin clairs") || strings.Contains(joined, "|=1+1") {
		t.Errorf("responses = %q", rows)
	}
	call(t, f.h, "GET", "/api/surveys/9999/form.pdf", "", 404, nil)
}
