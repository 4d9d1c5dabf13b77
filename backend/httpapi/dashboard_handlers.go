package httpapi

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/service"
)

// MonthHours is one month of a dashboard's chart.
type MonthHours struct {
	Month         string  `json:"month" doc:"YYYY-MM"`
	ApprovedHours float64 `json:"approvedHours"`
	PendingHours  float64 `json:"pendingHours"`
	Value         float64 `json:"value" doc:"Euros, approved hours"`
}

// StatusCount is how many projects have one status.
type StatusCount struct {
	Status string `json:"status"`
	Count  int    `json:"count"`
}

// SkillBalance compares the places projects ask for in a skill with the volunteers who hold it.
type SkillBalance struct {
	SkillID   string `json:"skillId"`
	Name      string `json:"name"`
	Needed    int    `json:"needed" doc:"People the recruiting and running projects ask for"`
	Available int    `json:"available" doc:"Active volunteers who hold the skill"`
}

// UpcomingMilestone is a milestone due soon (or overdue) of a running project.
type UpcomingMilestone struct {
	ID           string `json:"id"`
	ProjectID    string `json:"projectId"`
	ProjectTitle string `json:"projectTitle"`
	Title        string `json:"title"`
	DueDate      string `json:"dueDate"`
}

// AssociationDashboard is the association's overview.
type AssociationDashboard struct {
	Volunteers       int                 `json:"volunteers" doc:"Active volunteers"`
	ActiveProjects   int                 `json:"activeProjects" doc:"Recruiting or in progress"`
	ThisMonth        HourTotals          `json:"thisMonth"`
	ThisYear         HourTotals          `json:"thisYear"`
	Period           HourTotals          `json:"period" doc:"The chosen period"`
	ByMonth          []MonthHours        `json:"byMonth" nullable:"false"`
	ProjectsByStatus []StatusCount       `json:"projectsByStatus" nullable:"false"`
	Skills           []SkillBalance      `json:"skills" nullable:"false" doc:"The skills most asked for, with the volunteers who hold them"`
	Milestones       []UpcomingMilestone `json:"milestones" nullable:"false" doc:"Not done, due within 30 days or overdue"`
}

// ProjectHours is one project's line of a dashboard.
type ProjectHours struct {
	ProjectID       string  `json:"projectId"`
	Title           string  `json:"title"`
	AssociationID   string  `json:"associationId"`
	AssociationName string  `json:"associationName"`
	Status          string  `json:"status"`
	ApprovedHours   float64 `json:"approvedHours"`
	PendingHours    float64 `json:"pendingHours"`
	Value           float64 `json:"value"`
	Volunteers      int     `json:"volunteers" doc:"With approved hours in the period"`
	Beneficiaries   int     `json:"beneficiaries"`
}

// AssociationHours is one association's line of a sponsor's dashboard.
type AssociationHours struct {
	AssociationID string  `json:"associationId"`
	Name          string  `json:"name"`
	Projects      int     `json:"projects"`
	ApprovedHours float64 `json:"approvedHours"`
	Value         float64 `json:"value"`
}

// SponsorDashboard follows a sponsor's projects.
type SponsorDashboard struct {
	Totals        HourTotals         `json:"totals"`
	Volunteers    int                `json:"volunteers" doc:"Distinct volunteers with approved hours in the period"`
	Beneficiaries int                `json:"beneficiaries" doc:"People helped by the projects with hours in the period"`
	ByMonth       []MonthHours       `json:"byMonth" nullable:"false"`
	ByProject     []ProjectHours     `json:"byProject" nullable:"false"`
	ByAssociation []AssociationHours `json:"byAssociation" nullable:"false"`
	Surveys       []SurveySummary    `json:"surveys" nullable:"false" doc:"Impact surveys of these projects and of the program"`
}

// SurveySummary is one survey on a sponsor's dashboard.
type SurveySummary struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Audience     string   `json:"audience" enum:"beneficiary,volunteer"`
	ProjectTitle string   `json:"projectTitle" doc:"Empty for a program's survey"`
	Responses    int      `json:"responses"`
	Question     string   `json:"question" doc:"The first scale or number question answered, empty when none"`
	Mean         *float64 `json:"mean" doc:"Its mean"`
	Max          *float64 `json:"max" doc:"The top of its scale, when it is one"`
}

