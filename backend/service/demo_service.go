package service

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/civisphere/civisphere/backend/demo"
	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
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

// AddDemoHours makes every other project a project under way since about a year ago (with a
// count of people helped and a team) and logs n hour entries for its team over those months:
// mostly approved, some pending, a few rejected, never more than 24 hours a day for anyone. The
// same seed gives the same hours. For trying the dashboards and reports, and for the benchmarks.
func (s *Hours) AddDemoHours(ctx context.Context, actor domain.Actor, n int, seed int64, progress func(done int)) error {
	if !actor.CanManageProjects() {
		return fmt.Errorf("add demo hours: %w", domain.ErrForbidden)
	}
	if n <= 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0x686f757273))
	today := s.now().Local()
	all, _, err := s.store.Projects(ctx, store.ProjectFilter{})
	if err != nil {
		return err
	}
	people, err := s.store.VolunteerIdentities(ctx)
	if err != nil {
		return err
	}
	if len(all) == 0 || len(people) == 0 {
		return fmt.Errorf("add demo hours: generate volunteers and projects first")
	}
	type team struct {
		project domain.Project
		members []domain.Volunteer
	}
	var teams []team
	for i, p := range all {
		if i%2 == 1 {
			continue
		}
		start := today.AddDate(0, -12, r.IntN(60))
		p.Status, p.StartDate, p.EndDate = domain.ProjectInProgress, start.Format(time.DateOnly), ""
		p.Beneficiaries = 10 + r.IntN(390)
		p.UpdatedAt = s.now().UTC()
		if err := s.store.UpdateProject(ctx, p); err != nil {
			return fmt.Errorf("add demo hours: start project %d: %w", p.ID, err)
		}
		// Teams grow with the hours asked for, so that nobody needs more than 24 hours a day: about
		// 200 entries a year per person at most.
		ids := make([]int64, 2+r.IntN(7)+n/(100*len(all)))
		for j := range ids {
			ids[j] = people[r.IntN(len(people))].ID
		}
		members, err := s.store.Volunteers(ctx, ids)
		if err != nil {
			return err
		}
		teams = append(teams, team{project: p, members: members})
	}
	logged := map[string]int{}                   // volunteer and day → minutes, to stay under 24 hours a day
	batch := make([]*domain.HourEntry, 0, 20000) // one transaction per 20,000 entries: few commits
	var approved, rejected []int64
	statuses := make([]domain.HourStatus, 0, cap(batch))
	flush := func(done int) error {
		if len(batch) == 0 {
			return nil
		}
		if err := s.store.CreateHourEntries(ctx, batch, today.Format(time.DateOnly)); err != nil {
			return fmt.Errorf("add demo hours: %w", err)
		}
		for i, e := range batch {
			switch statuses[i] {
			case domain.HoursApproved:
				approved = append(approved, e.ID)
			case domain.HoursRejected:
				rejected = append(rejected, e.ID)
			}
		}
		batch, statuses = batch[:0], statuses[:0]
		if progress != nil {
			progress(done)
		}
		return nil
	}
	now := s.now().UTC()
	skipped := 0 // days found full in a row: a guard against a request that cannot fit
	for i := 0; i < n; {
		t := teams[r.IntN(len(teams))]
		v := t.members[r.IntN(len(t.members))]
		start, _ := time.ParseInLocation(time.DateOnly, t.project.StartDate, time.Local)
		span := int(today.Sub(start).Hours()/24) + 1
		day := start.AddDate(0, 0, r.IntN(max(span, 1))).Format(time.DateOnly)
		minutes := 15 * (2 + r.IntN(23)) // 30 minutes to 6 hours
		key := fmt.Sprint(v.ID, day)
		if logged[key]+minutes > domain.MaxMinutesPerDay {
			if skipped++; skipped > 10_000 {
				return fmt.Errorf("add demo hours: the teams' days are full after %d entries", i)
			}
			continue
		}
		skipped = 0
		logged[key] += minutes
		e := &domain.HourEntry{VolunteerID: v.ID, ProjectID: t.project.ID, Date: day, Minutes: minutes,
			Status: domain.HoursPending, EnteredBy: "démo", CreatedAt: now, UpdatedAt: now}
		if len(v.Skills) > 0 && r.IntN(10) < 9 {
			sk := v.Skills[r.IntN(len(v.Skills))]
			for _, need := range t.project.Skills {
				for _, held := range v.Skills {
					if held.SkillID == need.SkillID {
						sk = held
					}
				}
			}
			e.SkillID, e.SkillName, e.Level = sk.SkillID, sk.Name, sk.Level
			if ts, ok := s.volunteers.Taxonomy().Skill(sk.SkillID); ok {
				e.SkillDomain = ts.Domain
			}
		}
		status := domain.HoursApproved
		switch x := r.IntN(100); {
		case x < 4:
			status = domain.HoursRejected
		case x < 18 || day >= today.AddDate(0, 0, -14).Format(time.DateOnly):
			status = domain.HoursPending
		}
		batch, statuses = append(batch, e), append(statuses, status)
		i++
		if len(batch) == cap(batch) {
			if err := flush(i); err != nil {
				return err
			}
		}
	}
	if err := flush(n); err != nil {
		return err
	}
	if _, err := s.store.ReviewHourEntries(ctx, approved, domain.HoursApproved, "démo", now); err != nil {
		return err
	}
	_, err = s.store.ReviewHourEntries(ctx, rejected, domain.HoursRejected, "démo", now)
	return err
}
