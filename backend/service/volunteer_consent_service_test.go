package service

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

// steppingClock moves one day forward at each reading, so that every record gets its own date.
type steppingClock struct{ t time.Time }

func (c *steppingClock) now() time.Time {
	c.t = c.t.AddDate(0, 0, 1)
	return c.t
}

func fieldCode(t *testing.T, err error, field string) string {
	t.Helper()
	var v *domain.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("want *domain.ValidationError, got %T: %v", err, err)
	}
	for _, f := range v.Fields {
		if f.Field == field {
			return f.Code
		}
	}
	return ""
}

func TestConsentGivenWithdrawnAndGivenAgain(t *testing.T) {
	env := newVolunteerEnv(t)
	clock := &steppingClock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	env.svc.now = clock.now
	ctx, admin := context.Background(), domain.LocalAdmin()
	v, err := env.svc.Create(ctx, admin, domain.Volunteer{FirstName: "Élodie", LastName: "Martin", City: "Besançon"})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Consents) != 0 {
		t.Fatalf("a new volunteer without ticked boxes has consents: %+v", v.Consents)
	}

	given, err := env.svc.SetConsent(ctx, admin, v.ID, domain.ConsentPhotos, true)
	if err != nil || !given.Active() || given.RecordedBy != "local" {
		t.Fatalf("give: %+v, %v", given, err)
	}
	same, err := env.svc.SetConsent(ctx, admin, v.ID, domain.ConsentPhotos, true)
	if err != nil || !same.GivenAt.Equal(given.GivenAt) {
		t.Fatalf("giving twice moved the date: %+v, %v", same, err)
	}
	withdrawn, err := env.svc.SetConsent(ctx, admin, v.ID, domain.ConsentPhotos, false)
	if err != nil || withdrawn.Active() || !withdrawn.GivenAt.Equal(given.GivenAt) || withdrawn.WithdrawnAt.IsZero() {
		t.Fatalf("withdraw: %+v, %v", withdrawn, err)
	}
	if again, err := env.svc.SetConsent(ctx, admin, v.ID, domain.ConsentPhotos, false); err != nil || !again.WithdrawnAt.Equal(withdrawn.WithdrawnAt) {
		t.Fatalf("withdrawing twice moved the date: %+v, %v", again, err)
	}
	regiven, err := env.svc.SetConsent(ctx, admin, v.ID, domain.ConsentPhotos, true)
	if err != nil || !regiven.Active() || !regiven.GivenAt.After(withdrawn.WithdrawnAt) {
		t.Fatalf("give again: %+v, %v", regiven, err)
	}

	history, err := env.svc.ConsentHistory(ctx, domain.Actor{Role: domain.RoleViewer}, v.ID)
	if err != nil || len(history) != 2 || !history[0].Active() || history[1].Active() {
		t.Fatalf("history (read by a viewer): %+v, %v", history, err)
	}
	got, err := env.svc.Get(ctx, admin, v.ID)
	if err != nil || len(got.Consents) != 1 || !got.Consents[0].GivenAt.Equal(regiven.GivenAt) {
		t.Fatalf("profile consents: %+v, %v", got.Consents, err)
	}
	consenting, err := env.svc.VolunteersConsenting(ctx, admin, domain.ConsentPhotos, []int64{v.ID, v.ID + 1})
	if err != nil || !consenting[v.ID] || consenting[v.ID+1] {
		t.Fatalf("consenting: %v, %v", consenting, err)
	}
	current, err := env.svc.CurrentConsents(ctx, domain.Actor{Role: domain.RoleViewer}, []int64{v.ID, v.ID + 1})
	if err != nil || len(current) != 1 || len(current[v.ID]) != 1 || !current[v.ID][0].Active() {
		t.Fatalf("current consents of many: %+v, %v", current, err)
	}
	if _, err := env.svc.VolunteersConsenting(ctx, admin, "newsletter", []int64{v.ID}); fieldCode(t, err, "kind") != domain.CodeInvalidChoice {
		t.Fatalf("consenting to an unknown kind: %v", err)
	}
}

