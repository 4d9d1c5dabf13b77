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

const mediaTypePDF = "application/pdf"

// reportScopeInput is the scope of an impact report, in the query or in a job's body.
type reportScopeInput struct {
	SponsorID string `query:"sponsorId" json:"sponsorId,omitempty" required:"false" doc:"Empty: every project"`
	ProgramID string `query:"programId" json:"programId,omitempty" required:"false" doc:"One program of the sponsor"`
	ProjectID string `query:"projectId" json:"projectId,omitempty" required:"false" doc:"One project"`
	From      string `query:"from" json:"from,omitempty" required:"false" doc:"First day, YYYY-MM-DD"`
	To        string `query:"to" json:"to,omitempty" required:"false" doc:"Last day, YYYY-MM-DD"`
	Lang      string `query:"lang" json:"lang,omitempty" required:"false" enum:"fr,en," doc:"The document's language; the reader's (Accept-Language) when empty"`
}

// ImpactReportPreview is what the impact report will hold, for the screen before writing it.
type ImpactReportPreview struct {
	Sponsor       string                  `json:"sponsor"`
	Program       string                  `json:"program"`
	Association   string                  `json:"association"`
	Volunteers    int                     `json:"volunteers"`
	Hours         float64                 `json:"hours" doc:"Approved hours"`
	Value         float64                 `json:"value"`
	Projects      int                     `json:"projects"`
	Beneficiaries int                     `json:"beneficiaries"`
	Sections      []ImpactReportSection   `json:"sections" nullable:"false"`
	Domains       []ImpactReportDomainRow `json:"domains" nullable:"false"`
}

// ImpactReportSection is one project's section as the report will show it.
type ImpactReportSection struct {
	Title       string   `json:"title"`
	Association string   `json:"association"`
	TeamSize    int      `json:"teamSize"`
	Named       []string `json:"named" nullable:"false" doc:"Volunteers who agreed to be named to sponsors; the others are only counted"`
	Hours       float64  `json:"hours"`
	Value       float64  `json:"value"`
	Milestones  int      `json:"milestones"`
	Reached     int      `json:"reached"`
	Surveys     int      `json:"surveys"`
}

// ImpactReportDomainRow is the hours of one skill domain.
type ImpactReportDomainRow struct {
	Label string  `json:"label"`
	Hours float64 `json:"hours"`
	Value float64 `json:"value"`
}

type hoursExportInput struct {
	VolunteerID    string   `query:"volunteerId"`
	ProjectID      string   `query:"projectId"`
	OrganizationID string   `query:"organizationId"`
	SponsorID      string   `query:"sponsorId"`
	ProgramID      string   `query:"programId"`
	Status         []string `query:"status,explode"`
	From           string   `query:"from"`
	To             string   `query:"to"`
	Lang           string   `query:"lang" enum:"fr,en," doc:"The workbook's language; the reader's when empty"`
}

var (
	msgReportFileName = message{"rapport-impact", "impact-report"}
	msgHoursFileName  = message{"heures", "hours"}
	msgCertFileName   = message{"attestation", "certificate"}
	// A survey's paper form and its responses, named after the survey.
	msgSurveyFormFileName      = message{"formulaire", "form"}
	msgSurveyResponsesFileName = message{"reponses", "responses"}
	msgHalfYear                = message{"{half} semestre {year}", "{half} half {year}"}
	msgHalves                  = [2]message{{"1er", "1st"}, {"2d", "2nd"}}
	hoursHeaders               = struct{ date, volunteer, project, association, sponsor, skill, hours, value, status message }{
		message{"Date", "Date"}, message{"Bénévole", "Volunteer"}, message{"Projet", "Project"},
		message{"Association", "Association"}, message{"Mécène", "Sponsor"}, message{"Compétence", "Skill"},
		message{"Heures", "Hours"}, message{"Valeur (€)", "Value (€)"}, message{"Statut", "Status"},
	}
	hourStatusLabels = map[domain.HourStatus]message{
		domain.HoursPending: {"en attente", "pending"}, domain.HoursApproved: {"validée", "approved"},
		domain.HoursRejected: {"refusée", "rejected"},
	}
)

// documentLocale is the language asked for with lang=, else the reader's.
func documentLocale(ctx context.Context, lang string) locale {
	switch lang {
	case "fr":
		return localeFR
	case "en":
		return localeEN
	}
	return localeFrom(ctx)
}

