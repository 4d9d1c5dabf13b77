package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/report"
	"github.com/civisphere/civisphere/backend/store"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// Reports gathers what the documents handed out show (the impact report, the hours workbook,
// certificates) and has backend/report write them.
type Reports struct {
	store      *store.Store
	volunteers *Volunteers
	dashboards *Dashboards
	now        func() time.Time
}

// NewReports returns the report use cases.
func NewReports(st *store.Store, volunteers *Volunteers, dashboards *Dashboards, now func() time.Time) *Reports {
	return &Reports{store: st, volunteers: volunteers, dashboards: dashboards, now: now}
}

// ReportScope is what an impact report or an export covers: a sponsor, one of its programs or
// one project (any may be 0: everything), over a period.
type ReportScope struct {
	SponsorID, ProgramID, ProjectID int64
	Period
	Locale string // "fr" or "en"
	// StatusLabel names a project's status in the report's language.
	StatusLabel func(domain.ProjectStatus) string
}

// ImpactReport gathers an impact report. Only approved hours count. Volunteers are named only
// when they agreed to be named to sponsors; the others are counted.
func (r *Reports) ImpactReport(ctx context.Context, actor domain.Actor, scope ReportScope) (report.ImpactReport, error) {
	if !actor.CanReadProjects() {
		return report.ImpactReport{}, fmt.Errorf("impact report: %w", domain.ErrForbidden)
	}
	out := report.ImpactReport{Locale: scope.Locale, From: scope.From, To: scope.To, GeneratedOn: r.now().Local()}
	if err := r.parties(ctx, &out, scope); err != nil {
		return out, err
	}
	rates, err := r.store.HourRates(ctx)
	if err != nil {
		return out, err
	}
	approved := store.HourFilter{SponsorID: scope.SponsorID, ProgramID: scope.ProgramID, ProjectID: scope.ProjectID,
		From: scope.From, To: scope.To, Statuses: []domain.HourStatus{domain.HoursApproved}}

	months, err := r.store.HourGroups(ctx, approved, store.ByMonth)
	if err != nil {
		return out, err
	}
	totals := totalsOf(months, rates)
	out.Figures.Minutes, out.Figures.ValueCents = totals.ApprovedMinutes, totals.ValueCents
	for _, m := range monthSeries(months, rates, scope.Period, r.now().Local()) {
		out.HoursByMonth = append(out.HoursByMonth, report.MonthMinutes{Month: m.Month, Minutes: m.ApprovedMinutes})
	}
	if out.HoursByDomain, err = r.hoursByDomain(ctx, approved, rates, scope.Locale); err != nil {
		return out, err
	}
	ids, err := r.store.HourVolunteerIDs(ctx, approved)
	if err != nil {
		return out, err
	}
	out.Figures.Volunteers = len(ids)
	lines, err := r.dashboards.projectLines(ctx, approved, rates)
	if err != nil {
		return out, err
	}
	out.Figures.Projects = len(lines)
	for _, l := range lines {
		out.Figures.Beneficiaries += l.Beneficiaries
	}
	if out.Projects, err = r.projectSections(ctx, lines, approved, scope); err != nil {
		return out, err
	}
	return out, nil
}

// parties names the sponsor (with its logo), the program and the association running the app.
func (r *Reports) parties(ctx context.Context, out *report.ImpactReport, scope ReportScope) error {
	profile, err := r.store.OrganizationProfile(ctx)
	if err != nil {
		return err
	}
	out.Association.Name = profile.Name
	if profile.Logo != nil {
		logo, err := r.store.OrganizationLogo(ctx)
		if err != nil && !errors.Is(err, domain.ErrNotFound) {
			return err
		}
		if logo != nil {
			out.Association.Logo = logo.Data
		}
	}
	sponsorID := scope.SponsorID
	if scope.ProgramID != 0 {
		program, err := r.store.Program(ctx, scope.ProgramID)
		if err != nil {
			return err
		}
		out.Program, sponsorID = program.Name, program.SponsorID
	}
	if sponsorID == 0 {
		return nil
	}
	sponsor, err := r.store.Organization(ctx, sponsorID)
	if err != nil {
		return err
	}
	out.Sponsor.Name = sponsor.Name
	logo, err := r.store.OrganizationLogoByID(ctx, sponsorID)
	if err != nil && !errors.Is(err, domain.ErrNotFound) {
		return err
	}
	if logo != nil {
		out.Sponsor.Logo = logo.Data
	}
	return nil
}

