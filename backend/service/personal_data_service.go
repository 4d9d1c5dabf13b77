package service

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// PersonalData is everything held on one person (GDPR art. 15 and 20), for the JSON export and
// its readable PDF.
type PersonalData struct {
	ExportedAt   time.Time
	Volunteer    domain.Volunteer // with its current consents
	SponsorName  string
	Consents     []domain.Consent // every grant and withdrawal, the newest first
	Applications []PersonalApplication
	Hours        []store.HourEntryView
	Responses    []PersonalSurveyResponse
	Audit        []domain.AuditEntry // acts on the person's data, the newest first
}

// PersonalApplication is an application with the project it is for.
type PersonalApplication struct {
	domain.Application
	ProjectTitle string
}

// PersonalSurveyResponse is a survey response attributed to the person, with each answer
// written out beside its question.
type PersonalSurveyResponse struct {
	ID          int64
	SurveyID    int64
	SurveyTitle string
	Source      domain.SurveySource
	CreatedAt   time.Time
	Answers     []QuestionAnswer
}

// QuestionAnswer is one question and the person's answer, as text.
type QuestionAnswer struct {
	Question string
	Answer   string
}

// ExportPersonalData gathers everything held on a volunteer and records the export in the audit
// log (format says which: "json" or "pdf"). The entry is written first, so the document shows
// its own export: the person sees the act they asked for.
func (p *Privacy) ExportPersonalData(ctx context.Context, actor domain.Actor, id int64, format string) (PersonalData, error) {
	if !actor.CanManagePersonalData() {
		return PersonalData{}, fmt.Errorf("export personal data: %w", domain.ErrForbidden)
	}
	v, err := p.volunteers.load(ctx, id)
	if err != nil {
		return PersonalData{}, err
	}
	now := p.now().UTC()
	if err := recordAudit(ctx, p.store, now, actor, domain.AuditVolunteerExported, id, "format="+format); err != nil {
		return PersonalData{}, err
	}
	out := PersonalData{ExportedAt: now, Volunteer: v}
	if v.SponsorID != 0 {
		if org, err := p.store.Organization(ctx, v.SponsorID); err == nil {
			out.SponsorName = org.Name
		}
	}
	if out.Consents, err = p.store.ConsentHistory(ctx, id); err != nil {
		return PersonalData{}, err
	}
	if out.Applications, err = p.applications(ctx, id); err != nil {
		return PersonalData{}, err
	}
	if out.Hours, _, err = p.store.HourEntries(ctx, store.HourFilter{VolunteerID: id}); err != nil {
		return PersonalData{}, err
	}
	if out.Responses, err = p.responses(ctx, id); err != nil {
		return PersonalData{}, err
	}
	page, _, err := p.store.AuditEntries(ctx, store.AuditFilter{VolunteerID: id})
	if err != nil {
		return PersonalData{}, err
	}
	out.Audit = page
	return out, nil
}

func (p *Privacy) applications(ctx context.Context, id int64) ([]PersonalApplication, error) {
	apps, err := p.store.VolunteerApplications(ctx, id)
	if err != nil {
		return nil, err
	}
	titles := map[int64]string{}
	out := make([]PersonalApplication, 0, len(apps))
	for _, a := range apps {
		title, ok := titles[a.ProjectID]
		if !ok {
			pr, err := p.store.Project(ctx, a.ProjectID)
			if err != nil {
				return nil, err
			}
			title, titles[a.ProjectID] = pr.Title, pr.Title
		}
		out = append(out, PersonalApplication{Application: a, ProjectTitle: title})
	}
	return out, nil
}

func (p *Privacy) responses(ctx context.Context, id int64) ([]PersonalSurveyResponse, error) {
	list, err := p.store.VolunteerSurveyResponses(ctx, id)
	if err != nil {
		return nil, err
	}
	surveys := map[int64]domain.Survey{}
	out := make([]PersonalSurveyResponse, 0, len(list))
	for _, r := range list {
		sv, ok := surveys[r.SurveyID]
		if !ok {
			if sv, err = p.store.Survey(ctx, r.SurveyID); err != nil {
				return nil, err
			}
			surveys[r.SurveyID] = sv
		}
		pr := PersonalSurveyResponse{ID: r.ID, SurveyID: r.SurveyID, SurveyTitle: sv.Title, Source: r.Source, CreatedAt: r.CreatedAt}
		for i, a := range r.Answers {
			var q domain.SurveyQuestion
			if i < len(sv.Questions) {
				q = sv.Questions[i]
			}
			pr.Answers = append(pr.Answers, QuestionAnswer{Question: q.Text, Answer: answerText(q, a)})
		}
		out = append(out, pr)
	}
	return out, nil
}

// answerText writes an answer as a person reads it: the number, the choices by their label, or
// the text.
func answerText(q domain.SurveyQuestion, a domain.SurveyAnswer) string {
	var parts []string
	if a.Number != nil {
		parts = append(parts, strconv.FormatFloat(*a.Number, 'f', -1, 64))
	}
	for _, c := range a.Choices {
		if c >= 0 && c < len(q.Choices) {
			parts = append(parts, q.Choices[c])
		}
	}
	if t := strings.TrimSpace(a.Text); t != "" {
		parts = append(parts, t)
	}
	return strings.Join(parts, ", ")
}
