package httpapi

import (
	"context"
	"errors"
	"math"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/service"
	"github.com/civisphere/civisphere/backend/store"
)

// HourEntry is time a volunteer gave to a project on one day.
type HourEntry struct {
	ID              string  `json:"id"`
	VolunteerID     string  `json:"volunteerId" doc:"Empty once the person was erased: the hours stay as anonymous totals"`
	VolunteerName   string  `json:"volunteerName"`
	ProjectID       string  `json:"projectId"`
	ProjectTitle    string  `json:"projectTitle"`
	AssociationID   string  `json:"associationId"`
	AssociationName string  `json:"associationName"`
	SponsorID       string  `json:"sponsorId" doc:"The project's sponsor, empty when none"`
	SponsorName     string  `json:"sponsorName"`
	Date            string  `json:"date" doc:"YYYY-MM-DD"`
	Hours           float64 `json:"hours" doc:"Decimal hours, to the minute (1.5 = 1 h 30)"`
	Skill           string  `json:"skill" doc:"The skill used, in the reader's language; empty when none"`
	SkillID         string  `json:"skillId"`
	SkillDomain     string  `json:"skillDomain" doc:"The taxonomy domain of the skill, which picks its hourly value"`
	Level           string  `json:"level" doc:"The volunteer's level in that skill; empty when unknown"`
	Note            string  `json:"note"`
	Status          string  `json:"status" enum:"pending,approved,rejected"`
	ReviewedBy      string  `json:"reviewedBy"`
	ReviewedAt      string  `json:"reviewedAt" doc:"RFC 3339; empty while pending"`
	Value           float64 `json:"value" doc:"Value in euros at the current hourly values (counted in totals once approved)"`
	EnteredBy       string  `json:"enteredBy"`
	CreatedAt       string  `json:"createdAt"`
	UpdatedAt       string  `json:"updatedAt"`
}

// HourEntryInput is an hour entry as typed.
type HourEntryInput struct {
	VolunteerID string  `json:"volunteerId" required:"false"`
	ProjectID   string  `json:"projectId" required:"false"`
	Date        string  `json:"date" required:"false" doc:"YYYY-MM-DD, not after today, within the project's dates"`
	Hours       float64 `json:"hours" required:"false" doc:"More than 0; at most 24 a day for one volunteer, all entries together"`
	Skill       string  `json:"skill" required:"false" doc:"The skill used, by ID or by any name or synonym"`
	Level       string  `json:"level" required:"false" doc:"The volunteer's level; taken from their profile when left out"`
	Note        string  `json:"note" required:"false"`
	EnteredBy   string  `json:"enteredBy" required:"false" doc:"Who typed it (the name remembered on this computer)"`
}

// HourTotals sums every entry the filter matches, not only the page.
type HourTotals struct {
	Entries       int     `json:"entries"`
	Hours         float64 `json:"hours"`
	ApprovedHours float64 `json:"approvedHours"`
	PendingHours  float64 `json:"pendingHours"`
	Value         float64 `json:"value" doc:"Value in euros of the approved hours"`
}

// HourList is a page of hour entries with the totals of all of them.
type HourList struct {
	Total  int         `json:"total"`
	Items  []HourEntry `json:"items" nullable:"false"`
	Totals HourTotals  `json:"totals"`
}

// HourBatchInput is a timesheet: entries saved together, all or none.
type HourBatchInput struct {
	Entries []HourEntryInput `json:"entries" maxItems:"2000"`
}

// HourBatch is the saved entries of a timesheet.
type HourBatch struct {
	Items []HourEntry `json:"items" nullable:"false"`
}

// HourReviewInput approves, rejects or reopens many entries at once.
type HourReviewInput struct {
	IDs      []string `json:"ids" maxItems:"10000"`
	Status   string   `json:"status" enum:"pending,approved,rejected"`
	Reviewer string   `json:"reviewer" required:"false" doc:"Who reviews (the name remembered on this computer)"`
}

// HourReview says how many entries changed.
type HourReview struct {
	Changed int `json:"changed"`
}

type hourReviewerInput struct {
	Reviewer string `json:"reviewer" required:"false"`
}

