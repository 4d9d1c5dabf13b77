package service

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

// auditOf returns "action detail" for each entry about volunteer id, oldest first.
func auditOf(t *testing.T, e *privacyEnv, id int64) []string {
	t.Helper()
	page, err := e.privacy.AuditLog(context.Background(), domain.LocalAdmin(), id, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range page.Items {
		out = append(out, string(a.Action)+" "+a.Detail)
	}
	slices.Reverse(out) // the log lists the newest first
	return out
}

// Hours and applications are data about a person: logging, changing, reviewing and deleting
// hours, and applying and moving an application, each leave an entry per person concerned, in
// the same transaction as the change (a refused timesheet leaves none).
func TestHoursAndApplicationsAreAudited(t *testing.T) {
	ctx := context.Background()
	admin := domain.LocalAdmin()
	env := openPrivacyEnv(t, t.TempDir(), newClock())
	elodie, err := env.volunteers.Create(ctx, admin, domain.Volunteer{FirstName: "Élodie", LastName: "Œuvre", City: "Besançon"})
	if err != nil {
		t.Fatal(err)
	}
	olga, err := env.volunteers.Create(ctx, admin, domain.Volunteer{FirstName: "Ольга", LastName: "Иванова", City: "Besançon"})
	if err != nil {
		t.Fatal(err)
	}
	now := env.clock.now()
	asso := domain.Organization{Kind: domain.KindAssociation, Name: "Œuvre de Besançon", CreatedAt: now, UpdatedAt: now}
	if err := env.store.CreateOrganization(ctx, &asso, nil); err != nil {
		t.Fatal(err)
	}
	pr := domain.Project{Title: "Aide aux devoirs", OrganizationID: asso.ID, Status: domain.ProjectInProgress, CreatedAt: now, UpdatedAt: now}
	if err := env.store.CreateProject(ctx, &pr, nil); err != nil {
		t.Fatal(err)
	}
	hours := NewHours(env.store, env.volunteers, env.clock.now)
	day := now.Format(time.DateOnly)

	// A timesheet with one refused line writes nothing, and records nothing.
	if _, err := hours.Create(ctx, admin, []domain.HourEntry{
		{VolunteerID: elodie.ID, ProjectID: pr.ID, Date: day, Minutes: 60},
		{VolunteerID: olga.ID, ProjectID: pr.ID, Date: day, Minutes: -5},
	}); err == nil {
		t.Fatal("a negative line should refuse the timesheet")
	}
	if got := auditOf(t, env, elodie.ID); len(got) != 1 {
		t.Fatalf("a refused timesheet left entries: %v", got)
	}

	lines, err := hours.Create(ctx, admin, []domain.HourEntry{
		{VolunteerID: elodie.ID, ProjectID: pr.ID, Date: day, Minutes: 60},
		{VolunteerID: elodie.ID, ProjectID: pr.ID, Date: day, Minutes: 30},
		{VolunteerID: olga.ID, ProjectID: pr.ID, Date: day, Minutes: 90},
	})
	if err != nil {
		t.Fatal(err)
	}
	ids := []int64{lines[0].ID, lines[1].ID, lines[2].ID}
	if _, err := hours.Review(ctx, admin, ids, domain.HoursApproved, "Coordinatrice"); err != nil {
		t.Fatal(err)
	}
	changed := lines[0].HourEntry
	changed.Minutes = 75
	if _, err := hours.Update(ctx, admin, changed); err != nil {
		t.Fatal(err)
	}
	if err := hours.Delete(ctx, admin, lines[1].ID); err != nil {
		t.Fatal(err)
	}

	recruitment := NewRecruitment(env.store, env.clock.now)
	app, err := recruitment.Apply(ctx, admin, pr.ID, domain.Application{VolunteerID: olga.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := recruitment.Move(ctx, admin, app.ID, domain.ApplicationShortlisted); err != nil {
		t.Fatal(err)
	}

	wantElodie := []string{
		"volunteer.created",
		"hours.logged entries=2",
		"hours.reviewed entries=2 status=approved",
		"hours.changed entry=" + strconv.FormatInt(lines[0].ID, 10) + " status=pending",
		"hours.deleted entry=" + strconv.FormatInt(lines[1].ID, 10) + " day=" + day + " minutes=30",
	}
	wantOlga := []string{
		"volunteer.created",
		"hours.logged entries=1",
		"hours.reviewed entries=1 status=approved",
		"application.created project=" + strconv.FormatInt(pr.ID, 10) + " status=applied",
		"application.moved project=" + strconv.FormatInt(pr.ID, 10) + " from=applied to=shortlisted",
	}
	for _, c := range []struct {
		name string
		id   int64
		want []string
	}{{"Élodie", elodie.ID, wantElodie}, {"Ольга", olga.ID, wantOlga}} {
		got := auditOf(t, env, c.id)
		for i := range got {
			got[i] = strings.TrimSpace(got[i])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s's audit:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}
