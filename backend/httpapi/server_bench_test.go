package httpapi

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// Run with `make bench`: whole requests through the application handler (middleware, huma,
// service, store), without a network socket, as in the desktop window.

func benchmarkRequest(b *testing.B, method, path, body string) {
	h := newTestHandler(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("%s %s: %d %s", method, path, rec.Code, rec.Body)
		}
	}
}

func BenchmarkHealth(b *testing.B) { benchmarkRequest(b, "GET", "/api/health", "") }

func BenchmarkGetOrganizationProfile(b *testing.B) {
	benchmarkRequest(b, "GET", "/api/settings/organization", "")
}

func BenchmarkPutOrganizationProfile(b *testing.B) {
	benchmarkRequest(b, "PUT", "/api/settings/organization",
		`{"name":"Œuvre des Jardins de Besançon","email":"contact@jardins.fr","city":"Besançon","registrationNumber":"W251002233"}`)
}

func BenchmarkServeIndex(b *testing.B) { benchmarkRequest(b, "GET", "/parametres", "") }
