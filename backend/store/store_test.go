package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strconv"
	"testing"
)

// newTestStore opens a fresh store on a temp SQLite file, closed when the test ends.
func newTestStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "civisphere.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenFreshDatabaseReachesLatestSchema(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	v, err := s.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v != LatestSchemaVersion() || v < 2 {
		t.Fatalf("schema version %d, want %d", v, LatestSchemaVersion())
	}
	for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "synchronous": "2"} {
		var got string
		if err := s.rw.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %s, want %s", pragma, got, want)
		}
	}
}

func TestReadOnlyPoolRefusesWrites(t *testing.T) {
	s := newTestStore(t)
	_, err := s.ro.ExecContext(context.Background(), "INSERT INTO settings (key, value, updated_at) VALUES ('x', '1', 'now')")
	if err == nil {
		t.Fatal("the read-only pool accepted a write")
	}
}

func TestPathWithSpecialCharacters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Données Œuvre #1 ?%")
	s, err := Open(context.Background(), filepath.Join(dir+"-db.sqlite"))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer s.Close()
	if filepath.Base(s.Path()) != "Données Œuvre #1 ?%-db.sqlite" {
		t.Fatalf("path %q", s.Path())
	}
}

// TestUpgradeFromEveryEarlierVersion builds a database at each earlier schema version, as an
// older release left it, then checks that Open brings it to the latest without losing data.
func TestUpgradeFromEveryEarlierVersion(t *testing.T) {
	ctx := context.Background()
	for from := 0; from < LatestSchemaVersion(); from++ {
		path := filepath.Join(t.TempDir(), "civisphere.db")
		db, err := sql.Open("sqlite3", dsn(path, rwParams))
		if err != nil {
			t.Fatal(err)
		}
		if err := migrateTo(ctx, db, from); err != nil {
			t.Fatalf("from %d: %v", from, err)
		}
		if from >= 1 {
			if _, err := db.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at)
				VALUES ('preferences', '{"locale":"en","theme":"dark"}', '2026-01-01T00:00:00Z')`); err != nil {
				t.Fatal(err)
			}
		}
		db.Close()

		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("upgrade from %d: %v", from, err)
		}
		if v, _ := s.SchemaVersion(ctx); v != LatestSchemaVersion() {
			t.Errorf("upgrade from %d reached %d", from, v)
		}
		if from >= 1 {
			p, err := s.Preferences(ctx)
			if err != nil || p.Locale != "en" || p.Theme != "dark" {
				t.Errorf("upgrade from %d lost preferences: %+v %v", from, p, err)
			}
		}
		s.Close()
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "civisphere.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	newer := LatestSchemaVersion() + 3
	if _, err := s.rw.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(newer)); err != nil {
		t.Fatal(err)
	}
	s.Close()

	_, err = Open(ctx, path)
	var tooNew *SchemaTooNewError
	if !errors.As(err, &tooNew) {
		t.Fatalf("want SchemaTooNewError, got %v", err)
	}
	if tooNew.Found != newer || tooNew.Supported != LatestSchemaVersion() {
		t.Errorf("got %+v", tooNew)
	}

	// The refusal must leave the file as it was.
	db, err := sql.Open("sqlite3", dsn(path, roParams))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := schemaVersion(ctx, db); v != newer {
		t.Errorf("schema version changed to %d", v)
	}
}

func TestMigrationFilesAreNumberedWithoutGaps(t *testing.T) {
	list, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range list {
		if m.version != i+1 {
			t.Errorf("%s has number %d, want %d", m.name, m.version, i+1)
		}
	}
}
