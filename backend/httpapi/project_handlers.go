package httpapi

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/service"
	"github.com/civisphere/civisphere/backend/store"
)

// ProjectSkill is a skill a project needs.
type ProjectSkill struct {
	ID     string `json:"id" example:"accounting"`
	Name   string `json:"name" doc:"In the reader's language" example:"Comptabilité"`
	Level  string `json:"level" enum:"beginner,intermediate,confirmed,expert" doc:"The lowest level that will do"`
	People int    `json:"people" doc:"How many people with this skill" minimum:"1"`
	Custom bool   `json:"custom"`
}

// ProjectSkillInput names a needed skill by ID or by any name or synonym.
type ProjectSkillInput struct {
	ID     string `json:"id,omitempty" required:"false"`
	Name   string `json:"name,omitempty" required:"false" example:"compta"`
	Level  string `json:"level,omitempty" required:"false" doc:"intermediate when left out"`
	People int    `json:"people,omitempty" required:"false" doc:"1 when left out"`
}

// TeamMember is a volunteer accepted in a project.
type TeamMember struct {
	VolunteerID   string `json:"volunteerId"`
	ApplicationID string `json:"applicationId"`
	FirstName     string `json:"firstName"`
	LastName      string `json:"lastName"`
	City          string `json:"city"`
	Email         string `json:"email"`
}

// Project is a pro bono project.
type Project struct {
	ID                   string         `json:"id"`
	Title                string         `json:"title" example:"Mettre en place une comptabilité simple"`
	OrganizationID       string         `json:"organizationId" doc:"The association helped"`
	OrganizationName     string         `json:"organizationName"`
	SponsorID            string         `json:"sponsorId" doc:"Empty when not sponsored"`
	SponsorName          string         `json:"sponsorName"`
	ProgramID            string         `json:"programId"`
	ProgramName          string         `json:"programName"`
	Description          string         `json:"description"`
	SkillsNeeded         []ProjectSkill `json:"skillsNeeded" nullable:"false"`
	Causes               []string       `json:"causes" nullable:"false"`
	StartDate            string         `json:"startDate"`
	EndDate              string         `json:"endDate"`
	Schedule             Availability   `json:"schedule" doc:"When the work happens and where (mode)"`
	City                 string         `json:"city" doc:"Where on-site work happens"`
	Place                string         `json:"place"`
	Status               string         `json:"status" enum:"draft,recruiting,inProgress,completed,evaluated,cancelled"`
	NextStatuses         []string       `json:"nextStatuses" nullable:"false" doc:"The statuses the project may move to from here"`
	CreatedByVolunteerID string         `json:"createdByVolunteerId" doc:"The volunteer who proposed it, or empty when the association did"`
	Beneficiaries        int            `json:"beneficiaries" doc:"How many people the project helped, as the association counts them"`
	TeamSize             int            `json:"teamSize"`
	Candidates           int            `json:"candidates" doc:"Applications still being considered (applied, shortlisted)"`
	Team                 []TeamMember   `json:"team" nullable:"false" doc:"The accepted volunteers (filled on GET /api/projects/{id}; empty in lists)"`
	CreatedAt            string         `json:"createdAt"`
	UpdatedAt            string         `json:"updatedAt"`
}

// MilestoneInput is a milestone as entered.
type MilestoneInput struct {
	Title   string `json:"title" required:"false"`
	DueDate string `json:"dueDate" required:"false" doc:"YYYY-MM-DD"`
	Done    bool   `json:"done" required:"false"`
}

// ProjectInput is the project form; fields left out count as empty.
type ProjectInput struct {
	Title                string              `json:"title" required:"false"`
	OrganizationID       string              `json:"organizationId" required:"false"`
	SponsorID            string              `json:"sponsorId" required:"false"`
	ProgramID            string              `json:"programId" required:"false" doc:"A program of the sponsor; gives the sponsor when sponsorId is empty"`
	Description          string              `json:"description" required:"false"`
	SkillsNeeded         []ProjectSkillInput `json:"skillsNeeded" required:"false"`
	Causes               []string            `json:"causes" required:"false"`
	StartDate            string              `json:"startDate" required:"false"`
	EndDate              string              `json:"endDate" required:"false"`
	Schedule             *Availability       `json:"schedule,omitempty" required:"false"`
	City                 string              `json:"city" required:"false"`
	Place                string              `json:"place" required:"false"`
	Status               string              `json:"status" required:"false" doc:"draft when creating without one; when saving, a change must follow the workflow"`
	CreatedByVolunteerID string              `json:"createdByVolunteerId" required:"false" doc:"When a volunteer proposes the project for the association"`
	Beneficiaries        int                 `json:"beneficiaries" required:"false" minimum:"0" maximum:"10000000" doc:"How many people the project helped"`
	Milestones           []MilestoneInput    `json:"milestones,omitempty" required:"false" doc:"First milestones, when creating only"`
}