type hourListInput struct {
	VolunteerID    string   `query:"volunteerId"`
	ProjectID      string   `query:"projectId"`
	OrganizationID string   `query:"organizationId" doc:"The association of the projects"`
	SponsorID      string   `query:"sponsorId"`
	ProgramID      string   `query:"programId"`
	Status         []string `query:"status,explode" doc:"Only these statuses"`
	From           string   `query:"from" doc:"First day, YYYY-MM-DD"`
	To             string   `query:"to" doc:"Last day, YYYY-MM-DD"`
	Limit          int      `query:"limit" minimum:"1" maximum:"500" default:"50"`
	Offset         int      `query:"offset" minimum:"0" default:"0"`
}

// HourRate is the hourly value of each level, in euros.
type HourRate struct {
	Beginner     float64 `json:"beginner" minimum:"0" maximum:"1000"`
	Intermediate float64 `json:"intermediate" minimum:"0" maximum:"1000"`
	Confirmed    float64 `json:"confirmed" minimum:"0" maximum:"1000"`
	Expert       float64 `json:"expert" minimum:"0" maximum:"1000"`
}

// DomainHourRate is the hourly values set for one skill domain.
type DomainHourRate struct {
	Domain string   `json:"domain" doc:"A taxonomy domain ID"`
	Label  string   `json:"label" doc:"The domain's name in the reader's language (ignored on input)" required:"false"`
	Rates  HourRate `json:"rates"`
}

// HourRates are the hourly values that give hours their value in euros.
type HourRates struct {
	Default HourRate         `json:"default" doc:"For every domain without its own values"`
	NoSkill float64          `json:"noSkill" minimum:"0" maximum:"1000" doc:"Hours logged without a skill"`
	Domains []DomainHourRate `json:"domains" nullable:"false" doc:"Domains with their own values"`
}

// HourRatesView is the hourly values with the defaults and the domains that may be set.
type HourRatesView struct {
	HourRates
	Defaults   HourRates     `json:"defaults" doc:"The values a new installation starts with"`
	AllDomains []DomainLabel `json:"allDomains" nullable:"false"`
}

// DomainLabel names a skill domain.
type DomainLabel struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

