package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// Backups of the database
//
// A backup is never a copy of the file: a copy taken while SQLite writes (or with its WAL
// beside it) may be torn. Snapshot uses `VACUUM INTO`, which reads one consistent snapshot in
// a read transaction: in WAL mode writers go on meanwhile. RestoreFrom goes the other way with
// SQLite's online backup API, on the store's own read-write connection, so the running app
// switches to the restored data without being restarted.

// Snapshot writes a consistent, compact copy of the database to destPath, which must not exist.
// It runs in a read transaction on a connection of its own: in WAL mode writers are not
// blocked while it runs. (The read-only pool cannot do it: SQLite opens the output file with
// the flags of the source connection, so mode=ro refuses to write it.)
func (s *Store) Snapshot(ctx context.Context, destPath string) error {
	db, err := sql.Open("sqlite3", dsn(s.path, "_busy_timeout=5000"))
	if err != nil {
		return fmt.Errorf("snapshot: open %s: %w", s.path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	return snapshotInto(ctx, db, destPath)
}

// snapshotInto runs VACUUM INTO on one connection of db: it only reads the source, and the
// file it writes is a new database of its own.
func snapshotInto(ctx context.Context, db *sql.DB, destPath string) error {
	abs, err := filepath.Abs(destPath)
	if err != nil {
		return fmt.Errorf("snapshot to %s: %w", destPath, err)
	}
	if _, err := os.Stat(abs); err == nil {
		return fmt.Errorf("snapshot to %s: the file already exists", abs)
	}
	// VACUUM INTO takes the file name as a bound parameter, so any path is safe.
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", abs); err != nil {
		os.Remove(abs) //nolint:errcheck // a partial output is worthless
		return fmt.Errorf("snapshot to %s: %w", abs, err)
	}
	return nil
}

// QuickCheck runs SQLite's quick_check on the live database: nil when it finds nothing wrong,
// else a *CorruptionError listing what it found.
func (s *Store) QuickCheck(ctx context.Context) error {
	return checkDatabase(ctx, s.ro, "quick_check")
}

// CorruptionError is what SQLite's integrity checks found wrong in a database.
type CorruptionError struct {
	Problems []string // SQLite's messages, at most a few
}

func (e *CorruptionError) Error() string {
	return "the database is damaged: " + strings.Join(e.Problems, "; ")
}

// maxReportedProblems keeps the report of a badly damaged file readable.
const maxReportedProblems = 10

func checkDatabase(ctx context.Context, db *sql.DB, pragma string) error {
	rows, err := db.QueryContext(ctx, fmt.Sprintf("PRAGMA %s(%d)", pragma, maxReportedProblems))
	if err != nil {
		if isCorrupt(err) {
			return &CorruptionError{Problems: []string{err.Error()}}
		}
		return fmt.Errorf("check database: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("check database: %w", err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		if isCorrupt(err) {
			return &CorruptionError{Problems: append(problems, err.Error())}
		}
		return fmt.Errorf("check database: %w", err)
	}
	if len(problems) > 0 {
		return &CorruptionError{Problems: problems}
	}
	return nil
}

// IsDamaged tells whether err says the database file is damaged or not a database at all, as
// opposed to a file that cannot be reached (permissions, a missing disk): only the first is
// mended by restoring a backup.
func IsDamaged(err error) bool {
	var c *CorruptionError
	return errors.As(err, &c) || isCorrupt(err)
}

func isCorrupt(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB)
}

// DatabaseFileInfo describes a standalone database file, such as one taken out of a backup.
type DatabaseFileInfo struct {
	SchemaVersion int
	Counts        map[string]int // rows of the main tables present in that schema
}

// countedTables are the tables a backup's manifest counts, for people choosing which one to
// restore; a table that an older schema lacks is left out.
var countedTables = []string{"volunteers", "organizations", "projects", "hour_entries", "project_documents", "surveys"}

