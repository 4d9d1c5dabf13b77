package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/civisphere/civisphere/backend/domain"
)

// FTS5Baseline is an SQLite FTS5 table of volunteer profiles, used only by `make bench` as the
// peer baseline of the Bleve search: the same profiles, the same queries, ranked by bm25. It
// lives in its own database file and needs a binary built with the sqlite_fts5 tag.
type FTS5Baseline struct {
	db *sql.DB
}

// OpenFTS5Baseline creates the baseline table in a new database file at path.
func OpenFTS5Baseline(ctx context.Context, path string) (*FTS5Baseline, error) {
	db, err := sql.Open("sqlite3", dsn(path, "_journal_mode=WAL&_synchronous=OFF"))
	if err != nil {
		return nil, fmt.Errorf("open FTS5 baseline: %w", err)
	}
	db.SetMaxOpenConns(1)
	// remove_diacritics 2 folds accents as our analyzers do; prefix indexes make "compt*" cheap.
	if _, err := db.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS volunteers_fts USING fts5(
		name, city, skills, bio, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')`); err != nil {
		db.Close()
		return nil, fmt.Errorf("create FTS5 baseline (is the binary built with -tags sqlite_fts5?): %w", err)
	}
	return &FTS5Baseline{db: db}, nil
}

// Add writes volunteers into the baseline, skills spelled out by skillText.
func (b *FTS5Baseline) Add(ctx context.Context, vols []domain.Volunteer, skillText func(domain.Volunteer) string) error {
	tx, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("fill FTS5 baseline: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // committed below
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO volunteers_fts (rowid, name, city, skills, bio) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("fill FTS5 baseline: %w", err)
	}
	defer stmt.Close()
	for _, v := range vols {
		if _, err := stmt.ExecContext(ctx, v.ID, v.FullName(), v.City, skillText(v), v.Bio); err != nil {
			return fmt.Errorf("fill FTS5 baseline: %w", err)
		}
	}
	return tx.Commit()
}

// Search runs the words of text as an FTS5 query (every word required, the last as a prefix),
// ranked by bm25, returning one page and the total, like the Bleve search.
func (b *FTS5Baseline) Search(ctx context.Context, text string, limit int) (ids []int64, total int, err error) {
	var terms []string
	for _, w := range strings.Fields(domain.FoldText(text)) {
		terms = append(terms, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	if len(terms) == 0 {
		return nil, 0, nil
	}
	terms[len(terms)-1] += "*"
	rows, err := b.db.QueryContext(ctx, `SELECT rowid, count(*) OVER () FROM volunteers_fts
		WHERE volunteers_fts MATCH ? ORDER BY rank LIMIT ?`, strings.Join(terms, " "), limit)
	if err != nil {
		return nil, 0, fmt.Errorf("FTS5 search %q: %w", text, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id, &total); err != nil {
			return nil, 0, fmt.Errorf("FTS5 search %q: %w", text, err)
		}
		ids = append(ids, id)
	}
	return ids, total, rows.Err()
}

// Close closes the baseline database.
func (b *FTS5Baseline) Close() error { return b.db.Close() }
