package service

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/diagnostic"
	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

type diagnosticEnv struct {
	*volunteerEnv
	orgs        *Organizations
	projects    *Projects
	diagnostics *Diagnostics
	association int64
	sponsor     int64
}

func newDiagnosticEnv(t *testing.T) *diagnosticEnv {
	t.Helper()
	ve := newVolunteerEnv(t)
	now := func() time.Time { return fixedNow }
	env := &diagnosticEnv{volunteerEnv: ve, orgs: NewOrganizations(ve.store, now), projects: NewProjects(ve.store, ve.svc, now)}
	env.diagnostics = NewDiagnostics(ve.store, env.projects, now)
	ctx, admin := context.Background(), domain.LocalAdmin()
	for _, o := range []struct {
		dst  *int64
		kind domain.OrganizationKind
		name string
	}{{&env.association, domain.KindAssociation, "Œuvre Sainte-Élodie de Besançon"}, {&env.sponsor, domain.KindSponsor, "Fondation Łódź"}} {
		created, err := env.orgs.Create(ctx, admin, OrganizationWrite{Organization: domain.Organization{Kind: o.kind, Name: o.name}})
		if err != nil {
			t.Fatal(err)
		}
		*o.dst = created.ID
	}
	return env
}

// weakFinance answers every question "fully" but the finance ones.
func weakFinance() map[string]string {
	answers := map[string]string{}
	for _, q := range diagnostic.Questions() {
		answers[q.ID] = diagnostic.Fully
	}
	answers["finance-bookkeeping"] = diagnostic.NotInPlace
	answers["finance-budget"] = diagnostic.Partly
	answers["finance-cash"] = " "
	return answers
}

func fieldCodes(err error) []string {
	var v *domain.ValidationError
	if !errors.As(err, &v) {
		return nil
	}
	out := make([]string, len(v.Fields))
	for i, f := range v.Fields {
		out[i] = f.Field + ":" + f.Code
	}
	return out
}

func TestSubmitScoresKeepsAndSuggests(t *testing.T) {
	env := newDiagnosticEnv(t)
	ctx, admin := context.Background(), domain.LocalAdmin()
	got, err := env.diagnostics.Submit(ctx, admin, env.association, weakFinance())
	if err != nil {
		t.Fatal(err)
	}
	if got.ID == 0 || got.OrganizationName != "Œuvre Sainte-Élodie de Besançon" || got.Version != diagnostic.Version ||
		!got.CreatedAt.Equal(fixedNow) {
		t.Fatalf("diagnostic %+v", got)
	}
	if _, blank := got.Answers["finance-cash"]; blank || len(got.Answers) != len(diagnostic.Questions())-1 {
		t.Errorf("a blank answer was kept: %v", got.Answers)
	}
	if f := got.Needs[0]; f.Area != "finance" || f.Score != 83 || f.Level != domain.NeedHigh || f.Answered != 2 {
		t.Errorf("finance need %+v", f)
	}
	if len(got.Suggestions) == 0 || got.Suggestions[0].ID != "finance-bookkeeping" {
		t.Fatalf("suggestions %+v", got.Suggestions)
	}
	again, err := env.diagnostics.Get(ctx, domain.Actor{Role: domain.RoleViewer}, got.ID)
	if err != nil || again.Needs[0].Score != 83 || len(again.Suggestions) != len(got.Suggestions) {
		t.Fatalf("read again: %+v %v", again, err)
	}
}

