package httpapi

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/report"
	"github.com/civisphere/civisphere/backend/service"
)

// Personal data (GDPR): everything held on a person as JSON and PDF, erasure, retention of
// inactive people's data, the audit log and the data-protection summary.

// PersonalDataExport is everything held on one person.
type PersonalDataExport struct {
	ExportedAt      string                   `json:"exportedAt" doc:"RFC 3339"`
	Profile         Volunteer                `json:"profile" doc:"The profile, with its skills and current consents"`
	SponsorName     string                   `json:"sponsorName" doc:"The sponsor the person takes part for, or empty"`
	Consents        []ConsentRecord          `json:"consents" nullable:"false" doc:"Every grant and withdrawal, the newest first"`
	Applications    []PersonalApplication    `json:"applications" nullable:"false"`
	Hours           []PersonalHourEntry      `json:"hours" nullable:"false"`
	SurveyResponses []PersonalSurveyResponse `json:"surveyResponses" nullable:"false" doc:"Survey responses attributed to the person"`
	AuditEntries    []AuditEntry             `json:"auditEntries" nullable:"false" doc:"Who did what with the person's data, the newest first (12 months)"`
}

// PersonalApplication is one of the person's applications.
type PersonalApplication struct {
	ID           string `json:"id"`
	ProjectID    string `json:"projectId"`
	ProjectTitle string `json:"projectTitle"`
	Status       string `json:"status"`
	Origin       string `json:"origin"`
	Message      string `json:"message"`
	CreatedAt    string `json:"createdAt"`
	UpdatedAt    string `json:"updatedAt"`
}

// PersonalHourEntry is one of the person's hour entries.
type PersonalHourEntry struct {
	ID           string  `json:"id"`
	ProjectID    string  `json:"projectId"`
	ProjectTitle string  `json:"projectTitle"`
	Date         string  `json:"date"`
	Hours        float64 `json:"hours"`
	Skill        string  `json:"skill"`
	Note         string  `json:"note"`
	Status       string  `json:"status"`
	CreatedAt    string  `json:"createdAt"`
}

// PersonalSurveyResponse is a survey response attributed to the person.
type PersonalSurveyResponse struct {
	ID          string           `json:"id"`
	SurveyID    string           `json:"surveyId"`
	SurveyTitle string           `json:"surveyTitle"`
	Source      string           `json:"source"`
	CreatedAt   string           `json:"createdAt"`
	Answers     []QuestionAnswer `json:"answers" nullable:"false"`
}

// QuestionAnswer is one question and the answer given, as text.
type QuestionAnswer struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

// AuditEntry is one act on personal data.
type AuditEntry struct {
	ID          string `json:"id"`
	At          string `json:"at" doc:"RFC 3339"`
	ActorID     string `json:"actorId"`
	Action      string `json:"action" doc:"volunteer.created, volunteer.updated, volunteer.archived, volunteer.restored, volunteers.imported, consent.changed, volunteer.exported, volunteers.exported, volunteer.erased, retention.purged, retention.changed, hours.logged, hours.changed, hours.deleted, hours.reviewed, application.created, application.moved"`
	VolunteerID string `json:"volunteerId" doc:"The person concerned; empty for acts on a list"`
	Detail      string `json:"detail" doc:"Field names, counts, formats: never personal data"`
	Erased      bool   `json:"erased" doc:"The person has since been erased (their ID may now be someone else's)"`
}

// AuditPage is a page of the audit log.
type AuditPage struct {
	Total int          `json:"total"`
	Items []AuditEntry `json:"items" nullable:"false"`
}

// ErasureResult says what an erasure did.
type ErasureResult struct {
	VolunteerID string         `json:"volunteerId"`
	ErasedAt    string         `json:"erasedAt"`
	Counts      map[string]int `json:"counts" doc:"hours (kept, anonymous), applications, tasks, projects, surveyResponses (kept, anonymous), messages, consents, skills"`
}

