package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// SkillSuggestion is a skill proposed while someone types.
type SkillSuggestion struct {
	ID      string `json:"id" example:"accounting"`
	Name    string `json:"name" doc:"In the reader's language" example:"Comptabilité"`
	Domain  string `json:"domain" doc:"The skill's domain in the reader's language; empty for custom skills" example:"Finance et comptabilité"`
	Matched string `json:"matched,omitempty" doc:"The synonym that matched, when it is not the name" example:"compta"`
	Custom  bool   `json:"custom"`
}

type skillSuggestOutput struct {
	Body struct {
		Items []SkillSuggestion `json:"items"`
	}
}

// CustomSkill is a skill typed by someone that the taxonomy does not know.
type CustomSkill struct {
	ID         string `json:"id" example:"custom:apiculture"`
	Name       string `json:"name" example:"Apiculture"`
	Volunteers int    `json:"volunteers" doc:"How many volunteers offer it"`
	CreatedAt  string `json:"createdAt"`
}

type customSkillsOutput struct {
	Body struct {
		Total int           `json:"total"`
		Items []CustomSkill `json:"items"`
	}
}

// SkillMerge replaces a custom skill by another skill in every profile.
type SkillMerge struct {
	From string `json:"from" doc:"The custom skill to merge away" example:"custom:comptabilite-associative"`
	Into string `json:"into" doc:"The skill to merge into: an ID, or any name or synonym" example:"accounting"`
}

type skillMergeOutput struct {
	Body struct {
		Updated int `json:"updated" doc:"Volunteers whose profile changed"`
	}
}

// VocabularyEntry is one value of a fixed list with its label.
type VocabularyEntry struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// SkillDomain is a group of skills.
type SkillDomain struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Vocabulary is every fixed list the forms need, in the reader's language.
type Vocabulary struct {
	Causes    []VocabularyEntry `json:"causes"`
	Languages []VocabularyEntry `json:"languages" doc:"Common languages; profiles may hold other ISO 639 codes"`
	Levels    []VocabularyEntry `json:"levels"`
	Weekdays  []VocabularyEntry `json:"weekdays"`
	Domains   []SkillDomain     `json:"domains"`
	Skills    int               `json:"skills" doc:"Number of skills in the built-in taxonomy"`
}

func (s *server) registerSkills(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "suggestSkills",
		Method:      http.MethodGet,
		Path:        "/api/skills/suggest",
		Summary:     "Skills for what is being typed",
		Description: "Type-ahead over the built-in taxonomy (names and synonyms, French and English, accents ignored) and the custom skills on file.",
		Tags:        []string{"skills"},
	}, func(ctx context.Context, in *struct {
		Q     string `query:"q" doc:"What has been typed so far" example:"compt"`
		Limit int    `query:"limit" minimum:"1" maximum:"50" default:"10"`
	}) (*skillSuggestOutput, error) {
		list, err := s.volunteers.SuggestSkills(ctx, actorFrom(ctx), in.Q, string(localeFrom(ctx)), in.Limit)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := &skillSuggestOutput{}
		out.Body.Items = make([]SkillSuggestion, 0, len(list))
		for _, sg := range list {
			out.Body.Items = append(out.Body.Items, SkillSuggestion{ID: sg.ID, Name: sg.Name, Domain: sg.Domain, Matched: sg.Matched, Custom: sg.Custom})
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "listCustomSkills",
		Method:      http.MethodGet,
		Path:        "/api/skills/custom",
		Summary:     "Skills typed by people that the taxonomy does not know",
		Tags:        []string{"skills"},
	}, func(ctx context.Context, _ *struct{}) (*customSkillsOutput, error) {
		list, err := s.volunteers.CustomSkills(ctx, actorFrom(ctx))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := &customSkillsOutput{}
		out.Body.Total = len(list)
		out.Body.Items = make([]CustomSkill, 0, len(list))
		for _, c := range list {
			out.Body.Items = append(out.Body.Items, CustomSkill{ID: c.ID, Name: c.Name, Volunteers: c.Volunteers,
				CreatedAt: c.CreatedAt.UTC().Format(time.RFC3339)})
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "mergeSkill",
		Method:      http.MethodPost,
		Path:        "/api/skills/merge",
		Summary:     "Merge a custom skill into another skill",
		Description: "Rewrites every profile that offers the custom skill (keeping the higher level when a profile had both), then forgets the custom skill.",
		Tags:        []string{"skills"},
		Errors:      []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ Body SkillMerge }) (*skillMergeOutput, error) {
		n, err := s.volunteers.MergeSkill(ctx, actorFrom(ctx), in.Body.From, in.Body.Into)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := &skillMergeOutput{}
		out.Body.Updated = n
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getVocabulary",
		Method:      http.MethodGet,
		Path:        "/api/vocabulary",
		Summary:     "Fixed lists for forms: causes, languages, levels, weekdays, skill domains",
		Tags:        []string{"skills"},
	}, func(ctx context.Context, _ *struct{}) (*struct{ Body Vocabulary }, error) {
		l := localeFrom(ctx)
		tax := s.volunteers.Taxonomy()
		v := Vocabulary{Skills: len(tax.Skills())}
		for _, c := range domain.Causes {
			v.Causes = append(v.Causes, VocabularyEntry{ID: string(c), Name: taxonomy.CauseLabel(c).In(string(l))})
		}
		for _, code := range taxonomy.Languages() {
			v.Languages = append(v.Languages, VocabularyEntry{ID: code, Name: taxonomy.LanguageLabel(code).In(string(l))})
		}
		for _, level := range domain.SkillLevels {
			v.Levels = append(v.Levels, VocabularyEntry{ID: string(level), Name: levelLabels[level].in(l)})
		}
		for _, d := range domain.Weekdays {
			v.Weekdays = append(v.Weekdays, VocabularyEntry{ID: d, Name: availabilityLabels[d].in(l)})
		}
		for _, d := range tax.Domains() {
			v.Domains = append(v.Domains, SkillDomain{ID: d.ID, Name: d.Name.In(string(l))})
		}
		return &struct{ Body Vocabulary }{Body: v}, nil
	})
}
