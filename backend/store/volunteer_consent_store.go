package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

// consentChunk bounds the IN lists of the many-volunteer reads: reports ask about thousands of
// people at once, and one statement per few hundred keeps each plan small and far below
// SQLite's limit on bound parameters.
const consentChunk = 500

const consentColumns = `kind, given_at, withdrawn_at, recorded_by, withdrawn_by`

// SetConsent records that a volunteer gives (given) or withdraws a consent, at the given time,
// entered by the actor named by. Giving what already holds, or withdrawing what does not, changes
// nothing and reports changed false. It returns the latest record of that kind afterwards (the
// zero Consent, with only Kind set, when none was ever given), or domain.ErrNotFound when the
// volunteer does not exist.
func (s *Store) SetConsent(ctx context.Context, volunteerID int64, kind domain.ConsentKind, given bool, at time.Time, by string) (c domain.Consent, changed bool, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var exists int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM volunteers WHERE id = ?`, volunteerID).Scan(&exists); err != nil {
			return fmt.Errorf("set consent of volunteer %d: %w", volunteerID, err)
		}
		if exists == 0 {
			return domain.ErrNotFound
		}
		var openID int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM volunteer_consents
			WHERE volunteer_id = ? AND kind = ? AND withdrawn_at IS NULL`, volunteerID, string(kind)).Scan(&openID)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("read consent %s of volunteer %d: %w", kind, volunteerID, err)
		}
		switch {
		case given && openID == 0:
			if err := insertConsent(ctx, tx, volunteerID, domain.Consent{Kind: kind, GivenAt: at, RecordedBy: by}); err != nil {
				return err
			}
			changed = true
		case !given && openID != 0:
			if _, err := tx.ExecContext(ctx, `UPDATE volunteer_consents SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ?`,
				formatTime(at), by, openID); err != nil {
				return fmt.Errorf("withdraw consent %s of volunteer %d: %w", kind, volunteerID, err)
			}
			changed = true
		}
		c, err = latestConsent(ctx, tx, volunteerID, kind)
		return err
	})
	if err != nil {
		return domain.Consent{}, false, err
	}
	return c, changed, nil
}

// insertConsent adds a grant: a new open row.
func insertConsent(ctx context.Context, tx *sql.Tx, volunteerID int64, c domain.Consent) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO volunteer_consents (volunteer_id, kind, given_at, recorded_by)
		VALUES (?, ?, ?, ?)`, volunteerID, string(c.Kind), formatTime(c.GivenAt), c.RecordedBy); err != nil {
		return fmt.Errorf("record consent %s of volunteer %d: %w", c.Kind, volunteerID, err)
	}
	return nil
}

// insertInitialConsents records the consents given on the form that created a volunteer. Only
// those given count: not ticking a box is no act, so it leaves no record.
func insertInitialConsents(ctx context.Context, tx *sql.Tx, volunteerID int64, list []domain.Consent) error {
	seen := map[domain.ConsentKind]bool{}
	for _, c := range list {
		if !c.Active() || seen[c.Kind] {
			continue
		}
		seen[c.Kind] = true
		if err := insertConsent(ctx, tx, volunteerID, c); err != nil {
			return err
		}
	}
	return nil
}

func latestConsent(ctx context.Context, tx *sql.Tx, volunteerID int64, kind domain.ConsentKind) (domain.Consent, error) {
	row := tx.QueryRowContext(ctx, `SELECT `+consentColumns+` FROM volunteer_consents
		WHERE volunteer_id = ? AND kind = ? ORDER BY id DESC LIMIT 1`, volunteerID, string(kind))
	c, err := scanConsent(row)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Consent{Kind: kind}, nil
	}
	return c, err
}

// VolunteerConsents returns the latest record of each kind a volunteer ever answered, in the
// order of domain.ConsentKinds (unknown kinds last). Kinds never given are left out.
func (s *Store) VolunteerConsents(ctx context.Context, volunteerID int64) ([]domain.Consent, error) {
	all, err := s.CurrentConsents(ctx, []int64{volunteerID})
	if err != nil {
		return nil, err
	}
	return all[volunteerID], nil
}

// ConsentHistory returns every consent record of a volunteer, the newest grant first.
func (s *Store) ConsentHistory(ctx context.Context, volunteerID int64) ([]domain.Consent, error) {
	rows, err := s.ro.QueryContext(ctx, `SELECT `+consentColumns+` FROM volunteer_consents
		WHERE volunteer_id = ? ORDER BY given_at DESC, id DESC`, volunteerID)
	if err != nil {
		return nil, fmt.Errorf("read consent history of volunteer %d: %w", volunteerID, err)
	}
	defer rows.Close()
	var out []domain.Consent
	for rows.Next() {
		c, err := scanConsent(rows)
		if err != nil {
			return nil, fmt.Errorf("read consent history of volunteer %d: %w", volunteerID, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read consent history of volunteer %d: %w", volunteerID, err)
	}
	return out, nil
}

// CurrentConsents returns, for each of the volunteers given, the latest record of each kind
// they ever answered (see VolunteerConsents). Volunteers without any record are absent. All
// chunks are read from one snapshot.
func (s *Store) CurrentConsents(ctx context.Context, ids []int64) (map[int64][]domain.Consent, error) {
	out := make(map[int64][]domain.Consent)
	err := s.readChunks(ctx, ids, func(tx *sql.Tx, placeholders string, args []any) error {
		// The newest row of a (volunteer, kind) has the highest id: rows are only ever added.
		rows, err := tx.QueryContext(ctx, `SELECT volunteer_id, `+consentColumns+` FROM volunteer_consents
			WHERE id IN (SELECT max(id) FROM volunteer_consents
				WHERE volunteer_id IN (`+placeholders+`) GROUP BY volunteer_id, kind)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			c, err := scanConsentWith(rows, &id)
			if err != nil {
				return err
			}
			out[id] = append(out[id], c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read consents: %w", err)
	}
	for id := range out {
		sortConsents(out[id])
	}
	return out, nil
}

