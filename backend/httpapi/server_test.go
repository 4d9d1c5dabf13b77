package httpapi

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"image"
	"image/png"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/guides"
	"github.com/civisphere/civisphere/backend/service"
	"github.com/civisphere/civisphere/backend/store"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// testUI stands for the built frontend.
var testUI = fstest.MapFS{
	"index.html":             {Data: []byte(`<!doctype html><html><body><div id="app"></div><script type="module" src="/assets/index-abc123.js"></script></body></html>`)},
	"assets/index-abc123.js": {Data: []byte(`console.log("Civisphère")`)},
	"assets/inter-x1.woff2":  {Data: []byte("wOF2")},
	"favicon.svg":            {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
}

// newTestHandler returns the whole application handler on a fresh temp database.
func newTestHandler(t testing.TB) http.Handler {
	t.Helper()
	h, _ := newTestHandlerIn(t)
	return h
}

// newTestHandlerIn is newTestHandler that also returns its data folder, for tests that look at
// the files the application keeps there.
func newTestHandlerIn(t testing.TB) (http.Handler, string) {
	t.Helper()
	return newTestHandlerIndexed(t, true)
}

// newTestHandlerIndexed is newTestHandlerIn whose search index, unless startIndex, is never
// started: it stays in the state it has while a rebuild runs, for tests of the database fallback.
func newTestHandlerIndexed(t testing.TB, startIndex bool) (http.Handler, string) {
	t.Helper()
	dataDir := t.TempDir()
	st, err := store.Open(context.Background(), filepath.Join(dataDir, "civisphere.db"))
	if err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Date(2026, 11, 25, 14, 0, 0, 0, time.UTC) }
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	tax := taxonomy.Builtin()
	index := service.NewVolunteerIndexer(st, tax, filepath.Join(filepath.Dir(st.Path()), "index", "volunteers"), log)
	if startIndex {
		if err := index.Start(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	jobsCtx, stopJobs := context.WithCancel(context.Background())
	t.Cleanup(func() {
		stopJobs()
		index.Close()
		st.Close()
	})
	for startIndex && index.Status().State != service.IndexReady {
		time.Sleep(time.Millisecond)
	}
	volunteers := service.NewVolunteers(st, tax, index, now, log)
	projects := service.NewProjects(st, volunteers, now)
	dashboards := service.NewDashboards(st, now)
	return New(Config{
		Version:       "9.9.9-test",
		Settings:      service.NewSettings(st, now),
		Volunteers:    volunteers,
		Jobs:          service.NewJobs(jobsCtx, now),
		Organizations: service.NewOrganizations(st, now),
		Projects:      projects,
		Matching:      service.NewMatching(st, index, tax, projects),
		Recruitment:   service.NewRecruitment(st, now),
		Agenda:        service.NewAgenda(st, now),
		Resources:     service.NewResources(st, guides.Builtin(), now),
		Diagnostics:   service.NewDiagnostics(st, projects, now),
		Hours:         service.NewHours(st, volunteers, now),
		Dashboards:    dashboards,
		Reports:       service.NewReports(st, volunteers, dashboards, now),
		Surveys:       service.NewSurveys(st, now),
		Discussion:    service.NewDiscussion(st, now),
		Documents:     service.NewDocuments(st, filepath.Join(dataDir, "documents"), now, log),
		Privacy:       service.NewPrivacy(st, volunteers, index, dataDir, now, log),
		Backups:       service.NewBackups(st, index, dataDir, "9.9.9-test", now, log),
		UI:            testUI,
		Log:           log,
		ActorFor:      testActorFor,
	}), dataDir
}

// testActorFor is the local admin, or the role a test names in the X-Test-Role header: the
// application has no accounts yet, and this is how tests check permissions through HTTP.
func testActorFor(r *http.Request) domain.Actor {
	if role := r.Header.Get("X-Test-Role"); role != "" {
		return domain.Actor{ID: "test-" + role, Role: domain.Role(role)}
	}
	return domain.LocalAdmin()
}

type scenario struct {
	name        string
	method      string
	path        string
	headers     map[string]string
	body        string
	wantStatus  int
	wantType    string // prefix of Content-Type
	wantHeaders map[string]string
	wantInBody  []string // fragments the body must contain
}

func (sc scenario) run(t *testing.T, h http.Handler) *httptest.ResponseRecorder {
	t.Helper()
	var body io.Reader
	if sc.body != "" {
		body = strings.NewReader(sc.body)
	}
	req := httptest.NewRequest(sc.method, sc.path, body)
	if sc.body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range sc.headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != sc.wantStatus {
		t.Fatalf("%s %s: status %d, want %d; body: %s", sc.method, sc.path, rec.Code, sc.wantStatus, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, sc.wantType) {
		t.Errorf("Content-Type %q, want prefix %q", ct, sc.wantType)
	}
	for k, v := range sc.wantHeaders {
		if got := rec.Header().Get(k); got != v {
			t.Errorf("header %s = %q, want %q", k, got, v)
		}
	}
	for _, frag := range sc.wantInBody {
		if !strings.Contains(rec.Body.String(), frag) {
			t.Errorf("body lacks %q: %s", frag, rec.Body)
		}
	}
	return rec
}

const problemJSON = "application/problem+json"

func TestAPIScenarios(t *testing.T) {
	h := newTestHandler(t)
	scenarios := []scenario{
		{name: "health", method: "GET", path: "/api/health", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"status":"ok"`, `"version":"9.9.9-test"`}},
		{name: "openapi document", method: "GET", path: "/api/openapi.json", wantStatus: 200, wantType: "application/",
			wantInBody: []string{`"openapi":"3.1.0"`, `/api/settings/organization`, `/api/health`}},
		{name: "empty profile", method: "GET", path: "/api/settings/organization", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"name":""`, `"updatedAt":""`, `"logoUrl":""`}},
		{name: "save profile", method: "PUT", path: "/api/settings/organization",
			body:       `{"name":"Œuvre de Besançon","email":"contact@oeuvre-besancon.fr","registrationNumber":"W 251 002 233","city":"Besançon"}`,
			wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"name":"Œuvre de Besançon"`, `"registrationNumber":"W251002233"`, `"updatedAt":"2026-11-25T14:00:00Z"`}},
		{name: "profile kept", method: "GET", path: "/api/settings/organization", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"name":"Œuvre de Besançon"`, `"city":"Besançon"`}},
		{name: "invalid profile in French", method: "PUT", path: "/api/settings/organization",
			headers: map[string]string{"Accept-Language": "fr-FR,fr;q=0.9"},
			body:    `{"name":"  ","email":"pas-un-email"}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.name"`, `Ce champ est obligatoire.`, `"location":"body.email"`, `Adresse e-mail invalide`}},
		{name: "invalid profile in English", method: "PUT", path: "/api/settings/organization",
			headers: map[string]string{"Accept-Language": "en-GB,en;q=0.8"},
			body:    `{"name":"X","email":"nope"}`, wantStatus: 422, wantType: problemJSON,
			wantInBody: []string{`"location":"body.email"`, `Invalid e-mail address`}},
		{name: "invalid input saved nothing", method: "GET", path: "/api/settings/organization", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"name":"Œuvre de Besançon"`, `"email":"contact@oeuvre-besancon.fr"`}},
		{name: "logo that is not an image", method: "PUT", path: "/api/settings/organization",
			body:       `{"name":"X","logo":"` + base64.StdEncoding.EncodeToString([]byte("%PDF-1.4 pas une image")) + `"}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.logo"`, `PNG ou JPEG`}},
		{name: "malformed JSON", method: "PUT", path: "/api/settings/organization", body: `{"name":"A",`,
			wantStatus: 400, wantType: problemJSON, wantInBody: []string{`"status":400`}},
		{name: "wrong method", method: "DELETE", path: "/api/health", wantStatus: 405, wantType: problemJSON,
			wantHeaders: map[string]string{"Allow": "GET, HEAD"}, wantInBody: []string{`"status":405`, `méthode`}},
		{name: "wrong method on settings", method: "POST", path: "/api/settings/preferences", wantStatus: 405, wantType: problemJSON},
		{name: "unknown API route", method: "GET", path: "/api/nothing-here", wantStatus: 404, wantType: problemJSON,
			wantInBody: []string{`"status":404`}},
		{name: "no logo yet", method: "GET", path: "/api/settings/organization/logo", wantStatus: 404, wantType: problemJSON},
		{name: "preferences defaults", method: "GET", path: "/api/settings/preferences", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"locale":""`, `"theme":"system"`}},
		{name: "save preferences", method: "PUT", path: "/api/settings/preferences", body: `{"locale":"en","theme":"dark"}`,
			wantStatus: 200, wantType: "application/json", wantInBody: []string{`"locale":"en"`, `"theme":"dark"`}},
		{name: "preferences kept", method: "GET", path: "/api/settings/preferences", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"locale":"en"`, `"theme":"dark"`}},
		{name: "unknown theme", method: "PUT", path: "/api/settings/preferences", body: `{"locale":"fr","theme":"pink"}`,
			wantStatus: 422, wantType: problemJSON, wantInBody: []string{`body.theme`}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, h) })
	}
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	h := newTestHandler(t)
	for _, path := range []string{"/", "/api/health", "/api/nothing", "/assets/index-abc123.js"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		csp := rec.Header().Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-eval") ||
			strings.Contains(strings.SplitN(strings.SplitN(csp, "script-src", 2)[1], ";", 2)[0], "unsafe-inline") ||
			!strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", path)
		}
	}
}

