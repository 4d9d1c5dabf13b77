package service

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// Hours records the time volunteers give, its review by coordinators and its value.
type Hours struct {
	store      *store.Store
	volunteers *Volunteers
	now        func() time.Time
}

// NewHours returns the hours use cases. Skills are resolved like a profile's (any name or
// synonym), through the volunteers' service.
func NewHours(st *store.Store, volunteers *Volunteers, now func() time.Time) *Hours {
	return &Hours{store: st, volunteers: volunteers, now: now}
}

// HourLine is an entry with its names and its value at today's hourly rates.
type HourLine struct {
	store.HourEntryView
	ValueCents int64
}

// HourPage is a page of entries and the totals of every entry the filter matches.
type HourPage struct {
	Items  []HourLine
	Total  int
	Totals domain.HourTotals
}

// maxEntriesPerBatch bounds one timesheet: a month of days for a team is far below it.
const maxEntriesPerBatch = 2000

// Create saves entries (one, or a timesheet's worth) in one transaction: all are saved or none.
// A refused entry is reported as a *domain.ItemError naming its index.
func (s *Hours) Create(ctx context.Context, actor domain.Actor, entries []domain.HourEntry) ([]HourLine, error) {
	if !actor.CanManageProjects() {
		return nil, fmt.Errorf("log hours: %w", domain.ErrForbidden)
	}
	if len(entries) == 0 {
		return nil, &domain.ValidationError{Fields: []domain.FieldError{{Field: "entries", Code: domain.CodeRequired}}}
	}
	if len(entries) > maxEntriesPerBatch {
		return nil, &domain.ValidationError{Fields: []domain.FieldError{{Field: "entries", Code: domain.CodeTooMany,
			Params: map[string]any{"max": maxEntriesPerBatch}}}}
	}
	now := s.now().UTC()
	ptrs := make([]*domain.HourEntry, len(entries))
	levels := map[int64]map[string]domain.SkillLevel{}
	for i := range entries {
		e := &entries[i]
		e.ID, e.Status, e.ReviewedBy, e.ReviewedAt = 0, domain.HoursPending, "", time.Time{}
		if err := s.prepare(ctx, e, levels); err != nil {
			return nil, &domain.ItemError{Index: i, Err: err}
		}
		e.CreatedAt, e.UpdatedAt = now, now
		ptrs[i] = e
	}
	perVolunteer := map[int64]int{}
	for _, e := range entries {
		perVolunteer[e.VolunteerID]++
	}
	audited := withAuditPerVolunteer(ctx, now, actor, domain.AuditHoursLogged, perVolunteer,
		func(n int) string { return fmt.Sprintf("entries=%d", n) })
	if err := s.store.CreateHourEntries(audited, ptrs, s.today()); err != nil {
		return nil, err
	}
	ids := make([]int64, len(entries))
	for i, e := range entries {
		ids[i] = e.ID
	}
	lines, err := s.lines(ctx, store.HourFilter{IDs: ids})
	if err != nil {
		return nil, err
	}
	// In the order given, so that the caller can match each saved entry to its row.
	slices.SortFunc(lines, func(a, b HourLine) int { return cmp.Compare(a.ID, b.ID) })
	return lines, nil
}

// prepare normalizes and validates an entry, resolves its skill to the taxonomy and, when no level
// was given, takes the volunteer's level in that skill from their profile.
func (s *Hours) prepare(ctx context.Context, e *domain.HourEntry, levels map[int64]map[string]domain.SkillLevel) error {
	e.Normalize()
	if e.SkillID != "" || e.SkillName != "" {
		sk := s.volunteers.ResolveSkill(domain.VolunteerSkill{SkillID: e.SkillID, Name: e.SkillName})
		e.SkillID, e.SkillName, e.SkillDomain = sk.SkillID, sk.Name, ""
		if t, ok := s.volunteers.Taxonomy().Skill(sk.SkillID); ok {
			e.SkillDomain = t.Domain
		}
	} else {
		e.SkillDomain = ""
	}
	if err := e.Validate(); err != nil {
		return err
	}
	if e.SkillID == "" || e.Level != "" {
		return nil
	}
	known, ok := levels[e.VolunteerID]
	if !ok {
		v, err := s.store.Volunteer(ctx, e.VolunteerID)
		if errors.Is(err, domain.ErrNotFound) {
			return &domain.ValidationError{Fields: []domain.FieldError{{Field: "volunteerId", Code: domain.CodeUnknownReference}}}
		}
		if err != nil {
			return fmt.Errorf("read volunteer %d: %w", e.VolunteerID, err)
		}
		known = map[string]domain.SkillLevel{}
		for _, sk := range v.Skills {
			known[sk.SkillID] = sk.Level
		}
		levels[e.VolunteerID] = known
	}
	e.Level = known[e.SkillID]
	return nil
}