func (in reportScopeInput) scope(ctx context.Context) (service.ReportScope, error) {
	l := documentLocale(ctx, in.Lang)
	sc := service.ReportScope{Locale: string(l), StatusLabel: func(st domain.ProjectStatus) string {
		return projectStatusLabels[st].in(l)
	}}
	problems := &domain.ValidationError{}
	p, err := parsePeriod(in.From, in.To)
	collectProblems(problems, err)
	sc.Period = p
	for _, ref := range []struct {
		field, value string
		dst          *int64
	}{{"sponsorId", in.SponsorID, &sc.SponsorID}, {"programId", in.ProgramID, &sc.ProgramID}, {"projectId", in.ProjectID, &sc.ProjectID}} {
		id, err := parseOptionalRef(ref.field, ref.value)
		collectProblems(problems, err)
		*ref.dst = id
	}
	if len(problems.Fields) > 0 {
		return sc, problems
	}
	return sc, nil
}

// reportFileName is "rapport-impact-fondation-stefan-2026-11-25.pdf": the sponsor's name folded
// to plain letters so that every file system and mail client takes it.
func reportFileName(base message, l locale, who string, now time.Time, ext string) string {
	parts := []string{base.in(l)}
	if slug := fileSlug(who); slug != "" {
		parts = append(parts, slug)
	}
	return strings.Join(append(parts, now.Format("2006-01-02")), "-") + "." + ext
}

func fileSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range domain.FoldText(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

// fileResponse sends a finished document.
func fileResponse(mediaType, name string, data []byte, inline bool) *huma.StreamResponse {
	return &huma.StreamResponse{Body: func(hctx huma.Context) {
		hctx.SetHeader("Content-Type", mediaType)
		disposition := contentDisposition(name)
		if inline {
			disposition = "inline" + strings.TrimPrefix(disposition, "attachment")
		}
		hctx.SetHeader("Content-Disposition", disposition)
		hctx.SetHeader("Content-Length", strconv.Itoa(len(data)))
		hctx.SetHeader("Cache-Control", "no-store")
		hctx.BodyWriter().Write(data) //nolint:errcheck // the client went away
	}}
}

func binaryResponse(mediaType string) map[string]*huma.Response {
	return map[string]*huma.Response{
		"200": {Description: "The file", Content: map[string]*huma.MediaType{
			mediaType: {Schema: &huma.Schema{Type: "string", Format: "binary"}},
		}},
	}
}

// GeneratedFile is a document written by a background job, kept in memory until fetched.
type GeneratedFile struct {
	Name      string
	MediaType string
	Data      []byte
}

func (s *server) registerReports(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "getImpactReportPDF", Method: http.MethodGet, Path: "/api/reports/impact.pdf",
		Summary:     "The impact report as a PDF",
		Description: "Approved hours only. Volunteers are named only when they agreed to be named to sponsors; otherwise counted.",
		Tags:        []string{"reports"}, Responses: binaryResponse(mediaTypePDF),
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *reportScopeInput) (*huma.StreamResponse, error) {
		sc, err := in.scope(ctx)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		file, err := s.writeImpactReport(ctx, actorFrom(ctx), sc, nil)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return fileResponse(file.MediaType, file.Name, file.Data, false), nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "previewImpactReport", Method: http.MethodGet, Path: "/api/reports/impact",
		Summary: "What the impact report will hold, to check before writing it", Tags: []string{"reports"},
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *reportScopeInput) (*struct{ Body ImpactReportPreview }, error) {
		sc, err := in.scope(ctx)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		rep, err := s.reports.ImpactReport(ctx, actorFrom(ctx), sc)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body ImpactReportPreview }{Body: impactPreviewToAPI(rep)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "startImpactReport", Method: http.MethodPost, Path: "/api/reports/impact/jobs",
		Summary:     "Write the impact report in the background",
		Description: "Answers at once with a job to follow (GET /api/jobs/{id}); when done, the PDF is at the job's `download` address.",
		Tags:        []string{"reports"}, DefaultStatus: http.StatusAccepted,
		Errors: []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ Body reportScopeInput }) (*acceptedJobOutput, error) {
		sc, err := in.Body.scope(ctx)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		actor := actorFrom(ctx)
		id := s.jobs.Start("impactReport", func(jobCtx context.Context, progress func(service.Progress)) (any, error) {
			return s.writeImpactReport(jobCtx, actor, sc, progress)
		})
		snap, _ := s.jobs.Get(id)
		return &acceptedJobOutput{Location: "/api/jobs/" + id, Body: s.jobToAPI(ctx, snap)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getJobFile", Method: http.MethodGet, Path: "/api/jobs/{id}/file",
		Summary: "The document a finished job wrote", Tags: []string{"jobs"}, Responses: binaryResponse(mediaTypePDF),
		Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *struct {
		ID     string `path:"id"`
		Inline bool   `query:"inline" doc:"Shown in the browser (a preview) rather than saved"`
	}) (*huma.StreamResponse, error) {
		snap, ok := s.jobs.Get(in.ID)
		file, isFile := snap.Result.(GeneratedFile)
		if !ok || !isFile || snap.State != service.JobDone {
			return nil, s.problemFor(ctx, domain.ErrNotFound)
		}
		return fileResponse(file.MediaType, file.Name, file.Data, in.Inline), nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "exportHoursXLSX", Method: http.MethodGet, Path: "/api/exports/hours.xlsx",
		Summary:     "Hour entries as an Excel workbook",
		Description: "One row per entry in date order (real dates and numbers), a totals sheet by status; past 1,048,575 rows the entries continue on a new sheet. Texts that a spreadsheet could take for a formula are neutralised.",
		Tags:        []string{"reports", "hours"}, Responses: binaryResponse(mediaTypeXLSX),
		Errors: []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *hoursExportInput) (*huma.StreamResponse, error) {
		f, err := hourFilterFromAPI(&hourListInput{VolunteerID: in.VolunteerID, ProjectID: in.ProjectID,
			OrganizationID: in.OrganizationID, SponsorID: in.SponsorID, ProgramID: in.ProgramID, Status: in.Status,
			From: in.From, To: in.To})
		if err == nil && f.From != "" && f.To != "" && f.To < f.From {
			err = &domain.ValidationError{Fields: []domain.FieldError{{Field: "to", Code: domain.CodeDateBeforeStart}}}
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		if !actorFrom(ctx).CanReadProjects() {
			return nil, s.problemFor(ctx, domain.ErrForbidden)
		}
		l := documentLocale(ctx, in.Lang)
		name := reportFileName(msgHoursFileName, l, "", time.Now(), "xlsx")
		exp := service.HoursExport{Filter: f, Labels: hoursWorkbookLabels(l)}
		return &huma.StreamResponse{Body: func(hctx huma.Context) {
			hctx.SetHeader("Content-Type", mediaTypeXLSX)
			hctx.SetHeader("Content-Disposition", contentDisposition(name))
			hctx.SetHeader("Cache-Control", "no-store")
			if _, err := s.reports.WriteHoursXLSX(ctx, actorFrom(ctx), exp, hctx.BodyWriter(), nil); err != nil {
				// The status line is gone: log it and cut the body short, which the browser
				// reports as a failed download.
				s.log.ErrorContext(ctx, "hours export failed", "err", err)
			}
		}}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getVolunteerCertificate", Method: http.MethodGet, Path: "/api/volunteers/{id}/certificate.pdf",
		Summary:     "The volunteer's certificate of approved hours and skills",
		Description: "Projects, skills used, approved hours in total and by half-year, the association's signatory (Paramètres) and a verification code derived from the content.",
		Tags:        []string{"reports", "volunteers"}, Responses: binaryResponse(mediaTypePDF),
		Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		Lang string `query:"lang" enum:"fr,en," doc:"The certificate's language; the reader's when empty"`
	}) (*huma.StreamResponse, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		l := documentLocale(ctx, in.Lang)
		c, err := s.reports.Certificate(ctx, actorFrom(ctx), id, service.CertificateWords{Locale: string(l),
			Half: func(year, half int) string {
				return fill(msgHalfYear.in(l), map[string]any{"half": msgHalves[half-1].in(l), "year": year})
			}})
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		var buf bytes.Buffer
		if err := report.WriteCertificatePDF(&buf, c); err != nil {
			return nil, s.problemFor(ctx, fmt.Errorf("write certificate: %w", err))
		}
		return fileResponse(mediaTypePDF, reportFileName(msgCertFileName, l, c.Volunteer, time.Now(), "pdf"), buf.Bytes(), false), nil
	})
}

