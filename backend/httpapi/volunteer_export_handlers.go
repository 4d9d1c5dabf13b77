package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/report"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

const (
	mediaTypeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	mediaTypeCSV  = "text/csv; charset=utf-8"
)

type volunteerExportInput struct {
	VolunteerFilters
}

func (s *server) registerVolunteerExports(api huma.API) {
	for _, format := range []struct {
		ext, mediaType string
		write          func(w interface{ Write([]byte) (int, error) }, src report.VolunteerSource, labels report.VolunteerExportLabels) (int, error)
	}{
		{"xlsx", mediaTypeXLSX, func(w interface{ Write([]byte) (int, error) }, src report.VolunteerSource, l report.VolunteerExportLabels) (int, error) {
			return report.WriteVolunteersXLSX(w, src, l)
		}},
		{"csv", mediaTypeCSV, func(w interface{ Write([]byte) (int, error) }, src report.VolunteerSource, l report.VolunteerExportLabels) (int, error) {
			return report.WriteVolunteersCSV(w, src, l)
		}},
	} {
		huma.Register(api, huma.Operation{
			OperationID: "exportVolunteers" + strings.ToUpper(format.ext),
			Method:      http.MethodGet,
			Path:        "/api/volunteers/export." + format.ext,
			Summary:     "The volunteers matching a search, as " + strings.ToUpper(format.ext),
			Description: "Takes the same filters as GET /api/volunteers and writes every match (not one page), in result order. Cells that a spreadsheet could take for a formula are neutralised.",
			Tags:        []string{"volunteers"},
			Responses: map[string]*huma.Response{
				"200": {Description: "The file", Content: map[string]*huma.MediaType{
					strings.Split(format.mediaType, ";")[0]: {Schema: &huma.Schema{Type: "string", Format: "binary"}},
				}},
			},
			Errors: []int{http.StatusConflict, http.StatusUnprocessableEntity},
		}, func(ctx context.Context, in *volunteerExportInput) (*huma.StreamResponse, error) {
			src, err := s.volunteers.ExportVolunteers(ctx, actorFrom(ctx), in.toService(ctx), format.ext)
			if err != nil {
				return nil, s.problemFor(ctx, err)
			}
			l := localeFrom(ctx)
			labels := s.exportLabels(l)
			name := fmt.Sprintf("%s-%s.%s", msgExportFileName.in(l), time.Now().Format("2006-01-02"), format.ext)
			return &huma.StreamResponse{Body: func(hctx huma.Context) {
				hctx.SetHeader("Content-Type", format.mediaType)
				hctx.SetHeader("Content-Disposition", contentDisposition(name))
				hctx.SetHeader("Cache-Control", "no-store")
				if _, err := format.write(hctx.BodyWriter(), src, labels); err != nil {
					// The status line is gone: all that can be done is to log it and cut the
					// body short, which the browser reports as a failed download.
					s.log.ErrorContext(ctx, "volunteer export failed", "err", err)
				}
			}}, nil
		})
	}
}

// contentDisposition names the downloaded file, with an ASCII fallback for old clients.
func contentDisposition(name string) string {
	var ascii strings.Builder
	for _, r := range name {
		switch folded := domain.FoldText(string(r)); {
		case r >= 0x20 && r < 0x7f && r != '"' && r != '\\':
			ascii.WriteRune(r)
		case len(folded) > 0 && folded[0] < 0x7f:
			ascii.WriteString(folded)
		default:
			ascii.WriteByte('_')
		}
	}
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, ascii.String(), pathEscape(name))
}

func pathEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// exportLabels fills the words of an export in the reader's language.
func (s *server) exportLabels(l locale) report.VolunteerExportLabels {
	h := exportHeaders
	return report.VolunteerExportLabels{
		Locale:    string(l),
		SheetName: msgExportSheet.in(l),
		Headers: report.VolunteerExportHeaders{
			FirstName: h.firstName.in(l), LastName: h.lastName.in(l), Email: h.email.in(l), Phone: h.phone.in(l),
			City: h.city.in(l), Postcode: h.postcode.in(l), Skills: h.skills.in(l), Causes: h.causes.in(l),
			Languages: h.languages.in(l), Availability: h.availability.in(l), HoursPerMonth: h.hoursPerMonth.in(l),
			Bio: h.bio.in(l), Notes: h.notes.in(l), JoinedOn: h.joinedOn.in(l), Status: h.status.in(l),
			CreatedAt: h.createdAt.in(l), UpdatedAt: h.updatedAt.in(l), Consents: h.consents.in(l),
		},
		SkillName: func(id, fallback string) string { return s.volunteers.SkillName(id, fallback, string(l)) },
		Level:     func(level domain.SkillLevel) string { return strings.ToLower(levelLabels[level].in(l)) },
		Cause:     func(c domain.Cause) string { return taxonomy.CauseLabel(c).In(string(l)) },
		Language: func(code string) string {
			if label := taxonomy.LanguageLabel(code).In(string(l)); label != "" {
				return label
			}
			return code
		},
		Availability: func(a domain.Availability) string { return availabilitySummary(a, l) },
		Status:       func(st domain.VolunteerStatus) string { return statusLabels[st].in(l) },
		Consents:     func(list []domain.Consent) string { return consentsSummary(list, l) },
	}
}

// consentsSummary writes the consents that hold with the day they were given:
// "être contacté(e) (25/11/2026), photos (02/03/2026)".
func consentsSummary(list []domain.Consent, l locale) string {
	parts := make([]string, 0, len(list))
	for _, c := range list {
		day := c.GivenAt.Local().Format("02/01/2006")
		if l == localeEN {
			day = c.GivenAt.Local().Format(time.DateOnly)
		}
		parts = append(parts, consentLabels[c.Kind].in(l)+" ("+day+")")
	}
	return strings.Join(parts, ", ")
}

// availabilitySummary writes an availability in words: "lundi, jeudi, soirs · à distance".
func availabilitySummary(a domain.Availability, l locale) string {
	var when []string
	for _, d := range a.Days {
		when = append(when, strings.ToLower(availabilityLabels[d].in(l)))
	}
	if a.Evenings {
		when = append(when, strings.ToLower(availabilityLabels["evenings"].in(l)))
	}
	if a.Weekends {
		when = append(when, strings.ToLower(availabilityLabels["weekends"].in(l)))
	}
	parts := []string{}
	if len(when) > 0 {
		parts = append(parts, strings.Join(when, ", "))
	}
	if m, ok := modeLabels[a.Mode]; ok {
		parts = append(parts, m.in(l))
	}
	return strings.Join(parts, " · ")
}
