package domain

import "time"

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

// SurveySource says how a response reached the app.
type SurveySource string

const (
	SourceApp   SurveySource = "app"   // typed in the app by the respondent or for them
	SourcePaper SurveySource = "paper" // collected on the printed form and typed in later
)

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
