package httpapi

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/service"
	"github.com/civisphere/civisphere/backend/store"
)

// SurveyQuestion is one question of a survey.
type SurveyQuestion struct {
	Kind    string   `json:"kind" enum:"scale,single,multiple,number,text"`
	Text    string   `json:"text"`
	Min     *float64 `json:"min" doc:"scale: the lowest value; number: the lowest accepted, or null for none; null for other kinds"`
	Max     *float64 `json:"max" doc:"scale: the highest value; number: the highest accepted, or null for none; null for other kinds"`
	Choices []string `json:"choices" nullable:"false" doc:"single and multiple choice: the choices, in order; empty for other kinds"`
}

// SurveyQuestionInput is a question as entered in the builder; what its kind does not use is
// ignored.
type SurveyQuestionInput struct {
	Kind    string   `json:"kind" required:"false" doc:"scale, single, multiple, number or text"`
	Text    string   `json:"text" required:"false"`
	Min     *float64 `json:"min,omitempty" required:"false" doc:"scale: required, whole (e.g. 1 or 0); number: optional"`
	Max     *float64 `json:"max,omitempty" required:"false" doc:"scale: required, whole, at most 10 above min; number: optional"`
	Choices []string `json:"choices,omitempty" required:"false" doc:"single and multiple choice: 2 to 20 distinct choices"`
}

// Survey is an impact survey of a project or of a sponsor's program.
type Survey struct {
	ID               string           `json:"id"`
	Title            string           `json:"title" example:"Satisfaction des familles accompagnées"`
	ProjectID        string           `json:"projectId" doc:"Empty for a program's survey"`
	Project          string           `json:"project" doc:"The project's title, for display; empty for a program's survey"`
	ProgramID        string           `json:"programId" doc:"Empty for a project's survey"`
	Program          string           `json:"program" doc:"The program's name, for display; empty for a project's survey"`
	OrganizationName string           `json:"organizationName" doc:"The project's association, or the program's sponsor"`
	Audience         string           `json:"audience" enum:"beneficiary,volunteer" doc:"Who answers: the people helped, or the volunteers"`
	Questions        []SurveyQuestion `json:"questions" nullable:"false"`
	Responses        int              `json:"responses" doc:"How many responses it has; its questions are frozen from the first"`
	CreatedAt        string           `json:"createdAt"`
	UpdatedAt        string           `json:"updatedAt"`
}

// SurveyInput is the survey builder's form; fields left out count as empty.
type SurveyInput struct {
	Title     string                `json:"title" required:"false"`
	ProjectID string                `json:"projectId" required:"false" doc:"The project surveyed; or programId, not both"`
	ProgramID string                `json:"programId" required:"false"`
	Audience  string                `json:"audience" required:"false" doc:"beneficiary or volunteer"`
	Questions []SurveyQuestionInput `json:"questions" required:"false" doc:"1 to 50; once the survey has responses, they can no longer change (409)"`
}

// SurveyList is a page of surveys.
type SurveyList struct {
	Total int      `json:"total"`
	Items []Survey `json:"items" nullable:"false"`
}

// AnswerValue is one answer as the API reads and writes it, in the question's order: a number
// for a scale or a number, the text of the choice for a single choice, the list of chosen texts
// for a multiple choice, a text for a free text, null when not answered.
type AnswerValue struct{ value any }

// MarshalJSON writes the answer as the bare value.
func (a AnswerValue) MarshalJSON() ([]byte, error) { return json.Marshal(a.value) }

// UnmarshalJSON reads the bare value as encoding/json decodes any.
func (a *AnswerValue) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, &a.value) }

// Schema says the value is a number (or null), a text or a list of texts.
func (AnswerValue) Schema(huma.Registry) *huma.Schema {
	return &huma.Schema{
		Description: "A number (scale, number), a choice's text (single), a list of choice texts (multiple), a text (text), or null when not answered",
		OneOf: []*huma.Schema{
			{Type: huma.TypeNumber, Nullable: true},
			{Type: huma.TypeString},
			{Type: huma.TypeArray, Items: &huma.Schema{Type: huma.TypeString}},
		},
	}
}

