package httpapi

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/search"
	"github.com/civisphere/civisphere/backend/service"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// VolunteerSkill is a skill a volunteer offers.
type VolunteerSkill struct {
	ID     string `json:"id" doc:"Taxonomy skill ID (e.g. accounting) or custom:<slug> for a skill the taxonomy does not know" example:"accounting"`
	Name   string `json:"name" doc:"The skill's name in the reader's language" example:"Comptabilité"`
	Level  string `json:"level" enum:"beginner,intermediate,confirmed,expert"`
	Custom bool   `json:"custom" doc:"True for a skill typed by someone and not in the taxonomy"`
}

// VolunteerSkillInput names a skill by ID or by any of its names or synonyms, in French or English.
type VolunteerSkillInput struct {
	ID    string `json:"id,omitempty" required:"false" doc:"A skill ID; when given, name is ignored for built-in skills"`
	Name  string `json:"name,omitempty" required:"false" doc:"Any name or synonym (\"compta\", \"Accounting\"); unknown text becomes a custom skill" example:"Comptabilité"`
	Level string `json:"level,omitempty" required:"false" doc:"beginner, intermediate, confirmed or expert (French words are accepted: débutant, intermédiaire, confirmé, expert); intermediate when left out" example:"confirmed"`
}

// Availability is when and how a volunteer can help.
type Availability struct {
	Days          []string `json:"days" required:"false" doc:"Weekdays: monday … sunday"`
	Evenings      bool     `json:"evenings" required:"false"`
	Weekends      bool     `json:"weekends" required:"false"`
	HoursPerMonth int      `json:"hoursPerMonth" required:"false" doc:"0 when unknown" minimum:"0" maximum:"200"`
	Mode          string   `json:"mode" required:"false" enum:"onsite,remote,either," doc:"On site, remote, either; empty when unknown"`
}

// Volunteer is a volunteer's profile.
type Volunteer struct {
	ID           string           `json:"id" example:"42"`
	FirstName    string           `json:"firstName" example:"Élodie"`
	LastName     string           `json:"lastName" example:"Martin"`
	Email        string           `json:"email" example:"elodie.martin@example.fr"`
	Phone        string           `json:"phone" example:"06 12 34 56 78"`
	City         string           `json:"city" example:"Besançon"`
	Postcode     string           `json:"postcode" example:"25000"`
	Skills       []VolunteerSkill `json:"skills"`
	Causes       []string         `json:"causes" doc:"Cause IDs; labels from GET /api/vocabulary"`
	Languages    []string         `json:"languages" doc:"ISO 639 codes"`
	Availability Availability     `json:"availability"`
	Bio          string           `json:"bio"`
	Notes        string           `json:"notes" doc:"Internal notes, for coordinators"`
	JoinedOn     string           `json:"joinedOn" doc:"YYYY-MM-DD, or empty"`
	SponsorID    string           `json:"sponsorId" doc:"The sponsor this volunteer takes part for (an employee in its program), or empty"`
	Status       string           `json:"status" enum:"active,archived"`
	CreatedAt    string           `json:"createdAt"`
	UpdatedAt    string           `json:"updatedAt"`
	Consents     []Consent        `json:"consents" doc:"One entry per kind of consent, always all of them, in the order forms show them; change them with PUT …/consents/{kind}"`
}

// VolunteerInput is the whole profile form; fields left out count as empty.
type VolunteerInput struct {
	FirstName    string                `json:"firstName" required:"false"`
	LastName     string                `json:"lastName" required:"false" doc:"A first or a last name is required"`
	Email        string                `json:"email" required:"false"`
	Phone        string                `json:"phone" required:"false"`
	City         string                `json:"city" required:"false"`
	Postcode     string                `json:"postcode" required:"false"`
	Skills       []VolunteerSkillInput `json:"skills" required:"false"`
	Causes       []string              `json:"causes" required:"false"`
	Languages    []string              `json:"languages" required:"false"`
	Availability *Availability         `json:"availability,omitempty" required:"false"`
	Bio          string                `json:"bio" required:"false"`
	Notes        string                `json:"notes" required:"false"`
	JoinedOn     string                `json:"joinedOn" required:"false"`
	SponsorID    string                `json:"sponsorId" required:"false" doc:"A sponsor's ID, for an employee taking part in its program"`
}