// Update replaces an entry. A change to what was reviewed (who, where, when, how long, which
// skill) sends an approved or rejected entry back to pending: the figure a sponsor sees must
// always have been approved as it stands.
func (s *Hours) Update(ctx context.Context, actor domain.Actor, e domain.HourEntry) (HourLine, error) {
	if !actor.CanManageProjects() {
		return HourLine{}, fmt.Errorf("change hours: %w", domain.ErrForbidden)
	}
	old, err := s.store.HourEntry(ctx, e.ID)
	if err != nil {
		return HourLine{}, err
	}
	if err := s.prepare(ctx, &e, map[int64]map[string]domain.SkillLevel{}); err != nil {
		return HourLine{}, err
	}
	e.Status, e.ReviewedBy, e.ReviewedAt = old.Status, old.ReviewedBy, old.ReviewedAt
	e.EnteredBy, e.CreatedAt = old.EnteredBy, old.CreatedAt
	if e.VolunteerID != old.VolunteerID || e.ProjectID != old.ProjectID || e.Date != old.Date ||
		e.Minutes != old.Minutes || e.SkillID != old.SkillID || e.Level != old.Level {
		e.Status, e.ReviewedBy, e.ReviewedAt = domain.HoursPending, "", time.Time{}
	}
	e.UpdatedAt = s.now().UTC()
	// The person the entry was about, and the one it is about now when it moved to another.
	touched := map[int64]int{e.VolunteerID: 1}
	if old.VolunteerID != 0 {
		touched[old.VolunteerID] = 1
	}
	audited := withAuditPerVolunteer(ctx, e.UpdatedAt, actor, domain.AuditHoursChanged, touched,
		func(int) string { return fmt.Sprintf("entry=%d status=%s", e.ID, e.Status) })
	if err := s.store.UpdateHourEntry(audited, e, s.today()); err != nil {
		return HourLine{}, err
	}
	return s.line(ctx, e.ID)
}

// Delete removes an entry.
func (s *Hours) Delete(ctx context.Context, actor domain.Actor, id int64) error {
	if !actor.CanManageProjects() {
		return fmt.Errorf("delete hours: %w", domain.ErrForbidden)
	}
	old, err := s.store.HourEntry(ctx, id)
	if err != nil {
		return err
	}
	return s.store.DeleteHourEntry(withAudit(ctx, s.now().UTC(), actor, domain.AuditHoursDeleted, &old.VolunteerID,
		fmt.Sprintf("entry=%d day=%s minutes=%d", id, old.Date, old.Minutes)), id)
}

// Review approves, rejects or sends back to pending the given entries at once and returns how
// many changed. Unknown IDs are reported as not found and nothing changes.
func (s *Hours) Review(ctx context.Context, actor domain.Actor, ids []int64, status domain.HourStatus, reviewer string) (int, error) {
	if !actor.CanManageProjects() {
		return 0, fmt.Errorf("review hours: %w", domain.ErrForbidden)
	}
	if !status.Valid() {
		return 0, &domain.ValidationError{Fields: []domain.FieldError{{Field: "status", Code: domain.CodeInvalidChoice,
			Params: map[string]any{"choices": "pending, approved, rejected"}}}}
	}
	if len(ids) == 0 {
		return 0, &domain.ValidationError{Fields: []domain.FieldError{{Field: "ids", Code: domain.CodeRequired}}}
	}
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	found, _, err := s.store.HourEntries(ctx, store.HourFilter{IDs: ids})
	if err != nil {
		return 0, err
	}
	if len(found) != len(ids) {
		return 0, fmt.Errorf("review hours: %w", domain.ErrNotFound)
	}
	if reviewer == "" {
		reviewer = actor.ID
	}
	perVolunteer, err := s.store.HourEntryVolunteers(ctx, ids)
	if err != nil {
		return 0, err
	}
	now := s.now().UTC()
	audited := withAuditPerVolunteer(ctx, now, actor, domain.AuditHoursReviewed, perVolunteer,
		func(n int) string { return fmt.Sprintf("entries=%d status=%s", n, status) })
	return s.store.ReviewHourEntries(audited, ids, status, reviewer, now)
}

// Get returns one entry.
func (s *Hours) Get(ctx context.Context, actor domain.Actor, id int64) (HourLine, error) {
	if !actor.CanReadProjects() {
		return HourLine{}, fmt.Errorf("read hours: %w", domain.ErrForbidden)
	}
	return s.line(ctx, id)
}

