package domain

import (
	"maps"
	"reflect"
	"strings"
	"testing"
	"time"
)

func num(x float64) *float64 { return &x }

// satisfactionSurvey is a small survey with one question of each kind.
func satisfactionSurvey() Survey {
	return Survey{
		Title: "Satisfaction des familles accompagnées", ProjectID: 7, Audience: AudienceBeneficiary,
		Questions: []SurveyQuestion{
			{Kind: QuestionScale, Text: "Êtes-vous satisfaite de l’accompagnement ?", Min: num(1), Max: num(5)},
			{Kind: QuestionSingle, Text: "Recommanderiez-vous l’association ?", Choices: []string{"« Très satisfaite »", "Oui", "Non"}},
			{Kind: QuestionMultiple, Text: "Qu’avez-vous appris ?", Choices: []string{"Budget", "Démarches en ligne", "日本語"}},
			{Kind: QuestionNumber, Text: "Combien de séances avez-vous suivies ?", Min: num(0), Max: num(52)},
			{Kind: QuestionText, Text: "Un mot pour les bénévoles ?"},
		},
	}
}

func TestSurveyNormalizeTrimsAndDropsWhatTheKindDoesNotUse(t *testing.T) {
	s := Survey{
		Title: "  Bilan   Ольга  ", ProjectID: 1, Audience: " volunteer ",
		Questions: []SurveyQuestion{
			{Kind: " scale ", Text: "  Note  globale ", Min: num(0), Max: num(10), Choices: []string{"reste du choix"}},
			{Kind: QuestionText, Text: "Un mot ?", Min: num(1), Max: num(3), Choices: []string{"a"}},
			{Kind: QuestionSingle, Text: "Choix", Min: num(1), Choices: []string{"  Très   bien ", "Bien"}},
		},
	}
	s.Normalize()
	if s.Title != "Bilan Ольга" || s.Audience != AudienceVolunteer {
		t.Errorf("title %q, audience %q", s.Title, s.Audience)
	}
	q := s.Questions
	if q[0].Kind != QuestionScale || q[0].Text != "Note globale" || q[0].Choices != nil || *q[0].Max != 10 {
		t.Errorf("scale: %+v", q[0])
	}
	if q[1].Min != nil || q[1].Max != nil || q[1].Choices != nil {
		t.Errorf("text keeps bounds or choices: %+v", q[1])
	}
	if q[2].Min != nil || !reflect.DeepEqual(q[2].Choices, []string{"Très bien", "Bien"}) {
		t.Errorf("single: %+v", q[2])
	}
	if err := s.Validate(); err != nil {
		t.Errorf("valid survey refused: %v", err)
	}
}

