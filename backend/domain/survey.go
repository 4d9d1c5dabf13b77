package domain

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// SurveyAudience is who answers a survey.
type SurveyAudience string

const (
	AudienceBeneficiary SurveyAudience = "beneficiary" // the people the association helps
	AudienceVolunteer   SurveyAudience = "volunteer"   // the volunteers of the project
)

// QuestionKind is the form of a survey question and of its answer.
type QuestionKind string

const (
	QuestionScale    QuestionKind = "scale"    // a whole number from Min to Max (1–5, 0–10)
	QuestionSingle   QuestionKind = "single"   // one of Choices
	QuestionMultiple QuestionKind = "multiple" // any of Choices
	QuestionNumber   QuestionKind = "number"   // a number, within Min and Max when they are set
	QuestionText     QuestionKind = "text"     // free text
)

// SurveyQuestion is one question of a survey.
type SurveyQuestion struct {
	Kind    QuestionKind
	Text    string
	Min     *float64 // scale: required; number: optional
	Max     *float64
	Choices []string // single and multiple choice only
}

// Survey measures the impact of a project or of a sponsor's program, on the people helped or on
// the volunteers. Exactly one of ProjectID and ProgramID is set.
type Survey struct {
	ID        int64
	Title     string
	ProjectID int64
	ProgramID int64
	Audience  SurveyAudience
	Questions []SurveyQuestion
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Limits of a survey. A scale has at most 11 values so that it fits a printed line (0–10).
const (
	maxSurveyTitleRunes   = 200
	MaxSurveyQuestions    = 50
	maxQuestionTextRunes  = 500
	MaxScaleSteps         = 11
	MinQuestionChoices    = 2
	MaxQuestionChoices    = 20
	maxChoiceRunes        = 200
	maxAnswerTextRunes    = 5000
	questionKindChoices   = "scale, single, multiple, number, text"
	surveyAudienceChoices = "beneficiary, volunteer"
)

// Valid tells whether k is a known kind.
func (k QuestionKind) Valid() bool {
	switch k {
	case QuestionScale, QuestionSingle, QuestionMultiple, QuestionNumber, QuestionText:
		return true
	}
	return false
}

// HasChoices tells whether answers to a question of kind k are picked from its Choices.
func (k QuestionKind) HasChoices() bool { return k == QuestionSingle || k == QuestionMultiple }

// HasBounds tells whether a question of kind k uses Min and Max.
func (k QuestionKind) HasBounds() bool { return k == QuestionScale || k == QuestionNumber }

// Valid tells whether a is a known audience.
func (a SurveyAudience) Valid() bool { return a == AudienceBeneficiary || a == AudienceVolunteer }

// Normalize trims what people paste around texts and drops what a question's kind does not use
// (choices on a scale, bounds on a text), so that a kind changed in the builder leaves nothing
// behind.
func (s *Survey) Normalize() {
	s.Title = collapseSpaces(s.Title)
	s.Audience = SurveyAudience(strings.TrimSpace(string(s.Audience)))
	for i := range s.Questions {
		q := &s.Questions[i]
		q.Kind = QuestionKind(strings.TrimSpace(string(q.Kind)))
		q.Text = collapseSpaces(q.Text)
		if !q.Kind.HasBounds() {
			q.Min, q.Max = nil, nil
		}
		if !q.Kind.HasChoices() {
			q.Choices = nil
			continue
		}
		choices := make([]string, len(q.Choices))
		for j, c := range q.Choices {
			choices[j] = collapseSpaces(c)
		}
		q.Choices = choices
	}
}

// Validate checks every field and reports all problems at once, each question's under
// "questions.N.<field>" (N from 0). Call Normalize first. That the project or program exists is
// checked by the service.
func (s Survey) Validate() error {
	v := &ValidationError{}
	if s.Title == "" {
		v.add("title", CodeRequired, nil)
	}
	checkLength(v, "title", s.Title, maxSurveyTitleRunes)
	if (s.ProjectID == 0) == (s.ProgramID == 0) {
		v.add("projectId", CodeProjectOrProgram, nil)
	}
	switch {
	case s.Audience == "":
		v.add("audience", CodeRequired, nil)
	case !s.Audience.Valid():
		v.add("audience", CodeInvalidChoice, map[string]any{"choices": surveyAudienceChoices})
	}
	switch {
	case len(s.Questions) == 0:
		v.add("questions", CodeRequired, nil)
	case len(s.Questions) > MaxSurveyQuestions:
		v.add("questions", CodeTooMany, map[string]any{"max": MaxSurveyQuestions})
	}
	for i, q := range s.Questions {
		q.validate(v, fmt.Sprintf("questions.%d.", i))
	}
	return v.orNil()
}

func (q SurveyQuestion) validate(v *ValidationError, prefix string) {
	if q.Text == "" {
		v.add(prefix+"text", CodeRequired, nil)
	}
	checkLength(v, prefix+"text", q.Text, maxQuestionTextRunes)
	switch q.Kind {
	case "":
		v.add(prefix+"kind", CodeRequired, nil)
	case QuestionScale:
		q.validateScale(v, prefix)
	case QuestionNumber:
		if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
			v.add(prefix+"max", CodeMinNotBelowMax, map[string]any{"min": formatNumber(*q.Min), "max": formatNumber(*q.Max)})
		}
	case QuestionSingle, QuestionMultiple:
		q.validateChoices(v, prefix+"choices")
	case QuestionText:
	default:
		v.add(prefix+"kind", CodeInvalidChoice, map[string]any{"choices": questionKindChoices})
	}
}

