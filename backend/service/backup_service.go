package service

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/civisphere/civisphere/backend/backup"
	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// Backup phases, reported in Progress.Phase.
const (
	PhaseSnapshot   = "snapshot"   // copying the database
	PhaseArchiving  = "archiving"  // writing the archive (database and documents)
	PhaseCopying    = "copying"    // copying the archive to the second folder
	PhaseVerifying  = "verifying"  // reading a backup back and checking every byte
	PhaseRestoring  = "restoring"  // putting the backup's data in place
	PhaseReindexing = "reindexing" // the search index is rebuilt after a restore
)

// Backup problems, as FileProblem codes.
const (
	FileBackupInvalid = "backup_invalid" // not a Civisphère backup, or damaged, or altered
	FileBackupTooNew  = "backup_too_new" // written by a newer Civisphère
	FileBackupDamaged = "backup_damaged" // its database fails SQLite's integrity check
)

// Where a backup is.
const (
	LocationMain   = "main"   // the data folder's backups/
	LocationSecond = "second" // the second folder only
	LocationBoth   = "both"   // both
)

// BackupInfo is a backup as the UI lists it.
type BackupInfo struct {
	Name          string
	CreatedAt     time.Time
	Reason        backup.Reason
	SizeBytes     int64
	SchemaVersion int
	AppVersion    string
	Counts        map[string]int
	Location      string
}

// BackupSettingsView is the backup settings and what the UI shows beside them.
type BackupSettingsView struct {
	domain.BackupSettings
	Folder              string    // the main backups folder
	LastAutomaticBackup time.Time // zero when there is none
}

// Backups takes, lists, thins and restores backups of the data folder: the database (through
// a consistent snapshot) and the projects' documents, in one archive per backup under
// <data>/backups, copied to an optional second folder. One backup or restore runs at a time.
type Backups struct {
	store      *store.Store
	index      *VolunteerIndexer // nil in commands that rebuild it themselves
	dataDir    string
	dir        string
	appVersion string
	now        func() time.Time
	log        *slog.Logger
	limits     backup.Limits
	policy     backup.Policy

	// RestoreHooks run after a restore has put the backup's data in place, before the search
	// index is rebuilt, in order; the first error stops them and is reported (the restore
	// itself is done by then). They are there to re-apply what must survive a restore of
	// older data, such as GDPR erasures made after the backup was taken. Set them before the
	// app serves requests.
	RestoreHooks []func(ctx context.Context) error

	mu sync.Mutex // one backup or restore at a time
}

// NewBackups returns the backup use cases of the data folder dataDir.
func NewBackups(st *store.Store, index *VolunteerIndexer, dataDir, appVersion string, now func() time.Time, log *slog.Logger) *Backups {
	return &Backups{store: st, index: index, dataDir: dataDir, dir: BackupsFolder(dataDir), appVersion: appVersion,
		now: now, log: log, limits: backup.DefaultLimits(), policy: backup.DefaultPolicy}
}

// BackupsFolder is where the backups of a data folder are kept.
func BackupsFolder(dataDir string) string { return filepath.Join(dataDir, "backups") }

// documentsFolder is the projects' files (see Documents).
func documentsFolder(dataDir string) string { return filepath.Join(dataDir, "documents") }

// Create takes a backup now. Anyone who may change the settings may ask for one (manual);
// the other reasons are for the app itself.
func (b *Backups) Create(ctx context.Context, actor domain.Actor, reason backup.Reason, progress func(Progress)) (BackupInfo, error) {
	if !actor.CanManageSettings() {
		return BackupInfo{}, fmt.Errorf("back up: %w", domain.ErrForbidden)
	}
	// A backup asked for while another runs (the daily one, just after start-up) waits for it
	// rather than fail: backups take seconds, and refusing would only make people retry.
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.create(ctx, reason, "", progress)
}

// BeforeImport takes the backup that precedes a volunteer import: nothing is written when it
// fails. It waits for a backup already running instead of refusing.
func (b *Backups) BeforeImport(ctx context.Context) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	_, err := b.create(ctx, backup.ReasonImport, "", nil)
	return err
}

