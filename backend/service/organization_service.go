package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// Organizations manages the associations helped, the sponsors and the sponsors' programs.
type Organizations struct {
	store *store.Store
	now   func() time.Time
}

// NewOrganizations returns the organization use cases.
func NewOrganizations(st *store.Store, now func() time.Time) *Organizations {
	return &Organizations{store: st, now: now}
}

// OrganizationWrite is an organization as entered in its form, plus what to do with the logo.
type OrganizationWrite struct {
	Organization domain.Organization // ID, Logo and times are ignored
	Logo         []byte              // a new image; empty keeps the current logo
	RemoveLogo   bool                // remove the current logo (ignored when Logo is given)
}

// Create validates and saves a new organization.
func (s *Organizations) Create(ctx context.Context, actor domain.Actor, in OrganizationWrite) (domain.Organization, error) {
	if !actor.CanManageProjects() {
		return domain.Organization{}, fmt.Errorf("create organization: %w", domain.ErrForbidden)
	}
	o, logo, err := checkOrganization(in)
	if err != nil {
		return domain.Organization{}, err
	}
	now := s.now().UTC()
	o.ID, o.CreatedAt, o.UpdatedAt = 0, now, now
	if err := s.store.CreateOrganization(ctx, &o, logo.Set); err != nil {
		return domain.Organization{}, fmt.Errorf("create organization: %w", err)
	}
	return s.store.Organization(ctx, o.ID)
}

// Update replaces an organization's profile. Its kind never changes: projects and programs
// rely on it.
func (s *Organizations) Update(ctx context.Context, actor domain.Actor, id int64, in OrganizationWrite) (domain.Organization, error) {
	if !actor.CanManageProjects() {
		return domain.Organization{}, fmt.Errorf("update organization: %w", domain.ErrForbidden)
	}
	current, err := s.store.Organization(ctx, id)
	if err != nil {
		return domain.Organization{}, err
	}
	in.Organization.Kind = current.Kind
	o, logo, err := checkOrganization(in)
	if err != nil {
		return domain.Organization{}, err
	}
	o.ID, o.UpdatedAt = id, s.now().UTC()
	if err := s.store.UpdateOrganization(ctx, o, logo); err != nil {
		return domain.Organization{}, fmt.Errorf("update organization: %w", err)
	}
	return s.store.Organization(ctx, id)
}

func checkOrganization(in OrganizationWrite) (domain.Organization, store.LogoUpdate, error) {
	o := in.Organization
	o.Normalize()
	problems := &domain.ValidationError{}
	collect(problems, o.Validate())
	var logo store.LogoUpdate
	if len(in.Logo) > 0 {
		l, err := domain.NewLogo(in.Logo)
		collect(problems, err)
		logo.Set = l
	} else {
		logo.Remove = in.RemoveLogo
	}
	if len(problems.Fields) > 0 {
		return o, logo, problems
	}
	o.Logo = nil
	return o, logo, nil
}

// Get returns one organization.
func (s *Organizations) Get(ctx context.Context, actor domain.Actor, id int64) (domain.Organization, error) {
	if !actor.CanReadProjects() {
		return domain.Organization{}, fmt.Errorf("read organization: %w", domain.ErrForbidden)
	}
	return s.store.Organization(ctx, id)
}

// Logo returns an organization's logo image, or domain.ErrNotFound.
func (s *Organizations) Logo(ctx context.Context, actor domain.Actor, id int64) (*domain.Logo, error) {
	if !actor.CanReadProjects() {
		return nil, fmt.Errorf("read organization logo: %w", domain.ErrForbidden)
	}
	return s.store.OrganizationLogoByID(ctx, id)
}

// List returns organizations by name, filtered by kind and text.
func (s *Organizations) List(ctx context.Context, actor domain.Actor, f store.OrganizationFilter) ([]domain.Organization, int, error) {
	if !actor.CanReadProjects() {
		return nil, 0, fmt.Errorf("list organizations: %w", domain.ErrForbidden)
	}
	return s.store.Organizations(ctx, f)
}