// VolunteerCreateInput is the profile form of a new volunteer, with the consents the person
// gives on it.
type VolunteerCreateInput struct {
	VolunteerInput
	Consents []ConsentInput `json:"consents" required:"false" doc:"The consents given on the form, recorded with the profile and dated now; unticked boxes record nothing. Afterwards consents change through PUT …/consents/{kind}."`
}

type volunteerOutput struct {
	Body Volunteer
}

type createdVolunteerOutput struct {
	Location string `header:"Location"`
	Body     Volunteer
}

type volunteerIDInput struct {
	ID string `path:"id" doc:"Volunteer ID"`
}

type volunteerWriteInput struct {
	ID   string `path:"id"`
	Body VolunteerInput
}

// VolunteerFilters are the query parameters of a search, shared by the list and the exports.
// (Huma reads parameters from embedded structs only when they are exported.)
type VolunteerFilters struct {
	Q            string   `query:"q" doc:"Free text: names, skills (any name or synonym, French or English), city, bio; typos tolerated; the last word is matched as a prefix while typing"`
	Skill        []string `query:"skill,explode" doc:"Skill ID or name; the volunteer must offer every one given (exact, no typo tolerance)"`
	Level        string   `query:"level" doc:"Minimum level in the filtered skills (or in any skill without skill filter)"`
	City         string   `query:"city" doc:"Exact city; case and accents are ignored"`
	Cause        []string `query:"cause,explode" doc:"Cause IDs the volunteer must all support"`
	Language     []string `query:"language,explode" doc:"Language codes the volunteer must all speak"`
	Availability []string `query:"availability,explode" doc:"monday … sunday, evenings, weekends, onsite, remote: all must hold"`
	Status       string   `query:"status" enum:"active,archived,all," doc:"active (default), archived or all"`
}

func (p VolunteerFilters) toService(ctx context.Context) service.SearchParams {
	return service.SearchParams{
		Text: p.Q, Skills: p.Skill, MinLevel: p.Level, City: p.City, Causes: p.Cause,
		Languages: p.Language, Availability: p.Availability, Status: p.Status, Locale: string(localeFrom(ctx)),
	}
}

type volunteerSearchInput struct {
	VolunteerFilters
	Limit  int  `query:"limit" minimum:"0" maximum:"200" default:"20"`
	Offset int  `query:"offset" minimum:"0" default:"0"`
	Facets bool `query:"facets" default:"true" doc:"Count the values of every facet over all matches"`
}

// VolunteerHit is one volunteer found by a search.
type VolunteerHit struct {
	ID           string           `json:"id"`
	FirstName    string           `json:"firstName"`
	LastName     string           `json:"lastName"`
	City         string           `json:"city"`
	Postcode     string           `json:"postcode"`
	Email        string           `json:"email"`
	Skills       []VolunteerSkill `json:"skills"`
	Causes       []string         `json:"causes"`
	Languages    []string         `json:"languages"`
	Availability Availability     `json:"availability"`
	Status       string           `json:"status"`
	Score        float64          `json:"score" doc:"Relevance; higher is better"`
	Highlights   []Highlight      `json:"highlights" doc:"The fields that matched, cut into marked and unmarked segments (never HTML)"`
}

// Highlight is a field of a result with what matched marked.
type Highlight struct {
	Field    string    `json:"field" enum:"name,city,skill,bio,notes"`
	SkillID  string    `json:"skillId,omitempty" doc:"For field skill: which skill"`
	Segments []Segment `json:"segments"`
}

