package service

import (
	"context"
	"fmt"

	"github.com/civisphere/civisphere/backend/demo"
	"github.com/civisphere/civisphere/backend/domain"
)

// demoChunk is how many generated volunteers go into one transaction.
const demoChunk = 5000

// AddDemoVolunteers fills an empty database with n generated volunteers; the same seed gives the
// same people. The search index is not updated: the caller rebuilds it once at the end, which
// is much faster than applying n changes.
func (s *Volunteers) AddDemoVolunteers(ctx context.Context, actor domain.Actor, n int, seed int64, progress func(done int)) error {
	if !actor.CanManageVolunteers() {
		return fmt.Errorf("add demo volunteers: %w", domain.ErrForbidden)
	}
	existing, err := s.store.CountVolunteers(ctx)
	if err != nil {
		return err
	}
	if existing > 0 {
		return fmt.Errorf("the data folder already holds %d volunteers: demo data goes into an empty data folder (choose one with --data)", existing)
	}
	gen := demo.New(seed, s.tax)
	now := s.now().UTC()
	batch := make([]domain.Volunteer, 0, demoChunk)
	for done := 0; done < n; {
		batch = batch[:0]
		for len(batch) < min(demoChunk, n-done) {
			v := gen.Volunteer()
			v.Normalize()
			v.Status = domain.StatusActive
			v.CreatedAt, v.UpdatedAt = now, now
			batch = append(batch, v)
		}
		if _, _, err := s.store.ImportVolunteers(ctx, batch, nil); err != nil {
			return fmt.Errorf("add demo volunteers: %w", err)
		}
		done += len(batch)
		if progress != nil {
			progress(done)
		}
	}
	return nil
}

// AddDemoProjects adds n generated recruiting projects, about three per generated association,
// a third of them sponsored through a generated sponsor's program. They are written through
// the same checks as projects entered by hand.
func (s *Projects) AddDemoProjects(ctx context.Context, actor domain.Actor, n int, seed int64) error {
	if !actor.CanManageProjects() {
		return fmt.Errorf("add demo projects: %w", domain.ErrForbidden)
	}
	if n <= 0 {
		return nil
	}
	gen := demo.New(seed+7, s.volunteers.tax)
	now := s.now().UTC()
	sponsor := domain.Organization{Kind: domain.KindSponsor, Category: "company", Name: "Groupe Œuvre & Cie",
		City: "Paris", Postcode: "75008", CreatedAt: now, UpdatedAt: now}
	if err := s.store.CreateOrganization(ctx, &sponsor, nil); err != nil {
		return fmt.Errorf("add demo sponsor: %w", err)
	}
	program := domain.Program{SponsorID: sponsor.ID, Name: "Mécénat de compétences 2027",
		StartDate: "2027-01-01", EndDate: "2027-12-31", CreatedAt: now, UpdatedAt: now}
	if err := s.store.CreateProgram(ctx, &program); err != nil {
		return fmt.Errorf("add demo program: %w", err)
	}
	var association domain.Organization
	for i := range n {
		if i%3 == 0 {
			association = gen.Association()
			association.Normalize()
			association.CreatedAt, association.UpdatedAt = now, now
			if err := s.store.CreateOrganization(ctx, &association, nil); err != nil {
				return fmt.Errorf("add demo association: %w", err)
			}
		}
		p := gen.Project(association)
		if i%3 == 1 {
			p.ProgramID = program.ID
		}
		if _, err := s.Create(ctx, actor, p, nil); err != nil {
			return fmt.Errorf("add demo project %q: %w", p.Title, err)
		}
	}
	return nil
}
