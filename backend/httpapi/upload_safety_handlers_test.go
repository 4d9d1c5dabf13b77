package httpapi

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Hostile uploads, endpoint by endpoint: every one that takes a file or a body refuses what is
// too large with a 413 problem, refuses random bytes and the wrong format with a clear 4xx, and
// changes nothing when it refuses.

// volunteerTotal is how many volunteers the database holds, archived ones included.
func volunteerTotal(t *testing.T, h http.Handler) int {
	t.Helper()
	rec := scenario{method: "GET", path: "/api/volunteers?status=all&limit=1", wantStatus: 200, wantType: "application/json"}.run(t, h)
	var res struct{ Total int }
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	return res.Total
}

func randomBytes(n int) []byte {
	rng := rand.New(rand.NewPCG(7, 11))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.UintN(256))
	}
	return b
}

func pngBytes(t *testing.T) []byte {
	t.Helper()
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 8, 8))); err != nil {
		t.Fatal(err)
	}
	return img.Bytes()
}

func zipBytes(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("Œuvre/lisez-moi.txt")
	w.Write([]byte("Ce n’est pas une image."))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestImportsRefuseHostileFilesAndChangeNothing(t *testing.T) {
	h := newTestHandler(t)
	for _, tc := range []struct {
		name, file string
		data       []byte
		want       string // in the problem's message
	}{
		{"random bytes named .xlsx", "bénévoles.xlsx", randomBytes(64 << 10), "XLSX"},
		{"random bytes named .csv", "bénévoles.csv", randomBytes(64 << 10), ""},
		{"a PNG named .xlsx", "Œuvre.xlsx", pngBytes(t), "XLSX"},
		{"a ZIP that is no workbook", "classeur.xlsx", zipBytes(t), ""},
		{"a ZIP named .ods", "classeur.ods", zipBytes(t), ""},
		{"a truncated workbook", "coupé.xlsx", zipBytes(t)[:40], ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, path := range []string{"/api/imports/volunteers?dryRun=false", "/api/imports/volunteers?dryRun=true"} {
				rec := postImport(t, h, path, tc.file, tc.data, "")
				if rec.Code < 400 || rec.Code >= 500 || !strings.HasPrefix(rec.Header().Get("Content-Type"), problemJSON) ||
					!strings.Contains(rec.Body.String(), tc.want) || !strings.Contains(rec.Body.String(), `"detail":`) {
					t.Fatalf("%s: %d %s", path, rec.Code, rec.Body)
				}
			}
		})
	}
	t.Run("streamed past the limit without a declared length", func(t *testing.T) {
		body, ct := multipartFile(t, "énorme.csv", bytes.Repeat([]byte("Élodie;Martin;elodie@example.fr\n"), int(maxUploadBytes/32)+1), "")
		req := httptest.NewRequest("POST", "/api/imports/volunteers?dryRun=false", io.MultiReader(body))
		req.ContentLength = -1
		req.Header.Set("Content-Type", ct)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 413 || !strings.HasPrefix(rec.Header().Get("Content-Type"), problemJSON) || !strings.Contains(rec.Body.String(), "Mo au plus") {
			t.Fatalf("%d %s", rec.Code, rec.Body)
		}
	})
	t.Run("declared past the limit, as a background job", func(t *testing.T) {
		req := httptest.NewRequest("POST", "/api/imports/volunteers/jobs", strings.NewReader("x"))
		req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
		req.Header.Set("Accept-Language", "fr")
		req.ContentLength = maxUploadBytes + 1
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 413 || !strings.Contains(rec.Body.String(), "Mo") {
			t.Fatalf("%d %s", rec.Code, rec.Body)
		}
	})
	if n := volunteerTotal(t, h); n != 0 {
		t.Errorf("refused imports left %d volunteers", n)
	}
}

