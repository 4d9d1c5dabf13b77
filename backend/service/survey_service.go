package service

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// Surveys runs the impact surveys of projects and programs: their questions, the responses
// typed in the app or from paper forms, and the results.
type Surveys struct {
	store *store.Store
	now   func() time.Time
}

// NewSurveys returns the survey use cases.
func NewSurveys(st *store.Store, now func() time.Time) *Surveys {
	return &Surveys{store: st, now: now}
}

// SurveyView is a survey with what a list or a page shows beside it.
type SurveyView struct {
	domain.Survey
	ProjectTitle string // empty for a program's survey
	ProgramName  string // empty for a project's survey
	// OrganizationName is the association of the project, or the sponsor of the program.
	OrganizationName string
	Responses        int
}

// ResponseView is a response with its number in its survey (1 for the first saved) and the
// name of its respondent when it is a known volunteer.
type ResponseView struct {
	domain.SurveyResponse
	Number        int
	VolunteerName string
	// Values are the answers as the API writes them (see domain.Survey.AnswerValues).
	Values []any
}

// ResponseInput is a response as given: one value per question (see
// domain.Survey.AnswersFromValues), how it reached the app, and the volunteer who answered a
// volunteers' survey, if they chose to be known.
type ResponseInput struct {
	Values      []any
	Source      domain.SurveySource
	VolunteerID int64
}

// SurveyResultsView is a survey's results with the survey as a page shows it.
type SurveyResultsView struct {
	domain.SurveyResults
	Survey SurveyView
}

// Create validates and saves a new survey.
func (s *Surveys) Create(ctx context.Context, actor domain.Actor, sv domain.Survey) (SurveyView, error) {
	if !actor.CanManageProjects() {
		return SurveyView{}, fmt.Errorf("create survey: %w", domain.ErrForbidden)
	}
	sv.ID = 0
	if err := s.check(ctx, &sv); err != nil {
		return SurveyView{}, err
	}
	now := s.now().UTC()
	sv.CreatedAt, sv.UpdatedAt = now, now
	if err := s.store.CreateSurvey(ctx, &sv); err != nil {
		return SurveyView{}, fmt.Errorf("create survey: %w", err)
	}
	return s.Get(ctx, actor, sv.ID)
}

// Update replaces a survey. Once it has responses only its title may change: other changes
// give a *domain.RuleError, so that every response stays read against the questions it
// answered.
func (s *Surveys) Update(ctx context.Context, actor domain.Actor, id int64, sv domain.Survey) (SurveyView, error) {
	if !actor.CanManageProjects() {
		return SurveyView{}, fmt.Errorf("update survey: %w", domain.ErrForbidden)
	}
	if _, err := s.store.Survey(ctx, id); err != nil {
		return SurveyView{}, err
	}
	sv.ID = id
	if err := s.check(ctx, &sv); err != nil {
		return SurveyView{}, err
	}
	sv.UpdatedAt = s.now().UTC()
	err := s.store.UpdateSurvey(ctx, sv, func(current domain.Survey, responses int) error {
		frozen := current.Audience != sv.Audience || current.ProjectID != sv.ProjectID ||
			current.ProgramID != sv.ProgramID || !domain.SameQuestions(current.Questions, sv.Questions)
		if responses > 0 && frozen {
			return &domain.RuleError{Code: domain.RuleSurveyHasResponses, Params: map[string]any{"count": responses}}
		}
		return nil
	})
	if err != nil {
		return SurveyView{}, fmt.Errorf("update survey: %w", err)
	}
	return s.Get(ctx, actor, id)
}

// check normalizes and validates sv, including that its project or program exists.
func (s *Surveys) check(ctx context.Context, sv *domain.Survey) error {
	sv.Normalize()
	problems := &domain.ValidationError{}
	collect(problems, sv.Validate())
	if sv.ProjectID != 0 {
		if _, err := s.store.Project(ctx, sv.ProjectID); errors.Is(err, domain.ErrNotFound) {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: "projectId", Code: domain.CodeUnknownReference})
		} else if err != nil {
			return err
		}
	}
	if sv.ProgramID != 0 {
		if _, err := s.store.Program(ctx, sv.ProgramID); errors.Is(err, domain.ErrNotFound) {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: "programId", Code: domain.CodeUnknownReference})
		} else if err != nil {
			return err
		}
	}
	if len(problems.Fields) > 0 {
		return problems
	}
	return nil
}