type projectOutput struct {
	Location string `header:"Location"`
	Body     Project
}

type projectListInput struct {
	Q              string   `query:"q" doc:"Words of the title or description"`
	Status         []string `query:"status,explode" doc:"Only these statuses"`
	OrganizationID string   `query:"organizationId"`
	SponsorID      string   `query:"sponsorId"`
	ProgramID      string   `query:"programId"`
	Limit          int      `query:"limit" minimum:"0" maximum:"500" default:"50"`
	Offset         int      `query:"offset" minimum:"0" default:"0"`
}

// ProjectList is a page of projects.
type ProjectList struct {
	Total int       `json:"total"`
	Items []Project `json:"items" nullable:"false"`
}

func (s *server) registerProjects(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "createProject", Method: http.MethodPost, Path: "/api/projects",
		Summary: "Create a project", Tags: []string{"projects"},
		DefaultStatus: http.StatusCreated, Errors: []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ Body ProjectInput }) (*projectOutput, error) {
		p, err := projectFromAPI(in.Body)
		var view service.ProjectView
		if err == nil {
			milestones := make([]domain.Milestone, len(in.Body.Milestones))
			for i, m := range in.Body.Milestones {
				milestones[i] = domain.Milestone{Title: m.Title, DueDate: m.DueDate, Done: m.Done}
			}
			view, err = s.projects.Create(ctx, actorFrom(ctx), p, milestones)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out, err := s.projectToAPI(ctx, view, true)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &projectOutput{Location: "/api/projects/" + out.ID, Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "listProjects", Method: http.MethodGet, Path: "/api/projects",
		Summary: "List projects", Description: "Soonest start first; projects without dates last.", Tags: []string{"projects"},
		Errors: []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *projectListInput) (*struct{ Body ProjectList }, error) {
		f := store.ProjectFilter{Text: in.Q, Limit: in.Limit, Offset: in.Offset}
		problems := &domain.ValidationError{}
		for _, ref := range []struct {
			field string
			value string
			dst   *int64
		}{{"organizationId", in.OrganizationID, &f.OrganizationID}, {"sponsorId", in.SponsorID, &f.SponsorID}, {"programId", in.ProgramID, &f.ProgramID}} {
			id, err := parseOptionalRef(ref.field, ref.value)
			if err != nil {
				problems.Fields = append(problems.Fields, domain.FieldError{Field: ref.field, Code: domain.CodeUnknownReference})
			}
			*ref.dst = id
		}
		for _, st := range in.Status {
			f.Statuses = append(f.Statuses, domain.ProjectStatus(st))
		}
		if len(problems.Fields) > 0 {
			return nil, s.problemFor(ctx, problems)
		}
		list, total, err := s.projects.List(ctx, actorFrom(ctx), f)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := &struct{ Body ProjectList }{Body: ProjectList{Total: total, Items: make([]Project, len(list))}}
		for i, p := range list {
			if out.Body.Items[i], err = s.projectToAPI(ctx, p, false); err != nil {
				return nil, s.problemFor(ctx, err)
			}
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getProject", Method: http.MethodGet, Path: "/api/projects/{id}",
		Summary: "A project with its team", Tags: []string{"projects"}, Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *idPath) (*projectOutput, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		view, err := s.projects.Get(ctx, actorFrom(ctx), id)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out, err := s.projectToAPI(ctx, view, true)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &projectOutput{Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "updateProject", Method: http.MethodPut, Path: "/api/projects/{id}",
		Summary: "Save a project", Description: "Replaces the project. A status change must follow the workflow " +
			"(draft → recruiting → inProgress → completed → evaluated, or cancelled); others are refused with 409.",
		Tags: []string{"projects"}, Errors: []int{http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		Body ProjectInput
	}) (*projectOutput, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		p, err := projectFromAPI(in.Body)
		var view service.ProjectView
		if err == nil {
			view, err = s.projects.Update(ctx, actorFrom(ctx), id, p)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out, err := s.projectToAPI(ctx, view, true)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &projectOutput{Body: out}, nil
	})
}

func projectFromAPI(in ProjectInput) (domain.Project, error) {
	p := domain.Project{Title: in.Title, Description: in.Description, StartDate: in.StartDate, EndDate: in.EndDate,
		City: in.City, Place: in.Place, Status: domain.ProjectStatus(in.Status), Beneficiaries: in.Beneficiaries}
	problems := &domain.ValidationError{}
	for _, ref := range []struct {
		field string
		value string
		dst   *int64
	}{{"organizationId", in.OrganizationID, &p.OrganizationID}, {"sponsorId", in.SponsorID, &p.SponsorID},
		{"programId", in.ProgramID, &p.ProgramID}, {"createdByVolunteerId", in.CreatedByVolunteerID, &p.CreatedByVolunteerID}} {
		id, err := parseOptionalRef(ref.field, ref.value)
		if err != nil {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: ref.field, Code: domain.CodeUnknownReference})
		}
		*ref.dst = id
	}
	for _, sk := range in.SkillsNeeded {
		level, ok := domain.ParseSkillLevel(sk.Level)
		if !ok {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: "skillsNeeded", Code: domain.CodeInvalidChoice,
				Params: map[string]any{"choices": "beginner, intermediate, confirmed, expert"}})
			continue
		}
		if sk.ID == "" && sk.Name == "" {
			continue
		}
		p.Skills = append(p.Skills, domain.ProjectSkill{SkillID: sk.ID, Name: sk.Name, Level: level, People: sk.People})
	}
	for _, c := range in.Causes {
		p.Causes = append(p.Causes, domain.Cause(c))
	}
	if a := in.Schedule; a != nil {
		p.Schedule = domain.Availability{Days: append([]string(nil), a.Days...), Evenings: a.Evenings,
			Weekends: a.Weekends, HoursPerMonth: a.HoursPerMonth, Mode: domain.WorkMode(a.Mode)}
	}
	if len(problems.Fields) > 0 {
		return p, problems
	}
	return p, nil
}