// Segment is a piece of text, marked when it matched.
type Segment struct {
	Text  string `json:"text"`
	Match bool   `json:"match,omitempty"`
}

// FacetCount is one value of a facet with the number of matching volunteers that have it.
type FacetCount struct {
	Value string `json:"value"`
	Label string `json:"label" doc:"The value in the reader's language"`
	Count int    `json:"count"`
}

// IndexState tells whether search results are complete.
type IndexState struct {
	State string `json:"state" enum:"ready,rebuilding,failed"`
	Done  int    `json:"done" doc:"Volunteers indexed so far while rebuilding"`
	Total int    `json:"total"`
}

// VolunteerSearchResult is one page of a volunteer search.
type VolunteerSearchResult struct {
	Total    int                     `json:"total"`
	Items    []VolunteerHit          `json:"items"`
	Facets   map[string][]FacetCount `json:"facets" doc:"skills, causes, city, availability, languages, level"`
	TookMs   float64                 `json:"tookMs"`
	Index    IndexState              `json:"index"`
	Complete bool                    `json:"complete" doc:"True: while the search index is rebuilt, results come from the database (see source) rather than from an incomplete index"`
	Source   string                  `json:"source" enum:"index,database" doc:"index: relevance order with typo tolerance; database: the index is not ready (see index), every match in name order, without typo tolerance"`
}

type volunteerSearchOutput struct {
	Body VolunteerSearchResult
}

