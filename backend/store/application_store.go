package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/mattn/go-sqlite3"

	"github.com/civisphere/civisphere/backend/domain"
)

const applicationColumns = `id, project_id, volunteer_id, status, origin, message, created_at, updated_at`

// CreateApplication inserts a validated application and sets its ID. A second open application
// of the same volunteer to the same project gives a *domain.RuleError (already_applied).
func (s *Store) CreateApplication(ctx context.Context, a *domain.Application) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO applications (project_id, volunteer_id, status, origin, message,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			a.ProjectID, a.VolunteerID, string(a.Status), string(a.Origin), a.Message,
			formatTime(a.CreatedAt), formatTime(a.UpdatedAt))
		if err != nil {
			return applicationWriteError(err)
		}
		a.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		a.ID = 0
	}
	return err
}

// SetApplicationStatus moves an application to another stage. The caller checked the move.
func (s *Store) SetApplicationStatus(ctx context.Context, a domain.Application) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE applications SET status = ?, updated_at = ? WHERE id = ?`,
			string(a.Status), formatTime(a.UpdatedAt), a.ID)
		if err != nil {
			return applicationWriteError(err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.ErrNotFound
		}
		return nil
	})
}

// applicationWriteError turns the one-open-application index into the rule it stands for.
func applicationWriteError(err error) error {
	var sqliteErr sqlite3.Error
	if errors.As(err, &sqliteErr) && sqliteErr.ExtendedCode == sqlite3.ErrConstraintUnique {
		return &domain.RuleError{Code: domain.RuleAlreadyApplied}
	}
	return fmt.Errorf("write application: %w", err)
}

// Application returns one application, or domain.ErrNotFound.
func (s *Store) Application(ctx context.Context, id int64) (domain.Application, error) {
	list, err := s.queryApplications(ctx, `WHERE id = ?`, id)
	if err != nil {
		return domain.Application{}, err
	}
	if len(list) == 0 {
		return domain.Application{}, domain.ErrNotFound
	}
	return list[0], nil
}

// ProjectApplications lists every application to a project, oldest first.
func (s *Store) ProjectApplications(ctx context.Context, projectID int64) ([]domain.Application, error) {
	return s.queryApplications(ctx, `WHERE project_id = ? ORDER BY created_at, id`, projectID)
}

// VolunteerApplications lists every application of a volunteer, newest first.
func (s *Store) VolunteerApplications(ctx context.Context, volunteerID int64) ([]domain.Application, error) {
	return s.queryApplications(ctx, `WHERE volunteer_id = ? ORDER BY created_at DESC, id DESC`, volunteerID)
}

func (s *Store) queryApplications(ctx context.Context, where string, args ...any) ([]domain.Application, error) {
	rows, err := s.ro.QueryContext(ctx, `SELECT `+applicationColumns+` FROM applications `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("list applications: %w", err)
	}
	defer rows.Close()
	list := []domain.Application{}
	for rows.Next() {
		var (
			a                                domain.Application
			status, origin, created, updated string
		)
		if err := rows.Scan(&a.ID, &a.ProjectID, &a.VolunteerID, &status, &origin, &a.Message, &created, &updated); err != nil {
			return nil, fmt.Errorf("read application: %w", err)
		}
		a.Status, a.Origin = domain.ApplicationStatus(status), domain.ApplicationOrigin(origin)
		if a.CreatedAt, err = parseTime(created); err != nil {
			return nil, fmt.Errorf("read application %d: created_at: %w", a.ID, err)
		}
		if a.UpdatedAt, err = parseTime(updated); err != nil {
			return nil, fmt.Errorf("read application %d: updated_at: %w", a.ID, err)
		}
		list = append(list, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list applications: %w", err)
	}
	return list, nil
}

// ProjectCounts are the people of a project: its team and the candidates still being considered.
type ProjectCounts struct {
	Team       int
	Candidates int
}

// ProjectCountsByID counts team members and open candidates of the given projects.
func (s *Store) ProjectCountsByID(ctx context.Context, ids []int64) (map[int64]ProjectCounts, error) {
	counts := make(map[int64]ProjectCounts, len(ids))
	if len(ids) == 0 {
		return counts, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT project_id,
			count(*) FILTER (WHERE status = 'accepted'),
			count(*) FILTER (WHERE status IN ('applied', 'shortlisted'))
		FROM applications WHERE project_id IN (`+placeholders(len(ids))+`) GROUP BY project_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("count project people: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id int64
			c  ProjectCounts
		)
		if err := rows.Scan(&id, &c.Team, &c.Candidates); err != nil {
			return nil, fmt.Errorf("count project people: %w", err)
		}
		counts[id] = c
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count project people: %w", err)
	}
	return counts, nil
}

// VolunteerLoads counts, for each given volunteer, the projects under way (recruiting or in
// progress) whose team they are in: the current load matching weighs.
func (s *Store) VolunteerLoads(ctx context.Context, volunteerIDs []int64) (map[int64]int, error) {
	loads := make(map[int64]int, len(volunteerIDs))
	if len(volunteerIDs) == 0 {
		return loads, nil
	}
	args := make([]any, len(volunteerIDs))
	for i, id := range volunteerIDs {
		args[i] = id
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT a.volunteer_id, count(*) FROM applications a
		JOIN projects p ON p.id = a.project_id
		WHERE a.status = 'accepted' AND p.status IN ('recruiting', 'inProgress')
		  AND a.volunteer_id IN (`+placeholders(len(volunteerIDs))+`)
		GROUP BY a.volunteer_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("count volunteer loads: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("count volunteer loads: %w", err)
		}
		loads[id] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count volunteer loads: %w", err)
	}
	return loads, nil
}
