package domain

import (
	"cmp"
	"slices"
	"strconv"
)

// ComputeSurveyResults sums up the responses to s question by question: how many answered it,
// the mean of a scale or a number, how many chose each choice (or gave each value of a scale,
// from Min to Max, zeros included so that a chart shows the whole scale), and the free texts,
// most recent first. The responses may come in any order. Answers that do not fit their
// question (a value off the scale, a choice it does not have) are left out rather than
// guessed at; the service never stores such answers.
func ComputeSurveyResults(s Survey, responses []SurveyResponse) SurveyResults {
	// Most recent first, so that texts come out in that order; ties (paper forms typed in the
	// same instant) by ID, the order they were typed in.
	ordered := slices.Clone(responses)
	slices.SortStableFunc(ordered, func(a, b SurveyResponse) int {
		if c := b.CreatedAt.Compare(a.CreatedAt); c != 0 {
			return c
		}
		return cmp.Compare(b.ID, a.ID)
	})
	results := SurveyResults{Survey: s, Responses: len(responses), Questions: make([]QuestionResult, len(s.Questions))}
	for i, q := range s.Questions {
		results.Questions[i] = questionResult(q, i, ordered)
	}
	return results
}

func questionResult(q SurveyQuestion, index int, responses []SurveyResponse) QuestionResult {
	r := QuestionResult{Question: q, Counts: []ChoiceCount{}, Texts: []string{}}
	scale := q.ScaleValues()
	switch {
	case q.Kind.HasChoices():
		for _, c := range q.Choices {
			r.Counts = append(r.Counts, ChoiceCount{Label: c})
		}
	case q.Kind == QuestionScale:
		for _, x := range scale {
			r.Counts = append(r.Counts, ChoiceCount{Label: strconv.Itoa(x)})
		}
	}
	var sum float64
	for _, resp := range responses {
		if index >= len(resp.Answers) {
			continue
		}
		a := resp.Answers[index]
		switch q.Kind {
		case QuestionScale:
			if a.Number == nil || len(scale) == 0 || !isWhole(*a.Number) {
				continue
			}
			step := int(*a.Number) - scale[0]
			if step < 0 || step >= len(scale) {
				continue
			}
			r.Counts[step].Count++
			sum += *a.Number
			r.Count++
		case QuestionNumber:
			if a.Number == nil {
				continue
			}
			sum += *a.Number
			r.Count++
		case QuestionSingle, QuestionMultiple:
			chose := false
			for _, c := range a.Choices {
				if c >= 0 && c < len(r.Counts) {
					r.Counts[c].Count++
					chose = true
				}
			}
			if chose {
				r.Count++
			}
		case QuestionText:
			if a.Text != "" {
				r.Texts = append(r.Texts, a.Text)
				r.Count++
			}
		}
	}
	if q.Kind.HasBounds() && r.Count > 0 {
		mean := sum / float64(r.Count)
		r.Mean = &mean
	}
	return r
}
