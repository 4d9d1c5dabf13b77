package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

// The audit log (migration 0011). An entry about a change is written in the change's own
// transaction, so that a change is never committed without its entry nor an entry without its
// change: the service puts the entry in the context it passes to the store method (WithAudit),
// and inTx writes it just before committing. This keeps the store methods' signatures as they
// are, whichever use case calls them.

type auditKey struct{}

// pendingAudit is what an act records, waiting for the transaction it belongs to. entries is
// called once the change is written, so that it can name an ID given by the insert; an act on
// several people (a timesheet) records one entry per person.
type pendingAudit struct {
	entries func() []domain.AuditEntry
	written atomic.Bool // one entry per act, even if a store method ran several transactions
}

// WithAudit returns a context whose next write transaction also records the entry fn returns.
// Pass it to one store call only: the call that makes the change.
func WithAudit(ctx context.Context, fn func() domain.AuditEntry) context.Context {
	return WithAuditEntries(ctx, func() []domain.AuditEntry { return []domain.AuditEntry{fn()} })
}

// WithAuditEntries is WithAudit for an act that records several entries.
func WithAuditEntries(ctx context.Context, fn func() []domain.AuditEntry) context.Context {
	return context.WithValue(ctx, auditKey{}, &pendingAudit{entries: fn})
}

func writePendingAudit(ctx context.Context, tx *sql.Tx) error {
	p, ok := ctx.Value(auditKey{}).(*pendingAudit)
	if !ok || p.written.Load() {
		return nil
	}
	for _, e := range p.entries() {
		if err := insertAudit(ctx, tx, e); err != nil {
			return err
		}
	}
	p.written.Store(true)
	return nil
}

func insertAudit(ctx context.Context, tx *sql.Tx, e domain.AuditEntry) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, actor_id, action, volunteer_id, detail) VALUES (?, ?, ?, ?, ?)`,
		formatTime(e.At), e.ActorID, string(e.Action), nullID(e.VolunteerID), e.Detail); err != nil {
		return fmt.Errorf("write audit entry %s: %w", e.Action, err)
	}
	return nil
}

// AddAuditEntry records an act that changes nothing else in the database (an export), or whose
// counts are known only once it is done (an import).
func (s *Store) AddAuditEntry(ctx context.Context, e domain.AuditEntry) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return insertAudit(ctx, tx, e) })
}

// AuditFilter selects audit entries; VolunteerID 0 means all. Entries about a person since
// erased are left out of a volunteer's list: their ID may now be someone else's.
type AuditFilter struct {
	VolunteerID int64
	Limit       int
	Offset      int
}

// AuditEntries returns one page of entries, the newest first, and how many match.
func (s *Store) AuditEntries(ctx context.Context, f AuditFilter) ([]domain.AuditEntry, int, error) {
	where, args := "1 = 1", []any{}
	if f.VolunteerID != 0 {
		where, args = "volunteer_id = ? AND erasure_id IS NULL", []any{f.VolunteerID}
	}
	var total int
	if err := s.ro.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count audit entries: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT id, at, actor_id, action, COALESCE(volunteer_id, 0), detail, erasure_id IS NOT NULL
		FROM audit_log WHERE `+where+` ORDER BY id DESC LIMIT ? OFFSET ?`, append(args, limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("read audit entries: %w", err)
	}
	defer rows.Close()
	var out []domain.AuditEntry
	for rows.Next() {
		var (
			e      domain.AuditEntry
			at     string
			action string
		)
		if err := rows.Scan(&e.ID, &at, &e.ActorID, &action, &e.VolunteerID, &e.Detail, &e.Erased); err != nil {
			return nil, 0, fmt.Errorf("read audit entries: %w", err)
		}
		e.Action = domain.AuditAction(action)
		if e.At, err = parseTime(at); err != nil {
			return nil, 0, fmt.Errorf("read audit entry %d: %w", e.ID, err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("read audit entries: %w", err)
	}
	return out, total, nil
}

// PruneAudit deletes the entries older than before and says how many went.
func (s *Store) PruneAudit(ctx context.Context, before time.Time) (int, error) {
	var n int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// Times are stored as RFC 3339 in UTC, whose text order is time order to the second.
		res, err := tx.ExecContext(ctx, `DELETE FROM audit_log WHERE at < ?`, formatTime(before))
		if err != nil {
			return fmt.Errorf("prune audit log: %w", err)
		}
		n, _ = res.RowsAffected()
		return nil
	})
	return int(n), err
}
