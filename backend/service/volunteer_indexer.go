package service

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/search"
	"github.com/civisphere/civisphere/backend/store"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// Index states, as the API reports them.
const (
	IndexReady      = "ready"      // the index holds every committed change it was told of
	IndexRebuilding = "rebuilding" // being rebuilt from the database; results may be incomplete
	IndexFailed     = "failed"     // could not be rebuilt; Error says why
)

// IndexStatus is what the UI shows about the search index.
type IndexStatus struct {
	State string
	Done  int // volunteers indexed so far, while rebuilding
	Total int
	Error string
}

// drainBatch is how many outbox changes go into one index batch at most (a big import), and
// rebuildBatch how many volunteers a rebuild indexes at a time: bigger batches make fewer
// segments for the index to merge.
const (
	drainBatch   = 5000
	rebuildBatch = 5000
)

// VolunteerIndexer keeps the search index in step with the database. Every write to a volunteer
// adds a row to the outbox in its own transaction; Sync applies the outbox to the index in seq
// order and records the last applied seq inside the index, so a crash between the two loses
// nothing: the next Sync (or the next start) applies what is left. When the index is missing,
// unreadable, built with another mapping or out of step with the database, it is rebuilt into
// a new folder in the background, then swapped in.
type VolunteerIndexer struct {
	store *store.Store
	tax   *taxonomy.Taxonomy
	dir   string // the folder of the live index
	log   *slog.Logger

	mu         sync.RWMutex // guards ix, status and rebuilding
	ix         *search.Index
	status     IndexStatus
	rebuilding bool // a background rebuild is running
	again      bool // Rebuild was asked while one ran: its reading may predate the change

	drainMu sync.Mutex // one drain or rebuild at a time
	wg      sync.WaitGroup
	ctx     context.Context // lives from Start to Close: background rebuilds run in it
	cancel  context.CancelFunc
}

// NewVolunteerIndexer manages the index in dir (created when needed).
func NewVolunteerIndexer(st *store.Store, tax *taxonomy.Taxonomy, dir string, log *slog.Logger) *VolunteerIndexer {
	return &VolunteerIndexer{store: st, tax: tax, dir: dir, log: log, status: IndexStatus{State: IndexRebuilding}}
}

// Start opens the index and catches up with the outbox, or starts a rebuild in the background
// when the index cannot be trusted. It never waits for a rebuild: start-up stays fast.
func (x *VolunteerIndexer) Start(ctx context.Context) error {
	x.ctx, x.cancel = context.WithCancel(ctx)
	ctx = x.ctx
	if err := os.MkdirAll(filepath.Dir(x.dir), 0o755); err != nil {
		return fmt.Errorf("search index folder: %w", err)
	}
	ix, reason := x.openTrusted(ctx)
	if ix != nil {
		x.catchUp(ctx, ix)
		return nil
	}
	x.log.Info("search index: rebuilding in the background", "reason", reason)
	x.startRebuild(ctx)
	return nil
}

// catchUp makes ix the live index and applies the changes it has not seen (after a crash between
// a commit and its indexing, say) in the background: start-up does not wait for them, and
// searches say their results may be incomplete until they are applied.
func (x *VolunteerIndexer) catchUp(ctx context.Context, ix *search.Index) {
	last, err := ix.LastSeq()
	var st store.OutboxState
	if err == nil {
		st, err = x.store.IndexOutboxState(ctx)
	}
	x.mu.Lock()
	x.ix = ix
	x.status = IndexStatus{State: IndexReady}
	if err == nil && st.NewestSeq > last {
		x.status = IndexStatus{State: IndexRebuilding, Total: int(st.NewestSeq - last)}
	}
	state := x.status.State
	x.mu.Unlock()
	if state == IndexReady && err == nil {
		return
	}
	x.wg.Add(1)
	go func() {
		defer x.wg.Done()
		x.drainMu.Lock()
		defer x.drainMu.Unlock()
		err := x.drain(ctx, ix, func(done int) { x.setProgress(done, x.Status().Total) })
		if err != nil {
			if !errors.Is(err, context.Canceled) {
				x.log.Warn("search index: catching up failed; rebuilding", "err", err)
				x.startRebuild(ctx)
			}
			return
		}
		x.markReadyAndDrain(ctx, ix)
	}()
}

