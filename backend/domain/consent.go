package domain

import "time"

// ConsentKind is something a person may agree to, and withdraw at any time (GDPR art. 7).
type ConsentKind string

const (
	ConsentContact      ConsentKind = "contact"      // being contacted about projects
	ConsentSponsorNames ConsentKind = "sponsorNames" // being named to sponsors in reports
	ConsentPhotos       ConsentKind = "photos"       // appearing in photos
)

// ConsentKinds lists the kinds in the order forms show them.
var ConsentKinds = []ConsentKind{ConsentContact, ConsentSponsorNames, ConsentPhotos}

// Valid tells whether k is a known kind.
func (k ConsentKind) Valid() bool {
	for _, known := range ConsentKinds {
		if k == known {
			return true
		}
	}
	return false
}

// Consent records when a person agreed to something and, once withdrawn, when. A consent given
// again after a withdrawal starts a new record, so the history stays.
type Consent struct {
	Kind        ConsentKind
	GivenAt     time.Time
	WithdrawnAt time.Time // zero while the consent holds
	// RecordedBy and WithdrawnBy are the IDs of the actors who entered the grant and the
	// withdrawal: a consent is an act of the person, entered by someone who answers for it.
	RecordedBy  string
	WithdrawnBy string
}

// Active tells whether the consent holds now.
func (c Consent) Active() bool { return !c.GivenAt.IsZero() && c.WithdrawnAt.IsZero() }
