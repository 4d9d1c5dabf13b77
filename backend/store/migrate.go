package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Migrations
//
// The schema is built by the numbered SQL files in migrations/, embedded in the binary:
// NNNN_what_it_does.sql, numbered from 0001 without gaps. The database's schema version is
// SQLite's `PRAGMA user_version`: the number of the last migration applied. Each migration runs
// in its own transaction together with the update of user_version, so a crash leaves the
// database at one version or the next, never in between. A file, once released, is never
// edited: changes go in a new file. A database whose version is higher than the newest file
// was written by a newer Civisphère and is refused rather than misread.

//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the embedded files in order and checks that their numbers run 1, 2, 3…
func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, fmt.Errorf("read embedded migrations: %w", err)
	}
	var list []migration
	for _, e := range entries {
		name := e.Name()
		prefix, _, ok := strings.Cut(name, "_")
		version, convErr := strconv.Atoi(prefix)
		if !ok || convErr != nil || !strings.HasSuffix(name, ".sql") {
			return nil, fmt.Errorf("migration %q: name must be NNNN_description.sql", name)
		}
		body, err := fs.ReadFile(migrationFiles, path.Join("migrations", name))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", name, err)
		}
		list = append(list, migration{version: version, name: name, sql: string(body)})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].version < list[j].version })
	for i, m := range list {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %04d (numbers must run without gaps)", m.name, i+1)
		}
	}
	return list, nil
}

// LatestSchemaVersion is the schema version this binary writes. The migrations are embedded at
// build time and checked by the tests, so a malformed set is a programming error: it panics.
func LatestSchemaVersion() int {
	list, err := loadMigrations()
	if err != nil {
		panic(err)
	}
	return len(list)
}

// SchemaTooNewError is returned when the database was written by a newer Civisphère.
type SchemaTooNewError struct {
	Found     int // the database's schema version
	Supported int // the newest this binary knows
}

func (e *SchemaTooNewError) Error() string {
	return fmt.Sprintf("this data folder was written by a newer version of Civisphère "+
		"(database schema %d; this version knows up to %d). Install the newer version, "+
		"or restore a backup made by this one. Nothing was changed", e.Found, e.Supported)
}

// conn is a *sql.DB or one *sql.Conn of it: a restore migrates on the connection it holds.
type conn interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

func schemaVersion(ctx context.Context, db conn) (int, error) {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// migrateTo brings the database to the target version, one transaction per migration.
func migrateTo(ctx context.Context, db conn, target int) error {
	list, err := loadMigrations()
	if err != nil {
		return err
	}
	if target > len(list) {
		return fmt.Errorf("migrate to %d: only %d migrations exist", target, len(list))
	}
	current, err := schemaVersion(ctx, db)
	if err != nil {
		return err
	}
	if current > len(list) {
		return &SchemaTooNewError{Found: current, Supported: len(list)}
	}
	for _, m := range list[current:target] {
		if err := applyMigration(ctx, db, m); err != nil {
			return err
		}
	}
	return nil
}

func applyMigration(ctx context.Context, db conn, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: begin: %w", m.name, err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	// PRAGMA takes no bound parameters; the version is an int we produced.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return fmt.Errorf("migration %s: set schema version: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: commit: %w", m.name, err)
	}
	return nil
}
