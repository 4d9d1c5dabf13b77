package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
)

// Consent is where a volunteer stands on one kind of consent.
type Consent struct {
	Kind        string `json:"kind" enum:"contact,sponsorNames,photos" doc:"contact: being contacted about projects; sponsorNames: being named to sponsors in reports; photos: appearing in photos"`
	Given       bool   `json:"given" doc:"True while the consent holds"`
	GivenAt     string `json:"givenAt" doc:"When it was last given (RFC 3339); empty when it never was"`
	WithdrawnAt string `json:"withdrawnAt" doc:"When that grant was withdrawn (RFC 3339); empty while it holds or when it was never given"`
}

// ConsentInput is a consent ticked, or not, on the form that creates a volunteer.
type ConsentInput struct {
	Kind  string `json:"kind" doc:"contact, sponsorNames or photos"`
	Given bool   `json:"given" doc:"Only consents given are recorded: leaving a box unticked records nothing"`
}

// ConsentRecord is one grant in a volunteer's history, with its withdrawal if any.
type ConsentRecord struct {
	Kind        string `json:"kind" enum:"contact,sponsorNames,photos"`
	GivenAt     string `json:"givenAt" doc:"RFC 3339"`
	WithdrawnAt string `json:"withdrawnAt" doc:"RFC 3339; empty while the consent holds"`
	RecordedBy  string `json:"recordedBy" doc:"Who entered the grant"`
	WithdrawnBy string `json:"withdrawnBy" doc:"Who entered the withdrawal; empty while the consent holds"`
}

// ConsentHistory is every grant of a volunteer, the newest first.
type ConsentHistory struct {
	Total int             `json:"total"`
	Items []ConsentRecord `json:"items"`
}

type consentSetInput struct {
	ID   string `path:"id" doc:"Volunteer ID"`
	Kind string `path:"kind" doc:"contact, sponsorNames or photos"`
	Body struct {
		Given bool `json:"given" doc:"true to record that the person gives this consent, false to record its withdrawal"`
	}
}

type consentOutput struct {
	Body Consent
}

type consentHistoryOutput struct {
	Body ConsentHistory
}

func (s *server) registerVolunteerConsents(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "setVolunteerConsent",
		Method:      http.MethodPut,
		Path:        "/api/volunteers/{id}/consents/{kind}",
		Summary:     "Give or withdraw a volunteer's consent",
		Description: "Records, dated now, that the person gives or withdraws one consent. Setting the state that already holds records nothing. " +
			"Giving again after a withdrawal starts a new record: the history keeps every grant.",
		Tags:   []string{"volunteers"},
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *consentSetInput) (*consentOutput, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		c, err := s.volunteers.SetConsent(ctx, actorFrom(ctx), id, domain.ConsentKind(in.Kind), in.Body.Given)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &consentOutput{Body: consentToAPI(domain.ConsentKind(in.Kind), c)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getVolunteerConsentHistory",
		Method:      http.MethodGet,
		Path:        "/api/volunteers/{id}/consents/history",
		Summary:     "Every consent a volunteer gave, and its withdrawal",
		Tags:        []string{"volunteers"},
		Errors:      []int{http.StatusNotFound},
	}, func(ctx context.Context, in *volunteerIDInput) (*consentHistoryOutput, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		list, err := s.volunteers.ConsentHistory(ctx, actorFrom(ctx), id)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := ConsentHistory{Total: len(list), Items: make([]ConsentRecord, len(list))}
		for i, c := range list {
			out.Items[i] = ConsentRecord{Kind: string(c.Kind), GivenAt: formatTimestamp(c.GivenAt),
				WithdrawnAt: optionalTimestamp(c.WithdrawnAt), RecordedBy: c.RecordedBy, WithdrawnBy: c.WithdrawnBy}
		}
		return &consentHistoryOutput{Body: out}, nil
	})
}

// consentsToAPI lists every kind, in the order forms show them, whether or not the person ever
// answered it: a reader never has to guess what a missing entry means.
func consentsToAPI(list []domain.Consent) []Consent {
	out := make([]Consent, len(domain.ConsentKinds))
	for i, kind := range domain.ConsentKinds {
		var latest domain.Consent
		for _, c := range list {
			if c.Kind == kind {
				latest = c
			}
		}
		out[i] = consentToAPI(kind, latest)
	}
	return out
}

func consentToAPI(kind domain.ConsentKind, c domain.Consent) Consent {
	return Consent{Kind: string(kind), Given: c.Active(), GivenAt: optionalTimestamp(c.GivenAt),
		WithdrawnAt: optionalTimestamp(c.WithdrawnAt)}
}

// consentsFromAPI keeps the consents given on a creation form. A kind that does not exist is
// passed on even when not given, so that the service reports it with the other problems.
func consentsFromAPI(in []ConsentInput) []domain.Consent {
	var out []domain.Consent
	for _, c := range in {
		kind := domain.ConsentKind(c.Kind)
		if c.Given || !kind.Valid() {
			out = append(out, domain.Consent{Kind: kind})
		}
	}
	return out
}

func optionalTimestamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return formatTimestamp(t)
}
