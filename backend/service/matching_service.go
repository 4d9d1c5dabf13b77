package service

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/matching"
	"github.com/civisphere/civisphere/backend/search"
	"github.com/civisphere/civisphere/backend/store"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// Matching ranks volunteers for a project and projects for a volunteer, with reasons.
type Matching struct {
	store    *store.Store
	index    *VolunteerIndexer
	tax      *taxonomy.Taxonomy
	projects *Projects
}

// NewMatching returns the matching use cases.
func NewMatching(st *store.Store, index *VolunteerIndexer, tax *taxonomy.Taxonomy, projects *Projects) *Matching {
	return &Matching{store: st, index: index, tax: tax, projects: projects}
}

// matchPreselection is how many volunteers the search index hands over for exact scoring. The
// index orders them by the same criteria, so the best fits are among them; reading and scoring
// a few hundred profiles takes milliseconds where all 100,000 would take a second.
const matchPreselection = 400

// VolunteerMatch is a volunteer suggested for a project.
type VolunteerMatch struct {
	Volunteer   domain.Volunteer
	Result      matching.Result
	Application *domain.Application // their open application to the project, if any
}

// ProjectMatches is the ranked list of volunteers for a project.
type ProjectMatches struct {
	Items    []VolunteerMatch
	Took     time.Duration
	Index    IndexStatus
	Complete bool // always true: while the index is rebuilt, candidates come from the database
}

// ForProject ranks active volunteers for a project: those with the most needed skills first,
// then by score. Volunteers with none of the needed skills are left out (unless the project
// needs none). Those already in the project's team are left out; candidates are kept with
// their application, so the coordinator sees who is already on the board.
func (s *Matching) ForProject(ctx context.Context, actor domain.Actor, projectID int64, limit int) (ProjectMatches, error) {
	start := time.Now()
	if !actor.CanReadProjects() || !actor.CanReadVolunteers() {
		return ProjectMatches{}, fmt.Errorf("match volunteers: %w", domain.ErrForbidden)
	}
	p, err := s.store.Project(ctx, projectID)
	if err != nil {
		return ProjectMatches{}, err
	}
	hits, status, err := s.index.MatchCandidates(ctx, matchQueryFor(p), matchPreselection)
	if err != nil {
		return ProjectMatches{}, err
	}
	if status.State != IndexReady {
		// The index may miss people while it is rebuilt: preselect from the database instead.
		scan := search.NewMatchScan(matchQueryFor(p), matchPreselection)
		err := s.store.EachVolunteerForSearch(ctx, store.VolunteerScanFilter{ExcludeStatus: domain.StatusArchived, WithoutTexts: true}, func(v domain.Volunteer) error {
			scan.Add(v)
			return nil
		})
		if err != nil {
			return ProjectMatches{}, err
		}
		hits = scan.Hits()
	}
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	volunteers, err := s.store.VolunteersForMatching(ctx, ids)
	if err != nil {
		return ProjectMatches{}, err
	}
	loads, err := s.store.VolunteerLoads(ctx, ids)
	if err != nil {
		return ProjectMatches{}, err
	}
	applications, err := s.store.ProjectApplications(ctx, projectID)
	if err != nil {
		return ProjectMatches{}, err
	}
	open := make(map[int64]domain.Application, len(applications))
	for _, a := range applications {
		if a.Status.Open() {
			open[a.VolunteerID] = a
		}
	}
	items := make([]VolunteerMatch, 0, len(volunteers))
	for _, v := range volunteers {
		if v.Status != domain.StatusActive {
			continue // archived since the index last heard of them
		}
		a, applied := open[v.ID]
		if applied && a.Status == domain.ApplicationAccepted {
			continue
		}
		r := matching.Score(p, v, loads[v.ID], s.tax)
		if r.Needed > 0 && r.Held == 0 {
			continue
		}
		m := VolunteerMatch{Volunteer: v, Result: r}
		if applied {
			m.Application = &a
		}
		items = append(items, m)
	}
	slices.SortStableFunc(items, func(a, b VolunteerMatch) int {
		switch {
		case matching.Better(a.Result, b.Result):
			return -1
		case matching.Better(b.Result, a.Result):
			return 1
		}
		return strings.Compare(domain.FoldText(a.Volunteer.LastName+" "+a.Volunteer.FirstName),
			domain.FoldText(b.Volunteer.LastName+" "+b.Volunteer.FirstName))
	})
	if limit > 0 && len(items) > limit {
		items = items[:limit]
	}
	return ProjectMatches{Items: items, Took: time.Since(start), Index: status, Complete: true}, nil
}