func (s *server) registerVolunteers(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID:   "createVolunteer",
		Method:        http.MethodPost,
		Path:          "/api/volunteers",
		Summary:       "Add a volunteer",
		Tags:          []string{"volunteers"},
		DefaultStatus: http.StatusCreated,
		Errors:        []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ Body VolunteerCreateInput }) (*createdVolunteerOutput, error) {
		v, err := volunteerFromAPI(in.Body.VolunteerInput)
		v.Consents = consentsFromAPI(in.Body.Consents)
		if err == nil {
			v, err = s.volunteers.Create(ctx, actorFrom(ctx), v)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := s.volunteerToAPI(ctx, v)
		return &createdVolunteerOutput{Location: "/api/volunteers/" + out.ID, Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "searchVolunteers",
		Method:      http.MethodGet,
		Path:        "/api/volunteers",
		Summary:     "Search volunteers",
		Description: "Free text with typo tolerance, type-ahead and synonyms from the skills taxonomy, exact filters, facets, relevance then name order.",
		Tags:        []string{"volunteers"},
		Errors:      []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *volunteerSearchInput) (*volunteerSearchOutput, error) {
		p := in.toService(ctx)
		p.Limit, p.Offset, p.Facets = in.Limit, in.Offset, in.Facets
		res, err := s.volunteers.Search(ctx, actorFrom(ctx), p)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &volunteerSearchOutput{Body: s.searchResultToAPI(ctx, res)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getVolunteer",
		Method:      http.MethodGet,
		Path:        "/api/volunteers/{id}",
		Summary:     "A volunteer's profile",
		Tags:        []string{"volunteers"},
		Errors:      []int{http.StatusNotFound},
	}, s.onVolunteer(s.volunteers.Get))

	huma.Register(api, huma.Operation{
		OperationID: "updateVolunteer",
		Method:      http.MethodPut,
		Path:        "/api/volunteers/{id}",
		Summary:     "Save a volunteer's profile",
		Description: "Replaces the whole profile; the status is kept (see DELETE and restore).",
		Tags:        []string{"volunteers"},
		Errors:      []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *volunteerWriteInput) (*volunteerOutput, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		v, err := volunteerFromAPI(in.Body)
		if err == nil {
			v, err = s.volunteers.Update(ctx, actorFrom(ctx), id, v)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &volunteerOutput{Body: s.volunteerToAPI(ctx, v)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "archiveVolunteer",
		Method:      http.MethodDelete,
		Path:        "/api/volunteers/{id}",
		Summary:     "Archive a volunteer",
		Description: "Takes the volunteer out of the active file. Nothing is deleted; POST …/restore brings them back.",
		Tags:        []string{"volunteers"},
		Errors:      []int{http.StatusNotFound},
	}, s.onVolunteer(s.volunteers.Archive))

	huma.Register(api, huma.Operation{
		OperationID: "restoreVolunteer",
		Method:      http.MethodPost,
		Path:        "/api/volunteers/{id}/restore",
		Summary:     "Bring an archived volunteer back",
		Tags:        []string{"volunteers"},
		Errors:      []int{http.StatusNotFound},
	}, s.onVolunteer(s.volunteers.Restore))
}

// onVolunteer makes the handler of an operation on one volunteer named by the path.
func (s *server) onVolunteer(op func(context.Context, domain.Actor, int64) (domain.Volunteer, error)) func(context.Context, *volunteerIDInput) (*volunteerOutput, error) {
	return func(ctx context.Context, in *volunteerIDInput) (*volunteerOutput, error) {
		id, err := parseID(in.ID)
		if err == nil {
			var v domain.Volunteer
			if v, err = op(ctx, actorFrom(ctx), id); err == nil {
				return &volunteerOutput{Body: s.volunteerToAPI(ctx, v)}, nil
			}
		}
		return nil, s.problemFor(ctx, err)
	}
}

// parseID reads a volunteer ID from a path; an ID that cannot exist is simply not found.
func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, domain.ErrNotFound
	}
	return id, nil
}

func volunteerFromAPI(in VolunteerInput) (domain.Volunteer, error) {
	v := domain.Volunteer{
		FirstName: in.FirstName, LastName: in.LastName, Email: in.Email, Phone: in.Phone, City: in.City,
		Postcode: in.Postcode, Languages: append([]string(nil), in.Languages...), Bio: in.Bio, Notes: in.Notes,
		JoinedOn: in.JoinedOn,
	}
	problems := &domain.ValidationError{}
	sponsorID, err := parseOptionalRef("sponsorId", in.SponsorID)
	collectProblems(problems, err)
	v.SponsorID = sponsorID
	for _, sk := range in.Skills {
		level, ok := domain.ParseSkillLevel(sk.Level)
		if !ok {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: "skills", Code: domain.CodeInvalidChoice,
				Params: map[string]any{"choices": "beginner, intermediate, confirmed, expert"}})
			continue
		}
		if sk.ID == "" && sk.Name == "" {
			continue
		}
		v.Skills = append(v.Skills, domain.VolunteerSkill{SkillID: sk.ID, Name: sk.Name, Level: level})
	}
	for _, c := range in.Causes {
		v.Causes = append(v.Causes, domain.Cause(c))
	}
	if a := in.Availability; a != nil {
		v.Availability = domain.Availability{Days: append([]string(nil), a.Days...), Evenings: a.Evenings,
			Weekends: a.Weekends, HoursPerMonth: a.HoursPerMonth, Mode: domain.WorkMode(a.Mode)}
	}
	if len(problems.Fields) > 0 {
		return v, problems
	}
	return v, nil
}

func (s *server) skillsToAPI(ctx context.Context, skills []domain.VolunteerSkill) []VolunteerSkill {
	l := string(localeFrom(ctx))
	out := make([]VolunteerSkill, len(skills))
	for i, sk := range skills {
		out[i] = VolunteerSkill{ID: sk.SkillID, Name: s.volunteers.SkillName(sk.SkillID, sk.Name, l),
			Level: string(sk.Level), Custom: domain.IsCustomSkill(sk.SkillID)}
	}
	return out
}

func availabilityToAPI(a domain.Availability) Availability {
	days := a.Days
	if days == nil {
		days = []string{}
	}
	return Availability{Days: days, Evenings: a.Evenings, Weekends: a.Weekends, HoursPerMonth: a.HoursPerMonth, Mode: string(a.Mode)}
}

