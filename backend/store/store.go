// Package store is Civisphère's SQLite access: the only package that holds SQL. The database is
// the single source of truth; everything else (the search index, reports) derives from it.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// Store holds two pools on one database file: a single read-write connection, so that writers
// queue in Go instead of failing on SQLITE_BUSY, and a pool of read-only connections, which
// WAL lets run beside the writer.
type Store struct {
	rw   *sql.DB
	ro   *sql.DB
	path string
}

// Connection settings:
//   - WAL: readers never block the writer, and a crash mid-write leaves the last commit intact.
//   - synchronous=FULL: with WAL, NORMAL may lose the last transactions on a power cut; FULL
//     syncs the WAL at every commit so an acknowledged write survives one. Office PCs get
//     switched off at the plug.
//   - busy_timeout: another process (a `serve` beside the window, a backup) waits, not fails.
//   - foreign_keys: SQLite leaves them off unless asked, per connection.
//   - _txlock=immediate: write transactions take the write lock at BEGIN, so two of them can
//     never deadlock on a read-to-write upgrade.
//   - secure_delete: SQLite normally only unlinks deleted rows, leaving their bytes in free pages
//     until reused; erasing a person (GDPR art. 17) must leave nothing readable in the file, so
//     deleted content is overwritten with zeros. Only the writer needs it: readers never delete.
//     The cost is a little more I/O on deletes, which are rare here.
const (
	rwParams = "_journal_mode=WAL&_synchronous=FULL&_busy_timeout=5000&_foreign_keys=on&_txlock=immediate&_secure_delete=on"
	roParams = "mode=ro&_journal_mode=WAL&_busy_timeout=5000&_foreign_keys=on&_query_only=true"
)

// OpenOption changes how Open opens a database.
type OpenOption func(*openOptions)

type openOptions struct {
	beforeMigrate func(context.Context, PendingMigration) error
}

// PendingMigration tells a BeforeMigrate hook which migrations are about to run, and lets it
// take a snapshot of the database as it is before them.
type PendingMigration struct {
	From, To int // schema versions
	// Snapshot writes a consistent copy of the not yet migrated database to a new file.
	Snapshot func(ctx context.Context, destPath string) error
}

// BeforeMigrate has hook called when an existing database (not a brand-new one) is about to be
// migrated to a newer schema, before anything changes: a backup is taken there. An error from
// the hook stops Open and leaves the database untouched.
func BeforeMigrate(hook func(context.Context, PendingMigration) error) OpenOption {
	return func(o *openOptions) { o.beforeMigrate = hook }
}

// Open opens (creating if needed) the database at path and brings its schema up to date. It
// refuses a database written by a newer Civisphère with a *SchemaTooNewError.
func Open(ctx context.Context, path string, options ...OpenOption) (*Store, error) {
	var opts openOptions
	for _, o := range options {
		o(&opts)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("database path %q: %w", path, err)
	}
	rw, err := sql.Open("sqlite3", dsn(abs, rwParams))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	rw.SetMaxOpenConns(1)
	rw.SetConnMaxLifetime(0)
	if err := checkWAL(ctx, rw); err != nil {
		rw.Close()
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	migrations, err := loadMigrations()
	if err != nil {
		rw.Close()
		return nil, err
	}
	latest := len(migrations)
	current, err := schemaVersion(ctx, rw)
	if err != nil {
		rw.Close()
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	if current > latest {
		rw.Close()
		return nil, &SchemaTooNewError{Found: current, Supported: latest}
	}
	if current > 0 && current < latest && opts.beforeMigrate != nil {
		pending := PendingMigration{From: current, To: latest, Snapshot: func(ctx context.Context, dest string) error {
			return snapshotInto(ctx, rw, dest)
		}}
		if err := opts.beforeMigrate(ctx, pending); err != nil {
			rw.Close()
			return nil, fmt.Errorf("open database %s: before migrating from schema %d to %d: %w", abs, current, latest, err)
		}
	}
	if err := migrateTo(ctx, rw, latest); err != nil {
		rw.Close()
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	ro, err := sql.Open("sqlite3", dsn(abs, roParams))
	if err != nil {
		rw.Close()
		return nil, fmt.Errorf("open read-only pool on %s: %w", abs, err)
	}
	ro.SetMaxOpenConns(max(4, runtime.NumCPU()))
	if err := ro.PingContext(ctx); err != nil {
		rw.Close()
		ro.Close()
		return nil, fmt.Errorf("open read-only pool on %s: %w", abs, err)
	}
	return &Store{rw: rw, ro: ro, path: abs}, nil
}

// dsn builds a file: URI; escaping the path keeps '?', '#' and '%' in folder names from being
// read as URI syntax.
func dsn(path, params string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: file:///C:/...
	}
	return "file://" + (&url.URL{Path: p}).EscapedPath() + "?" + params
}

// checkWAL makes sure the journal really is WAL: SQLite silently keeps another mode on file
// systems that cannot share memory (some network drives), and our durability reasoning
// depends on it.
func checkWAL(ctx context.Context, db *sql.DB) error {
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return fmt.Errorf("read journal mode: %w", err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("the database could not use write-ahead logging (journal mode %q); is the data folder on a network drive?", mode)
	}
	return nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// SchemaVersion is the version of the open database's schema.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) { return schemaVersion(ctx, s.ro) }

// Close closes both pools.
func (s *Store) Close() error {
	return errors.Join(s.ro.Close(), s.rw.Close())
}

// inTx runs fn in a write transaction, committing only when fn succeeds.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.rw.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback() //nolint:errcheck // the original error matters more
		return err
	}
	if err := writePendingAudit(ctx, tx); err != nil {
		tx.Rollback() //nolint:errcheck // the original error matters more
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
