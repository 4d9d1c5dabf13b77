package service

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// Dashboards sums hours, projects and skills for the association's, a sponsor's and a
// volunteer's dashboards. Values are computed with today's hourly values, like every total.
type Dashboards struct {
	store *store.Store
	now   func() time.Time
}

// NewDashboards returns the dashboard use cases.
func NewDashboards(st *store.Store, now func() time.Time) *Dashboards {
	return &Dashboards{store: st, now: now}
}

// Period is the days a dashboard covers, either bound may be empty (since the first entry, until
// today).
type Period struct{ From, To string }

// MonthHours is the time of one month: approved (valued) and waiting for review.
type MonthHours struct {
	Month           string // YYYY-MM
	ApprovedMinutes int
	PendingMinutes  int
	ValueCents      int64
}

// SkillBalance compares the places projects still ask for in a skill with the volunteers who hold it.
type SkillBalance struct {
	SkillID   string
	Name      string
	Needed    int
	Available int
}

// AssociationDashboard is the installation's overview.
type AssociationDashboard struct {
	Volunteers       int // active
	ActiveProjects   int // recruiting or in progress
	ThisMonth        domain.HourTotals
	ThisYear         domain.HourTotals
	Period           domain.HourTotals
	ByMonth          []MonthHours
	ProjectsByStatus map[domain.ProjectStatus]int
	Skills           []SkillBalance
	Milestones       []store.UpcomingMilestone // due within 30 days, overdue included
}

// Association returns the overview; OrganizationID narrows it to one association's projects.
func (d *Dashboards) Association(ctx context.Context, actor domain.Actor, organizationID int64, p Period) (AssociationDashboard, error) {
	if !actor.CanReadProjects() {
		return AssociationDashboard{}, fmt.Errorf("read dashboard: %w", domain.ErrForbidden)
	}
	rates, err := d.store.HourRates(ctx)
	if err != nil {
		return AssociationDashboard{}, err
	}
	today := d.now().Local()
	var out AssociationDashboard
	if out.Volunteers, err = d.store.CountActiveVolunteers(ctx); err != nil {
		return out, err
	}
	scope := store.ProjectFilter{OrganizationID: organizationID}
	if out.ProjectsByStatus, err = d.store.ProjectStatusCounts(ctx, scope); err != nil {
		return out, err
	}
	out.ActiveProjects = out.ProjectsByStatus[domain.ProjectRecruiting] + out.ProjectsByStatus[domain.ProjectInProgress]
	base := store.HourFilter{OrganizationID: organizationID}
	for _, t := range []struct {
		from string
		dst  *domain.HourTotals
	}{{today.Format("2006-01") + "-01", &out.ThisMonth}, {today.Format("2006") + "-01-01", &out.ThisYear}} {
		f := base
		f.From, f.To = t.from, today.Format(time.DateOnly)
		groups, err := d.store.HourGroups(ctx, f, store.ByNothing)
		if err != nil {
			return out, err
		}
		*t.dst = totalsOf(groups, rates)
	}
	f := base
	f.From, f.To = p.From, p.To
	months, err := d.store.HourGroups(ctx, f, store.ByMonth)
	if err != nil {
		return out, err
	}
	out.Period = totalsOf(months, rates)
	out.ByMonth = monthSeries(months, rates, p, today)

	scope.Statuses = []domain.ProjectStatus{domain.ProjectRecruiting, domain.ProjectInProgress}
	demand, err := d.store.SkillDemand(ctx, scope, 12)
	if err != nil {
		return out, err
	}
	ids := make([]string, len(demand))
	for i, c := range demand {
		ids[i] = c.SkillID
	}
	supply, err := d.store.SkillSupply(ctx, ids)
	if err != nil {
		return out, err
	}
	out.Skills = make([]SkillBalance, len(demand))
	for i, c := range demand {
		out.Skills[i] = SkillBalance{SkillID: c.SkillID, Name: c.Name, Needed: c.Count, Available: supply[c.SkillID]}
	}
	until := today.AddDate(0, 0, 30).Format(time.DateOnly)
	if out.Milestones, err = d.store.UpcomingMilestones(ctx, store.ProjectFilter{OrganizationID: organizationID}, until, 10); err != nil {
		return out, err
	}
	return out, nil
}

