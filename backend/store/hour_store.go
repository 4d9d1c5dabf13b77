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

// HourEntryView is an hour entry with the names a list, an export or a report shows beside it.
type HourEntryView struct {
	domain.HourEntry
	VolunteerName   string // "First Last"; empty once the person was erased
	ProjectTitle    string
	AssociationID   int64
	AssociationName string
	SponsorID       int64 // 0 when the project has no sponsor
	SponsorName     string
	ProgramID       int64
}

// HourFilter narrows hour entries; zero fields do not filter. From and To are inclusive days.
type HourFilter struct {
	IDs            []int64
	VolunteerID    int64
	ProjectID      int64
	OrganizationID int64 // the project's association
	SponsorID      int64
	ProgramID      int64
	Statuses       []domain.HourStatus
	From, To       string
	Limit          int // 0 for no limit
	Offset         int
}

// where builds the condition over hour_entries h joined with projects p.
func (f HourFilter) where() (string, []any) {
	where, args := []string{"1 = 1"}, []any{}
	if len(f.IDs) > 0 {
		where = append(where, "h.id IN ("+placeholders(len(f.IDs))+")")
		for _, id := range f.IDs {
			args = append(args, id)
		}
	}
	for _, ref := range []struct {
		column string
		id     int64
	}{{"h.volunteer_id", f.VolunteerID}, {"h.project_id", f.ProjectID}, {"p.organization_id", f.OrganizationID},
		{"p.sponsor_id", f.SponsorID}, {"p.program_id", f.ProgramID}} {
		if ref.id != 0 {
			where = append(where, ref.column+" = ?")
			args = append(args, ref.id)
		}
	}
	if len(f.Statuses) > 0 {
		where = append(where, "h.status IN ("+placeholders(len(f.Statuses))+")")
		for _, st := range f.Statuses {
			args = append(args, string(st))
		}
	}
	if f.From != "" {
		where = append(where, "h.day >= ?")
		args = append(args, f.From)
	}
	if f.To != "" {
		where = append(where, "h.day <= ?")
		args = append(args, f.To)
	}
	return strings.Join(where, " AND "), args
}

const hourViewColumns = `h.id, coalesce(h.volunteer_id, 0), h.project_id, h.day, h.minutes, h.skill_id, h.skill_name,
	h.skill_domain, h.level, h.note, h.status, h.reviewed_by, coalesce(h.reviewed_at, ''), h.entered_by,
	h.created_at, h.updated_at,
	coalesce(trim(v.first_name || ' ' || v.last_name), ''), p.title, p.organization_id, a.name,
	coalesce(p.sponsor_id, 0), coalesce(s.name, ''), coalesce(p.program_id, 0)`

const hourViewFrom = ` FROM hour_entries h
	JOIN projects p ON p.id = h.project_id
	JOIN organizations a ON a.id = p.organization_id
	LEFT JOIN organizations s ON s.id = p.sponsor_id
	LEFT JOIN volunteers v ON v.id = h.volunteer_id`

