package httpapi

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/diagnostic"
	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/service"
)

// DiagnosticOption is one answer to a question, on the scale shared by every question.
type DiagnosticOption struct {
	ID    string `json:"id" enum:"none,partly,mostly,fully"`
	Label string `json:"label" doc:"This question's wording of the step, in the reader's language"`
	Value int    `json:"value" doc:"0 (nothing in place) to 3 (fully in place)"`
}

// DiagnosticQuestion is one question of the needs diagnostic.
type DiagnosticQuestion struct {
	ID          string             `json:"id" example:"finance-budget"`
	Area        string             `json:"area" example:"finance"`
	Text        string             `json:"text"`
	Explanation string             `json:"explanation" doc:"Why the question matters"`
	Options     []DiagnosticOption `json:"options" doc:"From the weakest answer to the strongest"`
}

// DiagnosticArea is an area of an association's work that the diagnostic assesses.
type DiagnosticArea struct {
	ID        string `json:"id" example:"finance"`
	Label     string `json:"label" example:"Finances"`
	Summary   string `json:"summary" doc:"What the area covers"`
	Questions int    `json:"questions"`
}

// DiagnosticQuestionnaire is the whole questionnaire: its areas, then its questions area by area.
type DiagnosticQuestionnaire struct {
	Version int                  `json:"version"`
	Areas   []DiagnosticArea     `json:"areas"`
	Total   int                  `json:"total"`
	Items   []DiagnosticQuestion `json:"items"`
}

// DiagnosticInput is a completed questionnaire.
type DiagnosticInput struct {
	OrganizationID string            `json:"organizationId" required:"false" doc:"The association assessed"`
	Answers        map[string]string `json:"answers" required:"false" doc:"Question ID → option ID (none, partly, mostly, fully); leave unanswered questions out"`
}

// DiagnosticNeed is the need of one area.
type DiagnosticNeed struct {
	Area        string `json:"area" example:"finance"`
	Label       string `json:"label"`
	Score       int    `json:"score" minimum:"0" maximum:"100" doc:"0 (nothing to do) to 100 (everything to build)"`
	Level       string `json:"level" enum:"low,medium,high,notAssessed" doc:"notAssessed when no question of the area was answered"`
	Explanation string `json:"explanation" doc:"What the level means for the association, in plain words"`
	Answered    int    `json:"answered"`
	Questions   int    `json:"questions"`
}

// DiagnosticMilestone is a step of a suggested project.
type DiagnosticMilestone struct {
	Title string `json:"title"`
	Week  int    `json:"week" doc:"Weeks after the project's start"`
}

// DiagnosticSuggestion is a project template suggested for a need.
type DiagnosticSuggestion struct {
	TemplateID    string                `json:"templateId" example:"finance-bookkeeping"`
	Area          string                `json:"area"`
	AreaLabel     string                `json:"areaLabel"`
	AreaScore     int                   `json:"areaScore"`
	Relevance     int                   `json:"relevance" doc:"0–100: the need of the questions the project answers"`
	Title         string                `json:"title"`
	Description   string                `json:"description"`
	SkillsNeeded  []ProjectSkill        `json:"skillsNeeded"`
	DurationWeeks int                   `json:"durationWeeks"`
	Milestones    []DiagnosticMilestone `json:"milestones"`
	Mode          string                `json:"mode" enum:"onsite,remote,either," doc:"Where the work can happen"`
	ProjectID     string                `json:"projectId" doc:"The project already made from this suggestion, or empty"`
}

// DiagnosticProject is a project made from a template of the diagnostic.
type DiagnosticProject struct {
	TemplateID string `json:"templateId"`
	ProjectID  string `json:"projectId"`
}

// Diagnostic is a needs diagnostic of an association.
type Diagnostic struct {
	ID               string                 `json:"id"`
	OrganizationID   string                 `json:"organizationId"`
	OrganizationName string                 `json:"organizationName"`
	Version          int                    `json:"version" doc:"The questionnaire's version answered"`
	CreatedAt        string                 `json:"createdAt"`
	Answers          map[string]string      `json:"answers"`
	Answered         int                    `json:"answered"`
	Questions        int                    `json:"questions"`
	Needs            []DiagnosticNeed       `json:"needs" doc:"One per area, in the questionnaire's order"`
	Suggestions      []DiagnosticSuggestion `json:"suggestions" doc:"Projects for the strongest needs, the most useful first"`
	Projects         []DiagnosticProject    `json:"projects" doc:"Projects made from this diagnostic's templates"`
}