// Retention is the retention period of inactive people's data.
type Retention struct {
	Months int `json:"months" minimum:"1" maximum:"120" doc:"People with no activity (profile change, hours, application, consent change) for longer are proposed for purge"`
}

// InactiveVolunteer is a person the retention purge would erase.
type InactiveVolunteer struct {
	ID           string `json:"id"`
	FirstName    string `json:"firstName"`
	LastName     string `json:"lastName"`
	Status       string `json:"status"`
	LastActivity string `json:"lastActivity" doc:"YYYY-MM-DD"`
}

// RetentionPreview lists the people a purge would erase now.
type RetentionPreview struct {
	Months int                 `json:"months"`
	Cutoff string              `json:"cutoff" doc:"YYYY-MM-DD: no activity since this day"`
	Total  int                 `json:"total"`
	Items  []InactiveVolunteer `json:"items" nullable:"false"`
}

// PurgeResult says who a purge erased and who it kept (active again, or gone).
type PurgeResult struct {
	Erased []string `json:"erased" nullable:"false"`
	Kept   []string `json:"kept" nullable:"false"`
}

// PrivacySummary is the live part of the data-protection summary.
type PrivacySummary struct {
	ActiveVolunteers   int            `json:"activeVolunteers"`
	ArchivedVolunteers int            `json:"archivedVolunteers"`
	Consents           map[string]int `json:"consents" doc:"People holding each kind of consent now"`
	Applications       int            `json:"applications"`
	HourEntries        int            `json:"hourEntries" doc:"Attributed to a person"`
	AnonymousHours     int            `json:"anonymousHourEntries" doc:"Kept from erased people, without them"`
	SurveyResponses    int            `json:"surveyResponses" doc:"Attributed to a person"`
	AuditEntries       int            `json:"auditEntries"`
	Erasures           int            `json:"erasures"`
	RetentionMonths    int            `json:"retentionMonths"`
	AuditMonths        int            `json:"auditMonths"`
	DataDir            string         `json:"dataDir"`
	Database           string         `json:"database"`
	IndexDir           string         `json:"indexDir"`
	LedgerFile         string         `json:"ledgerFile"`
	BackupsDir         string         `json:"backupsDir" doc:"Backups of the database and documents, kept up to 12 months"`
}