// create takes a backup and thins the folders; protect names a backup thinning must spare (the
// one being restored).
func (b *Backups) create(ctx context.Context, reason backup.Reason, protect string, progress func(Progress)) (BackupInfo, error) {
	report := func(p Progress) {
		if progress != nil {
			progress(p)
		}
	}
	info, err := b.writeArchive(ctx, reason, func(tmpDir string, m backup.Manifest, src backup.Source) (backup.Info, error) {
		return backup.Write(ctx, b.dir, m, src, func(done, total int64) {
			report(Progress{Phase: PhaseArchiving, Done: int(done >> 10), Total: int(total >> 10)})
		})
	}, report)
	if err != nil {
		return BackupInfo{}, err
	}
	location := LocationMain
	if second := b.secondFolder(ctx); second != "" {
		report(Progress{Phase: PhaseCopying})
		// A USB key left at home must not stop the backups: the copy's failure is logged and
		// the backup is listed as being only in the data folder.
		if err := backup.Copy(ctx, info.Path, second); err != nil {
			b.log.Warn("backup: copy to the second folder failed", "folder", second, "err", err)
		} else {
			location = LocationBoth
			b.thin(second, protect)
		}
	}
	b.thin(b.dir, protect)
	b.log.Info("backup taken", "name", info.Name, "reason", reason, "bytes", info.Size)
	out := toBackupInfo(info)
	out.Location = location
	return out, nil
}

// CreateFile writes a backup to the file path (`civisphere backup --out FILE`).
func (b *Backups) CreateFile(ctx context.Context, actor domain.Actor, path string, progress func(Progress)) (BackupInfo, error) {
	if !actor.CanManageSettings() {
		return BackupInfo{}, fmt.Errorf("back up: %w", domain.ErrForbidden)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	report := func(p Progress) {
		if progress != nil {
			progress(p)
		}
	}
	info, err := b.writeArchive(ctx, backup.ReasonManual, func(tmpDir string, m backup.Manifest, src backup.Source) (backup.Info, error) {
		return backup.WriteFile(ctx, path, m, src, func(done, total int64) {
			report(Progress{Phase: PhaseArchiving, Done: int(done >> 10), Total: int(total >> 10)})
		})
	}, report)
	if err != nil {
		return BackupInfo{}, err
	}
	return toBackupInfo(info), nil
}

// writeArchive snapshots the database into a temporary folder and hands it to write. The
// database is taken first, then the documents: a document added meanwhile is in the archive
// without its row (harmless); one deleted meanwhile keeps its row without its file.
func (b *Backups) writeArchive(ctx context.Context, reason backup.Reason, write func(string, backup.Manifest, backup.Source) (backup.Info, error), report func(Progress)) (backup.Info, error) {
	if err := os.MkdirAll(b.dir, 0o700); err != nil {
		return backup.Info{}, fmt.Errorf("back up: %w", err)
	}
	tmpDir, err := os.MkdirTemp(b.dir, ".snapshot-*")
	if err != nil {
		return backup.Info{}, fmt.Errorf("back up: %w", err)
	}
	defer os.RemoveAll(tmpDir) //nolint:errcheck // a temporary copy
	report(Progress{Phase: PhaseSnapshot})
	snap := filepath.Join(tmpDir, backup.DatabaseMember)
	if err := b.store.Snapshot(ctx, snap); err != nil {
		return backup.Info{}, fmt.Errorf("back up: %w", err)
	}
	dbInfo, err := store.InspectDatabaseFile(ctx, snap, false)
	if err != nil {
		return backup.Info{}, fmt.Errorf("back up: the snapshot fails its check: %w", err)
	}
	m := backup.Manifest{AppVersion: b.appVersion, SchemaVersion: dbInfo.SchemaVersion, CreatedAt: b.now(), Reason: reason, Counts: dbInfo.Counts}
	info, err := write(tmpDir, m, backup.Source{Database: snap, Documents: documentsFolder(b.dataDir)})
	if err != nil {
		return backup.Info{}, fmt.Errorf("back up: %w", err)
	}
	return info, nil
}

// thin deletes, in dir, the automatic backups the policy no longer keeps, except protect.
func (b *Backups) thin(dir, protect string) {
	entries, err := scanNames(dir)
	if err != nil {
		b.log.Warn("backup: cannot list backups to thin", "folder", dir, "err", err)
		return
	}
	for _, e := range backup.Thin(entries, b.policy, time.Local) {
		if e.Name == protect {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name)); err != nil {
			b.log.Warn("backup: cannot delete an old backup", "name", e.Name, "err", err)
		}
	}
}