// markReadyAndDrain declares the index complete, then applies once more what was committed
// while it was not: writers that found it busy left their changes in the outbox. Call it with
// drainMu held.
func (x *VolunteerIndexer) markReadyAndDrain(ctx context.Context, ix *search.Index) {
	x.mu.Lock()
	x.status = IndexStatus{State: IndexReady}
	x.mu.Unlock()
	if err := x.drain(ctx, ix, nil); err != nil {
		x.log.Warn("search index: sync failed; will retry at the next change", "err", err)
	}
}

// openTrusted opens the live index when it is in step with the database (or can be brought in
// step by applying the outbox). Otherwise it returns nil and the reason.
func (x *VolunteerIndexer) openTrusted(ctx context.Context) (*search.Index, string) {
	ix, err := search.Open(x.dir, x.tax)
	if err != nil {
		return nil, err.Error()
	}
	reason := x.checkInStep(ctx, ix)
	if reason == "" {
		return ix, ""
	}
	ix.Close()
	return nil, reason
}

// checkInStep compares the index's last applied seq and document count with the database.
func (x *VolunteerIndexer) checkInStep(ctx context.Context, ix *search.Index) string {
	last, err := ix.LastSeq()
	if err != nil {
		return err.Error()
	}
	st, err := x.store.IndexOutboxState(ctx)
	if err != nil {
		return err.Error()
	}
	switch {
	case last > st.NewestSeq:
		return fmt.Sprintf("the index has changes the database does not (index at %d, database at %d): the database was replaced", last, st.NewestSeq)
	case last < st.NewestSeq && (st.OldestPendingSeq == 0 || st.OldestPendingSeq > last+1):
		return fmt.Sprintf("changes %d to %d are no longer in the outbox", last+1, st.NewestSeq)
	case last == st.NewestSeq:
		docs, err := ix.DocCount()
		if err != nil {
			return err.Error()
		}
		if int(docs) != st.Volunteers {
			return fmt.Sprintf("the index holds %d volunteers, the database %d", docs, st.Volunteers)
		}
	}
	return ""
}

// Status says whether search results are complete.
func (x *VolunteerIndexer) Status() IndexStatus {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.status
}

// Search runs q on the live index when it is ready. Otherwise it returns no results and the
// status: an index being rebuilt or catching up may miss people, so callers answer from the
// database instead (see Volunteers.scanDatabase) rather than give partial results.
func (x *VolunteerIndexer) Search(ctx context.Context, q search.Query) (res search.Result, status IndexStatus, err error) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	status = x.status
	if x.ix == nil || status.State != IndexReady {
		return search.Result{}, status, nil
	}
	res, err = x.ix.Search(ctx, q)
	return res, status, err
}

// SearchIDs returns the IDs of every match of q, for exports; nothing unless the index is ready
// (see Search).
func (x *VolunteerIndexer) SearchIDs(ctx context.Context, q search.Query, max int) ([]int64, IndexStatus, error) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.ix == nil || x.status.State != IndexReady {
		return nil, x.status, nil
	}
	ids, err := x.ix.SearchIDs(ctx, q, max)
	return ids, x.status, err
}

// MatchCandidates preselects volunteers for a project on the live index (see
// search.Index.MatchCandidates); nothing unless the index is ready (see Search).
func (x *VolunteerIndexer) MatchCandidates(ctx context.Context, q search.MatchQuery, max int) ([]search.Hit, IndexStatus, error) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.ix == nil || x.status.State != IndexReady {
		return nil, x.status, nil
	}
	hits, err := x.ix.MatchCandidates(ctx, q, max)
	return hits, x.status, err
}

// Sync applies the outbox to the index. Writers call it right after they commit, so that the
// person who saved a profile finds it at once. While a rebuild runs it returns at once: the
// rebuild applies the outbox when it finishes.
func (x *VolunteerIndexer) Sync(ctx context.Context) error { return x.SyncWithProgress(ctx, nil) }

// SyncWithProgress is Sync reporting how many volunteers it has indexed, for big imports.
func (x *VolunteerIndexer) SyncWithProgress(ctx context.Context, progress func(done int)) error {
	if !x.drainMu.TryLock() {
		if x.Status().State == IndexRebuilding {
			return nil
		}
		x.drainMu.Lock()
	}
	defer x.drainMu.Unlock()
	x.mu.RLock()
	ix := x.ix
	rebuilding := x.status.State != IndexReady
	x.mu.RUnlock()
	if ix == nil || rebuilding {
		return nil
	}
	return x.drain(ctx, ix, progress)
}

