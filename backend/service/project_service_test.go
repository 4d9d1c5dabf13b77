package service

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

func TestProjectServiceRefusesViewersAndSavesNothingInvalid(t *testing.T) {
	env := newVolunteerEnv(t)
	ctx := context.Background()
	now := func() time.Time { return fixedNow }
	orgs := NewOrganizations(env.store, now)
	projects := NewProjects(env.store, env.svc, now)
	recruitment := NewRecruitment(env.store, now)
	agenda := NewAgenda(env.store, now)
	admin, viewer := domain.LocalAdmin(), domain.Actor{ID: "v", Role: domain.RoleViewer}

	if _, err := orgs.Create(ctx, viewer, OrganizationWrite{Organization: domain.Organization{Kind: domain.KindAssociation, Name: "X"}}); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("viewer created an organization: %v", err)
	}
	asso, err := orgs.Create(ctx, admin, OrganizationWrite{Organization: domain.Organization{Kind: domain.KindAssociation, Name: "Œuvre"}})
	if err != nil {
		t.Fatal(err)
	}
	valid := domain.Project{Title: "Site web", OrganizationID: asso.ID,
		Skills: []domain.ProjectSkill{{Name: "développement web", Level: domain.LevelConfirmed}}}
	if _, err := projects.Create(ctx, viewer, valid, nil); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("viewer created a project: %v", err)
	}
	invalid := valid
	invalid.EndDate, invalid.StartDate = "2027-01-01", "2027-06-01"
	var problems *domain.ValidationError
	if _, err := projects.Create(ctx, admin, invalid, nil); !errors.As(err, &problems) {
		t.Fatalf("end before start: %v", err)
	}
	if _, err := projects.Create(ctx, admin, valid, []domain.Milestone{{Title: "Sans date"}}); !errors.As(err, &problems) {
		t.Fatalf("milestone without a date: %v", err)
	}
	if _, total, _ := projects.List(ctx, admin, store.ProjectFilter{}); total != 0 {
		t.Fatalf("invalid input saved %d projects", total)
	}
	p, err := projects.Create(ctx, admin, valid, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Skills[0].SkillID == "" || domain.IsCustomSkill(p.Skills[0].SkillID) {
		t.Errorf("“développement web” should name a taxonomy skill, got %q", p.Skills[0].SkillID)
	}
	if _, err := projects.Get(ctx, viewer, p.ID); err != nil {
		t.Errorf("a viewer may read a project: %v", err)
	}
	v, err := env.svc.Create(ctx, admin, domain.Volunteer{FirstName: "Élodie", LastName: "Martin"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := recruitment.Apply(ctx, viewer, p.ID, domain.Application{VolunteerID: v.ID}); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("viewer applied: %v", err)
	}
	if _, err := agenda.SaveMilestone(ctx, viewer, domain.Milestone{ProjectID: p.ID, Title: "M", DueDate: "2027-01-01"}); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("viewer added a milestone: %v", err)
	}
	var rule *domain.RuleError
	if _, err := recruitment.Apply(ctx, admin, p.ID, domain.Application{VolunteerID: v.ID}); !errors.As(err, &rule) || rule.Code != domain.RuleProjectNotOpen {
		t.Errorf("application to a draft: %v", err)
	}
	if _, err := env.svc.Archive(ctx, admin, v.ID); err != nil {
		t.Fatal(err)
	}
	p.Status = domain.ProjectRecruiting
	if _, err := projects.Update(ctx, admin, p.ID, p.Project); err != nil {
		t.Fatal(err)
	}
	if _, err := recruitment.Apply(ctx, admin, p.ID, domain.Application{VolunteerID: v.ID}); !errors.As(err, &rule) || rule.Code != domain.RuleVolunteerArchived {
		t.Errorf("application of an archived volunteer: %v", err)
	}
}