// InspectDatabaseFile opens the database file at path read-only, checks it (integrity_check
// when full, else the faster quick_check) and reads its schema version and row counts. It
// refuses a file that is not a database, a damaged one (*CorruptionError) and one written by a
// newer Civisphère (*SchemaTooNewError). The file must not be in use by anyone else.
func InspectDatabaseFile(ctx context.Context, path string, full bool) (DatabaseFileInfo, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return DatabaseFileInfo{}, fmt.Errorf("database file %q: %w", path, err)
	}
	if _, err := os.Stat(abs); err != nil {
		return DatabaseFileInfo{}, fmt.Errorf("database file: %w", err)
	}
	db, err := sql.Open("sqlite3", dsn(abs, "mode=ro&_busy_timeout=5000"))
	if err != nil {
		return DatabaseFileInfo{}, fmt.Errorf("open %s: %w", abs, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	pragma := "quick_check"
	if full {
		pragma = "integrity_check"
	}
	if err := checkDatabase(ctx, db, pragma); err != nil {
		return DatabaseFileInfo{}, err
	}
	info := DatabaseFileInfo{Counts: map[string]int{}}
	if info.SchemaVersion, err = schemaVersion(ctx, db); err != nil {
		return DatabaseFileInfo{}, err
	}
	if latest := LatestSchemaVersion(); info.SchemaVersion > latest {
		return info, &SchemaTooNewError{Found: info.SchemaVersion, Supported: latest}
	}
	for _, table := range countedTables {
		var present int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", table).Scan(&present); err != nil {
			return DatabaseFileInfo{}, fmt.Errorf("read tables of %s: %w", abs, err)
		}
		if present == 0 {
			continue
		}
		var n int
		// table comes from countedTables above, never from input.
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			return DatabaseFileInfo{}, fmt.Errorf("count %s in %s: %w", table, abs, err)
		}
		info.Counts[table] = n
	}
	return info, nil
}

// RestoreFrom replaces the whole content of the live database with the database file at
// srcPath, then brings it to the latest schema, without closing the store: the online backup
// API copies every page inside one write transaction of the read-write connection, so readers
// see either the old database or the new one, and writers queue until it is done. Check the
// file with InspectDatabaseFile first. Search outbox and all: the caller rebuilds what derives
// from the database (the search index).
func (s *Store) RestoreFrom(ctx context.Context, srcPath string) error {
	abs, err := filepath.Abs(srcPath)
	if err != nil {
		return fmt.Errorf("restore from %q: %w", srcPath, err)
	}
	if _, err := os.Stat(abs); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	src, err := sql.Open("sqlite3", dsn(abs, "mode=ro&_busy_timeout=5000"))
	if err != nil {
		return fmt.Errorf("restore: open %s: %w", abs, err)
	}
	defer src.Close()
	src.SetMaxOpenConns(1)
	srcConn, err := src.Conn(ctx)
	if err != nil {
		return fmt.Errorf("restore: open %s: %w", abs, err)
	}
	defer srcConn.Close()
	// Holding the single read-write connection for the whole restore keeps every other writer
	// out until the restored database has been migrated.
	dest, err := s.rw.Conn(ctx)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer dest.Close()
	err = dest.Raw(func(destDriver any) error {
		return srcConn.Raw(func(srcDriver any) error {
			d, ok1 := destDriver.(*sqlite3.SQLiteConn)
			s, ok2 := srcDriver.(*sqlite3.SQLiteConn)
			if !ok1 || !ok2 {
				return errors.New("not a mattn/go-sqlite3 connection")
			}
			return copyDatabase(ctx, d, s)
		})
	})
	if err != nil {
		return fmt.Errorf("restore from %s: %w", abs, err)
	}
	latest := LatestSchemaVersion()
	if err := migrateTo(ctx, dest, latest); err != nil {
		return fmt.Errorf("restore from %s: %w", abs, err)
	}
	return nil
}

// copyDatabase runs the online backup from src into dest. Step returns "not done" without an
// error while another process holds a lock; it is retried for a while, like busy_timeout.
func copyDatabase(ctx context.Context, dest, src *sqlite3.SQLiteConn) error {
	bk, err := dest.Backup("main", src, "main")
	if err != nil {
		return fmt.Errorf("start backup: %w", err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		done, err := bk.Step(-1)
		if err != nil {
			bk.Finish() //nolint:errcheck // the step's error says more
			return fmt.Errorf("copy pages: %w", err)
		}
		if done {
			break
		}
		if err := ctx.Err(); err != nil || time.Now().After(deadline) {
			bk.Finish() //nolint:errcheck // abandoning: the destination is left unchanged
			if err == nil {
				err = errors.New("the database stayed locked by another program")
			}
			return fmt.Errorf("copy pages: %w", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := bk.Finish(); err != nil {
		return fmt.Errorf("finish backup: %w", err)
	}
	return nil
}