// validateScale wants whole bounds, the lowest below the highest, and at most MaxScaleSteps
// values between them.
func (q SurveyQuestion) validateScale(v *ValidationError, prefix string) {
	ok := true
	for _, b := range []struct {
		field string
		value *float64
	}{{"min", q.Min}, {"max", q.Max}} {
		switch {
		case b.value == nil:
			v.add(prefix+b.field, CodeRequired, nil)
			ok = false
		case !isWhole(*b.value):
			v.add(prefix+b.field, CodeNotWholeNumber, nil)
			ok = false
		}
	}
	if !ok {
		return
	}
	switch {
	case *q.Min >= *q.Max:
		v.add(prefix+"max", CodeMinNotBelowMax, map[string]any{"min": formatNumber(*q.Min), "max": formatNumber(*q.Max)})
	case *q.Max-*q.Min+1 > MaxScaleSteps:
		v.add(prefix+"max", CodeTooManySteps, map[string]any{"max": MaxScaleSteps})
	}
}

// validateChoices wants 2 to 20 choices, none blank, none twice (in any case: "Oui" and "oui"
// could not be told apart when answers name a choice by its text).
func (q SurveyQuestion) validateChoices(v *ValidationError, field string) {
	switch {
	case len(q.Choices) < MinQuestionChoices:
		v.add(field, CodeTooFewChoices, map[string]any{"min": MinQuestionChoices})
	case len(q.Choices) > MaxQuestionChoices:
		v.add(field, CodeTooMany, map[string]any{"max": MaxQuestionChoices})
	}
	seen := make(map[string]bool, len(q.Choices))
	for _, c := range q.Choices {
		if c == "" {
			v.add(field, CodeEmptyChoice, nil)
			return
		}
		if utf8.RuneCountInString(c) > maxChoiceRunes {
			v.add(field, CodeTooLong, map[string]any{"max": maxChoiceRunes})
			return
		}
		key := strings.ToLower(c)
		if seen[key] {
			v.add(field, CodeDuplicateChoice, map[string]any{"choice": c})
			return
		}
		seen[key] = true
	}
}

// ScaleValues lists the values of a scale question, from Min to Max; nil for other kinds or
// bounds that are not valid.
func (q SurveyQuestion) ScaleValues() []int {
	if q.Kind != QuestionScale || q.Min == nil || q.Max == nil || !isWhole(*q.Min) || !isWhole(*q.Max) ||
		*q.Max < *q.Min || *q.Max-*q.Min+1 > MaxScaleSteps {
		return nil
	}
	values := make([]int, 0, int(*q.Max-*q.Min)+1)
	for x := int(*q.Min); x <= int(*q.Max); x++ {
		values = append(values, x)
	}
	return values
}

// SameQuestions tells whether two lists of questions ask the same things in the same order:
// same kinds, texts, bounds and choices.
func SameQuestions(a, b []SurveyQuestion) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Kind != y.Kind || x.Text != y.Text || !sameBound(x.Min, y.Min) || !sameBound(x.Max, y.Max) ||
			len(x.Choices) != len(y.Choices) {
			return false
		}
		for j := range x.Choices {
			if x.Choices[j] != y.Choices[j] {
				return false
			}
		}
	}
	return true
}

func sameBound(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func isWhole(x float64) bool {
	return !math.IsNaN(x) && !math.IsInf(x, 0) && x == math.Trunc(x)
}

// formatNumber writes a bound for a message: 5, 2.5.
func formatNumber(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// SurveySource says how a response reached the app.
type SurveySource string

const (
	SourceApp   SurveySource = "app"   // typed in the app by the respondent or for them
	SourcePaper SurveySource = "paper" // collected on the printed form and typed in later
)

// Valid tells whether s is a known source.
func (s SurveySource) Valid() bool { return s == SourceApp || s == SourcePaper }

// SurveyAnswer is the answer to one question; the zero value means "not answered". Which field
// holds the answer depends on the question's kind: Number for scale and number, Choices (indexes
// into the question's Choices) for single and multiple choice, Text for free text.
type SurveyAnswer struct {
	Number  *float64
	Choices []int
	Text    string
}

// SurveyResponse is one person's answers, in question order.
type SurveyResponse struct {
	ID       int64
	SurveyID int64
	// VolunteerID is the respondent when the audience is volunteers and they chose to be known;
	// 0 otherwise (beneficiaries are never named).
	VolunteerID int64
	Source      SurveySource
	Answers     []SurveyAnswer
	CreatedAt   time.Time
}

// ChoiceCount is how many responses chose one option (or, for a scale, gave one value).
type ChoiceCount struct {
	Label string
	Count int
}

// QuestionResult sums up the answers to one question.
type QuestionResult struct {
	Question SurveyQuestion
	Count    int           // responses that answered it
	Mean     *float64      // scale and number
	Counts   []ChoiceCount // single, multiple and scale (one entry per value from Min to Max)
	Texts    []string      // free text, most recent first
}

// SurveyResults sums up all the responses to a survey.
type SurveyResults struct {
	Survey    Survey
	Responses int
	Questions []QuestionResult
}
