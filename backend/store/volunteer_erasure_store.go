package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

// ErasedCounts says what an erasure removed or made anonymous; it holds no personal data and
// goes into the audit entry.
type ErasedCounts struct {
	Hours          int // entries kept, without the person (anonymous totals)
	Applications   int // deleted
	Tasks          int // unassigned
	Projects       int // no longer say who created them
	Responses      int // survey responses kept, anonymous
	Messages       int // project messages signed with the person's name, signature removed
	Consents       int // deleted
	Skills         int // deleted
	EarlierEntries int // audit entries about the person, marked as about an erased person
}

// ErasedAuthor replaces the person's name as the author of a project message.
const ErasedAuthor = "—"

// EraseVolunteer removes a person everywhere in the database, in one transaction (GDPR art.
// 17). Their hours stay, without the person and without the free-text note, so that totals and
// reports already given stay true; their survey responses stay, anonymous; their applications,
// consents and skills go; tasks and projects no longer point to them. The erasure is recorded
// in the ledger (e gives its time, reason and actor; its volunteer fields are filled here) and
// in the audit log (audit, with the counts appended to its detail).
//
// When createdAt is not zero, only the person created at that time is erased: the ID may have
// been given to someone else since. An unknown person gives domain.ErrNotFound.
//
// Secure delete (see rwParams) zeroes the deleted rows in the file; the write-ahead log still
// holds them until CheckpointWAL.
func (s *Store) EraseVolunteer(ctx context.Context, id int64, createdAt time.Time, e domain.Erasure, audit domain.AuditEntry) (domain.Erasure, ErasedCounts, error) {
	var counts ErasedCounts
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var created, first, last string
		err := tx.QueryRowContext(ctx, `SELECT created_at, first_name, last_name FROM volunteers WHERE id = ?`, id).Scan(&created, &first, &last)
		if errors.Is(err, sql.ErrNoRows) {
			return domain.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("erase volunteer %d: %w", id, err)
		}
		storedAt, err := parseTime(created)
		if err != nil {
			return fmt.Errorf("erase volunteer %d: %w", id, err)
		}
		if !createdAt.IsZero() && !storedAt.Equal(createdAt) {
			return domain.ErrNotFound // another person now has this ID
		}
		e.VolunteerID, e.CreatedAt = id, storedAt
		name := strings.Join(strings.Fields(first+" "+last), " ")
		if counts, err = eraseVolunteerRows(ctx, tx, id, name); err != nil {
			return fmt.Errorf("erase volunteer %d: %w", id, err)
		}
		erasureID, err := insertErasure(ctx, tx, e)
		if err != nil {
			return err
		}
		audit.VolunteerID = id
		audit.Detail = strings.TrimSpace(audit.Detail + " " + counts.detail())
		if err := insertAudit(ctx, tx, audit); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE audit_log SET erasure_id = ? WHERE volunteer_id = ? AND erasure_id IS NULL`, erasureID, id)
		if err != nil {
			return fmt.Errorf("erase volunteer %d: mark audit entries: %w", id, err)
		}
		n, _ := res.RowsAffected()
		counts.EarlierEntries = int(n) - 1 // not the entry just written
		// The index drops the document at the next sync.
		return enqueueIndexChange(ctx, tx, id)
	})
	return e, counts, err
}

func (c ErasedCounts) detail() string {
	return fmt.Sprintf("hours=%d applications=%d tasks=%d projects=%d responses=%d messages=%d consents=%d skills=%d",
		c.Hours, c.Applications, c.Tasks, c.Projects, c.Responses, c.Messages, c.Consents, c.Skills)
}

// eraseVolunteerRows does the work of EraseVolunteer on every table that names the person.
// name is their full name, for the free-text "who" columns (message authors, who entered or
// reviewed hours) that hold it when the person typed it themselves.
func eraseVolunteerRows(ctx context.Context, tx *sql.Tx, id int64, name string) (ErasedCounts, error) {
	var c ErasedCounts
	steps := []eraseStep{
		{"hours", `UPDATE hour_entries SET volunteer_id = NULL, note = '' WHERE volunteer_id = ?`, []any{id}, &c.Hours},
		{"applications", `DELETE FROM applications WHERE volunteer_id = ?`, []any{id}, &c.Applications},
		{"tasks", `UPDATE tasks SET assignee_id = NULL WHERE assignee_id = ?`, []any{id}, &c.Tasks},
		{"projects", `UPDATE projects SET created_by_volunteer_id = NULL WHERE created_by_volunteer_id = ?`, []any{id}, &c.Projects},
		{"survey responses", `UPDATE survey_responses SET volunteer_id = NULL WHERE volunteer_id = ?`, []any{id}, &c.Responses},
		{"consents", `DELETE FROM volunteer_consents WHERE volunteer_id = ?`, []any{id}, &c.Consents},
		{"skills", `DELETE FROM volunteer_skills WHERE volunteer_id = ?`, []any{id}, &c.Skills},
	}
	if name != "" {
		steps = append(steps,
			eraseStep{"message authors", `UPDATE project_messages SET author = ? WHERE author = ?`, []any{ErasedAuthor, name}, &c.Messages},
			eraseStep{"hours entered", `UPDATE hour_entries SET entered_by = '' WHERE entered_by = ?`, []any{name}, nil},
			eraseStep{"hours reviewed", `UPDATE hour_entries SET reviewed_by = '' WHERE reviewed_by = ?`, []any{name}, nil},
		)
	}
	for _, st := range steps {
		res, err := tx.ExecContext(ctx, st.query, st.args...)
		if err != nil {
			return c, fmt.Errorf("%s: %w", st.what, err)
		}
		if st.n != nil {
			n, _ := res.RowsAffected()
			*st.n = int(n)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM volunteers WHERE id = ?`, id); err != nil {
		return c, fmt.Errorf("profile: %w", err)
	}
	return c, nil
}

