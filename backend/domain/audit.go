package domain

import "time"

// AuditAction is what an audit entry records.
type AuditAction string

// The acts on personal data the audit log records (GDPR art. 5(2) and 30: the association must
// be able to show who did what with whose data).
const (
	AuditVolunteerCreated   AuditAction = "volunteer.created"
	AuditVolunteerUpdated   AuditAction = "volunteer.updated"
	AuditVolunteerArchived  AuditAction = "volunteer.archived"
	AuditVolunteerRestored  AuditAction = "volunteer.restored"
	AuditVolunteersImported AuditAction = "volunteers.imported" // one entry per import, with counts
	AuditConsentChanged     AuditAction = "consent.changed"
	AuditVolunteerExported  AuditAction = "volunteer.exported"  // everything held on one person
	AuditVolunteersExported AuditAction = "volunteers.exported" // a list export (XLSX, CSV)
	AuditVolunteerErased    AuditAction = "volunteer.erased"
	AuditRetentionPurged    AuditAction = "retention.purged"
	AuditRetentionChanged   AuditAction = "retention.changed"
	AuditHoursLogged        AuditAction = "hours.logged"   // entries created for the person
	AuditHoursChanged       AuditAction = "hours.changed"  // one entry changed
	AuditHoursDeleted       AuditAction = "hours.deleted"  // one entry deleted
	AuditHoursReviewed      AuditAction = "hours.reviewed" // entries approved, rejected or reopened
	AuditApplicationCreated AuditAction = "application.created"
	AuditApplicationMoved   AuditAction = "application.moved"
)

// AuditRetentionMonths is how long audit entries are kept: long enough to answer a person's
// question about the past year, short enough not to become a second file on them.
const AuditRetentionMonths = 12

// AuditEntry is one act on personal data. Detail never holds personal data: field names,
// counts, formats, consent kinds.
type AuditEntry struct {
	ID          int64
	At          time.Time
	ActorID     string
	Action      AuditAction
	VolunteerID int64 // 0 for acts on a list (imports, list exports, purges)
	Detail      string
	// Erased is set on the entries about a person who has since been erased: the ID they
	// name may have been given to someone else.
	Erased bool
}

// Erasure is an entry of the ledger of erased people. It holds no personal data: the ID and the
// creation time of the profile tell the person apart from a later one given the same ID.
type Erasure struct {
	VolunteerID int64     `json:"volunteerId"`
	CreatedAt   time.Time `json:"createdAt"`
	ErasedAt    time.Time `json:"erasedAt"`
	Reason      string    `json:"reason"` // "request", "retention" or "reapplied"
	ActorID     string    `json:"actorId"`
}

// Erasure reasons.
const (
	ErasureOnRequest = "request"
	ErasureRetention = "retention"
	ErasureReapplied = "reapplied"
)

// Retention is how long an inactive volunteer's data is kept before it is proposed for purge.
type Retention struct {
	Months int
}

// DefaultRetentionMonths is three years without any activity: the period the CNIL (the French
// data-protection authority) commonly accepts for keeping contacts of people who no longer
// take part, counted from their last activity.
const DefaultRetentionMonths = 36

// Validate checks the period: at least a month, at most ten years.
func (r Retention) Validate() error {
	if r.Months < 1 || r.Months > 120 {
		return &ValidationError{Fields: []FieldError{{Field: "months", Code: CodeOutOfRange,
			Params: map[string]any{"min": 1, "max": 120}}}}
	}
	return nil
}