// matchQueryFor describes a project to the search index.
func matchQueryFor(p domain.Project) search.MatchQuery {
	q := search.MatchQuery{Causes: p.Causes, Remote: p.Schedule.Mode == domain.ModeRemote || p.Schedule.Mode == domain.ModeEither,
		OnSite: p.Schedule.Mode == domain.ModeOnSite}
	for _, s := range p.Skills {
		q.Skills = append(q.Skills, search.MatchSkill{ID: s.SkillID, MinLevel: s.Level})
	}
	if p.Schedule.Mode != domain.ModeRemote {
		q.City = p.City
	}
	q.Availability = append(q.Availability, p.Schedule.Days...)
	if p.Schedule.Evenings {
		q.Availability = append(q.Availability, search.AvailableEvenings)
	}
	if p.Schedule.Weekends {
		q.Availability = append(q.Availability, search.AvailableWeekends)
	}
	return q
}

// ProjectMatch is a project suggested to a volunteer.
type ProjectMatch struct {
	Project     ProjectView
	Result      matching.Result
	Application *domain.Application // their open application to it, if any
}

// ForVolunteer ranks the projects that are recruiting or under way for a volunteer, leaving out
// those whose team they are already in and those needing none of their skills.
func (s *Matching) ForVolunteer(ctx context.Context, actor domain.Actor, volunteerID int64, limit int) ([]ProjectMatch, error) {
	if !actor.CanReadProjects() || !actor.CanReadVolunteers() {
		return nil, fmt.Errorf("match projects: %w", domain.ErrForbidden)
	}
	v, err := s.store.Volunteer(ctx, volunteerID)
	if err != nil {
		return nil, err
	}
	list, _, err := s.projects.List(ctx, actor, store.ProjectFilter{Statuses: []domain.ProjectStatus{domain.ProjectRecruiting, domain.ProjectInProgress}})
	if err != nil {
		return nil, err
	}
	loads, err := s.store.VolunteerLoads(ctx, []int64{volunteerID})
	if err != nil {
		return nil, err
	}
	applications, err := s.store.VolunteerApplications(ctx, volunteerID)
	if err != nil {
		return nil, err
	}
	open := map[int64]domain.Application{}
	for _, a := range applications {
		if a.Status.Open() {
			open[a.ProjectID] = a
		}
	}
	items := make([]ProjectMatch, 0, len(list))
	for _, p := range list {
		a, applied := open[p.ID]
		if applied && a.Status == domain.ApplicationAccepted {
			continue
		}
		r := matching.Score(p.Project, v, loads[volunteerID], s.tax)
		if r.Needed > 0 && r.Held == 0 {
			continue
		}
		m := ProjectMatch{Project: p, Result: r}
		if applied {
			m.Application = &a
		}
		items = append(items, m)
	}
	// Projects are ranked by score alone: how much of each project the volunteer covers is
	// what matters to them, not how many skills it happens to list.
	slices.SortStableFunc(items, func(a, b ProjectMatch) int {
		switch {
		case a.Result.Score > b.Result.Score:
			return -1
		case a.Result.Score < b.Result.Score:
			return 1
		}
		return strings.Compare(a.Project.StartDate, b.Project.StartDate)
	})
	if limit > 0 && len(items) > limit {
		items = items[:limit]
	}
	return items, nil
}
