package service

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

var fixedNow = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

func newSettings(t *testing.T) *Settings {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "civisphere.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return NewSettings(st, func() time.Time { return fixedNow })
}

func pngBytes(t *testing.T) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 8, 8))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestUpdateOrganizationProfileSavesNormalizedProfile(t *testing.T) {
	s := newSettings(t)
	ctx := context.Background()
	got, err := s.UpdateOrganizationProfile(ctx, domain.LocalAdmin(), ProfileUpdate{
		Profile: domain.OrganizationProfile{Name: " Œuvre de Besançon ", Email: "contact@oeuvre.fr", RegistrationNumber: "w 251 002 233"},
		Logo:    pngBytes(t),
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Œuvre de Besançon" || got.RegistrationNumber != "W251002233" || !got.UpdatedAt.Equal(fixedNow) || got.Logo == nil {
		t.Fatalf("got %+v", got)
	}
}

// An invalid logo must not let the rest of the form through: nothing is saved.
func TestInvalidInputSavesNothing(t *testing.T) {
	s := newSettings(t)
	ctx := context.Background()
	_, err := s.UpdateOrganizationProfile(ctx, domain.LocalAdmin(), ProfileUpdate{
		Profile: domain.OrganizationProfile{Name: "Valide", Email: "pas-un-email"},
		Logo:    []byte("GIF89a pas une image"),
	})
	var v *domain.ValidationError
	if !errors.As(err, &v) || len(v.Fields) != 2 {
		t.Fatalf("want 2 field problems (email, logo), got %v", err)
	}
	p, err := s.OrganizationProfile(ctx, domain.LocalAdmin())
	if err != nil || p.Name != "" || !p.UpdatedAt.IsZero() {
		t.Fatalf("something was saved: %+v %v", p, err)
	}
}

func TestCertificateSignatorySavedAndBounded(t *testing.T) {
	s := newSettings(t)
	ctx := context.Background()
	got, err := s.UpdateOrganizationProfile(ctx, domain.LocalAdmin(), ProfileUpdate{Profile: domain.OrganizationProfile{
		Name: "Œuvre de Besançon", SignatoryName: " Marie-Hélène  Dubœuf ", SignatoryRole: "Présidente"}})
	if err != nil || got.SignatoryName != "Marie-Hélène Dubœuf" || got.SignatoryRole != "Présidente" {
		t.Fatalf("got %+v, %v", got, err)
	}
	_, err = s.UpdateOrganizationProfile(ctx, domain.LocalAdmin(), ProfileUpdate{Profile: domain.OrganizationProfile{
		Name: "Autre nom", SignatoryName: strings.Repeat("Ł", 121), SignatoryRole: "Trésorier"}})
	var v *domain.ValidationError
	if !errors.As(err, &v) || len(v.Fields) != 1 || v.Fields[0].Field != "signatoryName" || v.Fields[0].Code != domain.CodeTooLong {
		t.Fatalf("a 121-letter name: %v", err)
	}
	kept, _ := s.OrganizationProfile(ctx, domain.LocalAdmin())
	if kept.Name != "Œuvre de Besançon" || kept.SignatoryRole != "Présidente" {
		t.Fatalf("a refused form changed the profile: %+v", kept)
	}
	viewer := domain.Actor{ID: "v", Role: domain.RoleViewer}
	if _, err := s.UpdateOrganizationProfile(ctx, viewer, ProfileUpdate{Profile: domain.OrganizationProfile{
		Name: "Œuvre de Besançon", SignatoryName: "Intrus"}}); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("viewer: %v", err)
	}
}

func TestViewerMayNotChangeSettings(t *testing.T) {
	s := newSettings(t)
	viewer := domain.Actor{ID: "v", Role: domain.RoleViewer}
	_, err := s.UpdateOrganizationProfile(context.Background(), viewer, ProfileUpdate{Profile: domain.OrganizationProfile{Name: "X"}})
	if !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("profile: got %v", err)
	}
	_, err = s.UpdatePreferences(context.Background(), viewer, domain.DefaultPreferences())
	if !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("preferences: got %v", err)
	}
}

func TestRemoveLogo(t *testing.T) {
	s := newSettings(t)
	ctx := context.Background()
	admin := domain.LocalAdmin()
	base := domain.OrganizationProfile{Name: "Asso"}
	if _, err := s.UpdateOrganizationProfile(ctx, admin, ProfileUpdate{Profile: base, Logo: pngBytes(t)}); err != nil {
		t.Fatal(err)
	}
	got, err := s.UpdateOrganizationProfile(ctx, admin, ProfileUpdate{Profile: base, RemoveLogo: true})
	if err != nil || got.Logo != nil {
		t.Fatalf("logo not removed: %+v %v", got.Logo, err)
	}
}