// CreateHourEntries saves validated entries in one transaction: all or none. Inside it, each
// entry is checked against its project's dates and the volunteer's other hours that day
// (entries earlier in the same call included) with domain.CheckHourEntryFits, so two people
// saving at once cannot together pass the 24-hour limit. A failure names the entry by its index
// in a *domain.ItemError.
func (s *Store) CreateHourEntries(ctx context.Context, entries []*domain.HourEntry, today string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		// Prepared once for the whole timesheet: a big one (or the demo's million entries) spends
		// its time running the statements, not parsing them again.
		check, err := prepareHourChecks(ctx, tx)
		if err != nil {
			return err
		}
		defer check.close()
		insert, err := tx.PrepareContext(ctx, `INSERT INTO hour_entries (volunteer_id, project_id, day, minutes,
			skill_id, skill_name, skill_domain, level, note, status, reviewed_by, reviewed_at, entered_by,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return fmt.Errorf("prepare hour entry insert: %w", err)
		}
		defer insert.Close()
		for i, e := range entries {
			if err := check.run(ctx, *e, today); err != nil {
				return &domain.ItemError{Index: i, Err: err}
			}
			res, err := insert.ExecContext(ctx, e.VolunteerID, e.ProjectID, e.Date, e.Minutes, e.SkillID, e.SkillName,
				e.SkillDomain, string(e.Level), e.Note, string(e.Status), e.ReviewedBy, nullTime(e.ReviewedAt), e.EnteredBy,
				formatTime(e.CreatedAt), formatTime(e.UpdatedAt))
			if err != nil {
				return fmt.Errorf("insert hour entry %d: %w", i, err)
			}
			if e.ID, err = res.LastInsertId(); err != nil {
				return fmt.Errorf("insert hour entry %d: %w", i, err)
			}
		}
		return nil
	})
}

// hourChecks are the queries behind the rules that need the database, run inside the writing
// transaction so that two people saving at once cannot together break them.
type hourChecks struct {
	project, day *sql.Stmt
}

func prepareHourChecks(ctx context.Context, tx *sql.Tx) (*hourChecks, error) {
	project, err := tx.PrepareContext(ctx, `SELECT start_date, end_date FROM projects WHERE id = ?`)
	if err != nil {
		return nil, fmt.Errorf("prepare hour checks: %w", err)
	}
	day, err := tx.PrepareContext(ctx, `SELECT EXISTS (SELECT 1 FROM volunteers WHERE id = ?),
		coalesce((SELECT sum(minutes) FROM hour_entries WHERE volunteer_id = ? AND day = ? AND status != 'rejected' AND id != ?), 0)`)
	if err != nil {
		project.Close()
		return nil, fmt.Errorf("prepare hour checks: %w", err)
	}
	return &hourChecks{project: project, day: day}, nil
}

func (c *hourChecks) close() {
	c.project.Close()
	c.day.Close()
}

func (c *hourChecks) run(ctx context.Context, e domain.HourEntry, today string) error {
	var start, end string
	err := c.project.QueryRowContext(ctx, e.ProjectID).Scan(&start, &end)
	if errors.Is(err, sql.ErrNoRows) {
		return &domain.ValidationError{Fields: []domain.FieldError{{Field: "projectId", Code: domain.CodeUnknownReference}}}
	}
	if err != nil {
		return fmt.Errorf("read project %d: %w", e.ProjectID, err)
	}
	var logged int
	var known bool
	err = c.day.QueryRowContext(ctx, e.VolunteerID, e.VolunteerID, e.Date, e.ID).Scan(&known, &logged)
	if err != nil {
		return fmt.Errorf("read hours of volunteer %d on %s: %w", e.VolunteerID, e.Date, err)
	}
	if !known {
		return &domain.ValidationError{Fields: []domain.FieldError{{Field: "volunteerId", Code: domain.CodeUnknownReference}}}
	}
	return domain.CheckHourEntryFits(e, logged, start, end, today)
}

// UpdateHourEntry replaces an entry's fields and status after the same checks as a new one.
func (s *Store) UpdateHourEntry(ctx context.Context, e domain.HourEntry, today string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		check, err := prepareHourChecks(ctx, tx)
		if err != nil {
			return err
		}
		defer check.close()
		if err := check.run(ctx, e, today); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE hour_entries SET volunteer_id = ?, project_id = ?, day = ?, minutes = ?,
			skill_id = ?, skill_name = ?, skill_domain = ?, level = ?, note = ?, status = ?, reviewed_by = ?,
			reviewed_at = ?, updated_at = ? WHERE id = ?`,
			e.VolunteerID, e.ProjectID, e.Date, e.Minutes, e.SkillID, e.SkillName, e.SkillDomain, string(e.Level),
			e.Note, string(e.Status), e.ReviewedBy, nullTime(e.ReviewedAt), formatTime(e.UpdatedAt), e.ID)
		if err != nil {
			return fmt.Errorf("update hour entry %d: %w", e.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.ErrNotFound
		}
		return nil
	})
}

// DeleteHourEntry removes an entry.
func (s *Store) DeleteHourEntry(ctx context.Context, id int64) error {
	return s.execOne(ctx, "delete hour entry", `DELETE FROM hour_entries WHERE id = ?`, id)
}

// ReviewHourEntries sets the status of the given entries in one transaction and returns how many
// changed. Entries already in that status keep their reviewer and time. Moving an entry back to
// pending clears the review.
func (s *Store) ReviewHourEntries(ctx context.Context, ids []int64, status domain.HourStatus, reviewer string, at time.Time) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	changed := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for start := 0; start < len(ids); start += maxSQLVariables {
			chunk := ids[start:min(start+maxSQLVariables, len(ids))]
			args := []any{string(status), reviewer, nullTime(at), formatTime(at), string(status)}
			if status == domain.HoursPending {
				args = []any{string(status), "", nil, formatTime(at), string(status)}
			}
			for _, id := range chunk {
				args = append(args, id)
			}
			res, err := tx.ExecContext(ctx, `UPDATE hour_entries SET status = ?, reviewed_by = ?, reviewed_at = ?, updated_at = ?
				WHERE status != ? AND id IN (`+placeholders(len(chunk))+`)`, args...)
			if err != nil {
				return fmt.Errorf("review hour entries: %w", err)
			}
			n, err := res.RowsAffected()
			if err != nil {
				return fmt.Errorf("review hour entries: %w", err)
			}
			changed += int(n)
		}
		return nil
	})
	return changed, err
}

