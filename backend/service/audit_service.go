package service

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// The audit log of acts on personal data: who changed, exported or erased whose data, and
// when. Entries about a change are written in the change's transaction (store.WithAudit);
// entries are kept AuditRetentionMonths, then pruned at start and daily.

// AuditPage is one page of the audit log.
type AuditPage struct {
	Total int
	Items []domain.AuditEntry
}

// AuditLog lists entries, the newest first, optionally about one volunteer.
func (p *Privacy) AuditLog(ctx context.Context, actor domain.Actor, volunteerID int64, limit, offset int) (AuditPage, error) {
	if !actor.CanManagePersonalData() {
		return AuditPage{}, fmt.Errorf("read the audit log: %w", domain.ErrForbidden)
	}
	if limit < 0 || limit > 500 || offset < 0 {
		return AuditPage{}, &domain.ValidationError{Fields: []domain.FieldError{{Field: "limit", Code: domain.CodeOutOfRange,
			Params: map[string]any{"min": 0, "max": 500}}}}
	}
	if limit == 0 {
		limit = 50
	}
	items, total, err := p.store.AuditEntries(ctx, store.AuditFilter{VolunteerID: volunteerID, Limit: limit, Offset: offset})
	if err != nil {
		return AuditPage{}, err
	}
	return AuditPage{Total: total, Items: items}, nil
}

// PruneAudit deletes the entries older than the retention of the audit log.
func (p *Privacy) PruneAudit(ctx context.Context) (int, error) {
	return p.store.PruneAudit(ctx, p.now().UTC().AddDate(0, -domain.AuditRetentionMonths, 0))
}

// RunAuditPruning prunes the audit log now, then every day until ctx ends. Failures are
// logged: the next day tries again.
func (p *Privacy) RunAuditPruning(ctx context.Context) {
	for {
		if n, err := p.PruneAudit(ctx); err != nil {
			p.log.Warn("audit log: pruning failed; will retry tomorrow", "err", err)
		} else if n > 0 {
			p.log.Info("audit log: pruned old entries", "entries", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(24 * time.Hour):
		}
	}
}

// withAudit returns ctx carrying the audit entry of the change the next store call makes.
// volunteerID is read when the entry is written, so that a creation names the new ID.
func withAudit(ctx context.Context, now time.Time, actor domain.Actor, action domain.AuditAction, volunteerID *int64, detail string) context.Context {
	return store.WithAudit(ctx, func() domain.AuditEntry {
		return domain.AuditEntry{At: now, ActorID: actor.ID, Action: action, VolunteerID: *volunteerID, Detail: detail}
	})
}

// recordAudit writes an entry on its own, for acts that change nothing else. A failure is
// returned: an export that cannot be recorded must not happen.
func recordAudit(ctx context.Context, st *store.Store, now time.Time, actor domain.Actor, action domain.AuditAction, volunteerID int64, detail string) error {
	return st.AddAuditEntry(ctx, domain.AuditEntry{At: now, ActorID: actor.ID, Action: action, VolunteerID: volunteerID, Detail: detail})
}

// changedFields names the profile fields that differ between two versions of a profile, for
// the audit entry of an update: which fields changed, never their values.
func changedFields(before, after domain.Volunteer) string {
	var names []string
	add := func(name string, changed bool) {
		if changed {
			names = append(names, name)
		}
	}
	add("firstName", before.FirstName != after.FirstName)
	add("lastName", before.LastName != after.LastName)
	add("email", before.Email != after.Email)
	add("phone", before.Phone != after.Phone)
	add("city", before.City != after.City)
	add("postcode", before.Postcode != after.Postcode)
	add("skills", !reflect.DeepEqual(nonEmpty(before.Skills), nonEmpty(after.Skills)))
	add("causes", !reflect.DeepEqual(nonEmpty(before.Causes), nonEmpty(after.Causes)))
	add("languages", !reflect.DeepEqual(nonEmpty(before.Languages), nonEmpty(after.Languages)))
	add("availability", !reflect.DeepEqual(normalAvailability(before.Availability), normalAvailability(after.Availability)))
	add("bio", before.Bio != after.Bio)
	add("notes", before.Notes != after.Notes)
	add("joinedOn", before.JoinedOn != after.JoinedOn)
	add("sponsorId", before.SponsorID != after.SponsorID)
	if len(names) == 0 {
		return "fields=none"
	}
	return "fields=" + strings.Join(names, ",")
}

func nonEmpty[T any](list []T) []T {
	if len(list) == 0 {
		return nil
	}
	return list
}

func normalAvailability(a domain.Availability) domain.Availability {
	a.Days = nonEmpty(a.Days)
	return a
}

// withAuditPerVolunteer records one entry per volunteer of an act on several of their records
// (a timesheet, a review of hours): counts gives how many records of each person it touched.
func withAuditPerVolunteer(ctx context.Context, now time.Time, actor domain.Actor, action domain.AuditAction, counts map[int64]int, detail func(n int) string) context.Context {
	return store.WithAuditEntries(ctx, func() []domain.AuditEntry {
		ids := make([]int64, 0, len(counts))
		for id := range counts {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		entries := make([]domain.AuditEntry, len(ids))
		for i, id := range ids {
			entries[i] = domain.AuditEntry{At: now, ActorID: actor.ID, Action: action, VolunteerID: id, Detail: detail(counts[id])}
		}
		return entries
	})
}