func (s *server) registerHours(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "createHourEntry", Method: http.MethodPost, Path: "/api/hours",
		Summary: "Log hours", Tags: []string{"hours"}, DefaultStatus: http.StatusCreated,
		Description: "Refused: zero or negative hours, more than 24 hours on one day for one volunteer (all entries " +
			"together), a day outside the project's dates or after today, an unknown volunteer or project.",
		Errors: []int{http.StatusUnprocessableEntity, http.StatusConflict},
	}, func(ctx context.Context, in *struct{ Body HourEntryInput }) (*struct{ Body HourEntry }, error) {
		e, err := hourEntryFromAPI(in.Body)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		lines, err := s.hours.Create(ctx, actorFrom(ctx), []domain.HourEntry{e})
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body HourEntry }{Body: s.hourEntryToAPI(ctx, lines[0])}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "createHourEntries", Method: http.MethodPost, Path: "/api/hours/batch",
		Summary: "Log a timesheet: many entries, all saved or none", Tags: []string{"hours"}, DefaultStatus: http.StatusCreated,
		Description: "A refused entry is named by its place: `entries.3.hours` for a field, \"Ligne 4 : …\" for a rule.",
		Errors:      []int{http.StatusUnprocessableEntity, http.StatusConflict},
	}, func(ctx context.Context, in *struct{ Body HourBatchInput }) (*struct{ Body HourBatch }, error) {
		entries := make([]domain.HourEntry, len(in.Body.Entries))
		problems := &domain.ValidationError{}
		for i, raw := range in.Body.Entries {
			e, err := hourEntryFromAPI(raw)
			var invalid *domain.ValidationError
			if errors.As(err, &invalid) {
				problems.Fields = append(problems.Fields, prefixFields("entries."+strconv.Itoa(i)+".", invalid.Fields)...)
			}
			entries[i] = e
		}
		if len(problems.Fields) > 0 {
			return nil, s.problemFor(ctx, problems)
		}
		lines, err := s.hours.Create(ctx, actorFrom(ctx), entries)
		if err != nil {
			return nil, s.problemFor(ctx, itemProblem(err, "entries"))
		}
		out := HourBatch{Items: make([]HourEntry, len(lines))}
		for i, l := range lines {
			out.Items[i] = s.hourEntryToAPI(ctx, l)
		}
		return &struct{ Body HourBatch }{Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "listHourEntries", Method: http.MethodGet, Path: "/api/hours",
		Summary: "Hour entries, most recent first, with totals", Tags: []string{"hours"},
		Errors: []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *hourListInput) (*struct{ Body HourList }, error) {
		f, err := hourFilterFromAPI(in)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		page, err := s.hours.List(ctx, actorFrom(ctx), f)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := HourList{Total: page.Total, Items: make([]HourEntry, len(page.Items)), Totals: hourTotalsToAPI(page.Totals)}
		for i, l := range page.Items {
			out.Items[i] = s.hourEntryToAPI(ctx, l)
		}
		return &struct{ Body HourList }{Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getHourEntry", Method: http.MethodGet, Path: "/api/hours/{id}",
		Summary: "One hour entry", Tags: []string{"hours"}, Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *idPath) (*struct{ Body HourEntry }, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		l, err := s.hours.Get(ctx, actorFrom(ctx), id)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body HourEntry }{Body: s.hourEntryToAPI(ctx, l)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "updateHourEntry", Method: http.MethodPut, Path: "/api/hours/{id}",
		Summary: "Change an hour entry", Tags: []string{"hours"},
		Description: "Changing who, which project, the day, the time, the skill or the level sends an approved or " +
			"rejected entry back to pending; changing only the note keeps its review.",
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity, http.StatusConflict},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		Body HourEntryInput
	}) (*struct{ Body HourEntry }, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		e, err := hourEntryFromAPI(in.Body)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		e.ID = id
		l, err := s.hours.Update(ctx, actorFrom(ctx), e)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body HourEntry }{Body: s.hourEntryToAPI(ctx, l)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "deleteHourEntry", Method: http.MethodDelete, Path: "/api/hours/{id}",
		Summary: "Delete an hour entry", Tags: []string{"hours"}, DefaultStatus: http.StatusNoContent,
		Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *idPath) (*struct{}, error) {
		id, err := parseID(in.ID)
		if err == nil {
			err = s.hours.Delete(ctx, actorFrom(ctx), id)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{}{}, nil
	})

	for _, review := range []struct {
		id, path, summary string
		status            domain.HourStatus
	}{
		{"approveHourEntry", "/api/hours/{id}/approve", "Approve an hour entry", domain.HoursApproved},
		{"rejectHourEntry", "/api/hours/{id}/reject", "Reject an hour entry", domain.HoursRejected},
		{"reopenHourEntry", "/api/hours/{id}/reopen", "Send an hour entry back to pending", domain.HoursPending},
	} {
		huma.Register(api, huma.Operation{
			OperationID: review.id, Method: http.MethodPost, Path: review.path,
			Summary: review.summary, Tags: []string{"hours"}, Errors: []int{http.StatusNotFound},
		}, func(ctx context.Context, in *struct {
			ID   string `path:"id"`
			Body *hourReviewerInput
		}) (*struct{ Body HourEntry }, error) {
			id, err := parseID(in.ID)
			if err != nil {
				return nil, s.problemFor(ctx, err)
			}
			reviewer := ""
			if in.Body != nil {
				reviewer = in.Body.Reviewer
			}
			if _, err := s.hours.Review(ctx, actorFrom(ctx), []int64{id}, review.status, reviewer); err != nil {
				return nil, s.problemFor(ctx, err)
			}
			l, err := s.hours.Get(ctx, actorFrom(ctx), id)
			if err != nil {
				return nil, s.problemFor(ctx, err)
			}
			return &struct{ Body HourEntry }{Body: s.hourEntryToAPI(ctx, l)}, nil
		})
	}

	huma.Register(api, huma.Operation{
		OperationID: "reviewHourEntries", Method: http.MethodPost, Path: "/api/hours/review",
		Summary: "Approve, reject or reopen many entries at once", Tags: []string{"hours"},
		Description: "All or none: an unknown ID answers 404 and changes nothing.",
		Errors:      []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ Body HourReviewInput }) (*struct{ Body HourReview }, error) {
		ids := make([]int64, 0, len(in.Body.IDs))
		for _, raw := range in.Body.IDs {
			id, err := parseID(raw)
			if err != nil {
				return nil, s.problemFor(ctx, err)
			}
			ids = append(ids, id)
		}
		n, err := s.hours.Review(ctx, actorFrom(ctx), ids, domain.HourStatus(in.Body.Status), in.Body.Reviewer)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body HourReview }{Body: HourReview{Changed: n}}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getHourRates", Method: http.MethodGet, Path: "/api/settings/hour-rates",
		Summary: "The hourly values that give hours their value in euros", Tags: []string{"hours", "settings"},
	}, func(ctx context.Context, _ *struct{}) (*struct{ Body HourRatesView }, error) {
		v, err := s.hours.Rates(ctx, actorFrom(ctx))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body HourRatesView }{Body: hourRatesViewToAPI(ctx, v)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "saveHourRates", Method: http.MethodPut, Path: "/api/settings/hour-rates",
		Summary: "Change the hourly values", Tags: []string{"hours", "settings"},
		Errors: []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ Body HourRates }) (*struct{ Body HourRatesView }, error) {
		v, err := s.hours.SaveRates(ctx, actorFrom(ctx), hourRatesFromAPI(in.Body))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body HourRatesView }{Body: hourRatesViewToAPI(ctx, v)}, nil
	})
}

