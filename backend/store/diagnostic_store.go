package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/civisphere/civisphere/backend/domain"
)

// needRow is one area's need as stored in diagnostics.scores; its JSON names are the stored
// format, independent of the domain's field names.
type needRow struct {
	Area      string `json:"area"`
	Score     int    `json:"score"`
	Level     string `json:"level"`
	Answered  int    `json:"answered"`
	Questions int    `json:"questions"`
}

// CreateDiagnostic inserts a scored diagnostic and sets its ID.
func (s *Store) CreateDiagnostic(ctx context.Context, d *domain.Diagnostic) error {
	answers, err := json.Marshal(nonNilMap(d.Answers))
	if err != nil {
		return fmt.Errorf("encode diagnostic answers: %w", err)
	}
	rows := make([]needRow, len(d.Needs))
	for i, n := range d.Needs {
		rows[i] = needRow{Area: n.Area, Score: n.Score, Level: string(n.Level), Answered: n.Answered, Questions: n.Questions}
	}
	scores, err := json.Marshal(rows)
	if err != nil {
		return fmt.Errorf("encode diagnostic scores: %w", err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO diagnostics (organization_id, version, answers, scores, created_at)
			VALUES (?, ?, ?, ?, ?)`, d.OrganizationID, d.Version, string(answers), string(scores), formatTime(d.CreatedAt))
		if err != nil {
			return fmt.Errorf("insert diagnostic: %w", err)
		}
		if d.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("insert diagnostic: %w", err)
		}
		return nil
	})
}

// LinkDiagnosticProject records that projectID was made from templateID of a diagnostic. A link
// already there is kept as it is.
func (s *Store) LinkDiagnosticProject(ctx context.Context, diagnosticID int64, templateID string, projectID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO diagnostic_projects (diagnostic_id, template_id, project_id)
			VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, diagnosticID, templateID, projectID); err != nil {
			return fmt.Errorf("link project %d to diagnostic %d: %w", projectID, diagnosticID, err)
		}
		return nil
	})
}

// Diagnostic returns one diagnostic with the projects made from it, or domain.ErrNotFound.
func (s *Store) Diagnostic(ctx context.Context, id int64) (domain.Diagnostic, error) {
	list, err := s.queryDiagnostics(ctx, `WHERE id = ?`, id)
	if err != nil {
		return domain.Diagnostic{}, err
	}
	if len(list) == 0 {
		return domain.Diagnostic{}, domain.ErrNotFound
	}
	return list[0], nil
}

// Diagnostics lists an organization's diagnostics, newest first, with the total before paging.
func (s *Store) Diagnostics(ctx context.Context, organizationID int64, limit, offset int) ([]domain.Diagnostic, int, error) {
	var total int
	if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM diagnostics WHERE organization_id = ?`,
		organizationID).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count diagnostics: %w", err)
	}
	if limit <= 0 {
		limit = -1
	}
	list, err := s.queryDiagnostics(ctx, `WHERE organization_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
		organizationID, limit, offset)
	return list, total, err
}

func (s *Store) queryDiagnostics(ctx context.Context, where string, args ...any) ([]domain.Diagnostic, error) {
	rows, err := s.ro.QueryContext(ctx, `SELECT id, organization_id, version, answers, scores, created_at
		FROM diagnostics `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("list diagnostics: %w", err)
	}
	defer rows.Close()
	list := []domain.Diagnostic{}
	for rows.Next() {
		var (
			d                        domain.Diagnostic
			answers, scores, created string
		)
		if err := rows.Scan(&d.ID, &d.OrganizationID, &d.Version, &answers, &scores, &created); err != nil {
			return nil, fmt.Errorf("read diagnostic: %w", err)
		}
		if err := json.Unmarshal([]byte(answers), &d.Answers); err != nil {
			return nil, fmt.Errorf("read answers of diagnostic %d: %w", d.ID, err)
		}
		var needs []needRow
		if err := json.Unmarshal([]byte(scores), &needs); err != nil {
			return nil, fmt.Errorf("read scores of diagnostic %d: %w", d.ID, err)
		}
		d.Needs = make([]domain.NeedScore, len(needs))
		for i, n := range needs {
			d.Needs[i] = domain.NeedScore{Area: n.Area, Score: n.Score, Level: domain.NeedLevel(n.Level),
				Answered: n.Answered, Questions: n.Questions}
		}
		if d.CreatedAt, err = parseTime(created); err != nil {
			return nil, fmt.Errorf("read diagnostic %d: created_at: %w", d.ID, err)
		}
		d.Answers = nonNilMap(d.Answers)
		d.Projects = map[string]int64{}
		list = append(list, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list diagnostics: %w", err)
	}
	return list, s.loadDiagnosticProjects(ctx, list)
}

func (s *Store) loadDiagnosticProjects(ctx context.Context, list []domain.Diagnostic) error {
	if len(list) == 0 {
		return nil
	}
	byID := make(map[int64]*domain.Diagnostic, len(list))
	args := make([]any, len(list))
	for i := range list {
		byID[list[i].ID] = &list[i]
		args[i] = list[i].ID
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT diagnostic_id, template_id, project_id FROM diagnostic_projects
		WHERE diagnostic_id IN (`+placeholders(len(list))+`)`, args...)
	if err != nil {
		return fmt.Errorf("read projects of diagnostics: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			diagnosticID, projectID int64
			templateID              string
		)
		if err := rows.Scan(&diagnosticID, &templateID, &projectID); err != nil {
			return fmt.Errorf("read projects of diagnostics: %w", err)
		}
		if d := byID[diagnosticID]; d != nil {
			d.Projects[templateID] = projectID
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read projects of diagnostics: %w", err)
	}
	return nil
}

func nonNilMap(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}