// indexBatch is one batch of work for the index, read from the database while the previous
// batch is being indexed: reading and indexing overlap, which keeps both cores busy.
type indexBatch struct {
	upserts []domain.Volunteer
	deletes []int64
	seq     int64 // the outbox seq the index is up to once the batch is applied
	err     error
}

// drain applies outbox changes after the index's last seq, batch by batch, then forgets them.
func (x *VolunteerIndexer) drain(ctx context.Context, ix *search.Index, progress func(done int)) error {
	last, err := ix.LastSeq()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan indexBatch, 1)
	go func() {
		defer close(batches)
		for after := last; ; {
			b, err := x.readChanges(ctx, after)
			if err != nil || len(b.upserts)+len(b.deletes) == 0 {
				if err != nil {
					batches <- indexBatch{err: err}
				}
				return
			}
			after = b.seq
			select {
			case batches <- b:
			case <-ctx.Done():
				return
			}
		}
	}()
	done := 0
	for b := range batches {
		if b.err != nil {
			return b.err
		}
		if err := ix.Apply(b.upserts, b.deletes, b.seq); err != nil {
			return err
		}
		if err := x.store.DeleteIndexChanges(ctx, b.seq); err != nil {
			// Harmless: the index records the seq, so these rows are skipped next time.
			x.log.Warn("search index: pruning the outbox failed", "err", err)
		}
		done += len(b.upserts) + len(b.deletes)
		if progress != nil {
			progress(done)
		}
	}
	return nil
}

// readChanges reads the next batch of outbox changes after seq, with the volunteers they name
// as they are now; volunteers that no longer exist are deletions.
func (x *VolunteerIndexer) readChanges(ctx context.Context, after int64) (indexBatch, error) {
	changes, err := x.store.IndexChanges(ctx, after, drainBatch)
	if err != nil || len(changes) == 0 {
		return indexBatch{}, err
	}
	ids := make([]int64, 0, len(changes))
	seen := make(map[int64]bool, len(changes))
	for _, c := range changes {
		if !seen[c.VolunteerID] {
			seen[c.VolunteerID] = true
			ids = append(ids, c.VolunteerID)
		}
	}
	vols, err := x.store.Volunteers(ctx, ids)
	if err != nil {
		return indexBatch{}, err
	}
	b := indexBatch{upserts: vols, seq: changes[len(changes)-1].Seq}
	for _, v := range vols {
		delete(seen, v.ID)
	}
	for id := range seen {
		b.deletes = append(b.deletes, id)
	}
	return b, nil
}

// Rebuild starts a rebuild in the background; when one is running already, another follows it
// (the running one may have read the database before it was replaced by a restore). Searches
// go on against the current index, flagged incomplete, until the new one is swapped in.
func (x *VolunteerIndexer) Rebuild() { x.startRebuild(x.ctx) }

func (x *VolunteerIndexer) startRebuild(ctx context.Context) {
	x.mu.Lock()
	if x.rebuilding {
		x.again = true
		x.mu.Unlock()
		return
	}
	x.rebuilding = true
	x.status = IndexStatus{State: IndexRebuilding}
	x.mu.Unlock()
	x.wg.Add(1)
	go func() {
		defer x.wg.Done()
		for {
			if err := x.RebuildNow(ctx, nil); err != nil && !errors.Is(err, context.Canceled) {
				x.log.Error("search index: rebuild failed", "err", err)
			}
			// Deciding to stop and clearing the flag in one step: a Rebuild asked in between
			// is never lost.
			x.mu.Lock()
			again := x.again && ctx.Err() == nil
			x.again = false
			if !again {
				x.rebuilding = false
			}
			x.mu.Unlock()
			if !again {
				return
			}
		}
	}()
}

// RebuildNow rebuilds the index from the database and waits for it: `civisphere reindex` and the
// benchmark use it. progress, when given, is called with the volunteers indexed so far.
func (x *VolunteerIndexer) RebuildNow(ctx context.Context, progress func(done, total int)) error {
	x.drainMu.Lock()
	defer x.drainMu.Unlock()
	if err := x.rebuild(ctx, progress); err != nil {
		x.mu.Lock()
		x.status = IndexStatus{State: IndexFailed, Error: err.Error()}
		x.mu.Unlock()
		return err
	}
	x.mu.RLock()
	ix := x.ix
	x.mu.RUnlock()
	x.markReadyAndDrain(ctx, ix)
	return nil
}