// hoursByDomain sums approved time by skill domain, named in the report's language; hours with a
// custom skill or none are grouped under "other".
func (r *Reports) hoursByDomain(ctx context.Context, f store.HourFilter, rates domain.HourRates, locale string) ([]report.DomainMinutes, error) {
	groups, err := r.store.HourGroups(ctx, f, store.ByNothing)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, d := range r.volunteers.Taxonomy().Domains() {
		names[d.ID] = d.Name.In(locale)
	}
	byDomain := map[string]*report.DomainMinutes{}
	for _, g := range groups {
		label, ok := names[g.SkillDomain]
		if !ok {
			label = taxonomy.Label{FR: "Autres compétences", EN: "Other skills"}.In(locale)
		}
		d := byDomain[label]
		if d == nil {
			d = &report.DomainMinutes{Label: label}
			byDomain[label] = d
		}
		d.Minutes += g.Minutes
		d.ValueCents += groupValueCents(g, rates)
	}
	list := make([]report.DomainMinutes, 0, len(byDomain))
	for _, d := range byDomain {
		list = append(list, *d)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Minutes != list[j].Minutes {
			return list[i].Minutes > list[j].Minutes
		}
		return list[i].Label < list[j].Label
	})
	return list, nil
}

// projectSections writes one section per project with hours: its team (named with consent),
// milestones and survey results.
func (r *Reports) projectSections(ctx context.Context, lines []ProjectHours, f store.HourFilter, scope ReportScope) ([]report.ImpactProject, error) {
	if len(lines) == 0 {
		return []report.ImpactProject{}, nil
	}
	ids := make([]int64, len(lines))
	for i, l := range lines {
		ids[i] = l.ProjectID
	}
	projects, _, err := r.store.Projects(ctx, store.ProjectFilter{IDs: ids})
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]domain.Project, len(projects))
	for _, p := range projects {
		byID[p.ID] = p
	}
	milestones, err := r.store.Milestones(ctx, ids...)
	if err != nil {
		return nil, err
	}
	teams, err := r.teams(ctx, f)
	if err != nil {
		return nil, err
	}
	surveys, err := r.surveyResults(ctx, ids)
	if err != nil {
		return nil, err
	}
	sections := make([]report.ImpactProject, 0, len(lines))
	for _, l := range lines {
		p := byID[l.ProjectID]
		status := string(p.Status)
		if scope.StatusLabel != nil {
			status = scope.StatusLabel(p.Status)
		}
		s := report.ImpactProject{Title: l.Title, Association: l.AssociationName, Description: p.Description, Status: status,
			TeamSize: len(teams[l.ProjectID].all), Names: teams[l.ProjectID].named, Minutes: l.ApprovedMinutes, ValueCents: l.ValueCents}
		for _, m := range milestones {
			if m.ProjectID == l.ProjectID {
				s.Milestones = append(s.Milestones, report.ImpactMilestone{Title: m.Title, DueDate: m.DueDate, Done: m.Done})
			}
		}
		for _, res := range surveys[l.ProjectID] {
			s.Surveys = append(s.Surveys, res)
			s.Quotes = append(s.Quotes, quotesOf(res)...)
		}
		sections = append(sections, s)
	}
	return sections, nil
}

// surveyResults sums up, by project, the responses to the projects' surveys.
func (r *Reports) surveyResults(ctx context.Context, projectIDs []int64) (map[int64][]domain.SurveyResults, error) {
	list, err := r.store.SurveysOfProjects(ctx, projectIDs)
	if err != nil {
		return nil, err
	}
	out := map[int64][]domain.SurveyResults{}
	for _, sv := range list {
		responses, err := r.store.SurveyResponses(ctx, sv.ID)
		if err != nil {
			return nil, err
		}
		out[sv.ProjectID] = append(out[sv.ProjectID], domain.ComputeSurveyResults(sv, responses))
	}
	return out, nil
}

