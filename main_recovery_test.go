package main

import (
	"context"
	"encoding/json"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/civisphere/civisphere/backend/backup"
	"github.com/civisphere/civisphere/backend/domain"
)

// damageDatabase overwrites every page after the first with noise, as a failing disk would: the
// header still reads, so opening may succeed, but the integrity check cannot.
func damageDatabase(t *testing.T, path string) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() <= 4096 {
		t.Fatalf("database too small to damage: %d bytes", info.Size())
	}
	noise := make([]byte, info.Size()-4096)
	rng := rand.New(rand.NewPCG(6, 6))
	for i := range noise {
		noise[i] = byte(rng.UintN(256))
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(noise, 4096); err != nil {
		t.Fatal(err)
	}
}

func getJSON(t *testing.T, h http.Handler, method, path string, into any) int {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	req.Header.Set("Accept-Language", "fr")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if into != nil {
		if err := json.Unmarshal(rec.Body.Bytes(), into); err != nil {
			t.Fatalf("%s %s: %d %s: %v", method, path, rec.Code, rec.Body.String(), err)
		}
	}
	return rec.Code
}

// A database damaged while the app was closed: the app does not crash nor touch it, it serves the
// recovery screen, restores the chosen backup, sets the damaged file aside and serves the
// restored data.
func TestDamagedDatabaseOffersTheLatestBackup(t *testing.T) {
	ctx := context.Background()
	admin := domain.LocalAdmin()
	dir := filepath.Join(t.TempDir(), "Données Besançon")
	env, err := openEnvironment(ctx, dir, io.Discard, false)
	if err != nil {
		t.Fatal(err)
	}
	v, err := env.volunteers.Create(ctx, admin, domain.Volunteer{FirstName: "Élodie", LastName: "Œuvre", City: "Besançon", Bio: strings.Repeat("Comptable bénévole. ", 400)})
	if err != nil {
		t.Fatal(err)
	}
	saved, err := env.backups.Create(ctx, admin, backup.ReasonManual, nil)
	if err != nil {
		t.Fatal(err)
	}
	env.close()
	damageDatabase(t, filepath.Join(dir, "civisphere.db"))

	folder, err := openDataFolder(ctx, dir, io.Discard, nil)
	if err != nil {
		t.Fatalf("a damaged database must not stop the app: %v", err)
	}
	defer folder.close()
	if folder.damaged == nil {
		t.Fatal("the damaged database passed the start-up check")
	}

	var health struct{ Status, Problem, DataDir string }
	if code := getJSON(t, folder.handler, http.MethodGet, "/api/health", &health); code != http.StatusOK || health.Status != "damaged" || health.Problem == "" || health.DataDir != dir {
		t.Fatalf("health while damaged: %d %+v", code, health)
	}
	var refused struct{ Detail string }
	if code := getJSON(t, folder.handler, http.MethodGet, "/api/volunteers", &refused); code != http.StatusServiceUnavailable || !strings.Contains(refused.Detail, "endommagée") {
		t.Fatalf("other calls while damaged: %d %+v", code, refused)
	}
	var list struct {
		Total int
		Items []struct{ Name string }
	}
	if code := getJSON(t, folder.handler, http.MethodGet, "/api/backups", &list); code != http.StatusOK || list.Total == 0 || list.Items[0].Name != saved.Name {
		t.Fatalf("backups while damaged: %d %+v (want %s first)", code, list, saved.Name)
	}
	if code := getJSON(t, folder.handler, http.MethodPost, "/api/backups/..%2F..%2Fcivisphere.db/restore", nil); code != http.StatusNotFound {
		t.Fatalf("a path as a backup name: %d", code)
	}
	if code := getJSON(t, folder.handler, http.MethodPost, "/api/backups/"+saved.Name+"/restore", nil); code != http.StatusOK {
		t.Fatalf("restore: %d", code)
	}

	if code := getJSON(t, folder.handler, http.MethodGet, "/api/health", &health); code != http.StatusOK || health.Status != "ok" {
		t.Fatalf("health after restore: %d %+v", code, health)
	}
	var got struct{ FirstName string }
	if code := getJSON(t, folder.handler, http.MethodGet, "/api/volunteers/"+strconv.FormatInt(v.ID, 10), &got); code != http.StatusOK || got.FirstName != "Élodie" {
		t.Fatalf("volunteer after restore: %d %+v", code, got)
	}
	aside, _ := filepath.Glob(filepath.Join(dir, "replaced-*", "civisphere.db"))
	if len(aside) != 1 {
		t.Fatalf("the damaged file should be kept aside, found %v", aside)
	}
}
