package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/civisphere/civisphere/backend/domain"
)

const resourceColumns = `id, kind, title, body, url, created_at, updated_at`

// CreateResource inserts a validated note or link and sets its ID.
func (s *Store) CreateResource(ctx context.Context, r *domain.Resource) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			INSERT INTO resources (kind, title, body, url, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?)`,
			string(r.Kind), r.Title, r.Body, r.URL, formatTime(r.CreatedAt), formatTime(r.UpdatedAt))
		if err != nil {
			return fmt.Errorf("create resource: %w", err)
		}
		id, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("create resource: %w", err)
		}
		r.ID = id
		return nil
	})
}

// UpdateResource replaces a note or link; CreatedAt is kept as stored. domain.ErrNotFound when
// there is no such resource.
func (s *Store) UpdateResource(ctx context.Context, r domain.Resource) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			UPDATE resources SET kind = ?, title = ?, body = ?, url = ?, updated_at = ? WHERE id = ?`,
			string(r.Kind), r.Title, r.Body, r.URL, formatTime(r.UpdatedAt), r.ID)
		if err != nil {
			return fmt.Errorf("update resource %d: %w", r.ID, err)
		}
		return oneRowAffected(res, r.ID)
	})
}

// DeleteResource removes a note or link for good; domain.ErrNotFound when there is none.
func (s *Store) DeleteResource(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM resources WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete resource %d: %w", id, err)
		}
		return oneRowAffected(res, id)
	})
}

func oneRowAffected(res sql.Result, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("resource %d: %w", id, err)
	}
	if n == 0 {
		return domain.ErrNotFound
	}
	return nil
}

// Resource returns one note or link, or domain.ErrNotFound.
func (s *Store) Resource(ctx context.Context, id int64) (domain.Resource, error) {
	r, err := scanResource(s.ro.QueryRowContext(ctx, `SELECT `+resourceColumns+` FROM resources WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Resource{}, domain.ErrNotFound
	}
	return r, err
}

// Resources returns every note and link, the most recently changed first.
func (s *Store) Resources(ctx context.Context) ([]domain.Resource, error) {
	rows, err := s.ro.QueryContext(ctx, `SELECT `+resourceColumns+` FROM resources ORDER BY updated_at DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("read resources: %w", err)
	}
	defer rows.Close()
	var out []domain.Resource
	for rows.Next() {
		r, err := scanResource(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read resources: %w", err)
	}
	return out, nil
}

func scanResource(row rowScanner) (domain.Resource, error) {
	var (
		r                    domain.Resource
		kind                 string
		createdAt, updatedAt string
	)
	if err := row.Scan(&r.ID, &kind, &r.Title, &r.Body, &r.URL, &createdAt, &updatedAt); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return r, err
		}
		return r, fmt.Errorf("read resource: %w", err)
	}
	r.Kind = domain.ResourceKind(kind)
	var err error
	if r.CreatedAt, err = parseTime(createdAt); err != nil {
		return r, fmt.Errorf("read resource %d: created_at: %w", r.ID, err)
	}
	if r.UpdatedAt, err = parseTime(updatedAt); err != nil {
		return r, fmt.Errorf("read resource %d: updated_at: %w", r.ID, err)
	}
	return r, nil
}
