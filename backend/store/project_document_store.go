package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/civisphere/civisphere/backend/domain"
)

const projectDocumentColumns = `id, project_id, kind, title, file_name, media_type, size, stored_name, url, created_at`

// CreateProjectDocument inserts a validated document and sets its ID. For a file, place is
// called inside the transaction with the ID the document will have, before its row is written:
// it puts the received file in place under a name made from that ID and returns the name. When
// place fails nothing is written; when the row cannot be written after place succeeded, the
// caller removes the file.
func (s *Store) CreateProjectDocument(ctx context.Context, d *domain.ProjectDocument, place func(id int64) (string, error)) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// The write connection is the only writer (immediate transactions): no other document
		// can take this ID before the insert below.
		var id int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) + 1 FROM project_documents`).Scan(&id); err != nil {
			return fmt.Errorf("insert document: %w", err)
		}
		if place != nil {
			stored, err := place(id)
			if err != nil {
				return err
			}
			d.StoredName = stored
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO project_documents (id, project_id, kind, title, file_name,
			media_type, size, stored_name, url, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, d.ProjectID, string(d.Kind), d.Title, d.FileName, d.MediaType, d.Size, d.StoredName, d.URL,
			formatTime(d.CreatedAt)); err != nil {
			return fmt.Errorf("insert document: %w", err)
		}
		d.ID = id
		return nil
	})
	if err != nil {
		d.ID = 0
	}
	return err
}

// DeleteProjectDocument removes a document of a project and returns it, so that the caller can
// remove its file; domain.ErrNotFound when the project has no such document.
func (s *Store) DeleteProjectDocument(ctx context.Context, projectID, id int64) (domain.ProjectDocument, error) {
	var d domain.ProjectDocument
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `DELETE FROM project_documents WHERE id = ? AND project_id = ?
			RETURNING `+projectDocumentColumns, id, projectID)
		if err != nil {
			return fmt.Errorf("delete document %d: %w", id, err)
		}
		list, err := scanProjectDocuments(rows)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return domain.ErrNotFound
		}
		d = list[0]
		return nil
	})
	return d, err
}

// ProjectDocument returns one document of a project, or domain.ErrNotFound.
func (s *Store) ProjectDocument(ctx context.Context, projectID, id int64) (domain.ProjectDocument, error) {
	rows, err := s.ro.QueryContext(ctx, `SELECT `+projectDocumentColumns+` FROM project_documents
		WHERE id = ? AND project_id = ?`, id, projectID)
	if err != nil {
		return domain.ProjectDocument{}, fmt.Errorf("read document %d: %w", id, err)
	}
	list, err := scanProjectDocuments(rows)
	if err != nil {
		return domain.ProjectDocument{}, err
	}
	if len(list) == 0 {
		return domain.ProjectDocument{}, domain.ErrNotFound
	}
	return list[0], nil
}

// ProjectDocuments lists a project's documents, newest first, with the total before paging.
func (s *Store) ProjectDocuments(ctx context.Context, projectID int64, limit, offset int) ([]domain.ProjectDocument, int, error) {
	var total int
	if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM project_documents WHERE project_id = ?`, projectID).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count documents: %w", err)
	}
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT `+projectDocumentColumns+` FROM project_documents
		WHERE project_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`, projectID, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("list documents: %w", err)
	}
	list, err := scanProjectDocuments(rows)
	if err != nil {
		return nil, 0, err
	}
	return list, total, nil
}

func scanProjectDocuments(rows *sql.Rows) ([]domain.ProjectDocument, error) {
	defer rows.Close()
	list := []domain.ProjectDocument{}
	for rows.Next() {
		var d domain.ProjectDocument
		var kind, created string
		if err := rows.Scan(&d.ID, &d.ProjectID, &kind, &d.Title, &d.FileName, &d.MediaType, &d.Size,
			&d.StoredName, &d.URL, &created); err != nil {
			return nil, fmt.Errorf("read document: %w", err)
		}
		d.Kind = domain.DocumentKind(kind)
		var err error
		if d.CreatedAt, err = parseTime(created); err != nil {
			return nil, fmt.Errorf("read document %d: %w", d.ID, err)
		}
		list = append(list, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	return list, nil
}