func TestSubmitRefusesBadInputAndSavesNothing(t *testing.T) {
	env := newDiagnosticEnv(t)
	ctx, admin := context.Background(), domain.LocalAdmin()
	for _, tc := range []struct {
		name    string
		org     int64
		answers map[string]string
		want    []string
	}{
		{"a sponsor is not assessed", env.sponsor, weakFinance(), []string{"organizationId:not_an_association"}},
		{"unknown organization", 999, weakFinance(), []string{"organizationId:unknown_reference"}},
		{"no organization and no answer", 0, nil, []string{"organizationId:required", "answers:required"}},
		{"unknown option", env.association, map[string]string{"hr-roles": "toujours"}, []string{"answers.hr-roles:invalid_choice"}},
		{"unknown question", env.association, map[string]string{"hr-roles": "fully", "météo": "fully"}, []string{"answers.météo:unknown_question"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := env.diagnostics.Submit(ctx, admin, tc.org, tc.answers)
			if got := fieldCodes(err); !slices.Equal(got, tc.want) {
				t.Fatalf("problems %v (%v), want %v", got, err, tc.want)
			}
		})
	}
	if _, err := env.diagnostics.Submit(ctx, domain.Actor{Role: domain.RoleViewer}, env.association, weakFinance()); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("viewer: %v", err)
	}
	list, total, err := env.diagnostics.History(ctx, admin, env.association, 0, 0)
	if err != nil || total != 0 || len(list) != 0 {
		t.Fatalf("something was saved: %d %v", total, err)
	}
}

func TestHistoryNewestFirst(t *testing.T) {
	env := newDiagnosticEnv(t)
	ctx, admin := context.Background(), domain.LocalAdmin()
	day := fixedNow
	env.diagnostics.now = func() time.Time { return day }
	first, err := env.diagnostics.Submit(ctx, admin, env.association, weakFinance())
	if err != nil {
		t.Fatal(err)
	}
	day = day.AddDate(0, 6, 0)
	better := weakFinance()
	better["finance-bookkeeping"], better["finance-budget"] = diagnostic.Mostly, diagnostic.Mostly
	second, err := env.diagnostics.Submit(ctx, admin, env.association, better)
	if err != nil {
		t.Fatal(err)
	}
	list, total, err := env.diagnostics.History(ctx, domain.Actor{Role: domain.RoleViewer}, env.association, 10, 0)
	if err != nil || total != 2 || len(list) != 2 || list[0].ID != second.ID || list[1].ID != first.ID {
		t.Fatalf("history %d %+v %v", total, list, err)
	}
	if list[0].Needs[0].Score != 33 || list[1].Needs[0].Score != 83 {
		t.Errorf("finance over time: %d then %d", list[1].Needs[0].Score, list[0].Needs[0].Score)
	}
	if _, _, err := env.diagnostics.History(ctx, admin, 999, 0, 0); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("unknown organization: %v", err)
	}
	if _, _, err := env.diagnostics.History(ctx, domain.Actor{Role: "stranger"}, env.association, 0, 0); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("stranger: %v", err)
	}
}