// SurveyResponse is one person's answers to a survey.
type SurveyResponse struct {
	ID            string        `json:"id"`
	SurveyID      string        `json:"surveyId"`
	Number        int           `json:"number" doc:"Its place among the survey's responses, from 1 for the first saved"`
	Source        string        `json:"source" enum:"app,paper" doc:"Answered in the app, or typed in from a paper form"`
	VolunteerID   string        `json:"volunteerId" doc:"The volunteer who answered a volunteers' survey, when known"`
	VolunteerName string        `json:"volunteerName"`
	Answers       []AnswerValue `json:"answers" nullable:"false" doc:"One per question, in order"`
	CreatedAt     string        `json:"createdAt"`
}

// SurveyResponseInput is a response as typed.
type SurveyResponseInput struct {
	Answers     []AnswerValue `json:"answers" required:"false" doc:"One per question, in order"`
	Source      string        `json:"source,omitempty" required:"false" doc:"app (when left out) or paper"`
	VolunteerID string        `json:"volunteerId,omitempty" required:"false" doc:"Only for a volunteers' survey"`
}

// SurveyResponseList is a page of a survey's responses, newest first.
type SurveyResponseList struct {
	Total int              `json:"total"`
	Items []SurveyResponse `json:"items" nullable:"false"`
}

// SurveyCount is how many responses chose a choice, or gave a value of a scale.
type SurveyCount struct {
	Label string `json:"label"`
	Count int    `json:"count"`
}

// SurveyQuestionResult sums up the answers to one question.
type SurveyQuestionResult struct {
	Kind         string        `json:"kind" enum:"scale,single,multiple,number,text"`
	Text         string        `json:"text"`
	Count        int           `json:"count" doc:"Responses that answered it"`
	Mean         *float64      `json:"mean" doc:"scale and number: the mean of the answers; null without answers and for other kinds"`
	Min          *float64      `json:"min"`
	Max          *float64      `json:"max"`
	Distribution []SurveyCount `json:"distribution" nullable:"false" doc:"single and multiple: one per choice; scale: one per value from min to max; empty otherwise"`
	Texts        []string      `json:"texts" nullable:"false" doc:"text: the answers, most recent first"`
}

// SurveyResults sums up all the responses to a survey.
type SurveyResults struct {
	Survey    Survey                 `json:"survey"`
	Responses int                    `json:"responses"`
	Questions []SurveyQuestionResult `json:"questions" nullable:"false"`
}

type surveyOutput struct {
	Location string `header:"Location"`
	Body     Survey
}

type surveyListInput struct {
	ProjectID string `query:"projectId" doc:"Only this project's surveys (with programId: this project's or this program's)"`
	ProgramID string `query:"programId" doc:"Only the surveys of this program itself"`
	Limit     int    `query:"limit" minimum:"0" maximum:"500" default:"50"`
	Offset    int    `query:"offset" minimum:"0" default:"0"`
}

type surveyResponsePath struct {
	ID         string `path:"id"`
	ResponseID string `path:"responseId"`
}

type surveyResponseListInput struct {
	ID     string `path:"id"`
	Limit  int    `query:"limit" minimum:"0" maximum:"500" default:"50"`
	Offset int    `query:"offset" minimum:"0" default:"0"`
}

