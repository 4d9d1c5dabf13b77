package service

import (
	"context"
	"sync"

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
// answering from an index that misses people. search.Scan folds text as the index does.
func (s *Volunteers) scanDatabase(ctx context.Context, q search.Query) (*search.Scan, error) {
	scan := search.NewScan(s.tax, q)
	entries, err := s.fallback.entries(ctx, s.store)
	if err != nil {
		return nil, err
	}
	for i := range entries {
		if q.Wanted(entries[i].Status()) {
			scan.AddEntry(&entries[i])
		}
	}
	return scan, nil
}

// scanCache keeps the volunteers of the database prepared for scans (texts folded, lists
// decoded) while the index is not ready: a coordinator types one search after another, and
// reading and folding 100,000 profiles again for each would cost a second every time. It holds
// the profiles as of one outbox seq; any write to a volunteer moves the seq on and the next
// search reads the database again. It is emptied as soon as the index answers.
type scanCache struct {
	mu   sync.Mutex
	seq  int64
	list []search.ScanEntry // nil when empty
}

// entries returns every volunteer, prepared, as of now.
func (c *scanCache) entries(ctx context.Context, st *store.Store) ([]search.ScanEntry, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	// The seq is read before the volunteers: a write in between leaves the cache newer than
	// its seq says, and the next search reads again. Never the other way round.
	seq, err := st.NewestIndexSeq(ctx)
	if err != nil {
		return nil, err
	}
	if c.list != nil && c.seq == seq {
		return c.list, nil
	}
	list := make([]search.ScanEntry, 0, len(c.list))
	err = st.EachVolunteerForSearch(ctx, store.VolunteerScanFilter{}, func(v domain.Volunteer) error {
		list = append(list, search.NewScanEntry(v))
		return nil
	})
	if err != nil {
		return nil, err
	}
	c.list, c.seq = list, seq
	return list, nil
}

// drop frees the cache: the index answers again. A search that finds the cache busy (a scan
// still running) leaves it to the next one.
func (c *scanCache) drop() {
	if c.mu.TryLock() {
		c.list = nil
		c.mu.Unlock()
	}
}