func TestCreateProjectFromTemplate(t *testing.T) {
	env := newDiagnosticEnv(t)
	ctx, admin := context.Background(), domain.LocalAdmin()
	// The association already works for solidarity (twice) and culture: a new project says so too.
	for _, causes := range [][]domain.Cause{{"culture", "solidarity"}, {"solidarity"}} {
		if _, err := env.projects.Create(ctx, admin, domain.Project{Title: "Épicerie solidaire", OrganizationID: env.association, Causes: causes}, nil); err != nil {
			t.Fatal(err)
		}
	}
	d, err := env.diagnostics.Submit(ctx, admin, env.association, weakFinance())
	if err != nil {
		t.Fatal(err)
	}
	p, err := env.diagnostics.CreateProject(ctx, admin, d.ID, ProjectFromTemplate{TemplateID: "finance-bookkeeping", StartDate: "2027-01-04", Locale: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Mettre en place une comptabilité simple et à jour" || p.Status != domain.ProjectDraft ||
		p.OrganizationID != env.association || p.StartDate != "2027-01-04" || p.EndDate != "2027-03-29" ||
		!slices.Equal(p.Causes, []domain.Cause{"solidarity", "culture"}) || p.Schedule.Mode != domain.ModeEither {
		t.Fatalf("project %+v", p.Project)
	}
	if len(p.Skills) != 2 || p.Skills[0].SkillID != "accounting" || p.Skills[0].Level != domain.LevelConfirmed || p.Skills[0].People != 1 {
		t.Errorf("skills %+v", p.Skills)
	}
	milestones, err := env.store.Milestones(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, m := range milestones {
		dates = append(dates, m.DueDate+" "+m.Title)
	}
	want := []string{"2027-01-11 État des lieux des pièces et des comptes", "2027-02-01 Plan comptable et outil choisis",
		"2027-03-01 Comptes de l’année rattrapés", "2027-03-29 Trésorier formé à la saisie mensuelle"}
	if !slices.Equal(dates, want) {
		t.Errorf("milestones %q, want %q", dates, want)
	}
	linked, err := env.diagnostics.Get(ctx, admin, d.ID)
	if err != nil || linked.Projects["finance-bookkeeping"] != p.ID {
		t.Fatalf("link: %+v %v", linked.Projects, err)
	}

	// The same suggestion again is refused, naming the project already made.
	_, err = env.diagnostics.CreateProject(ctx, admin, d.ID, ProjectFromTemplate{TemplateID: "finance-bookkeeping"})
	var rule *domain.RuleError
	if !errors.As(err, &rule) || rule.Code != domain.RuleTemplateAlreadyUsed || rule.Params["title"] != p.Title {
		t.Fatalf("second time: %v", err)
	}

	// In English, starting today, with the causes given.
	en, err := env.diagnostics.CreateProject(ctx, admin, d.ID, ProjectFromTemplate{TemplateID: "digital-website", Locale: "en-GB", Causes: []domain.Cause{}})
	if err != nil {
		t.Fatal(err)
	}
	if en.Title != "Build or rebuild the website, with online joining and donations" || en.StartDate != "2026-11-25" ||
		en.EndDate != "2027-02-17" || len(en.Causes) != 0 {
		t.Errorf("project in English %+v", en.Project)
	}
}

func TestCreateProjectRefusals(t *testing.T) {
	env := newDiagnosticEnv(t)
	ctx, admin := context.Background(), domain.LocalAdmin()
	d, err := env.diagnostics.Submit(ctx, admin, env.association, weakFinance())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		in   ProjectFromTemplate
		want []string
	}{
		{"no template", ProjectFromTemplate{}, []string{"templateId:required"}},
		{"unknown template and impossible date", ProjectFromTemplate{TemplateID: "licorne", StartDate: "2027-02-30"},
			[]string{"templateId:unknown_reference", "startDate:invalid_date"}},
		{"unknown cause", ProjectFromTemplate{TemplateID: "hr-onboarding", Causes: []domain.Cause{"licornes"}}, []string{"causes:invalid_choice"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := env.diagnostics.CreateProject(ctx, admin, d.ID, tc.in)
			if got := fieldCodes(err); !slices.Equal(got, tc.want) {
				t.Fatalf("problems %v (%v), want %v", got, err, tc.want)
			}
		})
	}
	if _, err := env.diagnostics.CreateProject(ctx, admin, 999, ProjectFromTemplate{TemplateID: "hr-onboarding"}); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("unknown diagnostic: %v", err)
	}
	if _, err := env.diagnostics.CreateProject(ctx, domain.Actor{Role: domain.RoleViewer}, d.ID, ProjectFromTemplate{TemplateID: "hr-onboarding"}); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("viewer: %v", err)
	}
	projects, total, err := env.projects.List(ctx, admin, store.ProjectFilter{})
	if err != nil || total != 0 {
		t.Fatalf("a refused request made a project: %+v %v", projects, err)
	}
	if again, _ := env.diagnostics.Get(ctx, admin, d.ID); len(again.Projects) != 0 {
		t.Fatalf("links %v", again.Projects)
	}
}
