package store

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"path/filepath"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

func testLogo(t *testing.T, w, h int) *domain.Logo {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	logo, err := domain.NewLogo(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return logo
}

func TestOrganizationProfileNeverSaved(t *testing.T) {
	s := newTestStore(t)
	p, err := s.OrganizationProfile(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "" || !p.UpdatedAt.IsZero() || p.Logo != nil {
		t.Fatalf("want zero profile, got %+v", p)
	}
	if _, err := s.OrganizationLogo(context.Background()); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("want ErrNotFound, got %v", err)
	}
}

func TestOrganizationProfileRoundTripSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "civisphere.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	saved := domain.OrganizationProfile{
		Name: "Œuvre Sainte-Élodie — Besançon", Address: "3 place de l’Hôtel-de-Ville\nBâtiment B",
		Postcode: "25000", City: "Besançon", RegistrationNumber: "W251002233",
		Email: "élodie@œuvre.fr", Phone: "03 81 00 00 00", Website: "https://œuvre.fr",
		SignatoryName: "Marie-Hélène Dubœuf", SignatoryRole: "Présidente",
		UpdatedAt: time.Date(2026, 11, 25, 10, 30, 0, 123, time.UTC),
	}
	logo := testLogo(t, 64, 32)
	if err := s.SaveOrganizationProfile(ctx, saved, LogoUpdate{Set: logo}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.OrganizationProfile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Logo == nil || *got.Logo != logo.LogoInfo {
		t.Fatalf("logo info %+v, want %+v", got.Logo, logo.LogoInfo)
	}
	got.Logo = nil
	if got != saved {
		t.Fatalf("got %+v\nwant %+v", got, saved)
	}
	gotLogo, err := s.OrganizationLogo(ctx)
	if err != nil || !bytes.Equal(gotLogo.Data, logo.Data) || gotLogo.MediaType != "image/png" {
		t.Fatalf("logo: %v", err)
	}
}

func TestOrganizationLogoKeptReplacedRemoved(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	p := domain.OrganizationProfile{Name: "Les Amis d’Ольга", UpdatedAt: time.Now()}
	first, second := testLogo(t, 10, 10), testLogo(t, 20, 10)

	steps := []struct {
		name   string
		update LogoUpdate
		want   *domain.Logo
	}{
		{"set", LogoUpdate{Set: first}, first},
		{"keep", LogoUpdate{}, first},
		{"replace", LogoUpdate{Set: second}, second},
		{"remove", LogoUpdate{Remove: true}, nil},
		{"keep nothing", LogoUpdate{}, nil},
	}
	for _, step := range steps {
		if err := s.SaveOrganizationProfile(ctx, p, step.update); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		got, err := s.OrganizationProfile(ctx)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case step.want == nil && got.Logo != nil:
			t.Errorf("%s: logo still there: %+v", step.name, got.Logo)
		case step.want != nil && (got.Logo == nil || got.Logo.Digest != step.want.Digest):
			t.Errorf("%s: logo %+v, want digest %s", step.name, got.Logo, step.want.Digest)
		}
	}
}

func TestPreferencesDefaultsAndRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	p, err := s.Preferences(ctx)
	if err != nil || p != domain.DefaultPreferences() {
		t.Fatalf("defaults: %+v %v", p, err)
	}
	want := domain.Preferences{Locale: "en", Theme: "dark"}
	if err := s.SavePreferences(ctx, want, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePreferences(ctx, domain.Preferences{Locale: "fr", Theme: "light"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	p, err = s.Preferences(ctx)
	if err != nil || p != (domain.Preferences{Locale: "fr", Theme: "light"}) {
		t.Fatalf("got %+v %v", p, err)
	}
}