// maxSQLVariables keeps IN lists well under SQLite's limit on bound parameters.
const maxSQLVariables = 500

// HourEntry returns one entry with its names, or domain.ErrNotFound.
func (s *Store) HourEntry(ctx context.Context, id int64) (HourEntryView, error) {
	list, _, err := s.HourEntries(ctx, HourFilter{IDs: []int64{id}})
	if err != nil {
		return HourEntryView{}, err
	}
	if len(list) == 0 {
		return HourEntryView{}, domain.ErrNotFound
	}
	return list[0], nil
}

// HourEntries lists entries, most recent day first, with the total before paging.
func (s *Store) HourEntries(ctx context.Context, f HourFilter) ([]HourEntryView, int, error) {
	cond, args := f.where()
	var total int
	if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM hour_entries h JOIN projects p ON p.id = h.project_id WHERE `+cond,
		args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count hour entries: %w", err)
	}
	list := []HourEntryView{}
	err := s.eachHourEntry(ctx, f, "h.day DESC, h.id DESC", func(e HourEntryView) error {
		list = append(list, e)
		return nil
	})
	return list, total, err
}

// EachHourEntry calls fn for every entry matching f, in date order, reading them one at a time so
// that an export of a million entries never holds them all. An error from fn stops the walk.
func (s *Store) EachHourEntry(ctx context.Context, f HourFilter, fn func(HourEntryView) error) error {
	return s.eachHourEntry(ctx, f, "h.day, h.id", fn)
}

// EachHourEntryForExport is EachHourEntry reading only what an export shows (day, time, skill,
// level, status and the names), in date order: a million-row workbook spends its time on the
// rows, not on notes and review times nobody exports.
func (s *Store) EachHourEntryForExport(ctx context.Context, f HourFilter, fn func(HourEntryView) error) error {
	cond, args := f.where()
	rows, err := s.ro.QueryContext(ctx, `SELECT h.day, h.minutes, h.skill_id, h.skill_name, h.skill_domain, h.level, h.status,
		coalesce(trim(v.first_name || ' ' || v.last_name), ''), p.title, a.name, coalesce(s.name, '')`+hourViewFrom+
		` WHERE `+cond+` ORDER BY h.day, h.id`, args...)
	if err != nil {
		return fmt.Errorf("export hour entries: %w", err)
	}
	defer rows.Close()
	var e HourEntryView
	var level, status string
	for rows.Next() {
		if err := rows.Scan(&e.Date, &e.Minutes, &e.SkillID, &e.SkillName, &e.SkillDomain, &level, &status,
			&e.VolunteerName, &e.ProjectTitle, &e.AssociationName, &e.SponsorName); err != nil {
			return fmt.Errorf("export hour entries: %w", err)
		}
		e.Level, e.Status = domain.SkillLevel(level), domain.HourStatus(status)
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export hour entries: %w", err)
	}
	return nil
}

func (s *Store) eachHourEntry(ctx context.Context, f HourFilter, order string, fn func(HourEntryView) error) error {
	cond, args := f.where()
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT `+hourViewColumns+hourViewFrom+` WHERE `+cond+
		` ORDER BY `+order+` LIMIT ? OFFSET ?`, append(args, limit, f.Offset)...)
	if err != nil {
		return fmt.Errorf("list hour entries: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e HourEntryView
		var level, status, reviewedAt, created, updated string
		if err := rows.Scan(&e.ID, &e.VolunteerID, &e.ProjectID, &e.Date, &e.Minutes, &e.SkillID, &e.SkillName,
			&e.SkillDomain, &level, &e.Note, &status, &e.ReviewedBy, &reviewedAt, &e.EnteredBy, &created, &updated,
			&e.VolunteerName, &e.ProjectTitle, &e.AssociationID, &e.AssociationName, &e.SponsorID, &e.SponsorName,
			&e.ProgramID); err != nil {
			return fmt.Errorf("read hour entry: %w", err)
		}
		e.Level, e.Status = domain.SkillLevel(level), domain.HourStatus(status)
		if e.CreatedAt, err = parseTime(created); err != nil {
			return fmt.Errorf("read hour entry %d: %w", e.ID, err)
		}
		if e.UpdatedAt, err = parseTime(updated); err != nil {
			return fmt.Errorf("read hour entry %d: %w", e.ID, err)
		}
		if reviewedAt != "" {
			if e.ReviewedAt, err = parseTime(reviewedAt); err != nil {
				return fmt.Errorf("read hour entry %d: %w", e.ID, err)
			}
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list hour entries: %w", err)
	}
	return nil
}

// HourGroup is the time of the entries that share a key (a month, a project, a domain…) and the
// things their value depends on: whether a skill was given, its domain, the level and the status.
// The caller turns minutes into money with the current hourly rates.
type HourGroup struct {
	Key         string
	HasSkill    bool
	SkillDomain string
	Level       domain.SkillLevel
	Status      domain.HourStatus
	Minutes     int
	Entries     int
}

// HourGrouping names what HourGroups groups by.
type HourGrouping string

const (
	ByMonth       HourGrouping = "substr(h.day, 1, 7)"
	ByProject     HourGrouping = "h.project_id"
	ByAssociation HourGrouping = "p.organization_id"
	BySponsor     HourGrouping = "coalesce(p.sponsor_id, 0)"
	ByVolunteer   HourGrouping = "coalesce(h.volunteer_id, 0)"
	BySkill       HourGrouping = "h.skill_id"
	ByNothing     HourGrouping = "''"
)

// HourGroups sums the entries matching f by the given grouping. Keys are returned as text
// (numbers for ids).
func (s *Store) HourGroups(ctx context.Context, f HourFilter, by HourGrouping) ([]HourGroup, error) {
	cond, args := f.where()
	rows, err := s.ro.QueryContext(ctx, `SELECT CAST(`+string(by)+` AS TEXT), h.skill_id != '', h.skill_domain, h.level, h.status,
		sum(h.minutes), count(*) FROM hour_entries h JOIN projects p ON p.id = h.project_id WHERE `+cond+`
		GROUP BY 1, 2, 3, 4, 5 ORDER BY 1`, args...)
	if err != nil {
		return nil, fmt.Errorf("sum hours: %w", err)
	}
	defer rows.Close()
	groups := []HourGroup{}
	for rows.Next() {
		var g HourGroup
		var level, status string
		if err := rows.Scan(&g.Key, &g.HasSkill, &g.SkillDomain, &level, &status, &g.Minutes, &g.Entries); err != nil {
			return nil, fmt.Errorf("sum hours: %w", err)
		}
		g.Level, g.Status = domain.SkillLevel(level), domain.HourStatus(status)
		groups = append(groups, g)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sum hours: %w", err)
	}
	return groups, nil
}

// HourVolunteerIDs lists the distinct volunteers (not erased) who have entries matching f.
func (s *Store) HourVolunteerIDs(ctx context.Context, f HourFilter) ([]int64, error) {
	cond, args := f.where()
	rows, err := s.ro.QueryContext(ctx, `SELECT DISTINCT h.volunteer_id FROM hour_entries h JOIN projects p ON p.id = h.project_id
		WHERE h.volunteer_id IS NOT NULL AND `+cond+` ORDER BY 1`, args...)
	if err != nil {
		return nil, fmt.Errorf("list volunteers with hours: %w", err)
	}
	defer rows.Close()
	ids := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("list volunteers with hours: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return formatTime(t)
}

// HourVolunteerCounts counts, by the given grouping, the distinct volunteers (not erased) with
// entries matching f.
func (s *Store) HourVolunteerCounts(ctx context.Context, f HourFilter, by HourGrouping) (map[string]int, error) {
	cond, args := f.where()
	rows, err := s.ro.QueryContext(ctx, `SELECT CAST(`+string(by)+` AS TEXT), count(DISTINCT h.volunteer_id)
		FROM hour_entries h JOIN projects p ON p.id = h.project_id WHERE `+cond+` GROUP BY 1`, args...)
	if err != nil {
		return nil, fmt.Errorf("count volunteers with hours: %w", err)
	}
	defer rows.Close()
	counts := map[string]int{}
	for rows.Next() {
		var key string
		var n int
		if err := rows.Scan(&key, &n); err != nil {
			return nil, fmt.Errorf("count volunteers with hours: %w", err)
		}
		counts[key] = n
	}
	return counts, rows.Err()
}

// HourEntryVolunteers counts the given entries per volunteer (entries of erased people, which
// have none, are left out), for the audit log of acts on many entries.
func (s *Store) HourEntryVolunteers(ctx context.Context, ids []int64) (map[int64]int, error) {
	counts := map[int64]int{}
	for start := 0; start < len(ids); start += maxSQLVariables {
		chunk := ids[start:min(start+maxSQLVariables, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.ro.QueryContext(ctx, `SELECT volunteer_id, count(*) FROM hour_entries
			WHERE volunteer_id IS NOT NULL AND id IN (`+placeholders(len(chunk))+`) GROUP BY volunteer_id`, args...)
		if err != nil {
			return nil, fmt.Errorf("read volunteers of hour entries: %w", err)
		}
		for rows.Next() {
			var volunteer int64
			var n int
			if err := rows.Scan(&volunteer, &n); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read volunteers of hour entries: %w", err)
			}
			counts[volunteer] += n
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("read volunteers of hour entries: %w", err)
		}
	}
	return counts, nil
}