func (s *server) registerPrivacy(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "exportVolunteerData", Method: http.MethodGet, Path: "/api/volunteers/{id}/export",
		Summary:     "Everything held on a person, as JSON (GDPR access and portability)",
		Description: "Profile, skills, consents with their history, applications, hours, survey answers attributed to the person and the audit entries about them. The export is itself recorded in the audit log.",
		Tags:        []string{"privacy", "volunteers"}, Errors: []int{http.StatusForbidden, http.StatusNotFound},
	}, func(ctx context.Context, in *volunteerIDInput) (*struct {
		ContentDisposition string `header:"Content-Disposition"`
		Body               PersonalDataExport
	}, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		data, err := s.privacy.ExportPersonalData(ctx, actorFrom(ctx), id, "json")
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		name := reportFileName(msgPersonalDataFileName, localeFrom(ctx), data.Volunteer.FullName(), data.ExportedAt, "json")
		return &struct {
			ContentDisposition string `header:"Content-Disposition"`
			Body               PersonalDataExport
		}{ContentDisposition: contentDisposition(name), Body: s.personalDataToAPI(ctx, data)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "exportVolunteerDataPDF", Method: http.MethodGet, Path: "/api/volunteers/{id}/export.pdf",
		Summary: "Everything held on a person, as a readable PDF",
		Tags:    []string{"privacy", "volunteers"}, Responses: binaryResponse(mediaTypePDF),
		Errors: []int{http.StatusForbidden, http.StatusNotFound},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		Lang string `query:"lang" enum:"fr,en," doc:"The document's language; the reader's when empty"`
	}) (*huma.StreamResponse, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		data, err := s.privacy.ExportPersonalData(ctx, actorFrom(ctx), id, "pdf")
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		l := documentLocale(ctx, in.Lang)
		org, err := s.settings.OrganizationProfile(ctx, actorFrom(ctx))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		var buf bytes.Buffer
		if err := report.WritePersonalDataPDF(&buf, s.personalDataDocument(l, org.Name, data)); err != nil {
			return nil, s.problemFor(ctx, fmt.Errorf("write personal data: %w", err))
		}
		return fileResponse(mediaTypePDF, reportFileName(msgPersonalDataFileName, l, data.Volunteer.FullName(), data.ExportedAt, "pdf"), buf.Bytes(), false), nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "eraseVolunteer", Method: http.MethodPost, Path: "/api/volunteers/{id}/erase",
		Summary: "Erase a person everywhere (GDPR right to erasure)",
		Description: "Removes the person from the database, the search index and the data folder's files. Hours stay as anonymous totals so that reports remain true; " +
			"survey responses stay, anonymous. The erasure is recorded in a ledger without personal data so that restoring an older backup erases the person again.",
		Tags: []string{"privacy", "volunteers"}, Errors: []int{http.StatusForbidden, http.StatusNotFound},
	}, func(ctx context.Context, in *volunteerIDInput) (*struct{ Body ErasureResult }, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		res, err := s.privacy.Erase(ctx, actorFrom(ctx), id)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		c := res.Counts
		return &struct{ Body ErasureResult }{Body: ErasureResult{VolunteerID: in.ID, ErasedAt: formatTimestamp(res.Erasure.ErasedAt),
			Counts: map[string]int{"hours": c.Hours, "applications": c.Applications, "tasks": c.Tasks, "projects": c.Projects,
				"surveyResponses": c.Responses, "messages": c.Messages, "consents": c.Consents, "skills": c.Skills}}}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getAuditLog", Method: http.MethodGet, Path: "/api/audit",
		Summary: "Who changed, exported or erased whose data, and when (12 months)",
		Tags:    []string{"privacy"}, Errors: []int{http.StatusForbidden, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		VolunteerID string `query:"volunteerId" doc:"Only the entries about this person"`
		Limit       int    `query:"limit" minimum:"0" maximum:"500" doc:"50 when 0"`
		Offset      int    `query:"offset" minimum:"0"`
	}) (*struct{ Body AuditPage }, error) {
		var vid int64
		if in.VolunteerID != "" {
			id, err := strconv.ParseInt(in.VolunteerID, 10, 64)
			if err != nil || id <= 0 {
				return nil, s.problemFor(ctx, &domain.ValidationError{Fields: []domain.FieldError{{Field: "volunteerId", Code: domain.CodeInvalidChoice}}})
			}
			vid = id
		}
		page, err := s.privacy.AuditLog(ctx, actorFrom(ctx), vid, in.Limit, in.Offset)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := AuditPage{Total: page.Total, Items: make([]AuditEntry, len(page.Items))}
		for i, e := range page.Items {
			out.Items[i] = auditEntryToAPI(e)
		}
		return &struct{ Body AuditPage }{Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getPrivacySummary", Method: http.MethodGet, Path: "/api/privacy/summary",
		Summary: "Live figures of the data-protection summary: what is held, how long, where",
		Tags:    []string{"privacy"}, Errors: []int{http.StatusForbidden},
	}, func(ctx context.Context, _ *struct{}) (*struct{ Body PrivacySummary }, error) {
		sum, err := s.privacy.Summary(ctx, actorFrom(ctx))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		c := sum.Counts
		consents := map[string]int{}
		for _, k := range domain.ConsentKinds {
			consents[string(k)] = c.Consents[k]
		}
		return &struct{ Body PrivacySummary }{Body: PrivacySummary{ActiveVolunteers: c.ActiveVolunteers, ArchivedVolunteers: c.ArchivedVolunteers,
			Consents: consents, Applications: c.Applications, HourEntries: c.HourEntries, AnonymousHours: c.AnonymousHours,
			SurveyResponses: c.SurveyResponses, AuditEntries: c.AuditEntries, Erasures: c.Erasures, RetentionMonths: sum.RetentionMonths,
			AuditMonths: sum.AuditMonths, DataDir: sum.DataDir, Database: sum.Database, IndexDir: sum.IndexDir, LedgerFile: sum.LedgerFile, BackupsDir: sum.BackupsDir}}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getRetention", Method: http.MethodGet, Path: "/api/privacy/retention",
		Summary: "The retention period of inactive people's data", Tags: []string{"privacy"},
	}, func(ctx context.Context, _ *struct{}) (*struct{ Body Retention }, error) {
		r, err := s.privacy.Retention(ctx, actorFrom(ctx))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body Retention }{Body: Retention{Months: r.Months}}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "setRetention", Method: http.MethodPut, Path: "/api/privacy/retention",
		Summary: "Change the retention period (admins)", Tags: []string{"privacy"},
		Errors: []int{http.StatusForbidden, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ Body Retention }) (*struct{ Body Retention }, error) {
		r, err := s.privacy.SetRetention(ctx, actorFrom(ctx), domain.Retention{Months: in.Body.Months})
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body Retention }{Body: Retention{Months: r.Months}}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "previewRetentionPurge", Method: http.MethodGet, Path: "/api/privacy/retention/preview",
		Summary: "The people inactive for longer than the retention period, for review before a purge",
		Tags:    []string{"privacy"}, Errors: []int{http.StatusForbidden},
	}, func(ctx context.Context, _ *struct{}) (*struct{ Body RetentionPreview }, error) {
		p, err := s.privacy.PreviewRetention(ctx, actorFrom(ctx))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := RetentionPreview{Months: p.Months, Cutoff: p.Cutoff, Total: len(p.Items), Items: make([]InactiveVolunteer, len(p.Items))}
		for i, v := range p.Items {
			out.Items[i] = InactiveVolunteer{ID: strconv.FormatInt(v.ID, 10), FirstName: v.FirstName, LastName: v.LastName,
				Status: string(v.Status), LastActivity: v.LastActivity}
		}
		return &struct{ Body RetentionPreview }{Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "purgeRetention", Method: http.MethodPost, Path: "/api/privacy/retention/purge",
		Summary:     "Erase the people of a preview who are still inactive",
		Description: "Takes the IDs of the preview; each is checked again, and someone active since the preview is kept.",
		Tags:        []string{"privacy"}, Errors: []int{http.StatusForbidden, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		Body struct {
			IDs []string `json:"ids" minItems:"1" maxItems:"100000"`
		}
	}) (*struct{ Body PurgeResult }, error) {
		ids := make([]int64, 0, len(in.Body.IDs))
		for _, raw := range in.Body.IDs {
			id, err := strconv.ParseInt(raw, 10, 64)
			if err != nil || id <= 0 {
				return nil, s.problemFor(ctx, &domain.ValidationError{Fields: []domain.FieldError{{Field: "ids", Code: domain.CodeInvalidChoice}}})
			}
			ids = append(ids, id)
		}
		res, err := s.privacy.PurgeInactive(ctx, actorFrom(ctx), ids)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body PurgeResult }{Body: PurgeResult{Erased: idStrings(res.Erased), Kept: idStrings(res.Kept)}}, nil
	})
}