// eraseStep is one statement of an erasure; n, when set, receives the rows it touched.
type eraseStep struct {
	what  string
	query string
	args  []any
	n     *int
}

// insertErasure adds e to the ledger, once, and returns its row ID.
func insertErasure(ctx context.Context, tx *sql.Tx, e domain.Erasure) (int64, error) {
	if _, err := tx.ExecContext(ctx, `INSERT INTO erasures (volunteer_id, volunteer_created_at, erased_at, reason, actor_id)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (volunteer_id, volunteer_created_at) DO NOTHING`,
		e.VolunteerID, formatTime(e.CreatedAt), formatTime(e.ErasedAt), e.Reason, e.ActorID); err != nil {
		return 0, fmt.Errorf("record erasure of volunteer %d: %w", e.VolunteerID, err)
	}
	var id int64
	if err := tx.QueryRowContext(ctx, `SELECT id FROM erasures WHERE volunteer_id = ? AND volunteer_created_at = ?`,
		e.VolunteerID, formatTime(e.CreatedAt)).Scan(&id); err != nil {
		return 0, fmt.Errorf("record erasure of volunteer %d: %w", e.VolunteerID, err)
	}
	return id, nil
}

// RecordErasure adds a ledger entry found elsewhere (the ledger file) to the table, once.
func (s *Store) RecordErasure(ctx context.Context, e domain.Erasure) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := insertErasure(ctx, tx, e)
		return err
	})
}

// Erasures returns the ledger, oldest first.
func (s *Store) Erasures(ctx context.Context) ([]domain.Erasure, error) {
	rows, err := s.ro.QueryContext(ctx, `SELECT volunteer_id, volunteer_created_at, erased_at, reason, actor_id FROM erasures ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read erasures: %w", err)
	}
	defer rows.Close()
	var out []domain.Erasure
	for rows.Next() {
		var (
			e                 domain.Erasure
			created, erasedAt string
		)
		if err := rows.Scan(&e.VolunteerID, &created, &erasedAt, &e.Reason, &e.ActorID); err != nil {
			return nil, fmt.Errorf("read erasures: %w", err)
		}
		if e.CreatedAt, err = parseTime(created); err != nil {
			return nil, fmt.Errorf("read erasure of volunteer %d: %w", e.VolunteerID, err)
		}
		if e.ErasedAt, err = parseTime(erasedAt); err != nil {
			return nil, fmt.Errorf("read erasure of volunteer %d: %w", e.VolunteerID, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// VolunteerCreatedAt returns when the volunteer's profile was created, or domain.ErrNotFound.
func (s *Store) VolunteerCreatedAt(ctx context.Context, id int64) (time.Time, error) {
	var created string
	err := s.ro.QueryRowContext(ctx, `SELECT created_at FROM volunteers WHERE id = ?`, id).Scan(&created)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, domain.ErrNotFound
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("read volunteer %d: %w", id, err)
	}
	return parseTime(created)
}

// CheckpointWAL copies the write-ahead log into the database file and truncates it to nothing,
// so that rows deleted (and zeroed) in the database no longer survive in older log frames. A
// reader holding an old snapshot blocks the truncation; it is tried again a few times.
func (s *Store) CheckpointWAL(ctx context.Context) error {
	for attempt := 0; ; attempt++ {
		var busy, logFrames, checkpointed int
		if err := s.rw.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logFrames, &checkpointed); err != nil {
			return fmt.Errorf("checkpoint the write-ahead log: %w", err)
		}
		if busy == 0 {
			return nil
		}
		if attempt == 20 {
			return fmt.Errorf("checkpoint the write-ahead log: readers kept it busy")
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}
