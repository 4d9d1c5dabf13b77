package httpapi

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/civisphere/civisphere/backend/domain"
)

// newCollaborationProjects adds an association and two projects through the API.
func newCollaborationProjects(t *testing.T, h http.Handler) {
	t.Helper()
	scenario{method: "POST", path: "/api/organizations", body: `{"name":"Œuvre des Jardins de Besançon","kind":"association"}`,
		wantStatus: 201, wantType: "application/json", wantInBody: []string{`"id":"1"`}}.run(t, h)
	for _, title := range []string{"Comptabilité 2027", "Site web de l’association"} {
		scenario{method: "POST", path: "/api/projects", body: `{"title":"` + title + `","organizationId":"1"}`,
			wantStatus: 201, wantType: "application/json"}.run(t, h)
	}
}

func TestProjectDiscussionAPI(t *testing.T) {
	h := newTestHandler(t)
	newCollaborationProjects(t, h)
	for _, sc := range []scenario{
		{name: "empty thread", method: "GET", path: "/api/projects/1/messages", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":0`, `"items":[]`}},
		{name: "post", method: "POST", path: "/api/projects/1/messages",
			body:       `{"author":"  Élodie Martin ","body":"Bonjour à tous,\r\nle bilan est prêt."}`,
			wantStatus: 201, wantType: "application/json",
			wantInBody: []string{`"id":"1"`, `"projectId":"1"`, `"author":"Élodie Martin"`, `"body":"Bonjour à tous,\nle bilan est prêt."`,
				`"createdAt":"2026-11-25T14:00:00Z"`, `"editedAt":""`}},
		{name: "second message", method: "POST", path: "/api/projects/1/messages", body: `{"author":"Ольга","body":"Спасибо, Élodie !"}`,
			wantStatus: 201, wantType: "application/json"},
		{name: "other project's message", method: "POST", path: "/api/projects/2/messages", body: `{"author":"Zoé","body":"Autre projet"}`,
			wantStatus: 201, wantType: "application/json", wantInBody: []string{`"id":"3"`}},
		{name: "empty message in French", method: "POST", path: "/api/projects/1/messages",
			headers: map[string]string{"Accept-Language": "fr-FR"}, body: `{"author":"Élodie","body":"   "}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.body"`, `Ce champ est obligatoire.`}},
		{name: "empty message in English", method: "POST", path: "/api/projects/1/messages",
			headers: map[string]string{"Accept-Language": "en-GB"}, body: `{"body":""}`,
			wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.author"`, `"location":"body.body"`, `This field is required.`}},
		{name: "too long", method: "POST", path: "/api/projects/1/messages",
			body:       `{"author":"Zoé","body":"` + strings.Repeat("é", domain.MaxMessageBodyRunes+1) + `"}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.body"`, `10000 caractères au plus`}},
		{name: "oldest first, newest last", method: "GET", path: "/api/projects/1/messages", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":2`, `"author":"Élodie Martin"`, `"author":"Ольга"`}},
		{name: "latest page", method: "GET", path: "/api/projects/1/messages?limit=1", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":2`, `"items":[{"id":"2"`}},
		{name: "older page", method: "GET", path: "/api/projects/1/messages?limit=1&offset=1", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"items":[{"id":"1"`}},
		{name: "edit", method: "PUT", path: "/api/projects/1/messages/1", body: `{"body":"Bonjour à toutes et à tous"}`,
			wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"author":"Élodie Martin"`, `"body":"Bonjour à toutes et à tous"`, `"editedAt":"2026-11-25T14:00:00Z"`}},
		{name: "edit to nothing", method: "PUT", path: "/api/projects/1/messages/1", body: `{"body":""}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.body"`}},
		{name: "another project's message is not found", method: "DELETE", path: "/api/projects/1/messages/3",
			wantStatus: 404, wantType: problemJSON},
		{name: "another project's message cannot be edited", method: "PUT", path: "/api/projects/1/messages/3", body: `{"body":"x"}`,
			wantStatus: 404, wantType: problemJSON},
		{name: "delete", method: "DELETE", path: "/api/projects/1/messages/2", wantStatus: 204},
		{name: "deleted", method: "DELETE", path: "/api/projects/1/messages/2", wantStatus: 404, wantType: problemJSON,
			wantInBody: []string{`Élément introuvable.`}},
		{name: "after delete", method: "GET", path: "/api/projects/1/messages", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":1`}},
		{name: "unknown project", method: "GET", path: "/api/projects/99/messages", wantStatus: 404, wantType: problemJSON},
		{name: "post to unknown project", method: "POST", path: "/api/projects/99/messages", body: `{"author":"Zoé","body":"Bonjour"}`,
			wantStatus: 404, wantType: problemJSON},
		{name: "malformed id", method: "GET", path: "/api/projects/abc/messages", wantStatus: 404, wantType: problemJSON},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, h) })
	}
}

