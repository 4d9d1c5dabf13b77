package domain

import (
	"fmt"
	"slices"
	"strings"
)

// IsZero tells whether a is "not answered".
func (a SurveyAnswer) IsZero() bool { return a.Number == nil && len(a.Choices) == 0 && a.Text == "" }

// Normalize trims the answers' texts, sorts and dedupes their choices and starts a response
// without a source as typed in the app.
func (r *SurveyResponse) Normalize() {
	if r.Source == "" {
		r.Source = SourceApp
	}
	answers := make([]SurveyAnswer, len(r.Answers))
	for i, a := range r.Answers {
		a.Text = strings.TrimSpace(a.Text)
		if len(a.Choices) > 0 {
			a.Choices = slices.Compact(slices.Sorted(slices.Values(a.Choices)))
		} else {
			a.Choices = nil
		}
		answers[i] = a
	}
	r.Answers = answers
}

// Validate checks a response to s: its source, that only a volunteers' survey names its
// respondent, and its answers (see CheckAnswers). That the volunteer exists is checked by the
// service. Call Normalize first.
func (r SurveyResponse) Validate(s Survey) error {
	v := &ValidationError{}
	if !r.Source.Valid() {
		v.add("source", CodeInvalidChoice, map[string]any{"choices": "app, paper"})
	}
	if r.VolunteerID != 0 && s.Audience != AudienceVolunteer {
		v.add("volunteerId", CodeAnonymousAudience, nil)
	}
	collectInto(v, s.CheckAnswers(r.Answers))
	return v.orNil()
}

// CheckAnswers checks answers to s: one per question, in order, each of the question's type and
// within its bounds, and at least one answered. Problems are reported under "answers.N" (N from
// 0), or "answers" for the list as a whole.
func (s Survey) CheckAnswers(answers []SurveyAnswer) error {
	v := &ValidationError{}
	if len(answers) != len(s.Questions) {
		v.add("answers", CodeWrongAnswerCount, map[string]any{"expected": len(s.Questions)})
		return v
	}
	answered := 0
	for i, a := range answers {
		if a.IsZero() {
			continue
		}
		answered++
		s.Questions[i].checkAnswer(v, fmt.Sprintf("answers.%d", i), a)
	}
	if answered == 0 && len(v.Fields) == 0 {
		v.add("answers", CodeEmptyResponse, nil)
	}
	return v.orNil()
}

func (q SurveyQuestion) checkAnswer(v *ValidationError, field string, a SurveyAnswer) {
	switch q.Kind {
	case QuestionScale, QuestionNumber:
		if a.Number == nil || len(a.Choices) > 0 || a.Text != "" {
			v.add(field, CodeExpectedNumber, nil)
			return
		}
		x := *a.Number
		if q.Kind == QuestionScale {
			switch {
			case !isWhole(x):
				v.add(field, CodeNotWholeNumber, nil)
			case q.Min != nil && q.Max != nil && (x < *q.Min || x > *q.Max):
				v.add(field, CodeOutOfRange, map[string]any{"min": formatNumber(*q.Min), "max": formatNumber(*q.Max)})
			}
			return
		}
		switch {
		case q.Min != nil && x < *q.Min:
			v.add(field, CodeTooSmall, map[string]any{"min": formatNumber(*q.Min)})
		case q.Max != nil && x > *q.Max:
			v.add(field, CodeTooLarge, map[string]any{"max": formatNumber(*q.Max)})
		}
	case QuestionSingle, QuestionMultiple:
		if a.Number != nil || a.Text != "" {
			code := CodeExpectedChoice
			if q.Kind == QuestionMultiple {
				code = CodeExpectedChoices
			}
			v.add(field, code, nil)
			return
		}
		if q.Kind == QuestionSingle && len(a.Choices) > 1 {
			v.add(field, CodeTooMany, map[string]any{"max": 1})
			return
		}
		for _, c := range a.Choices {
			if c < 0 || c >= len(q.Choices) {
				v.add(field, CodeInvalidChoice, map[string]any{"choices": strings.Join(q.Choices, ", ")})
				return
			}
		}
	case QuestionText:
		if a.Number != nil || len(a.Choices) > 0 {
			v.add(field, CodeExpectedText, nil)
			return
		}
		checkLength(v, field, a.Text, maxAnswerTextRunes)
	}
}

