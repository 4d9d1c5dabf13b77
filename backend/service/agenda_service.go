package service

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/report"
	"github.com/civisphere/civisphere/backend/store"
)

// Agenda manages the milestones and tasks of projects and the calendars made from them.
type Agenda struct {
	store *store.Store
	now   func() time.Time
}

// NewAgenda returns the agenda use cases.
func NewAgenda(st *store.Store, now func() time.Time) *Agenda {
	return &Agenda{store: st, now: now}
}

// ProjectAgenda is a project's milestones (by date) and tasks (open ones first).
type ProjectAgenda struct {
	Milestones []domain.Milestone
	Tasks      []domain.Task
}

// Of returns a project's agenda.
func (s *Agenda) Of(ctx context.Context, actor domain.Actor, projectID int64) (ProjectAgenda, error) {
	if !actor.CanReadProjects() {
		return ProjectAgenda{}, fmt.Errorf("read agenda: %w", domain.ErrForbidden)
	}
	if _, err := s.store.Project(ctx, projectID); err != nil {
		return ProjectAgenda{}, err
	}
	milestones, err := s.store.Milestones(ctx, projectID)
	if err != nil {
		return ProjectAgenda{}, err
	}
	tasks, err := s.store.Tasks(ctx, projectID)
	if err != nil {
		return ProjectAgenda{}, err
	}
	return ProjectAgenda{Milestones: milestones, Tasks: tasks}, nil
}

// SaveMilestone creates (m.ID == 0) or replaces a milestone of a project.
func (s *Agenda) SaveMilestone(ctx context.Context, actor domain.Actor, m domain.Milestone) (domain.Milestone, error) {
	if !actor.CanManageProjects() {
		return domain.Milestone{}, fmt.Errorf("save milestone: %w", domain.ErrForbidden)
	}
	if _, err := s.store.Project(ctx, m.ProjectID); err != nil {
		return domain.Milestone{}, err
	}
	m.Normalize()
	if err := m.Validate(); err != nil {
		return domain.Milestone{}, err
	}
	now := s.now().UTC()
	m.UpdatedAt = now
	if m.ID == 0 {
		m.CreatedAt = now
		if err := s.store.CreateMilestone(ctx, &m); err != nil {
			return domain.Milestone{}, fmt.Errorf("create milestone: %w", err)
		}
		return m, nil
	}
	if err := s.store.UpdateMilestone(ctx, m); err != nil {
		return domain.Milestone{}, err
	}
	return m, nil
}

// DeleteMilestone removes a milestone of a project.
func (s *Agenda) DeleteMilestone(ctx context.Context, actor domain.Actor, projectID, id int64) error {
	if !actor.CanManageProjects() {
		return fmt.Errorf("delete milestone: %w", domain.ErrForbidden)
	}
	return s.store.DeleteMilestone(ctx, projectID, id)
}

// SaveTask creates (t.ID == 0) or replaces a task. Its assignee must be in the project's team.
func (s *Agenda) SaveTask(ctx context.Context, actor domain.Actor, t domain.Task) (domain.Task, error) {
	if !actor.CanManageProjects() {
		return domain.Task{}, fmt.Errorf("save task: %w", domain.ErrForbidden)
	}
	if _, err := s.store.Project(ctx, t.ProjectID); err != nil {
		return domain.Task{}, err
	}
	t.Normalize()
	problems := &domain.ValidationError{}
	collect(problems, t.Validate())
	if t.AssigneeID != 0 {
		inTeam, err := s.inTeam(ctx, t.ProjectID, t.AssigneeID)
		if err != nil {
			return domain.Task{}, err
		}
		if !inTeam {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: "assigneeId", Code: domain.CodeNotInTeam})
		}
	}
	if len(problems.Fields) > 0 {
		return domain.Task{}, problems
	}
	now := s.now().UTC()
	t.UpdatedAt = now
	if t.ID == 0 {
		t.CreatedAt = now
		if err := s.store.CreateTask(ctx, &t); err != nil {
			return domain.Task{}, fmt.Errorf("create task: %w", err)
		}
		return t, nil
	}
	if err := s.store.UpdateTask(ctx, t); err != nil {
		return domain.Task{}, err
	}
	return t, nil
}

func (s *Agenda) inTeam(ctx context.Context, projectID, volunteerID int64) (bool, error) {
	list, err := s.store.ProjectApplications(ctx, projectID)
	if err != nil {
		return false, err
	}
	for _, a := range list {
		if a.VolunteerID == volunteerID && a.Status == domain.ApplicationAccepted {
			return true, nil
		}
	}
	return false, nil
}

