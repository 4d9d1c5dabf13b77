package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/civisphere/civisphere/backend/domain"
)

const projectColumns = `id, title, organization_id, sponsor_id, program_id, description, causes, start_date,
	end_date, schedule, city, place, status, beneficiaries, created_by_volunteer_id, created_at, updated_at`

// CreateProject inserts a validated project with its skills and first milestones (a project
// made from a template comes with them) and sets the IDs.
func (s *Store) CreateProject(ctx context.Context, p *domain.Project, milestones []domain.Milestone) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		values, err := projectValues(*p)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO projects (title, organization_id, sponsor_id, program_id,
			description, causes, start_date, end_date, schedule, city, place, search_text, status,
			beneficiaries, created_by_volunteer_id, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			append(values, p.Beneficiaries, nullID(p.CreatedByVolunteerID), formatTime(p.CreatedAt), formatTime(p.UpdatedAt))...)
		if err != nil {
			return fmt.Errorf("insert project: %w", err)
		}
		if p.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("insert project: %w", err)
		}
		if err := writeProjectSkills(ctx, tx, *p); err != nil {
			return err
		}
		for i := range milestones {
			milestones[i].ProjectID = p.ID
			if err := insertMilestone(ctx, tx, &milestones[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		p.ID = 0
	}
	return err
}

// UpdateProject replaces a project's fields and skills; who created it and when are kept.
func (s *Store) UpdateProject(ctx context.Context, p domain.Project) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		values, err := projectValues(p)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE projects SET title = ?, organization_id = ?, sponsor_id = ?,
			program_id = ?, description = ?, causes = ?, start_date = ?, end_date = ?, schedule = ?, city = ?,
			place = ?, search_text = ?, status = ?, beneficiaries = ?, updated_at = ? WHERE id = ?`,
			append(values, p.Beneficiaries, formatTime(p.UpdatedAt), p.ID)...)
		if err != nil {
			return fmt.Errorf("update project %d: %w", p.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.ErrNotFound
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM project_skills WHERE project_id = ?`, p.ID); err != nil {
			return fmt.Errorf("replace skills of project %d: %w", p.ID, err)
		}
		return writeProjectSkills(ctx, tx, p)
	})
}

func projectValues(p domain.Project) ([]any, error) {
	causes, err := json.Marshal(nonNil(p.Causes))
	if err != nil {
		return nil, fmt.Errorf("encode causes: %w", err)
	}
	schedule, err := json.Marshal(availabilityRow{
		Days: p.Schedule.Days, Evenings: p.Schedule.Evenings, Weekends: p.Schedule.Weekends,
		HoursPerMonth: p.Schedule.HoursPerMonth, Mode: string(p.Schedule.Mode),
	})
	if err != nil {
		return nil, fmt.Errorf("encode schedule: %w", err)
	}
	return []any{p.Title, p.OrganizationID, nullID(p.SponsorID), nullID(p.ProgramID), p.Description,
		string(causes), p.StartDate, p.EndDate, string(schedule), p.City, p.Place,
		domain.FoldText(p.Title + " " + p.Description), string(p.Status)}, nil
}

func writeProjectSkills(ctx context.Context, tx *sql.Tx, p domain.Project) error {
	for i, skill := range p.Skills {
		if _, err := tx.ExecContext(ctx, `INSERT INTO project_skills (project_id, skill_id, name, level, people, position)
			VALUES (?, ?, ?, ?, ?, ?)`, p.ID, skill.SkillID, skill.Name, string(skill.Level), skill.People, i); err != nil {
			return fmt.Errorf("write skill %q of project %d: %w", skill.SkillID, p.ID, err)
		}
	}
	return nil
}

// Project returns one project with its skills, or domain.ErrNotFound.
func (s *Store) Project(ctx context.Context, id int64) (domain.Project, error) {
	list, _, err := s.Projects(ctx, ProjectFilter{IDs: []int64{id}})
	if err != nil {
		return domain.Project{}, err
	}
	if len(list) == 0 {
		return domain.Project{}, domain.ErrNotFound
	}
	return list[0], nil
}

// ProjectFilter narrows the list of projects; zero fields do not filter.
type ProjectFilter struct {
	IDs            []int64
	Statuses       []domain.ProjectStatus
	OrganizationID int64
	SponsorID      int64
	ProgramID      int64
	Text           string // words the folded title or description must all contain
	Limit          int    // 0 for no limit
	Offset         int
}

