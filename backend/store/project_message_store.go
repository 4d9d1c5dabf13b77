package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

const projectMessageColumns = `id, project_id, author, body, created_at, edited_at`

// CreateProjectMessage inserts a validated message and sets its ID.
func (s *Store) CreateProjectMessage(ctx context.Context, m *domain.ProjectMessage) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO project_messages (project_id, author, body, created_at, edited_at)
			VALUES (?, ?, ?, ?, ?)`, m.ProjectID, m.Author, m.Body, formatTime(m.CreatedAt), formatOptionalTime(m.EditedAt))
		if err != nil {
			return fmt.Errorf("insert message: %w", err)
		}
		if m.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("insert message: %w", err)
		}
		return nil
	})
}

// UpdateProjectMessage replaces the text of a message of a project and records when.
func (s *Store) UpdateProjectMessage(ctx context.Context, m domain.ProjectMessage) error {
	return s.execOne(ctx, "update message", `UPDATE project_messages SET body = ?, edited_at = ?
		WHERE id = ? AND project_id = ?`, m.Body, formatOptionalTime(m.EditedAt), m.ID, m.ProjectID)
}

// DeleteProjectMessage removes a message of a project.
func (s *Store) DeleteProjectMessage(ctx context.Context, projectID, id int64) error {
	return s.execOne(ctx, "delete message", `DELETE FROM project_messages WHERE id = ? AND project_id = ?`, id, projectID)
}

// ProjectMessage returns one message of a project, or domain.ErrNotFound.
func (s *Store) ProjectMessage(ctx context.Context, projectID, id int64) (domain.ProjectMessage, error) {
	rows, err := s.ro.QueryContext(ctx, `SELECT `+projectMessageColumns+` FROM project_messages
		WHERE id = ? AND project_id = ?`, id, projectID)
	if err != nil {
		return domain.ProjectMessage{}, fmt.Errorf("read message %d: %w", id, err)
	}
	list, err := scanProjectMessages(rows)
	if err != nil {
		return domain.ProjectMessage{}, err
	}
	if len(list) == 0 {
		return domain.ProjectMessage{}, domain.ErrNotFound
	}
	return list[0], nil
}

// ProjectMessages lists a page of a project's discussion, with the total. Pages are counted
// from the newest message (offset 0 is the latest page, as a thread is read), and the messages
// of a page come oldest first, newest last.
func (s *Store) ProjectMessages(ctx context.Context, projectID int64, limit, offset int) ([]domain.ProjectMessage, int, error) {
	var total int
	if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM project_messages WHERE project_id = ?`, projectID).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count messages: %w", err)
	}
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT `+projectMessageColumns+` FROM (
			SELECT * FROM project_messages WHERE project_id = ? ORDER BY id DESC LIMIT ? OFFSET ?
		) ORDER BY id`, projectID, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("list messages: %w", err)
	}
	list, err := scanProjectMessages(rows)
	if err != nil {
		return nil, 0, err
	}
	return list, total, nil
}

func scanProjectMessages(rows *sql.Rows) ([]domain.ProjectMessage, error) {
	defer rows.Close()
	list := []domain.ProjectMessage{}
	for rows.Next() {
		var m domain.ProjectMessage
		var created, edited string
		if err := rows.Scan(&m.ID, &m.ProjectID, &m.Author, &m.Body, &created, &edited); err != nil {
			return nil, fmt.Errorf("read message: %w", err)
		}
		var err error
		if m.CreatedAt, err = parseTime(created); err != nil {
			return nil, fmt.Errorf("read message %d: %w", m.ID, err)
		}
		if m.EditedAt, err = parseOptionalTime(edited); err != nil {
			return nil, fmt.Errorf("read message %d: %w", m.ID, err)
		}
		list = append(list, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list messages: %w", err)
	}
	return list, nil
}

// formatOptionalTime writes a time that may not have happened: "" for the zero time.
func formatOptionalTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return formatTime(t)
}

func parseOptionalTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return parseTime(s)
}
