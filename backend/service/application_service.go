package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// Recruitment manages applications to projects: volunteers apply or are invited, coordinators
// move them along the board, and accepted volunteers form the project's team.
type Recruitment struct {
	store *store.Store
	now   func() time.Time
}

// NewRecruitment returns the recruitment use cases.
func NewRecruitment(st *store.Store, now func() time.Time) *Recruitment {
	return &Recruitment{store: st, now: now}
}

// ApplicationView is an application with the volunteer and project it links.
type ApplicationView struct {
	domain.Application
	Volunteer    domain.Volunteer
	ProjectTitle string
}

// Apply records a volunteer's application to a project, or a coordinator's invitation when
// a.Origin is invited. The project must be recruiting or in progress, the volunteer active, and
// without another open application to the same project.
func (s *Recruitment) Apply(ctx context.Context, actor domain.Actor, projectID int64, a domain.Application) (ApplicationView, error) {
	if !actor.CanManageProjects() {
		return ApplicationView{}, fmt.Errorf("apply: %w", domain.ErrForbidden)
	}
	project, err := s.store.Project(ctx, projectID)
	if err != nil {
		return ApplicationView{}, err
	}
	a.ID, a.ProjectID = 0, projectID
	a.Normalize()
	if err := a.Validate(); err != nil {
		return ApplicationView{}, err
	}
	volunteer, err := s.store.Volunteer(ctx, a.VolunteerID)
	if err != nil {
		if errors.Is(err, domain.ErrNotFound) {
			return ApplicationView{}, &domain.ValidationError{Fields: []domain.FieldError{{Field: "volunteerId", Code: domain.CodeUnknownReference}}}
		}
		return ApplicationView{}, err
	}
	if !project.Status.OpenToApplications() {
		return ApplicationView{}, &domain.RuleError{Code: domain.RuleProjectNotOpen, Params: map[string]any{"status": project.Status}}
	}
	if volunteer.Status != domain.StatusActive {
		return ApplicationView{}, &domain.RuleError{Code: domain.RuleVolunteerArchived}
	}
	now := s.now().UTC()
	a.CreatedAt, a.UpdatedAt = now, now
	audited := withAudit(ctx, now, actor, domain.AuditApplicationCreated, &a.VolunteerID,
		fmt.Sprintf("project=%d status=%s", projectID, a.Status))
	if err := s.store.CreateApplication(audited, &a); err != nil {
		return ApplicationView{}, err
	}
	return ApplicationView{Application: a, Volunteer: volunteer, ProjectTitle: project.Title}, nil
}

// Move puts an application in another stage of the board. Moves that make no sense (a
// declined application accepted, anything after a withdrawal) give a *domain.RuleError, and
// so does taking someone on (shortlisted, accepted) in a project that is no longer recruiting.
func (s *Recruitment) Move(ctx context.Context, actor domain.Actor, id int64, status domain.ApplicationStatus) (ApplicationView, error) {
	if !actor.CanManageProjects() {
		return ApplicationView{}, fmt.Errorf("move application: %w", domain.ErrForbidden)
	}
	if !domain.ValidApplicationStatus(status) {
		return ApplicationView{}, &domain.ValidationError{Fields: []domain.FieldError{{Field: "status", Code: domain.CodeInvalidChoice,
			Params: map[string]any{"choices": "applied, shortlisted, accepted, declined, withdrawn"}}}}
	}
	a, err := s.store.Application(ctx, id)
	if err != nil {
		return ApplicationView{}, err
	}
	project, err := s.store.Project(ctx, a.ProjectID)
	if err != nil {
		return ApplicationView{}, err
	}
	if !a.Status.CanBecome(status) {
		return ApplicationView{}, &domain.RuleError{Code: domain.RuleApplicationTransition, Params: map[string]any{"from": a.Status, "to": status}}
	}
	if status.Open() && status != a.Status && !project.Status.OpenToApplications() {
		return ApplicationView{}, &domain.RuleError{Code: domain.RuleProjectNotOpen, Params: map[string]any{"status": project.Status}}
	}
	if status != a.Status {
		detail := fmt.Sprintf("project=%d from=%s to=%s", a.ProjectID, a.Status, status)
		a.Status, a.UpdatedAt = status, s.now().UTC()
		audited := withAudit(ctx, a.UpdatedAt, actor, domain.AuditApplicationMoved, &a.VolunteerID, detail)
		if err := s.store.SetApplicationStatus(audited, a); err != nil {
			return ApplicationView{}, err
		}
	}
	volunteer, err := s.store.Volunteer(ctx, a.VolunteerID)
	if err != nil {
		return ApplicationView{}, err
	}
	return ApplicationView{Application: a, Volunteer: volunteer, ProjectTitle: project.Title}, nil
}

// Board lists every application to a project with its volunteer, oldest first.
func (s *Recruitment) Board(ctx context.Context, actor domain.Actor, projectID int64) ([]ApplicationView, error) {
	if !actor.CanReadProjects() {
		return nil, fmt.Errorf("read applications: %w", domain.ErrForbidden)
	}
	project, err := s.store.Project(ctx, projectID)
	if err != nil {
		return nil, err
	}
	list, err := s.store.ProjectApplications(ctx, projectID)
	if err != nil {
		return nil, err
	}
	return s.withVolunteers(ctx, list, map[int64]string{projectID: project.Title})
}

// Team lists the accepted volunteers of a project.
func (s *Recruitment) Team(ctx context.Context, actor domain.Actor, projectID int64) ([]ApplicationView, error) {
	board, err := s.Board(ctx, actor, projectID)
	if err != nil {
		return nil, err
	}
	team := board[:0:0]
	for _, a := range board {
		if a.Status == domain.ApplicationAccepted {
			team = append(team, a)
		}
	}
	return team, nil
}

// VolunteerApplications lists a volunteer's applications with their projects, newest first.
func (s *Recruitment) VolunteerApplications(ctx context.Context, actor domain.Actor, volunteerID int64) ([]ApplicationView, error) {
	if !actor.CanReadProjects() {
		return nil, fmt.Errorf("read applications: %w", domain.ErrForbidden)
	}
	if _, err := s.store.Volunteer(ctx, volunteerID); err != nil {
		return nil, err
	}
	list, err := s.store.VolunteerApplications(ctx, volunteerID)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(list))
	for _, a := range list {
		ids = append(ids, a.ProjectID)
	}
	projects, _, err := s.store.Projects(ctx, store.ProjectFilter{IDs: ids})
	if err != nil {
		return nil, err
	}
	titles := make(map[int64]string, len(projects))
	for _, p := range projects {
		titles[p.ID] = p.Title
	}
	return s.withVolunteers(ctx, list, titles)
}

func (s *Recruitment) withVolunteers(ctx context.Context, list []domain.Application, titles map[int64]string) ([]ApplicationView, error) {
	ids := make([]int64, 0, len(list))
	for _, a := range list {
		ids = append(ids, a.VolunteerID)
	}
	volunteers, err := s.store.Volunteers(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]domain.Volunteer, len(volunteers))
	for _, v := range volunteers {
		byID[v.ID] = v
	}
	views := make([]ApplicationView, len(list))
	for i, a := range list {
		views[i] = ApplicationView{Application: a, Volunteer: byID[a.VolunteerID], ProjectTitle: titles[a.ProjectID]}
	}
	return views, nil
}
