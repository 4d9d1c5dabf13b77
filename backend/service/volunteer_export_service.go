package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/report"
)

// MaxExportRows bounds one export: beyond it a spreadsheet is no longer a useful list.
const MaxExportRows = 200_000

// ErrIndexNotReady was returned by exports while the index was rebuilt; they now read the
// database instead. Kept for the transports that still map it.
var ErrIndexNotReady = errors.New("the search index is being rebuilt")

// exportBatch is how many volunteers are read from the database at a time during an export.
const exportBatch = 500

// ExportVolunteers returns the volunteers matching p (all of them, not one page), in result
// order, one at a time, for the report writers.
func (s *Volunteers) ExportVolunteers(ctx context.Context, actor domain.Actor, p SearchParams) (report.VolunteerSource, error) {
	if !actor.CanReadVolunteers() {
		return nil, fmt.Errorf("export volunteers: %w", domain.ErrForbidden)
	}
	q, err := s.searchQuery(p)
	if err != nil {
		return nil, err
	}
	ids, status, err := s.index.SearchIDs(ctx, q, MaxExportRows)
	if err != nil {
		return nil, err
	}
	if status.State != IndexReady {
		// Complete from the database while the index is rebuilt, in name order.
		scan, err := s.scanDatabase(ctx, q)
		if err != nil {
			return nil, err
		}
		ids = scan.IDs(MaxExportRows)
	}
	var (
		batch []domain.Volunteer
		next  int // index in ids of the first volunteer not yet loaded
	)
	return func() (domain.Volunteer, bool, error) {
		for len(batch) == 0 {
			if next >= len(ids) {
				return domain.Volunteer{}, false, nil
			}
			end := min(next+exportBatch, len(ids))
			list, err := s.store.Volunteers(ctx, ids[next:end])
			if err != nil {
				return domain.Volunteer{}, false, err
			}
			next = end
			batch = list
		}
		v := batch[0]
		batch = batch[1:]
		return v, true, nil
	}, nil
}