// uploadDocument posts a multipart form with a file (when name is not "") and a title.
func uploadDocument(t *testing.T, h http.Handler, projectID, name string, data []byte, title string, headers map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if name != "" {
		part, err := w.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		part.Write(data)
	}
	if title != "" {
		w.WriteField("title", title)
	}
	w.Close()
	req := httptest.NewRequest("POST", "/api/projects/"+projectID+"/documents", &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func decodeDocument(t *testing.T, rec *httptest.ResponseRecorder, wantStatus int) ProjectDocument {
	t.Helper()
	if rec.Code != wantStatus {
		t.Fatalf("status %d, want %d: %s", rec.Code, wantStatus, rec.Body)
	}
	var d ProjectDocument
	if err := json.Unmarshal(rec.Body.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// storedFiles lists the files kept for a project, temporary ones included.
func storedFiles(t *testing.T, dataDir, projectID string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dataDir, "documents", projectID))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

var storedName = regexp.MustCompile(`^[0-9]+-[0-9a-f]{24}$`)

func TestProjectDocumentsAPI(t *testing.T) {
	// The multipart reader spools big files to the temp folder: it must be emptied after each request.
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	h, dataDir := newTestHandlerIn(t)
	newCollaborationProjects(t, h)
	pdf := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("Procès-verbal de l’assemblée générale — Ольга, Nguyễn\n"), 2000)...)

	scenario{method: "GET", path: "/api/projects/1/documents", wantStatus: 200, wantType: "application/json",
		wantInBody: []string{`"total":0`, `"items":[]`, `"maxFileBytes":26214400`}}.run(t, h)

	// An accented name, downloaded back byte for byte under the same name.
	file := decodeDocument(t, uploadDocument(t, h, "1", "Œuvre — procès-verbal.pdf", pdf, "", nil), 201)
	if file.ID != "1" || file.Kind != "file" || file.Title != "Œuvre — procès-verbal.pdf" || file.FileName != file.Title ||
		file.MediaType != "application/pdf" || file.Size != int64(len(pdf)) || file.URL != "" ||
		file.DownloadURL != "/api/projects/1/documents/1/download" || file.CreatedAt != "2026-11-25T14:00:00Z" {
		t.Fatalf("uploaded %+v", file)
	}
	rec := scenario{method: "GET", path: file.DownloadURL, wantStatus: 200, wantType: "application/pdf",
		wantHeaders: map[string]string{
			"Content-Disposition":     `attachment; filename="oeuvre _ proces-verbal.pdf"; filename*=UTF-8''%C5%92uvre%20%E2%80%94%20proc%C3%A8s-verbal.pdf`,
			"X-Content-Type-Options":  "nosniff",
			"Content-Security-Policy": downloadCSP,
			"Content-Length":          strconv.Itoa(len(pdf)),
		}}.run(t, h)
	if !bytes.Equal(rec.Body.Bytes(), pdf) {
		t.Fatal("downloaded bytes differ from the uploaded ones")
	}

	// A path as a name: only a plain name is kept, and nothing is written outside the project's folder.
	passwd := decodeDocument(t, uploadDocument(t, h, "1", "../../etc/passwd", []byte("root:x:0:0"), "Mot de passe ?", nil), 201)
	if passwd.FileName != "passwd" || passwd.Title != "Mot de passe ?" || passwd.MediaType != "text/plain; charset=utf-8" {
		t.Fatalf("path as a name: %+v", passwd)
	}
	rec = scenario{method: "GET", path: passwd.DownloadURL, wantStatus: 200, wantType: "text/plain"}.run(t, h)
	if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename="passwd"; filename*=UTF-8''passwd` {
		t.Errorf("Content-Disposition %q", cd)
	}

	// Uploaded markup is served as bytes to save, never as a page.
	html := decodeDocument(t, uploadDocument(t, h, "1", "programme.html", []byte("<!DOCTYPE html><script>alert(1)</script>"), "", nil), 201)
	scenario{method: "GET", path: html.DownloadURL, wantStatus: 200, wantType: "application/octet-stream",
		wantHeaders: map[string]string{"X-Content-Type-Options": "nosniff", "Content-Security-Policy": downloadCSP}}.run(t, h)

	files := storedFiles(t, dataDir, "1")
	if len(files) != 3 {
		t.Fatalf("files kept: %q", files)
	}
	for _, name := range files {
		if !storedName.MatchString(name) {
			t.Errorf("file kept as %q", name)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dataDir, "documents"))
	if len(entries) != 1 || entries[0].Name() != "1" {
		t.Errorf("documents folder holds %v", entries)
	}

	// Too large: refused, in the reader's language, and nothing kept.
	rec = uploadDocument(t, h, "1", "vidéo de l’AG.mp4", make([]byte, domain.MaxDocumentBytes+1), "", map[string]string{"Accept-Language": "fr"})
	if rec.Code != 413 || !strings.Contains(rec.Body.String(), "Le fichier est trop volumineux (25 Mo au plus).") {
		t.Fatalf("oversized file: %d %s", rec.Code, rec.Body)
	}
	rec = uploadDocument(t, h, "1", "film.mp4", make([]byte, maxDocumentUploadBytes), "", map[string]string{"Accept-Language": "en"})
	if rec.Code != 413 || !strings.Contains(rec.Body.String(), "25 MB at most") {
		t.Fatalf("oversized request: %d %s", rec.Code, rec.Body)
	}
	if after := storedFiles(t, dataDir, "1"); !slices.Equal(after, files) {
		t.Errorf("refused uploads left files: %q", after)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}

	for _, sc := range []scenario{
		{name: "link without address", method: "POST", path: "/api/projects/1/links", body: `{"title":"Statuts","url":""}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.url"`, `Ce champ est obligatoire.`}},
		{name: "javascript link", method: "POST", path: "/api/projects/1/links", body: `{"title":"Cliquez ici","url":"javascript:alert(document.cookie)"}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.url"`, `Adresse web invalide`}},
		{name: "javascript link in English", method: "POST", path: "/api/projects/1/links", headers: map[string]string{"Accept-Language": "en"},
			body: `{"url":"JAVASCRIPT:alert(1)"}`, wantStatus: 422, wantType: problemJSON, wantInBody: []string{`Invalid web address`}},
		{name: "link", method: "POST", path: "/api/projects/1/links", body: `{"title":"Dossier partagé","url":"drive.example.org/d/Отчёт"}`,
			wantStatus: 201, wantType: "application/json",
			wantInBody: []string{`"id":"4"`, `"kind":"link"`, `"title":"Dossier partagé"`, `"url":"https://drive.example.org/d/Отчёт"`, `"downloadUrl":""`}},
		{name: "a link has nothing to download", method: "GET", path: "/api/projects/1/documents/4/download", wantStatus: 404, wantType: problemJSON},
		{name: "newest first", method: "GET", path: "/api/projects/1/documents", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":4`, `"items":[{"id":"4"`}},
		{name: "another project's document is not found", method: "GET", path: "/api/projects/2/documents/1/download",
			wantStatus: 404, wantType: problemJSON},
		{name: "another project's document cannot be deleted", method: "DELETE", path: "/api/projects/2/documents/1",
			wantStatus: 404, wantType: problemJSON},
		{name: "other project empty", method: "GET", path: "/api/projects/2/documents", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"total":0`}},
		{name: "unknown project", method: "GET", path: "/api/projects/99/documents", wantStatus: 404, wantType: problemJSON},
		{name: "link to unknown project", method: "POST", path: "/api/projects/99/links", body: `{"url":"https://asso.fr"}`,
			wantStatus: 404, wantType: problemJSON},
		{name: "delete a file", method: "DELETE", path: "/api/projects/1/documents/1", wantStatus: 204},
		{name: "deleted file", method: "GET", path: "/api/projects/1/documents/1/download", wantStatus: 404, wantType: problemJSON},
		{name: "delete a link", method: "DELETE", path: "/api/projects/1/documents/4", wantStatus: 204},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, h) })
	}
	if after := storedFiles(t, dataDir, "1"); len(after) != 2 || slices.ContainsFunc(after, func(n string) bool { return strings.HasPrefix(n, "1-") }) {
		t.Errorf("after deleting document 1, files %q", after)
	}

	rec = uploadDocument(t, h, "1", "", nil, "Sans fichier", map[string]string{"Accept-Language": "en"})
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), `"location":"body.file"`) || !strings.Contains(rec.Body.String(), "This field is required.") {
		t.Errorf("no file: %d %s", rec.Code, rec.Body)
	}
	if rec = uploadDocument(t, h, "99", "a.txt", []byte("a"), "", nil); rec.Code != 404 {
		t.Errorf("upload to an unknown project: %d", rec.Code)
	}
	if rec = uploadDocument(t, h, "1", "vide.txt", nil, "", nil); rec.Code != 422 || !strings.Contains(rec.Body.String(), "Le fichier est vide.") {
		t.Errorf("empty file: %d %s", rec.Code, rec.Body)
	}
}
