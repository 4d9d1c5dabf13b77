package service

import (
	"context"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/search"
	"github.com/civisphere/civisphere/backend/store"
)

// Where search results come from, as the API reports them.
const (
	SourceIndex    = "index"    // the search index: relevance order, typo tolerance
	SourceDatabase = "database" // a scan of the database while the index is not ready: complete, name order, no typo tolerance
)

// scanDatabase answers q from the database instead of the index: while the index is missing,
// being rebuilt or catching up, searches and exports stay complete rather than quietly
// answering from an index that misses people. Status and skill filters are applied in SQL; the
// rest by search.Scan, which folds text as the index does.
func (s *Volunteers) scanDatabase(ctx context.Context, q search.Query) (*search.Scan, error) {
	f := store.VolunteerScanFilter{SkillIDs: q.Skills}
	switch {
	case q.AllStatuses:
	case q.Status != "":
		f.Status = q.Status
	default:
		f.ExcludeStatus = domain.StatusArchived
	}
	scan := search.NewScan(s.tax, q)
	f.WithoutTexts = !scan.NeedsTexts()
	err := s.store.EachVolunteerForSearch(ctx, f, func(v domain.Volunteer) error {
		scan.Add(v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return scan, nil
}

// indexReady says whether the index can answer on its own.
func (s *Volunteers) indexReady() bool { return s.index.Status().State == IndexReady }