func TestOversizedBodyIsRefusedWith413(t *testing.T) {
	h := newTestHandler(t)
	big := `{"name":"` + strings.Repeat("a", maxRequestBytes) + `"}`
	t.Run("declared length", func(t *testing.T) {
		scenario{method: "PUT", path: "/api/settings/organization", body: big, wantStatus: 413, wantType: problemJSON,
			wantInBody: []string{`"status":413`}}.run(t, h)
	})
	t.Run("streamed without length", func(t *testing.T) {
		req := httptest.NewRequest("PUT", "/api/settings/organization", io.MultiReader(strings.NewReader(big)))
		req.ContentLength = -1
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 413 || !strings.HasPrefix(rec.Header().Get("Content-Type"), problemJSON) {
			t.Fatalf("status %d %s", rec.Code, rec.Header().Get("Content-Type"))
		}
	})
	t.Run("small operation limit", func(t *testing.T) {
		body := `{"locale":"fr","theme":"` + strings.Repeat("x", maxPreferencesBodyBytes) + `"}`
		scenario{method: "PUT", path: "/api/settings/preferences", body: body, wantStatus: 413, wantType: problemJSON}.run(t, h)
	})
	t.Run("nothing saved", func(t *testing.T) {
		scenario{method: "GET", path: "/api/settings/organization", wantStatus: 200, wantType: "application/json",
			wantInBody: []string{`"name":""`}}.run(t, h)
	})
}

