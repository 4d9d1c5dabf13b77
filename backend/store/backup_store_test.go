package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

func savePreferences(t *testing.T, s *Store, locale, theme string) {
	t.Helper()
	if err := s.SavePreferences(context.Background(), domain.Preferences{Locale: locale, Theme: theme}, time.Now()); err != nil {
		t.Fatal(err)
	}
}

func addVolunteer(t *testing.T, s *Store, first, last string) int64 {
	t.Helper()
	v := domain.Volunteer{FirstName: first, LastName: last, City: "Besançon", Status: domain.StatusActive}
	if err := s.CreateVolunteer(context.Background(), &v); err != nil {
		t.Fatal(err)
	}
	return v.ID
}

// TestSnapshotThenRestoreOnline takes a snapshot, writes more, restores the snapshot into the
// open store and checks that readers and writers of that same store see the earlier state.
func TestSnapshotThenRestoreOnline(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	savePreferences(t, s, "fr", "light")
	before := addVolunteer(t, s, "Élodie", "Œuvre")

	snap := filepath.Join(t.TempDir(), "snapshot Ольга.db")
	if err := s.Snapshot(ctx, snap); err != nil {
		t.Fatalf("snapshot: %v", err)
	}
	if err := s.Snapshot(ctx, snap); err == nil {
		t.Fatal("a second snapshot overwrote the first")
	}
	info, err := InspectDatabaseFile(ctx, snap, true)
	if err != nil {
		t.Fatalf("inspect: %v", err)
	}
	if info.SchemaVersion != LatestSchemaVersion() || info.Counts["volunteers"] != 1 {
		t.Fatalf("snapshot info %+v", info)
	}

	after := addVolunteer(t, s, "Ελένη", "Παπαδοπούλου")
	savePreferences(t, s, "en", "dark")

	if err := s.RestoreFrom(ctx, snap); err != nil {
		t.Fatalf("restore: %v", err)
	}
	if _, err := s.Volunteer(ctx, before); err != nil {
		t.Errorf("the volunteer written before the snapshot is gone: %v", err)
	}
	if _, err := s.Volunteer(ctx, after); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("the volunteer written after the snapshot is still there: %v", err)
	}
	if p, _ := s.Preferences(ctx); p.Locale != "fr" || p.Theme != "light" {
		t.Errorf("preferences after restore: %+v", p)
	}
	// The store keeps working: writes land in the restored database.
	again := addVolunteer(t, s, "Ольга", "Иванова")
	if _, err := s.Volunteer(ctx, again); err != nil {
		t.Fatal(err)
	}
	if err := s.QuickCheck(ctx); err != nil {
		t.Fatalf("quick check after restore: %v", err)
	}
	if n, _ := s.CountVolunteers(ctx); n != 2 {
		t.Errorf("%d volunteers after restore and one more, want 2", n)
	}

	// And the restored state is what a fresh open finds on disk.
	path := s.Path()
	s.Close()
	reopened, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	if n, _ := reopened.CountVolunteers(ctx); n != 2 {
		t.Errorf("%d volunteers after reopening, want 2", n)
	}
}

// TestRestoreMigratesAnOlderSnapshot restores a database left at an older schema: the store
// brings it to the latest one.
func TestRestoreMigratesAnOlderSnapshot(t *testing.T) {
	ctx := context.Background()
	old := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite3", dsn(old, rwParams))
	if err != nil {
		t.Fatal(err)
	}
	if err := migrateTo(ctx, db, 3); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s := newTestStore(t)
	if err := s.RestoreFrom(ctx, old); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.SchemaVersion(ctx); v != LatestSchemaVersion() {
		t.Fatalf("schema %d after restore, want %d", v, LatestSchemaVersion())
	}
}

func TestInspectRefusesDamagedAndNewerFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()

	notADB := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(notADB, []byte("Besançon, pas une base de données, juste du texte assez long pour un en-tête."), 0o600); err != nil {
		t.Fatal(err)
	}
	var corrupt *CorruptionError
	if _, err := InspectDatabaseFile(ctx, notADB, true); !errors.As(err, &corrupt) {
		t.Errorf("a text file: want CorruptionError, got %v", err)
	}

	s := newTestStore(t)
	for i := range 200 {
		addVolunteer(t, s, "Élodie"+strconv.Itoa(i), "Œuvre")
	}
	snap := filepath.Join(dir, "snap.db")
	if err := s.Snapshot(ctx, snap); err != nil {
		t.Fatal(err)
	}
	// Damage the header of every page after the first: no b-tree page is valid any more.
	data, err := os.ReadFile(snap)
	if err != nil {
		t.Fatal(err)
	}
	for page := 4096; page < len(data); page += 4096 {
		copy(data[page:], []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	}
	damaged := filepath.Join(dir, "damaged.db")
	if err := os.WriteFile(damaged, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := InspectDatabaseFile(ctx, damaged, true); !errors.As(err, &corrupt) {
		t.Errorf("a damaged file: want CorruptionError, got %v", err)
	}

	newer := filepath.Join(dir, "newer.db")
	if err := s.Snapshot(ctx, newer); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", dsn(newer, rwParams))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(LatestSchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	var tooNew *SchemaTooNewError
	if _, err := InspectDatabaseFile(ctx, newer, false); !errors.As(err, &tooNew) {
		t.Errorf("a newer schema: want SchemaTooNewError, got %v", err)
	}
}

func TestBeforeMigrateRunsOnlyOnExistingDatabases(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "civisphere.db")
	var calls []PendingMigration
	hook := BeforeMigrate(func(ctx context.Context, p PendingMigration) error {
		calls = append(calls, p)
		return p.Snapshot(ctx, filepath.Join(dir, "before-"+strconv.Itoa(p.From)+".db"))
	})
	s, err := Open(ctx, path, hook)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if len(calls) != 0 {
		t.Fatalf("hook called on a brand-new database: %+v", calls)
	}

	// An existing database at schema 2, with data.
	old := filepath.Join(dir, "old.db")
	db, err := sql.Open("sqlite3", dsn(old, rwParams))
	if err != nil {
		t.Fatal(err)
	}
	if err := migrateTo(ctx, db, 2); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES ('preferences', '{"locale":"en"}', '2026-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err = Open(ctx, old, hook)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if len(calls) != 1 || calls[0].From != 2 || calls[0].To != LatestSchemaVersion() {
		t.Fatalf("hook calls %+v", calls)
	}
	info, err := InspectDatabaseFile(ctx, filepath.Join(dir, "before-2.db"), true)
	if err != nil || info.SchemaVersion != 2 {
		t.Fatalf("the pre-migration snapshot: %+v %v", info, err)
	}

	// A failing hook stops the migration and leaves the database as it was.
	db, _ = sql.Open("sqlite3", dsn(old, rwParams))
	db.ExecContext(ctx, "PRAGMA user_version = 2") //nolint:errcheck // checked below through Open
	db.Close()
	_, err = Open(ctx, old, BeforeMigrate(func(context.Context, PendingMigration) error { return errors.New("disque plein") }))
	if err == nil {
		t.Fatal("Open went on after the hook failed")
	}
	info, err = InspectDatabaseFile(ctx, old, false)
	if err != nil || info.SchemaVersion != 2 {
		t.Fatalf("after a failed hook: %+v %v", info, err)
	}
}
