package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/civisphere/civisphere/backend/domain"
)

// volunteerColumns are read by every query that returns whole volunteers, in scanVolunteer's order.
const volunteerColumns = `id, first_name, last_name, email, phone, city, postcode, causes, languages,
	availability, bio, notes, joined_on, status, created_at, updated_at, sponsor_id`

// availabilityRow is the stored JSON form of domain.Availability, kept apart from the domain
// type so that renaming a Go field never silently changes what is on disk.
type availabilityRow struct {
	Days          []string `json:"days,omitempty"`
	Evenings      bool     `json:"evenings,omitempty"`
	Weekends      bool     `json:"weekends,omitempty"`
	HoursPerMonth int      `json:"hoursPerMonth,omitempty"`
	Mode          string   `json:"mode,omitempty"`
}

// CreateVolunteer inserts a validated volunteer, with the consents given on its form, and sets
// its ID. An e-mail address already used by another volunteer gives a *domain.ValidationError
// on "email".
func (s *Store) CreateVolunteer(ctx context.Context, v *domain.Volunteer) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		w, err := newVolunteerWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		if err := w.insert(ctx, v); err != nil {
			return err
		}
		if err := insertInitialConsents(ctx, tx, v.ID, v.Consents); err != nil {
			return err
		}
		return setVolunteerSponsor(ctx, tx, v.ID, v.SponsorID)
	})
	if err != nil {
		v.ID = 0 // rolled back: the ID was never really given
	}
	return err
}

// UpdateVolunteer replaces a volunteer's profile and skills; CreatedAt is kept as stored.
func (s *Store) UpdateVolunteer(ctx context.Context, v domain.Volunteer) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		w, err := newVolunteerWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		if err := w.update(ctx, v); err != nil {
			return err
		}
		return setVolunteerSponsor(ctx, tx, v.ID, v.SponsorID)
	})
}

// setVolunteerSponsor records the sponsor a volunteer takes part for. It is written apart from
// the profile columns because only the form knows it: an import leaves it as it was.
func setVolunteerSponsor(ctx context.Context, tx *sql.Tx, volunteerID, sponsorID int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE volunteers SET sponsor_id = ? WHERE id = ?`, nullID(sponsorID), volunteerID); err != nil {
		return fmt.Errorf("set sponsor of volunteer %d: %w", volunteerID, err)
	}
	return nil
}

// SetVolunteerStatus archives or restores a volunteer.
func (s *Store) SetVolunteerStatus(ctx context.Context, id int64, status domain.VolunteerStatus, now time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE volunteers SET status = ?, updated_at = ? WHERE id = ?`,
			string(status), formatTime(now), id)
		if err != nil {
			return fmt.Errorf("set status of volunteer %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.ErrNotFound
		}
		return enqueueIndexChange(ctx, tx, id)
	})
}

// Volunteer returns one volunteer with its skills, or domain.ErrNotFound.
func (s *Store) Volunteer(ctx context.Context, id int64) (domain.Volunteer, error) {
	list, err := s.Volunteers(ctx, []int64{id})
	if err != nil {
		return domain.Volunteer{}, err
	}
	if len(list) == 0 {
		return domain.Volunteer{}, domain.ErrNotFound
	}
	return list[0], nil
}

// volunteerMatchColumns are volunteerColumns without the long texts (bio and notes, read as
// empty): matching reads hundreds of profiles per request and needs neither.
const volunteerMatchColumns = `id, first_name, last_name, email, phone, city, postcode, causes, languages,
	availability, '', '', joined_on, status, created_at, updated_at, sponsor_id`

// Volunteers returns the volunteers with the given IDs, in the order given; IDs that do not
// exist are left out.
func (s *Store) Volunteers(ctx context.Context, ids []int64) ([]domain.Volunteer, error) {
	return s.volunteersWith(ctx, ids, volunteerColumns)
}

// VolunteersForMatching is Volunteers without bio and notes (left empty).
func (s *Store) VolunteersForMatching(ctx context.Context, ids []int64) ([]domain.Volunteer, error) {
	return s.volunteersWith(ctx, ids, volunteerMatchColumns)
}

