package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// IndexChange says that a volunteer changed (or disappeared) and the search index must catch up.
type IndexChange struct {
	Seq         int64
	VolunteerID int64
}

// OutboxState is what the indexer compares with its own last applied seq at start-up.
type OutboxState struct {
	NewestSeq        int64 // the newest seq ever written, 0 when none
	OldestPendingSeq int64 // the oldest seq not yet deleted, 0 when the outbox is empty
	Volunteers       int   // volunteers on file, to compare with the documents in the index
}

type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func enqueueIndexChange(ctx context.Context, tx *sql.Tx, volunteerID int64) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_outbox (volunteer_id) VALUES (?)`, volunteerID); err != nil {
		return fmt.Errorf("queue volunteer %d for the search index: %w", volunteerID, err)
	}
	return nil
}

// newestIndexSeq reads sqlite_sequence, which AUTOINCREMENT keeps even after rows are deleted.
func newestIndexSeq(ctx context.Context, q queryRower) (int64, error) {
	var seq int64
	err := q.QueryRowContext(ctx, `SELECT seq FROM sqlite_sequence WHERE name = 'search_outbox'`).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read search outbox sequence: %w", err)
	}
	return seq, nil
}

// NewestIndexSeq is the newest outbox seq ever written: it moves on with every change to a
// volunteer, so it tells whether anything changed since it was last read.
func (s *Store) NewestIndexSeq(ctx context.Context) (int64, error) { return newestIndexSeq(ctx, s.ro) }

// IndexOutboxState reads the outbox's sequence numbers and the number of volunteers, in one
// snapshot.
func (s *Store) IndexOutboxState(ctx context.Context) (OutboxState, error) {
	var st OutboxState
	tx, err := s.ro.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return st, fmt.Errorf("read search outbox: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	if st.NewestSeq, err = newestIndexSeq(ctx, tx); err != nil {
		return st, err
	}
	var oldest sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT min(seq) FROM search_outbox`).Scan(&oldest); err != nil {
		return st, fmt.Errorf("read search outbox: %w", err)
	}
	st.OldestPendingSeq = oldest.Int64
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM volunteers`).Scan(&st.Volunteers); err != nil {
		return st, fmt.Errorf("count volunteers: %w", err)
	}
	return st, nil
}

// IndexChanges lists up to limit changes after the given seq, oldest first.
func (s *Store) IndexChanges(ctx context.Context, afterSeq int64, limit int) ([]IndexChange, error) {
	rows, err := s.ro.QueryContext(ctx,
		`SELECT seq, volunteer_id FROM search_outbox WHERE seq > ? ORDER BY seq LIMIT ?`, afterSeq, limit)
	if err != nil {
		return nil, fmt.Errorf("read search outbox: %w", err)
	}
	defer rows.Close()
	var out []IndexChange
	for rows.Next() {
		var c IndexChange
		if err := rows.Scan(&c.Seq, &c.VolunteerID); err != nil {
			return nil, fmt.Errorf("read search outbox: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// DeleteIndexChanges forgets the changes the index has applied, up to and including seq.
func (s *Store) DeleteIndexChanges(ctx context.Context, uptoSeq int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM search_outbox WHERE seq <= ?`, uptoSeq); err != nil {
			return fmt.Errorf("prune search outbox: %w", err)
		}
		return nil
	})
}
