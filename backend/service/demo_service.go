package service

import (
	"context"
	"fmt"

	"github.com/civisphere/civisphere/backend/demo"
	"github.com/civisphere/civisphere/backend/domain"
)

// demoChunk is how many generated volunteers go into one transaction.
const demoChunk = 5000

// AddDemoVolunteers fills an empty database with n generated volunteers; the same seed gives the
// same people. The search index is not updated: the caller rebuilds it once at the end, which
// is much faster than applying n changes.
func (s *Volunteers) AddDemoVolunteers(ctx context.Context, actor domain.Actor, n int, seed int64, progress func(done int)) error {
	if !actor.CanManageVolunteers() {
		return fmt.Errorf("add demo volunteers: %w", domain.ErrForbidden)
	}
	existing, err := s.store.CountVolunteers(ctx)
	if err != nil {
		return err
	}
	if existing > 0 {
		return fmt.Errorf("the data folder already holds %d volunteers: demo data goes into an empty data folder (choose one with --data)", existing)
	}
	gen := demo.New(seed, s.tax)
	now := s.now().UTC()
	batch := make([]domain.Volunteer, 0, demoChunk)
	for done := 0; done < n; {
		batch = batch[:0]
		for len(batch) < min(demoChunk, n-done) {
			v := gen.Volunteer()
			v.Normalize()
			v.Status = domain.StatusActive
			v.CreatedAt, v.UpdatedAt = now, now
			batch = append(batch, v)
		}
		if _, _, err := s.store.ImportVolunteers(ctx, batch, nil); err != nil {
			return fmt.Errorf("add demo volunteers: %w", err)
		}
		done += len(batch)
		if progress != nil {
			progress(done)
		}
	}
	return nil
}