func idStrings(ids []int64) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = strconv.FormatInt(id, 10)
	}
	return out
}

func auditEntryToAPI(e domain.AuditEntry) AuditEntry {
	vid := ""
	if e.VolunteerID != 0 {
		vid = strconv.FormatInt(e.VolunteerID, 10)
	}
	return AuditEntry{ID: strconv.FormatInt(e.ID, 10), At: formatTimestamp(e.At), ActorID: e.ActorID, Action: string(e.Action),
		VolunteerID: vid, Detail: e.Detail, Erased: e.Erased}
}

func (s *server) personalDataToAPI(ctx context.Context, d service.PersonalData) PersonalDataExport {
	out := PersonalDataExport{ExportedAt: formatTimestamp(d.ExportedAt), Profile: s.volunteerToAPI(ctx, d.Volunteer), SponsorName: d.SponsorName,
		Consents: make([]ConsentRecord, len(d.Consents)), Applications: make([]PersonalApplication, len(d.Applications)),
		Hours: make([]PersonalHourEntry, len(d.Hours)), SurveyResponses: make([]PersonalSurveyResponse, len(d.Responses)),
		AuditEntries: make([]AuditEntry, len(d.Audit))}
	for i, c := range d.Consents {
		out.Consents[i] = ConsentRecord{Kind: string(c.Kind), GivenAt: formatTimestamp(c.GivenAt),
			WithdrawnAt: optionalTimestamp(c.WithdrawnAt), RecordedBy: c.RecordedBy, WithdrawnBy: c.WithdrawnBy}
	}
	for i, a := range d.Applications {
		out.Applications[i] = PersonalApplication{ID: strconv.FormatInt(a.ID, 10), ProjectID: strconv.FormatInt(a.ProjectID, 10),
			ProjectTitle: a.ProjectTitle, Status: string(a.Status), Origin: string(a.Origin), Message: a.Message,
			CreatedAt: formatTimestamp(a.CreatedAt), UpdatedAt: formatTimestamp(a.UpdatedAt)}
	}
	for i, h := range d.Hours {
		out.Hours[i] = PersonalHourEntry{ID: strconv.FormatInt(h.ID, 10), ProjectID: strconv.FormatInt(h.ProjectID, 10),
			ProjectTitle: h.ProjectTitle, Date: h.Date, Hours: float64(h.Minutes) / 60, Skill: h.SkillName, Note: h.Note,
			Status: string(h.Status), CreatedAt: formatTimestamp(h.CreatedAt)}
	}
	for i, r := range d.Responses {
		answers := make([]QuestionAnswer, len(r.Answers))
		for j, a := range r.Answers {
			answers[j] = QuestionAnswer{Question: a.Question, Answer: a.Answer}
		}
		out.SurveyResponses[i] = PersonalSurveyResponse{ID: strconv.FormatInt(r.ID, 10), SurveyID: strconv.FormatInt(r.SurveyID, 10),
			SurveyTitle: r.SurveyTitle, Source: string(r.Source), CreatedAt: formatTimestamp(r.CreatedAt), Answers: answers}
	}
	for i, e := range d.Audit {
		out.AuditEntries[i] = auditEntryToAPI(e)
	}
	return out
}