// ProjectHours is one project's line of a sponsor's or a volunteer's dashboard.
type ProjectHours struct {
	ProjectID       int64
	Title           string
	AssociationID   int64
	AssociationName string
	Status          domain.ProjectStatus
	ApprovedMinutes int
	PendingMinutes  int
	ValueCents      int64
	Volunteers      int // with approved hours in the period
	Beneficiaries   int
}

// AssociationHours is one association's line of a sponsor's dashboard.
type AssociationHours struct {
	AssociationID   int64
	Name            string
	Projects        int
	ApprovedMinutes int
	ValueCents      int64
}

// SponsorDashboard follows a sponsor's (or one of its programs') projects.
type SponsorDashboard struct {
	Totals        domain.HourTotals
	Volunteers    int // distinct, with approved hours in the period
	Beneficiaries int // of the projects with hours in the period
	ByMonth       []MonthHours
	ByProject     []ProjectHours
	ByAssociation []AssociationHours
	Surveys       []SurveySummary
}

// SurveySummary is one survey of a sponsor's dashboard: how many answered and the first
// measured question's mean (a scale or a number), the figure a sponsor looks for first.
type SurveySummary struct {
	Survey       domain.Survey
	ProjectTitle string
	Responses    int
	Headline     *domain.QuestionResult // nil when no scale or number question was answered
}

// Sponsor returns a sponsor's dashboard; programID narrows it to one program, projectID to one project.
func (d *Dashboards) Sponsor(ctx context.Context, actor domain.Actor, sponsorID, programID, projectID int64, p Period) (SponsorDashboard, error) {
	if !actor.CanReadProjects() {
		return SponsorDashboard{}, fmt.Errorf("read dashboard: %w", domain.ErrForbidden)
	}
	var out SponsorDashboard
	rates, err := d.store.HourRates(ctx)
	if err != nil {
		return out, err
	}
	f := store.HourFilter{SponsorID: sponsorID, ProgramID: programID, ProjectID: projectID, From: p.From, To: p.To}
	months, err := d.store.HourGroups(ctx, f, store.ByMonth)
	if err != nil {
		return out, err
	}
	out.Totals = totalsOf(months, rates)
	out.ByMonth = monthSeries(months, rates, p, d.now().Local())
	if out.ByProject, err = d.projectLines(ctx, f, rates); err != nil {
		return out, err
	}
	approved := f
	approved.Statuses = []domain.HourStatus{domain.HoursApproved}
	ids, err := d.store.HourVolunteerIDs(ctx, approved)
	if err != nil {
		return out, err
	}
	out.Volunteers = len(ids)
	byAssociation := map[int64]*AssociationHours{}
	for _, l := range out.ByProject {
		out.Beneficiaries += l.Beneficiaries
		a := byAssociation[l.AssociationID]
		if a == nil {
			a = &AssociationHours{AssociationID: l.AssociationID, Name: l.AssociationName}
			byAssociation[l.AssociationID] = a
		}
		a.Projects++
		a.ApprovedMinutes += l.ApprovedMinutes
		a.ValueCents += l.ValueCents
	}
	for _, a := range byAssociation {
		out.ByAssociation = append(out.ByAssociation, *a)
	}
	if out.Surveys, err = d.surveySummaries(ctx, out.ByProject, programID); err != nil {
		return out, err
	}
	sort.Slice(out.ByAssociation, func(i, j int) bool {
		if out.ByAssociation[i].ApprovedMinutes != out.ByAssociation[j].ApprovedMinutes {
			return out.ByAssociation[i].ApprovedMinutes > out.ByAssociation[j].ApprovedMinutes
		}
		return out.ByAssociation[i].Name < out.ByAssociation[j].Name
	})
	return out, nil
}

