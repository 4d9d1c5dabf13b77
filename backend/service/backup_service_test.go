package service

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/backup"
	"github.com/civisphere/civisphere/backend/domain"
)

type backupEnv struct {
	*volunteerEnv
	backups *Backups
	clock   *time.Time
}

func newBackupEnv(t *testing.T) *backupEnv {
	t.Helper()
	env := newVolunteerEnv(t)
	clock := time.Date(2026, 11, 26, 10, 15, 0, 0, time.UTC)
	b := NewBackups(env.store, env.indexer, env.dir, "test", func() time.Time { return clock }, slog.New(slog.NewTextHandler(io.Discard, nil)))
	env.svc.SetBeforeImport(b.BeforeImport)
	return &backupEnv{volunteerEnv: env, backups: b, clock: &clock}
}

func (e *backupEnv) addVolunteer(t *testing.T, first, last string) domain.Volunteer {
	t.Helper()
	v, err := e.svc.Create(context.Background(), domain.LocalAdmin(), domain.Volunteer{FirstName: first, LastName: last, City: "Besançon"})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func writeDocument(t *testing.T, dir, rel, content string) {
	t.Helper()
	p := filepath.Join(dir, "documents", filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestBackupThenRestoreWhileRunning(t *testing.T) {
	ctx := context.Background()
	env := newBackupEnv(t)
	admin := domain.LocalAdmin()
	kept := env.addVolunteer(t, "Élodie", "Œuvre")
	writeDocument(t, env.dir, "1/1-aaaa", "compte rendu de Besançon")

	var phases []string
	made, err := env.backups.Create(ctx, admin, backup.ReasonManual, func(p Progress) { phases = append(phases, p.Phase) })
	if err != nil {
		t.Fatal(err)
	}
	if made.Reason != backup.ReasonManual || made.Counts["volunteers"] != 1 || made.Location != LocationMain || len(phases) == 0 {
		t.Fatalf("backup %+v, phases %v", made, phases)
	}

	*env.clock = env.clock.Add(time.Minute)
	later := env.addVolunteer(t, "Ольга", "Петрова")
	writeDocument(t, env.dir, "1/2-bbbb", "ajouté après la sauvegarde")
	os.Remove(filepath.Join(env.dir, "documents", "1", "1-aaaa"))

	before, err := env.backups.Restore(ctx, admin, made.Name, nil)
	if err != nil {
		t.Fatalf("restore: %v", err)
	}
	if before.Reason != backup.ReasonRestore || before.Counts["volunteers"] != 2 {
		t.Errorf("the backup of the replaced state: %+v", before)
	}
	if _, err := env.svc.Get(ctx, admin, kept.ID); err != nil {
		t.Errorf("the volunteer of the backup is gone: %v", err)
	}
	if _, err := env.svc.Get(ctx, admin, later.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("the volunteer added after the backup is still there: %v", err)
	}
	if got, err := os.ReadFile(filepath.Join(env.dir, "documents", "1", "1-aaaa")); err != nil || string(got) != "compte rendu de Besançon" {
		t.Errorf("the backed-up document: %q %v", got, err)
	}
	if _, err := os.Stat(filepath.Join(env.dir, "documents", "1", "2-bbbb")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the document added after the backup is still there: %v", err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(env.dir, ".restore-*")); len(leftovers) > 0 {
		t.Errorf("temporary folders left: %v", leftovers)
	}
	waitIndexReady(t, env.indexer)
	res, err := env.svc.Search(ctx, admin, SearchParams{Limit: 10})
	if err != nil || res.Total != 1 {
		t.Errorf("search after restore: %d results, %v", res.Total, err)
	}

	// And the replaced state can be restored in turn: undoing the restore.
	*env.clock = env.clock.Add(time.Minute)
	if _, err := env.backups.Restore(ctx, admin, before.Name, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := env.svc.Get(ctx, admin, later.ID); err != nil {
		t.Errorf("undoing the restore lost the later volunteer: %v", err)
	}
}

func TestRestoreRefusesADamagedBackupAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	env := newBackupEnv(t)
	admin := domain.LocalAdmin()
	made, err := env.backups.Create(ctx, admin, backup.ReasonManual, nil)
	if err != nil {
		t.Fatal(err)
	}
	v := env.addVolunteer(t, "Ελένη", "Παπαδοπούλου")
	p := filepath.Join(env.dir, "backups", made.Name)
	data, _ := os.ReadFile(p)
	data[100] ^= 0xff
	os.WriteFile(p, data, 0o600) //nolint:errcheck // checked by the restore below
	_, err = env.backups.Restore(ctx, admin, made.Name, nil)
	var problem *FileProblem
	if !errors.As(err, &problem) || problem.Code != FileBackupInvalid {
		t.Fatalf("want a backup_invalid FileProblem, got %v", err)
	}
	if _, err := env.svc.Get(ctx, admin, v.ID); err != nil {
		t.Errorf("a refused restore changed the data: %v", err)
	}
}

func TestBackupNamesPermissionsAndDeletion(t *testing.T) {
	ctx := context.Background()
	env := newBackupEnv(t)
	admin := domain.LocalAdmin()
	viewer := domain.Actor{Role: domain.RoleViewer}
	if _, err := env.backups.Create(ctx, viewer, backup.ReasonManual, nil); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a viewer backed up: %v", err)
	}
	daily, err := env.backups.Create(ctx, admin, backup.ReasonDaily, nil)
	if err != nil {
		t.Fatal(err)
	}
	manual, err := env.backups.Create(ctx, admin, backup.ReasonManual, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"../civisphere.db", "civisphere.db", "/etc/passwd", "..%2fx.zip", "civisphere-2026-11-26T101500Z-other.zip"} {
		if _, _, err := env.backups.Open(ctx, admin, bad); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("Open(%q): %v", bad, err)
		}
	}
	var rule *domain.RuleError
	if err := env.backups.Delete(ctx, admin, daily.Name); !errors.As(err, &rule) || rule.Code != domain.RuleBackupNotManual {
		t.Errorf("deleting a daily backup: %v", err)
	}
	if err := env.backups.Delete(ctx, admin, manual.Name); err != nil {
		t.Fatal(err)
	}
	list, err := env.backups.List(ctx, admin)
	if err != nil || len(list) != 1 || list[0].Name != daily.Name {
		t.Fatalf("list after deletion: %+v %v", list, err)
	}
}

func TestSecondFolderAndDailySchedule(t *testing.T) {
	ctx := context.Background()
	env := newBackupEnv(t)
	admin := domain.LocalAdmin()
	second := filepath.Join(t.TempDir(), "Clé USB Élodie")
	os.Mkdir(second, 0o700) //nolint:errcheck // checked through the settings below

	for folder, code := range map[string]string{
		"relatif/dossier":                 domain.CodeFolderNotAbsolute,
		filepath.Join(second, "absent"):   domain.CodeFolderNotFound,
		env.dir:                           domain.CodeFolderInsideData,
		filepath.Join(env.dir, "backups"): domain.CodeFolderInsideData,
	} {
		os.MkdirAll(filepath.Join(env.dir, "backups"), 0o700) //nolint:errcheck // for the inside case
		_, err := env.backups.UpdateSettings(ctx, admin, domain.BackupSettings{SecondFolder: folder})
		var invalid *domain.ValidationError
		if !errors.As(err, &invalid) || invalid.Fields[0].Code != code {
			t.Errorf("second folder %q: want %s, got %v", folder, code, err)
		}
	}
	if _, err := env.backups.UpdateSettings(ctx, admin, domain.BackupSettings{SecondFolder: second}); err != nil {
		t.Fatal(err)
	}

	done, err := env.backups.DailyIfDue(ctx)
	if err != nil || !done {
		t.Fatalf("first daily: %v %v", done, err)
	}
	if done, _ := env.backups.DailyIfDue(ctx); done {
		t.Error("a second daily backup within the day")
	}
	*env.clock = env.clock.Add(25 * time.Hour)
	if done, err := env.backups.DailyIfDue(ctx); err != nil || !done {
		t.Errorf("the next day's backup: %v %v", done, err)
	}
	list, err := env.backups.List(ctx, admin)
	if err != nil || len(list) != 2 {
		t.Fatalf("list: %+v %v", list, err)
	}
	for _, b := range list {
		if b.Location != LocationBoth {
			t.Errorf("%s is in %s, want both folders", b.Name, b.Location)
		}
	}
	view, err := env.backups.Settings(ctx, admin)
	if err != nil || !view.LastAutomaticBackup.Equal(env.clock.Truncate(time.Second)) || view.SecondFolder != second {
		t.Errorf("settings %+v %v", view, err)
	}

	// The second folder gone (a USB key left at home) does not stop backups.
	os.RemoveAll(second)
	made, err := env.backups.Create(ctx, admin, backup.ReasonManual, nil)
	if err != nil || made.Location != LocationMain {
		t.Errorf("backup without the second folder: %+v %v", made, err)
	}
}

func TestImportIsPrecededByABackup(t *testing.T) {
	ctx := context.Background()
	env := newBackupEnv(t)
	csv := []byte("Prénom;Nom;Ville\nÉlodie;Œuvre;Besançon\nΕλένη;Παπαδοπούλου;Lyon\n")
	if _, err := env.svc.ImportVolunteers(ctx, domain.LocalAdmin(), csv, "bénévoles.csv", ImportOptions{DryRun: true}, nil); err != nil {
		t.Fatal(err)
	}
	if list, _ := env.backups.List(ctx, domain.LocalAdmin()); len(list) != 0 {
		t.Fatalf("a dry run made a backup: %+v", list)
	}
	rep, err := env.svc.ImportVolunteers(ctx, domain.LocalAdmin(), csv, "bénévoles.csv", ImportOptions{}, nil)
	if err != nil || rep.Created != 2 {
		t.Fatalf("import: %+v %v", rep, err)
	}
	list, _ := env.backups.List(ctx, domain.LocalAdmin())
	if len(list) != 1 || list[0].Reason != backup.ReasonImport || list[0].Counts["volunteers"] != 0 {
		t.Fatalf("backups after the import: %+v", list)
	}
}