// DiagnosticList is an association's diagnostics, newest first.
type DiagnosticList struct {
	Total int          `json:"total"`
	Items []Diagnostic `json:"items"`
}

// DiagnosticProjectInput asks for a project made from a template.
type DiagnosticProjectInput struct {
	TemplateID string   `json:"templateId" required:"false"`
	StartDate  string   `json:"startDate,omitempty" required:"false" doc:"YYYY-MM-DD; today when left out"`
	Causes     []string `json:"causes,omitempty" required:"false" doc:"Left out: the main causes of the association's other projects"`
}

type diagnosticOutput struct {
	Location string `header:"Location"`
	Body     Diagnostic
}

type diagnosticHistoryInput struct {
	ID     string `path:"id"`
	Limit  int    `query:"limit" minimum:"0" maximum:"500" default:"50"`
	Offset int    `query:"offset" minimum:"0" default:"0"`
}

func (s *server) registerDiagnostics(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "getDiagnosticQuestions", Method: http.MethodGet, Path: "/api/diagnostics/questions",
		Summary: "The needs diagnostic's questionnaire", Tags: []string{"diagnostics"},
		Description: "Areas, then questions area by area, in the reader's language. Every question is answered on the " +
			"same scale (none, partly, mostly, fully), worded its own way.",
	}, func(ctx context.Context, _ *struct{}) (*struct{ Body DiagnosticQuestionnaire }, error) {
		q, err := s.diagnostics.Questions(actorFrom(ctx))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body DiagnosticQuestionnaire }{Body: questionnaireToAPI(q, string(localeFrom(ctx)))}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "createDiagnostic", Method: http.MethodPost, Path: "/api/diagnostics",
		Summary: "Score an association's answers", Tags: []string{"diagnostics"},
		Description:   "Keeps the diagnostic and returns the need of each area and the projects suggested for the strongest.",
		DefaultStatus: http.StatusCreated, Errors: []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ Body DiagnosticInput }) (*diagnosticOutput, error) {
		orgID, err := parseOptionalRef("organizationId", in.Body.OrganizationID)
		var d service.DiagnosticView
		if err == nil {
			d, err = s.diagnostics.Submit(ctx, actorFrom(ctx), orgID, in.Body.Answers)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := s.diagnosticToAPI(ctx, d)
		return &diagnosticOutput{Location: "/api/diagnostics/" + out.ID, Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getDiagnostic", Method: http.MethodGet, Path: "/api/diagnostics/{id}",
		Summary: "A diagnostic with its needs and suggestions", Tags: []string{"diagnostics"}, Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *idPath) (*diagnosticOutput, error) {
		id, err := parseID(in.ID)
		var d service.DiagnosticView
		if err == nil {
			d, err = s.diagnostics.Get(ctx, actorFrom(ctx), id)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &diagnosticOutput{Body: s.diagnosticToAPI(ctx, d)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "listOrganizationDiagnostics", Method: http.MethodGet, Path: "/api/organizations/{id}/diagnostics",
		Summary: "An association's diagnostics, newest first", Tags: []string{"diagnostics"},
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *diagnosticHistoryInput) (*struct{ Body DiagnosticList }, error) {
		id, err := parseID(in.ID)
		var (
			list  []service.DiagnosticView
			total int
		)
		if err == nil {
			list, total, err = s.diagnostics.History(ctx, actorFrom(ctx), id, in.Limit, in.Offset)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := &struct{ Body DiagnosticList }{Body: DiagnosticList{Total: total, Items: make([]Diagnostic, len(list))}}
		for i, d := range list {
			out.Body.Items[i] = s.diagnosticToAPI(ctx, d)
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "createProjectFromDiagnostic", Method: http.MethodPost, Path: "/api/diagnostics/{id}/projects",
		Summary: "Make a project from a suggestion", Tags: []string{"diagnostics", "projects"},
		Description: "A draft project for the diagnostic's association, with the template's title and description (in the " +
			"reader's language), skills, milestones dated from startDate, and an end date after its duration. One project " +
			"per template and diagnostic: a second request is refused with 409.",
		DefaultStatus: http.StatusCreated,
		Errors:        []int{http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		Body DiagnosticProjectInput
	}) (*projectOutput, error) {
		id, err := parseID(in.ID)
		var view service.ProjectView
		if err == nil {
			req := service.ProjectFromTemplate{TemplateID: in.Body.TemplateID, StartDate: in.Body.StartDate,
				Locale: string(localeFrom(ctx))}
			if in.Body.Causes != nil {
				req.Causes = make([]domain.Cause, len(in.Body.Causes))
				for i, c := range in.Body.Causes {
					req.Causes[i] = domain.Cause(c)
				}
			}
			view, err = s.diagnostics.CreateProject(ctx, actorFrom(ctx), id, req)
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
}

func questionnaireToAPI(q service.Questionnaire, l string) DiagnosticQuestionnaire {
	counts := map[string]int{}
	items := make([]DiagnosticQuestion, len(q.Questions))
	for i, question := range q.Questions {
		counts[question.Area]++
		options := make([]DiagnosticOption, len(question.Options))
		for v, o := range question.Options {
			options[v] = DiagnosticOption{ID: diagnostic.Scale[v], Label: o.In(l), Value: v}
		}
		items[i] = DiagnosticQuestion{ID: question.ID, Area: question.Area, Text: question.Text.In(l),
			Explanation: question.Explanation.In(l), Options: options}
	}
	areas := make([]DiagnosticArea, len(q.Areas))
	for i, a := range q.Areas {
		areas[i] = DiagnosticArea{ID: a.ID, Label: a.Name.In(l), Summary: a.Summary.In(l), Questions: counts[a.ID]}
	}
	return DiagnosticQuestionnaire{Version: q.Version, Areas: areas, Total: len(items), Items: items}
}

func (s *server) diagnosticToAPI(ctx context.Context, d service.DiagnosticView) Diagnostic {
	l := string(localeFrom(ctx))
	out := Diagnostic{ID: formatID(d.ID), OrganizationID: formatID(d.OrganizationID), OrganizationName: d.OrganizationName,
		Version: d.Version, CreatedAt: formatTimestamp(d.CreatedAt), Answers: d.Answers,
		Needs: make([]DiagnosticNeed, len(d.Needs)), Suggestions: make([]DiagnosticSuggestion, len(d.Suggestions)),
		Projects: []DiagnosticProject{}}
	if out.Answers == nil {
		out.Answers = map[string]string{}
	}
	for i, n := range d.Needs {
		area, _ := diagnostic.AreaByID(n.Area) // an area gone from the questionnaire keeps its ID as label
		label := area.Name.In(l)
		if label == "" {
			label = n.Area
		}
		out.Needs[i] = DiagnosticNeed{Area: n.Area, Label: label, Score: n.Score, Level: string(n.Level),
			Explanation: area.Explanation(n.Level).In(l), Answered: n.Answered, Questions: n.Questions}
		out.Answered += n.Answered
		out.Questions += n.Questions
	}
	for i, sg := range d.Suggestions {
		area, _ := diagnostic.AreaByID(sg.Area)
		skills := make([]domain.ProjectSkill, len(sg.Skills))
		for j, sk := range sg.Skills {
			skills[j] = domain.ProjectSkill{SkillID: sk.SkillID, Level: sk.Level, People: sk.People}
		}
		milestones := make([]DiagnosticMilestone, len(sg.Milestones))
		for j, m := range sg.Milestones {
			milestones[j] = DiagnosticMilestone{Title: m.Title.In(l), Week: m.Week}
		}
		out.Suggestions[i] = DiagnosticSuggestion{TemplateID: sg.ID, Area: sg.Area, AreaLabel: area.Name.In(l),
			AreaScore: sg.AreaScore, Relevance: sg.Relevance, Title: sg.Title.In(l), Description: sg.Description.In(l),
			SkillsNeeded: s.projectSkillsToAPI(ctx, skills), DurationWeeks: sg.DurationWeeks, Milestones: milestones,
			Mode: string(sg.Mode), ProjectID: formatID(d.Projects[sg.ID])}
	}
	for _, t := range diagnostic.Templates() { // in the templates' order, so the list is stable
		if id, ok := d.Projects[t.ID]; ok {
			out.Projects = append(out.Projects, DiagnosticProject{TemplateID: t.ID, ProjectID: formatID(id)})
		}
	}
	return out
}
