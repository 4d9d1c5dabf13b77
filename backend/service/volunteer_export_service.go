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
// order, one at a time, for the report writers; format ("xlsx", "csv") goes into the audit log,
// which records the export with its row count once the last row has been read.
//
// A list export respects the consents (GDPR art. 5(1)(c) and 7): it carries each person's
// current consents, and their e-mail address and phone number only while they consent to being
// contacted. Such lists are made to contact people (a mailing, a phone round) and leave the
// application, where a withdrawal can no longer reach them; the profile page still shows the
// details to coordinators, who need them to manage the person's participation.
func (s *Volunteers) ExportVolunteers(ctx context.Context, actor domain.Actor, p SearchParams, format string) (report.VolunteerSource, error) {
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
		batch    []domain.Volunteer
		next     int // index in ids of the first volunteer not yet loaded
		rows     int
		recorded bool
	)
	return func() (domain.Volunteer, bool, error) {
		for len(batch) == 0 {
			if next >= len(ids) {
				if !recorded {
					recorded = true
					if err := recordAudit(ctx, s.store, s.now().UTC(), actor, domain.AuditVolunteersExported, 0,
						fmt.Sprintf("format=%s rows=%d", format, rows)); err != nil {
						return domain.Volunteer{}, false, err
					}
				}
				return domain.Volunteer{}, false, nil
			}
			end := min(next+exportBatch, len(ids))
			list, err := s.store.Volunteers(ctx, ids[next:end])
			if err != nil {
				return domain.Volunteer{}, false, err
			}
			consents, err := s.store.CurrentConsents(ctx, ids[next:end])
			if err != nil {
				return domain.Volunteer{}, false, err
			}
			for i := range list {
				list[i].Consents = consents[list[i].ID]
				withholdContactDetails(&list[i])
			}
			next = end
			batch = list
		}
		v := batch[0]
		batch = batch[1:]
		rows++
		return v, true, nil
	}, nil
}

// withholdContactDetails empties the e-mail address and phone number of a person who does not
// consent, now, to being contacted.
func withholdContactDetails(v *domain.Volunteer) {
	for _, c := range v.Consents {
		if c.Kind == domain.ConsentContact && c.Active() {
			return
		}
	}
	v.Email, v.Phone = "", ""
}