// scanNames lists the backups of dir by their names (a missing folder has none).
func scanNames(dir string) ([]backup.Entry, error) {
	list, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []backup.Entry
	for _, d := range list {
		if t, reason, ok := backup.ParseName(d.Name()); ok && d.Type().IsRegular() {
			out = append(out, backup.Entry{Name: d.Name(), CreatedAt: t, Reason: reason})
		}
	}
	return out, nil
}

func toBackupInfo(i backup.Info) BackupInfo {
	return BackupInfo{Name: i.Name, CreatedAt: i.Manifest.CreatedAt, Reason: i.Manifest.Reason, SizeBytes: i.Size,
		SchemaVersion: i.Manifest.SchemaVersion, AppVersion: i.Manifest.AppVersion, Counts: i.Manifest.Counts}
}

// List returns the backups of the main and second folders, newest first. A file whose
// manifest cannot be read is left out (and logged): it cannot be restored anyway.
func (b *Backups) List(ctx context.Context, actor domain.Actor) ([]BackupInfo, error) {
	if !actor.CanManageSettings() {
		return nil, fmt.Errorf("list backups: %w", domain.ErrForbidden)
	}
	byName := map[string]*BackupInfo{}
	add := func(dir, location string) error {
		entries, err := scanNames(dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if existing, ok := byName[e.Name]; ok {
				existing.Location = LocationBoth
				continue
			}
			info, err := backup.ReadManifest(filepath.Join(dir, e.Name), b.limits)
			if err != nil {
				b.log.Warn("backup: unreadable backup left out of the list", "name", e.Name, "err", err)
				continue
			}
			bi := toBackupInfo(info)
			bi.Location = location
			byName[e.Name] = &bi
		}
		return nil
	}
	if err := add(b.dir, LocationMain); err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	if second := b.secondFolder(ctx); second != "" {
		if err := add(second, LocationSecond); err != nil {
			b.log.Warn("backup: cannot list the second folder", "folder", second, "err", err)
		}
	}
	out := make([]BackupInfo, 0, len(byName))
	for _, bi := range byName {
		out = append(out, *bi)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].CreatedAt.Equal(out[j].CreatedAt) {
			return out[i].CreatedAt.After(out[j].CreatedAt)
		}
		return out[i].Name > out[j].Name
	})
	return out, nil
}

// find returns the path of the backup called name, in the main folder or else the second
// one. Names are checked against the pattern of backup names, so a client's name never
// reaches the file system as a path.
func (b *Backups) find(ctx context.Context, name string) (string, backup.Reason, error) {
	_, reason, ok := backup.ParseName(name)
	if !ok {
		return "", "", domain.ErrNotFound
	}
	for _, dir := range []string{b.dir, b.secondFolder(ctx)} {
		if dir == "" {
			continue
		}
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p, reason, nil
		}
	}
	return "", "", domain.ErrNotFound
}

// Open returns the backup file called name, for download; the caller closes it.
func (b *Backups) Open(ctx context.Context, actor domain.Actor, name string) (*os.File, int64, error) {
	if !actor.CanManageSettings() {
		return nil, 0, fmt.Errorf("download backup: %w", domain.ErrForbidden)
	}
	p, _, err := b.find(ctx, name)
	if err != nil {
		return nil, 0, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, 0, fmt.Errorf("download backup: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, fmt.Errorf("download backup: %w", err)
	}
	return f, st.Size(), nil
}

// Delete removes a manual backup from both folders. Automatic ones are thinned by the app.
func (b *Backups) Delete(ctx context.Context, actor domain.Actor, name string) error {
	if !actor.CanManageSettings() {
		return fmt.Errorf("delete backup: %w", domain.ErrForbidden)
	}
	_, reason, err := b.find(ctx, name)
	if err != nil {
		return err
	}
	if reason != backup.ReasonManual {
		return &domain.RuleError{Code: domain.RuleBackupNotManual}
	}
	for _, dir := range []string{b.dir, b.secondFolder(ctx)} {
		if dir == "" {
			continue
		}
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("delete backup: %w", err)
		}
	}
	return nil
}