// personalDataDocument lays out everything held on a person for the PDF, in the reader's words.
func (s *server) personalDataDocument(l locale, association string, d service.PersonalData) report.PersonalDataDocument {
	w := personalDataWords
	v := d.Volunteer
	when := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		if l == localeEN {
			return t.Local().Format("2006-01-02 15:04")
		}
		return t.Local().Format("02/01/2006 15:04")
	}
	var skills []string
	for _, sk := range v.Skills {
		skills = append(skills, s.volunteers.SkillName(sk.SkillID, sk.Name, string(l))+" ("+strings.ToLower(levelLabels[sk.Level].in(l))+")")
	}
	profile := report.PersonalDataSection{Title: w.profile.in(l), Fields: []report.PersonalDataField{
		{Label: w.name.in(l), Value: v.FullName()}, {Label: exportHeaders.email.in(l), Value: v.Email},
		{Label: exportHeaders.phone.in(l), Value: v.Phone}, {Label: exportHeaders.city.in(l), Value: strings.TrimSpace(v.Postcode + " " + v.City)},
		{Label: exportHeaders.skills.in(l), Value: strings.Join(skills, ", ")},
		{Label: exportHeaders.availability.in(l), Value: availabilitySummary(v.Availability, l)},
		{Label: exportHeaders.bio.in(l), Value: v.Bio}, {Label: exportHeaders.notes.in(l), Value: v.Notes},
		{Label: exportHeaders.joinedOn.in(l), Value: formatDay(l, v.JoinedOn)}, {Label: w.sponsor.in(l), Value: d.SponsorName},
		{Label: exportHeaders.status.in(l), Value: statusLabels[v.Status].in(l)},
		{Label: exportHeaders.createdAt.in(l), Value: when(v.CreatedAt)}, {Label: exportHeaders.updatedAt.in(l), Value: when(v.UpdatedAt)},
	}}
	consents := report.PersonalDataSection{Title: w.consents.in(l), Empty: w.none.in(l),
		Columns: []report.PersonalDataColumn{{Title: w.kind.in(l), Weight: 2}, {Title: w.given.in(l), Weight: 1.3}, {Title: w.withdrawn.in(l), Weight: 1.3}, {Title: w.by.in(l), Weight: 1}}}
	for _, c := range d.Consents {
		consents.Rows = append(consents.Rows, []string{consentLabels[c.Kind].in(l), when(c.GivenAt), when(c.WithdrawnAt), c.RecordedBy})
	}
	apps := report.PersonalDataSection{Title: w.applications.in(l), Empty: w.none.in(l),
		Columns: []report.PersonalDataColumn{{Title: hoursHeaders.project.in(l), Weight: 2}, {Title: hoursHeaders.status.in(l), Weight: 1}, {Title: w.message.in(l), Weight: 3}, {Title: hoursHeaders.date.in(l), Weight: 1.2}}}
	for _, a := range d.Applications {
		apps.Rows = append(apps.Rows, []string{a.ProjectTitle, applicationStatusLabels[a.Status].in(l), a.Message, when(a.CreatedAt)})
	}
	hours := report.PersonalDataSection{Title: w.hours.in(l), Empty: w.none.in(l),
		Columns: []report.PersonalDataColumn{{Title: hoursHeaders.date.in(l), Weight: 1}, {Title: hoursHeaders.project.in(l), Weight: 2}, {Title: hoursHeaders.hours.in(l), Weight: 0.7},
			{Title: hoursHeaders.skill.in(l), Weight: 1.3}, {Title: w.note.in(l), Weight: 2}, {Title: hoursHeaders.status.in(l), Weight: 1}}}
	for _, h := range d.Hours {
		hours.Rows = append(hours.Rows, []string{formatDay(l, h.Date), h.ProjectTitle, formatDecimal(l, float64(h.Minutes)/60), h.SkillName, h.Note, hourStatusLabels[h.Status].in(l)})
	}
	surveys := report.PersonalDataSection{Title: w.surveys.in(l), Empty: w.none.in(l),
		Columns: []report.PersonalDataColumn{{Title: w.survey.in(l), Weight: 1.5}, {Title: w.question.in(l), Weight: 2}, {Title: w.answer.in(l), Weight: 2.5}}}
	for _, r := range d.Responses {
		for _, a := range r.Answers {
			surveys.Rows = append(surveys.Rows, []string{r.SurveyTitle + " (" + when(r.CreatedAt) + ")", a.Question, a.Answer})
		}
	}
	audit := report.PersonalDataSection{Title: w.audit.in(l), Empty: w.none.in(l),
		Columns: []report.PersonalDataColumn{{Title: hoursHeaders.date.in(l), Weight: 1.2}, {Title: w.by.in(l), Weight: 1}, {Title: w.action.in(l), Weight: 2}, {Title: w.detail.in(l), Weight: 2.5}}}
	for _, e := range d.Audit {
		action := string(e.Action)
		if m, ok := auditActionLabels[e.Action]; ok {
			action = m.in(l)
		}
		audit.Rows = append(audit.Rows, []string{when(e.At), e.ActorID, action, e.Detail})
	}
	return report.PersonalDataDocument{
		Locale:   string(l),
		Title:    fill(w.title.in(l), map[string]any{"name": v.FullName()}),
		Subtitle: fill(w.subtitle.in(l), map[string]any{"association": association, "date": when(d.ExportedAt)}),
		Intro:    w.intro.in(l),
		Footer:   fill(w.footer.in(l), map[string]any{"name": v.FullName()}),
		Created:  d.ExportedAt,
		Sections: []report.PersonalDataSection{profile, consents, apps, hours, surveys, audit},
	}
}

