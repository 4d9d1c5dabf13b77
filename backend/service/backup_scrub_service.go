package service

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/civisphere/civisphere/backend/backup"
	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// ScrubErased takes erased people out of the backups, in the data folder and in the second
// folder, so that their names are in no file of either once an erasure is over. Each backup that
// holds one of them is rewritten in place: extracted and checked, the people erased from its
// database exactly as from the live one (same ledger entry, so an ID that has changed hands is
// left alone), the database compacted with VACUUM INTO (no free page keeps old rows), and the
// archive written again under a temporary name and renamed over the old one; its date and
// reason stay, so thinning treats it as before. A backup that cannot be rewritten is left as
// it was and reported: restoring it would erase the people again anyway (the ledger).
func (b *Backups) ScrubErased(ctx context.Context, erased []domain.Erasure) error {
	if len(erased) == 0 {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	var errs []error
	for _, dir := range []string{b.dir, b.secondFolder(ctx)} {
		if dir == "" {
			continue
		}
		entries, err := scanNames(dir)
		if err != nil {
			errs = append(errs, fmt.Errorf("take erased people out of the backups in %s: %w", dir, err))
			continue
		}
		for _, e := range entries {
			p := filepath.Join(dir, e.Name)
			rewritten, err := b.scrubArchive(ctx, p, erased)
			if err != nil {
				b.log.Warn("backup: erased people could not be taken out of a backup; a restore of it erases them again", "name", e.Name, "err", err)
				errs = append(errs, fmt.Errorf("%s: %w", e.Name, err))
				continue
			}
			if rewritten {
				b.log.Info("backup: erased people taken out", "name", e.Name)
			}
		}
	}
	return errors.Join(errs...)
}

// scrubArchive rewrites the backup at p without the erased people; it tells whether it held any.
func (b *Backups) scrubArchive(ctx context.Context, p string, erased []domain.Erasure) (bool, error) {
	work, err := os.MkdirTemp(filepath.Dir(p), ".scrub-*")
	if err != nil {
		return false, err
	}
	defer os.RemoveAll(work) //nolint:errcheck // temporary copies
	content := filepath.Join(work, "content")
	m, err := backup.Extract(ctx, p, content, b.limits, nil)
	if err != nil {
		return false, err
	}
	// Opening brings an older backup's schema up to date (the erasure needs the ledger table);
	// a restore would do the same.
	st, err := store.Open(ctx, filepath.Join(content, backup.DatabaseMember))
	if err != nil {
		return false, err
	}
	held := 0
	for _, e := range erased {
		audit := domain.AuditEntry{At: e.ErasedAt, ActorID: e.ActorID, Action: domain.AuditVolunteerErased, Detail: "reason=" + e.Reason + " backup"}
		_, _, err := st.EraseVolunteer(ctx, e.VolunteerID, e.CreatedAt, e, audit)
		if errors.Is(err, domain.ErrNotFound) {
			continue // not in this backup, or the ID is someone else's there
		}
		if err != nil {
			st.Close()
			return false, err
		}
		held++
	}
	if held == 0 {
		return false, st.Close()
	}
	clean := filepath.Join(work, "clean.db")
	snapErr := st.Snapshot(ctx, clean)
	if err := errors.Join(snapErr, st.Close()); err != nil {
		return false, err
	}
	dbInfo, err := store.InspectDatabaseFile(ctx, clean, false)
	if err != nil {
		return false, err
	}
	m.SchemaVersion, m.Counts = dbInfo.SchemaVersion, dbInfo.Counts
	rewritten := filepath.Join(work, "rewritten.zip")
	if _, err := backup.WriteFile(ctx, rewritten, m, backup.Source{Database: clean, Documents: filepath.Join(content, "documents")}, nil); err != nil {
		return false, err
	}
	if err := os.Rename(rewritten, p); err != nil {
		return false, fmt.Errorf("replace the backup: %w", err)
	}
	syncFolder(filepath.Dir(p))
	return true, nil
}