func (s *server) registerSurveyDocuments(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "getSurveyForm", Method: http.MethodGet, Path: "/api/surveys/{id}/form.pdf",
		Summary:     "A survey as a paper form to print",
		Description: "Each question with the place to answer by hand; answers are typed in later with source \"paper\".",
		Tags:        []string{"surveys", "reports"}, Responses: binaryResponse(mediaTypePDF),
		Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		Lang string `query:"lang" enum:"fr,en," doc:"The form's language; the reader's when empty"`
	}) (*huma.StreamResponse, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		l := documentLocale(ctx, in.Lang)
		var buf bytes.Buffer
		sv, err := s.reports.WriteSurveyForm(ctx, actorFrom(ctx), id, string(l), &buf)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return fileResponse(mediaTypePDF, reportFileName(msgSurveyFormFileName, l, sv.Title, time.Now(), "pdf"), buf.Bytes(), false), nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "exportSurveyResponsesXLSX", Method: http.MethodGet, Path: "/api/surveys/{id}/responses.xlsx",
		Summary:     "A survey's responses as an Excel workbook",
		Description: "One row per response, one column per question (numbers as numbers, choices as their texts). Texts that a spreadsheet could take for a formula are neutralised.",
		Tags:        []string{"surveys", "reports"}, Responses: binaryResponse(mediaTypeXLSX),
		Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		Lang string `query:"lang" enum:"fr,en," doc:"The workbook's language; the reader's when empty"`
	}) (*huma.StreamResponse, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		l := documentLocale(ctx, in.Lang)
		labels := report.SurveyResponsesLabels{Locale: string(l), SheetName: message{"Réponses", "Responses"}.in(l),
			Date: message{"Saisie le", "Recorded on"}.in(l), Source: message{"Origine", "Source"}.in(l),
			Sources: map[domain.SurveySource]string{domain.SourceApp: message{"dans l’app", "in the app"}.in(l),
				domain.SourcePaper: message{"formulaire papier", "paper form"}.in(l)}}
		var buf bytes.Buffer
		sv, err := s.reports.WriteSurveyResponses(ctx, actorFrom(ctx), id, labels, &buf)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return fileResponse(mediaTypeXLSX, reportFileName(msgSurveyResponsesFileName, l, sv.Title, time.Now(), "xlsx"), buf.Bytes(), false), nil
	})
}

// writeImpactReport writes the report into memory (a report is a few megabytes at most), so that
// a failure is an error answer rather than half a file.
func (s *server) writeImpactReport(ctx context.Context, actor domain.Actor, sc service.ReportScope, progress func(service.Progress)) (GeneratedFile, error) {
	var buf bytes.Buffer
	who, err := s.reports.WriteImpactPDF(ctx, actor, sc, &buf, progress)
	if err != nil {
		return GeneratedFile{}, err
	}
	return GeneratedFile{Name: reportFileName(msgReportFileName, locale(sc.Locale), who, time.Now(), "pdf"),
		MediaType: mediaTypePDF, Data: buf.Bytes()}, nil
}

func hoursWorkbookLabels(l locale) report.HoursWorkbookLabels {
	h := hoursHeaders
	statuses := map[domain.HourStatus]string{}
	for st, m := range hourStatusLabels {
		statuses[st] = m.in(l)
	}
	return report.HoursWorkbookLabels{
		Locale: string(l), SheetName: message{"Heures", "Hours"}.in(l), TotalsSheetName: message{"Totaux", "Totals"}.in(l),
		Headers: report.HoursWorkbookHeaders{Date: h.date.in(l), Volunteer: h.volunteer.in(l), Project: h.project.in(l),
			Association: h.association.in(l), Sponsor: h.sponsor.in(l), Skill: h.skill.in(l), Hours: h.hours.in(l),
			Value: h.value.in(l), Status: h.status.in(l)},
		Statuses: statuses,
		Totals: report.HoursTotalsLabels{Status: h.status.in(l), Entries: message{"Saisies", "Entries"}.in(l),
			Hours: h.hours.in(l), Value: h.value.in(l), Total: message{"Total", "Total"}.in(l)},
	}
}

func impactPreviewToAPI(rep report.ImpactReport) ImpactReportPreview {
	out := ImpactReportPreview{Sponsor: rep.Sponsor.Name, Program: rep.Program, Association: rep.Association.Name,
		Volunteers: rep.Figures.Volunteers, Hours: domain.MinutesToHours(rep.Figures.Minutes), Value: euros(rep.Figures.ValueCents),
		Projects: rep.Figures.Projects, Beneficiaries: rep.Figures.Beneficiaries, Sections: []ImpactReportSection{},
		Domains: []ImpactReportDomainRow{}}
	for _, p := range rep.Projects {
		sec := ImpactReportSection{Title: p.Title, Association: p.Association, TeamSize: p.TeamSize, Named: p.Names,
			Hours: domain.MinutesToHours(p.Minutes), Value: euros(p.ValueCents), Milestones: len(p.Milestones), Surveys: len(p.Surveys)}
		if sec.Named == nil {
			sec.Named = []string{}
		}
		for _, m := range p.Milestones {
			if m.Done {
				sec.Reached++
			}
		}
		out.Sections = append(out.Sections, sec)
	}
	for _, d := range rep.HoursByDomain {
		out.Domains = append(out.Domains, ImpactReportDomainRow{Label: d.Label, Hours: domain.MinutesToHours(d.Minutes), Value: euros(d.ValueCents)})
	}
	return out
}
