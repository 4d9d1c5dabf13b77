package service

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

func TestHourServiceRefusesViewersAndSavesNothingInvalid(t *testing.T) {
	env := newVolunteerEnv(t)
	ctx := context.Background()
	now := func() time.Time { return fixedNow }
	orgs := NewOrganizations(env.store, now)
	projects := NewProjects(env.store, env.svc, now)
	hours := NewHours(env.store, env.svc, now)
	admin, viewer := domain.LocalAdmin(), domain.Actor{ID: "v", Role: domain.RoleViewer}

	asso, err := orgs.Create(ctx, admin, OrganizationWrite{Organization: domain.Organization{Kind: domain.KindAssociation, Name: "Œuvre"}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := projects.Create(ctx, admin, domain.Project{Title: "Paie", OrganizationID: asso.ID}, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := env.svc.Create(ctx, admin, domain.Volunteer{FirstName: "Ștefan", LastName: "Popescu",
		Skills: []domain.VolunteerSkill{{Name: "paie", Level: domain.LevelConfirmed}}})
	if err != nil {
		t.Fatal(err)
	}
	day := fixedNow.Format(time.DateOnly)
	valid := domain.HourEntry{VolunteerID: v.ID, ProjectID: p.ID, Date: day, Minutes: 90, SkillName: "gestion de la paie"}

	if _, err := hours.Create(ctx, viewer, []domain.HourEntry{valid}); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("viewer logged hours: %v", err)
	}
	invalid := valid
	invalid.Minutes = 0
	var item *domain.ItemError
	if _, err := hours.Create(ctx, admin, []domain.HourEntry{valid, invalid}); !errors.As(err, &item) || item.Index != 1 {
		t.Fatalf("zero minutes in the second entry: %v", err)
	}
	if page, err := hours.List(ctx, admin, store.HourFilter{}); err != nil || page.Total != 0 {
		t.Fatalf("a refused timesheet saved %d entries (%v)", page.Total, err)
	}
	lines, err := hours.Create(ctx, admin, []domain.HourEntry{valid})
	if err != nil {
		t.Fatal(err)
	}
	if e := lines[0]; e.SkillID != "payroll" || e.SkillDomain != "finance" || e.Level != domain.LevelConfirmed || e.ValueCents != 6000 {
		t.Errorf("entry = %+v; want payroll (finance), confirmed from the profile, 1.5 h × 40 € = 60 €", e)
	}
	if _, err := hours.Review(ctx, viewer, []int64{lines[0].ID}, domain.HoursApproved, ""); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("viewer approved hours: %v", err)
	}
	if _, err := hours.SaveRates(ctx, domain.Actor{ID: "c", Role: domain.RoleCoordinator}, domain.DefaultHourRates()); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("a coordinator changed the hourly values, which are settings: %v", err)
	}
	if _, err := hours.List(ctx, viewer, store.HourFilter{}); err != nil {
		t.Errorf("a viewer may read hours: %v", err)
	}
}
