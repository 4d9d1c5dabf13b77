package service

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// Erasure (GDPR art. 17): a person is removed from the database, the search index and the
// files of the data folder, so that their name can no longer be found in any of them:
//   - the database rows go in one transaction (store.EraseVolunteer); hours stay as anonymous
//     totals so that reports already given remain true;
//   - SQLite's secure_delete zeroes the deleted rows in the file, and a TRUNCATE checkpoint
//     empties the write-ahead log that still holds earlier versions of the pages;
//   - the search index is rebuilt from the database into a new folder and swapped in: a Bleve
//     delete only marks the document deleted, its terms stay in the old segment files until a
//     merge, which scorch runs when it likes;
//   - the erasure goes into a ledger (a table and erasures.jsonl in the data folder, with no
//     personal data) so that restoring an older backup erases the person again (Reapply).

// ErasureResult says what an erasure did.
type ErasureResult struct {
	Erasure domain.Erasure
	Counts  store.ErasedCounts
}

// Erase removes a volunteer everywhere. An unknown volunteer gives domain.ErrNotFound.
func (p *Privacy) Erase(ctx context.Context, actor domain.Actor, id int64) (ErasureResult, error) {
	if !actor.CanManagePersonalData() {
		return ErasureResult{}, fmt.Errorf("erase volunteer: %w", domain.ErrForbidden)
	}
	p.eraseMu.Lock()
	defer p.eraseMu.Unlock()
	res, err := p.eraseOne(ctx, actor, id, time.Time{}, domain.ErasureOnRequest, "")
	if err != nil {
		return ErasureResult{}, err
	}
	if err := p.scrub(ctx); err != nil {
		return res, err
	}
	p.notifyErased(ctx, []domain.Erasure{res.Erasure})
	return res, nil
}

// eraseOne erases one person in the database and appends the erasure to the ledger file; the
// caller scrubs the index and the log once for all the people it erases.
func (p *Privacy) eraseOne(ctx context.Context, actor domain.Actor, id int64, createdAt time.Time, reason, detail string) (ErasureResult, error) {
	now := p.now().UTC()
	e, counts, err := p.store.EraseVolunteer(ctx, id, createdAt,
		domain.Erasure{ErasedAt: now, Reason: reason, ActorID: actor.ID},
		domain.AuditEntry{At: now, ActorID: actor.ID, Action: domain.AuditVolunteerErased, Detail: "reason=" + reason + " " + detail})
	if err != nil {
		return ErasureResult{}, err
	}
	if reason == domain.ErasureReapplied {
		return ErasureResult{Erasure: e, Counts: counts}, nil // the file has it: that is how it was found
	}
	if err := appendLedger(p.ledgerPath(), []domain.Erasure{e}); err != nil {
		// The table has the entry, and Reapply copies it to the file; say so but go on.
		p.log.Error("erasure ledger file: append failed; the database keeps the entry", "err", err)
	}
	return ErasureResult{Erasure: e, Counts: counts}, nil
}

// scrub takes the erased people out of the search index's files and out of the write-ahead
// log, once the database no longer holds them.
func (p *Privacy) scrub(ctx context.Context) error {
	ctx = context.WithoutCancel(ctx) // the rows are gone: finish the job whatever the caller does
	if err := p.index.Sync(ctx); err != nil {
		p.log.Warn("search index: sync after erasure failed; the rebuild below applies it", "err", err)
	}
	if err := p.index.RebuildNow(ctx, nil); err != nil {
		return fmt.Errorf("erase: rewrite the search index: %w", err)
	}
	if err := p.store.CheckpointWAL(ctx); err != nil {
		return fmt.Errorf("erase: %w", err)
	}
	return nil
}