var msgPersonalDataFileName = message{"donnees-personnelles", "personal-data"}

var personalDataWords = struct {
	title, subtitle, intro, footer, profile, name, sponsor, consents, kind, given, withdrawn, by, applications, message,
	hours, note, surveys, survey, question, answer, audit, action, detail, none message
}{
	title:    message{"Données personnelles de {name}", "Personal data of {name}"},
	subtitle: message{"Détenues par {association} · document établi le {date}", "Held by {association} · document made on {date}"},
	intro: message{"Ce document rassemble tout ce que l'association détient sur vous dans Civisphère (RGPD, articles 15 et 20). " +
		"Vous pouvez demander à tout moment leur rectification, la limitation de leur usage ou leur effacement, et retirer vos consentements.",
		"This document gathers everything the association holds on you in Civisphère (GDPR, articles 15 and 20). " +
			"You may at any time ask for them to be corrected, their use restricted or erased, and withdraw your consents."},
	footer:       message{"Données personnelles · {name}", "Personal data · {name}"},
	profile:      message{"Profil", "Profile"},
	name:         message{"Nom", "Name"},
	sponsor:      message{"Mécène", "Sponsor"},
	consents:     message{"Consentements (historique)", "Consents (history)"},
	kind:         message{"Consentement", "Consent"},
	given:        message{"Donné le", "Given on"},
	withdrawn:    message{"Retiré le", "Withdrawn on"},
	by:           message{"Saisi par", "Entered by"},
	applications: message{"Candidatures", "Applications"},
	message:      message{"Message", "Message"},
	hours:        message{"Heures", "Hours"},
	note:         message{"Note", "Note"},
	surveys:      message{"Réponses aux questionnaires", "Survey answers"},
	survey:       message{"Questionnaire", "Survey"},
	question:     message{"Question", "Question"},
	answer:       message{"Réponse", "Answer"},
	audit:        message{"Journal des accès et modifications (12 mois)", "Log of access and changes (12 months)"},
	action:       message{"Action", "Action"},
	detail:       message{"Détail", "Detail"},
	none:         message{"Aucune donnée.", "None."},
}

