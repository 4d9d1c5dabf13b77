// Package diagnostic is the needs diagnostic of an association: a bilingual questionnaire over
// eight areas of its work, the scoring of its answers into a need per area, and the project
// templates suggested for the strongest needs. It is pure: no I/O, no clock, so that every rule
// can be checked by a table test and the same answers always give the same result.
package diagnostic

import (
	"math"
	"sort"
	"strings"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// Version is the questionnaire's version, stored with each diagnostic. Raise it when a question
// changes meaning, so that old answers are not read as answers to the new question.
const Version = 1

// The answer scale, the same for every question, from nothing done to everything in place; each
// question words the four steps its own way. The option's position is its value (0 to 3).
const (
	NotInPlace = "none"
	Partly     = "partly"
	Mostly     = "mostly"
	Fully      = "fully"
)

// Scale lists the option IDs from the weakest to the strongest answer.
var Scale = []string{NotInPlace, Partly, Mostly, Fully}

// Levels cut the 0–100 need of an area into three plain words. An area is suggested projects
// from MediumFrom on.
const (
	MediumFrom = 35
	HighFrom   = 65
)

// Suggestions are kept to a handful: a small association can start one or two projects, not
// twenty. Each area gives at most SuggestionsPerArea, so that the first screen is not all one area.
const (
	MaxSuggestions     = 6
	SuggestionsPerArea = 2
)

// Area is one area of an association's work that the questionnaire assesses.
type Area struct {
	ID      string
	Name    taxonomy.Label
	Summary taxonomy.Label // what the area covers, in one line
	// Explanations say in plain words what a low, medium or high need means for the association.
	Explanations map[domain.NeedLevel]taxonomy.Label
}

// Explanation returns the plain-language explanation of level in this area.
func (a Area) Explanation(level domain.NeedLevel) taxonomy.Label {
	if e, ok := a.Explanations[level]; ok {
		return e
	}
	return notAssessedExplanation
}

var notAssessedExplanation = taxonomy.Label{
	FR: "Aucune question de ce domaine n’a reçu de réponse : le diagnostic ne peut rien en dire. Vous pourrez y répondre lors du prochain diagnostic.",
	EN: "No question of this area was answered, so the diagnostic cannot say anything about it. You can answer them in the next diagnostic.",
}

// Question is one question of the questionnaire.
type Question struct {
	ID          string
	Area        string
	Text        taxonomy.Label
	Explanation taxonomy.Label    // why it matters, shown under the question
	Options     [4]taxonomy.Label // the wording of each step of Scale, in its order
}

// Template is a pro bono project an association can start to meet a need: what volunteers
// would do, with which skills, for how long, in which steps.
type Template struct {
	ID            string
	Area          string
	Title         taxonomy.Label
	Description   taxonomy.Label
	Skills        []TemplateSkill
	DurationWeeks int
	Milestones    []TemplateMilestone
	Mode          domain.WorkMode // where the work can happen
	// Addresses are the questions whose weak answers this project improves; they order the
	// templates of an area.
	Addresses []string
}

// TemplateSkill is a skill a template needs, as a taxonomy skill ID.
type TemplateSkill struct {
	SkillID string
	Level   domain.SkillLevel
	People  int
}

// TemplateMilestone is a step of a template, Week weeks after the project's start.
type TemplateMilestone struct {
	Week  int
	Title taxonomy.Label
}

// Suggestion is a template proposed for a diagnostic.
type Suggestion struct {
	Template
	AreaScore int // the need of the template's area
	Relevance int // 0–100: the need of the questions the template addresses
}

// Areas returns the areas in the questionnaire's order.
func Areas() []Area { return areas }

// AreaByID returns one area.
func AreaByID(id string) (Area, bool) {
	for _, a := range areas {
		if a.ID == id {
			return a, true
		}
	}
	return Area{}, false
}

// Questions returns every question, area by area in the areas' order.
func Questions() []Question { return questions }

// Templates returns every project template, area by area.
func Templates() []Template { return templates }

// TemplateByID returns one template.
func TemplateByID(id string) (Template, bool) {
	for _, t := range templates {
		if t.ID == id {
			return t, true
		}
	}
	return Template{}, false
}

var questionsByID = func() map[string]Question {
	m := make(map[string]Question, len(questions))
	for _, q := range questions {
		m[q.ID] = q
	}
	return m
}()

// Validate checks answers: every key names a question and every value an option of the scale.
// Unanswered questions are simply absent (an empty value counts as absent); at least one
// question must be answered. Problems name the field "answers.<question>", or "answers".
func Validate(answers map[string]string) error {
	var problems []domain.FieldError
	ids := make([]string, 0, len(answers))
	for id := range answers {
		ids = append(ids, id)
	}
	sort.Strings(ids) // the same input always reports in the same order
	answered := 0
	for _, id := range ids {
		option := strings.TrimSpace(answers[id])
		if _, known := questionsByID[id]; !known {
			problems = append(problems, domain.FieldError{Field: "answers." + id, Code: domain.CodeUnknownQuestion,
				Params: map[string]any{"question": id}})
			continue
		}
		if option == "" {
			continue
		}
		if optionValue(option) < 0 {
			problems = append(problems, domain.FieldError{Field: "answers." + id, Code: domain.CodeInvalidChoice,
				Params: map[string]any{"choices": strings.Join(Scale, ", ")}})
			continue
		}
		answered++
	}
	if len(problems) == 0 && answered == 0 {
		problems = append(problems, domain.FieldError{Field: "answers", Code: domain.CodeRequired})
	}
	if len(problems) > 0 {
		return &domain.ValidationError{Fields: problems}
	}
	return nil
}

// Clean returns the answers that count: known questions with a known option, trimmed. Stored
// answers given to an older questionnaire go through it before being scored again.
func Clean(answers map[string]string) map[string]string {
	out := make(map[string]string, len(answers))
	for id, option := range answers {
		option = strings.TrimSpace(option)
		if _, known := questionsByID[id]; known && optionValue(option) >= 0 {
			out[id] = option
		}
	}
	return out
}

func optionValue(option string) int {
	for i, o := range Scale {
		if o == option {
			return i
		}
	}
	return -1
}

// questionNeed is the need one answer shows: 100 for nothing in place, 0 for fully in place.
func questionNeed(option string) float64 {
	return float64(len(Scale)-1-optionValue(option)) * 100 / float64(len(Scale)-1)
}

// Evaluate validates the answers and scores them into one need per area, in the areas' order.
// An area's need is the mean need of its answered questions; unanswered questions do not pull
// the score either way, and an area with no answer at all is NeedNotAssessed with a score of 0.
func Evaluate(answers map[string]string) ([]domain.NeedScore, error) {
	if err := Validate(answers); err != nil {
		return nil, err
	}
	return score(Clean(answers)), nil
}

func score(answers map[string]string) []domain.NeedScore {
	needs := make([]domain.NeedScore, len(areas))
	sums := make([]float64, len(areas))
	index := make(map[string]int, len(areas))
	for i, a := range areas {
		index[a.ID] = i
		needs[i] = domain.NeedScore{Area: a.ID, Level: domain.NeedNotAssessed}
	}
	for _, q := range questions {
		i := index[q.Area]
		needs[i].Questions++
		if option, ok := answers[q.ID]; ok {
			needs[i].Answered++
			sums[i] += questionNeed(option)
		}
	}
	for i := range needs {
		if needs[i].Answered > 0 {
			needs[i].Score = int(math.Round(sums[i] / float64(needs[i].Answered)))
			needs[i].Level = LevelOf(needs[i].Score)
		}
	}
	return needs
}

// LevelOf names a need score.
func LevelOf(score int) domain.NeedLevel {
	switch {
	case score >= HighFrom:
		return domain.NeedHigh
	case score >= MediumFrom:
		return domain.NeedMedium
	default:
		return domain.NeedLow
	}
}

// Suggest picks the templates for the strongest needs: areas from MediumFrom on, the strongest
// first (ties in the areas' order); in each area, the templates whose questions were answered the
// weakest first, leaving out those whose questions are already well in place; at most
// SuggestionsPerArea per area and MaxSuggestions in all. answers may be stored answers: unknown
// questions are ignored.
func Suggest(needs []domain.NeedScore, answers map[string]string) []Suggestion {
	answers = Clean(answers)
	ranked := make([]domain.NeedScore, 0, len(needs))
	for _, n := range needs {
		if n.Answered > 0 && n.Score >= MediumFrom {
			ranked = append(ranked, n)
		}
	}
	order := make(map[string]int, len(areas))
	for i, a := range areas {
		order[a.ID] = i
	}
	sort.SliceStable(ranked, func(i, j int) bool {
		if ranked[i].Score != ranked[j].Score {
			return ranked[i].Score > ranked[j].Score
		}
		return order[ranked[i].Area] < order[ranked[j].Area]
	})
	var out []Suggestion
	for _, need := range ranked {
		var inArea []Suggestion
		for _, t := range templates {
			if t.Area != need.Area {
				continue
			}
			relevance := templateRelevance(t, answers, need.Score)
			if relevance >= MediumFrom {
				inArea = append(inArea, Suggestion{Template: t, AreaScore: need.Score, Relevance: relevance})
			}
		}
		sort.SliceStable(inArea, func(i, j int) bool { return inArea[i].Relevance > inArea[j].Relevance })
		for i, s := range inArea {
			if i == SuggestionsPerArea || len(out) == MaxSuggestions {
				break
			}
			out = append(out, s)
		}
		if len(out) == MaxSuggestions {
			break
		}
	}
	return out
}

// templateRelevance is the mean need of the answered questions a template addresses, or the
// area's need when none of them was answered.
func templateRelevance(t Template, answers map[string]string, areaScore int) int {
	sum, n := 0.0, 0
	for _, id := range t.Addresses {
		if option, ok := answers[id]; ok {
			sum += questionNeed(option)
			n++
		}
	}
	if n == 0 {
		return areaScore
	}
	return int(math.Round(sum / float64(n)))
}
