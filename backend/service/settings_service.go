// Package service holds Civisphère's use cases. Every call takes the Actor who makes it, checks
// what that actor may do, validates input with the domain's rules and writes through the store
// in one transaction. Both transports (the HTTP API in a browser and in the desktop window) go
// through here, so there is one set of rules.
package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// Settings manages the association's profile and the UI preferences of the installation.
type Settings struct {
	store *store.Store
	now   func() time.Time
}

// NewSettings returns the settings use cases; now is the clock (time.Now outside tests).
func NewSettings(st *store.Store, now func() time.Time) *Settings {
	return &Settings{store: st, now: now}
}

// ProfileUpdate is a complete profile as entered in the form, plus what to do with the logo.
type ProfileUpdate struct {
	Profile    domain.OrganizationProfile // Logo and UpdatedAt are ignored
	Logo       []byte                     // a new image; empty keeps the current logo
	RemoveLogo bool                       // remove the logo (ignored when Logo is given)
}

// OrganizationProfile returns the association's profile (zero UpdatedAt when never saved).
func (s *Settings) OrganizationProfile(ctx context.Context, _ domain.Actor) (domain.OrganizationProfile, error) {
	return s.store.OrganizationProfile(ctx)
}

// OrganizationLogo returns the logo image, or domain.ErrNotFound.
func (s *Settings) OrganizationLogo(ctx context.Context, _ domain.Actor) (*domain.Logo, error) {
	return s.store.OrganizationLogo(ctx)
}

// UpdateOrganizationProfile validates the whole form, logo included, and saves it all or
// nothing. Every problem is reported at once in a *domain.ValidationError.
func (s *Settings) UpdateOrganizationProfile(ctx context.Context, actor domain.Actor, in ProfileUpdate) (domain.OrganizationProfile, error) {
	if !actor.CanManageSettings() {
		return domain.OrganizationProfile{}, fmt.Errorf("update organization profile: %w", domain.ErrForbidden)
	}
	p := in.Profile
	p.Normalize()
	problems := &domain.ValidationError{}
	collect(problems, p.Validate())

	var logo store.LogoUpdate
	if len(in.Logo) > 0 {
		l, err := domain.NewLogo(in.Logo)
		collect(problems, err)
		logo.Set = l
	} else {
		logo.Remove = in.RemoveLogo
	}
	if len(problems.Fields) > 0 {
		return domain.OrganizationProfile{}, problems
	}

	p.Logo = nil
	p.UpdatedAt = s.now().UTC()
	if err := s.store.SaveOrganizationProfile(ctx, p, logo); err != nil {
		return domain.OrganizationProfile{}, fmt.Errorf("update organization profile: %w", err)
	}
	return s.store.OrganizationProfile(ctx)
}

// Preferences returns the UI preferences.
func (s *Settings) Preferences(ctx context.Context, _ domain.Actor) (domain.Preferences, error) {
	return s.store.Preferences(ctx)
}

// UpdatePreferences validates and saves the UI preferences.
func (s *Settings) UpdatePreferences(ctx context.Context, actor domain.Actor, p domain.Preferences) (domain.Preferences, error) {
	if !actor.CanManageSettings() {
		return domain.Preferences{}, fmt.Errorf("update preferences: %w", domain.ErrForbidden)
	}
	if err := p.Validate(); err != nil {
		return domain.Preferences{}, err
	}
	if err := s.store.SavePreferences(ctx, p, s.now()); err != nil {
		return domain.Preferences{}, fmt.Errorf("update preferences: %w", err)
	}
	return p, nil
}

// collect adds the field problems of err to all; any other error cannot happen in validators.
func collect(all *domain.ValidationError, err error) {
	var v *domain.ValidationError
	if errors.As(err, &v) {
		all.Fields = append(all.Fields, v.Fields...)
	}
}
