package domain

import (
	"strings"
	"time"
)

// ApplicationStatus is the stage of a volunteer's application to a project.
type ApplicationStatus string

const (
	ApplicationApplied     ApplicationStatus = "applied"
	ApplicationShortlisted ApplicationStatus = "shortlisted"
	ApplicationAccepted    ApplicationStatus = "accepted"
	ApplicationDeclined    ApplicationStatus = "declined"
	ApplicationWithdrawn   ApplicationStatus = "withdrawn"
)

// ApplicationStatuses lists the stages in board order.
var ApplicationStatuses = []ApplicationStatus{
	ApplicationApplied, ApplicationShortlisted, ApplicationAccepted, ApplicationDeclined, ApplicationWithdrawn,
}

// applicationTransitions are the moves that make sense on a recruitment board. Declined and
// withdrawn are final: someone who comes back applies again, which keeps the history honest.
// An accepted volunteer may still leave the team (withdrawn) or be let go (declined).
var applicationTransitions = map[ApplicationStatus][]ApplicationStatus{
	ApplicationApplied:     {ApplicationShortlisted, ApplicationAccepted, ApplicationDeclined, ApplicationWithdrawn},
	ApplicationShortlisted: {ApplicationApplied, ApplicationAccepted, ApplicationDeclined, ApplicationWithdrawn},
	ApplicationAccepted:    {ApplicationShortlisted, ApplicationDeclined, ApplicationWithdrawn},
	ApplicationDeclined:    nil,
	ApplicationWithdrawn:   nil,
}

// Open tells whether the application is still under way: a volunteer holds at most one open
// application per project.
func (s ApplicationStatus) Open() bool {
	return s == ApplicationApplied || s == ApplicationShortlisted || s == ApplicationAccepted
}

// CanBecome tells whether an application may move from s to next; staying put is allowed.
func (s ApplicationStatus) CanBecome(next ApplicationStatus) bool {
	if s == next {
		return true
	}
	for _, allowed := range applicationTransitions[s] {
		if allowed == next {
			return true
		}
	}
	return false
}

// ValidApplicationStatus tells whether s is a known stage.
func ValidApplicationStatus(s ApplicationStatus) bool {
	_, ok := applicationTransitions[s]
	return ok
}

// ApplicationOrigin says who started an application.
type ApplicationOrigin string

const (
	OriginApplied ApplicationOrigin = "applied" // the volunteer applied
	OriginInvited ApplicationOrigin = "invited" // a coordinator invited a suggested volunteer
)

const maxApplicationMessageRunes = 2000

// Application is a volunteer's candidacy for a project.
type Application struct {
	ID          int64
	ProjectID   int64
	VolunteerID int64
	Status      ApplicationStatus
	Origin      ApplicationOrigin
	Message     string // the volunteer's motivation or the coordinator's invitation
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Normalize trims the message and fills the defaults of a new application.
func (a *Application) Normalize() {
	a.Message = strings.TrimSpace(a.Message)
	if a.Status == "" {
		a.Status = ApplicationApplied
	}
	if a.Origin == "" {
		a.Origin = OriginApplied
	}
}

// Validate checks the fields of a new application.
func (a Application) Validate() error {
	v := &ValidationError{}
	if a.VolunteerID == 0 {
		v.add("volunteerId", CodeRequired, nil)
	}
	if !a.Status.Open() {
		// A new application starts in an open stage; closing one is a move on the board.
		v.add("status", CodeInvalidChoice, map[string]any{"choices": "applied, shortlisted, accepted"})
	}
	if a.Origin != OriginApplied && a.Origin != OriginInvited {
		v.add("origin", CodeInvalidChoice, map[string]any{"choices": "applied, invited"})
	}
	checkLength(v, "message", a.Message, maxApplicationMessageRunes)
	return v.orNil()
}
