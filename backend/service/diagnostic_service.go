package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/civisphere/civisphere/backend/diagnostic"
	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// Diagnostics runs associations' needs diagnostics, keeps them so that progress shows over time,
// and turns their suggestions into projects.
type Diagnostics struct {
	store    *store.Store
	projects *Projects
	now      func() time.Time
}

// NewDiagnostics returns the diagnostic use cases; projects are made through projects.
func NewDiagnostics(st *store.Store, projects *Projects, now func() time.Time) *Diagnostics {
	return &Diagnostics{store: st, projects: projects, now: now}
}

// Questionnaire is the diagnostic's questionnaire: its areas and questions, in order.
type Questionnaire struct {
	Version   int
	Areas     []diagnostic.Area
	Questions []diagnostic.Question
}

// DiagnosticView is a diagnostic with its association's name and the project templates suggested
// for its needs.
type DiagnosticView struct {
	domain.Diagnostic
	OrganizationName string
	Suggestions      []diagnostic.Suggestion
}

// maxProjectCauses caps the causes a project made from a template takes from the association's
// other projects: the main ones, not every cause it ever touched.
const maxProjectCauses = 3

// Questions returns the questionnaire.
func (s *Diagnostics) Questions(actor domain.Actor) (Questionnaire, error) {
	if !actor.CanReadProjects() {
		return Questionnaire{}, fmt.Errorf("read questionnaire: %w", domain.ErrForbidden)
	}
	return Questionnaire{Version: diagnostic.Version, Areas: diagnostic.Areas(), Questions: diagnostic.Questions()}, nil
}

// Submit scores an association's answers and keeps the diagnostic. The organization must be an
// association; answers map question IDs to option IDs, and unanswered questions are left out.
func (s *Diagnostics) Submit(ctx context.Context, actor domain.Actor, organizationID int64, answers map[string]string) (DiagnosticView, error) {
	if !actor.CanManageProjects() {
		return DiagnosticView{}, fmt.Errorf("submit diagnostic: %w", domain.ErrForbidden)
	}
	problems := &domain.ValidationError{}
	if organizationID == 0 {
		problems.Fields = append(problems.Fields, domain.FieldError{Field: "organizationId", Code: domain.CodeRequired})
	} else if err := gather(problems, checkOrganizationKind(ctx, s.store, "organizationId", organizationID, domain.KindAssociation)); err != nil {
		return DiagnosticView{}, fmt.Errorf("submit diagnostic: %w", err)
	}
	needs, err := diagnostic.Evaluate(answers)
	collect(problems, err)
	if len(problems.Fields) > 0 {
		return DiagnosticView{}, problems
	}
	d := domain.Diagnostic{OrganizationID: organizationID, Version: diagnostic.Version,
		Answers: diagnostic.Clean(answers), Needs: needs, CreatedAt: s.now().UTC()}
	if err := s.store.CreateDiagnostic(ctx, &d); err != nil {
		return DiagnosticView{}, fmt.Errorf("submit diagnostic: %w", err)
	}
	return s.Get(ctx, actor, d.ID)
}

// Get returns one diagnostic with its suggestions.
func (s *Diagnostics) Get(ctx context.Context, actor domain.Actor, id int64) (DiagnosticView, error) {
	if !actor.CanReadProjects() {
		return DiagnosticView{}, fmt.Errorf("read diagnostic: %w", domain.ErrForbidden)
	}
	d, err := s.store.Diagnostic(ctx, id)
	if err != nil {
		return DiagnosticView{}, err
	}
	o, err := s.store.Organization(ctx, d.OrganizationID)
	if err != nil {
		return DiagnosticView{}, fmt.Errorf("read organization of diagnostic %d: %w", id, err)
	}
	return view(d, o.Name), nil
}

