// Package domain holds Civisphère's entities, value types and validation rules. It does no I/O
// and knows no language: validation problems carry a code that the transport turns into a
// message in the reader's language.
package domain

import (
	"errors"
	"strconv"
	"strings"
)

// ErrNotFound is returned when the thing asked for does not exist.
var ErrNotFound = errors.New("not found")

// ErrForbidden is returned when the actor may not do what it asked.
var ErrForbidden = errors.New("forbidden")

// Problem codes carried by FieldError. They are part of the API: clients may rely on them.
const (
	CodeRequired              = "required"
	CodeTooLong               = "too_long"
	CodeInvalidEmail          = "invalid_email"
	CodeInvalidURL            = "invalid_url"
	CodeInvalidPostcode       = "invalid_postcode"
	CodeInvalidPhone          = "invalid_phone"
	CodeInvalidRegistration   = "invalid_registration_number"
	CodeInvalidChoice         = "invalid_choice"
	CodeImageNotSupported     = "image_not_supported"
	CodeImageTooLarge         = "image_too_large"
	CodeImageTooManyPixels    = "image_too_many_pixels"
	CodeTooMany               = "too_many"
	CodeInvalidLanguage       = "invalid_language"
	CodeOutOfRange            = "out_of_range"
	CodeInvalidDate           = "invalid_date"
	CodeDuplicateEmail        = "duplicate_email"
	CodeDateBeforeStart       = "date_before_start"
	CodeUnknownReference      = "unknown_reference"
	CodeNotASponsor           = "not_a_sponsor"
	CodeNotAnAssociation      = "not_an_association"
	CodeProgramOfOtherSponsor = "program_of_other_sponsor"
	CodeNotInTeam             = "not_in_team"
	CodeUnknownQuestion       = "unknown_question"
	CodeHoursNotPositive      = "hours_not_positive"
	CodeDateInFuture          = "date_in_future"
	// Impact surveys.
	CodeProjectOrProgram  = "project_or_program" // a survey belongs to a project or to a program, not both
	CodeNotWholeNumber    = "not_whole_number"   // a scale bound or value with decimals
	CodeMinNotBelowMax    = "min_not_below_max"  // params: min, max
	CodeTooManySteps      = "too_many_steps"     // a scale of more than {max} values
	CodeTooFewChoices     = "too_few_choices"    // params: min
	CodeEmptyChoice       = "empty_choice"       // a choice left blank in the list
	CodeDuplicateChoice   = "duplicate_choice"   // params: choice
	CodeWrongAnswerCount  = "wrong_answer_count" // params: expected (one answer per question)
	CodeExpectedNumber    = "expected_number"    // an answer of the wrong type for a scale or number
	CodeExpectedChoice    = "expected_choice"    // … for a single choice
	CodeExpectedChoices   = "expected_choices"   // … for a multiple choice
	CodeExpectedText      = "expected_text"      // … for a free text
	CodeTooSmall          = "too_small"          // params: min
	CodeTooLarge          = "too_large"          // params: max
	CodeEmptyResponse     = "empty_response"     // no question answered
	CodeAnonymousAudience = "anonymous_audience" // a volunteer named on a beneficiaries' survey
)

// FieldError says which field is wrong and why.
type FieldError struct {
	Field  string         // the JSON name of the field, e.g. "email"
	Code   string         // one of the Code* constants
	Params map[string]any // values for the message, e.g. {"max": 200}
}

// ValidationError lists every problem found in one piece of input, so that a form can show all
// of them at once instead of one per attempt.
type ValidationError struct {
	Fields []FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, 0, len(e.Fields))
	for _, f := range e.Fields {
		parts = append(parts, f.Field+": "+f.Code)
	}
	return "invalid input: " + strings.Join(parts, ", ")
}

// add records one problem with a field.
func (e *ValidationError) add(field, code string, params map[string]any) {
	e.Fields = append(e.Fields, FieldError{Field: field, Code: code, Params: params})
}

// orNil returns the error only when it holds problems, so callers can `return v.orNil()`.
func (e *ValidationError) orNil() error {
	if len(e.Fields) == 0 {
		return nil
	}
	return e
}

// RuleError is a request that is well formed but breaks a rule of the work itself: a status
// change that makes no sense, a second open application to the same project. Code names the
// rule (one of the Rule* constants) and Params fill its message.
type RuleError struct {
	Code   string
	Params map[string]any
}

func (e *RuleError) Error() string { return "refused: " + e.Code }

// Rules a RuleError may name. They are part of the API: clients may rely on them.
const (
	RuleProjectTransition     = "project_transition"
	RuleApplicationTransition = "application_transition"
	RuleAlreadyApplied        = "already_applied"
	RuleProjectNotOpen        = "project_not_open"
	RuleVolunteerArchived     = "volunteer_archived"
	RuleTemplateAlreadyUsed   = "template_already_used"
	// RuleDayOverFull: the volunteer would have more than 24 hours on one day (params: date,
	// loggedHours — what is already logged that day).
	RuleDayOverFull = "day_over_full"
	// RuleDateOutsideProject: the day is before the project's start or after its end (params:
	// date, startDate, endDate).
	RuleDateOutsideProject = "date_outside_project"
	// RuleSurveyHasResponses: a survey that has responses keeps its questions, audience and
	// project or program, so that every response reads against the questions it answered; only
	// its title may change (params: count — its responses).
	RuleSurveyHasResponses = "survey_has_responses"
)

// ItemError says which item of a batch (a timesheet's entries, counted from 0) was refused, so
// that the form can point at the row; Err is the validation or rule error of that item.
type ItemError struct {
	Index int
	Err   error
}

func (e *ItemError) Error() string { return "item " + strconv.Itoa(e.Index) + ": " + e.Err.Error() }
func (e *ItemError) Unwrap() error { return e.Err }