var auditActionLabels = map[domain.AuditAction]message{
	domain.AuditVolunteerCreated:   {"fiche créée", "profile created"},
	domain.AuditVolunteerUpdated:   {"fiche modifiée", "profile changed"},
	domain.AuditVolunteerArchived:  {"fiche archivée", "profile archived"},
	domain.AuditVolunteerRestored:  {"fiche restaurée", "profile restored"},
	domain.AuditVolunteersImported: {"import de bénévoles", "volunteers imported"},
	domain.AuditConsentChanged:     {"consentement modifié", "consent changed"},
	domain.AuditVolunteerExported:  {"données exportées", "data exported"},
	domain.AuditVolunteersExported: {"liste exportée", "list exported"},
	domain.AuditVolunteerErased:    {"personne effacée", "person erased"},
	domain.AuditRetentionPurged:    {"purge des inactifs", "inactive people purged"},
	domain.AuditRetentionChanged:   {"durée de conservation modifiée", "retention period changed"},
	domain.AuditHoursLogged:        {"heures saisies", "hours logged"},
	domain.AuditHoursChanged:       {"heures modifiées", "hours changed"},
	domain.AuditHoursDeleted:       {"heures supprimées", "hours deleted"},
	domain.AuditHoursReviewed:      {"heures validées ou refusées", "hours reviewed"},
	domain.AuditApplicationCreated: {"candidature créée", "application created"},
	domain.AuditApplicationMoved:   {"candidature déplacée", "application moved"},
}
