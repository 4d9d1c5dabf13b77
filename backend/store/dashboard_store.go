package store

import (
	"context"
	"fmt"

	"github.com/civisphere/civisphere/backend/domain"
)

// CountActiveVolunteers counts the volunteers who are not archived.
func (s *Store) CountActiveVolunteers(ctx context.Context) (int, error) {
	var n int
	if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM volunteers WHERE status = 'active'`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count active volunteers: %w", err)
	}
	return n, nil
}

// ProjectStatusCounts counts the projects matching f (its statuses, text and paging aside) by
// status.
func (s *Store) ProjectStatusCounts(ctx context.Context, f ProjectFilter) (map[domain.ProjectStatus]int, error) {
	cond, args := projectScopeOf(f)
	rows, err := s.ro.QueryContext(ctx, `SELECT status, count(*) FROM projects WHERE `+cond+` GROUP BY status`, args...)
	if err != nil {
		return nil, fmt.Errorf("count projects by status: %w", err)
	}
	defer rows.Close()
	counts := map[domain.ProjectStatus]int{}
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return nil, fmt.Errorf("count projects by status: %w", err)
		}
		counts[domain.ProjectStatus(status)] = n
	}
	return counts, rows.Err()
}

// projectScopeOf is the part of a project filter that says whose projects: association, sponsor,
// program and explicit IDs.
func projectScopeOf(f ProjectFilter) (string, []any) {
	cond, args := "1 = 1", []any{}
	if len(f.IDs) > 0 {
		cond += " AND id IN (" + placeholders(len(f.IDs)) + ")"
		for _, id := range f.IDs {
			args = append(args, id)
		}
	}
	for _, ref := range []struct {
		column string
		id     int64
	}{{"organization_id", f.OrganizationID}, {"sponsor_id", f.SponsorID}, {"program_id", f.ProgramID}} {
		if ref.id != 0 {
			cond += " AND " + ref.column + " = ?"
			args = append(args, ref.id)
		}
	}
	return cond, args
}

// SkillCount is how many people a skill concerns: places to fill in projects, or volunteers who
// hold it.
type SkillCount struct {
	SkillID string
	Name    string // the name stored with the skill (the typed text for a custom one)
	Count   int
}

// SkillDemand sums the people the projects matching f (statuses included) still ask for, by skill,
// most wanted first.
func (s *Store) SkillDemand(ctx context.Context, f ProjectFilter, limit int) ([]SkillCount, error) {
	cond, args := projectScopeOf(f)
	if len(f.Statuses) > 0 {
		cond += " AND status IN (" + placeholders(len(f.Statuses)) + ")"
		for _, st := range f.Statuses {
			args = append(args, string(st))
		}
	}
	return s.skillCounts(ctx, `SELECT ps.skill_id, max(ps.name), sum(ps.people) FROM project_skills ps
		WHERE ps.project_id IN (SELECT id FROM projects WHERE `+cond+`)
		GROUP BY ps.skill_id ORDER BY 3 DESC, 1 LIMIT ?`, append(args, limit)...)
}

// SkillSupply counts the active volunteers who hold each of the given skills.
func (s *Store) SkillSupply(ctx context.Context, skillIDs []string) (map[string]int, error) {
	supply := make(map[string]int, len(skillIDs))
	if len(skillIDs) == 0 {
		return supply, nil
	}
	args := make([]any, len(skillIDs))
	for i, id := range skillIDs {
		args[i] = id
	}
	list, err := s.skillCounts(ctx, `SELECT vs.skill_id, '', count(*) FROM volunteer_skills vs
		JOIN volunteers v ON v.id = vs.volunteer_id AND v.status = 'active'
		WHERE vs.skill_id IN (`+placeholders(len(skillIDs))+`) GROUP BY vs.skill_id`, args...)
	if err != nil {
		return nil, err
	}
	for _, c := range list {
		supply[c.SkillID] = c.Count
	}
	return supply, nil
}

func (s *Store) skillCounts(ctx context.Context, query string, args ...any) ([]SkillCount, error) {
	rows, err := s.ro.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("count skills: %w", err)
	}
	defer rows.Close()
	list := []SkillCount{}
	for rows.Next() {
		var c SkillCount
		if err := rows.Scan(&c.SkillID, &c.Name, &c.Count); err != nil {
			return nil, fmt.Errorf("count skills: %w", err)
		}
		list = append(list, c)
	}
	return list, rows.Err()
}

// UpcomingMilestone is a milestone not done yet, with its project's title.
type UpcomingMilestone struct {
	domain.Milestone
	ProjectTitle string
}

// UpcomingMilestones lists the milestones not done that fall due up to the given day (overdue
// ones included), soonest first, of the projects matching f's scope that are not closed.
func (s *Store) UpcomingMilestones(ctx context.Context, f ProjectFilter, until string, limit int) ([]UpcomingMilestone, error) {
	cond, args := projectScopeOf(f)
	rows, err := s.ro.QueryContext(ctx, `SELECT m.id, m.project_id, m.title, m.due_date, p.title FROM milestones m
		JOIN projects p ON p.id = m.project_id
		WHERE m.done = 0 AND m.due_date <= ? AND p.status IN ('recruiting', 'inProgress')
		AND m.project_id IN (SELECT id FROM projects WHERE `+cond+`)
		ORDER BY m.due_date, m.id LIMIT ?`, append(append([]any{until}, args...), limit)...)
	if err != nil {
		return nil, fmt.Errorf("list upcoming milestones: %w", err)
	}
	defer rows.Close()
	list := []UpcomingMilestone{}
	for rows.Next() {
		var m UpcomingMilestone
		if err := rows.Scan(&m.ID, &m.ProjectID, &m.Title, &m.DueDate, &m.ProjectTitle); err != nil {
			return nil, fmt.Errorf("list upcoming milestones: %w", err)
		}
		list = append(list, m)
	}
	return list, rows.Err()
}

// MilestonesReached counts, by project, the milestones done among the given projects.
func (s *Store) MilestonesReached(ctx context.Context, projectIDs []int64) (map[int64]int, error) {
	reached := make(map[int64]int, len(projectIDs))
	for start := 0; start < len(projectIDs); start += maxSQLVariables {
		chunk := projectIDs[start:min(start+maxSQLVariables, len(projectIDs))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.ro.QueryContext(ctx, `SELECT project_id, count(*) FROM milestones WHERE done = 1
			AND project_id IN (`+placeholders(len(chunk))+`) GROUP BY project_id`, args...)
		if err != nil {
			return nil, fmt.Errorf("count milestones reached: %w", err)
		}
		for rows.Next() {
			var id int64
			var n int
			if err := rows.Scan(&id, &n); err != nil {
				rows.Close()
				return nil, fmt.Errorf("count milestones reached: %w", err)
			}
			reached[id] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("count milestones reached: %w", err)
		}
	}
	return reached, nil
}