func causesToAPI(causes []domain.Cause) []string {
	out := make([]string, len(causes))
	for i, c := range causes {
		out[i] = string(c)
	}
	return out
}

func nonNilStrings(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

func (s *server) volunteerToAPI(ctx context.Context, v domain.Volunteer) Volunteer {
	return Volunteer{
		ID: strconv.FormatInt(v.ID, 10), FirstName: v.FirstName, LastName: v.LastName, Email: v.Email,
		Phone: v.Phone, City: v.City, Postcode: v.Postcode, Skills: s.skillsToAPI(ctx, v.Skills),
		Causes: causesToAPI(v.Causes), Languages: nonNilStrings(v.Languages),
		Availability: availabilityToAPI(v.Availability), Bio: v.Bio, Notes: v.Notes, JoinedOn: v.JoinedOn,
		SponsorID: formatID(v.SponsorID), Status: string(v.Status), CreatedAt: v.CreatedAt.UTC().Format(time.RFC3339),
		UpdatedAt: v.UpdatedAt.UTC().Format(time.RFC3339), Consents: consentsToAPI(v.Consents),
	}
}

func (s *server) searchResultToAPI(ctx context.Context, res service.SearchResult) VolunteerSearchResult {
	out := VolunteerSearchResult{
		Total: res.Total, Items: make([]VolunteerHit, 0, len(res.Items)), Facets: map[string][]FacetCount{},
		TookMs:   float64(res.Took.Microseconds()) / 1000,
		Index:    IndexState{State: res.Index.State, Done: res.Index.Done, Total: res.Index.Total},
		Complete: res.Complete,
		Source:   res.Source,
	}
	for _, it := range res.Items {
		v := it.Volunteer
		hit := VolunteerHit{
			ID: strconv.FormatInt(v.ID, 10), FirstName: v.FirstName, LastName: v.LastName, City: v.City,
			Postcode: v.Postcode, Email: v.Email, Skills: s.skillsToAPI(ctx, v.Skills), Causes: causesToAPI(v.Causes),
			Languages: nonNilStrings(v.Languages), Availability: availabilityToAPI(v.Availability),
			Status: string(v.Status), Score: it.Score, Highlights: make([]Highlight, 0, len(it.Highlights)),
		}
		for _, h := range it.Highlights {
			hl := Highlight{Field: h.Field, SkillID: h.SkillID, Segments: make([]Segment, len(h.Segments))}
			for i, seg := range h.Segments {
				hl.Segments[i] = Segment{Text: seg.Text, Match: seg.Match}
			}
			hit.Highlights = append(hit.Highlights, hl)
		}
		out.Items = append(out.Items, hit)
	}
	for name, values := range res.Facets {
		counts := make([]FacetCount, 0, len(values))
		for _, v := range values {
			counts = append(counts, FacetCount{Value: v.Value, Label: s.facetLabel(ctx, name, v.Value, res.CustomSkillNames), Count: v.Count})
		}
		out.Facets[name] = counts
	}
	return out
}

// facetLabel is a facet value in the reader's language.
func (s *server) facetLabel(ctx context.Context, facet, value string, customNames map[string]string) string {
	l := localeFrom(ctx)
	switch facet {
	case search.FacetSkills:
		return s.volunteers.SkillName(value, customNames[value], string(l))
	case search.FacetCauses:
		return taxonomy.CauseLabel(domain.Cause(value)).In(string(l))
	case search.FacetLanguages:
		if label := taxonomy.LanguageLabel(value).In(string(l)); label != "" {
			return label
		}
	case search.FacetLevel:
		if m, ok := levelLabels[domain.SkillLevel(value)]; ok {
			return m.in(l)
		}
	case search.FacetAvailability:
		if m, ok := availabilityLabels[value]; ok {
			return m.in(l)
		}
	}
	return value
}
