package domain

import "time"

// NeedLevel says how strong an association's need is in one area of its work.
type NeedLevel string

const (
	NeedLow    NeedLevel = "low"
	NeedMedium NeedLevel = "medium"
	NeedHigh   NeedLevel = "high"
	// NeedNotAssessed is an area where no question was answered: nothing can be said of it.
	NeedNotAssessed NeedLevel = "notAssessed"
)

// NeedScore is the need of one area: 0 (nothing to do) to 100 (everything to build).
type NeedScore struct {
	Area      string // an area of the questionnaire: finance, communication, …
	Score     int
	Level     NeedLevel
	Answered  int // questions of the area answered
	Questions int // questions the area had
}

// Diagnostic is one needs diagnostic of an association: the answers given and the needs they
// showed on that day. Scores are kept as computed then, so that the history of an association
// stays what it was even when the questionnaire changes.
type Diagnostic struct {
	ID             int64
	OrganizationID int64
	Version        int               // the questionnaire's version the answers were given to
	Answers        map[string]string // question ID → option ID; unanswered questions are absent
	Needs          []NeedScore       // in the questionnaire's area order
	// Projects are the projects made from this diagnostic's suggestions: template ID → project ID.
	Projects  map[string]int64
	CreatedAt time.Time
}
