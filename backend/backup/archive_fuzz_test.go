package backup

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzExtract feeds arbitrary bytes to the reading of a backup: a backup may come from a USB
// key or a download, so it is untrusted input. Whatever the bytes, reading must not panic, must
// refuse with ErrInvalid (or an I/O error), and must never write outside the folder it extracts
// to; when it accepts, what it wrote is regular files under that folder only.
func FuzzExtract(f *testing.F) {
	seedDir := f.TempDir()
	src := Source{Database: filepath.Join(seedDir, "snapshot.db"), Documents: filepath.Join(seedDir, "documents")}
	if err := os.WriteFile(src.Database, []byte("SQLite format 3\x00 Élodie Œuvre Besançon"), 0o600); err != nil {
		f.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(src.Documents, "7"), 0o700); err != nil {
		f.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src.Documents, "7", "Ольга-план.txt"), []byte("План"), 0o600); err != nil {
		f.Fatal(err)
	}
	info, err := Write(context.Background(), seedDir, Manifest{AppVersion: "0.1.0", SchemaVersion: 11,
		CreatedAt: time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC), Reason: ReasonManual}, src, nil)
	if err != nil {
		f.Fatal(err)
	}
	valid, err := os.ReadFile(info.Path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	f.Add(valid[:len(valid)/2])
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("not a zip at all"))

	limits := Limits{MaxDatabaseBytes: 1 << 20, MaxDocumentBytes: 1 << 20, MaxTotalBytes: 4 << 20, MaxMembers: 100, MaxManifestBytes: 1 << 20}
	f.Fuzz(func(t *testing.T, data []byte) {
		root := t.TempDir()
		archive := filepath.Join(root, "backup.zip")
		if err := os.WriteFile(archive, data, 0o600); err != nil {
			t.Fatal(err)
		}
		_, manifestErr := ReadManifest(archive, limits)
		dest := filepath.Join(root, "out")
		_, err := Extract(context.Background(), archive, dest, limits, nil)
		if err == nil && manifestErr != nil {
			t.Fatalf("extract accepted what ReadManifest refused: %v", manifestErr)
		}
		if err != nil && !errors.Is(err, ErrInvalid) {
			var pathErr *fs.PathError
			if !errors.As(err, &pathErr) {
				t.Fatalf("refusal is neither ErrInvalid nor an I/O error: %v", err)
			}
		}
		entries, readErr := os.ReadDir(root)
		if readErr != nil {
			t.Fatal(readErr)
		}
		for _, e := range entries {
			if e.Name() != "backup.zip" && e.Name() != "out" {
				t.Fatalf("extract wrote %q beside its folder", e.Name())
			}
		}
		walkErr := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
			if errors.Is(err, fs.ErrNotExist) && p == dest {
				return nil
			}
			if err != nil {
				return err
			}
			if !d.IsDir() && !d.Type().IsRegular() {
				t.Fatalf("extract made a non-regular file %s", p)
			}
			if rel, err := filepath.Rel(dest, p); err != nil || strings.HasPrefix(rel, "..") {
				t.Fatalf("extract wrote outside its folder: %s", p)
			}
			return nil
		})
		if walkErr != nil {
			t.Fatal(walkErr)
		}
	})
}