// DeleteTask removes a task of a project.
func (s *Agenda) DeleteTask(ctx context.Context, actor domain.Actor, projectID, id int64) error {
	if !actor.CanManageProjects() {
		return fmt.Errorf("delete task: %w", domain.ErrForbidden)
	}
	return s.store.DeleteTask(ctx, projectID, id)
}

// CalendarEntry is a dated item of the calendar of all projects.
type CalendarEntry struct {
	Kind         string // "milestone" or "task"
	ID           int64
	ProjectID    int64
	ProjectTitle string
	Title        string
	Date         string // YYYY-MM-DD
	Done         bool
}

// Calendar lists the dated milestones and tasks of one project (projectID != 0) or of every
// project that is not cancelled, by date.
func (s *Agenda) Calendar(ctx context.Context, actor domain.Actor, projectID int64) ([]CalendarEntry, error) {
	if !actor.CanReadProjects() {
		return nil, fmt.Errorf("read calendar: %w", domain.ErrForbidden)
	}
	filter := store.ProjectFilter{Statuses: []domain.ProjectStatus{domain.ProjectDraft, domain.ProjectRecruiting,
		domain.ProjectInProgress, domain.ProjectCompleted, domain.ProjectEvaluated}}
	if projectID != 0 {
		filter = store.ProjectFilter{IDs: []int64{projectID}}
	}
	projects, _, err := s.store.Projects(ctx, filter)
	if err != nil {
		return nil, err
	}
	if projectID != 0 && len(projects) == 0 {
		return nil, domain.ErrNotFound
	}
	titles := make(map[int64]string, len(projects))
	ids := make([]int64, len(projects))
	for i, p := range projects {
		titles[p.ID], ids[i] = p.Title, p.ID
	}
	if len(ids) == 0 {
		return []CalendarEntry{}, nil
	}
	milestones, err := s.store.Milestones(ctx, ids...)
	if err != nil {
		return nil, err
	}
	tasks, err := s.store.Tasks(ctx, ids...)
	if err != nil {
		return nil, err
	}
	entries := make([]CalendarEntry, 0, len(milestones)+len(tasks))
	for _, m := range milestones {
		entries = append(entries, CalendarEntry{Kind: "milestone", ID: m.ID, ProjectID: m.ProjectID,
			ProjectTitle: titles[m.ProjectID], Title: m.Title, Date: m.DueDate, Done: m.Done})
	}
	for _, t := range tasks {
		if t.DueDate != "" {
			entries = append(entries, CalendarEntry{Kind: "task", ID: t.ID, ProjectID: t.ProjectID,
				ProjectTitle: titles[t.ProjectID], Title: t.Title, Date: t.DueDate, Done: t.Done})
		}
	}
	sortCalendar(entries)
	return entries, nil
}

// CalendarLabels are the words of an exported calendar, in the reader's language.
type CalendarLabels struct {
	Name      string // the calendar's name
	Milestone string // prefix of a milestone's summary
	Task      string // prefix of a task's summary
	Done      string // appended to what is done
}

// WriteICS writes the calendar of one project (projectID != 0) or of all projects as iCalendar.
func (s *Agenda) WriteICS(ctx context.Context, actor domain.Actor, projectID int64, labels CalendarLabels, w io.Writer) error {
	entries, err := s.Calendar(ctx, actor, projectID)
	if err != nil {
		return err
	}
	cal := report.Calendar{Name: labels.Name, Product: "-//Civisphère//Agenda//FR", Stamp: s.now()}
	for _, e := range entries {
		prefix := labels.Milestone
		if e.Kind == "task" {
			prefix = labels.Task
		}
		summary := prefix + " " + e.Title
		if e.Done {
			summary += " " + labels.Done
		}
		cal.Events = append(cal.Events, report.CalendarEvent{
			UID:         e.Kind + "-" + strconv.FormatInt(e.ID, 10) + "@civisphere",
			Date:        e.Date,
			Summary:     summary,
			Description: e.ProjectTitle,
		})
	}
	return report.WriteICS(w, cal)
}

func sortCalendar(entries []CalendarEntry) {
	slices.SortStableFunc(entries, func(a, b CalendarEntry) int {
		if c := strings.Compare(a.Date, b.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Kind, b.Kind) // milestones before tasks on the same day
	})
}
