package httpapi

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite frontend/src/api/openapi.json from the Go API")

// committedOpenAPI is the document the frontend's types are generated from (npm run
// api:generate). A frontend test checks the generated types against it; this test checks it
// against the Go API, so a change on either side that is not carried over fails a test.
var committedOpenAPI = filepath.Join("..", "..", "frontend", "src", "api", "openapi.json")

func TestOpenAPIDocumentIsUpToDate(t *testing.T) {
	rec := httptest.NewRecorder()
	newTestHandler(t).ServeHTTP(rec, httptest.NewRequest("GET", "/api/openapi.json", nil))
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	var doc map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var live bytes.Buffer
	enc := json.NewEncoder(&live)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}

	if *update {
		if err := os.WriteFile(committedOpenAPI, live.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	committed, err := os.ReadFile(committedOpenAPI)
	if err != nil {
		t.Fatalf("%v (run `make api`)", err)
	}
	if !bytes.Equal(committed, live.Bytes()) {
		t.Fatalf("%s is out of date with the Go API: run `make api` and commit the result", committedOpenAPI)
	}
}

// Every operation must say what it does and have an id, since the frontend's client and the
// published document rely on them.
func TestOpenAPIOperationsAreDescribed(t *testing.T) {
	rec := httptest.NewRecorder()
	newTestHandler(t).ServeHTTP(rec, httptest.NewRequest("GET", "/api/openapi.json", nil))
	var doc struct {
		Paths map[string]map[string]struct {
			OperationID string `json:"operationId"`
			Summary     string `json:"summary"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/api/health", "/api/settings/organization", "/api/settings/organization/logo", "/api/settings/preferences"} {
		if _, ok := doc.Paths[want]; !ok {
			t.Errorf("document lacks %s", want)
		}
	}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			if op.OperationID == "" || op.Summary == "" {
				t.Errorf("%s %s lacks an operationId or summary", method, path)
			}
		}
	}
}