// bombXLSX is a 1 GiB worksheet in a workbook of about a megabyte: DEFLATE with fixed codes, each
// 13-bit symbol repeating the last byte 258 times, written without producing the gigabyte.
func bombXLSX(t *testing.T) []byte {
	t.Helper()
	const prefix = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nom `
	repeats := (1 << 30) / 258
	var out []byte
	var acc uint64
	var nbits uint
	put := func(v uint64, n uint) {
		acc |= v << nbits
		nbits += n
		for nbits >= 8 {
			out = append(out, byte(acc))
			acc >>= 8
			nbits -= 8
		}
	}
	huffman := func(code uint64, n uint) { // most significant bit first
		var rev uint64
		for i := range n {
			rev |= (code >> i & 1) << (n - 1 - i)
		}
		put(rev, n)
	}
	put(1, 1) // last block
	put(1, 2) // fixed codes
	for i := 0; i < len(prefix); i++ {
		if b := prefix[i]; b < 144 {
			huffman(0x30+uint64(b), 8)
		} else {
			huffman(0x190+uint64(b)-144, 9)
		}
	}
	for range repeats {
		huffman(0xC5, 8) // length 258
		huffman(0, 5)    // distance 1
	}
	huffman(0, 7) // end of block
	if nbits > 0 {
		out = append(out, byte(acc))
	}
	crc := crc32.ChecksumIEEE([]byte(prefix))
	chunk := bytes.Repeat([]byte{' '}, 258*4096)
	for left := repeats; left > 0; left -= 4096 {
		crc = crc32.Update(crc, crc32.IEEETable, chunk[:min(left, 4096)*258])
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, content string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)
	add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	add("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	add("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(out)), UncompressedSize64: uint64(len(prefix)) + uint64(repeats)*258})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(out)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The zip bomb through the API: refused with a message, nothing imported; the time and memory
// it took are logged (no threshold: machines are shared), and memory shows the bomb never went off.
func TestImportRefusesAZipBomb(t *testing.T) {
	h := newTestHandler(t)
	bomb := bombXLSX(t)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	started := time.Now()
	rec := postImport(t, h, "/api/imports/volunteers?dryRun=false", "bombe.xlsx", bomb, "")
	elapsed := time.Since(started)
	runtime.ReadMemStats(&after)
	allocated := after.TotalAlloc - before.TotalAlloc
	if rec.Code != 422 || !strings.HasPrefix(rec.Header().Get("Content-Type"), problemJSON) || !strings.Contains(rec.Body.String(), "se décompresse en plus de 512 Mo") {
		t.Fatalf("bomb: %d %s", rec.Code, rec.Body)
	}
	t.Logf("%d KiB workbook inflating to 1 GiB refused in %v with %d MiB allocated: %s", len(bomb)>>10, elapsed.Round(time.Millisecond), allocated>>20, rec.Body)
	if allocated > 512<<20 {
		t.Errorf("refusing the bomb allocated %d MiB", allocated>>20)
	}
	if n := volunteerTotal(t, h); n != 0 {
		t.Errorf("the bomb left %d volunteers", n)
	}
}

func TestLogosRefuseWhatIsNotAnImageAndChangeNothing(t *testing.T) {
	h := newTestHandler(t)
	scenario{method: "PUT", path: "/api/settings/organization", body: `{"name":"Œuvre de Besançon"}`, wantStatus: 200, wantType: "application/json"}.run(t, h)
	scenario{method: "POST", path: "/api/organizations", body: `{"name":"Ассоциация Ольги","kind":"association"}`, wantStatus: 201, wantType: "application/json"}.run(t, h)
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"a ZIP", zipBytes(t)},
		{"random bytes", randomBytes(32 << 10)},
		{"a PNG header only", pngBytes(t)[:24]},
		{"a GIF", []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")},
		{"an SVG with a script", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body, _ := json.Marshal(map[string]any{"name": "Œuvre de Besançon", "logo": tc.data})
			scenario{method: "PUT", path: "/api/settings/organization", body: string(body), headers: map[string]string{"Accept-Language": "fr"},
				wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.logo"`}}.run(t, h)
			body, _ = json.Marshal(map[string]any{"name": "Ассоциация Ольги", "kind": "association", "logo": tc.data})
			scenario{method: "PUT", path: "/api/organizations/1", body: string(body), headers: map[string]string{"Accept-Language": "en"},
				wantStatus: 422, wantType: problemJSON, wantInBody: []string{`"location":"body.logo"`}}.run(t, h)
		})
	}
	t.Run("oversized body", func(t *testing.T) {
		body, _ := json.Marshal(map[string]any{"name": "Ассоциация Ольги", "kind": "association", "logo": make([]byte, maxRequestBytes)})
		scenario{method: "PUT", path: "/api/organizations/1", body: string(body), wantStatus: 413, wantType: problemJSON,
			wantInBody: []string{`"status":413`, `"detail":`}}.run(t, h)
	})
	scenario{method: "GET", path: "/api/settings/organization", wantStatus: 200, wantType: "application/json",
		wantInBody: []string{`"name":"Œuvre de Besançon"`, `"logoUrl":""`}}.run(t, h)
	scenario{method: "GET", path: "/api/organizations/1", wantStatus: 200, wantType: "application/json",
		wantInBody: []string{`"name":"Ассоциация Ольги"`, `"logoUrl":""`}}.run(t, h)
	scenario{method: "GET", path: "/api/organizations/1/logo", wantStatus: 404, wantType: problemJSON}.run(t, h)
}

// Names sent with documents never leave the project's folder, whatever they hold.
func TestDocumentNamesNeverLeaveTheirFolder(t *testing.T) {
	h, dataDir := newTestHandlerIn(t)
	newCollaborationProjects(t, h)
	names := []string{
		"../../../civisphere.db", `..\..\index\volunteers\index_meta.json`, "/etc/passwd", `C:\Windows\win.ini`,
		"....//....//x.pdf", "%2e%2e%2fsecret.pdf", "nul", "CON.txt", "..", ".", "a\x00b.pdf", "facture\u202efdp.exe", "Отчёт/../../x.docx",
	}
	stored := 0
	for _, name := range names {
		rec := uploadDocument(t, h, "1", name, []byte("Œuvre"), "", nil)
		if rec.Code == 422 && strings.ContainsRune(name, 0) {
			continue // a NUL in a MIME header: the form itself is refused, and nothing is kept
		}
		if rec.Code != 201 {
			t.Fatalf("%q: %d %s", name, rec.Code, rec.Body)
		}
		stored++
		d := decodeDocument(t, rec, 201)
		if strings.ContainsAny(d.FileName, `/\`) || strings.Contains(d.FileName, "..") || strings.ContainsRune(d.FileName, 0) || d.FileName == "" {
			t.Errorf("%q kept as %q", name, d.FileName)
		}
	}
	if files := storedFiles(t, dataDir, "1"); len(files) != stored || stored < len(names)-1 {
		t.Errorf("%d files in the project's folder, want %d: %q", len(files), stored, files)
	}
	// Nothing was written anywhere else in the data folder.
	filepath.WalkDir(dataDir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dataDir, path)
		if !strings.HasPrefix(rel, filepath.Join("documents", "1")+string(filepath.Separator)) && !strings.HasPrefix(rel, "civisphere.db") && !strings.HasPrefix(rel, "index") {
			t.Errorf("file written outside the project's folder: %s", rel)
		}
		return nil
	})
}