// Delete deletes a survey with its responses.
func (s *Surveys) Delete(ctx context.Context, actor domain.Actor, id int64) error {
	if !actor.CanManageProjects() {
		return fmt.Errorf("delete survey: %w", domain.ErrForbidden)
	}
	return s.store.DeleteSurvey(ctx, id)
}

// Get returns one survey with its names and number of responses.
func (s *Surveys) Get(ctx context.Context, actor domain.Actor, id int64) (SurveyView, error) {
	if !actor.CanReadProjects() {
		return SurveyView{}, fmt.Errorf("read survey: %w", domain.ErrForbidden)
	}
	sv, err := s.store.Survey(ctx, id)
	if err != nil {
		return SurveyView{}, err
	}
	views, err := s.views(ctx, []domain.Survey{sv})
	if err != nil {
		return SurveyView{}, err
	}
	return views[0], nil
}

// List returns the surveys matching f, newest first, with the total before paging.
func (s *Surveys) List(ctx context.Context, actor domain.Actor, f store.SurveyFilter) ([]SurveyView, int, error) {
	if !actor.CanReadProjects() {
		return nil, 0, fmt.Errorf("list surveys: %w", domain.ErrForbidden)
	}
	list, total, err := s.store.Surveys(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	views, err := s.views(ctx, list)
	return views, total, err
}

func (s *Surveys) views(ctx context.Context, list []domain.Survey) ([]SurveyView, error) {
	ids := make([]int64, len(list))
	projects := map[int64]domain.Project{}
	programs := map[int64]domain.Program{}
	for i, sv := range list {
		ids[i] = sv.ID
		if sv.ProjectID != 0 {
			projects[sv.ProjectID] = domain.Project{}
		}
		if sv.ProgramID != 0 {
			programs[sv.ProgramID] = domain.Program{}
		}
	}
	var orgIDs []int64
	if len(projects) > 0 {
		projectIDs := make([]int64, 0, len(projects))
		for id := range projects {
			projectIDs = append(projectIDs, id)
		}
		found, _, err := s.store.Projects(ctx, store.ProjectFilter{IDs: projectIDs})
		if err != nil {
			return nil, fmt.Errorf("read projects of surveys: %w", err)
		}
		for _, p := range found {
			projects[p.ID] = p
			orgIDs = append(orgIDs, p.OrganizationID)
		}
	}
	for id := range programs {
		p, err := s.store.Program(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("read program of survey: %w", err)
		}
		programs[id] = p
		orgIDs = append(orgIDs, p.SponsorID)
	}
	names, err := s.store.OrganizationNames(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	counts, err := s.store.SurveyResponseCounts(ctx, ids)
	if err != nil {
		return nil, err
	}
	views := make([]SurveyView, len(list))
	for i, sv := range list {
		v := SurveyView{Survey: sv, Responses: counts[sv.ID]}
		if p, ok := projects[sv.ProjectID]; ok && sv.ProjectID != 0 {
			v.ProjectTitle, v.OrganizationName = p.Title, names[p.OrganizationID]
		}
		if p, ok := programs[sv.ProgramID]; ok && sv.ProgramID != 0 {
			v.ProgramName, v.OrganizationName = p.Name, names[p.SponsorID]
		}
		views[i] = v
	}
	return views, nil
}

// Respond saves one person's answers to a survey. The answers are read and checked against the
// survey's questions inside the write, so a survey changed meanwhile cannot take answers meant
// for other questions. A volunteer may be named only on a volunteers' survey, and must exist.
func (s *Surveys) Respond(ctx context.Context, actor domain.Actor, surveyID int64, in ResponseInput) (ResponseView, error) {
	if !actor.CanManageProjects() {
		return ResponseView{}, fmt.Errorf("respond to survey: %w", domain.ErrForbidden)
	}
	var volunteerName string
	volunteerProblem := false
	if in.VolunteerID != 0 {
		v, err := s.store.Volunteer(ctx, in.VolunteerID)
		switch {
		case errors.Is(err, domain.ErrNotFound):
			volunteerProblem = true
		case err != nil:
			return ResponseView{}, fmt.Errorf("respond to survey: %w", err)
		default:
			volunteerName = v.FullName()
		}
	}
	r := domain.SurveyResponse{SurveyID: surveyID, VolunteerID: in.VolunteerID, Source: in.Source, CreatedAt: s.now().UTC()}
	var survey domain.Survey
	number, err := s.store.CreateSurveyResponse(ctx, &r, func(current domain.Survey) error {
		survey = current
		problems := &domain.ValidationError{}
		if volunteerProblem {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: "volunteerId", Code: domain.CodeUnknownReference})
		}
		answers, readErr := current.AnswersFromValues(in.Values)
		r.Answers = answers
		r.Normalize()
		checkErr := r.Validate(current)
		if readErr == nil {
			collect(problems, checkErr)
		} else {
			// The answers could not be read: say so, and what else is wrong with the response.
			collect(problems, readErr)
			for _, f := range fieldProblems(checkErr) {
				if !strings.HasPrefix(f.Field, "answers") {
					problems.Fields = append(problems.Fields, f)
				}
			}
		}
		if len(problems.Fields) > 0 {
			return problems
		}
		return nil
	})
	if err != nil {
		return ResponseView{}, err
	}
	return ResponseView{SurveyResponse: r, Number: number, VolunteerName: volunteerName, Values: survey.AnswerValues(r.Answers)}, nil
}