// Restore replaces the data with the backup called name, while the app runs: it first backs up
// the current state (reason restore), checks every byte of the backup and its database's
// integrity, then swaps the documents folder and restores the database online (readers see the
// old data or the new, never a mix), runs RestoreHooks and rebuilds the search index in the
// background. It returns the backup of the state it replaced.
func (b *Backups) Restore(ctx context.Context, actor domain.Actor, name string, progress func(Progress)) (BackupInfo, error) {
	if !actor.CanManageSettings() {
		return BackupInfo{}, fmt.Errorf("restore backup: %w", domain.ErrForbidden)
	}
	// Like Create, a restore waits for a backup under way (the daily one after start-up).
	b.mu.Lock()
	defer b.mu.Unlock()
	report := func(p Progress) {
		if progress != nil {
			progress(p)
		}
	}
	p, _, err := b.find(ctx, name)
	if err != nil {
		return BackupInfo{}, err
	}
	// Check the manifest before anything else: an archive that is not a backup changes nothing.
	if _, err := backup.ReadManifest(p, b.limits); err != nil {
		return BackupInfo{}, backupProblem(err)
	}
	before, err := b.create(ctx, backup.ReasonRestore, name, progress)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("restore backup: the current state could not be backed up first, so nothing was changed: %w", err)
	}
	work, err := os.MkdirTemp(b.dataDir, ".restore-*")
	if err != nil {
		return before, fmt.Errorf("restore backup: %w", err)
	}
	defer os.RemoveAll(work) //nolint:errcheck // what is left there is the replaced documents or a refused backup
	content := filepath.Join(work, "content")
	if err := extractChecked(ctx, p, content, b.limits, report); err != nil {
		return before, err
	}

	report(Progress{Phase: PhaseRestoring})
	docs := documentsFolder(b.dataDir)
	oldDocs := filepath.Join(work, "documents-before")
	if err := renameIfExists(docs, oldDocs); err != nil {
		return before, fmt.Errorf("restore backup: set the current documents aside: %w", err)
	}
	if err := os.Rename(filepath.Join(content, "documents"), docs); err != nil {
		renameIfExists(oldDocs, docs) //nolint:errcheck // putting things back as they were
		return before, fmt.Errorf("restore backup: put the documents in place: %w", err)
	}
	if err := b.store.RestoreFrom(ctx, filepath.Join(content, backup.DatabaseMember)); err != nil {
		// The database was left as it was: so are the documents.
		os.RemoveAll(docs)            //nolint:errcheck // the backup's copy
		renameIfExists(oldDocs, docs) //nolint:errcheck // putting things back as they were
		return before, fmt.Errorf("restore backup: %w", err)
	}
	syncFolder(b.dataDir)
	b.log.Info("backup restored", "name", name, "previous state", before.Name)
	hookErr := b.runRestoreHooks(ctx)
	if b.index != nil {
		report(Progress{Phase: PhaseReindexing})
		b.index.Rebuild()
	}
	if hookErr != nil {
		return before, fmt.Errorf("restore backup: restored, but a follow-up step failed: %w", hookErr)
	}
	return before, nil
}

// AfterRestore runs RestoreHooks; `civisphere restore` calls it once the files are in place.
func (b *Backups) AfterRestore(ctx context.Context) error { return b.runRestoreHooks(ctx) }

func (b *Backups) runRestoreHooks(ctx context.Context) error {
	for i, hook := range b.RestoreHooks {
		if err := hook(ctx); err != nil {
			b.log.Error("backup: restore hook failed", "hook", i, "err", err)
			return err
		}
	}
	return nil
}

// extractChecked extracts the backup at p into dir and checks its database in full.
func extractChecked(ctx context.Context, p, dir string, limits backup.Limits, report func(Progress)) error {
	report(Progress{Phase: PhaseVerifying})
	if _, err := backup.Extract(ctx, p, dir, limits, func(done, total int64) {
		report(Progress{Phase: PhaseVerifying, Done: int(done >> 10), Total: int(total >> 10)})
	}); err != nil {
		return backupProblem(err)
	}
	if _, err := store.InspectDatabaseFile(ctx, filepath.Join(dir, backup.DatabaseMember), true); err != nil {
		return backupProblem(err)
	}
	return nil
}

// backupProblem turns the refusals of a backup into FileProblems the API can explain.
func backupProblem(err error) error {
	var tooNew *store.SchemaTooNewError
	var corrupt *store.CorruptionError
	switch {
	case errors.As(err, &tooNew):
		return &FileProblem{Code: FileBackupTooNew, Params: map[string]any{"found": tooNew.Found, "supported": tooNew.Supported}, Err: err}
	case errors.As(err, &corrupt):
		return &FileProblem{Code: FileBackupDamaged, Err: err}
	case errors.Is(err, backup.ErrInvalid):
		return &FileProblem{Code: FileBackupInvalid, Err: err}
	}
	return err
}

