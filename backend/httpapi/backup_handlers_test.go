package httpapi

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupEndpoints(t *testing.T) {
	h, dataDir := newTestHandlerIn(t)
	en := map[string]string{"Accept-Language": "en"}

	scenario{name: "empty list", method: http.MethodGet, path: "/api/backups", wantStatus: 200, wantType: "application/json",
		wantInBody: []string{`"total":0`, `"items":[]`}}.run(t, h)

	scenario{method: http.MethodPut, path: "/api/settings/preferences", body: `{"locale":"fr","theme":"light"}`,
		wantStatus: 200, wantType: "application/json"}.run(t, h)
	rec := scenario{name: "back up now", method: http.MethodPost, path: "/api/backups", wantStatus: 201, wantType: "application/json",
		wantInBody: []string{`"reason":"manual"`, `"location":"main"`, `"createdAt":"2026-11-25T14:00:00Z"`}}.run(t, h)
	var made Backup
	if err := json.Unmarshal(rec.Body.Bytes(), &made); err != nil || made.SizeBytes == 0 || made.SchemaVersion == 0 {
		t.Fatalf("backup %+v %v", made, err)
	}

	scenario{name: "list", method: http.MethodGet, path: "/api/backups", wantStatus: 200, wantType: "application/json",
		wantInBody: []string{`"total":1`, `"name":"` + made.Name + `"`, `"sizeBytes":`, `"schemaVersion":`}}.run(t, h)

	rec = scenario{name: "download", method: http.MethodGet, path: "/api/backups/" + made.Name + "/file", wantStatus: 200,
		wantType: "application/zip", wantHeaders: map[string]string{"Content-Disposition": contentDisposition(made.Name)}}.run(t, h)
	if !strings.HasPrefix(rec.Body.String(), "PK") || int64(rec.Body.Len()) != made.SizeBytes {
		t.Errorf("downloaded %d bytes, want the %d-byte zip", rec.Body.Len(), made.SizeBytes)
	}

	// Changed after the backup, then restored: the earlier preferences come back.
	scenario{method: http.MethodPut, path: "/api/settings/preferences", body: `{"locale":"en","theme":"dark"}`,
		wantStatus: 200, wantType: "application/json"}.run(t, h)
	scenario{name: "restore", method: http.MethodPost, path: "/api/backups/" + made.Name + "/restore", wantStatus: 200,
		wantType: "application/json", wantInBody: []string{`"restored":"` + made.Name + `"`, `"reason":"restore"`}}.run(t, h)
	scenario{method: http.MethodGet, path: "/api/settings/preferences", wantStatus: 200, wantType: "application/json",
		wantInBody: []string{`"locale":"fr"`, `"theme":"light"`}}.run(t, h)

	// Bad names never reach the file system.
	for _, bad := range []string{"..%2F..%2Fcivisphere.db", "civisphere.db", "%2E%2E", "civisphere-2026-11-25T140000Z-manual.zip%00"} {
		rec := httptestDo(h, http.MethodGet, "/api/backups/"+bad+"/file")
		if rec.Code != http.StatusNotFound && rec.Code != http.StatusBadRequest {
			t.Errorf("GET %s: status %d", bad, rec.Code)
		}
		rec = httptestDo(h, http.MethodPost, "/api/backups/"+bad+"/restore")
		if rec.Code != http.StatusNotFound && rec.Code != http.StatusBadRequest {
			t.Errorf("restore %s: status %d", bad, rec.Code)
		}
	}

	// A damaged backup is refused and changes nothing.
	path := filepath.Join(dataDir, "backups", made.Name)
	data, _ := os.ReadFile(path)
	data[120] ^= 0xff
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	scenario{name: "damaged", method: http.MethodPost, path: "/api/backups/" + made.Name + "/restore", headers: en, wantStatus: 422,
		wantType: problemJSON, wantInBody: []string{"not a Civisphère backup, or it was damaged"}}.run(t, h)

	// Automatic backups cannot be deleted by hand; manual ones can.
	var list BackupList
	json.Unmarshal(httptestDo(h, http.MethodGet, "/api/backups").Body.Bytes(), &list) //nolint:errcheck // checked below
	var auto string
	for _, b := range list.Items {
		if b.Reason == "restore" {
			auto = b.Name
		}
	}
	if auto == "" {
		t.Fatalf("no pre-restore backup listed: %+v", list)
	}
	scenario{name: "delete automatic", method: http.MethodDelete, path: "/api/backups/" + auto, headers: en, wantStatus: 409,
		wantType: problemJSON, wantInBody: []string{"only manual backups"}}.run(t, h)
	scenario{name: "delete manual", method: http.MethodDelete, path: "/api/backups/" + made.Name, wantStatus: 204}.run(t, h)
	scenario{name: "delete again", method: http.MethodDelete, path: "/api/backups/" + made.Name, wantStatus: 404, wantType: problemJSON}.run(t, h)

	// Settings.
	scenario{name: "settings", method: http.MethodGet, path: "/api/settings/backups", wantStatus: 200, wantType: "application/json",
		wantInBody: []string{`"secondFolder":""`, `"lastAutomaticBackup":"2026-11-25T14:00:00Z"`}}.run(t, h)
	scenario{name: "second folder inside the data folder", method: http.MethodPut, path: "/api/settings/backups", headers: en,
		body: mustJSON(t, BackupSettings{SecondFolder: filepath.Join(dataDir, "backups")}), wantStatus: 422, wantType: problemJSON,
		wantInBody: []string{"body.secondFolder", "outside the data folder"}}.run(t, h)
	second := filepath.Join(t.TempDir(), "Clé USB")
	os.Mkdir(second, 0o700) //nolint:errcheck // checked through the API
	scenario{name: "second folder", method: http.MethodPut, path: "/api/settings/backups", body: mustJSON(t, BackupSettings{SecondFolder: second}),
		wantStatus: 200, wantType: "application/json", wantInBody: []string{"Clé USB"}}.run(t, h)
	scenario{name: "copied to the second folder", method: http.MethodPost, path: "/api/backups", wantStatus: 201, wantType: "application/json",
		wantInBody: []string{`"location":"both"`}}.run(t, h)
}

func httptestDo(h http.Handler, method, path string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	return rec
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