func hourEntryFromAPI(in HourEntryInput) (domain.HourEntry, error) {
	e := domain.HourEntry{Date: in.Date, SkillName: in.Skill, Note: in.Note, EnteredBy: in.EnteredBy}
	problems := &domain.ValidationError{}
	var err error
	if e.VolunteerID, err = parseOptionalRef("volunteerId", in.VolunteerID); err != nil {
		problems.Fields = append(problems.Fields, domain.FieldError{Field: "volunteerId", Code: domain.CodeUnknownReference})
	}
	if e.ProjectID, err = parseOptionalRef("projectId", in.ProjectID); err != nil {
		problems.Fields = append(problems.Fields, domain.FieldError{Field: "projectId", Code: domain.CodeUnknownReference})
	}
	minutes, ok := domain.HoursToMinutes(in.Hours)
	if !ok {
		problems.Fields = append(problems.Fields, domain.FieldError{Field: "hours", Code: domain.CodeOutOfRange,
			Params: map[string]any{"min": 0, "max": 24}})
	}
	e.Minutes = minutes
	if in.Level != "" {
		level, ok := domain.ParseSkillLevel(in.Level)
		if !ok {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: "level", Code: domain.CodeInvalidChoice,
				Params: map[string]any{"choices": "beginner, intermediate, confirmed, expert"}})
		}
		e.Level = level
	}
	if len(problems.Fields) > 0 {
		return e, problems
	}
	return e, nil
}

func hourFilterFromAPI(in *hourListInput) (store.HourFilter, error) {
	f := store.HourFilter{From: in.From, To: in.To, Limit: in.Limit, Offset: in.Offset}
	problems := &domain.ValidationError{}
	for _, ref := range []struct {
		field string
		value string
		dst   *int64
	}{{"volunteerId", in.VolunteerID, &f.VolunteerID}, {"projectId", in.ProjectID, &f.ProjectID},
		{"organizationId", in.OrganizationID, &f.OrganizationID}, {"sponsorId", in.SponsorID, &f.SponsorID},
		{"programId", in.ProgramID, &f.ProgramID}} {
		id, err := parseOptionalRef(ref.field, ref.value)
		if err != nil {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: ref.field, Code: domain.CodeUnknownReference})
		}
		*ref.dst = id
	}
	for _, st := range in.Status {
		if !domain.HourStatus(st).Valid() {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: "status", Code: domain.CodeInvalidChoice,
				Params: map[string]any{"choices": "pending, approved, rejected"}})
			continue
		}
		f.Statuses = append(f.Statuses, domain.HourStatus(st))
	}
	for _, d := range []struct{ field, value string }{{"from", in.From}, {"to", in.To}} {
		if d.value != "" && !domain.ValidDate(d.value) {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: d.field, Code: domain.CodeInvalidDate})
		}
	}
	if len(problems.Fields) > 0 {
		return f, problems
	}
	return f, nil
}

func (s *server) hourEntryToAPI(ctx context.Context, l service.HourLine) HourEntry {
	e := l.HourEntryView
	skill := ""
	if e.SkillID != "" {
		skill = s.volunteers.SkillName(e.SkillID, e.SkillName, string(localeFrom(ctx)))
	}
	reviewedAt := ""
	if !e.ReviewedAt.IsZero() {
		reviewedAt = formatTimestamp(e.ReviewedAt)
	}
	return HourEntry{
		ID: formatID(e.ID), VolunteerID: formatID(e.VolunteerID), VolunteerName: e.VolunteerName,
		ProjectID: formatID(e.ProjectID), ProjectTitle: e.ProjectTitle, AssociationID: formatID(e.AssociationID),
		AssociationName: e.AssociationName, SponsorID: formatID(e.SponsorID), SponsorName: e.SponsorName,
		Date: e.Date, Hours: e.Hours(), Skill: skill, SkillID: e.SkillID, SkillDomain: e.SkillDomain, Level: string(e.Level),
		Note: e.Note, Status: string(e.Status), ReviewedBy: e.ReviewedBy, ReviewedAt: reviewedAt,
		Value: euros(l.ValueCents), EnteredBy: e.EnteredBy,
		CreatedAt: formatTimestamp(e.CreatedAt), UpdatedAt: formatTimestamp(e.UpdatedAt),
	}
}