// SkillHours is the approved time given with one skill.
type SkillHours struct {
	SkillID       string  `json:"skillId" doc:"Empty for hours without a skill"`
	Name          string  `json:"name"`
	ApprovedHours float64 `json:"approvedHours"`
	Value         float64 `json:"value"`
}

// VolunteerDashboard is a volunteer's hours.
type VolunteerDashboard struct {
	Totals   HourTotals     `json:"totals"`
	BySkill  []SkillHours   `json:"bySkill" nullable:"false"`
	ByMonth  []MonthHours   `json:"byMonth" nullable:"false"`
	Projects []ProjectHours `json:"projects" nullable:"false"`
}

// parsePeriod checks a period's days; huma does not read query parameters from embedded
// structs, so each operation declares from and to itself.
func parsePeriod(from, to string) (service.Period, error) {
	in := struct{ From, To string }{from, to}
	problems := &domain.ValidationError{}
	for _, d := range []struct{ field, value string }{{"from", in.From}, {"to", in.To}} {
		if d.value != "" && !domain.ValidDate(d.value) {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: d.field, Code: domain.CodeInvalidDate})
		}
	}
	if in.From != "" && in.To != "" && in.To < in.From && len(problems.Fields) == 0 {
		problems.Fields = append(problems.Fields, domain.FieldError{Field: "to", Code: domain.CodeDateBeforeStart})
	}
	if len(problems.Fields) > 0 {
		return service.Period{}, problems
	}
	return service.Period{From: in.From, To: in.To}, nil
}