// Projects lists projects, soonest start first (undated ones last), with the total before paging.
func (s *Store) Projects(ctx context.Context, f ProjectFilter) ([]domain.Project, int, error) {
	where, args := []string{"1 = 1"}, []any{}
	if len(f.IDs) > 0 {
		where = append(where, "id IN ("+placeholders(len(f.IDs))+")")
		for _, id := range f.IDs {
			args = append(args, id)
		}
	}
	if len(f.Statuses) > 0 {
		where = append(where, "status IN ("+placeholders(len(f.Statuses))+")")
		for _, st := range f.Statuses {
			args = append(args, string(st))
		}
	}
	for _, ref := range []struct {
		column string
		id     int64
	}{{"organization_id", f.OrganizationID}, {"sponsor_id", f.SponsorID}, {"program_id", f.ProgramID}} {
		if ref.id != 0 {
			where = append(where, ref.column+" = ?")
			args = append(args, ref.id)
		}
	}
	for _, word := range strings.Fields(domain.FoldText(f.Text)) {
		where = append(where, `search_text LIKE ? ESCAPE '\'`)
		args = append(args, "%"+likeEscape(word)+"%")
	}
	cond := strings.Join(where, " AND ")
	var total int
	if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM projects WHERE `+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count projects: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT `+projectColumns+` FROM projects WHERE `+cond+
		` ORDER BY start_date = '', start_date, id DESC LIMIT ? OFFSET ?`, append(args, limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("list projects: %w", err)
	}
	list, err := scanProjects(rows)
	if err != nil {
		return nil, 0, err
	}
	if err := s.loadProjectSkills(ctx, list); err != nil {
		return nil, 0, err
	}
	return list, total, nil
}

func scanProjects(rows *sql.Rows) ([]domain.Project, error) {
	defer rows.Close()
	list := []domain.Project{}
	for rows.Next() {
		var (
			p                                          domain.Project
			sponsor, program, creator                  sql.NullInt64
			causes, schedule, status, created, updated string
		)
		if err := rows.Scan(&p.ID, &p.Title, &p.OrganizationID, &sponsor, &program, &p.Description, &causes,
			&p.StartDate, &p.EndDate, &schedule, &p.City, &p.Place, &status, &p.Beneficiaries, &creator, &created, &updated); err != nil {
			return nil, fmt.Errorf("read project: %w", err)
		}
		p.SponsorID, p.ProgramID, p.CreatedByVolunteerID = sponsor.Int64, program.Int64, creator.Int64
		p.Status = domain.ProjectStatus(status)
		if err := json.Unmarshal([]byte(causes), &p.Causes); err != nil {
			return nil, fmt.Errorf("read causes of project %d: %w", p.ID, err)
		}
		var a availabilityRow
		if err := json.Unmarshal([]byte(schedule), &a); err != nil {
			return nil, fmt.Errorf("read schedule of project %d: %w", p.ID, err)
		}
		p.Schedule = domain.Availability{Days: a.Days, Evenings: a.Evenings, Weekends: a.Weekends,
			HoursPerMonth: a.HoursPerMonth, Mode: domain.WorkMode(a.Mode)}
		var err error
		if p.CreatedAt, err = parseTime(created); err != nil {
			return nil, fmt.Errorf("read project %d: created_at: %w", p.ID, err)
		}
		if p.UpdatedAt, err = parseTime(updated); err != nil {
			return nil, fmt.Errorf("read project %d: updated_at: %w", p.ID, err)
		}
		list = append(list, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list projects: %w", err)
	}
	return list, nil
}

func (s *Store) loadProjectSkills(ctx context.Context, list []domain.Project) error {
	if len(list) == 0 {
		return nil
	}
	byID := make(map[int64]*domain.Project, len(list))
	args := make([]any, len(list))
	for i := range list {
		byID[list[i].ID] = &list[i]
		list[i].Skills = []domain.ProjectSkill{}
		args[i] = list[i].ID
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT project_id, skill_id, name, level, people FROM project_skills
		WHERE project_id IN (`+placeholders(len(list))+`) ORDER BY project_id, position`, args...)
	if err != nil {
		return fmt.Errorf("read project skills: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id    int64
			skill domain.ProjectSkill
			level string
		)
		if err := rows.Scan(&id, &skill.SkillID, &skill.Name, &level, &skill.People); err != nil {
			return fmt.Errorf("read project skills: %w", err)
		}
		skill.Level = domain.SkillLevel(level)
		if p := byID[id]; p != nil {
			p.Skills = append(p.Skills, skill)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read project skills: %w", err)
	}
	return nil
}

// placeholders returns "?, ?, ?" for n values.
func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}

// ProjectCauses returns the causes of an organization's projects, the most used first (ties in
// the fixed list's order): what the association works for, as its projects say.
func (s *Store) ProjectCauses(ctx context.Context, organizationID int64) ([]domain.Cause, error) {
	rows, err := s.ro.QueryContext(ctx, `SELECT causes FROM projects WHERE organization_id = ?`, organizationID)
	if err != nil {
		return nil, fmt.Errorf("read causes of projects: %w", err)
	}
	defer rows.Close()
	counts := map[domain.Cause]int{}
	for rows.Next() {
		var text string
		if err := rows.Scan(&text); err != nil {
			return nil, fmt.Errorf("read causes of projects: %w", err)
		}
		var causes []domain.Cause
		if err := json.Unmarshal([]byte(text), &causes); err != nil {
			return nil, fmt.Errorf("read causes of projects: %w", err)
		}
		for _, c := range causes {
			counts[c]++
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read causes of projects: %w", err)
	}
	out := []domain.Cause{}
	for _, c := range domain.Causes {
		if counts[c] > 0 {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return counts[out[i]] > counts[out[j]] })
	return out, nil
}
