package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

func TestResourcesRoundTripSurviveReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "civisphere.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	note := domain.Resource{Kind: domain.ResourceNote, Title: "Accueil des bénévoles", Body: "1. **Café**\n2. <script>alert(1)</script>", CreatedAt: t0, UpdatedAt: t0}
	link := domain.Resource{Kind: domain.ResourceLink, Title: "Associations.gouv", URL: "https://www.associations.gouv.fr", CreatedAt: t0.Add(time.Hour), UpdatedAt: t0.Add(time.Hour)}
	for _, r := range []*domain.Resource{&note, &link} {
		if err := s.CreateResource(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if note.ID == 0 || link.ID == note.ID {
		t.Fatalf("ids %d %d", note.ID, link.ID)
	}
	s.Close()

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Resource(ctx, note.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got != note {
		t.Errorf("read %+v, want %+v", got, note)
	}
	list, err := s.Resources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != link.ID || list[1].ID != note.ID {
		t.Fatalf("list %+v, want the link (newer) then the note", list)
	}

	// Changing the note makes it the most recent; its creation date stays.
	note.Body = "Nouveau texte"
	note.UpdatedAt = t0.Add(2 * time.Hour)
	if err := s.UpdateResource(ctx, note); err != nil {
		t.Fatal(err)
	}
	list, _ = s.Resources(ctx)
	if list[0].ID != note.ID || list[0].Body != "Nouveau texte" || !list[0].CreatedAt.Equal(t0) {
		t.Errorf("after update: %+v", list[0])
	}

	if err := s.DeleteResource(ctx, note.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Resource(ctx, note.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleted note: %v", err)
	}
	if err := s.DeleteResource(ctx, note.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	if err := s.UpdateResource(ctx, note); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("update of a deleted note: %v", err)
	}
}

func TestResourceTableRefusesWhatTheDomainForbids(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	now := time.Now()
	for name, r := range map[string]domain.Resource{
		"unknown kind":     {Kind: "video", Title: "x", CreatedAt: now, UpdatedAt: now},
		"note with an URL": {Kind: domain.ResourceNote, Title: "x", Body: "y", URL: "https://a.fr", CreatedAt: now, UpdatedAt: now},
	} {
		if err := s.CreateResource(ctx, &r); err == nil {
			t.Errorf("%s: stored", name)
		}
	}
	if list, _ := s.Resources(ctx); len(list) != 0 {
		t.Errorf("refused rows left %d resources", len(list))
	}
}
