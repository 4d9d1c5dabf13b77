package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/matching"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// MatchReason is one fact behind a match, as a sentence and as data.
type MatchReason struct {
	Kind     string `json:"kind" doc:"skill, skillLowLevel, skillRelated, skillMissing, cause, evenings, weekends, days, noTimeMatch, hours, fewHours, sameCity, remote, otherCity, prefersRemote, free, busy"`
	Text     string `json:"text" doc:"The reason in the reader's language, e.g. “Comptabilité — confirmé ✓”"`
	Positive bool   `json:"positive" doc:"True when it speaks for the match"`
	SkillID  string `json:"skillId,omitempty"`
}

// MatchOpenApplication is the open application already linking the pair.
type MatchOpenApplication struct {
	ID     string `json:"id"`
	Status string `json:"status" enum:"applied,shortlisted,accepted"`
}

// VolunteerMatch is a volunteer suggested for a project.
type VolunteerMatch struct {
	Volunteer     VolunteerSummary      `json:"volunteer"`
	Score         float64               `json:"score" doc:"0 to 100; the order of the list (most needed skills first, then fit)"`
	SkillsHeld    int                   `json:"skillsHeld" doc:"How many of the needed skills the volunteer has"`
	SkillsNeeded  int                   `json:"skillsNeeded"`
	Reasons       []string              `json:"reasons" nullable:"false" doc:"Human-readable reasons, strongest first"`
	ReasonDetails []MatchReason         `json:"reasonDetails" nullable:"false"`
	Application   *MatchOpenApplication `json:"application,omitempty" doc:"Set when the volunteer is already a candidate"`
}

// VolunteerMatches is the ranked list of volunteers for a project.
type VolunteerMatches struct {
	Total    int              `json:"total"`
	Items    []VolunteerMatch `json:"items" nullable:"false"`
	TookMs   float64          `json:"tookMs"`
	Complete bool             `json:"complete" doc:"True: while the search index is rebuilt, candidates are read from the database"`
}

// ProjectMatch is a project suggested to a volunteer.
type ProjectMatch struct {
	Project       Project               `json:"project"`
	Score         float64               `json:"score"`
	SkillsHeld    int                   `json:"skillsHeld"`
	SkillsNeeded  int                   `json:"skillsNeeded"`
	Reasons       []string              `json:"reasons" nullable:"false"`
	ReasonDetails []MatchReason         `json:"reasonDetails" nullable:"false"`
	Application   *MatchOpenApplication `json:"application,omitempty"`
}

// ProjectMatches is the ranked list of projects for a volunteer.
type ProjectMatches struct {
	Total int            `json:"total"`
	Items []ProjectMatch `json:"items" nullable:"false"`
}

type matchInput struct {
	ID    string `path:"id"`
	Limit int    `query:"limit" minimum:"1" maximum:"100" default:"20"`
}

func (s *server) registerMatches(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "getProjectMatches", Method: http.MethodGet, Path: "/api/projects/{id}/matches",
		Summary: "Volunteers ranked for a project, with reasons", Tags: []string{"matching"},
		Description: "Skill coverage (levels and taxonomy synonyms count), shared causes, availability, place and current load. " +
			"Volunteers with more of the needed skills rank first. Team members are left out; candidates carry their application.",
		Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *matchInput) (*struct{ Body VolunteerMatches }, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		res, err := s.matching.ForProject(ctx, actorFrom(ctx), id, in.Limit)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := VolunteerMatches{Total: len(res.Items), Items: make([]VolunteerMatch, len(res.Items)),
			TookMs: float64(res.Took.Microseconds()) / 1000, Complete: res.Complete}
		for i, m := range res.Items {
			texts, details := s.reasonsToAPI(ctx, m.Result.Reasons)
			out.Items[i] = VolunteerMatch{Volunteer: s.volunteerSummary(ctx, m.Volunteer), Score: m.Result.Score,
				SkillsHeld: m.Result.Held, SkillsNeeded: m.Result.Needed, Reasons: texts, ReasonDetails: details,
				Application: openApplicationToAPI(m.Application)}
		}
		return &struct{ Body VolunteerMatches }{Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getVolunteerMatches", Method: http.MethodGet, Path: "/api/volunteers/{id}/matches",
		Summary: "Projects ranked for a volunteer, with reasons", Tags: []string{"matching"},
		Description: "Projects recruiting or under way that need at least one of the volunteer's skills (or none), best fit first.",
		Errors:      []int{http.StatusNotFound},
	}, func(ctx context.Context, in *matchInput) (*struct{ Body ProjectMatches }, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		list, err := s.matching.ForVolunteer(ctx, actorFrom(ctx), id, in.Limit)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := ProjectMatches{Total: len(list), Items: make([]ProjectMatch, len(list))}
		for i, m := range list {
			project, err := s.projectToAPI(ctx, m.Project, false)
			if err != nil {
				return nil, s.problemFor(ctx, err)
			}
			texts, details := s.reasonsToAPI(ctx, m.Result.Reasons)
			out.Items[i] = ProjectMatch{Project: project, Score: m.Result.Score, SkillsHeld: m.Result.Held,
				SkillsNeeded: m.Result.Needed, Reasons: texts, ReasonDetails: details,
				Application: openApplicationToAPI(m.Application)}
		}
		return &struct{ Body ProjectMatches }{Body: out}, nil
	})
}

