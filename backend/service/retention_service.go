package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// Retention (GDPR art. 5(1)(e)): people with no activity for longer than the retention period
// (no profile change, hours, application or consent change) are listed for review, then purged
// in one step. The purge takes the IDs the person reviewed and checks each again: someone who
// became active since the preview is kept.

// RetentionPreview lists the people a purge would erase now.
type RetentionPreview struct {
	Months int
	Cutoff string // YYYY-MM-DD: no activity since this day
	Items  []store.InactiveVolunteer
}

// PreviewRetention lists the people inactive for longer than the retention period.
func (p *Privacy) PreviewRetention(ctx context.Context, actor domain.Actor) (RetentionPreview, error) {
	if !actor.CanManagePersonalData() {
		return RetentionPreview{}, fmt.Errorf("preview the retention purge: %w", domain.ErrForbidden)
	}
	r, err := p.store.Retention(ctx)
	if err != nil {
		return RetentionPreview{}, err
	}
	cutoff := p.now().UTC().AddDate(0, -r.Months, 0)
	items, err := p.store.InactiveVolunteers(ctx, cutoff, nil)
	if err != nil {
		return RetentionPreview{}, err
	}
	return RetentionPreview{Months: r.Months, Cutoff: cutoff.Format("2006-01-02"), Items: items}, nil
}

// PurgeResult says who a purge erased and who it kept.
type PurgeResult struct {
	Erased []int64
	// Kept are the IDs asked for that are no longer inactive (or no longer exist).
	Kept []int64
}

// PurgeInactive erases the people given (from a preview) who are still inactive for longer than
// the retention period, and records one audit entry for the purge beside one per person.
func (p *Privacy) PurgeInactive(ctx context.Context, actor domain.Actor, ids []int64) (PurgeResult, error) {
	if !actor.CanManagePersonalData() {
		return PurgeResult{}, fmt.Errorf("purge inactive volunteers: %w", domain.ErrForbidden)
	}
	if len(ids) == 0 {
		return PurgeResult{}, &domain.ValidationError{Fields: []domain.FieldError{{Field: "ids", Code: domain.CodeRequired}}}
	}
	r, err := p.store.Retention(ctx)
	if err != nil {
		return PurgeResult{}, err
	}
	p.eraseMu.Lock()
	defer p.eraseMu.Unlock()
	now := p.now().UTC()
	still, err := p.store.InactiveVolunteers(ctx, now.AddDate(0, -r.Months, 0), ids)
	if err != nil {
		return PurgeResult{}, err
	}
	res := PurgeResult{Erased: []int64{}, Kept: []int64{}}
	erased := map[int64]bool{}
	var entries []domain.Erasure
	for _, v := range still {
		// The creation time pins the person checked above, should the ID change hands meanwhile.
		done, err := p.eraseOne(ctx, actor, v.ID, v.CreatedAt, domain.ErasureRetention, fmt.Sprintf("months=%d", r.Months))
		if err != nil {
			if errors.Is(err, domain.ErrNotFound) {
				continue
			}
			return res, err
		}
		entries = append(entries, done.Erasure)
		erased[v.ID] = true
		res.Erased = append(res.Erased, v.ID)
	}
	for _, id := range ids {
		if !erased[id] {
			res.Kept = append(res.Kept, id)
		}
	}
	if err := recordAudit(ctx, p.store, now, actor, domain.AuditRetentionPurged, 0,
		fmt.Sprintf("months=%d erased=%d kept=%d", r.Months, len(res.Erased), len(res.Kept))); err != nil {
		return res, err
	}
	if len(res.Erased) == 0 {
		return res, nil
	}
	if err := p.scrub(ctx); err != nil {
		return res, err
	}
	p.notifyErased(ctx, entries)
	return res, nil
}
