package service

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

// Consents of volunteers (GDPR art. 7): each is dated, may be withdrawn at any time, and every
// grant and withdrawal stays in the person's history. They are entered by a coordinator on the
// person's word, so the actor who entered each change is kept with it.

// SetConsent records that a volunteer gives (given true) or withdraws a consent, now. Setting
// the state that already holds changes nothing. It returns the latest record of that kind.
func (s *Volunteers) SetConsent(ctx context.Context, actor domain.Actor, volunteerID int64, kind domain.ConsentKind, given bool) (domain.Consent, error) {
	if !actor.CanManageVolunteers() {
		return domain.Consent{}, fmt.Errorf("set consent: %w", domain.ErrForbidden)
	}
	if err := checkConsentKind("kind", kind); err != nil {
		return domain.Consent{}, err
	}
	now := s.now().UTC()
	c, changed, err := s.store.SetConsent(ctx, volunteerID, kind, given, now, actor.ID)
	if err != nil {
		return domain.Consent{}, err
	}
	if changed {
		// Apart from the change: a consent set to what already holds records nothing, and
		// only the store knows whether it did.
		if err := recordAudit(ctx, s.store, now, actor, domain.AuditConsentChanged, volunteerID,
			fmt.Sprintf("kind=%s given=%t", kind, given)); err != nil {
			return domain.Consent{}, err
		}
	}
	return c, nil
}

// ConsentHistory returns every grant of a volunteer, with its withdrawal if any, the newest
// first, or domain.ErrNotFound for an unknown volunteer.
func (s *Volunteers) ConsentHistory(ctx context.Context, actor domain.Actor, volunteerID int64) ([]domain.Consent, error) {
	if !actor.CanReadVolunteers() {
		return nil, fmt.Errorf("read consent history: %w", domain.ErrForbidden)
	}
	if _, err := s.store.Volunteer(ctx, volunteerID); err != nil {
		return nil, err
	}
	return s.store.ConsentHistory(ctx, volunteerID)
}

// VolunteersConsenting tells which of the volunteers given hold a consent of kind now (true);
// the others are absent from the map. Reports use it to name only those who agreed.
func (s *Volunteers) VolunteersConsenting(ctx context.Context, actor domain.Actor, kind domain.ConsentKind, ids []int64) (map[int64]bool, error) {
	if !actor.CanReadVolunteers() {
		return nil, fmt.Errorf("read consents: %w", domain.ErrForbidden)
	}
	if err := checkConsentKind("kind", kind); err != nil {
		return nil, err
	}
	return s.store.VolunteersConsenting(ctx, kind, ids)
}

// CurrentConsents returns, for each of the volunteers given, the latest record of each kind they
// ever answered (given or withdrawn); volunteers without any record are absent.
func (s *Volunteers) CurrentConsents(ctx context.Context, actor domain.Actor, ids []int64) (map[int64][]domain.Consent, error) {
	if !actor.CanReadVolunteers() {
		return nil, fmt.Errorf("read consents: %w", domain.ErrForbidden)
	}
	return s.store.CurrentConsents(ctx, ids)
}

// initialConsents dates the consents given on the form that creates a volunteer (v.Consents
// lists the kinds given; whatever dates they carry are replaced) and checks their kinds.
func initialConsents(list []domain.Consent, actor domain.Actor, now time.Time) ([]domain.Consent, error) {
	out := make([]domain.Consent, 0, len(list))
	for _, c := range list {
		if err := checkConsentKind("consents", c.Kind); err != nil {
			return nil, err
		}
		out = append(out, domain.Consent{Kind: c.Kind, GivenAt: now, RecordedBy: actor.ID})
	}
	return out, nil
}

// load reads a volunteer with its current consents.
func (s *Volunteers) load(ctx context.Context, id int64) (domain.Volunteer, error) {
	v, err := s.store.Volunteer(ctx, id)
	if err != nil {
		return v, err
	}
	if v.Consents, err = s.store.VolunteerConsents(ctx, id); err != nil {
		return v, err
	}
	return v, nil
}

func checkConsentKind(field string, kind domain.ConsentKind) error {
	if kind.Valid() {
		return nil
	}
	names := make([]string, len(domain.ConsentKinds))
	for i, k := range domain.ConsentKinds {
		names[i] = string(k)
	}
	return &domain.ValidationError{Fields: []domain.FieldError{{Field: field, Code: domain.CodeInvalidChoice,
		Params: map[string]any{"choices": strings.Join(names, ", ")}}}}
}
