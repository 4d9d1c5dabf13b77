package service

import (
	"context"
	"errors"
	"maps"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

func bound(x float64) *float64 { return &x }

// surveyEnv is an association with a project, a sponsor with a program, a volunteer, and the
// survey use cases.
type surveyEnv struct {
	surveys   *Surveys
	project   ProjectView
	program   domain.Program
	volunteer domain.Volunteer
}

func newSurveyEnv(t *testing.T) surveyEnv {
	t.Helper()
	env := newVolunteerEnv(t)
	ctx := context.Background()
	now := func() time.Time { return fixedNow }
	admin := domain.LocalAdmin()
	orgs := NewOrganizations(env.store, now)
	asso, err := orgs.Create(ctx, admin, OrganizationWrite{Organization: domain.Organization{Kind: domain.KindAssociation, Name: "Œuvre de Besançon"}})
	if err != nil {
		t.Fatal(err)
	}
	sponsor, err := orgs.Create(ctx, admin, OrganizationWrite{Organization: domain.Organization{Kind: domain.KindSponsor, Name: "Фонд Ольги"}})
	if err != nil {
		t.Fatal(err)
	}
	program, err := orgs.CreateProgram(ctx, admin, domain.Program{SponsorID: sponsor.ID, Name: "Mécénat 2027"})
	if err != nil {
		t.Fatal(err)
	}
	project, err := NewProjects(env.store, env.svc, now).Create(ctx, admin, domain.Project{Title: "Aide aux devoirs", OrganizationID: asso.ID}, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := env.svc.Create(ctx, admin, domain.Volunteer{FirstName: "Élodie", LastName: "Martin"})
	if err != nil {
		t.Fatal(err)
	}
	return surveyEnv{surveys: NewSurveys(env.store, now), project: project, program: program, volunteer: v}
}

func (e surveyEnv) survey() domain.Survey {
	return domain.Survey{
		Title: "Satisfaction des familles", ProjectID: e.project.ID, Audience: domain.AudienceBeneficiary,
		Questions: []domain.SurveyQuestion{
			{Kind: domain.QuestionScale, Text: "Êtes-vous satisfaite ?", Min: bound(1), Max: bound(5)},
			{Kind: domain.QuestionSingle, Text: "Reviendrez-vous ?", Choices: []string{"« Très satisfaite »", "Oui", "Non"}},
			{Kind: domain.QuestionText, Text: "Un mot ?"},
		},
	}
}

func problemCodes(t *testing.T, err error) map[string]string {
	t.Helper()
	var v *domain.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("want a validation error, got %v", err)
	}
	codes := map[string]string{}
	for _, f := range v.Fields {
		codes[f.Field] = f.Code
	}
	return codes
}

func TestSurveyServiceRefusesViewersAndSavesNothingInvalid(t *testing.T) {
	e := newSurveyEnv(t)
	ctx := context.Background()
	admin, viewer := domain.LocalAdmin(), domain.Actor{ID: "v", Role: domain.RoleViewer}

	if _, err := e.surveys.Create(ctx, viewer, e.survey()); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("viewer created a survey: %v", err)
	}
	invalid := e.survey()
	invalid.ProjectID = 999
	invalid.Questions[0].Min, invalid.Questions[0].Max = bound(5), bound(1)
	codes := map[string]string{"projectId": domain.CodeUnknownReference, "questions.0.max": domain.CodeMinNotBelowMax}
	if _, err := e.surveys.Create(ctx, admin, invalid); !maps.Equal(problemCodes(t, err), codes) {
		t.Fatalf("invalid survey: %v", err)
	}
	unknownProgram := e.survey()
	unknownProgram.ProjectID, unknownProgram.ProgramID = 0, 999
	if _, err := e.surveys.Create(ctx, admin, unknownProgram); !maps.Equal(problemCodes(t, err), map[string]string{"programId": domain.CodeUnknownReference}) {
		t.Fatalf("unknown program: %v", err)
	}
	if _, total, _ := e.surveys.List(ctx, admin, store.SurveyFilter{}); total != 0 {
		t.Fatalf("invalid input saved %d surveys", total)
	}

	sv, err := e.surveys.Create(ctx, admin, e.survey())
	if err != nil {
		t.Fatal(err)
	}
	if sv.ProjectTitle != "Aide aux devoirs" || sv.OrganizationName != "Œuvre de Besançon" || sv.Responses != 0 || !sv.CreatedAt.Equal(fixedNow) {
		t.Errorf("created %+v", sv)
	}
	if _, err := e.surveys.Get(ctx, viewer, sv.ID); err != nil {
		t.Errorf("a viewer may read a survey: %v", err)
	}
	if _, err := e.surveys.Results(ctx, viewer, sv.ID); err != nil {
		t.Errorf("a viewer may read results: %v", err)
	}
	answer := ResponseInput{Values: []any{4.0, "Oui", nil}}
	if _, err := e.surveys.Respond(ctx, viewer, sv.ID, answer); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("viewer responded: %v", err)
	}
	if _, err := e.surveys.Update(ctx, viewer, sv.ID, e.survey()); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("viewer updated: %v", err)
	}
	if err := e.surveys.Delete(ctx, viewer, sv.ID); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("viewer deleted: %v", err)
	}

	// Invalid responses save nothing, and say everything that is wrong at once.
	for name, tc := range map[string]struct {
		in    ResponseInput
		codes map[string]string
	}{
		"scale out of range": {ResponseInput{Values: []any{6.0, "Oui", nil}}, map[string]string{"answers.0": domain.CodeOutOfRange}},
		"unknown choice":     {ResponseInput{Values: []any{4.0, "Peut-être", nil}}, map[string]string{"answers.1": domain.CodeInvalidChoice}},
		"wrong count":        {ResponseInput{Values: []any{4.0}}, map[string]string{"answers": domain.CodeWrongAnswerCount}},
		"nothing answered":   {ResponseInput{Values: []any{nil, nil, " "}}, map[string]string{"answers": domain.CodeEmptyResponse}},
		"a named beneficiary and a wrong type": {ResponseInput{Values: []any{"4", nil, nil}, VolunteerID: e.volunteer.ID, Source: "fax"},
			map[string]string{"answers.0": domain.CodeExpectedNumber, "volunteerId": domain.CodeAnonymousAudience, "source": domain.CodeInvalidChoice}},
	} {
		if _, err := e.surveys.Respond(ctx, admin, sv.ID, tc.in); !maps.Equal(problemCodes(t, err), tc.codes) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if list, total, _ := e.surveys.Responses(ctx, admin, sv.ID, 0, 0); total != 0 || len(list) != 0 {
		t.Fatalf("invalid responses saved: %d", total)
	}
	if _, err := e.surveys.Respond(ctx, admin, 999, answer); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("response to a missing survey: %v", err)
	}
}

