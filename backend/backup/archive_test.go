package backup

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeSource makes a "database" file and a documents folder with names in several scripts.
func fakeSource(t *testing.T) (Source, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "snapshot.db")
	if err := os.WriteFile(db, bytes.Repeat([]byte("SQLite format 3\x00 Élodie Œuvre "), 4000), 0o600); err != nil {
		t.Fatal(err)
	}
	docs := filepath.Join(dir, "documents")
	files := map[string]string{
		"12/3-abcdef":                 "Compte rendu — Besançon",
		"12/Ольга-план.txt":           "План работ",
		"7/Ελένη.pdf":                 "%PDF-1.4 Ελληνικά",
		"7/sous dossier/œuvre n°1.md": "# Œuvre",
	}
	for name, content := range files {
		p := filepath.Join(docs, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// An upload still being received is not part of the backup.
	if err := os.WriteFile(filepath.Join(docs, "12", ".upload-123"), []byte("partial"), 0o600); err != nil {
		t.Fatal(err)
	}
	return Source{Database: db, Documents: docs}, files
}

func writeTestBackup(t *testing.T, dir string, reason Reason) (Info, Source, map[string]string) {
	t.Helper()
	src, files := fakeSource(t)
	created := time.Date(2026, 11, 26, 10, 15, 0, 0, time.UTC)
	var last, total int64
	info, err := Write(context.Background(), dir, Manifest{AppVersion: "0.1.0", SchemaVersion: 10, CreatedAt: created, Reason: reason,
		Counts: map[string]int{"volunteers": 3}}, src, func(done, all int64) { last, total = done, all })
	if err != nil {
		t.Fatalf("write: %v", err)
	}
	if last != total || total == 0 {
		t.Errorf("progress ended at %d of %d", last, total)
	}
	return info, src, files
}

func TestArchiveRoundTrip(t *testing.T) {
	dir := t.TempDir()
	info, src, files := writeTestBackup(t, dir, ReasonManual)
	if info.Name != "civisphere-2026-11-26T101500Z-manual.zip" {
		t.Errorf("name %q", info.Name)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	// A second backup in the same second gets its own name.
	again, _, _ := writeTestBackup(t, dir, ReasonManual)
	if again.Name != "civisphere-2026-11-26T101500Z-manual-2.zip" {
		t.Errorf("second name %q", again.Name)
	}

	read, err := ReadManifest(info.Path, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if read.Manifest.SchemaVersion != 10 || read.Manifest.Reason != ReasonManual || read.Manifest.Counts["volunteers"] != 3 ||
		len(read.Manifest.Members) != 1+len(files) || read.Size != info.Size {
		t.Fatalf("manifest %+v", read)
	}

	out := filepath.Join(t.TempDir(), "restore")
	if _, err := Extract(context.Background(), info.Path, out, DefaultLimits(), nil); err != nil {
		t.Fatalf("extract: %v", err)
	}
	wantDB, _ := os.ReadFile(src.Database)
	if got, _ := os.ReadFile(filepath.Join(out, DatabaseMember)); !bytes.Equal(got, wantDB) {
		t.Error("the database came back different")
	}
	for name, content := range files {
		got, err := os.ReadFile(filepath.Join(out, "documents", filepath.FromSlash(name)))
		if err != nil || string(got) != content {
			t.Errorf("document %s: %q %v", name, got, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "documents", "12", ".upload-123")); !errors.Is(err, os.ErrNotExist) {
		t.Error("a partial upload went into the backup")
	}
}

func TestExtractRefusesATamperedByte(t *testing.T) {
	info, _, _ := writeTestBackup(t, t.TempDir(), ReasonDaily)
	data, err := os.ReadFile(info.Path)
	if err != nil {
		t.Fatal(err)
	}
	// Flip one byte inside the compressed database member (it starts after its local header).
	data[200] ^= 0x01
	tampered := filepath.Join(t.TempDir(), info.Name)
	if err := os.WriteFile(tampered, data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Extract(context.Background(), tampered, filepath.Join(t.TempDir(), "x"), DefaultLimits(), nil)
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("a flipped byte: want ErrInvalid, got %v", err)
	}
}

// craft writes a zip holding members (in order) and a manifest listing listed, with the
// given content's real sizes and hashes unless overridden.
func craft(t *testing.T, members map[string]string, order []string, listed []Member) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range order {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(members[name])) //nolint:errcheck // a bytes.Buffer
	}
	m := Manifest{Format: FormatVersion, Reason: ReasonManual, CreatedAt: time.Now().UTC(), Members: listed}
	raw, _ := json.Marshal(m)
	w, _ := zw.Create(ManifestMember)
	w.Write(raw) //nolint:errcheck // a bytes.Buffer
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "crafted.zip")
	if err := os.WriteFile(p, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func member(path, content string) Member {
	sum := sha256.Sum256([]byte(content))
	return Member{Path: path, Size: int64(len(content)), SHA256: hex.EncodeToString(sum[:])}
}

func TestExtractRefusesCraftedArchives(t *testing.T) {
	db := "SQLite format 3\x00 Besançon"
	cases := []struct {
		name    string
		members map[string]string
		order   []string
		listed  []Member
	}{
		{"content changed, manifest kept", map[string]string{DatabaseMember: db + "!"}, []string{DatabaseMember},
			[]Member{{Path: DatabaseMember, Size: int64(len(db) + 1), SHA256: member(DatabaseMember, db).SHA256}}},
		{"zip slip through documents", map[string]string{DatabaseMember: db, "documents/../../evil.txt": "x"},
			[]string{DatabaseMember, "documents/../../evil.txt"}, []Member{member(DatabaseMember, db), member("documents/../../evil.txt", "x")}},
		{"zip slip not listed", map[string]string{DatabaseMember: db, "../evil.txt": "x"},
			[]string{DatabaseMember, "../evil.txt"}, []Member{member(DatabaseMember, db)}},
		{"absolute path", map[string]string{DatabaseMember: db, "/tmp/evil.txt": "x"},
			[]string{DatabaseMember, "/tmp/evil.txt"}, []Member{member(DatabaseMember, db), member("/tmp/evil.txt", "x")}},
		{"backslashes", map[string]string{DatabaseMember: db, `documents/..\..\evil.txt`: "x"},
			[]string{DatabaseMember, `documents/..\..\evil.txt`}, []Member{member(DatabaseMember, db), member(`documents/..\..\evil.txt`, "x")}},
		{"member missing", map[string]string{DatabaseMember: db}, []string{DatabaseMember},
			[]Member{member(DatabaseMember, db), member("documents/1/a", "Ольга")}},
		{"size understated", map[string]string{DatabaseMember: db}, []string{DatabaseMember},
			[]Member{{Path: DatabaseMember, Size: 4, SHA256: member(DatabaseMember, db).SHA256}}},
		{"oversized document", map[string]string{DatabaseMember: db, "documents/1/big": "x"}, []string{DatabaseMember, "documents/1/big"},
			[]Member{member(DatabaseMember, db), {Path: "documents/1/big", Size: 1 << 40, SHA256: strings.Repeat("0", 64)}}},
		{"no database", map[string]string{"documents/1/a": "x"}, []string{"documents/1/a"}, []Member{member("documents/1/a", "x")}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := craft(t, c.members, c.order, c.listed)
			parent := t.TempDir()
			_, err := Extract(context.Background(), p, filepath.Join(parent, "out", "restore"), DefaultLimits(), nil)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("want ErrInvalid, got %v", err)
			}
			for _, escaped := range []string{filepath.Join(parent, "evil.txt"), filepath.Join(parent, "out", "evil.txt")} {
				if _, err := os.Stat(escaped); err == nil {
					t.Fatalf("a member escaped the destination: %s", escaped)
				}
			}
		})
	}
}

func TestReadManifestRefusesNonBackups(t *testing.T) {
	p := filepath.Join(t.TempDir(), "civisphere-2026-11-26T101500Z-manual.zip")
	if err := os.WriteFile(p, []byte("pas un zip, Élodie"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadManifest(p, DefaultLimits()); !errors.Is(err, ErrInvalid) {
		t.Fatalf("want ErrInvalid, got %v", err)
	}
}

func TestNames(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("Paris", 3600))
	name := FileName(at, ReasonImport, 1)
	if name != "civisphere-2026-01-02T020405Z-import.zip" {
		t.Fatalf("name %q", name)
	}
	got, reason, ok := ParseName(name)
	if !ok || !got.Equal(at) || reason != ReasonImport {
		t.Fatalf("parse: %v %v %v", got, reason, ok)
	}
	if _, _, ok := ParseName(FileName(at, ReasonManual, 3)); !ok {
		t.Error("a numbered name was refused")
	}
	for _, bad := range []string{"", "../civisphere-2026-01-02T020405Z-import.zip", "civisphere-2026-01-02T020405Z-other.zip",
		"civisphere-2026-01-02T020405Z-import.zip/..", "civisphere-2026-13-02T020405Z-import.zip", `..\x.zip`} {
		if _, _, ok := ParseName(bad); ok {
			t.Errorf("ParseName(%q) accepted", bad)
		}
	}
}
