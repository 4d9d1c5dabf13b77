package app

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func exportHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/exports/hours.xlsx", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w.Write([]byte("heures de Besançon " + r.URL.Query().Get("from")))
	})
	mux.HandleFunc("GET /api/exports/broken.xlsx", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusUnprocessableEntity)
		w.Write([]byte(`{"status":422,"detail":"La période est invalide."}`))
	})
	return mux
}

func TestWriteExportSavesTheAnswer(t *testing.T) {
	target := filepath.Join(t.TempDir(), "Heures Œuvre.xlsx")
	if err := writeExport(exportHandler(), "/api/exports/hours.xlsx?from=2026-01-01", target); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(target)
	if err != nil || string(got) != "heures de Besançon 2026-01-01" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestWriteExportLeavesNothingOnFailure(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "rapport.xlsx")
	err := writeExport(exportHandler(), "/api/exports/broken.xlsx", target)
	if err == nil || !strings.Contains(err.Error(), "La période est invalide.") {
		t.Fatalf("want the problem's detail, got %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Fatalf("left files behind: %v", entries)
	}
}

func TestOpenExternalRefusesOtherSchemes(t *testing.T) {
	d := &Desktop{ready: make(chan struct{})}
	for _, link := range []string{"file:///etc/passwd", "javascript:alert(1)", "wails://wails/x"} {
		if err := d.OpenExternal(link); err == nil {
			t.Errorf("%s was accepted", link)
		}
	}
}

func TestSaveExportRefusesPathsOutsideTheAPI(t *testing.T) {
	d := &Desktop{ready: make(chan struct{})}
	for _, p := range []string{"https://example.org/api/x", "/etc/passwd", "//evil/api/x"} {
		if _, err := d.SaveExport(p, "x.pdf"); err == nil {
			t.Errorf("%s was accepted", p)
		}
	}
}