func TestLogoRoundTrip(t *testing.T) {
	h := newTestHandler(t)
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 120, 60))); err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(map[string]any{"name": "Les Amis de Łódź", "logo": img.Bytes()})
	rec := scenario{method: "PUT", path: "/api/settings/organization", body: string(body), wantStatus: 200, wantType: "application/json"}.run(t, h)
	var saved OrganizationProfile
	if err := json.Unmarshal(rec.Body.Bytes(), &saved); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(saved.LogoURL, logoPath+"?v=") {
		t.Fatalf("logoUrl %q", saved.LogoURL)
	}
	rec = scenario{method: "GET", path: saved.LogoURL, wantStatus: 200, wantType: "image/png",
		wantHeaders: map[string]string{"Cache-Control": "private, max-age=31536000, immutable"}}.run(t, h)
	if !bytes.Equal(rec.Body.Bytes(), img.Bytes()) {
		t.Fatal("logo bytes differ")
	}
	scenario{method: "GET", path: logoPath, wantStatus: 200, wantType: "image/png",
		wantHeaders: map[string]string{"Cache-Control": "no-cache"}}.run(t, h)

	// Saving the form without a logo keeps it; removeLogo removes it.
	scenario{method: "PUT", path: "/api/settings/organization", body: `{"name":"Les Amis de Łódź"}`, wantStatus: 200,
		wantType: "application/json", wantInBody: []string{`"logoUrl":"` + saved.LogoURL + `"`}}.run(t, h)
	scenario{method: "PUT", path: "/api/settings/organization", body: `{"name":"Les Amis de Łódź","removeLogo":true}`, wantStatus: 200,
		wantType: "application/json", wantInBody: []string{`"logoUrl":""`}}.run(t, h)
	scenario{method: "GET", path: logoPath, wantStatus: 404, wantType: problemJSON}.run(t, h)
}

