package domain

import (
	"strings"
	"time"
)

// ProjectStatus is where a project stands in its life.
type ProjectStatus string

const (
	ProjectDraft      ProjectStatus = "draft"
	ProjectRecruiting ProjectStatus = "recruiting"
	ProjectInProgress ProjectStatus = "inProgress"
	ProjectCompleted  ProjectStatus = "completed"
	ProjectEvaluated  ProjectStatus = "evaluated"
	ProjectCancelled  ProjectStatus = "cancelled"
)

// ProjectStatuses lists the statuses in the order of a project's life.
var ProjectStatuses = []ProjectStatus{
	ProjectDraft, ProjectRecruiting, ProjectInProgress, ProjectCompleted, ProjectEvaluated, ProjectCancelled,
}

// projectTransitions are the status changes that make sense. A project may go back one step
// (a draft published too early, a project that needs more people), be cancelled until it is
// completed, and a cancelled project may be taken up again as a draft. An evaluated project is
// finished for good: its hours and impact are reported.
var projectTransitions = map[ProjectStatus][]ProjectStatus{
	ProjectDraft:      {ProjectRecruiting, ProjectCancelled},
	ProjectRecruiting: {ProjectDraft, ProjectInProgress, ProjectCancelled},
	ProjectInProgress: {ProjectRecruiting, ProjectCompleted, ProjectCancelled},
	ProjectCompleted:  {ProjectInProgress, ProjectEvaluated},
	ProjectEvaluated:  nil,
	ProjectCancelled:  {ProjectDraft},
}

// NextStatuses are the statuses a project in status s may move to.
func (s ProjectStatus) NextStatuses() []ProjectStatus { return projectTransitions[s] }

// CanBecome tells whether a project may move from s to next; staying put is always allowed.
func (s ProjectStatus) CanBecome(next ProjectStatus) bool {
	if s == next {
		return true
	}
	for _, allowed := range projectTransitions[s] {
		if allowed == next {
			return true
		}
	}
	return false
}

// OpenToApplications tells whether volunteers may apply to or be invited to a project in s.
func (s ProjectStatus) OpenToApplications() bool {
	return s == ProjectRecruiting || s == ProjectInProgress
}

func validProjectStatus(s ProjectStatus) bool {
	_, ok := projectTransitions[s]
	return ok
}

// Limits of a project.
const (
	maxProjectTitleRunes = 200
	MaxProjectSkills     = 20
	MaxPeoplePerSkill    = 50
	maxProjectPlaceRunes = 200
)

// ProjectSkill is a skill a project needs: at which level at least, and how many people.
type ProjectSkill struct {
	SkillID string // a taxonomy ID or custom:<slug>
	Name    string // the text as entered, kept for custom skills
	Level   SkillLevel
	People  int
}

// Project is a piece of pro bono work for an association.
type Project struct {
	ID             int64
	Title          string
	OrganizationID int64 // the association helped
	SponsorID      int64 // 0 when not sponsored
	ProgramID      int64 // 0 when outside a program; the program belongs to SponsorID
	Description    string
	Skills         []ProjectSkill
	Causes         []Cause
	StartDate      string       // YYYY-MM-DD or empty
	EndDate        string       // YYYY-MM-DD or empty
	Schedule       Availability // when the work happens (days, evenings, weekends, hours a month) and where (Mode)
	City           string       // where on-site work happens
	Place          string       // address or room, free text
	Status         ProjectStatus
	// Beneficiaries is how many people the project helped, as the association counts them.
	Beneficiaries int
	// CreatedByVolunteerID is the volunteer who proposed the project for the association, or 0
	// when the association (a coordinator) created it.
	CreatedByVolunteerID int64
	CreatedAt            time.Time
	UpdatedAt            time.Time
}