func TestSurveyValidation(t *testing.T) {
	with := func(change func(*Survey)) Survey {
		s := satisfactionSurvey()
		change(&s)
		return s
	}
	question := func(q SurveyQuestion) Survey {
		return with(func(s *Survey) { s.Questions = []SurveyQuestion{q} })
	}
	manyQuestions := make([]SurveyQuestion, MaxSurveyQuestions+1)
	for i := range manyQuestions {
		manyQuestions[i] = SurveyQuestion{Kind: QuestionText, Text: "Pourquoi ?"}
	}
	manyChoices := make([]string, MaxQuestionChoices+1)
	for i := range manyChoices {
		manyChoices[i] = strings.Repeat("é", i+1)
	}
	tests := []struct {
		name   string
		survey Survey
		want   map[string]string
	}{
		{"one of each kind", satisfactionSurvey(), map[string]string{}},
		{"nothing", Survey{}, map[string]string{"title": CodeRequired, "projectId": CodeProjectOrProgram,
			"audience": CodeRequired, "questions": CodeRequired}},
		{"title too long", with(func(s *Survey) { s.Title = strings.Repeat("Œ", 201) }), map[string]string{"title": CodeTooLong}},
		{"title at the limit", with(func(s *Survey) { s.Title = strings.Repeat("Œ", 200) }), map[string]string{}},
		{"a program's survey", with(func(s *Survey) { s.ProjectID, s.ProgramID = 0, 3 }), map[string]string{}},
		{"project and program", with(func(s *Survey) { s.ProgramID = 3 }), map[string]string{"projectId": CodeProjectOrProgram}},
		{"unknown audience", with(func(s *Survey) { s.Audience = "donors" }), map[string]string{"audience": CodeInvalidChoice}},
		{"too many questions", with(func(s *Survey) { s.Questions = manyQuestions }), map[string]string{"questions": CodeTooMany}},
		{"fifty questions", with(func(s *Survey) { s.Questions = manyQuestions[:MaxSurveyQuestions] }), map[string]string{}},
		{"question without text", with(func(s *Survey) { s.Questions[2].Text = "" }), map[string]string{"questions.2.text": CodeRequired}},
		{"question text too long", with(func(s *Survey) { s.Questions[4].Text = strings.Repeat("語", 501) }),
			map[string]string{"questions.4.text": CodeTooLong}},
		{"question without kind", question(SurveyQuestion{Text: "Quoi ?"}), map[string]string{"questions.0.kind": CodeRequired}},
		{"unknown kind", question(SurveyQuestion{Kind: "stars", Text: "Quoi ?"}), map[string]string{"questions.0.kind": CodeInvalidChoice}},
		{"scale 1–5", question(SurveyQuestion{Kind: QuestionScale, Text: "Note", Min: num(1), Max: num(5)}), map[string]string{}},
		{"scale 0–10", question(SurveyQuestion{Kind: QuestionScale, Text: "Note", Min: num(0), Max: num(10)}), map[string]string{}},
		{"scale -5–5", question(SurveyQuestion{Kind: QuestionScale, Text: "Note", Min: num(-5), Max: num(5)}), map[string]string{}},
		{"scale 5–1", question(SurveyQuestion{Kind: QuestionScale, Text: "Note", Min: num(5), Max: num(1)}),
			map[string]string{"questions.0.max": CodeMinNotBelowMax}},
		{"scale of one value", question(SurveyQuestion{Kind: QuestionScale, Text: "Note", Min: num(3), Max: num(3)}),
			map[string]string{"questions.0.max": CodeMinNotBelowMax}},
		{"scale 0–11", question(SurveyQuestion{Kind: QuestionScale, Text: "Note", Min: num(0), Max: num(11)}),
			map[string]string{"questions.0.max": CodeTooManySteps}},
		{"scale without bounds", question(SurveyQuestion{Kind: QuestionScale, Text: "Note"}),
			map[string]string{"questions.0.min": CodeRequired, "questions.0.max": CodeRequired}},
		{"scale with decimals", question(SurveyQuestion{Kind: QuestionScale, Text: "Note", Min: num(0.5), Max: num(5)}),
			map[string]string{"questions.0.min": CodeNotWholeNumber}},
		{"number without bounds", question(SurveyQuestion{Kind: QuestionNumber, Text: "Âge"}), map[string]string{}},
		{"number with one bound", question(SurveyQuestion{Kind: QuestionNumber, Text: "Âge", Min: num(16)}), map[string]string{}},
		{"number min = max", question(SurveyQuestion{Kind: QuestionNumber, Text: "Âge", Min: num(18), Max: num(18)}), map[string]string{}},
		{"number min > max", question(SurveyQuestion{Kind: QuestionNumber, Text: "Âge", Min: num(99), Max: num(18)}),
			map[string]string{"questions.0.max": CodeMinNotBelowMax}},
		{"single with one choice", question(SurveyQuestion{Kind: QuestionSingle, Text: "Oui ?", Choices: []string{"Oui"}}),
			map[string]string{"questions.0.choices": CodeTooFewChoices}},
		{"multiple without choices", question(SurveyQuestion{Kind: QuestionMultiple, Text: "Quoi ?"}),
			map[string]string{"questions.0.choices": CodeTooFewChoices}},
		{"too many choices", question(SurveyQuestion{Kind: QuestionSingle, Text: "Quoi ?", Choices: manyChoices}),
			map[string]string{"questions.0.choices": CodeTooMany}},
		{"twenty choices", question(SurveyQuestion{Kind: QuestionSingle, Text: "Quoi ?", Choices: manyChoices[:MaxQuestionChoices]}),
			map[string]string{}},
		{"blank choice", question(SurveyQuestion{Kind: QuestionSingle, Text: "Oui ?", Choices: []string{"Oui", " ", "Non"}}),
			map[string]string{"questions.0.choices": CodeEmptyChoice}},
		{"same choice twice", question(SurveyQuestion{Kind: QuestionMultiple, Text: "Oui ?", Choices: []string{"Très bien", "TRÈS BIEN"}}),
			map[string]string{"questions.0.choices": CodeDuplicateChoice}},
		{"choice too long", question(SurveyQuestion{Kind: QuestionSingle, Text: "Oui ?", Choices: []string{"Oui", strings.Repeat("ы", 201)}}),
			map[string]string{"questions.0.choices": CodeTooLong}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.survey
			s.Normalize()
			if got := fieldCodes(t, s.Validate()); !maps.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSurveyValidationParams(t *testing.T) {
	s := Survey{Title: "Note", ProjectID: 1, Audience: AudienceVolunteer,
		Questions: []SurveyQuestion{{Kind: QuestionScale, Text: "Note", Min: num(5), Max: num(1)}}}
	err := s.Validate().(*ValidationError)
	if got := err.Fields[0].Params; got["min"] != "5" || got["max"] != "1" {
		t.Errorf("params %v", got)
	}
}

func TestCheckAnswers(t *testing.T) {
	s := satisfactionSurvey()
	s.Normalize()
	full := func(change func([]SurveyAnswer)) []SurveyAnswer {
		a := []SurveyAnswer{{Number: num(4)}, {Choices: []int{0}}, {Choices: []int{0, 2}}, {Number: num(12)}, {Text: "Merci à Élodie !"}}
		change(a)
		return a
	}
	none := func([]SurveyAnswer) {}
	tests := []struct {
		name    string
		answers []SurveyAnswer
		want    map[string]string
	}{
		{"all answered", full(none), map[string]string{}},
		{"some left blank", full(func(a []SurveyAnswer) { a[1], a[4] = SurveyAnswer{}, SurveyAnswer{} }), map[string]string{}},
		{"none answered", make([]SurveyAnswer, 5), map[string]string{"answers": CodeEmptyResponse}},
		{"too few", full(none)[:4], map[string]string{"answers": CodeWrongAnswerCount}},
		{"too many", append(full(none), SurveyAnswer{Text: "en trop"}), map[string]string{"answers": CodeWrongAnswerCount}},
		{"scale as text", full(func(a []SurveyAnswer) { a[0] = SurveyAnswer{Text: "4"} }), map[string]string{"answers.0": CodeExpectedNumber}},
		{"scale below", full(func(a []SurveyAnswer) { a[0].Number = num(0) }), map[string]string{"answers.0": CodeOutOfRange}},
		{"scale above", full(func(a []SurveyAnswer) { a[0].Number = num(6) }), map[string]string{"answers.0": CodeOutOfRange}},
		{"scale at the bounds", full(func(a []SurveyAnswer) { a[0].Number = num(5) }), map[string]string{}},
		{"scale with decimals", full(func(a []SurveyAnswer) { a[0].Number = num(4.5) }), map[string]string{"answers.0": CodeNotWholeNumber}},
		{"single with two", full(func(a []SurveyAnswer) { a[1].Choices = []int{0, 1} }), map[string]string{"answers.1": CodeTooMany}},
		{"single unknown index", full(func(a []SurveyAnswer) { a[1].Choices = []int{3} }), map[string]string{"answers.1": CodeInvalidChoice}},
		{"single as number", full(func(a []SurveyAnswer) { a[1] = SurveyAnswer{Number: num(1)} }), map[string]string{"answers.1": CodeExpectedChoice}},
		{"multiple negative index", full(func(a []SurveyAnswer) { a[2].Choices = []int{-1} }), map[string]string{"answers.2": CodeInvalidChoice}},
		{"multiple as text", full(func(a []SurveyAnswer) { a[2] = SurveyAnswer{Text: "Budget"} }), map[string]string{"answers.2": CodeExpectedChoices}},
		{"number below", full(func(a []SurveyAnswer) { a[3].Number = num(-1) }), map[string]string{"answers.3": CodeTooSmall}},
		{"number above", full(func(a []SurveyAnswer) { a[3].Number = num(52.5) }), map[string]string{"answers.3": CodeTooLarge}},
		{"number with decimals", full(func(a []SurveyAnswer) { a[3].Number = num(2.5) }), map[string]string{}},
		{"text as number", full(func(a []SurveyAnswer) { a[4] = SurveyAnswer{Number: num(3)} }), map[string]string{"answers.4": CodeExpectedText}},
		{"text too long", full(func(a []SurveyAnswer) { a[4].Text = strings.Repeat("語", 5001) }), map[string]string{"answers.4": CodeTooLong}},
		{"text at the limit", full(func(a []SurveyAnswer) { a[4].Text = strings.Repeat("語", 5000) }), map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fieldCodes(t, s.CheckAnswers(tt.answers)); !maps.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestResponseValidation(t *testing.T) {
	s := satisfactionSurvey()
	answers := []SurveyAnswer{{Number: num(3)}, {}, {}, {}, {Text: "  Très bien  "}}
	r := SurveyResponse{Answers: answers}
	r.Normalize()
	if r.Source != SourceApp || r.Answers[4].Text != "Très bien" {
		t.Errorf("normalized %+v", r)
	}
	if err := r.Validate(s); err != nil {
		t.Errorf("valid response refused: %v", err)
	}
	named := SurveyResponse{VolunteerID: 4, Source: "fax", Answers: answers}
	if got := fieldCodes(t, named.Validate(s)); !maps.Equal(got, map[string]string{"volunteerId": CodeAnonymousAudience, "source": CodeInvalidChoice}) {
		t.Errorf("got %v", got)
	}
	s.Audience = AudienceVolunteer
	named.Source = SourcePaper
	if err := named.Validate(s); err != nil {
		t.Errorf("a volunteers' survey refuses its respondent: %v", err)
	}
	blank := SurveyResponse{Answers: []SurveyAnswer{{}, {}, {}, {}, {Text: " \n "}}}
	blank.Normalize()
	if got := fieldCodes(t, blank.Validate(s)); !maps.Equal(got, map[string]string{"answers": CodeEmptyResponse}) {
		t.Errorf("blank response: %v", got)
	}
	twice := SurveyResponse{Answers: []SurveyAnswer{{}, {}, {Choices: []int{2, 0, 2}}, {}, {}}}
	twice.Normalize()
	if !reflect.DeepEqual(twice.Answers[2].Choices, []int{0, 2}) {
		t.Errorf("choices %v", twice.Answers[2].Choices)
	}
}

func TestAnswersFromValues(t *testing.T) {
	s := satisfactionSurvey()
	s.Normalize()
	tests := []struct {
		name   string
		values []any
		want   []SurveyAnswer
		codes  map[string]string
	}{
		{"every kind", []any{4.0, "Oui", []any{"日本語", "Budget"}, 12.0, "Merci"},
			[]SurveyAnswer{{Number: num(4)}, {Choices: []int{1}}, {Choices: []int{2, 0}}, {Number: num(12)}, {Text: "Merci"}}, nil},
		{"nulls and blanks", []any{nil, "", []any{}, nil, nil}, make([]SurveyAnswer, 5), nil},
		{"choice in another case", []any{nil, "« très SATISFAITE »", []string{"démarches en ligne"}, nil, nil},
			[]SurveyAnswer{{}, {Choices: []int{0}}, {Choices: []int{1}}, {}, {}}, nil},
		{"wrong count", []any{4.0}, nil, map[string]string{"answers": CodeWrongAnswerCount}},
		{"wrong types", []any{"4", 1.0, "Budget", "douze", 3.0}, nil, map[string]string{
			"answers.0": CodeExpectedNumber, "answers.1": CodeExpectedChoice, "answers.2": CodeExpectedChoices,
			"answers.3": CodeExpectedNumber, "answers.4": CodeExpectedText}},
		{"unknown choices", []any{nil, "Peut-être", []any{"Budget", "Cuisine"}, nil, nil}, nil,
			map[string]string{"answers.1": CodeInvalidChoice, "answers.2": CodeInvalidChoice}},
		{"a list of numbers", []any{nil, nil, []any{1.0}, nil, nil}, nil, map[string]string{"answers.2": CodeExpectedChoices}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.AnswersFromValues(tt.values)
			if tt.codes != nil {
				if codes := fieldCodes(t, err); !maps.Equal(codes, tt.codes) {
					t.Errorf("codes %v, want %v", codes, tt.codes)
				}
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestAnswerValuesReadBackAsWritten(t *testing.T) {
	s := satisfactionSurvey()
	s.Normalize()
	values := []any{5.0, "« Très satisfaite »", []string{"Budget", "日本語"}, nil, "Спасибо"}
	answers, err := s.AnswersFromValues(values)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.AnswerValues(answers); !reflect.DeepEqual(got, values) {
		t.Errorf("got %#v, want %#v", got, values)
	}
	// Answers that do not fit (a choice the question lacks, answers beyond the questions) are
	// left out, not invented.
	odd := []SurveyAnswer{{}, {Choices: []int{9}}, {Choices: []int{9}}, {}, {}, {Text: "en trop"}}
	if got := s.AnswerValues(odd); !reflect.DeepEqual(got, make([]any, 5)) {
		t.Errorf("odd answers: %#v", got)
	}
}

func TestComputeSurveyResults(t *testing.T) {
	s := satisfactionSurvey()
	s.Normalize()
	day := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	responses := []SurveyResponse{
		{ID: 1, CreatedAt: day, Answers: []SurveyAnswer{{Number: num(5)}, {Choices: []int{0}}, {Choices: []int{0, 1}}, {Number: num(10)}, {Text: "Merci à Élodie"}}},
		{ID: 3, CreatedAt: day.Add(time.Hour), Answers: []SurveyAnswer{{Number: num(4)}, {Choices: []int{1}}, {}, {Number: num(3)}, {Text: "Ольга était formidable"}}},
		{ID: 2, CreatedAt: day.Add(time.Hour), Answers: []SurveyAnswer{{Number: num(4)}, {Choices: []int{0}}, {Choices: []int{1}}, {}, {Text: "日本語でありがとう"}}},
		{ID: 4, CreatedAt: day.Add(-time.Hour), Answers: []SurveyAnswer{{}, {}, {Choices: []int{2}}, {Number: num(2)}, {}}},
	}
	r := ComputeSurveyResults(s, responses)
	if r.Responses != 4 || len(r.Questions) != 5 {
		t.Fatalf("responses %d, questions %d", r.Responses, len(r.Questions))
	}
	scale := r.Questions[0]
	if scale.Count != 3 || scale.Mean == nil || *scale.Mean != 13.0/3 {
		t.Errorf("scale count %d mean %v", scale.Count, scale.Mean)
	}
	wantScale := []ChoiceCount{{"1", 0}, {"2", 0}, {"3", 0}, {"4", 2}, {"5", 1}}
	if !reflect.DeepEqual(scale.Counts, wantScale) {
		t.Errorf("scale counts %v", scale.Counts)
	}
	single := r.Questions[1]
	if single.Count != 3 || single.Mean != nil ||
		!reflect.DeepEqual(single.Counts, []ChoiceCount{{"« Très satisfaite »", 2}, {"Oui", 1}, {"Non", 0}}) {
		t.Errorf("single %+v", single)
	}
	multiple := r.Questions[2]
	if multiple.Count != 3 || !reflect.DeepEqual(multiple.Counts, []ChoiceCount{{"Budget", 1}, {"Démarches en ligne", 2}, {"日本語", 1}}) {
		t.Errorf("multiple %+v", multiple)
	}
	number := r.Questions[3]
	if number.Count != 3 || number.Mean == nil || *number.Mean != 5 || len(number.Counts) != 0 {
		t.Errorf("number %+v", number)
	}
	text := r.Questions[4]
	wantTexts := []string{"Ольга était formidable", "日本語でありがとう", "Merci à Élodie"}
	if text.Count != 3 || !reflect.DeepEqual(text.Texts, wantTexts) {
		t.Errorf("texts %q", text.Texts)
	}
}

func TestComputeSurveyResultsWithoutResponses(t *testing.T) {
	s := satisfactionSurvey()
	r := ComputeSurveyResults(s, nil)
	if r.Responses != 0 || r.Questions[0].Mean != nil || r.Questions[0].Count != 0 || len(r.Questions[0].Counts) != 5 {
		t.Errorf("scale without responses: %+v", r.Questions[0])
	}
	if r.Questions[4].Texts == nil || r.Questions[3].Counts == nil {
		t.Error("empty lists should be empty, not nil, for the API")
	}
}

func TestComputeSurveyResultsSkipsAnswersThatDoNotFit(t *testing.T) {
	s := satisfactionSurvey()
	responses := []SurveyResponse{{ID: 1, Answers: []SurveyAnswer{{Number: num(9)}, {Choices: []int{7}}}}}
	r := ComputeSurveyResults(s, responses)
	if r.Questions[0].Count != 0 || r.Questions[1].Count != 0 || r.Questions[4].Count != 0 {
		t.Errorf("counted answers that do not fit: %+v", r.Questions[:2])
	}
}

func TestScaleValuesAndSameQuestions(t *testing.T) {
	scale := SurveyQuestion{Kind: QuestionScale, Min: num(0), Max: num(10)}
	if got := scale.ScaleValues(); len(got) != 11 || got[0] != 0 || got[10] != 10 {
		t.Errorf("0–10: %v", got)
	}
	if got := (SurveyQuestion{Kind: QuestionNumber, Min: num(0), Max: num(10)}).ScaleValues(); got != nil {
		t.Errorf("a number has no scale: %v", got)
	}
	a := satisfactionSurvey().Questions
	b := satisfactionSurvey().Questions
	if !SameQuestions(a, b) {
		t.Error("equal questions differ")
	}
	b[0].Max = num(10)
	if SameQuestions(a, b) {
		t.Error("a changed bound goes unseen")
	}
	b = satisfactionSurvey().Questions
	b[1].Choices[2] = "Non merci"
	if SameQuestions(a, b) {
		t.Error("a changed choice goes unseen")
	}
	if SameQuestions(a, a[:4]) {
		t.Error("a removed question goes unseen")
	}
}