// List returns a page of entries, most recent first, and the totals of all the filter matches.
func (s *Hours) List(ctx context.Context, actor domain.Actor, f store.HourFilter) (HourPage, error) {
	if !actor.CanReadProjects() {
		return HourPage{}, fmt.Errorf("list hours: %w", domain.ErrForbidden)
	}
	rates, err := s.store.HourRates(ctx)
	if err != nil {
		return HourPage{}, err
	}
	views, total, err := s.store.HourEntries(ctx, f)
	if err != nil {
		return HourPage{}, err
	}
	all := f
	all.Limit, all.Offset = 0, 0
	groups, err := s.store.HourGroups(ctx, all, store.ByNothing)
	if err != nil {
		return HourPage{}, err
	}
	return HourPage{Items: valued(views, rates), Total: total, Totals: totalsOf(groups, rates)}, nil
}

func (s *Hours) line(ctx context.Context, id int64) (HourLine, error) {
	lines, err := s.lines(ctx, store.HourFilter{IDs: []int64{id}})
	if err != nil {
		return HourLine{}, err
	}
	if len(lines) == 0 {
		return HourLine{}, domain.ErrNotFound
	}
	return lines[0], nil
}

func (s *Hours) lines(ctx context.Context, f store.HourFilter) ([]HourLine, error) {
	rates, err := s.store.HourRates(ctx)
	if err != nil {
		return nil, err
	}
	views, _, err := s.store.HourEntries(ctx, f)
	if err != nil {
		return nil, err
	}
	return valued(views, rates), nil
}

func valued(views []store.HourEntryView, rates domain.HourRates) []HourLine {
	lines := make([]HourLine, len(views))
	for i, v := range views {
		lines[i] = HourLine{HourEntryView: v, ValueCents: rates.EntryValueCents(v.HourEntry)}
	}
	return lines
}

// groupValueCents is the value of a group of entries at the given rates.
func groupValueCents(g store.HourGroup, rates domain.HourRates) int64 {
	e := domain.HourEntry{Minutes: g.Minutes, SkillDomain: g.SkillDomain, Level: g.Level}
	if g.HasSkill {
		e.SkillID = "any"
	}
	return rates.EntryValueCents(e)
}

// totalsOf sums groups into totals; the value counts approved hours only.
func totalsOf(groups []store.HourGroup, rates domain.HourRates) domain.HourTotals {
	var t domain.HourTotals
	for _, g := range groups {
		t.Entries += g.Entries
		t.Minutes += g.Minutes
		switch g.Status {
		case domain.HoursApproved:
			t.ApprovedMinutes += g.Minutes
			t.ValueCents += groupValueCents(g, rates)
		case domain.HoursPending:
			t.PendingMinutes += g.Minutes
		}
	}
	return t
}

func (s *Hours) today() string { return s.now().Local().Format(time.DateOnly) }

// HourRatesView is the hourly values and the domains they may be set for.
type HourRatesView struct {
	Rates   domain.HourRates
	Domains []taxonomy.Domain
}

// Rates returns the hourly values in force.
func (s *Hours) Rates(ctx context.Context, actor domain.Actor) (HourRatesView, error) {
	if !actor.CanReadProjects() {
		return HourRatesView{}, fmt.Errorf("read hourly values: %w", domain.ErrForbidden)
	}
	r, err := s.store.HourRates(ctx)
	if err != nil {
		return HourRatesView{}, err
	}
	return HourRatesView{Rates: r, Domains: s.volunteers.Taxonomy().Domains()}, nil
}

// SaveRates replaces the hourly values; every domain must be one of the taxonomy's.
func (s *Hours) SaveRates(ctx context.Context, actor domain.Actor, r domain.HourRates) (HourRatesView, error) {
	if !actor.CanManageSettings() {
		return HourRatesView{}, fmt.Errorf("save hourly values: %w", domain.ErrForbidden)
	}
	problems := &domain.ValidationError{}
	collect(problems, r.Validate())
	known := map[string]bool{}
	for _, d := range s.volunteers.Taxonomy().Domains() {
		known[d.ID] = true
	}
	for d := range r.Domains {
		if !known[d] {
			problems.Fields = append(problems.Fields, domain.FieldError{Field: "domains." + d, Code: domain.CodeUnknownReference})
		}
	}
	if len(problems.Fields) > 0 {
		return HourRatesView{}, problems
	}
	if err := s.store.SaveHourRates(ctx, r, s.now().UTC()); err != nil {
		return HourRatesView{}, err
	}
	return s.Rates(ctx, actor)
}