func renameIfExists(from, to string) error {
	err := os.Rename(from, to)
	if errors.Is(err, fs.ErrNotExist) {
		if _, statErr := os.Stat(from); errors.Is(statErr, fs.ErrNotExist) {
			return nil
		}
	}
	return err
}

// RestoreFilesOffline puts the backup file at archive in place in dataDir while no Civisphère
// runs on it (`civisphere restore`; the caller holds the data folder's exclusive lock and has
// already backed up the current state). The backup is checked in full first; then the
// database files and the documents folder are swapped by renames. The old database, with its
// -wal and -shm, is moved aside first: an old WAL beside the restored file would be replayed
// into it. It returns the folder where the replaced files were put; the caller removes it once
// satisfied, or keeps it when the current state could not be backed up.
func RestoreFilesOffline(ctx context.Context, dataDir, archive string, report func(Progress)) (string, error) {
	if report == nil {
		report = func(Progress) {}
	}
	work, err := os.MkdirTemp(dataDir, ".restore-*")
	if err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	content := filepath.Join(work, "content")
	if err := extractChecked(ctx, archive, content, backup.DefaultLimits(), report); err != nil {
		os.RemoveAll(work) //nolint:errcheck // a refused backup
		return "", err
	}
	report(Progress{Phase: PhaseRestoring})
	replaced := filepath.Join(dataDir, "replaced-"+time.Now().UTC().Format("2006-01-02T150405Z"))
	if err := os.Mkdir(replaced, 0o700); err != nil {
		os.RemoveAll(work) //nolint:errcheck // nothing was changed
		return "", fmt.Errorf("restore: %w", err)
	}
	db := filepath.Join(dataDir, "civisphere.db")
	var moved []string
	undo := func() {
		for i := len(moved) - 1; i >= 0; i-- {
			os.Rename(filepath.Join(replaced, filepath.Base(moved[i])), moved[i]) //nolint:errcheck // best effort
		}
	}
	for _, p := range []string{db + "-wal", db + "-shm", db, documentsFolder(dataDir)} {
		if err := renameIfExists(p, filepath.Join(replaced, filepath.Base(p))); err != nil {
			undo()
			return "", fmt.Errorf("restore: set %s aside: %w", filepath.Base(p), err)
		}
		moved = append(moved, p)
	}
	if err := os.Rename(filepath.Join(content, "documents"), documentsFolder(dataDir)); err != nil {
		undo()
		return "", fmt.Errorf("restore: put the documents in place: %w", err)
	}
	if err := os.Rename(filepath.Join(content, backup.DatabaseMember), db); err != nil {
		os.RemoveAll(documentsFolder(dataDir)) //nolint:errcheck // the backup's copy
		undo()
		return "", fmt.Errorf("restore: put the database in place: %w", err)
	}
	syncFolder(dataDir)
	os.RemoveAll(work) //nolint:errcheck // emptied by the renames
	return replaced, nil
}

// secondFolder is the configured second folder, or "" (also when the setting cannot be read).
func (b *Backups) secondFolder(ctx context.Context) string {
	s, err := b.store.BackupSettings(ctx)
	if err != nil {
		b.log.Warn("backup: cannot read the backup settings", "err", err)
		return ""
	}
	return s.SecondFolder
}

// Settings returns the backup settings, the main folder and the time of the last automatic
// backup.
func (b *Backups) Settings(ctx context.Context, actor domain.Actor) (BackupSettingsView, error) {
	if !actor.CanManageSettings() {
		return BackupSettingsView{}, fmt.Errorf("backup settings: %w", domain.ErrForbidden)
	}
	s, err := b.store.BackupSettings(ctx)
	if err != nil {
		return BackupSettingsView{}, err
	}
	view := BackupSettingsView{BackupSettings: s, Folder: b.dir}
	entries, err := scanNames(b.dir)
	if err != nil {
		return BackupSettingsView{}, fmt.Errorf("backup settings: %w", err)
	}
	for _, e := range entries {
		if e.Reason != backup.ReasonManual && e.CreatedAt.After(view.LastAutomaticBackup) {
			view.LastAutomaticBackup = e.CreatedAt
		}
	}
	return view, nil
}

