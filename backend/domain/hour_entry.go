package domain

import (
	"math"
	"strings"
	"time"
)

// HourStatus is where an hour entry stands in the coordinator's review.
type HourStatus string

const (
	HoursPending  HourStatus = "pending"
	HoursApproved HourStatus = "approved"
	HoursRejected HourStatus = "rejected"
)

// HourStatuses lists the statuses in review order.
var HourStatuses = []HourStatus{HoursPending, HoursApproved, HoursRejected}

// Valid tells whether s is a known status.
func (s HourStatus) Valid() bool {
	for _, known := range HourStatuses {
		if s == known {
			return true
		}
	}
	return false
}

// MaxMinutesPerDay is the most one volunteer can log on one day, all projects together.
const MaxMinutesPerDay = 24 * 60

const maxHourNoteRunes = 1000

// HourEntry is time a volunteer gave to a project on one day. Time is kept in whole minutes so
// that totals add up exactly (0.1 h + 0.2 h is 18 minutes, not 0.30000000000000004 h).
type HourEntry struct {
	ID          int64
	VolunteerID int64
	ProjectID   int64
	Date        string // YYYY-MM-DD
	Minutes     int
	// SkillID names the skill used: a taxonomy ID, a custom skill ("custom:<slug>"), or "" when
	// none was given. SkillName is the text as entered, kept for custom skills.
	SkillID   string
	SkillName string
	// SkillDomain is the taxonomy domain of the skill ("finance"), empty for a custom skill or
	// none. Kept with the entry so that totals by domain need no lookup.
	SkillDomain string
	// Level is the volunteer's level in that skill when the entry was made; it picks the hourly
	// value. Empty when unknown.
	Level      SkillLevel
	Note       string
	Status     HourStatus
	ReviewedBy string    // who approved or rejected, empty while pending
	ReviewedAt time.Time // zero while pending
	EnteredBy  string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// HoursToMinutes turns decimal hours as typed (1.5, 0.25) into whole minutes, rounding to the
// nearest minute. It reports false for values that are not finite.
func HoursToMinutes(h float64) (int, bool) {
	if math.IsNaN(h) || math.IsInf(h, 0) || math.Abs(h) > 1e6 {
		return 0, false
	}
	return int(math.Round(h * 60)), true
}

// MinutesToHours gives decimal hours rounded to the hundredth, as shown and exported.
func MinutesToHours(minutes int) float64 {
	return math.Round(float64(minutes)/60*100) / 100
}

// Hours is the entry's time in decimal hours.
func (e HourEntry) Hours() float64 { return MinutesToHours(e.Minutes) }

// Normalize trims the texts and starts new entries as pending.
func (e *HourEntry) Normalize() {
	e.Date = strings.TrimSpace(e.Date)
	e.Note = strings.TrimSpace(e.Note)
	e.SkillID = strings.TrimSpace(e.SkillID)
	e.SkillName = collapseSpaces(e.SkillName)
	if e.Status == "" {
		e.Status = HoursPending
	}
}

// Validate checks the entry on its own: a date, more than zero and at most 24 hours. Rules that
// need other entries (24 hours a day across entries) or the project (its dates) are checked by
// the service, which knows them.
func (e HourEntry) Validate() error {
	v := &ValidationError{}
	if e.VolunteerID <= 0 {
		v.add("volunteerId", CodeRequired, nil)
	}
	if e.ProjectID <= 0 {
		v.add("projectId", CodeRequired, nil)
	}
	if e.Date == "" {
		v.add("date", CodeRequired, nil)
	} else {
		checkDate(v, "date", e.Date)
	}
	switch {
	case e.Minutes <= 0:
		v.add("hours", CodeHoursNotPositive, nil)
	case e.Minutes > MaxMinutesPerDay:
		v.add("hours", CodeOutOfRange, map[string]any{"min": 0, "max": 24})
	}
	if e.Level != "" && e.Level.Rank() == 0 {
		v.add("level", CodeInvalidChoice, nil)
	}
	if !e.Status.Valid() {
		v.add("status", CodeInvalidChoice, nil)
	}
	checkLength(v, "note", e.Note, maxHourNoteRunes)
	checkLength(v, "skill", e.SkillName, maxSkillNameRunes)
	return v.orNil()
}

// HourTotals sums entries: time and value (in cents, see HourRates), by status.
type HourTotals struct {
	Entries         int
	Minutes         int
	ApprovedMinutes int
	PendingMinutes  int
	ValueCents      int64 // value of the approved minutes
}

// CheckHourEntryFits checks the rules that need more than the entry: not after today, within the
// project's dates (either may be empty), and no more than 24 hours on that day for the volunteer
// once loggedMinutes (what they already have that day, rejected entries and this entry aside) is
// counted.
func CheckHourEntryFits(e HourEntry, loggedMinutes int, projectStart, projectEnd, today string) error {
	if today != "" && e.Date > today {
		return &ValidationError{Fields: []FieldError{{Field: "date", Code: CodeDateInFuture}}}
	}
	if (projectStart != "" && e.Date < projectStart) || (projectEnd != "" && e.Date > projectEnd) {
		return &RuleError{Code: RuleDateOutsideProject, Params: map[string]any{
			"date": e.Date, "startDate": projectStart, "endDate": projectEnd}}
	}
	if e.Status != HoursRejected && loggedMinutes+e.Minutes > MaxMinutesPerDay {
		return &RuleError{Code: RuleDayOverFull, Params: map[string]any{
			"date": e.Date, "loggedHours": MinutesToHours(loggedMinutes)}}
	}
	return nil
}