func hourTotalsToAPI(t domain.HourTotals) HourTotals {
	return HourTotals{Entries: t.Entries, Hours: domain.MinutesToHours(t.Minutes),
		ApprovedHours: domain.MinutesToHours(t.ApprovedMinutes), PendingHours: domain.MinutesToHours(t.PendingMinutes),
		Value: euros(t.ValueCents)}
}

// euros turns cents into a JSON amount with two decimals.
func euros(cents int64) float64 { return float64(cents) / 100 }

// cents turns an amount typed in euros into cents, to the nearest cent.
func cents(euros float64) int64 { return int64(math.Round(euros * 100)) }

func hourRateToAPI(byLevel map[domain.SkillLevel]int64) HourRate {
	return HourRate{Beginner: euros(byLevel[domain.LevelBeginner]), Intermediate: euros(byLevel[domain.LevelIntermediate]),
		Confirmed: euros(byLevel[domain.LevelConfirmed]), Expert: euros(byLevel[domain.LevelExpert])}
}

func hourRateFromAPI(r HourRate) map[domain.SkillLevel]int64 {
	return map[domain.SkillLevel]int64{domain.LevelBeginner: cents(r.Beginner), domain.LevelIntermediate: cents(r.Intermediate),
		domain.LevelConfirmed: cents(r.Confirmed), domain.LevelExpert: cents(r.Expert)}
}

// hourRatesToAPI lists the domains with their own values in the taxonomy's order, the order of
// the settings page.
func hourRatesToAPI(r domain.HourRates, domains []DomainLabel) HourRates {
	out := HourRates{Default: hourRateToAPI(r.Default), NoSkill: euros(r.NoSkill), Domains: []DomainHourRate{}}
	for _, d := range domains {
		if byLevel, ok := r.Domains[d.ID]; ok {
			out.Domains = append(out.Domains, DomainHourRate{Domain: d.ID, Label: d.Label, Rates: hourRateToAPI(byLevel)})
		}
	}
	return out
}

func hourRatesFromAPI(in HourRates) domain.HourRates {
	r := domain.HourRates{Default: hourRateFromAPI(in.Default), NoSkill: cents(in.NoSkill), Domains: map[string]map[domain.SkillLevel]int64{}}
	for _, d := range in.Domains {
		r.Domains[d.Domain] = hourRateFromAPI(d.Rates)
	}
	return r
}

func hourRatesViewToAPI(ctx context.Context, v service.HourRatesView) HourRatesView {
	l := string(localeFrom(ctx))
	all := make([]DomainLabel, len(v.Domains))
	for i, d := range v.Domains {
		all[i] = DomainLabel{ID: d.ID, Label: d.Name.In(l)}
	}
	return HourRatesView{HourRates: hourRatesToAPI(v.Rates, all), Defaults: hourRatesToAPI(domain.DefaultHourRates(), all), AllDomains: all}
}

// prefixFields puts a batch item's place before its field names: "hours" → "entries.3.hours".
func prefixFields(prefix string, fields []domain.FieldError) []domain.FieldError {
	out := make([]domain.FieldError, len(fields))
	for i, f := range fields {
		f.Field = prefix + f.Field
		out[i] = f
	}
	return out
}

// itemProblem turns a refused batch item into an error naming its place: field errors get the
// item's path, rule errors the line number (counted from 1, as people count rows).
func itemProblem(err error, list string) error {
	var item *domain.ItemError
	if !errors.As(err, &item) {
		return err
	}
	var invalid *domain.ValidationError
	if errors.As(item.Err, &invalid) {
		return &domain.ValidationError{Fields: prefixFields(list+"."+strconv.Itoa(item.Index)+".", invalid.Fields)}
	}
	var rule *domain.RuleError
	if errors.As(item.Err, &rule) {
		params := map[string]any{"line": item.Index + 1}
		for k, v := range rule.Params {
			params[k] = v
		}
		return &domain.RuleError{Code: rule.Code, Params: params}
	}
	return item.Err
}