// UpdateSettings checks and saves the backup settings. The second folder must be an absolute
// path to an existing folder where files can be written, outside the data folder (a copy on
// the same disk protects from nothing; inside it, backups would back up backups).
func (b *Backups) UpdateSettings(ctx context.Context, actor domain.Actor, s domain.BackupSettings) (BackupSettingsView, error) {
	if !actor.CanManageSettings() {
		return BackupSettingsView{}, fmt.Errorf("backup settings: %w", domain.ErrForbidden)
	}
	s.SecondFolder = strings.TrimSpace(s.SecondFolder)
	if s.SecondFolder != "" {
		code := checkSecondFolder(s.SecondFolder, b.dataDir)
		if code != "" {
			return BackupSettingsView{}, &domain.ValidationError{Fields: []domain.FieldError{{Field: "secondFolder", Code: code}}}
		}
		s.SecondFolder = filepath.Clean(s.SecondFolder)
	}
	if err := b.store.SaveBackupSettings(ctx, s, b.now()); err != nil {
		return BackupSettingsView{}, err
	}
	return b.Settings(ctx, actor)
}

func checkSecondFolder(folder, dataDir string) string {
	if !filepath.IsAbs(folder) {
		return domain.CodeFolderNotAbsolute
	}
	st, err := os.Stat(folder)
	if err != nil || !st.IsDir() {
		return domain.CodeFolderNotFound
	}
	if inside(folder, dataDir) {
		return domain.CodeFolderInsideData
	}
	f, err := os.CreateTemp(folder, ".civisphere-write-test-*")
	if err != nil {
		return domain.CodeFolderNotWritable
	}
	f.Close()
	os.Remove(f.Name()) //nolint:errcheck // an empty probe file
	return ""
}

// inside tells whether folder is dir or below it, following symbolic links where it can.
func inside(folder, dir string) bool {
	resolve := func(p string) string {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return r
		}
		return filepath.Clean(p)
	}
	rel, err := filepath.Rel(resolve(dir), resolve(folder))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// dailyInterval is how old the newest daily backup may get, and checkInterval how often the
// scheduler looks.
const (
	dailyInterval = 24 * time.Hour
	checkInterval = time.Hour
)

// DailyIfDue takes the daily backup when the newest one is older than a day (or there is none).
func (b *Backups) DailyIfDue(ctx context.Context) (bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	entries, err := scanNames(b.dir)
	if err != nil {
		return false, fmt.Errorf("daily backup: %w", err)
	}
	var newest time.Time
	for _, e := range entries {
		if e.Reason == backup.ReasonDaily && e.CreatedAt.After(newest) {
			newest = e.CreatedAt
		}
	}
	if !newest.IsZero() && b.now().Sub(newest) < dailyInterval {
		return false, nil
	}
	_, err = b.create(ctx, backup.ReasonDaily, "", nil)
	return err == nil, err
}

// RunDaily takes the daily backup at once when due, then checks every hour, until ctx ends.
// Failures are logged: the next check tries again.
func (b *Backups) RunDaily(ctx context.Context) {
	ticker := time.NewTicker(checkInterval)
	defer ticker.Stop()
	for {
		if _, err := b.DailyIfDue(ctx); err != nil && ctx.Err() == nil {
			b.log.Error("daily backup failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// BackupBeforeMigration is the store.BeforeMigrate hook of the data folder dataDir: it writes
// a backup of the database as it is before the migrations (reason migration), with the
// documents. Thinning waits for the next backup the app takes.
func BackupBeforeMigration(dataDir, appVersion string, now func() time.Time) func(context.Context, store.PendingMigration) error {
	return func(ctx context.Context, pm store.PendingMigration) error {
		dir := BackupsFolder(dataDir)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("backup before migration: %w", err)
		}
		tmpDir, err := os.MkdirTemp(dir, ".snapshot-*")
		if err != nil {
			return fmt.Errorf("backup before migration: %w", err)
		}
		defer os.RemoveAll(tmpDir) //nolint:errcheck // a temporary copy
		snap := filepath.Join(tmpDir, backup.DatabaseMember)
		if err := pm.Snapshot(ctx, snap); err != nil {
			return fmt.Errorf("backup before migration: %w", err)
		}
		info, err := store.InspectDatabaseFile(ctx, snap, false)
		if err != nil {
			return fmt.Errorf("backup before migration: %w", err)
		}
		m := backup.Manifest{AppVersion: appVersion, SchemaVersion: info.SchemaVersion, CreatedAt: now(), Reason: backup.ReasonMigration, Counts: info.Counts}
		if _, err := backup.Write(ctx, dir, m, backup.Source{Database: snap, Documents: documentsFolder(dataDir)}, nil); err != nil {
			return fmt.Errorf("backup before migration: %w", err)
		}
		return nil
	}
}