func (s *server) registerSurveys(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "createSurvey", Method: http.MethodPost, Path: "/api/surveys",
		Summary: "Create an impact survey", Tags: []string{"surveys"},
		DefaultStatus: http.StatusCreated, Errors: []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ Body SurveyInput }) (*surveyOutput, error) {
		sv, err := surveyFromAPI(in.Body)
		var view service.SurveyView
		if err == nil {
			view, err = s.surveys.Create(ctx, actorFrom(ctx), sv)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := surveyToAPI(view)
		return &surveyOutput{Location: "/api/surveys/" + out.ID, Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "listSurveys", Method: http.MethodGet, Path: "/api/surveys",
		Summary: "List impact surveys", Description: "Newest first.", Tags: []string{"surveys"},
		Errors: []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *surveyListInput) (*struct{ Body SurveyList }, error) {
		f := store.SurveyFilter{Limit: in.Limit, Offset: in.Offset}
		problems := &domain.ValidationError{}
		projectID, err := parseOptionalRef("projectId", in.ProjectID)
		collectProblems(problems, err)
		f.ProgramID, err = parseOptionalRef("programId", in.ProgramID)
		collectProblems(problems, err)
		if len(problems.Fields) > 0 {
			return nil, s.problemFor(ctx, problems)
		}
		if projectID != 0 {
			f.ProjectIDs = []int64{projectID}
		}
		list, total, err := s.surveys.List(ctx, actorFrom(ctx), f)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := &struct{ Body SurveyList }{Body: SurveyList{Total: total, Items: make([]Survey, len(list))}}
		for i, v := range list {
			out.Body.Items[i] = surveyToAPI(v)
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getSurvey", Method: http.MethodGet, Path: "/api/surveys/{id}",
		Summary: "An impact survey", Tags: []string{"surveys"}, Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *idPath) (*surveyOutput, error) {
		id, err := parseID(in.ID)
		var view service.SurveyView
		if err == nil {
			view, err = s.surveys.Get(ctx, actorFrom(ctx), id)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &surveyOutput{Body: surveyToAPI(view)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "updateSurvey", Method: http.MethodPut, Path: "/api/surveys/{id}",
		Summary: "Save an impact survey", Tags: []string{"surveys"},
		Description: "Replaces the survey. Once it has responses only its title may change: other changes are refused " +
			"with 409, so that every response stays read against the questions it answered.",
		Errors: []int{http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		Body SurveyInput
	}) (*surveyOutput, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		sv, err := surveyFromAPI(in.Body)
		var view service.SurveyView
		if err == nil {
			view, err = s.surveys.Update(ctx, actorFrom(ctx), id, sv)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &surveyOutput{Body: surveyToAPI(view)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "deleteSurvey", Method: http.MethodDelete, Path: "/api/surveys/{id}",
		Summary: "Delete an impact survey with its responses", Tags: []string{"surveys"},
		DefaultStatus: http.StatusNoContent, Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *idPath) (*struct{}, error) {
		id, err := parseID(in.ID)
		if err == nil {
			err = s.surveys.Delete(ctx, actorFrom(ctx), id)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{}{}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "createSurveyResponse", Method: http.MethodPost, Path: "/api/surveys/{id}/responses",
		Summary: "Save one person's answers to a survey", Tags: []string{"surveys"},
		Description: "Answers come one per question, in order. An unknown choice, a value of the wrong type or off the " +
			"scale is refused with 422 naming answers.N (N from 0).",
		DefaultStatus: http.StatusCreated, Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		Body SurveyResponseInput
	}) (*struct{ Body SurveyResponse }, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		volunteerID, err := parseOptionalRef("volunteerId", in.Body.VolunteerID)
		var view service.ResponseView
		if err == nil {
			values := make([]any, len(in.Body.Answers))
			for i, a := range in.Body.Answers {
				values[i] = a.value
			}
			view, err = s.surveys.Respond(ctx, actorFrom(ctx), id, service.ResponseInput{
				Values: values, Source: domain.SurveySource(in.Body.Source), VolunteerID: volunteerID})
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body SurveyResponse }{Body: responseToAPI(view)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "listSurveyResponses", Method: http.MethodGet, Path: "/api/surveys/{id}/responses",
		Summary: "A survey's responses, newest first", Tags: []string{"surveys"}, Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *surveyResponseListInput) (*struct{ Body SurveyResponseList }, error) {
		id, err := parseID(in.ID)
		var (
			list  []service.ResponseView
			total int
		)
		if err == nil {
			list, total, err = s.surveys.Responses(ctx, actorFrom(ctx), id, in.Limit, in.Offset)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := &struct{ Body SurveyResponseList }{Body: SurveyResponseList{Total: total, Items: make([]SurveyResponse, len(list))}}
		for i, r := range list {
			out.Body.Items[i] = responseToAPI(r)
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "deleteSurveyResponse", Method: http.MethodDelete, Path: "/api/surveys/{id}/responses/{responseId}",
		Summary: "Delete a response (a paper form typed twice or with a typo)", Tags: []string{"surveys"},
		DefaultStatus: http.StatusNoContent, Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *surveyResponsePath) (*struct{}, error) {
		id, err := parseID(in.ID)
		var responseID int64
		if err == nil {
			responseID, err = parseID(in.ResponseID)
		}
		if err == nil {
			err = s.surveys.DeleteResponse(ctx, actorFrom(ctx), id, responseID)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{}{}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getSurveyResults", Method: http.MethodGet, Path: "/api/surveys/{id}/results",
		Summary: "A survey's results, question by question", Tags: []string{"surveys"}, Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *idPath) (*struct{ Body SurveyResults }, error) {
		id, err := parseID(in.ID)
		var results service.SurveyResultsView
		if err == nil {
			results, err = s.surveys.Results(ctx, actorFrom(ctx), id)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body SurveyResults }{Body: resultsToAPI(results)}, nil
	})
}

func surveyFromAPI(in SurveyInput) (domain.Survey, error) {
	sv := domain.Survey{Title: in.Title, Audience: domain.SurveyAudience(in.Audience)}
	problems := &domain.ValidationError{}
	var err error
	sv.ProjectID, err = parseOptionalRef("projectId", in.ProjectID)
	collectProblems(problems, err)
	sv.ProgramID, err = parseOptionalRef("programId", in.ProgramID)
	collectProblems(problems, err)
	for _, q := range in.Questions {
		sv.Questions = append(sv.Questions, domain.SurveyQuestion{Kind: domain.QuestionKind(q.Kind), Text: q.Text,
			Min: q.Min, Max: q.Max, Choices: append([]string(nil), q.Choices...)})
	}
	if len(problems.Fields) > 0 {
		return sv, problems
	}
	return sv, nil
}

func questionToAPI(q domain.SurveyQuestion) SurveyQuestion {
	choices := q.Choices
	if choices == nil {
		choices = []string{}
	}
	return SurveyQuestion{Kind: string(q.Kind), Text: q.Text, Min: q.Min, Max: q.Max, Choices: choices}
}

func surveyToAPI(v service.SurveyView) Survey {
	questions := make([]SurveyQuestion, len(v.Questions))
	for i, q := range v.Questions {
		questions[i] = questionToAPI(q)
	}
	return Survey{
		ID: formatID(v.ID), Title: v.Title, ProjectID: formatID(v.ProjectID), Project: v.ProjectTitle,
		ProgramID: formatID(v.ProgramID), Program: v.ProgramName, OrganizationName: v.OrganizationName,
		Audience: string(v.Audience), Questions: questions, Responses: v.Responses,
		CreatedAt: formatTimestamp(v.CreatedAt), UpdatedAt: formatTimestamp(v.UpdatedAt),
	}
}

func responseToAPI(r service.ResponseView) SurveyResponse {
	answers := make([]AnswerValue, len(r.Values))
	for i, v := range r.Values {
		answers[i] = AnswerValue{value: v}
	}
	return SurveyResponse{
		ID: formatID(r.ID), SurveyID: formatID(r.SurveyID), Number: r.Number, Source: string(r.Source),
		VolunteerID: formatID(r.VolunteerID), VolunteerName: r.VolunteerName, Answers: answers,
		CreatedAt: formatTimestamp(r.CreatedAt),
	}
}

func resultsToAPI(r service.SurveyResultsView) SurveyResults {
	out := SurveyResults{Survey: surveyToAPI(r.Survey), Responses: r.Responses, Questions: make([]SurveyQuestionResult, len(r.Questions))}
	for i, q := range r.Questions {
		distribution := make([]SurveyCount, len(q.Counts))
		for j, c := range q.Counts {
			distribution[j] = SurveyCount{Label: c.Label, Count: c.Count}
		}
		texts := q.Texts
		if texts == nil {
			texts = []string{}
		}
		out.Questions[i] = SurveyQuestionResult{Kind: string(q.Question.Kind), Text: q.Question.Text, Count: q.Count,
			Mean: q.Mean, Min: q.Question.Min, Max: q.Question.Max, Distribution: distribution, Texts: texts}
	}
	return out
}