func (s *Store) volunteersWith(ctx context.Context, ids []int64, columns string) ([]domain.Volunteer, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	placeholders := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	tx, err := s.ro.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("read volunteers: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	byID := make(map[int64]*domain.Volunteer, len(ids))
	rows, err := tx.QueryContext(ctx, `SELECT `+columns+` FROM volunteers WHERE id IN (`+placeholders+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("read volunteers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		v, err := scanVolunteer(rows)
		if err != nil {
			return nil, err
		}
		byID[v.ID] = &v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read volunteers: %w", err)
	}
	skillRows, err := tx.QueryContext(ctx, `SELECT volunteer_skills.volunteer_id, skill_id, level, COALESCE(custom_skills.name, '')
		FROM volunteer_skills LEFT JOIN custom_skills ON custom_skills.id = skill_id
		WHERE volunteer_id IN (`+placeholders+`) ORDER BY volunteer_id, position`, args...)
	if err != nil {
		return nil, fmt.Errorf("read volunteer skills: %w", err)
	}
	defer skillRows.Close()
	for skillRows.Next() {
		var (
			id    int64
			skill domain.VolunteerSkill
			level string
		)
		if err := skillRows.Scan(&id, &skill.SkillID, &level, &skill.Name); err != nil {
			return nil, fmt.Errorf("read volunteer skills: %w", err)
		}
		skill.Level = domain.SkillLevel(level)
		if v := byID[id]; v != nil {
			v.Skills = append(v.Skills, skill)
		}
	}
	if err := skillRows.Err(); err != nil {
		return nil, fmt.Errorf("read volunteer skills: %w", err)
	}
	out := make([]domain.Volunteer, 0, len(byID))
	for _, id := range ids {
		if v := byID[id]; v != nil {
			out = append(out, *v)
			delete(byID, id) // an ID given twice is returned once
		}
	}
	return out, nil
}

// VolunteerIdentity is what tells one person from another when a file is imported again.
type VolunteerIdentity struct {
	ID        int64
	Email     string
	FirstName string
	LastName  string
	City      string
	Phone     string
}

// VolunteerIdentities lists who is on file, for imports to update people they already know
// instead of adding them twice.
func (s *Store) VolunteerIdentities(ctx context.Context) ([]VolunteerIdentity, error) {
	rows, err := s.ro.QueryContext(ctx, `SELECT id, email, first_name, last_name, city, phone FROM volunteers ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read volunteer identities: %w", err)
	}
	defer rows.Close()
	var out []VolunteerIdentity
	for rows.Next() {
		var v VolunteerIdentity
		if err := rows.Scan(&v.ID, &v.Email, &v.FirstName, &v.LastName, &v.City, &v.Phone); err != nil {
			return nil, fmt.Errorf("read volunteer identities: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// CountVolunteers counts the volunteers on file, archived ones included.
func (s *Store) CountVolunteers(ctx context.Context) (int, error) {
	var n int
	if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM volunteers`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count volunteers: %w", err)
	}
	return n, nil
}

// EachVolunteer calls fn for every volunteer, in ID order, from one consistent snapshot, and
// returns the newest outbox seq of that snapshot: an index built from these volunteers is up
// to date up to that seq. It reads volunteers and skills as two ordered streams merged in Go,
// which is several times faster than a query per volunteer.
func (s *Store) EachVolunteer(ctx context.Context, fn func(domain.Volunteer) error) (snapshotSeq int64, err error) {
	tx, err := s.ro.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return 0, fmt.Errorf("read volunteers: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	if snapshotSeq, err = newestIndexSeq(ctx, tx); err != nil {
		return 0, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+volunteerColumns+` FROM volunteers ORDER BY id`)
	if err != nil {
		return 0, fmt.Errorf("read volunteers: %w", err)
	}
	defer rows.Close()
	skillRows, err := tx.QueryContext(ctx, `SELECT volunteer_skills.volunteer_id, skill_id, level, COALESCE(custom_skills.name, '')
		FROM volunteer_skills LEFT JOIN custom_skills ON custom_skills.id = skill_id
		ORDER BY volunteer_id, position`)
	if err != nil {
		return 0, fmt.Errorf("read volunteer skills: %w", err)
	}
	defer skillRows.Close()
	skills, err := newSkillCursor(skillRows)
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		v, err := scanVolunteer(rows)
		if err != nil {
			return 0, err
		}
		if v.Skills, err = skills.of(v.ID); err != nil {
			return 0, err
		}
		if err := fn(v); err != nil {
			return 0, err
		}
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("read volunteers: %w", err)
	}
	return snapshotSeq, nil
}

// ImportVolunteers writes many volunteers in one transaction: those with ID 0 are created (and
// get their ID), the others replace the stored profile. Either all are written or none.
// progress, when not nil, is called every 500 volunteers; ctx cancels the whole import.
func (s *Store) ImportVolunteers(ctx context.Context, list []domain.Volunteer, progress func(done int)) (created, updated int, err error) {
	isNew := make([]bool, len(list))
	for i := range list {
		isNew[i] = list[i].ID == 0
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		w, err := newVolunteerWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		created, updated = 0, 0
		for i := range list {
			if i%500 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				if progress != nil && i > 0 {
					progress(i)
				}
			}
			if list[i].ID == 0 {
				err = w.insert(ctx, &list[i])
				created++
			} else {
				err = w.update(ctx, list[i])
				updated++
			}
			if err != nil {
				return fmt.Errorf("volunteer %d of %d (%s): %w", i+1, len(list), list[i].FullName(), err)
			}
		}
		if progress != nil {
			progress(len(list))
		}
		return nil
	})
	if err != nil {
		// Rolled back: the IDs given to new volunteers were never really given.
		for i := range list {
			if isNew[i] {
				list[i].ID = 0
			}
		}
		return 0, 0, err
	}
	return created, updated, nil
}