// fieldProblems lists the field problems of err (a *domain.ValidationError), or none.
func fieldProblems(err error) []domain.FieldError {
	var v *domain.ValidationError
	if errors.As(err, &v) {
		return v.Fields
	}
	return nil
}

// Responses returns a page of a survey's responses, newest first, with the total before paging.
func (s *Surveys) Responses(ctx context.Context, actor domain.Actor, surveyID int64, limit, offset int) ([]ResponseView, int, error) {
	if !actor.CanReadProjects() {
		return nil, 0, fmt.Errorf("list survey responses: %w", domain.ErrForbidden)
	}
	sv, err := s.store.Survey(ctx, surveyID)
	if err != nil {
		return nil, 0, err
	}
	list, total, err := s.store.SurveyResponsesPage(ctx, surveyID, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	volunteerIDs := []int64{}
	for _, r := range list {
		if r.VolunteerID != 0 {
			volunteerIDs = append(volunteerIDs, r.VolunteerID)
		}
	}
	names := map[int64]string{}
	if len(volunteerIDs) > 0 {
		volunteers, err := s.store.Volunteers(ctx, volunteerIDs)
		if err != nil {
			return nil, 0, fmt.Errorf("read respondents: %w", err)
		}
		for _, v := range volunteers {
			names[v.ID] = v.FullName()
		}
	}
	views := make([]ResponseView, len(list))
	for i, r := range list {
		views[i] = ResponseView{SurveyResponse: r, Number: total - offset - i, VolunteerName: names[r.VolunteerID],
			Values: sv.AnswerValues(r.Answers)}
	}
	return views, total, nil
}

// DeleteResponse deletes one response of a survey: a paper form typed twice or with a typo.
func (s *Surveys) DeleteResponse(ctx context.Context, actor domain.Actor, surveyID, responseID int64) error {
	if !actor.CanManageProjects() {
		return fmt.Errorf("delete survey response: %w", domain.ErrForbidden)
	}
	return s.store.DeleteSurveyResponse(ctx, surveyID, responseID)
}

// Results sums up a survey's responses question by question.
func (s *Surveys) Results(ctx context.Context, actor domain.Actor, surveyID int64) (SurveyResultsView, error) {
	view, err := s.Get(ctx, actor, surveyID)
	if err != nil {
		return SurveyResultsView{}, err
	}
	responses, err := s.store.SurveyResponses(ctx, surveyID)
	if err != nil {
		return SurveyResultsView{}, err
	}
	return SurveyResultsView{SurveyResults: domain.ComputeSurveyResults(view.Survey, responses), Survey: view}, nil
}
