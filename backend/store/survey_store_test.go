package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

func float(x float64) *float64 { return &x }

func testSurvey(projectID, programID int64) domain.Survey {
	return domain.Survey{
		Title: "Satisfaction des familles — Ольга, 日本語", ProjectID: projectID, ProgramID: programID,
		Audience: domain.AudienceBeneficiary, CreatedAt: storeNow, UpdatedAt: storeNow,
		Questions: []domain.SurveyQuestion{
			{Kind: domain.QuestionScale, Text: "Êtes-vous satisfaite ?", Min: float(0), Max: float(10)},
			{Kind: domain.QuestionSingle, Text: "Reviendrez-vous ?", Choices: []string{"« Très satisfaite »", "Non"}},
			{Kind: domain.QuestionMultiple, Text: "Quoi ?", Choices: []string{"Budget", "日本語", "Démarches"}},
			{Kind: domain.QuestionNumber, Text: "Séances", Min: float(0)},
			{Kind: domain.QuestionText, Text: "Un mot ?"},
		},
	}
}

func TestSurveysAndResponsesSurviveAReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "Données Élodie", "civisphere.db")
	s := newTestStoreAt(t, path)
	projects := newTestProjects(t, s, 2)
	v := sampleVolunteer("Élodie", "Besançon", "elodie@example.fr")
	if err := s.CreateVolunteer(ctx, &v); err != nil {
		t.Fatal(err)
	}
	sv := testSurvey(projects[0], 0)
	if err := s.CreateSurvey(ctx, &sv); err != nil || sv.ID == 0 {
		t.Fatalf("create survey: %v (id %d)", err, sv.ID)
	}
	answers := []domain.SurveyAnswer{{Number: float(0)}, {Choices: []int{0}}, {Choices: []int{1, 2}}, {}, {Text: "Merci à Ольга"}}
	var numbers []int
	for i := range 3 {
		r := domain.SurveyResponse{SurveyID: sv.ID, Source: domain.SourcePaper, Answers: answers, CreatedAt: storeNow.Add(time.Duration(i) * time.Minute)}
		if i == 2 {
			r.VolunteerID, r.Source = v.ID, domain.SourceApp
		}
		n, err := s.CreateSurveyResponse(ctx, &r, func(domain.Survey) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		numbers = append(numbers, n)
	}
	if !reflect.DeepEqual(numbers, []int{1, 2, 3}) {
		t.Errorf("numbers %v", numbers)
	}
	s.Close()

	s = newTestStoreAt(t, path)
	got, err := s.Survey(ctx, sv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != sv.Title || got.ProjectID != projects[0] || got.ProgramID != 0 || got.Audience != domain.AudienceBeneficiary ||
		!got.CreatedAt.Equal(storeNow) || !domain.SameQuestions(got.Questions, sv.Questions) {
		t.Errorf("survey read back: %+v", got)
	}
	if got.Questions[0].Min == nil || *got.Questions[0].Min != 0 || got.Questions[3].Max != nil {
		t.Errorf("bounds: a zero bound must stay, a missing one stay missing: %+v", got.Questions)
	}
	list, err := s.SurveyResponses(ctx, sv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 || list[0].VolunteerID != v.ID || list[0].Source != domain.SourceApp || list[2].Source != domain.SourcePaper {
		t.Fatalf("responses newest first: %+v", list)
	}
	if !reflect.DeepEqual(list[1].Answers, answers) || !list[1].CreatedAt.Equal(storeNow.Add(time.Minute)) {
		t.Errorf("answers read back: %+v", list[1])
	}
	page, total, err := s.SurveyResponsesPage(ctx, sv.ID, 1, 1)
	if err != nil || total != 3 || len(page) != 1 || page[0].ID != list[1].ID {
		t.Errorf("page: %v, total %d, %+v", err, total, page)
	}
	counts, err := s.SurveyResponseCounts(ctx, []int64{sv.ID, sv.ID + 99})
	if err != nil || !reflect.DeepEqual(counts, map[int64]int{sv.ID: 3}) {
		t.Errorf("counts %v %v", counts, err)
	}
}

func newTestStoreAt(t *testing.T, path string) *Store {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSurveyListsByProjectAndProgram(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	projects := newTestProjects(t, s, 3)
	sponsor := createTestOrganization(t, s, "Fondation Łódź", domain.KindSponsor)
	program := domain.Program{SponsorID: sponsor, Name: "Mécénat 2027", CreatedAt: storeNow, UpdatedAt: storeNow}
	if err := s.CreateProgram(ctx, &program); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, x := range []struct {
		name             string
		project, program int64
		at               time.Duration
	}{{"a", projects[0], 0, 0}, {"b", projects[1], 0, time.Hour}, {"c", projects[0], 0, 2 * time.Hour}, {"p", 0, program.ID, 3 * time.Hour}} {
		sv := testSurvey(x.project, x.program)
		sv.Title, sv.CreatedAt = x.name, storeNow.Add(x.at)
		if err := s.CreateSurvey(ctx, &sv); err != nil {
			t.Fatal(err)
		}
		ids[x.name] = sv.ID
	}
	titles := func(list []domain.Survey) []string {
		out := []string{}
		for _, sv := range list {
			out = append(out, sv.Title)
		}
		return out
	}
	all, total, err := s.Surveys(ctx, SurveyFilter{Limit: 2, Offset: 1})
	if err != nil || total != 4 || !reflect.DeepEqual(titles(all), []string{"c", "b"}) {
		t.Errorf("page of all: %v %d %v", err, total, titles(all))
	}
	ofProjects, err := s.SurveysOfProjects(ctx, []int64{projects[0], projects[2]})
	if err != nil || !reflect.DeepEqual(titles(ofProjects), []string{"c", "a"}) {
		t.Errorf("of projects: %v %v", err, titles(ofProjects))
	}
	ofProgram, err := s.SurveysOfProgram(ctx, program.ID)
	if err != nil || !reflect.DeepEqual(titles(ofProgram), []string{"p"}) {
		t.Errorf("of program: %v %v", err, titles(ofProgram))
	}
	either, _, err := s.Surveys(ctx, SurveyFilter{ProjectIDs: []int64{projects[1]}, ProgramID: program.ID})
	if err != nil || !reflect.DeepEqual(titles(either), []string{"p", "b"}) {
		t.Errorf("project or program: %v %v", err, titles(either))
	}
	if none, err := s.SurveysOfProjects(ctx, nil); err != nil || len(none) != 0 {
		t.Errorf("no projects gives every survey? %v %v", err, titles(none))
	}
}

func TestSurveyUpdateRunsItsCheckInTheTransaction(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	projects := newTestProjects(t, s, 1)
	sv := testSurvey(projects[0], 0)
	if err := s.CreateSurvey(ctx, &sv); err != nil {
		t.Fatal(err)
	}
	r := domain.SurveyResponse{SurveyID: sv.ID, Source: domain.SourceApp, Answers: make([]domain.SurveyAnswer, 5), CreatedAt: storeNow}
	if _, err := s.CreateSurveyResponse(ctx, &r, func(domain.Survey) error { return nil }); err != nil {
		t.Fatal(err)
	}
	changed := sv
	changed.Title = "Nouveau titre"
	changed.Questions = changed.Questions[:1]
	refused := errors.New("refused")
	var seen int
	err := s.UpdateSurvey(ctx, changed, func(current domain.Survey, responses int) error {
		seen = responses
		if len(current.Questions) != 5 {
			t.Errorf("check sees %d questions", len(current.Questions))
		}
		return refused
	})
	if !errors.Is(err, refused) || seen != 1 {
		t.Fatalf("update: %v, responses seen %d", err, seen)
	}
	if got, _ := s.Survey(ctx, sv.ID); got.Title != sv.Title || len(got.Questions) != 5 {
		t.Errorf("a refused update changed the survey: %+v", got)
	}
	if err := s.UpdateSurvey(ctx, changed, func(domain.Survey, int) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Survey(ctx, sv.ID); got.Title != "Nouveau titre" || len(got.Questions) != 1 {
		t.Errorf("update not saved: %+v", got)
	}
	missing := changed
	missing.ID = 999
	if err := s.UpdateSurvey(ctx, missing, func(domain.Survey, int) error { return nil }); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("update of a missing survey: %v", err)
	}
}

func TestSurveyResponseCheckAndDeletes(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	projects := newTestProjects(t, s, 1)
	sv := testSurvey(projects[0], 0)
	if err := s.CreateSurvey(ctx, &sv); err != nil {
		t.Fatal(err)
	}
	refused := errors.New("refused")
	r := domain.SurveyResponse{SurveyID: sv.ID, Source: domain.SourceApp, Answers: make([]domain.SurveyAnswer, 5), CreatedAt: storeNow}
	if _, err := s.CreateSurveyResponse(ctx, &r, func(domain.Survey) error { return refused }); !errors.Is(err, refused) || r.ID != 0 {
		t.Fatalf("refused response: %v (id %d)", err, r.ID)
	}
	if list, _ := s.SurveyResponses(ctx, sv.ID); len(list) != 0 {
		t.Fatalf("a refused response was saved: %+v", list)
	}
	noSurvey := r
	noSurvey.SurveyID = 999
	if _, err := s.CreateSurveyResponse(ctx, &noSurvey, func(domain.Survey) error { return nil }); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("response to a missing survey: %v", err)
	}
	// The check may fill the answers from the survey it is given.
	if _, err := s.CreateSurveyResponse(ctx, &r, func(current domain.Survey) error {
		r.Answers = make([]domain.SurveyAnswer, len(current.Questions))
		r.Answers[4].Text = "Écrit par le contrôle"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	second := domain.SurveyResponse{SurveyID: sv.ID, Source: domain.SourceApp, Answers: make([]domain.SurveyAnswer, 5), CreatedAt: storeNow}
	if n, err := s.CreateSurveyResponse(ctx, &second, func(domain.Survey) error { return nil }); err != nil || n != 2 {
		t.Fatalf("second response: %v, number %d", err, n)
	}
	if list, _ := s.SurveyResponses(ctx, sv.ID); len(list) != 2 || list[1].Answers[4].Text != "Écrit par le contrôle" {
		t.Fatalf("responses %+v", list)
	}
	if err := s.DeleteSurveyResponse(ctx, sv.ID+1, r.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("a response deleted through another survey: %v", err)
	}
	if err := s.DeleteSurveyResponse(ctx, sv.ID, r.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.SurveyResponses(ctx, sv.ID); len(list) != 1 || list[0].ID != second.ID {
		t.Fatalf("after deleting one: %+v", list)
	}
	if err := s.DeleteSurvey(ctx, sv.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Survey(ctx, sv.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleted survey: %v", err)
	}
	var left int
	if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM survey_responses`).Scan(&left); err != nil || left != 0 {
		t.Errorf("responses left after their survey: %d %v", left, err)
	}
	if err := s.DeleteSurvey(ctx, sv.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}
}

func TestSurveyTableRefusesWhatTheDomainForbids(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	projects := newTestProjects(t, s, 1)
	sponsor := createTestOrganization(t, s, "Fondation Łódź", domain.KindSponsor)
	program := domain.Program{SponsorID: sponsor, Name: "Mécénat", CreatedAt: storeNow, UpdatedAt: storeNow}
	if err := s.CreateProgram(ctx, &program); err != nil {
		t.Fatal(err)
	}
	for name, sv := range map[string]domain.Survey{
		"both":            testSurvey(projects[0], program.ID),
		"neither":         testSurvey(0, 0),
		"unknown project": testSurvey(999, 0),
	} {
		if err := s.CreateSurvey(ctx, &sv); err == nil {
			t.Errorf("%s: saved", name)
		}
	}
}