// AnswersFromValues reads answers as people and clients give them, one value per question in
// order, as encoding/json decodes them into `any`: a number (float64) for a scale or a number,
// the text of a choice for a single choice, a list of choice texts for a multiple choice, a text
// for a free text, nil when not answered. An empty text or list counts as not answered. A choice
// is found by its exact text, or else ignoring case. Values of the wrong type and unknown
// choices are reported under "answers.N"; bounds are left to CheckAnswers.
func (s Survey) AnswersFromValues(values []any) ([]SurveyAnswer, error) {
	v := &ValidationError{}
	if len(values) != len(s.Questions) {
		v.add("answers", CodeWrongAnswerCount, map[string]any{"expected": len(s.Questions)})
		return nil, v
	}
	answers := make([]SurveyAnswer, len(values))
	for i, value := range values {
		if value == nil {
			continue
		}
		field := fmt.Sprintf("answers.%d", i)
		q := s.Questions[i]
		switch q.Kind {
		case QuestionScale, QuestionNumber:
			x, ok := value.(float64)
			if !ok {
				v.add(field, CodeExpectedNumber, nil)
				continue
			}
			answers[i].Number = &x
		case QuestionSingle:
			text, ok := value.(string)
			if !ok {
				v.add(field, CodeExpectedChoice, nil)
				continue
			}
			if strings.TrimSpace(text) == "" {
				continue
			}
			index, found := q.choiceIndex(text)
			if !found {
				v.add(field, CodeInvalidChoice, map[string]any{"choices": strings.Join(q.Choices, ", ")})
				continue
			}
			answers[i].Choices = []int{index}
		case QuestionMultiple:
			list, ok := value.([]any)
			if texts, isTexts := value.([]string); isTexts {
				list, ok = make([]any, len(texts)), true
				for j, text := range texts {
					list[j] = text
				}
			}
			if !ok {
				v.add(field, CodeExpectedChoices, nil)
				continue
			}
			for _, item := range list {
				text, ok := item.(string)
				if !ok {
					v.add(field, CodeExpectedChoices, nil)
					break
				}
				index, found := q.choiceIndex(text)
				if !found {
					v.add(field, CodeInvalidChoice, map[string]any{"choices": strings.Join(q.Choices, ", ")})
					break
				}
				answers[i].Choices = append(answers[i].Choices, index)
			}
		case QuestionText:
			text, ok := value.(string)
			if !ok {
				v.add(field, CodeExpectedText, nil)
				continue
			}
			answers[i].Text = text
		}
	}
	if len(v.Fields) > 0 {
		return nil, v
	}
	return answers, nil
}

// choiceIndex finds a choice by its text: exactly, or else ignoring case and surrounding spaces
// (choices differ in more than case, see validateChoices).
func (q SurveyQuestion) choiceIndex(text string) (int, bool) {
	if i := slices.Index(q.Choices, text); i >= 0 {
		return i, true
	}
	text = collapseSpaces(text)
	for i, c := range q.Choices {
		if strings.EqualFold(c, text) {
			return i, true
		}
	}
	return 0, false
}

// AnswerValues writes answers the way AnswersFromValues reads them: a float64, a choice's text,
// a list of choice texts, a text, or nil when not answered. Answers beyond the questions, or
// choices the question does not have, are left out rather than invented.
func (s Survey) AnswerValues(answers []SurveyAnswer) []any {
	values := make([]any, len(s.Questions))
	for i, q := range s.Questions {
		if i >= len(answers) || answers[i].IsZero() {
			continue
		}
		a := answers[i]
		switch q.Kind {
		case QuestionScale, QuestionNumber:
			if a.Number != nil {
				values[i] = *a.Number
			}
		case QuestionSingle:
			if len(a.Choices) > 0 && a.Choices[0] >= 0 && a.Choices[0] < len(q.Choices) {
				values[i] = q.Choices[a.Choices[0]]
			}
		case QuestionMultiple:
			texts := []string{}
			for _, c := range a.Choices {
				if c >= 0 && c < len(q.Choices) {
					texts = append(texts, q.Choices[c])
				}
			}
			if len(texts) > 0 {
				values[i] = texts
			}
		case QuestionText:
			if a.Text != "" {
				values[i] = a.Text
			}
		}
	}
	return values
}

// collectInto adds the field problems of err (a *ValidationError) to v.
func collectInto(v *ValidationError, err error) {
	if other, ok := err.(*ValidationError); ok && other != nil {
		v.Fields = append(v.Fields, other.Fields...)
	}
}