func (s *server) registerDashboards(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "getAssociationDashboard", Method: http.MethodGet, Path: "/api/dashboards/association",
		Summary: "The association's overview: volunteers, projects, hours and value, skills, milestones", Tags: []string{"dashboards"},
		Errors: []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		From           string `query:"from" doc:"First day, YYYY-MM-DD"`
		To             string `query:"to" doc:"Last day, YYYY-MM-DD"`
		OrganizationID string `query:"organizationId" doc:"Only this association's projects"`
	}) (*struct{ Body AssociationDashboard }, error) {
		p, err := parsePeriod(in.From, in.To)
		var orgID int64
		if err == nil {
			orgID, err = parseOptionalRef("organizationId", in.OrganizationID)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		d, err := s.dashboards.Association(ctx, actorFrom(ctx), orgID, p)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := AssociationDashboard{Volunteers: d.Volunteers, ActiveProjects: d.ActiveProjects,
			ThisMonth: hourTotalsToAPI(d.ThisMonth), ThisYear: hourTotalsToAPI(d.ThisYear), Period: hourTotalsToAPI(d.Period),
			ByMonth: monthsToAPI(d.ByMonth), ProjectsByStatus: []StatusCount{}, Skills: []SkillBalance{}, Milestones: []UpcomingMilestone{}}
		for _, st := range domain.ProjectStatuses {
			out.ProjectsByStatus = append(out.ProjectsByStatus, StatusCount{Status: string(st), Count: d.ProjectsByStatus[st]})
		}
		l := string(localeFrom(ctx))
		for _, sk := range d.Skills {
			out.Skills = append(out.Skills, SkillBalance{SkillID: sk.SkillID, Name: s.volunteers.SkillName(sk.SkillID, sk.Name, l),
				Needed: sk.Needed, Available: sk.Available})
		}
		for _, m := range d.Milestones {
			out.Milestones = append(out.Milestones, UpcomingMilestone{ID: formatID(m.ID), ProjectID: formatID(m.ProjectID),
				ProjectTitle: m.ProjectTitle, Title: m.Title, DueDate: m.DueDate})
		}
		return &struct{ Body AssociationDashboard }{Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getSponsorDashboard", Method: http.MethodGet, Path: "/api/dashboards/sponsor",
		Summary: "A sponsor's projects: hours and value by project and association, volunteers, beneficiaries", Tags: []string{"dashboards"},
		Errors: []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		From      string `query:"from" doc:"First day, YYYY-MM-DD"`
		To        string `query:"to" doc:"Last day, YYYY-MM-DD"`
		SponsorID string `query:"sponsorId" doc:"Empty: every sponsored and unsponsored project"`
		ProgramID string `query:"programId"`
		ProjectID string `query:"projectId"`
	}) (*struct{ Body SponsorDashboard }, error) {
		p, err := parsePeriod(in.From, in.To)
		var sponsorID, programID, projectID int64
		problems := &domain.ValidationError{}
		collectProblems(problems, err)
		for _, ref := range []struct {
			field, value string
			dst          *int64
		}{{"sponsorId", in.SponsorID, &sponsorID}, {"programId", in.ProgramID, &programID}, {"projectId", in.ProjectID, &projectID}} {
			id, err := parseOptionalRef(ref.field, ref.value)
			collectProblems(problems, err)
			*ref.dst = id
		}
		if len(problems.Fields) > 0 {
			return nil, s.problemFor(ctx, problems)
		}
		d, err := s.dashboards.Sponsor(ctx, actorFrom(ctx), sponsorID, programID, projectID, p)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := SponsorDashboard{Totals: hourTotalsToAPI(d.Totals), Volunteers: d.Volunteers, Beneficiaries: d.Beneficiaries,
			ByMonth: monthsToAPI(d.ByMonth), ByProject: projectHoursToAPI(d.ByProject), ByAssociation: []AssociationHours{}}
		out.Surveys = []SurveySummary{}
		for _, sv := range d.Surveys {
			sum := SurveySummary{ID: formatID(sv.Survey.ID), Title: sv.Survey.Title, Audience: string(sv.Survey.Audience),
				ProjectTitle: sv.ProjectTitle, Responses: sv.Responses}
			if h := sv.Headline; h != nil {
				sum.Question, sum.Mean = h.Question.Text, h.Mean
				if h.Question.Kind == domain.QuestionScale {
					sum.Max = h.Question.Max
				}
			}
			out.Surveys = append(out.Surveys, sum)
		}
		for _, a := range d.ByAssociation {
			out.ByAssociation = append(out.ByAssociation, AssociationHours{AssociationID: formatID(a.AssociationID), Name: a.Name,
				Projects: a.Projects, ApprovedHours: domain.MinutesToHours(a.ApprovedMinutes), Value: euros(a.ValueCents)})
		}
		return &struct{ Body SponsorDashboard }{Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getVolunteerDashboard", Method: http.MethodGet, Path: "/api/volunteers/{id}/dashboard",
		Summary: "A volunteer's hours: totals, skills used, progress over time, projects", Tags: []string{"dashboards"},
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		From string `query:"from" doc:"First day, YYYY-MM-DD"`
		To   string `query:"to" doc:"Last day, YYYY-MM-DD"`
	}) (*struct{ Body VolunteerDashboard }, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		p, err := parsePeriod(in.From, in.To)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		d, err := s.dashboards.Volunteer(ctx, actorFrom(ctx), id, p)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := VolunteerDashboard{Totals: hourTotalsToAPI(d.Totals), ByMonth: monthsToAPI(d.ByMonth),
			Projects: projectHoursToAPI(d.Projects), BySkill: []SkillHours{}}
		l := string(localeFrom(ctx))
		for _, sk := range d.BySkill {
			name := msgNoSkill.in(localeFrom(ctx))
			if sk.SkillID != "" {
				name = s.volunteers.SkillName(sk.SkillID, "", l)
			}
			out.BySkill = append(out.BySkill, SkillHours{SkillID: sk.SkillID, Name: name,
				ApprovedHours: domain.MinutesToHours(sk.ApprovedMinutes), Value: euros(sk.ValueCents)})
		}
		return &struct{ Body VolunteerDashboard }{Body: out}, nil
	})
}

var msgNoSkill = message{"Sans compétence précisée", "No skill given"}

func monthsToAPI(months []service.MonthHours) []MonthHours {
	out := make([]MonthHours, len(months))
	for i, m := range months {
		out[i] = MonthHours{Month: m.Month, ApprovedHours: domain.MinutesToHours(m.ApprovedMinutes),
			PendingHours: domain.MinutesToHours(m.PendingMinutes), Value: euros(m.ValueCents)}
	}
	return out
}

func projectHoursToAPI(lines []service.ProjectHours) []ProjectHours {
	out := make([]ProjectHours, len(lines))
	for i, l := range lines {
		out[i] = ProjectHours{ProjectID: formatID(l.ProjectID), Title: l.Title, AssociationID: formatID(l.AssociationID),
			AssociationName: l.AssociationName, Status: string(l.Status), ApprovedHours: domain.MinutesToHours(l.ApprovedMinutes),
			PendingHours: domain.MinutesToHours(l.PendingMinutes), Value: euros(l.ValueCents), Volunteers: l.Volunteers,
			Beneficiaries: l.Beneficiaries}
	}
	return out
}
