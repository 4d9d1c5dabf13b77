package httpapi

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/service"
)

// VolunteerSummary is what a board or a team shows of a volunteer.
type VolunteerSummary struct {
	ID        string           `json:"id"`
	FirstName string           `json:"firstName"`
	LastName  string           `json:"lastName"`
	City      string           `json:"city"`
	Email     string           `json:"email"`
	Skills    []VolunteerSkill `json:"skills" nullable:"false"`
	Status    string           `json:"status" enum:"active,archived"`
}

// Application is a volunteer's candidacy for a project.
type Application struct {
	ID           string           `json:"id"`
	ProjectID    string           `json:"projectId"`
	ProjectTitle string           `json:"projectTitle"`
	VolunteerID  string           `json:"volunteerId"`
	Volunteer    VolunteerSummary `json:"volunteer"`
	Status       string           `json:"status" enum:"applied,shortlisted,accepted,declined,withdrawn"`
	NextStatuses []string         `json:"nextStatuses" nullable:"false" doc:"The stages it may move to from here"`
	Origin       string           `json:"origin" enum:"applied,invited" doc:"Whether the volunteer applied or a coordinator invited them"`
	Message      string           `json:"message"`
	CreatedAt    string           `json:"createdAt"`
	UpdatedAt    string           `json:"updatedAt"`
}

// ApplicationInput starts an application or an invitation.
type ApplicationInput struct {
	VolunteerID string `json:"volunteerId" doc:"The volunteer applying or invited"`
	Origin      string `json:"origin,omitempty" required:"false" enum:"applied,invited," doc:"applied (default) or invited"`
	Status      string `json:"status,omitempty" required:"false" doc:"The first stage: applied (default), shortlisted or accepted"`
	Message     string `json:"message,omitempty" required:"false" doc:"Motivation or invitation text"`
}

// ApplicationPatch moves an application.
type ApplicationPatch struct {
	Status string `json:"status" doc:"applied, shortlisted, accepted, declined or withdrawn"`
}

type applicationOutput struct {
	Location string `header:"Location"`
	Body     Application
}

// ApplicationList lists applications.
type ApplicationList struct {
	Total int           `json:"total"`
	Items []Application `json:"items" nullable:"false"`
}

func (s *server) registerApplications(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "createApplication", Method: http.MethodPost, Path: "/api/projects/{id}/applications",
		Summary: "Apply to a project, or invite a volunteer", Tags: []string{"recruitment"},
		Description:   "A volunteer holds at most one open application (applied, shortlisted, accepted) per project; the project must be recruiting or in progress.",
		DefaultStatus: http.StatusCreated,
		Errors:        []int{http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		Body ApplicationInput
	}) (*applicationOutput, error) {
		projectID, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		volunteerID, err := parseOptionalRef("volunteerId", in.Body.VolunteerID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		a := domain.Application{VolunteerID: volunteerID, Origin: domain.ApplicationOrigin(in.Body.Origin),
			Status: domain.ApplicationStatus(in.Body.Status), Message: in.Body.Message}
		view, err := s.recruitment.Apply(ctx, actorFrom(ctx), projectID, a)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := s.applicationToAPI(ctx, view)
		return &applicationOutput{Location: "/api/applications/" + out.ID, Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "listProjectApplications", Method: http.MethodGet, Path: "/api/projects/{id}/applications",
		Summary: "The recruitment board of a project", Tags: []string{"recruitment"}, Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *idPath) (*struct{ Body ApplicationList }, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		list, err := s.recruitment.Board(ctx, actorFrom(ctx), id)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body ApplicationList }{Body: s.applicationListToAPI(ctx, list)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "listVolunteerApplications", Method: http.MethodGet, Path: "/api/volunteers/{id}/applications",
		Summary: "A volunteer's applications", Tags: []string{"recruitment"}, Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *idPath) (*struct{ Body ApplicationList }, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		list, err := s.recruitment.VolunteerApplications(ctx, actorFrom(ctx), id)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body ApplicationList }{Body: s.applicationListToAPI(ctx, list)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "updateApplication", Method: http.MethodPatch, Path: "/api/applications/{id}",
		Summary: "Move an application on the board", Tags: []string{"recruitment"},
		Description: "Moves that make no sense (anything after declined or withdrawn, taking someone on in a project no longer recruiting) are refused with 409 and a message saying why.",
		Errors:      []int{http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		Body ApplicationPatch
	}) (*applicationOutput, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		view, err := s.recruitment.Move(ctx, actorFrom(ctx), id, domain.ApplicationStatus(in.Body.Status))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &applicationOutput{Body: s.applicationToAPI(ctx, view)}, nil
	})
}

func (s *server) applicationListToAPI(ctx context.Context, list []service.ApplicationView) ApplicationList {
	out := ApplicationList{Total: len(list), Items: make([]Application, len(list))}
	for i, a := range list {
		out.Items[i] = s.applicationToAPI(ctx, a)
	}
	return out
}

func (s *server) applicationToAPI(ctx context.Context, a service.ApplicationView) Application {
	next := []string{}
	for _, st := range domain.ApplicationStatuses {
		if st != a.Status && a.Status.CanBecome(st) {
			next = append(next, string(st))
		}
	}
	return Application{
		ID: formatID(a.ID), ProjectID: formatID(a.ProjectID), ProjectTitle: a.ProjectTitle,
		VolunteerID: formatID(a.VolunteerID), Volunteer: s.volunteerSummary(ctx, a.Volunteer),
		Status: string(a.Status), NextStatuses: next, Origin: string(a.Origin), Message: a.Message,
		CreatedAt: formatTimestamp(a.CreatedAt), UpdatedAt: formatTimestamp(a.UpdatedAt),
	}
}

func (s *server) volunteerSummary(ctx context.Context, v domain.Volunteer) VolunteerSummary {
	return VolunteerSummary{ID: formatID(v.ID), FirstName: v.FirstName, LastName: v.LastName, City: v.City,
		Email: v.Email, Skills: s.skillsToAPI(ctx, v.Skills), Status: string(v.Status)}
}