// CreateProgram validates and saves a sponsor's new program.
func (s *Organizations) CreateProgram(ctx context.Context, actor domain.Actor, p domain.Program) (domain.Program, error) {
	if !actor.CanManageProjects() {
		return domain.Program{}, fmt.Errorf("create program: %w", domain.ErrForbidden)
	}
	p.Normalize()
	problems := &domain.ValidationError{}
	collect(problems, p.Validate())
	if p.SponsorID != 0 {
		if err := gather(problems, checkOrganizationKind(ctx, s.store, "sponsorId", p.SponsorID, domain.KindSponsor)); err != nil {
			return domain.Program{}, fmt.Errorf("create program: %w", err)
		}
	}
	if len(problems.Fields) > 0 {
		return domain.Program{}, problems
	}
	now := s.now().UTC()
	p.ID, p.CreatedAt, p.UpdatedAt = 0, now, now
	if err := s.store.CreateProgram(ctx, &p); err != nil {
		return domain.Program{}, fmt.Errorf("create program: %w", err)
	}
	return s.store.Program(ctx, p.ID)
}

// UpdateProgram replaces a program's name, description and dates; its sponsor is kept.
func (s *Organizations) UpdateProgram(ctx context.Context, actor domain.Actor, id int64, p domain.Program) (domain.Program, error) {
	if !actor.CanManageProjects() {
		return domain.Program{}, fmt.Errorf("update program: %w", domain.ErrForbidden)
	}
	current, err := s.store.Program(ctx, id)
	if err != nil {
		return domain.Program{}, err
	}
	p.Normalize()
	p.ID, p.SponsorID = id, current.SponsorID
	if err := p.Validate(); err != nil {
		return domain.Program{}, err
	}
	p.UpdatedAt = s.now().UTC()
	if err := s.store.UpdateProgram(ctx, p); err != nil {
		return domain.Program{}, fmt.Errorf("update program: %w", err)
	}
	return s.store.Program(ctx, id)
}

// Program returns one program.
func (s *Organizations) Program(ctx context.Context, actor domain.Actor, id int64) (domain.Program, error) {
	if !actor.CanReadProjects() {
		return domain.Program{}, fmt.Errorf("read program: %w", domain.ErrForbidden)
	}
	return s.store.Program(ctx, id)
}

// Programs lists the programs of a sponsor (of every sponsor when sponsorID is 0).
func (s *Organizations) Programs(ctx context.Context, actor domain.Actor, sponsorID int64) ([]domain.Program, error) {
	if !actor.CanReadProjects() {
		return nil, fmt.Errorf("list programs: %w", domain.ErrForbidden)
	}
	return s.store.Programs(ctx, sponsorID)
}

// checkOrganizationKind reports, as a problem with field, an organization ID that names nothing
// or an organization of the other kind.
func checkOrganizationKind(ctx context.Context, st *store.Store, field string, id int64, kind domain.OrganizationKind) error {
	o, err := st.Organization(ctx, id)
	if errors.Is(err, domain.ErrNotFound) {
		return &domain.ValidationError{Fields: []domain.FieldError{{Field: field, Code: domain.CodeUnknownReference}}}
	}
	if err != nil {
		return err
	}
	if o.Kind != kind {
		code := domain.CodeNotASponsor
		if kind == domain.KindAssociation {
			code = domain.CodeNotAnAssociation
		}
		return &domain.ValidationError{Fields: []domain.FieldError{{Field: field, Code: code}}}
	}
	return nil
}

// gather adds the field problems of err to all and returns any other error, which must stop
// the use case (a failed read is not a problem with the input).
func gather(all *domain.ValidationError, err error) error {
	var v *domain.ValidationError
	if errors.As(err, &v) {
		all.Fields = append(all.Fields, v.Fields...)
		return nil
	}
	return err
}