func TestLogoOverTwoMegabytesIsAFieldError(t *testing.T) {
	h := newTestHandler(t)
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 10, 10))); err != nil {
		t.Fatal(err)
	}
	big := append(img.Bytes(), make([]byte, 2*1024*1024)...)
	body, _ := json.Marshal(map[string]any{"name": "Asso", "logo": big})
	scenario{method: "PUT", path: "/api/settings/organization", body: string(body), headers: map[string]string{"Accept-Language": "fr"},
		wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.logo"`, `2 Mo`}}.run(t, h)
}

func TestSPAServing(t *testing.T) {
	h := newTestHandler(t)
	scenarios := []scenario{
		{name: "index", method: "GET", path: "/", wantStatus: 200, wantType: "text/html",
			wantHeaders: map[string]string{"Cache-Control": "no-cache"}, wantInBody: []string{`<div id="app">`}},
		{name: "app route falls back to index", method: "GET", path: "/parametres", wantStatus: 200, wantType: "text/html",
			wantHeaders: map[string]string{"Cache-Control": "no-cache"}, wantInBody: []string{`<div id="app">`}},
		{name: "deep app route", method: "GET", path: "/benevoles/42/modifier", wantStatus: 200, wantType: "text/html"},
		{name: "hashed asset is immutable", method: "GET", path: "/assets/index-abc123.js", wantStatus: 200, wantType: "text/javascript",
			wantHeaders: map[string]string{"Cache-Control": "public, max-age=31536000, immutable"}},
		{name: "font type", method: "GET", path: "/assets/inter-x1.woff2", wantStatus: 200, wantType: "font/woff2"},
		{name: "missing asset is a 404, not the app", method: "GET", path: "/assets/gone-123.js", wantStatus: 404, wantType: "text/plain"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, h) })
	}
}

func TestUnbuiltUIExplainsWhatToDo(t *testing.T) {
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "civisphere.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h := New(Config{Version: "x", Settings: service.NewSettings(st, time.Now), UI: fstest.MapFS{}, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	scenario{method: "GET", path: "/", wantStatus: 503, wantType: "text/html", wantInBody: []string{"make build"}}.run(t, h)
}

// The router cleans paths before they reach the SPA handler; the handler must hold on its own.
func TestSPAHandlerStaysInsideItsFiles(t *testing.T) {
	h := newSPAHandler(testUI)
	for _, p := range []string{"/../../etc/passwd.txt", "/assets/../../secret.txt", "/..%2f..%2fsecret.txt"} {
		req := httptest.NewRequest("GET", "/", nil)
		req.URL.Path = p
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotFound {
			t.Errorf("%s: status %d", p, rec.Code)
		}
	}
}

func TestHostGuardStopsDNSRebinding(t *testing.T) {
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "civisphere.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h := New(Config{Version: "x", Settings: service.NewSettings(st, time.Now), UI: testUI,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), AllowedHosts: []string{"127.0.0.1:8080", "localhost:8080"}})
	for host, want := range map[string]int{"127.0.0.1:8080": 200, "LOCALHOST:8080": 200, "evil.example:8080": 421, "127.0.0.1:9999": 421} {
		req := httptest.NewRequest("GET", "/api/health", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %s: status %d, want %d", host, rec.Code, want)
		}
	}
}

func TestCrossSiteWritesAreRefused(t *testing.T) {
	h := newTestHandler(t)
	body := `{"name":"Pirate"}`
	scenarios := []scenario{
		{name: "other site by fetch metadata", method: "PUT", path: "/api/settings/organization", body: body,
			headers: map[string]string{"Sec-Fetch-Site": "cross-site"}, wantStatus: 403, wantType: problemJSON},
		{name: "other origin", method: "PUT", path: "/api/settings/organization", body: body,
			headers: map[string]string{"Origin": "http://evil.example"}, wantStatus: 403, wantType: problemJSON},
		{name: "own origin", method: "PUT", path: "/api/settings/organization", body: `{"name":"Les Amis d’Élodie"}`,
			headers: map[string]string{"Origin": "http://example.com", "Sec-Fetch-Site": "same-origin"}, wantStatus: 200, wantType: "application/json"},
		{name: "reads from anywhere still answer", method: "GET", path: "/api/health",
			headers: map[string]string{"Sec-Fetch-Site": "cross-site"}, wantStatus: 200, wantType: "application/json"},
		{name: "only the own write was saved", method: "GET", path: "/api/settings/organization", wantStatus: 200,
			wantType: "application/json", wantInBody: []string{`"name":"Les Amis d’Élodie"`}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, h) })
	}
}