func (s *server) projectSkillsToAPI(ctx context.Context, skills []domain.ProjectSkill) []ProjectSkill {
	l := string(localeFrom(ctx))
	out := make([]ProjectSkill, len(skills))
	for i, sk := range skills {
		out[i] = ProjectSkill{ID: sk.SkillID, Name: s.volunteers.SkillName(sk.SkillID, sk.Name, l),
			Level: string(sk.Level), People: sk.People, Custom: domain.IsCustomSkill(sk.SkillID)}
	}
	return out
}

// projectToAPI writes a project; withTeam reads its accepted volunteers too.
func (s *server) projectToAPI(ctx context.Context, v service.ProjectView, withTeam bool) (Project, error) {
	p := v.Project
	next := make([]string, 0, 3)
	for _, st := range p.Status.NextStatuses() {
		next = append(next, string(st))
	}
	out := Project{
		ID: formatID(p.ID), Title: p.Title, OrganizationID: formatID(p.OrganizationID), OrganizationName: v.OrganizationName,
		SponsorID: formatID(p.SponsorID), SponsorName: v.SponsorName, ProgramID: formatID(p.ProgramID), ProgramName: v.ProgramName,
		Description: p.Description, SkillsNeeded: s.projectSkillsToAPI(ctx, p.Skills), Causes: causesToAPI(p.Causes),
		StartDate: p.StartDate, EndDate: p.EndDate, Schedule: availabilityToAPI(p.Schedule), City: p.City, Place: p.Place,
		Status: string(p.Status), NextStatuses: next, CreatedByVolunteerID: formatID(p.CreatedByVolunteerID),
		Beneficiaries: p.Beneficiaries, TeamSize: v.Team, Candidates: v.Candidates, Team: []TeamMember{},
		CreatedAt: formatTimestamp(p.CreatedAt), UpdatedAt: formatTimestamp(p.UpdatedAt),
	}
	if withTeam {
		team, err := s.recruitment.Team(ctx, actorFrom(ctx), p.ID)
		if err != nil {
			return Project{}, err
		}
		for _, a := range team {
			out.Team = append(out.Team, TeamMember{VolunteerID: formatID(a.VolunteerID), ApplicationID: formatID(a.ID),
				FirstName: a.Volunteer.FirstName, LastName: a.Volunteer.LastName, City: a.Volunteer.City, Email: a.Volunteer.Email})
		}
	}
	return out, nil
}