// surveySummaries sums up the surveys of the dashboard's projects and of its program.
func (d *Dashboards) surveySummaries(ctx context.Context, projects []ProjectHours, programID int64) ([]SurveySummary, error) {
	ids := make([]int64, len(projects))
	titles := make(map[int64]string, len(projects))
	for i, p := range projects {
		ids[i], titles[p.ProjectID] = p.ProjectID, p.Title
	}
	surveys := []domain.Survey{}
	if len(ids) > 0 {
		list, err := d.store.SurveysOfProjects(ctx, ids)
		if err != nil {
			return nil, err
		}
		surveys = append(surveys, list...)
	}
	if programID != 0 {
		list, err := d.store.SurveysOfProgram(ctx, programID)
		if err != nil {
			return nil, err
		}
		surveys = append(surveys, list...)
	}
	out := make([]SurveySummary, 0, len(surveys))
	for _, sv := range surveys {
		responses, err := d.store.SurveyResponses(ctx, sv.ID)
		if err != nil {
			return nil, err
		}
		res := domain.ComputeSurveyResults(sv, responses)
		s := SurveySummary{Survey: sv, ProjectTitle: titles[sv.ProjectID], Responses: res.Responses}
		for i, q := range res.Questions {
			if q.Mean != nil {
				s.Headline = &res.Questions[i]
				break
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// projectLines sums the entries matching f by project, most approved hours first.
func (d *Dashboards) projectLines(ctx context.Context, f store.HourFilter, rates domain.HourRates) ([]ProjectHours, error) {
	groups, err := d.store.HourGroups(ctx, f, store.ByProject)
	if err != nil {
		return nil, err
	}
	approved := f
	approved.Statuses = []domain.HourStatus{domain.HoursApproved}
	people, err := d.store.HourVolunteerCounts(ctx, approved, store.ByProject)
	if err != nil {
		return nil, err
	}
	byID := map[int64]*ProjectHours{}
	var ids []int64
	for _, g := range groups {
		id, err := strconv.ParseInt(g.Key, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("sum hours by project: key %q: %w", g.Key, err)
		}
		l := byID[id]
		if l == nil {
			l = &ProjectHours{ProjectID: id, Volunteers: people[g.Key]}
			byID[id] = l
			ids = append(ids, id)
		}
		switch g.Status {
		case domain.HoursApproved:
			l.ApprovedMinutes += g.Minutes
			l.ValueCents += groupValueCents(g, rates)
		case domain.HoursPending:
			l.PendingMinutes += g.Minutes
		}
	}
	lines := make([]ProjectHours, 0, len(ids))
	if len(ids) == 0 {
		return lines, nil
	}
	projects, _, err := d.store.Projects(ctx, store.ProjectFilter{IDs: ids})
	if err != nil {
		return nil, err
	}
	orgIDs := make([]int64, 0, len(projects))
	for _, p := range projects {
		orgIDs = append(orgIDs, p.OrganizationID)
	}
	names, err := d.store.OrganizationNames(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	for _, p := range projects {
		l := byID[p.ID]
		l.Title, l.AssociationID, l.AssociationName, l.Status, l.Beneficiaries = p.Title, p.OrganizationID, names[p.OrganizationID], p.Status, p.Beneficiaries
		lines = append(lines, *l)
	}
	sort.Slice(lines, func(i, j int) bool {
		if lines[i].ApprovedMinutes != lines[j].ApprovedMinutes {
			return lines[i].ApprovedMinutes > lines[j].ApprovedMinutes
		}
		return lines[i].Title < lines[j].Title
	})
	return lines, nil
}

// SkillHours is the approved time a volunteer gave with one skill.
type SkillHours struct {
	SkillID         string
	ApprovedMinutes int
	ValueCents      int64
}

// VolunteerDashboard is one volunteer's hours: totals, skills used and progress over time.
type VolunteerDashboard struct {
	Totals   domain.HourTotals
	BySkill  []SkillHours
	ByMonth  []MonthHours
	Projects []ProjectHours
}

// Volunteer returns a volunteer's dashboard.
func (d *Dashboards) Volunteer(ctx context.Context, actor domain.Actor, volunteerID int64, p Period) (VolunteerDashboard, error) {
	if !actor.CanReadVolunteers() {
		return VolunteerDashboard{}, fmt.Errorf("read dashboard: %w", domain.ErrForbidden)
	}
	if _, err := d.store.Volunteer(ctx, volunteerID); err != nil {
		return VolunteerDashboard{}, err
	}
	var out VolunteerDashboard
	rates, err := d.store.HourRates(ctx)
	if err != nil {
		return out, err
	}
	f := store.HourFilter{VolunteerID: volunteerID, From: p.From, To: p.To}
	months, err := d.store.HourGroups(ctx, f, store.ByMonth)
	if err != nil {
		return out, err
	}
	out.Totals = totalsOf(months, rates)
	out.ByMonth = monthSeries(months, rates, p, d.now().Local())
	skills, err := d.store.HourGroups(ctx, f, store.BySkill)
	if err != nil {
		return out, err
	}
	bySkill := map[string]*SkillHours{}
	for _, g := range skills {
		if g.Status != domain.HoursApproved {
			continue
		}
		s := bySkill[g.Key]
		if s == nil {
			s = &SkillHours{SkillID: g.Key}
			bySkill[g.Key] = s
		}
		s.ApprovedMinutes += g.Minutes
		s.ValueCents += groupValueCents(g, rates)
	}
	for _, s := range bySkill {
		out.BySkill = append(out.BySkill, *s)
	}
	sort.Slice(out.BySkill, func(i, j int) bool {
		if out.BySkill[i].ApprovedMinutes != out.BySkill[j].ApprovedMinutes {
			return out.BySkill[i].ApprovedMinutes > out.BySkill[j].ApprovedMinutes
		}
		return out.BySkill[i].SkillID < out.BySkill[j].SkillID
	})
	if out.Projects, err = d.projectLines(ctx, f, rates); err != nil {
		return out, err
	}
	return out, nil
}

// maxSeriesMonths keeps a chart readable (and small) when the period is open-ended over years.
const maxSeriesMonths = 120

// monthSeries turns sums by month into one point per month of the period, empty months
// included, so that a chart's axis has no holes. An open start shows at least the last 12 months,
// from the first month with hours when that is earlier; an open end stops at this month.
func monthSeries(groups []store.HourGroup, rates domain.HourRates, p Period, today time.Time) []MonthHours {
	byMonth := map[string]*MonthHours{}
	first := ""
	for _, g := range groups {
		m := byMonth[g.Key]
		if m == nil {
			m = &MonthHours{Month: g.Key}
			byMonth[g.Key] = m
		}
		switch g.Status {
		case domain.HoursApproved:
			m.ApprovedMinutes += g.Minutes
			m.ValueCents += groupValueCents(g, rates)
		case domain.HoursPending:
			m.PendingMinutes += g.Minutes
		}
		if first == "" || g.Key < first {
			first = g.Key
		}
	}
	end := today
	if t, err := time.Parse(time.DateOnly, p.To); err == nil {
		end = t
	}
	end = time.Date(end.Year(), end.Month(), 1, 0, 0, 0, 0, time.UTC)
	start := end.AddDate(0, -11, 0)
	if t, err := time.Parse(time.DateOnly, p.From); err == nil {
		start = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	} else if t, err := time.Parse("2006-01", first); err == nil && t.Before(start) {
		start = t
	}
	if months := (end.Year()-start.Year())*12 + int(end.Month()-start.Month()) + 1; months > maxSeriesMonths {
		start = end.AddDate(0, -(maxSeriesMonths - 1), 0)
	}
	series := []MonthHours{}
	for m := start; !m.After(end); m = m.AddDate(0, 1, 0) {
		key := m.Format("2006-01")
		if v := byMonth[key]; v != nil {
			series = append(series, *v)
		} else {
			series = append(series, MonthHours{Month: key})
		}
	}
	return series
}
