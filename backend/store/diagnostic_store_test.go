package store

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

func createTestOrganization(t *testing.T, s *Store, name string, kind domain.OrganizationKind) int64 {
	t.Helper()
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	o := domain.Organization{Kind: kind, Name: name, CreatedAt: now, UpdatedAt: now}
	if err := s.CreateOrganization(context.Background(), &o, nil); err != nil {
		t.Fatal(err)
	}
	return o.ID
}

func TestDiagnosticsRoundTripSurviveReopenNewestFirst(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "civisphere.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	org := createTestOrganization(t, s, "Œuvre Sainte-Élodie de Besançon", domain.KindAssociation)
	other := createTestOrganization(t, s, "Ассоциация «Дружба»", domain.KindAssociation)
	first := domain.Diagnostic{OrganizationID: org, Version: 1,
		Answers: map[string]string{"finance-bookkeeping": "none", "hr-roles": "fully"},
		Needs: []domain.NeedScore{{Area: "finance", Score: 100, Level: domain.NeedHigh, Answered: 1, Questions: 3},
			{Area: "hr", Score: 0, Level: domain.NeedLow, Answered: 1, Questions: 3},
			{Area: "legal", Level: domain.NeedNotAssessed, Questions: 3}},
		CreatedAt: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	second := domain.Diagnostic{OrganizationID: org, Version: 1, Answers: map[string]string{"finance-bookkeeping": "mostly"},
		Needs:     []domain.NeedScore{{Area: "finance", Score: 33, Level: domain.NeedLow, Answered: 1, Questions: 3}},
		CreatedAt: time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)}
	elsewhere := domain.Diagnostic{OrganizationID: other, Version: 1, Answers: map[string]string{"impact-feedback": "partly"},
		CreatedAt: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)}
	for _, d := range []*domain.Diagnostic{&first, &second, &elsewhere} {
		if err := s.CreateDiagnostic(ctx, d); err != nil {
			t.Fatal(err)
		}
		if d.ID == 0 {
			t.Fatal("no ID set")
		}
	}
	s.Close()

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Diagnostic(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	first.Projects = map[string]int64{}
	if !reflect.DeepEqual(got, first) {
		t.Fatalf("read back\n%+v\nwant\n%+v", got, first)
	}
	list, total, err := s.Diagnostics(ctx, org, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if total != 2 || len(list) != 2 || list[0].ID != second.ID || list[1].ID != first.ID {
		t.Fatalf("history: total %d, %+v", total, list)
	}
	page, total, err := s.Diagnostics(ctx, org, 1, 1)
	if err != nil || total != 2 || len(page) != 1 || page[0].ID != first.ID {
		t.Fatalf("second page: total %d, %+v, %v", total, page, err)
	}
	if none, total, err := s.Diagnostics(ctx, 999, 0, 0); err != nil || total != 0 || len(none) != 0 {
		t.Fatalf("unknown organization: %d %+v %v", total, none, err)
	}
	if _, err := s.Diagnostic(ctx, 999); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("want ErrNotFound, got %v", err)
	}
}

func TestDiagnosticNeedsAnExistingOrganization(t *testing.T) {
	s := newTestStore(t)
	d := domain.Diagnostic{OrganizationID: 42, Version: 1, CreatedAt: time.Now()}
	if err := s.CreateDiagnostic(context.Background(), &d); err == nil {
		t.Fatal("a diagnostic of no organization was saved")
	}
	if d.ID != 0 {
		t.Fatalf("ID %d set on failure", d.ID)
	}
}

func TestDiagnosticProjectsAreLinkedOncePerTemplate(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	org := createTestOrganization(t, s, "Les Amis de Łódź", domain.KindAssociation)
	d := domain.Diagnostic{OrganizationID: org, Version: 1, CreatedAt: time.Now()}
	if err := s.CreateDiagnostic(ctx, &d); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	var ids []int64
	for _, title := range []string{"Mettre en place une comptabilité", "Refaire le site"} {
		p := domain.Project{Title: title, OrganizationID: org, Status: domain.ProjectDraft, CreatedAt: now, UpdatedAt: now}
		if err := s.CreateProject(ctx, &p, nil); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	if err := s.LinkDiagnosticProject(ctx, d.ID, "finance-bookkeeping", ids[0]); err != nil {
		t.Fatal(err)
	}
	// A second link for the same template keeps the first.
	if err := s.LinkDiagnosticProject(ctx, d.ID, "finance-bookkeeping", ids[1]); err != nil {
		t.Fatal(err)
	}
	if err := s.LinkDiagnosticProject(ctx, d.ID, "digital-website", ids[1]); err != nil {
		t.Fatal(err)
	}
	if err := s.LinkDiagnosticProject(ctx, d.ID, "hr-onboarding", 999); err == nil {
		t.Fatal("a link to no project was saved")
	}
	got, err := s.Diagnostic(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{"finance-bookkeeping": ids[0], "digital-website": ids[1]}
	if !reflect.DeepEqual(got.Projects, want) {
		t.Fatalf("projects %v, want %v", got.Projects, want)
	}
}

func TestProjectCausesMostUsedFirst(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	org := createTestOrganization(t, s, "Œuvre de Besançon", domain.KindAssociation)
	other := createTestOrganization(t, s, "Autre", domain.KindAssociation)
	now := time.Now().UTC()
	for _, p := range []domain.Project{
		{Title: "Un", OrganizationID: org, Causes: []domain.Cause{"health", "solidarity"}},
		{Title: "Deux", OrganizationID: org, Causes: []domain.Cause{"solidarity", "culture"}},
		{Title: "Trois", OrganizationID: org},
		{Title: "Ailleurs", OrganizationID: other, Causes: []domain.Cause{"animals", "animals"}},
	} {
		p.Status, p.CreatedAt, p.UpdatedAt = domain.ProjectDraft, now, now
		if err := s.CreateProject(ctx, &p, nil); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.ProjectCauses(ctx, org)
	if err != nil {
		t.Fatal(err)
	}
	if want := []domain.Cause{"solidarity", "health", "culture"}; !slices.Equal(got, want) {
		t.Fatalf("causes %v, want %v", got, want)
	}
	if got, err := s.ProjectCauses(ctx, 999); err != nil || len(got) != 0 {
		t.Fatalf("no projects: %v %v", got, err)
	}
}