// Reapply erases again every person of the ledger (the table and the file) who is found in the
// current database, same ID and same creation time, and brings the table and the file back in
// step. Call it after restoring a backup: an older database brings back people erased since.
// A person whose ID now belongs to someone else is left alone. It is idempotent.
func (p *Privacy) Reapply(ctx context.Context) error {
	p.eraseMu.Lock()
	defer p.eraseMu.Unlock()
	fromFile, err := readLedger(p.ledgerPath())
	if err != nil {
		return err
	}
	fromTable, err := p.store.Erasures(ctx)
	if err != nil {
		return err
	}
	inFile := make(map[string]bool, len(fromFile))
	for _, e := range fromFile {
		inFile[ledgerKey(e)] = true
	}
	var all, missingInFile []domain.Erasure
	seen := map[string]bool{}
	for _, e := range append(fromFile, fromTable...) {
		k := ledgerKey(e)
		if seen[k] {
			continue
		}
		seen[k] = true
		all = append(all, e)
		if !inFile[k] {
			missingInFile = append(missingInFile, e)
		}
	}
	if err := appendLedger(p.ledgerPath(), missingInFile); err != nil {
		return err
	}
	system := domain.Actor{ID: "system", Role: domain.RoleAdmin}
	erased := 0
	for _, e := range all {
		// The ledger row first: if the person is here, EraseVolunteer finds it and keeps its
		// original date; if not, the restored table learns of the erasure all the same.
		if err := p.store.RecordErasure(ctx, e); err != nil {
			return err
		}
		created, err := p.store.VolunteerCreatedAt(ctx, e.VolunteerID)
		if errors.Is(err, domain.ErrNotFound) || (err == nil && !created.Equal(e.CreatedAt)) {
			continue // gone already, or the ID is someone else's now
		}
		if err != nil {
			return err
		}
		if _, err := p.eraseOne(ctx, system, e.VolunteerID, e.CreatedAt, domain.ErasureReapplied, ""); err != nil {
			if errors.Is(err, domain.ErrNotFound) {
				continue
			}
			return fmt.Errorf("erase volunteer %d again: %w", e.VolunteerID, err)
		}
		erased++
	}
	if erased == 0 {
		return nil
	}
	p.log.Info("erasures applied again after a restore", "people", erased)
	return p.scrub(ctx)
}

func ledgerKey(e domain.Erasure) string {
	return strconv.FormatInt(e.VolunteerID, 10) + "@" + e.CreatedAt.UTC().Format(time.RFC3339Nano)
}

// appendLedger adds entries to the ledger file and syncs it to disk before returning, so that an
// acknowledged erasure survives a power cut.
func appendLedger(path string, entries []domain.Erasure) error {
	if len(entries) == 0 {
		return nil
	}
	var buf bytes.Buffer
	for _, e := range entries {
		line, err := json.Marshal(ledgerLine{VolunteerID: e.VolunteerID, CreatedAt: e.CreatedAt.UTC(),
			ErasedAt: e.ErasedAt.UTC(), Reason: e.Reason})
		if err != nil {
			return fmt.Errorf("erasure ledger: %w", err)
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	_, statErr := os.Stat(path)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("erasure ledger: %w", err)
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return fmt.Errorf("erasure ledger %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("erasure ledger %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("erasure ledger %s: %w", path, err)
	}
	if errors.Is(statErr, os.ErrNotExist) {
		syncFolder(filepath.Dir(path)) // the new file's name must survive a power cut too
	}
	return nil
}

// ledgerLine is the file's form of an entry, apart from the domain type so that renaming a Go
// field never changes what is on disk. The actor is left out: the file is for reapplying.
type ledgerLine struct {
	VolunteerID int64     `json:"volunteerId"`
	CreatedAt   time.Time `json:"createdAt"`
	ErasedAt    time.Time `json:"erasedAt"`
	Reason      string    `json:"reason"`
}

// readLedger reads the ledger file; a missing file is an empty ledger. A line that cannot be
// read (the end of a write cut by a crash) is skipped: the table still has that entry.
func readLedger(path string) ([]domain.Erasure, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("erasure ledger: %w", err)
	}
	var out []domain.Erasure
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		var l ledgerLine
		if json.Unmarshal(sc.Bytes(), &l) != nil || l.VolunteerID == 0 || l.CreatedAt.IsZero() {
			continue
		}
		out = append(out, domain.Erasure{VolunteerID: l.VolunteerID, CreatedAt: l.CreatedAt, ErasedAt: l.ErasedAt, Reason: l.Reason})
	}
	return out, sc.Err()
}