// volunteerWriter holds the statements of one write transaction, prepared once so that an
// import of 100,000 rows does not parse the same SQL 400,000 times.
type volunteerWriter struct {
	tx          *sql.Tx
	insertStmt  *sql.Stmt
	updateStmt  *sql.Stmt
	skillStmt   *sql.Stmt
	clearSkills *sql.Stmt
	customStmt  *sql.Stmt
	outboxStmt  *sql.Stmt
}

func newVolunteerWriter(ctx context.Context, tx *sql.Tx) (*volunteerWriter, error) {
	w := &volunteerWriter{tx: tx}
	for _, p := range []struct {
		dst   **sql.Stmt
		query string
	}{
		{&w.insertStmt, `INSERT INTO volunteers (first_name, last_name, email, phone, city, postcode, causes,
			languages, availability, bio, notes, joined_on, status, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&w.updateStmt, `UPDATE volunteers SET first_name = ?, last_name = ?, email = ?, phone = ?, city = ?,
			postcode = ?, causes = ?, languages = ?, availability = ?, bio = ?, notes = ?, joined_on = ?,
			status = ?, updated_at = ? WHERE id = ?`},
		{&w.skillStmt, `INSERT INTO volunteer_skills (volunteer_id, skill_id, level, position) VALUES (?, ?, ?, ?)`},
		{&w.clearSkills, `DELETE FROM volunteer_skills WHERE volunteer_id = ?`},
		{&w.customStmt, `INSERT INTO custom_skills (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING`},
		{&w.outboxStmt, `INSERT INTO search_outbox (volunteer_id) VALUES (?)`},
	} {
		stmt, err := tx.PrepareContext(ctx, p.query)
		if err != nil {
			w.close()
			return nil, fmt.Errorf("prepare volunteer statements: %w", err)
		}
		*p.dst = stmt
	}
	return w, nil
}

func (w *volunteerWriter) close() {
	for _, stmt := range []*sql.Stmt{w.insertStmt, w.updateStmt, w.skillStmt, w.clearSkills, w.customStmt, w.outboxStmt} {
		if stmt != nil {
			stmt.Close()
		}
	}
}

func (w *volunteerWriter) insert(ctx context.Context, v *domain.Volunteer) error {
	cols, err := volunteerValues(*v)
	if err != nil {
		return err
	}
	res, err := w.insertStmt.ExecContext(ctx, append(cols, formatTime(v.CreatedAt), formatTime(v.UpdatedAt))...)
	if err != nil {
		return volunteerWriteError(err)
	}
	if v.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("insert volunteer: %w", err)
	}
	return w.writeSkillsAndEnqueue(ctx, *v)
}

func (w *volunteerWriter) update(ctx context.Context, v domain.Volunteer) error {
	cols, err := volunteerValues(v)
	if err != nil {
		return err
	}
	res, err := w.updateStmt.ExecContext(ctx, append(cols, formatTime(v.UpdatedAt), v.ID)...)
	if err != nil {
		return volunteerWriteError(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrNotFound
	}
	if _, err := w.clearSkills.ExecContext(ctx, v.ID); err != nil {
		return fmt.Errorf("replace skills of volunteer %d: %w", v.ID, err)
	}
	return w.writeSkillsAndEnqueue(ctx, v)
}

func (w *volunteerWriter) writeSkillsAndEnqueue(ctx context.Context, v domain.Volunteer) error {
	for i, skill := range v.Skills {
		if domain.IsCustomSkill(skill.SkillID) {
			if _, err := w.customStmt.ExecContext(ctx, skill.SkillID, skill.Name, formatTime(v.UpdatedAt)); err != nil {
				return fmt.Errorf("record custom skill %q: %w", skill.Name, err)
			}
		}
		if _, err := w.skillStmt.ExecContext(ctx, v.ID, skill.SkillID, string(skill.Level), i); err != nil {
			return fmt.Errorf("write skill %q of volunteer %d: %w", skill.SkillID, v.ID, err)
		}
	}
	if _, err := w.outboxStmt.ExecContext(ctx, v.ID); err != nil {
		return fmt.Errorf("queue volunteer %d for the search index: %w", v.ID, err)
	}
	return nil
}

// volunteerValues are the profile columns shared by insert and update, in their order.
func volunteerValues(v domain.Volunteer) ([]any, error) {
	causes, err := json.Marshal(nonNil(v.Causes))
	if err != nil {
		return nil, fmt.Errorf("encode causes: %w", err)
	}
	languages, err := json.Marshal(nonNil(v.Languages))
	if err != nil {
		return nil, fmt.Errorf("encode languages: %w", err)
	}
	availability, err := json.Marshal(availabilityRow{
		Days: v.Availability.Days, Evenings: v.Availability.Evenings, Weekends: v.Availability.Weekends,
		HoursPerMonth: v.Availability.HoursPerMonth, Mode: string(v.Availability.Mode),
	})
	if err != nil {
		return nil, fmt.Errorf("encode availability: %w", err)
	}
	return []any{v.FirstName, v.LastName, v.Email, v.Phone, v.City, v.Postcode, string(causes),
		string(languages), string(availability), v.Bio, v.Notes, v.JoinedOn, string(v.Status)}, nil
}

// volunteerWriteError turns the unique index on e-mail into the validation error a form shows.
func volunteerWriteError(err error) error {
	var sqliteErr sqlite3.Error
	if errors.As(err, &sqliteErr) && sqliteErr.ExtendedCode == sqlite3.ErrConstraintUnique &&
		strings.Contains(sqliteErr.Error(), "volunteers.email") {
		return &domain.ValidationError{Fields: []domain.FieldError{{Field: "email", Code: domain.CodeDuplicateEmail}}}
	}
	return fmt.Errorf("write volunteer: %w", err)
}

type rowScanner interface{ Scan(dest ...any) error }

func scanVolunteer(row rowScanner) (domain.Volunteer, error) {
	var (
		v                                                         domain.Volunteer
		causes, languages, availability, status, created, updated string
		sponsorID                                                 sql.NullInt64
	)
	if err := row.Scan(&v.ID, &v.FirstName, &v.LastName, &v.Email, &v.Phone, &v.City, &v.Postcode,
		&causes, &languages, &availability, &v.Bio, &v.Notes, &v.JoinedOn, &status, &created, &updated, &sponsorID); err != nil {
		return v, fmt.Errorf("read volunteer: %w", err)
	}
	v.SponsorID = sponsorID.Int64
	v.Status = domain.VolunteerStatus(status)
	if err := json.Unmarshal([]byte(causes), &v.Causes); err != nil {
		return v, fmt.Errorf("read causes of volunteer %d: %w", v.ID, err)
	}
	if err := json.Unmarshal([]byte(languages), &v.Languages); err != nil {
		return v, fmt.Errorf("read languages of volunteer %d: %w", v.ID, err)
	}
	var a availabilityRow
	if err := json.Unmarshal([]byte(availability), &a); err != nil {
		return v, fmt.Errorf("read availability of volunteer %d: %w", v.ID, err)
	}
	v.Availability = domain.Availability{Days: a.Days, Evenings: a.Evenings, Weekends: a.Weekends,
		HoursPerMonth: a.HoursPerMonth, Mode: domain.WorkMode(a.Mode)}
	var err error
	if v.CreatedAt, err = parseTime(created); err != nil {
		return v, fmt.Errorf("read volunteer %d: created_at: %w", v.ID, err)
	}
	if v.UpdatedAt, err = parseTime(updated); err != nil {
		return v, fmt.Errorf("read volunteer %d: updated_at: %w", v.ID, err)
	}
	return v, nil
}

// nonNil makes empty lists encode as [] rather than null.
func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// skillCursor hands out the skills of volunteers read in ID order from rows of (volunteer_id,
// skill_id, level, custom name) in the same order: one query for every skill of a list of
// volunteers, instead of one query per person.
type skillCursor struct {
	rows    *sql.Rows
	pending domain.VolunteerSkill
	owner   int64 // the volunteer of pending
	has     bool  // pending holds a row not handed out yet
}

func newSkillCursor(rows *sql.Rows) (*skillCursor, error) {
	c := &skillCursor{rows: rows}
	return c, c.next()
}

func (c *skillCursor) next() error {
	c.has = c.rows.Next()
	if !c.has {
		return c.rows.Err()
	}
	c.pending = domain.VolunteerSkill{}
	var level string
	if err := c.rows.Scan(&c.owner, &c.pending.SkillID, &level, &c.pending.Name); err != nil {
		return fmt.Errorf("read volunteer skills: %w", err)
	}
	c.pending.Level = domain.SkillLevel(level)
	return nil
}

// of returns the skills of volunteer id; ids must be asked for in increasing order.
func (c *skillCursor) of(id int64) ([]domain.VolunteerSkill, error) {
	var skills []domain.VolunteerSkill
	for c.has && c.owner <= id {
		if c.owner == id {
			skills = append(skills, c.pending)
		}
		if err := c.next(); err != nil {
			return nil, err
		}
	}
	return skills, nil
}