func TestConsentsRefusedToAViewerSaveNothing(t *testing.T) {
	env := newVolunteerEnv(t)
	ctx, admin := context.Background(), domain.LocalAdmin()
	v, err := env.svc.Create(ctx, admin, domain.Volunteer{FirstName: "Zoé", LastName: "Lefèvre"})
	if err != nil {
		t.Fatal(err)
	}
	viewer := domain.Actor{ID: "lecteur", Role: domain.RoleViewer}
	if _, err := env.svc.SetConsent(ctx, viewer, v.ID, domain.ConsentContact, true); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("viewer: want ErrForbidden, got %v", err)
	}
	if _, err := env.svc.Create(ctx, viewer, domain.Volunteer{LastName: "Autre", Consents: []domain.Consent{{Kind: domain.ConsentContact}}}); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("viewer create: want ErrForbidden, got %v", err)
	}
	if history, err := env.store.ConsentHistory(ctx, v.ID); err != nil || len(history) != 0 {
		t.Fatalf("history after refusals: %+v, %v", history, err)
	}
	coordinator := domain.Actor{ID: "coord", Role: domain.RoleCoordinator}
	c, err := env.svc.SetConsent(ctx, coordinator, v.ID, domain.ConsentContact, true)
	if err != nil || c.RecordedBy != "coord" {
		t.Fatalf("coordinator: %+v, %v", c, err)
	}
}

func TestUnknownConsentKindOrVolunteer(t *testing.T) {
	env := newVolunteerEnv(t)
	ctx, admin := context.Background(), domain.LocalAdmin()
	v, err := env.svc.Create(ctx, admin, domain.Volunteer{FirstName: "Ольга", LastName: "Петрова"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = env.svc.SetConsent(ctx, admin, v.ID, "newsletter", true)
	if fieldCode(t, err, "kind") != domain.CodeInvalidChoice {
		t.Fatalf("unknown kind: %v", err)
	}
	if _, err := env.svc.SetConsent(ctx, admin, 9999, domain.ConsentPhotos, true); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("unknown volunteer: want ErrNotFound, got %v", err)
	}
	if _, err := env.svc.ConsentHistory(ctx, admin, 9999); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("history of unknown volunteer: want ErrNotFound, got %v", err)
	}
	if history, _ := env.store.ConsentHistory(ctx, v.ID); len(history) != 0 {
		t.Fatalf("a refused kind was saved: %+v", history)
	}
}

func TestCreateRecordsTheConsentsGivenOnTheForm(t *testing.T) {
	env := newVolunteerEnv(t)
	ctx, admin := context.Background(), domain.LocalAdmin()
	v, err := env.svc.Create(ctx, admin, domain.Volunteer{FirstName: "Nguyễn", LastName: "Văn An",
		Consents: []domain.Consent{{Kind: domain.ConsentSponsorNames}, {Kind: domain.ConsentContact}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Consents) != 2 || v.Consents[0].Kind != domain.ConsentContact || v.Consents[1].Kind != domain.ConsentSponsorNames ||
		!v.Consents[0].GivenAt.Equal(fixedNow) || !v.Consents[1].Active() {
		t.Fatalf("consents at creation: %+v", v.Consents)
	}

	// An unknown kind is reported with the profile's own problems, and nothing is saved.
	_, err = env.svc.Create(ctx, admin, domain.Volunteer{Email: "pas-un-courriel",
		Consents: []domain.Consent{{Kind: "newsletter"}}})
	if fieldCode(t, err, "consents") != domain.CodeInvalidChoice || fieldCode(t, err, "email") == "" {
		t.Fatalf("invalid creation: %v", err)
	}
	if n, _ := env.store.CountVolunteers(ctx); n != 1 {
		t.Fatalf("%d volunteers after a refused creation", n)
	}

	// Saving the profile leaves the consents alone.
	v.City = "Besançon"
	v.Consents = nil
	updated, err := env.svc.Update(ctx, admin, v.ID, v)
	if err != nil || len(updated.Consents) != 2 {
		t.Fatalf("update: %+v, %v", updated.Consents, err)
	}
}
