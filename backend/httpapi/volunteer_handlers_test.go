package httpapi

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestVolunteerAPIScenarios(t *testing.T) {
	h := newTestHandler(t)
	for _, sc := range []scenario{
		{name: "create", method: "POST", path: "/api/volunteers",
			body: `{"firstName":"Élodie","lastName":"Martin","email":"Elodie.Martin@Example.fr","phone":"0612345678","city":"Besançon","postcode":"25000",
				"skills":[{"name":"compta","level":"confirmé"},{"name":"Apiculture"}],"causes":["solidarity"],"languages":["fr","en"],
				"availability":{"days":["monday"],"evenings":true,"hoursPerMonth":8,"mode":"remote"},"bio":"Œuvre pour les associations."}`,
			wantStatus: 201, wantType: "application/json",
			wantHeaders: map[string]string{"Location": "/api/volunteers/1"},
			wantInBody: []string{`"id":"1"`, `"email":"elodie.martin@example.fr"`, `"phone":"06 12 34 56 78"`,
				`{"id":"accounting","name":"Comptabilité","level":"confirmed","custom":false}`,
				`{"id":"custom:apiculture","name":"Apiculture","level":"intermediate","custom":true}`, `"status":"active"`}},
		{name: "skill names follow the reader's language", method: "GET", path: "/api/volunteers/1",
			headers: map[string]string{"Accept-Language": "en"}, wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"name":"Accounting"`}},
		{name: "every problem at once, in French", method: "POST", path: "/api/volunteers",
			body:       `{"email":"pas-un-courriel","postcode":"??","skills":[{"name":"x","level":"génial"}],"causes":["licornes"]}`,
			wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.skills"`}},
		{name: "field errors located", method: "POST", path: "/api/volunteers",
			body:       `{"email":"pas-un-courriel","postcode":"??","causes":["licornes"],"joinedOn":"2024-02-30"}`,
			wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.lastName"`, `"location":"body.email"`, `"location":"body.postcode"`,
				`"location":"body.causes"`, `"location":"body.joinedOn"`, "Ce champ est obligatoire."}},
		{name: "same e-mail in another case", method: "POST", path: "/api/volunteers",
			body:       `{"lastName":"Autre","email":"ELODIE.MARTIN@example.fr"}`,
			wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.email"`, "déjà celle d’un autre bénévole"}},
		{name: "second volunteer", method: "POST", path: "/api/volunteers",
			body:       `{"firstName":"Zoé","lastName":"Lefèvre","city":"Lyon","skills":[{"name":"Graphiste","level":"expert"}]}`,
			wantStatus: 201, wantType: "application/json"},
		{name: "search by synonym with facets and highlights", method: "GET", path: "/api/volunteers?q=accounting",
			wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":1`, `"firstName":"Élodie"`, `"field":"skill"`, `"text":"Comptabilité","match":true`,
				`"facets":{`, `"value":"Besançon","label":"Besançon","count":1`, `"tookMs":`, `"complete":true`, `"state":"ready"`}},
		{name: "exact skill and city filters", method: "GET", path: "/api/volunteers?skill=graphic-design&city=lyon",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"total":1`, `"lastName":"Lefèvre"`}},
		{name: "skill filter by French name", method: "GET", path: "/api/volunteers?skill=Graphisme",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"total":1`, `"lastName":"Lefèvre"`}},
		{name: "unknown level refused", method: "GET", path: "/api/volunteers?level=genius",
			wantStatus: 422, wantType: problemJSON},
		{name: "paging", method: "GET", path: "/api/volunteers?limit=1&offset=1",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"total":2`, `"lastName":"Martin"`}},
		{name: "update", method: "PUT", path: "/api/volunteers/2",
			body:       `{"firstName":"Zoé","lastName":"Lefèvre","city":"Besançon","skills":[{"id":"graphic-design","level":"expert"}]}`,
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"city":"Besançon"`}},
		{name: "update found by search at once", method: "GET", path: "/api/volunteers?city=Besan%C3%A7on&facets=false",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"total":2`}},
		{name: "archive", method: "DELETE", path: "/api/volunteers/2",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"status":"archived"`}},
		{name: "archived left out of search", method: "GET", path: "/api/volunteers?q=graphiste",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"total":0`}},
		{name: "archived still readable", method: "GET", path: "/api/volunteers/2",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"status":"archived"`}},
		{name: "archived searchable on demand", method: "GET", path: "/api/volunteers?q=graphiste&status=archived",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"total":1`}},
		{name: "restore", method: "POST", path: "/api/volunteers/2/restore",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"status":"active"`}},
		{name: "unknown volunteer", method: "GET", path: "/api/volunteers/999", wantStatus: 404, wantType: problemJSON},
		{name: "malformed id", method: "GET", path: "/api/volunteers/abc", wantStatus: 404, wantType: problemJSON},
		{name: "suggest while typing", method: "GET", path: "/api/skills/suggest?q=compt",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"id":"accounting","name":"Comptabilité"`}},
		{name: "suggest custom skills too", method: "GET", path: "/api/skills/suggest?q=apic",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"id":"custom:apiculture"`, `"custom":true`}},
		{name: "custom skill facet named as typed", method: "GET", path: "/api/volunteers?q=elodie",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"value":"custom:apiculture","label":"Apiculture"`}},
		{name: "custom skills listed", method: "GET", path: "/api/skills/custom",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"total":1`, `"name":"Apiculture","volunteers":1`}},
		{name: "vocabulary in English", method: "GET", path: "/api/vocabulary", headers: map[string]string{"Accept-Language": "en-GB"},
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`{"id":"humanRights","name":"Human rights"}`, `{"id":"confirmed","name":"Confirmed"}`}},
		{name: "merge custom skill", method: "POST", path: "/api/skills/merge", body: `{"from":"custom:apiculture","into":"Jardinage"}`,
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"updated":1`}},
		{name: "index state", method: "GET", path: "/api/search/index",
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"state":"ready"`}},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, h) })
	}
}

