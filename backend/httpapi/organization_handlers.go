package httpapi

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/service"
	"github.com/civisphere/civisphere/backend/store"
)

// Organization is an association helped by volunteers or a sponsor.
type Organization struct {
	ID           string `json:"id" example:"3"`
	Kind         string `json:"kind" enum:"association,sponsor"`
	Category     string `json:"category" doc:"association, school, socialEnterprise, publicBody (associations); company, foundation, federation, publicBody (sponsors); or empty"`
	Name         string `json:"name" example:"Les Restos du Cœur de Besançon"`
	Description  string `json:"description"`
	City         string `json:"city"`
	Postcode     string `json:"postcode"`
	Website      string `json:"website"`
	ContactName  string `json:"contactName"`
	ContactEmail string `json:"contactEmail"`
	ContactPhone string `json:"contactPhone"`
	LogoURL      string `json:"logoUrl" doc:"URL of the logo image, changing whenever the logo does; empty when there is none"`
	CreatedAt    string `json:"createdAt"`
	UpdatedAt    string `json:"updatedAt"`
}

// OrganizationInput is the organization form; fields left out count as empty.
type OrganizationInput struct {
	Kind         string `json:"kind" required:"false" doc:"association or sponsor; required when creating, ignored when saving (the kind never changes)"`
	Category     string `json:"category" required:"false"`
	Name         string `json:"name" required:"false"`
	Description  string `json:"description" required:"false"`
	City         string `json:"city" required:"false"`
	Postcode     string `json:"postcode" required:"false"`
	Website      string `json:"website" required:"false"`
	ContactName  string `json:"contactName" required:"false"`
	ContactEmail string `json:"contactEmail" required:"false"`
	ContactPhone string `json:"contactPhone" required:"false"`
	Logo         []byte `json:"logo,omitempty" required:"false" doc:"A new logo: a PNG or JPEG of at most 2 MB, base64-encoded. Leave out to keep the current one."`
	RemoveLogo   bool   `json:"removeLogo,omitempty" required:"false"`
}

type organizationOutput struct {
	Location string `header:"Location"`
	Body     Organization
}

type organizationListInput struct {
	Kind   string `query:"kind" enum:"association,sponsor," doc:"Only this kind"`
	Q      string `query:"q" doc:"Words of the name or city; case and accents are ignored"`
	Limit  int    `query:"limit" minimum:"0" maximum:"500" default:"100"`
	Offset int    `query:"offset" minimum:"0" default:"0"`
}

// OrganizationList is a page of organizations.
type OrganizationList struct {
	Total int            `json:"total"`
	Items []Organization `json:"items" nullable:"false"`
}

// Program is a sponsor's scheme grouping the projects it sponsors.
type Program struct {
	ID          string `json:"id"`
	SponsorID   string `json:"sponsorId"`
	SponsorName string `json:"sponsorName"`
	Name        string `json:"name" example:"Mécénat de compétences 2027"`
	Description string `json:"description"`
	StartDate   string `json:"startDate" doc:"YYYY-MM-DD or empty"`
	EndDate     string `json:"endDate" doc:"YYYY-MM-DD or empty"`
	CreatedAt   string `json:"createdAt"`
	UpdatedAt   string `json:"updatedAt"`
}

// ProgramInput is the program form.
type ProgramInput struct {
	SponsorID   string `json:"sponsorId" required:"false" doc:"The sponsor running it; required when creating, ignored when saving"`
	Name        string `json:"name" required:"false"`
	Description string `json:"description" required:"false"`
	StartDate   string `json:"startDate" required:"false"`
	EndDate     string `json:"endDate" required:"false"`
}

type programOutput struct {
	Location string `header:"Location"`
	Body     Program
}

// ProgramList is the list of programs.
type ProgramList struct {
	Total int       `json:"total"`
	Items []Program `json:"items" nullable:"false"`
}

type idPath struct {
	ID string `path:"id"`
}