// maxQuotesPerSurvey keeps a section to a few voices; the writer prints at most three in all.
const maxQuotesPerSurvey = 3

// quotesOf picks the most recent free-text answers of a survey: the words a sponsor reads in the
// section's quotes.
func quotesOf(res domain.SurveyResults) []string {
	var quotes []string
	for _, q := range res.Questions {
		for _, text := range q.Texts {
			if len(quotes) == maxQuotesPerSurvey {
				return quotes
			}
			if t := strings.TrimSpace(text); t != "" {
				quotes = append(quotes, t)
			}
		}
	}
	return quotes
}

type reportTeam struct {
	all   []int64
	named []string // those who agreed to be named to sponsors, sorted
}

// teams lists, by project, the volunteers with approved hours in the scope and the names of those
// who agreed to be named to sponsors.
func (r *Reports) teams(ctx context.Context, f store.HourFilter) (map[int64]reportTeam, error) {
	byProject := map[int64][]int64{}
	var everyone []int64
	seen := map[[2]int64]bool{}
	err := r.store.EachHourEntry(ctx, f, func(e store.HourEntryView) error {
		key := [2]int64{e.ProjectID, e.VolunteerID}
		if e.VolunteerID == 0 || seen[key] {
			return nil
		}
		seen[key] = true
		byProject[e.ProjectID] = append(byProject[e.ProjectID], e.VolunteerID)
		everyone = append(everyone, e.VolunteerID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(everyone)
	everyone = slices.Compact(everyone)
	agreed, err := r.store.VolunteersConsenting(ctx, domain.ConsentSponsorNames, everyone)
	if err != nil {
		return nil, err
	}
	var named []int64
	for _, id := range everyone {
		if agreed[id] {
			named = append(named, id)
		}
	}
	names := map[int64]string{}
	if len(named) > 0 {
		people, err := r.store.Volunteers(ctx, named)
		if err != nil {
			return nil, err
		}
		for _, v := range people {
			names[v.ID] = v.FullName()
		}
	}
	teams := make(map[int64]reportTeam, len(byProject))
	for project, members := range byProject {
		t := reportTeam{all: members}
		for _, id := range members {
			if n, ok := names[id]; ok {
				t.named = append(t.named, n)
			}
		}
		sort.Strings(t.named)
		teams[project] = t
	}
	return teams, nil
}

// WriteImpactPDF gathers the report and writes it as a PDF, reporting progress per section. It
// returns the sponsor's name, which names the file.
func (r *Reports) WriteImpactPDF(ctx context.Context, actor domain.Actor, scope ReportScope, w io.Writer, progress func(Progress)) (string, error) {
	if progress != nil {
		progress(Progress{Phase: "collecting"})
	}
	rep, err := r.ImpactReport(ctx, actor, scope)
	if err != nil {
		return "", err
	}
	rep.Progress = func(done, total int) {
		if progress != nil {
			progress(Progress{Phase: "writing", Done: done, Total: total})
		}
	}
	if err := report.WriteImpactReportPDF(w, rep); err != nil {
		return "", fmt.Errorf("write impact report: %w", err)
	}
	return rep.Sponsor.Name, ctx.Err()
}

// HoursExport is what the hours workbook covers and the words it uses.
type HoursExport struct {
	Filter store.HourFilter
	Labels report.HoursWorkbookLabels
}

// WriteHoursXLSX streams the entries matching the filter into a workbook, one row per entry in
// date order, with their value at today's rates (approved entries only carry a value).
func (r *Reports) WriteHoursXLSX(ctx context.Context, actor domain.Actor, exp HoursExport, w io.Writer, progress func(Progress)) (int, error) {
	if !actor.CanReadProjects() {
		return 0, fmt.Errorf("export hours: %w", domain.ErrForbidden)
	}
	rates, err := r.store.HourRates(ctx)
	if err != nil {
		return 0, err
	}
	f := exp.Filter
	f.Limit, f.Offset = 0, 0
	// The database is read in one goroutine while the workbook is written in this one, so that
	// neither waits for the other and no more than a small buffer of rows is held.
	rows := make(chan store.HourEntryView, 4096)
	walkErr := make(chan error, 1)
	walkCtx, stop := context.WithCancel(ctx)
	defer stop()
	go func() {
		defer close(rows)
		walkErr <- r.store.EachHourEntryForExport(walkCtx, f, func(e store.HourEntryView) error {
			select {
			case rows <- e:
				return nil
			case <-walkCtx.Done():
				return walkCtx.Err()
			}
		})
	}()
	locale := exp.Labels.Locale
	done := 0
	src := func() (report.HourRow, bool, error) {
		e, ok := <-rows
		if !ok {
			if err := <-walkErr; err != nil {
				return report.HourRow{}, false, err
			}
			return report.HourRow{}, false, nil
		}
		done++
		if progress != nil && done%10000 == 0 {
			progress(Progress{Phase: "writing", Done: done})
		}
		row := report.HourRow{Date: e.Date, Volunteer: e.VolunteerName, Project: e.ProjectTitle, Association: e.AssociationName,
			Sponsor: e.SponsorName, Minutes: e.Minutes, Status: e.Status}
		if e.SkillID != "" {
			row.Skill = r.volunteers.SkillName(e.SkillID, e.SkillName, locale)
		}
		if e.Status == domain.HoursApproved {
			row.ValueCents = rates.EntryValueCents(e.HourEntry)
		}
		return row, true, nil
	}
	n, err := report.WriteHoursXLSX(w, src, exp.Labels)
	if err != nil {
		stop()
		for range rows {
			// Drained so that the reading goroutine ends.
		}
		return n, fmt.Errorf("write hours workbook: %w", err)
	}
	return n, nil
}

// CertificateWords are the words of a certificate the caller translates.
type CertificateWords struct {
	Locale string
	// Half names a half-year: Half(2026, 1) = "1er semestre 2026".
	Half func(year, half int) string
}

// Certificate gathers a volunteer's certificate: approved hours by project, skills used, totals
// by half-year, the association and its signatory. A volunteer without approved hours gets a
// certificate that says so (the writer prints zero), which a coordinator sees before handing it.
func (r *Reports) Certificate(ctx context.Context, actor domain.Actor, volunteerID int64, words CertificateWords) (report.Certificate, error) {
	if !actor.CanReadVolunteers() {
		return report.Certificate{}, fmt.Errorf("certificate: %w", domain.ErrForbidden)
	}
	v, err := r.store.Volunteer(ctx, volunteerID)
	if err != nil {
		return report.Certificate{}, err
	}
	profile, err := r.store.OrganizationProfile(ctx)
	if err != nil {
		return report.Certificate{}, err
	}
	today := r.now().Local()
	c := report.Certificate{Locale: words.Locale, Volunteer: v.FullName(), IssuedOn: today.Format(time.DateOnly),
		Place: profile.City, SignatoryName: profile.SignatoryName, SignatoryRole: profile.SignatoryRole,
		Association: report.CertificateIssuer{Name: profile.Name, Address: profile.Address,
			City: strings.TrimSpace(profile.Postcode + " " + profile.City)}}
	if profile.Logo != nil {
		if logo, err := r.store.OrganizationLogo(ctx); err == nil {
			c.Association.Logo = logo.Data
		}
	}
	type projectAcc struct {
		report.CertificateProject
		skills map[string]bool
	}
	byProject := map[int64]*projectAcc{}
	var order []int64
	allSkills := map[string]bool{}
	associations := map[string]bool{}
	byHalf := map[[2]int]int{}
	f := store.HourFilter{VolunteerID: volunteerID, Statuses: []domain.HourStatus{domain.HoursApproved}}
	err = r.store.EachHourEntry(ctx, f, func(e store.HourEntryView) error {
		p := byProject[e.ProjectID]
		if p == nil {
			p = &projectAcc{CertificateProject: report.CertificateProject{Title: e.ProjectTitle, Association: e.AssociationName,
				From: e.Date}, skills: map[string]bool{}}
			byProject[e.ProjectID] = p
			order = append(order, e.ProjectID)
		}
		p.To = e.Date
		p.Minutes += e.Minutes
		if e.SkillID != "" {
			name := r.volunteers.SkillName(e.SkillID, e.SkillName, words.Locale)
			if !p.skills[name] {
				p.skills[name] = true
				p.Skills = append(p.Skills, name)
			}
			allSkills[name] = true
		}
		associations[e.AssociationName] = true
		c.TotalMinutes += e.Minutes
		year, _ := strconv.Atoi(e.Date[:4])
		month, _ := strconv.Atoi(e.Date[5:7])
		byHalf[[2]int{year, 1 + (month-1)/6}] += e.Minutes
		return nil
	})
	if err != nil {
		return report.Certificate{}, err
	}
	for _, id := range order {
		sort.Strings(byProject[id].Skills)
		c.Projects = append(c.Projects, byProject[id].CertificateProject)
	}
	for name := range allSkills {
		c.Skills = append(c.Skills, name)
	}
	sort.Strings(c.Skills)
	if len(associations) > 1 {
		for name := range associations {
			c.Associations = append(c.Associations, name)
		}
		sort.Strings(c.Associations)
	}
	halves := make([][2]int, 0, len(byHalf))
	for h := range byHalf {
		halves = append(halves, h)
	}
	sort.Slice(halves, func(i, j int) bool {
		return halves[i][0] < halves[j][0] || (halves[i][0] == halves[j][0] && halves[i][1] < halves[j][1])
	})
	for _, h := range halves {
		label := strconv.Itoa(h[0]) + " S" + strconv.Itoa(h[1])
		if words.Half != nil {
			label = words.Half(h[0], h[1])
		}
		c.ByPeriod = append(c.ByPeriod, report.PeriodMinutes{Label: label, Minutes: byHalf[h]})
	}
	return c, nil
}

// WriteSurveyForm writes a survey as a paper form, headed with its project (or program) and the
// association that hands it out.
func (r *Reports) WriteSurveyForm(ctx context.Context, actor domain.Actor, surveyID int64, locale string, w io.Writer) (domain.Survey, error) {
	if !actor.CanReadProjects() {
		return domain.Survey{}, fmt.Errorf("survey form: %w", domain.ErrForbidden)
	}
	sv, err := r.store.Survey(ctx, surveyID)
	if err != nil {
		return sv, err
	}
	profile, err := r.store.OrganizationProfile(ctx)
	if err != nil {
		return sv, err
	}
	about := report.SurveyFormContext{Association: profile.Name}
	if sv.ProjectID != 0 {
		p, err := r.store.Project(ctx, sv.ProjectID)
		if err != nil {
			return sv, err
		}
		about.ProjectOrProgram = p.Title
		if names, err := r.store.OrganizationNames(ctx, []int64{p.OrganizationID}); err == nil && names[p.OrganizationID] != "" {
			about.Association = names[p.OrganizationID]
		}
	} else if sv.ProgramID != 0 {
		p, err := r.store.Program(ctx, sv.ProgramID)
		if err != nil {
			return sv, err
		}
		about.ProjectOrProgram = p.Name
	}
	if err := report.WriteSurveyFormPDF(w, sv, locale, about); err != nil {
		return sv, fmt.Errorf("write survey form: %w", err)
	}
	return sv, nil
}

// WriteSurveyResponses writes a survey's responses as a workbook, one row per response.
func (r *Reports) WriteSurveyResponses(ctx context.Context, actor domain.Actor, surveyID int64, labels report.SurveyResponsesLabels, w io.Writer) (domain.Survey, error) {
	if !actor.CanReadProjects() {
		return domain.Survey{}, fmt.Errorf("survey responses: %w", domain.ErrForbidden)
	}
	sv, err := r.store.Survey(ctx, surveyID)
	if err != nil {
		return sv, err
	}
	responses, err := r.store.SurveyResponses(ctx, surveyID)
	if err != nil {
		return sv, err
	}
	i := 0
	src := func() (domain.SurveyResponse, bool, error) {
		if i == len(responses) {
			return domain.SurveyResponse{}, false, nil
		}
		i++
		return responses[i-1], true, nil
	}
	if _, err := report.WriteSurveyResponsesXLSX(w, sv, src, labels); err != nil {
		return sv, fmt.Errorf("write survey responses: %w", err)
	}
	return sv, nil
}