func TestSurveyQuestionsFreezeWithTheFirstResponse(t *testing.T) {
	e := newSurveyEnv(t)
	ctx := context.Background()
	admin := domain.LocalAdmin()
	sv, err := e.surveys.Create(ctx, admin, e.survey())
	if err != nil {
		t.Fatal(err)
	}
	// Before any response, everything may change.
	changed := e.survey()
	changed.Questions = append(changed.Questions, domain.SurveyQuestion{Kind: domain.QuestionNumber, Text: "Combien de séances ?"})
	if sv, err = e.surveys.Update(ctx, admin, sv.ID, changed); err != nil || len(sv.Questions) != 4 {
		t.Fatalf("update before responses: %v", err)
	}
	first, err := e.surveys.Respond(ctx, admin, sv.ID, ResponseInput{Values: []any{5.0, "« très satisfaite »", "Merci !", 12.0}, Source: domain.SourcePaper})
	if err != nil {
		t.Fatal(err)
	}
	if first.Number != 1 || first.Source != domain.SourcePaper || first.Values[1] != "« Très satisfaite »" || first.Values[3] != 12.0 {
		t.Errorf("first response %+v", first)
	}

	retitled := changed
	retitled.Title = "Bilan des familles 2027"
	if sv, err = e.surveys.Update(ctx, admin, sv.ID, retitled); err != nil || sv.Title != "Bilan des familles 2027" || sv.Responses != 1 {
		t.Fatalf("a new title is refused once answered: %v", err)
	}
	for name, change := range map[string]func(*domain.Survey){
		"a question less":      func(s *domain.Survey) { s.Questions = s.Questions[:3] },
		"another scale":        func(s *domain.Survey) { s.Questions[0].Max = bound(10) },
		"another choice":       func(s *domain.Survey) { s.Questions[1].Choices[2] = "Jamais" },
		"another audience":     func(s *domain.Survey) { s.Audience = domain.AudienceVolunteer },
		"moved to the program": func(s *domain.Survey) { s.ProjectID, s.ProgramID = 0, e.program.ID },
	} {
		s := retitled
		s.Questions = append([]domain.SurveyQuestion(nil), retitled.Questions...)
		s.Questions[1].Choices = append([]string(nil), retitled.Questions[1].Choices...)
		change(&s)
		var rule *domain.RuleError
		if _, err := e.surveys.Update(ctx, admin, sv.ID, s); !errors.As(err, &rule) || rule.Code != domain.RuleSurveyHasResponses || rule.Params["count"] != 1 {
			t.Errorf("%s: %v", name, err)
		}
	}
	if got, _ := e.surveys.Get(ctx, admin, sv.ID); !domain.SameQuestions(got.Questions, changed.Questions) {
		t.Error("a refused change was saved")
	}

	// Deleting the only response thaws the questions.
	if err := e.surveys.DeleteResponse(ctx, admin, sv.ID, first.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.surveys.Update(ctx, admin, sv.ID, e.survey()); err != nil {
		t.Errorf("update once the responses are gone: %v", err)
	}
	if err := e.surveys.DeleteResponse(ctx, admin, sv.ID, first.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleting a response twice: %v", err)
	}
}

func TestSurveyResponsesResultsAndVolunteers(t *testing.T) {
	e := newSurveyEnv(t)
	ctx := context.Background()
	admin := domain.LocalAdmin()
	s := e.survey()
	s.ProjectID, s.ProgramID, s.Audience = 0, e.program.ID, domain.AudienceVolunteer
	sv, err := e.surveys.Create(ctx, admin, s)
	if err != nil {
		t.Fatal(err)
	}
	if sv.ProgramName != "Mécénat 2027" || sv.OrganizationName != "Фонд Ольги" || sv.ProjectTitle != "" {
		t.Errorf("program survey %+v", sv)
	}
	if _, err := e.surveys.Respond(ctx, admin, sv.ID, ResponseInput{Values: []any{5.0, nil, nil}, VolunteerID: 999}); !maps.Equal(
		problemCodes(t, err), map[string]string{"volunteerId": domain.CodeUnknownReference}) {
		t.Errorf("unknown volunteer: %v", err)
	}
	named, err := e.surveys.Respond(ctx, admin, sv.ID, ResponseInput{Values: []any{5.0, "Oui", "Une équipe formidable"}, VolunteerID: e.volunteer.ID})
	if err != nil {
		t.Fatal(err)
	}
	if named.VolunteerName != "Élodie Martin" || named.Source != domain.SourceApp {
		t.Errorf("named response %+v", named)
	}
	for _, values := range [][]any{{3.0, "Non", nil}, {4.0, "Oui", "日本語で書きました"}} {
		if _, err := e.surveys.Respond(ctx, admin, sv.ID, ResponseInput{Values: values, Source: domain.SourcePaper}); err != nil {
			t.Fatal(err)
		}
	}
	list, total, err := e.surveys.Responses(ctx, admin, sv.ID, 2, 0)
	if err != nil || total != 3 || len(list) != 2 || list[0].Number != 3 || list[1].Number != 2 || list[0].Values[2] != "日本語で書きました" {
		t.Fatalf("responses %v, total %d: %+v", err, total, list)
	}
	older, _, _ := e.surveys.Responses(ctx, admin, sv.ID, 2, 2)
	if len(older) != 1 || older[0].Number != 1 || older[0].VolunteerName != "Élodie Martin" {
		t.Errorf("second page %+v", older)
	}
	results, err := e.surveys.Results(ctx, admin, sv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if results.Responses != 3 || results.Survey.Responses != 3 || *results.Questions[0].Mean != 4 ||
		results.Questions[1].Counts[1].Count != 2 || len(results.Questions[2].Texts) != 2 {
		t.Errorf("results %+v", results)
	}
	if _, err := e.surveys.Results(ctx, admin, 999); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("results of a missing survey: %v", err)
	}
	if err := e.surveys.Delete(ctx, admin, sv.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.surveys.Responses(ctx, admin, sv.ID, 0, 0); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("responses of a deleted survey: %v", err)
	}
}
