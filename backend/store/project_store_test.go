package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

// TestProjectAggregatesSurviveAReopen writes an organization, a program, a project with skills
// and milestones, an application and a task, closes the database and reads everything back.
func TestProjectAggregatesSurviveAReopen(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "Données Besançon")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "civisphere.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	asso := domain.Organization{Kind: domain.KindAssociation, Name: "Œuvre des Écoles", City: "Besançon", CreatedAt: now, UpdatedAt: now}
	sponsor := domain.Organization{Kind: domain.KindSponsor, Name: "Фонд Ольги", CreatedAt: now, UpdatedAt: now}
	for _, o := range []*domain.Organization{&asso, &sponsor} {
		if err := s.CreateOrganization(ctx, o, nil); err != nil {
			t.Fatal(err)
		}
	}
	program := domain.Program{SponsorID: sponsor.ID, Name: "Mécénat 2027", StartDate: "2027-01-01", CreatedAt: now, UpdatedAt: now}
	if err := s.CreateProgram(ctx, &program); err != nil {
		t.Fatal(err)
	}
	v := domain.Volunteer{FirstName: "Élodie", LastName: "Martin", Status: domain.StatusActive, SponsorID: sponsor.ID, CreatedAt: now, UpdatedAt: now}
	if err := s.CreateVolunteer(ctx, &v); err != nil {
		t.Fatal(err)
	}
	p := domain.Project{
		Title: "Comptabilité", OrganizationID: asso.ID, SponsorID: sponsor.ID, ProgramID: program.ID,
		Skills: []domain.ProjectSkill{{SkillID: "accounting", Name: "Comptabilité", Level: domain.LevelConfirmed, People: 2},
			{SkillID: "custom:tenue-de-caisse", Name: "Tenue de caisse", Level: domain.LevelBeginner, People: 1}},
		Causes: []domain.Cause{"solidarity"}, StartDate: "2027-01-10", Status: domain.ProjectRecruiting,
		Schedule: domain.Availability{Evenings: true, Days: []string{"tuesday"}, HoursPerMonth: 8, Mode: domain.ModeOnSite},
		City:     "Besançon", CreatedByVolunteerID: v.ID, CreatedAt: now, UpdatedAt: now,
	}
	milestones := []domain.Milestone{{Title: "Lancement", DueDate: "2027-01-12", CreatedAt: now, UpdatedAt: now}}
	if err := s.CreateProject(ctx, &p, milestones); err != nil {
		t.Fatal(err)
	}
	a := domain.Application{ProjectID: p.ID, VolunteerID: v.ID, Status: domain.ApplicationAccepted, Origin: domain.OriginInvited, CreatedAt: now, UpdatedAt: now}
	if err := s.CreateApplication(ctx, &a); err != nil {
		t.Fatal(err)
	}
	second := a
	second.ID = 0
	var rule *domain.RuleError
	if err := s.CreateApplication(ctx, &second); !errors.As(err, &rule) || rule.Code != domain.RuleAlreadyApplied || second.ID != 0 {
		t.Fatalf("second open application: %v (id %d)", err, second.ID)
	}
	task := domain.Task{ProjectID: p.ID, Title: "Relevés", AssigneeID: v.ID, CreatedAt: now, UpdatedAt: now}
	if err := s.CreateTask(ctx, &task); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Project(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != p.Title || got.ProgramID != program.ID || got.SponsorID != sponsor.ID || got.CreatedByVolunteerID != v.ID ||
		len(got.Skills) != 2 || got.Skills[1].Name != "Tenue de caisse" || got.Skills[0].People != 2 ||
		!got.Schedule.Evenings || got.Schedule.Days[0] != "tuesday" || got.Schedule.Mode != domain.ModeOnSite || got.Causes[0] != "solidarity" {
		t.Errorf("project read back: %+v", got)
	}
	if list, total, err := s.Projects(ctx, ProjectFilter{Text: "COMPTABILITE", Statuses: []domain.ProjectStatus{domain.ProjectRecruiting}}); err != nil || total != 1 || len(list) != 1 {
		t.Errorf("filter by folded text and status: %d %v", total, err)
	}
	if list, _, _ := s.Organizations(ctx, OrganizationFilter{Text: "oeuvre ecoles"}); len(list) != 1 || list[0].Name != "Œuvre des Écoles" {
		t.Errorf("organization by folded words: %+v", list)
	}
	if back, _ := s.Volunteer(ctx, v.ID); back.SponsorID != sponsor.ID {
		t.Errorf("volunteer's sponsor: %d", back.SponsorID)
	}
	if ms, _ := s.Milestones(ctx, p.ID); len(ms) != 1 || ms[0].Title != "Lancement" {
		t.Errorf("milestones: %+v", ms)
	}
	if ts, _ := s.Tasks(ctx, p.ID); len(ts) != 1 || ts[0].AssigneeID != v.ID {
		t.Errorf("tasks: %+v", ts)
	}
	counts, _ := s.ProjectCountsByID(ctx, []int64{p.ID})
	loads, _ := s.VolunteerLoads(ctx, []int64{v.ID})
	if counts[p.ID].Team != 1 || loads[v.ID] != 1 {
		t.Errorf("counts %+v loads %+v", counts, loads)
	}
	// Closing the application frees the volunteer to apply again.
	a.Status = domain.ApplicationWithdrawn
	if err := s.SetApplicationStatus(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateApplication(ctx, &second); err != nil {
		t.Fatalf("application after a withdrawal: %v", err)
	}
	if err := s.DeleteMilestone(ctx, p.ID+1, milestones[0].ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleting another project's milestone: %v", err)
	}
}