func (s *server) registerOrganizations(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "createOrganization", Method: http.MethodPost, Path: "/api/organizations",
		Summary: "Add an association or a sponsor", Tags: []string{"organizations"},
		DefaultStatus: http.StatusCreated, Errors: []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ Body OrganizationInput }) (*organizationOutput, error) {
		o, err := s.organizations.Create(ctx, actorFrom(ctx), organizationFromAPI(in.Body))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := organizationToAPI(o)
		return &organizationOutput{Location: "/api/organizations/" + out.ID, Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "listOrganizations", Method: http.MethodGet, Path: "/api/organizations",
		Summary: "List associations and sponsors by name", Tags: []string{"organizations"},
	}, func(ctx context.Context, in *organizationListInput) (*struct{ Body OrganizationList }, error) {
		list, total, err := s.organizations.List(ctx, actorFrom(ctx), store.OrganizationFilter{
			Kind: domain.OrganizationKind(in.Kind), Text: in.Q, Limit: in.Limit, Offset: in.Offset})
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := &struct{ Body OrganizationList }{Body: OrganizationList{Total: total, Items: make([]Organization, len(list))}}
		for i, o := range list {
			out.Body.Items[i] = organizationToAPI(o)
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getOrganization", Method: http.MethodGet, Path: "/api/organizations/{id}",
		Summary: "An organization", Tags: []string{"organizations"}, Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *idPath) (*organizationOutput, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		o, err := s.organizations.Get(ctx, actorFrom(ctx), id)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &organizationOutput{Body: organizationToAPI(o)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "updateOrganization", Method: http.MethodPut, Path: "/api/organizations/{id}",
		Summary: "Save an organization", Tags: []string{"organizations"},
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		Body OrganizationInput
	}) (*organizationOutput, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		o, err := s.organizations.Update(ctx, actorFrom(ctx), id, organizationFromAPI(in.Body))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &organizationOutput{Body: organizationToAPI(o)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getOrganizationLogoByID", Method: http.MethodGet, Path: "/api/organizations/{id}/logo",
		Summary: "An organization's logo image", Tags: []string{"organizations"}, Errors: []int{http.StatusNotFound},
		Responses: map[string]*huma.Response{"200": {Description: "The logo", Content: map[string]*huma.MediaType{
			"image/png": {Schema: &huma.Schema{Type: "string", Format: "binary"}}, "image/jpeg": {Schema: &huma.Schema{Type: "string", Format: "binary"}}}}},
	}, func(ctx context.Context, in *struct {
		ID      string `path:"id"`
		Version string `query:"v"`
	}) (*logoOutput, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		logo, err := s.organizations.Logo(ctx, actorFrom(ctx), id)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		cache := "no-cache"
		if in.Version != "" && in.Version == logoVersion(logo.LogoInfo) {
			cache = "private, max-age=31536000, immutable"
		}
		return &logoOutput{ContentType: logo.MediaType, CacheControl: cache, Body: logo.Data}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "createProgram", Method: http.MethodPost, Path: "/api/programs",
		Summary: "Add a sponsor's program", Tags: []string{"organizations"},
		DefaultStatus: http.StatusCreated, Errors: []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ Body ProgramInput }) (*programOutput, error) {
		p, err := programFromAPI(in.Body)
		if err == nil {
			p, err = s.organizations.CreateProgram(ctx, actorFrom(ctx), p)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out, err := s.programToAPI(ctx, p)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &programOutput{Location: "/api/programs/" + out.ID, Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "listPrograms", Method: http.MethodGet, Path: "/api/programs",
		Summary: "List sponsors' programs", Tags: []string{"organizations"},
	}, func(ctx context.Context, in *struct {
		SponsorID string `query:"sponsorId" doc:"Only this sponsor's programs"`
	}) (*struct{ Body ProgramList }, error) {
		sponsorID, err := parseOptionalRef("sponsorId", in.SponsorID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		list, err := s.organizations.Programs(ctx, actorFrom(ctx), sponsorID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := &struct{ Body ProgramList }{Body: ProgramList{Total: len(list), Items: make([]Program, len(list))}}
		for i, p := range list {
			if out.Body.Items[i], err = s.programToAPI(ctx, p); err != nil {
				return nil, s.problemFor(ctx, err)
			}
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "updateProgram", Method: http.MethodPut, Path: "/api/programs/{id}",
		Summary: "Save a program", Tags: []string{"organizations"},
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		Body ProgramInput
	}) (*programOutput, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		p, err := programFromAPI(in.Body)
		if err == nil {
			p, err = s.organizations.UpdateProgram(ctx, actorFrom(ctx), id, p)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out, err := s.programToAPI(ctx, p)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &programOutput{Body: out}, nil
	})
}

// parseOptionalRef reads an optional ID given in a body or a query: empty is none (0), and
// text that cannot be an ID is a problem with that field.
func parseOptionalRef(field, s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, &domain.ValidationError{Fields: []domain.FieldError{{Field: field, Code: domain.CodeUnknownReference}}}
	}
	return id, nil
}

// formatID writes an ID as the API does: a string, empty for none.
func formatID(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

// collectProblems adds the field problems of err (a *domain.ValidationError) to all.
func collectProblems(all *domain.ValidationError, err error) {
	var v *domain.ValidationError
	if errors.As(err, &v) {
		all.Fields = append(all.Fields, v.Fields...)
	}
}

func formatTimestamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func organizationFromAPI(in OrganizationInput) service.OrganizationWrite {
	return service.OrganizationWrite{
		Organization: domain.Organization{
			Kind: domain.OrganizationKind(in.Kind), Category: in.Category, Name: in.Name, Description: in.Description,
			City: in.City, Postcode: in.Postcode, Website: in.Website, ContactName: in.ContactName,
			ContactEmail: in.ContactEmail, ContactPhone: in.ContactPhone,
		},
		Logo: in.Logo, RemoveLogo: in.RemoveLogo,
	}
}

func organizationToAPI(o domain.Organization) Organization {
	out := Organization{
		ID: formatID(o.ID), Kind: string(o.Kind), Category: o.Category, Name: o.Name, Description: o.Description,
		City: o.City, Postcode: o.Postcode, Website: o.Website, ContactName: o.ContactName,
		ContactEmail: o.ContactEmail, ContactPhone: o.ContactPhone,
		CreatedAt: formatTimestamp(o.CreatedAt), UpdatedAt: formatTimestamp(o.UpdatedAt),
	}
	if o.Logo != nil {
		out.LogoURL = "/api/organizations/" + out.ID + "/logo?v=" + logoVersion(*o.Logo)
	}
	return out
}

func programFromAPI(in ProgramInput) (domain.Program, error) {
	sponsorID, err := parseOptionalRef("sponsorId", in.SponsorID)
	return domain.Program{SponsorID: sponsorID, Name: in.Name, Description: in.Description,
		StartDate: in.StartDate, EndDate: in.EndDate}, err
}

func (s *server) programToAPI(ctx context.Context, p domain.Program) (Program, error) {
	sponsor, err := s.organizations.Get(ctx, actorFrom(ctx), p.SponsorID)
	if err != nil {
		return Program{}, err
	}
	return Program{ID: formatID(p.ID), SponsorID: formatID(p.SponsorID), SponsorName: sponsor.Name, Name: p.Name,
		Description: p.Description, StartDate: p.StartDate, EndDate: p.EndDate,
		CreatedAt: formatTimestamp(p.CreatedAt), UpdatedAt: formatTimestamp(p.UpdatedAt)}, nil
}
