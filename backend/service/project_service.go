package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// Projects manages pro bono projects: what they need, their status, their agenda.
type Projects struct {
	store      *store.Store
	volunteers *Volunteers // resolves skill names the way volunteer profiles do
	now        func() time.Time
}

// NewProjects returns the project use cases.
func NewProjects(st *store.Store, volunteers *Volunteers, now func() time.Time) *Projects {
	return &Projects{store: st, volunteers: volunteers, now: now}
}

// ProjectView is a project with what a list or a page shows beside it.
type ProjectView struct {
	domain.Project
	OrganizationName string
	SponsorName      string
	ProgramName      string
	Team             int // accepted volunteers
	Candidates       int // applications still being considered
}

// Create validates and saves a new project with its first milestones (empty for a project made
// by hand; a diagnostic's template comes with some).
func (s *Projects) Create(ctx context.Context, actor domain.Actor, p domain.Project, milestones []domain.Milestone) (ProjectView, error) {
	if !actor.CanManageProjects() {
		return ProjectView{}, fmt.Errorf("create project: %w", domain.ErrForbidden)
	}
	p.ID = 0
	if err := s.check(ctx, &p); err != nil {
		return ProjectView{}, err
	}
	if p.City == "" {
		// On-site work happens at the association unless the project says otherwise; matching
		// then favours volunteers nearby.
		association, err := s.store.Organization(ctx, p.OrganizationID)
		if err != nil {
			return ProjectView{}, fmt.Errorf("create project: %w", err)
		}
		p.City = association.City
	}
	now := s.now().UTC()
	p.CreatedAt, p.UpdatedAt = now, now
	problems := &domain.ValidationError{}
	for i := range milestones {
		milestones[i].Normalize()
		milestones[i].CreatedAt, milestones[i].UpdatedAt = now, now
		collect(problems, milestones[i].Validate())
	}
	if len(problems.Fields) > 0 {
		return ProjectView{}, problems
	}
	if err := s.store.CreateProject(ctx, &p, milestones); err != nil {
		return ProjectView{}, fmt.Errorf("create project: %w", err)
	}
	return s.Get(ctx, actor, p.ID)
}

// Update replaces a project. A status change must make sense (draft → recruiting → in
// progress → completed → evaluated, or cancelled); others give a *domain.RuleError.
func (s *Projects) Update(ctx context.Context, actor domain.Actor, id int64, p domain.Project) (ProjectView, error) {
	if !actor.CanManageProjects() {
		return ProjectView{}, fmt.Errorf("update project: %w", domain.ErrForbidden)
	}
	current, err := s.store.Project(ctx, id)
	if err != nil {
		return ProjectView{}, err
	}
	if p.Status == "" {
		p.Status = current.Status
	}
	p.ID, p.CreatedByVolunteerID = id, current.CreatedByVolunteerID
	if err := s.check(ctx, &p); err != nil {
		return ProjectView{}, err
	}
	if !current.Status.CanBecome(p.Status) {
		return ProjectView{}, &domain.RuleError{Code: domain.RuleProjectTransition,
			Params: map[string]any{"from": current.Status, "to": p.Status, "allowed": current.Status.NextStatuses()}}
	}
	p.CreatedAt, p.UpdatedAt = current.CreatedAt, s.now().UTC()
	if err := s.store.UpdateProject(ctx, p); err != nil {
		return ProjectView{}, fmt.Errorf("update project: %w", err)
	}
	return s.Get(ctx, actor, id)
}

// check resolves skill names, normalizes and validates p, including that its organization,
// sponsor, program and proposing volunteer exist and fit together.
func (s *Projects) check(ctx context.Context, p *domain.Project) error {
	for i, need := range p.Skills {
		resolved := s.volunteers.ResolveSkill(domain.VolunteerSkill{SkillID: need.SkillID, Name: need.Name, Level: need.Level})
		p.Skills[i].SkillID, p.Skills[i].Name = resolved.SkillID, resolved.Name
	}
	p.Normalize()
	problems := &domain.ValidationError{}
	collect(problems, p.Validate())
	if p.OrganizationID != 0 {
		if err := gather(problems, checkOrganizationKind(ctx, s.store, "organizationId", p.OrganizationID, domain.KindAssociation)); err != nil {
			return err
		}
	}
	if p.ProgramID != 0 {
		program, err := s.store.Program(ctx, p.ProgramID)
		switch {
		case errors.Is(err, domain.ErrNotFound):
			problems.Fields = append(problems.Fields, domain.FieldError{Field: "programId", Code: domain.CodeUnknownReference})
		case err != nil:
			return err
		case p.SponsorID == 0:
			p.SponsorID = program.SponsorID // a program always names its sponsor
		case p.SponsorID != program.SponsorID:
			problems.Fields = append(problems.Fields, domain.FieldError{Field: "programId", Code: domain.CodeProgramOfOtherSponsor})
		}
	}
	if p.SponsorID != 0 {
		if err := gather(problems, checkOrganizationKind(ctx, s.store, "sponsorId", p.SponsorID, domain.KindSponsor)); err != nil {
			return err
		}
	}
	if p.CreatedByVolunteerID != 0 {
		if _, err := s.store.Volunteer(ctx, p.CreatedByVolunteerID); errors.Is(err, domain.ErrNotFound) {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: "createdByVolunteerId", Code: domain.CodeUnknownReference})
		} else if err != nil {
			return err
		}
	}
	if len(problems.Fields) > 0 {
		return problems
	}
	return nil
}

// Get returns one project with its names and counts.
func (s *Projects) Get(ctx context.Context, actor domain.Actor, id int64) (ProjectView, error) {
	if !actor.CanReadProjects() {
		return ProjectView{}, fmt.Errorf("read project: %w", domain.ErrForbidden)
	}
	p, err := s.store.Project(ctx, id)
	if err != nil {
		return ProjectView{}, err
	}
	views, err := s.views(ctx, []domain.Project{p})
	if err != nil {
		return ProjectView{}, err
	}
	return views[0], nil
}

// List returns projects matching f with their names and counts, and the total before paging.
func (s *Projects) List(ctx context.Context, actor domain.Actor, f store.ProjectFilter) ([]ProjectView, int, error) {
	if !actor.CanReadProjects() {
		return nil, 0, fmt.Errorf("list projects: %w", domain.ErrForbidden)
	}
	list, total, err := s.store.Projects(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	views, err := s.views(ctx, list)
	return views, total, err
}

func (s *Projects) views(ctx context.Context, list []domain.Project) ([]ProjectView, error) {
	orgIDs := make([]int64, 0, 2*len(list))
	projectIDs := make([]int64, len(list))
	programs := map[int64]string{}
	for i, p := range list {
		projectIDs[i] = p.ID
		orgIDs = append(orgIDs, p.OrganizationID)
		if p.SponsorID != 0 {
			orgIDs = append(orgIDs, p.SponsorID)
		}
		if p.ProgramID != 0 {
			programs[p.ProgramID] = ""
		}
	}
	names, err := s.store.OrganizationNames(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	for id := range programs {
		program, err := s.store.Program(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("read program of project: %w", err)
		}
		programs[id] = program.Name
	}
	counts, err := s.store.ProjectCountsByID(ctx, projectIDs)
	if err != nil {
		return nil, err
	}
	views := make([]ProjectView, len(list))
	for i, p := range list {
		c := counts[p.ID]
		views[i] = ProjectView{Project: p, OrganizationName: names[p.OrganizationID], SponsorName: names[p.SponsorID],
			ProgramName: programs[p.ProgramID], Team: c.Team, Candidates: c.Candidates}
	}
	return views, nil
}
