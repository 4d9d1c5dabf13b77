package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

// What the personal-data pages need besides the aggregates' own reads: a person's survey
// responses, inactive people for the retention review, the retention setting and the live
// counts of the data-protection summary.

// VolunteerSurveyResponses returns the survey responses attributed to a volunteer, oldest first.
func (s *Store) VolunteerSurveyResponses(ctx context.Context, volunteerID int64) ([]domain.SurveyResponse, error) {
	rows, err := s.ro.QueryContext(ctx, `SELECT id, survey_id, volunteer_id, source, answers, created_at
		FROM survey_responses WHERE volunteer_id = ? ORDER BY id`, volunteerID)
	if err != nil {
		return nil, fmt.Errorf("list survey responses of volunteer %d: %w", volunteerID, err)
	}
	list, err := scanSurveyResponses(rows)
	if err != nil {
		return nil, fmt.Errorf("list survey responses of volunteer %d: %w", volunteerID, err)
	}
	return list, nil
}

// InactiveVolunteer is a person with no activity since a date: a candidate for purge.
type InactiveVolunteer struct {
	ID        int64
	FirstName string
	LastName  string
	Status    domain.VolunteerStatus
	CreatedAt time.Time
	// LastActivity is the day of the latest profile change, hours entry, application change
	// or consent change, YYYY-MM-DD.
	LastActivity string
}

// lastActivitySQL is a volunteer v's latest activity as text: RFC 3339 times and YYYY-MM-DD
// days compare in time order at the day's precision, which is all a retention period of months
// needs.
const lastActivitySQL = `max(v.updated_at,
	COALESCE((SELECT max(max(h.updated_at, h.day)) FROM hour_entries h WHERE h.volunteer_id = v.id), ''),
	COALESCE((SELECT max(a.updated_at) FROM applications a WHERE a.volunteer_id = v.id), ''),
	COALESCE((SELECT max(max(c.given_at, COALESCE(c.withdrawn_at, ''))) FROM volunteer_consents c WHERE c.volunteer_id = v.id), ''))`

// InactiveVolunteers lists the people whose last activity is before the cutoff, longest
// inactive first. ids, when given, restricts the list to those people (to check a preview
// again before purging it).
func (s *Store) InactiveVolunteers(ctx context.Context, cutoff time.Time, ids []int64) ([]InactiveVolunteer, error) {
	cond, args := "", []any{}
	if ids != nil {
		if len(ids) == 0 {
			return nil, nil
		}
		cond = ` AND v.id IN (SELECT value FROM json_each(?))`
		args = append(args, idsJSON(ids))
	}
	args = append(args, cutoff.UTC().Format(time.DateOnly))
	rows, err := s.ro.QueryContext(ctx, `SELECT id, first_name, last_name, status, created_at, last_activity FROM (
		SELECT v.id, v.first_name, v.last_name, v.status, v.created_at, `+lastActivitySQL+` AS last_activity
		FROM volunteers v WHERE 1 = 1`+cond+`)
		WHERE substr(last_activity, 1, 10) < ? ORDER BY last_activity, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list inactive volunteers: %w", err)
	}
	defer rows.Close()
	var out []InactiveVolunteer
	for rows.Next() {
		var (
			v               InactiveVolunteer
			status, created string
		)
		if err := rows.Scan(&v.ID, &v.FirstName, &v.LastName, &status, &created, &v.LastActivity); err != nil {
			return nil, fmt.Errorf("list inactive volunteers: %w", err)
		}
		v.Status = domain.VolunteerStatus(status)
		if v.CreatedAt, err = parseTime(created); err != nil {
			return nil, fmt.Errorf("read volunteer %d: %w", v.ID, err)
		}
		v.LastActivity = v.LastActivity[:min(10, len(v.LastActivity))]
		out = append(out, v)
	}
	return out, rows.Err()
}

func idsJSON(ids []int64) string {
	b := make([]byte, 0, len(ids)*8+2)
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = fmt.Appendf(b, "%d", id)
	}
	return string(append(b, ']'))
}

const retentionKey = "retention"

type retentionRow struct {
	Months int `json:"months"`
}

// Retention returns the retention period, or the default when none was saved.
func (s *Store) Retention(ctx context.Context) (domain.Retention, error) {
	var stored retentionRow
	found, err := s.readSetting(ctx, retentionKey, &stored)
	if err != nil || !found || stored.Months == 0 {
		return domain.Retention{Months: domain.DefaultRetentionMonths}, err
	}
	return domain.Retention{Months: stored.Months}, nil
}

// SaveRetention replaces the retention period.
func (s *Store) SaveRetention(ctx context.Context, r domain.Retention, now time.Time) error {
	return s.writeSetting(ctx, retentionKey, retentionRow{Months: r.Months}, now)
}

// PrivacyCounts are the live figures of the data-protection summary.
type PrivacyCounts struct {
	ActiveVolunteers   int
	ArchivedVolunteers int
	Consents           map[domain.ConsentKind]int // people holding each consent now
	Applications       int
	HourEntries        int // attributed to a person
	AnonymousHours     int // entries of erased people
	SurveyResponses    int // attributed to a person
	AuditEntries       int
	Erasures           int
	OldestAuditEntry   time.Time // zero when the log is empty
}

// PrivacyCounts counts what is held, in one read transaction so the figures agree.
func (s *Store) PrivacyCounts(ctx context.Context) (PrivacyCounts, error) {
	c := PrivacyCounts{Consents: map[domain.ConsentKind]int{}}
	tx, err := s.ro.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return c, fmt.Errorf("count personal data: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	var oldest sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM volunteers WHERE status = 'active'),
		(SELECT count(*) FROM volunteers WHERE status = 'archived'),
		(SELECT count(*) FROM applications),
		(SELECT count(*) FROM hour_entries WHERE volunteer_id IS NOT NULL),
		(SELECT count(*) FROM hour_entries WHERE volunteer_id IS NULL),
		(SELECT count(*) FROM survey_responses WHERE volunteer_id IS NOT NULL),
		(SELECT count(*) FROM audit_log),
		(SELECT count(*) FROM erasures),
		(SELECT min(at) FROM audit_log)`).Scan(&c.ActiveVolunteers, &c.ArchivedVolunteers, &c.Applications,
		&c.HourEntries, &c.AnonymousHours, &c.SurveyResponses, &c.AuditEntries, &c.Erasures, &oldest); err != nil {
		return c, fmt.Errorf("count personal data: %w", err)
	}
	if oldest.Valid {
		if c.OldestAuditEntry, err = parseTime(oldest.String); err != nil {
			return c, fmt.Errorf("count personal data: %w", err)
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT kind, count(*) FROM volunteer_consents WHERE withdrawn_at IS NULL GROUP BY kind`)
	if err != nil {
		return c, fmt.Errorf("count consents: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			kind string
			n    int
		)
		if err := rows.Scan(&kind, &n); err != nil {
			return c, fmt.Errorf("count consents: %w", err)
		}
		c.Consents[domain.ConsentKind(kind)] = n
	}
	return c, rows.Err()
}
