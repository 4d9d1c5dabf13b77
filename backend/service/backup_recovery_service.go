package service

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"

	"github.com/civisphere/civisphere/backend/backup"
	"github.com/civisphere/civisphere/backend/domain"
)

// Recovery is what the app offers when its database failed the start-up integrity check: the
// backups of the data folder and an offline restore of one of them, the damaged files being set
// aside rather than deleted. It needs no database, so it works however damaged the file is.
// The second folder is not listed: its setting lives in the damaged database.
type Recovery struct {
	dataDir string
	problem string
	limits  backup.Limits
	log     *slog.Logger
}

// NewRecovery offers the backups of dataDir; problem is what the integrity check found.
func NewRecovery(dataDir, problem string, log *slog.Logger) *Recovery {
	return &Recovery{dataDir: dataDir, problem: problem, limits: backup.DefaultLimits(), log: log}
}

// Problem is what the integrity check found, in SQLite's words.
func (r *Recovery) Problem() string { return r.problem }

// DataDir is the data folder, so that the person can find the damaged file.
func (r *Recovery) DataDir() string { return r.dataDir }

// List returns the readable backups of the data folder, newest first.
func (r *Recovery) List(ctx context.Context, actor domain.Actor) ([]BackupInfo, error) {
	if !actor.CanManageSettings() {
		return nil, fmt.Errorf("list backups: %w", domain.ErrForbidden)
	}
	dir := BackupsFolder(r.dataDir)
	entries, err := scanNames(dir)
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	out := make([]BackupInfo, 0, len(entries))
	for _, e := range entries {
		info, err := backup.ReadManifest(filepath.Join(dir, e.Name), r.limits)
		if err != nil {
			r.log.Warn("backup: unreadable backup left out of the list", "name", e.Name, "err", err)
			continue
		}
		bi := toBackupInfo(info)
		bi.Location = LocationMain
		out = append(out, bi)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].CreatedAt.Equal(out[j].CreatedAt) {
			return out[i].CreatedAt.After(out[j].CreatedAt)
		}
		return out[i].Name > out[j].Name
	})
	return out, nil
}

// Restore checks the backup called name and puts it in place of the damaged files, which go to
// a "replaced-…" folder of the data folder. The caller then opens the data folder as usual (the
// search index is rebuilt and past erasures re-applied on opening). It returns that folder.
func (r *Recovery) Restore(ctx context.Context, actor domain.Actor, name string) (string, error) {
	if !actor.CanManageSettings() {
		return "", fmt.Errorf("restore backup: %w", domain.ErrForbidden)
	}
	if _, _, ok := backup.ParseName(name); !ok {
		return "", domain.ErrNotFound
	}
	p := filepath.Join(BackupsFolder(r.dataDir), name)
	if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
		return "", domain.ErrNotFound
	}
	replaced, err := RestoreFilesOffline(ctx, r.dataDir, p, nil)
	if err != nil {
		return "", backupProblem(err)
	}
	r.log.Info("damaged database replaced by a backup", "backup", name, "damaged files", replaced)
	return replaced, nil
}