// History returns an organization's diagnostics, newest first, and their total before paging;
// domain.ErrNotFound when there is no such organization.
func (s *Diagnostics) History(ctx context.Context, actor domain.Actor, organizationID int64, limit, offset int) ([]DiagnosticView, int, error) {
	if !actor.CanReadProjects() {
		return nil, 0, fmt.Errorf("list diagnostics: %w", domain.ErrForbidden)
	}
	o, err := s.store.Organization(ctx, organizationID)
	if err != nil {
		return nil, 0, err
	}
	list, total, err := s.store.Diagnostics(ctx, organizationID, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	views := make([]DiagnosticView, len(list))
	for i, d := range list {
		views[i] = view(d, o.Name)
	}
	return views, total, nil
}

func view(d domain.Diagnostic, organizationName string) DiagnosticView {
	return DiagnosticView{Diagnostic: d, OrganizationName: organizationName, Suggestions: diagnostic.Suggest(d.Needs, d.Answers)}
}

// ProjectFromTemplate asks for a project made from one of the diagnostic's templates.
type ProjectFromTemplate struct {
	TemplateID string
	StartDate  string         // YYYY-MM-DD; today when empty
	Causes     []domain.Cause // nil takes the causes of the association's other projects
	Locale     string         // the language of the title and description ("fr", "en")
}

// CreateProject makes a draft project for the diagnostic's association from a template: its
// title, description, skills and work mode, milestones dated from the start, and an end date
// after the template's duration. A template gives one project per diagnostic: a second request
// is a *domain.RuleError naming the project already made.
func (s *Diagnostics) CreateProject(ctx context.Context, actor domain.Actor, diagnosticID int64, in ProjectFromTemplate) (ProjectView, error) {
	if !actor.CanManageProjects() {
		return ProjectView{}, fmt.Errorf("create project from diagnostic: %w", domain.ErrForbidden)
	}
	d, err := s.store.Diagnostic(ctx, diagnosticID)
	if err != nil {
		return ProjectView{}, err
	}
	problems := &domain.ValidationError{}
	template, known := diagnostic.TemplateByID(in.TemplateID)
	if in.TemplateID == "" {
		problems.Fields = append(problems.Fields, domain.FieldError{Field: "templateId", Code: domain.CodeRequired})
	} else if !known {
		problems.Fields = append(problems.Fields, domain.FieldError{Field: "templateId", Code: domain.CodeUnknownReference})
	}
	start := s.now()
	if in.StartDate != "" {
		if start, err = time.Parse(time.DateOnly, in.StartDate); err != nil {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: "startDate", Code: domain.CodeInvalidDate})
		}
	}
	if len(problems.Fields) > 0 {
		return ProjectView{}, problems
	}
	if projectID, made := d.Projects[template.ID]; made {
		return ProjectView{}, s.alreadyMade(ctx, projectID)
	}
	causes := in.Causes
	if causes == nil {
		if causes, err = s.store.ProjectCauses(ctx, d.OrganizationID); err != nil {
			return ProjectView{}, fmt.Errorf("create project from diagnostic: %w", err)
		}
		causes = causes[:min(len(causes), maxProjectCauses)]
	}
	p, milestones := projectFromTemplate(template, in.Locale, start)
	p.OrganizationID, p.Causes = d.OrganizationID, causes
	created, err := s.projects.Create(ctx, actor, p, milestones)
	if err != nil {
		return ProjectView{}, err
	}
	if err := s.store.LinkDiagnosticProject(ctx, d.ID, template.ID, created.ID); err != nil {
		return ProjectView{}, fmt.Errorf("project %d made from diagnostic %d: %w", created.ID, d.ID, err)
	}
	return created, nil
}

func (s *Diagnostics) alreadyMade(ctx context.Context, projectID int64) error {
	p, err := s.store.Project(ctx, projectID)
	if err != nil && !errors.Is(err, domain.ErrNotFound) {
		return fmt.Errorf("read project made from diagnostic: %w", err)
	}
	return &domain.RuleError{Code: domain.RuleTemplateAlreadyUsed, Params: map[string]any{"projectId": projectID, "title": p.Title}}
}

// projectFromTemplate writes a template as a draft project starting on start, in locale.
func projectFromTemplate(t diagnostic.Template, locale string, start time.Time) (domain.Project, []domain.Milestone) {
	day := func(weeks int) string { return start.AddDate(0, 0, 7*weeks).Format(time.DateOnly) }
	p := domain.Project{
		Title: t.Title.In(locale), Description: t.Description.In(locale),
		StartDate: day(0), EndDate: day(t.DurationWeeks),
		Schedule: domain.Availability{Mode: t.Mode}, Status: domain.ProjectDraft,
	}
	for _, sk := range t.Skills {
		p.Skills = append(p.Skills, domain.ProjectSkill{SkillID: sk.SkillID, Level: sk.Level, People: sk.People})
	}
	milestones := make([]domain.Milestone, len(t.Milestones))
	for i, m := range t.Milestones {
		milestones[i] = domain.Milestone{Title: m.Title.In(locale), DueDate: day(m.Week)}
	}
	return p, milestones
}