// Normalize trims what people paste around values and drops repeated skills and causes.
func (p *Project) Normalize() {
	p.Title = collapseSpaces(strings.TrimSpace(p.Title))
	p.Description = strings.TrimSpace(p.Description)
	p.City = collapseSpaces(strings.TrimSpace(p.City))
	p.Place = strings.TrimSpace(p.Place)
	p.Causes = uniqueNonEmpty(p.Causes)
	p.Schedule.Days = uniqueNonEmpty(p.Schedule.Days)
	seen := make(map[string]bool, len(p.Skills))
	skills := p.Skills[:0:0]
	for _, s := range p.Skills {
		s.Name = strings.TrimSpace(s.Name)
		if s.SkillID == "" || seen[s.SkillID] {
			continue
		}
		seen[s.SkillID] = true
		if s.People == 0 {
			s.People = 1
		}
		skills = append(skills, s)
	}
	p.Skills = skills
	if p.Status == "" {
		p.Status = ProjectDraft
	}
}

// maxBeneficiaries stops a typo from inflating every report; no association helps ten million.
const maxBeneficiaries = 10_000_000

// Validate checks every field and reports all problems at once. Call Normalize first. That the
// organization, sponsor and program exist and are of the right kind is checked by the service.
func (p Project) Validate() error {
	v := &ValidationError{}
	if p.Title == "" {
		v.add("title", CodeRequired, nil)
	}
	checkLength(v, "title", p.Title, maxProjectTitleRunes)
	if p.Beneficiaries < 0 || p.Beneficiaries > maxBeneficiaries {
		v.add("beneficiaries", CodeOutOfRange, map[string]any{"min": 0, "max": maxBeneficiaries})
	}
	if p.OrganizationID == 0 {
		v.add("organizationId", CodeRequired, nil)
	}
	checkLength(v, "description", p.Description, maxDescriptionRunes)
	if len(p.Skills) > MaxProjectSkills {
		v.add("skillsNeeded", CodeTooMany, map[string]any{"max": MaxProjectSkills})
	}
	for _, s := range p.Skills {
		if s.Level.Rank() == 0 {
			v.add("skillsNeeded", CodeInvalidChoice, map[string]any{"choices": "beginner, intermediate, confirmed, expert"})
			break
		}
		if s.People < 1 || s.People > MaxPeoplePerSkill {
			v.add("skillsNeeded", CodeOutOfRange, map[string]any{"min": 1, "max": MaxPeoplePerSkill})
			break
		}
		if len([]rune(s.Name)) > maxSkillNameRunes {
			v.add("skillsNeeded", CodeTooLong, map[string]any{"max": maxSkillNameRunes})
			break
		}
	}
	for _, c := range p.Causes {
		if !ValidCause(c) {
			v.add("causes", CodeInvalidChoice, map[string]any{"choices": joinCauses()})
			break
		}
	}
	checkDateRange(v, "startDate", p.StartDate, "endDate", p.EndDate)
	for _, d := range p.Schedule.Days {
		if !contains(Weekdays, d) {
			v.add("schedule.days", CodeInvalidChoice, map[string]any{"choices": strings.Join(Weekdays, ", ")})
			break
		}
	}
	if p.Schedule.HoursPerMonth < 0 || p.Schedule.HoursPerMonth > MaxHoursPerMonth {
		v.add("schedule.hoursPerMonth", CodeOutOfRange, map[string]any{"min": 0, "max": MaxHoursPerMonth})
	}
	switch p.Schedule.Mode {
	case ModeUnspecified, ModeOnSite, ModeRemote, ModeEither:
	default:
		v.add("schedule.mode", CodeInvalidChoice, map[string]any{"choices": "onsite, remote, either"})
	}
	checkLength(v, "city", p.City, maxCityRunes)
	checkLength(v, "place", p.Place, maxProjectPlaceRunes)
	if !validProjectStatus(p.Status) {
		v.add("status", CodeInvalidChoice, map[string]any{"choices": joinStatuses()})
	}
	return v.orNil()
}

func joinStatuses() string {
	names := make([]string, len(ProjectStatuses))
	for i, s := range ProjectStatuses {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}