// VolunteersConsenting tells which of the volunteers given hold a consent of kind now: those
// who do map to true; the others are absent (a lookup gives false). Reports call it with
// thousands of IDs, read from one snapshot in chunks.
func (s *Store) VolunteersConsenting(ctx context.Context, kind domain.ConsentKind, ids []int64) (map[int64]bool, error) {
	out := make(map[int64]bool)
	err := s.readChunks(ctx, ids, func(tx *sql.Tx, placeholders string, args []any) error {
		rows, err := tx.QueryContext(ctx, `SELECT volunteer_id FROM volunteer_consents
			WHERE kind = ? AND withdrawn_at IS NULL AND volunteer_id IN (`+placeholders+`)`,
			append([]any{string(kind)}, args...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			out[id] = true
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read who consents to %s: %w", kind, err)
	}
	return out, nil
}

// readChunks calls fn with the IDs cut into chunks of consentChunk, each as its placeholders
// and arguments, inside one read-only transaction so that all chunks see the same data.
func (s *Store) readChunks(ctx context.Context, ids []int64, fn func(tx *sql.Tx, placeholders string, args []any) error) error {
	if len(ids) == 0 {
		return nil
	}
	tx, err := s.ro.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	for start := 0; start < len(ids); start += consentChunk {
		chunk := ids[start:min(start+consentChunk, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		if err := fn(tx, strings.TrimSuffix(strings.Repeat("?,", len(chunk)), ","), args); err != nil {
			return err
		}
	}
	return nil
}

func scanConsent(row rowScanner) (domain.Consent, error) { return scanConsentWith(row) }

// scanConsentWith reads consentColumns after the leading destinations given.
func scanConsentWith(row rowScanner, leading ...any) (domain.Consent, error) {
	var (
		c             domain.Consent
		kind, givenAt string
		withdrawnAt   sql.NullString
	)
	if err := row.Scan(append(leading, &kind, &givenAt, &withdrawnAt, &c.RecordedBy, &c.WithdrawnBy)...); err != nil {
		return c, err
	}
	c.Kind = domain.ConsentKind(kind)
	var err error
	if c.GivenAt, err = parseTime(givenAt); err != nil {
		return c, fmt.Errorf("consent %s: given_at: %w", kind, err)
	}
	if withdrawnAt.Valid {
		if c.WithdrawnAt, err = parseTime(withdrawnAt.String); err != nil {
			return c, fmt.Errorf("consent %s: withdrawn_at: %w", kind, err)
		}
	}
	return c, nil
}

// sortConsents puts consents in the order of domain.ConsentKinds, unknown kinds last by name.
func sortConsents(list []domain.Consent) {
	rank := func(k domain.ConsentKind) int {
		for i, known := range domain.ConsentKinds {
			if k == known {
				return i
			}
		}
		return len(domain.ConsentKinds)
	}
	slices.SortFunc(list, func(a, b domain.Consent) int {
		if d := rank(a.Kind) - rank(b.Kind); d != 0 {
			return d
		}
		return strings.Compare(string(a.Kind), string(b.Kind))
	})
}