func TestVolunteerExports(t *testing.T) {
	h := newTestHandler(t)
	scenario{method: "POST", path: "/api/volunteers", wantStatus: 201, wantType: "application/json",
		body: `{"firstName":"Ольга","lastName":"=HYPERLINK(\"http://x\")","city":"Besançon","skills":[{"name":"compta"}],"joinedOn":"2024-03-15"}`}.run(t, h)

	rec := scenario{method: "GET", path: "/api/volunteers/export.csv?q=compta", wantStatus: 200, wantType: "text/csv",
		wantInBody: []string{"\ufeffPrénom;Nom;", "Ольга;\"'=HYPERLINK", "Comptabilité", "15/03/2024"}}.run(t, h)
	if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, `filename="benevoles-`) {
		t.Errorf("Content-Disposition %q", cd)
	}

	rec = scenario{method: "GET", path: "/api/volunteers/export.xlsx", headers: map[string]string{"Accept-Language": "en"},
		wantStatus: 200, wantType: mediaTypeXLSX}.run(t, h)
	f, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Volunteers")
	if err != nil || len(rows) != 2 || rows[0][0] != "First name" || rows[1][1] != `=HYPERLINK("http://x")` {
		t.Fatalf("rows %q, %v", rows, err)
	}
	if formula, _ := f.GetCellFormula("Volunteers", "B2"); formula != "" {
		t.Errorf("a name became a formula: %q", formula)
	}
}

// multipartFile builds an import form with the given file and optional mapping.
func multipartFile(t *testing.T, name string, data []byte, mapping string) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	part, err := w.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	part.Write(data)
	if mapping != "" {
		w.WriteField("mapping", mapping)
	}
	w.Close()
	return &buf, w.FormDataContentType()
}