func openApplicationToAPI(a *domain.Application) *MatchOpenApplication {
	if a == nil {
		return nil
	}
	return &MatchOpenApplication{ID: formatID(a.ID), Status: string(a.Status)}
}

// reasonsToAPI writes the reasons as sentences, the ones speaking for the match first.
func (s *server) reasonsToAPI(ctx context.Context, reasons []matching.Reason) ([]string, []MatchReason) {
	texts := make([]string, 0, len(reasons))
	details := make([]MatchReason, 0, len(reasons))
	for _, positive := range []bool{true, false} {
		for _, r := range reasons {
			if r.Positive != positive {
				continue
			}
			text := s.reasonText(ctx, r)
			texts = append(texts, text)
			details = append(details, MatchReason{Kind: string(r.Kind), Text: text, Positive: r.Positive, SkillID: r.SkillID})
		}
	}
	return texts, details
}

var reasonMessages = map[matching.ReasonKind]message{
	matching.ReasonSkill:         {"{skill} — {level} ✓", "{skill} — {level} ✓"},
	matching.ReasonSkillLowLevel: {"{skill} — {level} ({wanted} demandé)", "{skill} — {level} ({wanted} asked)"},
	matching.ReasonSkillRelated:  {"{related} — {level}, proche de {skill}", "{related} — {level}, close to {skill}"},
	matching.ReasonSkillMissing:  {"{skill} — absent ✗", "{skill} — missing ✗"},
	matching.ReasonCause:         {"cause partagée : {values}", "shared cause: {values}"},
	matching.ReasonEvenings:      {"disponible le soir", "free in the evening"},
	matching.ReasonWeekends:      {"disponible le week-end", "free at weekends"},
	matching.ReasonDays:          {"disponible le {values}", "free on {values}"},
	matching.ReasonNoTimeMatch:   {"pas disponible aux moments prévus", "not free when the project works"},
	matching.ReasonHours:         {"{count} h par mois disponibles", "{count} h a month available"},
	matching.ReasonFewHours:      {"seulement {count} h par mois", "only {count} h a month"},
	matching.ReasonSameCity:      {"à {values}", "in {values}"},
	matching.ReasonRemote:        {"accepte le travail à distance", "happy to work remotely"},
	matching.ReasonOtherCity:     {"habite à {values}", "lives in {values}"},
	matching.ReasonPrefersRemote: {"préfère le travail à distance", "prefers remote work"},
	matching.ReasonFree:          {"aucun projet en cours", "on no other project"},
	matching.ReasonBusy:          {"déjà sur {count} projet(s) en cours", "already on {count} project(s) under way"},
}

func (s *server) reasonText(ctx context.Context, r matching.Reason) string {
	l := localeFrom(ctx)
	m, ok := reasonMessages[r.Kind]
	if !ok {
		return string(r.Kind)
	}
	levelWord := func(level domain.SkillLevel) string {
		if label, ok := levelLabels[level]; ok {
			return strings.ToLower(label.in(l))
		}
		return string(level)
	}
	values := make([]string, len(r.Values))
	for i, v := range r.Values {
		switch {
		case r.Kind == matching.ReasonCause:
			values[i] = strings.ToLower(taxonomy.CauseLabel(domain.Cause(v)).In(string(l)))
		case r.Kind == matching.ReasonDays:
			values[i] = strings.ToLower(availabilityLabels[v].in(l))
			if l == localeEN {
				values[i] = availabilityLabels[v].in(l) // English capitalizes day names
			}
		default:
			values[i] = v
		}
	}
	return fill(m.in(l), map[string]any{
		"skill":   s.volunteers.SkillName(r.SkillID, r.Name, string(l)),
		"related": s.volunteers.SkillName(r.Related, "", string(l)),
		"level":   levelWord(r.Level),
		"wanted":  levelWord(r.Wanted),
		"values":  strings.Join(values, ", "),
		"count":   fmt.Sprint(r.Count),
	})
}
