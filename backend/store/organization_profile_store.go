package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/civisphere/civisphere/backend/domain"
)

// LogoUpdate says what a save does to the logo. The zero value keeps the current one.
type LogoUpdate struct {
	Set    *domain.Logo // replace with this logo
	Remove bool         // remove the logo (ignored when Set is given)
}

// OrganizationProfile returns the association's profile, or the zero profile (zero UpdatedAt)
// when it was never saved. The logo's bytes are not loaded: see OrganizationLogo.
func (s *Store) OrganizationProfile(ctx context.Context) (domain.OrganizationProfile, error) {
	var (
		p         domain.OrganizationProfile
		logo      domain.LogoInfo
		updatedAt string
	)
	err := s.ro.QueryRowContext(ctx, `
		SELECT name, address, postcode, city, registration_number, email, phone, website,
		       signatory_name, signatory_role, logo_media_type, logo_width, logo_height, logo_digest, updated_at
		FROM organization_profile WHERE id = 1`).Scan(
		&p.Name, &p.Address, &p.Postcode, &p.City, &p.RegistrationNumber, &p.Email, &p.Phone, &p.Website,
		&p.SignatoryName, &p.SignatoryRole, &logo.MediaType, &logo.Width, &logo.Height, &logo.Digest, &updatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.OrganizationProfile{}, nil
	}
	if err != nil {
		return p, fmt.Errorf("read organization profile: %w", err)
	}
	if p.UpdatedAt, err = parseTime(updatedAt); err != nil {
		return p, fmt.Errorf("read organization profile: updated_at: %w", err)
	}
	if logo.MediaType != "" {
		p.Logo = &logo
	}
	return p, nil
}

// OrganizationLogo returns the logo with its bytes, or domain.ErrNotFound.
func (s *Store) OrganizationLogo(ctx context.Context) (*domain.Logo, error) {
	var logo domain.Logo
	err := s.ro.QueryRowContext(ctx, `
		SELECT logo, logo_media_type, logo_width, logo_height, logo_digest
		FROM organization_profile WHERE id = 1 AND logo IS NOT NULL`).Scan(
		&logo.Data, &logo.MediaType, &logo.Width, &logo.Height, &logo.Digest)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("read organization logo: %w", err)
	}
	return &logo, nil
}

// SaveOrganizationProfile writes the profile (already validated) and applies the logo update,
// in one transaction. p.Logo is ignored: the logo changes only through logo.
func (s *Store) SaveOrganizationProfile(ctx context.Context, p domain.OrganizationProfile, logo LogoUpdate) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO organization_profile
				(id, name, address, postcode, city, registration_number, email, phone, website,
				 signatory_name, signatory_role, updated_at)
			VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET
				name = excluded.name, address = excluded.address, postcode = excluded.postcode,
				city = excluded.city, registration_number = excluded.registration_number,
				email = excluded.email, phone = excluded.phone, website = excluded.website,
				signatory_name = excluded.signatory_name, signatory_role = excluded.signatory_role,
				updated_at = excluded.updated_at`,
			p.Name, p.Address, p.Postcode, p.City, p.RegistrationNumber, p.Email, p.Phone, p.Website,
			p.SignatoryName, p.SignatoryRole, formatTime(p.UpdatedAt))
		if err != nil {
			return fmt.Errorf("save organization profile: %w", err)
		}
		switch {
		case logo.Set != nil:
			_, err = tx.ExecContext(ctx, `
				UPDATE organization_profile
				SET logo = ?, logo_media_type = ?, logo_width = ?, logo_height = ?, logo_digest = ?
				WHERE id = 1`,
				logo.Set.Data, logo.Set.MediaType, logo.Set.Width, logo.Set.Height, logo.Set.Digest)
		case logo.Remove:
			_, err = tx.ExecContext(ctx, `
				UPDATE organization_profile
				SET logo = NULL, logo_media_type = '', logo_width = 0, logo_height = 0, logo_digest = ''
				WHERE id = 1`)
		}
		if err != nil {
			return fmt.Errorf("save organization logo: %w", err)
		}
		return nil
	})
}