func (x *VolunteerIndexer) rebuild(ctx context.Context, progress func(done, total int)) error {
	started := time.Now()
	total, err := x.store.CountVolunteers(ctx)
	if err != nil {
		return err
	}
	x.setProgress(0, total)
	fresh := x.dir + ".rebuild"
	if err := os.RemoveAll(fresh); err != nil {
		return fmt.Errorf("clear %s: %w", fresh, err)
	}
	ix, err := search.Create(fresh, x.tax)
	if err != nil {
		return err
	}
	// The database is read in one goroutine while the index is built in this one. Documents
	// are applied with seq 0 until the snapshot is complete: an index left half-built by a
	// crash says it has applied nothing and is rebuilt again.
	readCtx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	batches := make(chan indexBatch, 1)
	go func() {
		defer close(batches)
		batch := make([]domain.Volunteer, 0, rebuildBatch)
		send := func(b indexBatch) error {
			select {
			case batches <- b:
				return nil
			case <-readCtx.Done():
				return readCtx.Err()
			}
		}
		snapshotSeq, err := x.store.EachVolunteer(readCtx, func(v domain.Volunteer) error {
			batch = append(batch, v)
			if len(batch) < rebuildBatch {
				return nil
			}
			full := batch
			batch = make([]domain.Volunteer, 0, rebuildBatch)
			return send(indexBatch{upserts: full})
		})
		if err != nil {
			send(indexBatch{err: err}) //nolint:errcheck // the reader stops either way
			return
		}
		send(indexBatch{upserts: batch, seq: snapshotSeq}) //nolint:errcheck // idem
	}()
	done := 0
	var snapshotSeq int64
	for b := range batches {
		if err = b.err; err != nil {
			break
		}
		if err = ix.Apply(b.upserts, nil, b.seq); err != nil {
			break
		}
		snapshotSeq = b.seq
		done += len(b.upserts)
		x.setProgress(done, total)
		if progress != nil {
			progress(done, total)
		}
		if err = ctx.Err(); err != nil {
			break
		}
	}
	stopReading()
	if err == nil {
		// The snapshot holds every change up to its seq: those outbox rows are done with.
		err = x.store.DeleteIndexChanges(ctx, snapshotSeq)
	}
	if err == nil {
		// Changes committed while the snapshot was read.
		err = x.drain(ctx, ix, nil)
	}
	if err != nil {
		ix.Close()
		os.RemoveAll(fresh) //nolint:errcheck // best effort; the next rebuild clears it anyway
		return fmt.Errorf("rebuild search index: %w", err)
	}
	if err := x.swap(ix, fresh); err != nil {
		return err
	}
	x.log.Info("search index: rebuilt", "volunteers", done, "took", time.Since(started).Round(time.Millisecond))
	return nil
}

// swap replaces the live index folder with the freshly built one.
func (x *VolunteerIndexer) swap(fresh *search.Index, freshDir string) error {
	if err := fresh.Close(); err != nil {
		return fmt.Errorf("close rebuilt index: %w", err)
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.ix != nil {
		x.ix.Close()
		x.ix = nil
	}
	old := x.dir + ".old"
	os.RemoveAll(old) //nolint:errcheck // leftovers of an earlier swap
	if err := os.Rename(x.dir, old); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("swap search index: %w", err)
	}
	if err := os.Rename(freshDir, x.dir); err != nil {
		return fmt.Errorf("swap search index: %w", err)
	}
	os.RemoveAll(old) //nolint:errcheck // only disk space is at stake
	ix, err := search.Open(x.dir, x.tax)
	if err != nil {
		return fmt.Errorf("open rebuilt index: %w", err)
	}
	x.ix = ix
	return nil
}

func (x *VolunteerIndexer) setProgress(done, total int) {
	x.mu.Lock()
	x.status.Done, x.status.Total = done, total
	x.mu.Unlock()
}

// Close stops a running rebuild and closes the index.
func (x *VolunteerIndexer) Close() error {
	if x.cancel != nil {
		x.cancel()
	}
	x.wg.Wait()
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.ix == nil {
		return nil
	}
	err := x.ix.Close()
	x.ix = nil
	return err
}
