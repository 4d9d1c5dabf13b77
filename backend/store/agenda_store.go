package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/civisphere/civisphere/backend/domain"
)

// CreateMilestone inserts a validated milestone and sets its ID.
func (s *Store) CreateMilestone(ctx context.Context, m *domain.Milestone) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return insertMilestone(ctx, tx, m) })
}

func insertMilestone(ctx context.Context, tx *sql.Tx, m *domain.Milestone) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO milestones (project_id, title, due_date, done, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?)`, m.ProjectID, m.Title, m.DueDate, m.Done, formatTime(m.CreatedAt), formatTime(m.UpdatedAt))
	if err != nil {
		return fmt.Errorf("insert milestone: %w", err)
	}
	if m.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("insert milestone: %w", err)
	}
	return nil
}

// UpdateMilestone replaces a milestone's title, date and state.
func (s *Store) UpdateMilestone(ctx context.Context, m domain.Milestone) error {
	return s.execOne(ctx, "update milestone", `UPDATE milestones SET title = ?, due_date = ?, done = ?, updated_at = ?
		WHERE id = ? AND project_id = ?`, m.Title, m.DueDate, m.Done, formatTime(m.UpdatedAt), m.ID, m.ProjectID)
}

// DeleteMilestone removes a milestone of a project.
func (s *Store) DeleteMilestone(ctx context.Context, projectID, id int64) error {
	return s.execOne(ctx, "delete milestone", `DELETE FROM milestones WHERE id = ? AND project_id = ?`, id, projectID)
}

// Milestones lists the milestones of the given projects (all projects when none are given), by date.
func (s *Store) Milestones(ctx context.Context, projectIDs ...int64) ([]domain.Milestone, error) {
	where, args := projectScope(projectIDs)
	rows, err := s.ro.QueryContext(ctx, `SELECT id, project_id, title, due_date, done, created_at, updated_at
		FROM milestones `+where+` ORDER BY due_date, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list milestones: %w", err)
	}
	defer rows.Close()
	list := []domain.Milestone{}
	for rows.Next() {
		var m domain.Milestone
		var created, updated string
		if err := rows.Scan(&m.ID, &m.ProjectID, &m.Title, &m.DueDate, &m.Done, &created, &updated); err != nil {
			return nil, fmt.Errorf("read milestone: %w", err)
		}
		if m.CreatedAt, err = parseTime(created); err != nil {
			return nil, fmt.Errorf("read milestone %d: %w", m.ID, err)
		}
		if m.UpdatedAt, err = parseTime(updated); err != nil {
			return nil, fmt.Errorf("read milestone %d: %w", m.ID, err)
		}
		list = append(list, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list milestones: %w", err)
	}
	return list, nil
}

// CreateTask inserts a validated task and sets its ID.
func (s *Store) CreateTask(ctx context.Context, t *domain.Task) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO tasks (project_id, title, assignee_id, due_date, done, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, t.ProjectID, t.Title, nullID(t.AssigneeID), t.DueDate, t.Done,
			formatTime(t.CreatedAt), formatTime(t.UpdatedAt))
		if err != nil {
			return fmt.Errorf("insert task: %w", err)
		}
		t.ID, err = res.LastInsertId()
		return err
	})
}

// UpdateTask replaces a task's fields.
func (s *Store) UpdateTask(ctx context.Context, t domain.Task) error {
	return s.execOne(ctx, "update task", `UPDATE tasks SET title = ?, assignee_id = ?, due_date = ?, done = ?, updated_at = ?
		WHERE id = ? AND project_id = ?`, t.Title, nullID(t.AssigneeID), t.DueDate, t.Done, formatTime(t.UpdatedAt), t.ID, t.ProjectID)
}

// DeleteTask removes a task of a project.
func (s *Store) DeleteTask(ctx context.Context, projectID, id int64) error {
	return s.execOne(ctx, "delete task", `DELETE FROM tasks WHERE id = ? AND project_id = ?`, id, projectID)
}

// Tasks lists the tasks of the given projects (all projects when none are given): open ones by
// due date first.
func (s *Store) Tasks(ctx context.Context, projectIDs ...int64) ([]domain.Task, error) {
	where, args := projectScope(projectIDs)
	rows, err := s.ro.QueryContext(ctx, `SELECT id, project_id, title, assignee_id, due_date, done, created_at, updated_at
		FROM tasks `+where+` ORDER BY done, due_date = '', due_date, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list tasks: %w", err)
	}
	defer rows.Close()
	list := []domain.Task{}
	for rows.Next() {
		var t domain.Task
		var assignee sql.NullInt64
		var created, updated string
		if err := rows.Scan(&t.ID, &t.ProjectID, &t.Title, &assignee, &t.DueDate, &t.Done, &created, &updated); err != nil {
			return nil, fmt.Errorf("read task: %w", err)
		}
		t.AssigneeID = assignee.Int64
		if t.CreatedAt, err = parseTime(created); err != nil {
			return nil, fmt.Errorf("read task %d: %w", t.ID, err)
		}
		if t.UpdatedAt, err = parseTime(updated); err != nil {
			return nil, fmt.Errorf("read task %d: %w", t.ID, err)
		}
		list = append(list, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list tasks: %w", err)
	}
	return list, nil
}

func projectScope(ids []int64) (string, []any) {
	if len(ids) == 0 {
		return "", nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return "WHERE project_id IN (" + placeholders(len(ids)) + ")", args
}

// execOne runs a write that must touch exactly one row; none gives domain.ErrNotFound.
func (s *Store) execOne(ctx context.Context, what, query string, args ...any) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.ErrNotFound
		}
		return nil
	})
}