func postImport(t *testing.T, h http.Handler, path, name string, data []byte, mapping string) *httptest.ResponseRecorder {
	t.Helper()
	body, ct := multipartFile(t, name, data, mapping)
	req := httptest.NewRequest("POST", path, body)
	req.Header.Set("Content-Type", ct)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

const importCSV = "Liste des bénévoles 2026;;;;\n" +
	";;;;\n" +
	"Prénom;Nom;Courriel;Compétences;Ville\n" +
	"Élodie;Martin;elodie@example.fr;Compta (expert), Graphisme;Besançon\n" +
	"Benoît;Dupont;pas-un-courriel;Juriste;Lyon\n" +
	"Élodie;Martin;ELODIE@example.fr;Gestion de projet;Besançon\n" +
	";;;;\n" +
	"Ольга;Петрова;olga@example.org;Traduction;Strasbourg\n"

func TestImportVolunteersThroughTheAPI(t *testing.T) {
	h := newTestHandler(t)

	rec := postImport(t, h, "/api/imports/volunteers?dryRun=true", "bénévoles.csv", []byte(importCSV), "")
	if rec.Code != 200 {
		t.Fatalf("dry run: %d %s", rec.Code, rec.Body)
	}
	var dry ImportResult
	json.Unmarshal(rec.Body.Bytes(), &dry)
	if dry.Rows != 4 || dry.Valid != 3 || dry.Created != 2 || dry.Merged != 1 || dry.Skipped != 1 || dry.Applied ||
		dry.HeaderRow != 3 || dry.Delimiter != ";" || len(dry.Errors) != 1 || dry.Errors[0].Row != 5 || dry.Errors[0].Column != "Courriel" {
		t.Fatalf("dry run: %+v", dry)
	}
	scenario{method: "GET", path: "/api/volunteers", wantStatus: 200, wantType: "application/json",
		wantInBody: []string{`"total":0`}}.run(t, h) // a dry run writes nothing

	// All or nothing refuses the file because of the bad row.
	rec = postImport(t, h, "/api/imports/volunteers?allOrNothing=true", "bénévoles.csv", []byte(importCSV), "")
	var none ImportResult
	json.Unmarshal(rec.Body.Bytes(), &none)
	if rec.Code != 200 || none.Applied || none.Created != 0 {
		t.Fatalf("all or nothing: %d %+v", rec.Code, none)
	}

	rec = postImport(t, h, "/api/imports/volunteers", "bénévoles.csv", []byte(importCSV), "")
	var done ImportResult
	json.Unmarshal(rec.Body.Bytes(), &done)
	if rec.Code != 200 || !done.Applied || done.Created != 2 || done.Skipped != 1 {
		t.Fatalf("import: %d %+v", rec.Code, done)
	}
	scenario{method: "GET", path: "/api/volunteers?q=gestion+de+projet", wantStatus: 200, wantType: "application/json",
		wantInBody: []string{`"total":1`, `"lastName":"Martin"`}}.run(t, h)

	// Importing the same file again updates the same people.
	rec = postImport(t, h, "/api/imports/volunteers", "bénévoles.csv", []byte(importCSV), "")
	json.Unmarshal(rec.Body.Bytes(), &done)
	if done.Created != 0 || done.Updated != 2 {
		t.Fatalf("re-import: %+v", done)
	}
	scenario{method: "GET", path: "/api/volunteers?facets=false", wantStatus: 200, wantType: "application/json",
		wantInBody: []string{`"total":2`}}.run(t, h)

	// A mapping chosen by the user: the city column ignored.
	rec = postImport(t, h, "/api/imports/volunteers?dryRun=true", "bénévoles.csv", []byte(importCSV),
		`["firstName","lastName","email","skills",""]`)
	json.Unmarshal(rec.Body.Bytes(), &dry)
	if rec.Code != 200 || dry.Columns[4].Field != "" {
		t.Fatalf("mapping: %d %s", rec.Code, rec.Body)
	}
	rec = postImport(t, h, "/api/imports/volunteers?dryRun=true", "bénévoles.csv", []byte(importCSV), `["email","email"]`)
	if rec.Code != 422 {
		t.Fatalf("a single-value field mapped twice: %d %s", rec.Code, rec.Body)
	}
	// Skills may come from several columns; here the city column is read as more skills.
	rec = postImport(t, h, "/api/imports/volunteers?dryRun=true", "bénévoles.csv", []byte(importCSV),
		`["firstName","lastName","email","skills","skills"]`)
	json.Unmarshal(rec.Body.Bytes(), &dry)
	if rec.Code != 200 || !slices.Contains(dry.MultiColumnFields, "skills") || slices.Contains(dry.MultiColumnFields, "email") {
		t.Fatalf("skills in two columns: %d %s", rec.Code, rec.Body)
	}
}

func TestImportRefusesFilesThatAreNotSpreadsheets(t *testing.T) {
	h := newTestHandler(t)
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	rec := postImport(t, h, "/api/imports/volunteers?dryRun=true", "photo.png", png, "")
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), "CSV, XLSX") {
		t.Fatalf("png: %d %s", rec.Code, rec.Body)
	}
	rec = postImport(t, h, "/api/imports/volunteers?dryRun=true", "vide.csv", nil, "")
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), "vide") {
		t.Fatalf("empty: %d %s", rec.Code, rec.Body)
	}
	req := httptest.NewRequest("POST", "/api/imports/volunteers", strings.NewReader("x"))
	req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
	req.ContentLength = maxUploadBytes + 1
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 413 {
		t.Fatalf("too large: %d", rec.Code)
	}
}

func TestImportJobReportsProgressAndResult(t *testing.T) {
	h := newTestHandler(t)
	rec := postImport(t, h, "/api/imports/volunteers/jobs", "bénévoles.csv", []byte(importCSV), "")
	if rec.Code != 202 {
		t.Fatalf("start: %d %s", rec.Code, rec.Body)
	}
	var job Job
	json.Unmarshal(rec.Body.Bytes(), &job)
	deadline := time.Now().Add(10 * time.Second)
	for job.State == "running" && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
		got := scenario{method: "GET", path: "/api/jobs/" + job.ID, wantStatus: 200, wantType: "application/json"}.run(t, h)
		json.Unmarshal(got.Body.Bytes(), &job)
	}
	if job.State != "done" || job.Result == nil || job.Result.Created != 2 || job.Phase != "indexing" || job.Done != job.Total {
		t.Fatalf("job: %+v", job)
	}
	scenario{method: "GET", path: "/api/jobs/nope", wantStatus: 404, wantType: problemJSON}.run(t, h)
}
