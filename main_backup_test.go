package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/service"
	"github.com/civisphere/civisphere/backend/store"
)

// searchNames returns the first names found for text once the index is ready.
func searchNames(t *testing.T, env *environment, text string) []string {
	t.Helper()
	ctx := context.Background()
	if err := env.index.Start(ctx); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for env.index.Status().State != service.IndexReady {
		if time.Now().After(deadline) {
			t.Fatalf("index not ready: %+v", env.index.Status())
		}
		time.Sleep(5 * time.Millisecond)
	}
	res, err := env.volunteers.Search(ctx, domain.LocalAdmin(), service.SearchParams{Text: text, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, it := range res.Items {
		names = append(names, it.Volunteer.FirstName)
	}
	return names
}

func TestBackupCommandThenRestoreCommand(t *testing.T) {
	ctx := context.Background()
	admin := domain.LocalAdmin()
	dir := filepath.Join(t.TempDir(), "Données Besançon")
	var out, errOut bytes.Buffer
	if code := run([]string{"demo", "--volunteers", "5", "--projects", "1", "--hours", "0", "--data", dir}, &out, &errOut); code != 0 {
		t.Fatalf("demo: %d %s", code, errOut.String())
	}

	env, err := openEnvironment(ctx, dir, io.Discard, false)
	if err != nil {
		t.Fatal(err)
	}
	elena, err := env.volunteers.Create(ctx, admin, domain.Volunteer{FirstName: "Ελένη", LastName: "Παπαδοπούλου", City: "Besançon"})
	if err != nil {
		t.Fatal(err)
	}
	projects, _, err := env.projects.List(ctx, admin, store.ProjectFilter{})
	if err != nil || len(projects) == 0 {
		t.Fatalf("projects: %v", err)
	}
	projectID := projects[0].ID
	doc, err := env.documents.AddFile(ctx, admin, projectID, "Procès-verbal", "Procès-verbal Œuvre été.txt", strings.NewReader("Compte rendu de l’assemblée, Besançon"))
	if err != nil {
		t.Fatal(err)
	}
	env.close()

	archive := filepath.Join(t.TempDir(), "sauvegarde Élodie.zip")
	out.Reset()
	if code := run([]string{"backup", "--out", archive, "--data", dir}, &out, &errOut); code != 0 {
		t.Fatalf("backup: %d %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "Backup written to") {
		t.Errorf("backup output %q", out.String())
	}
	if code := run([]string{"backup", "--out", archive, "--data", dir}, &out, &errOut); code != 1 {
		t.Errorf("a second backup over the first: code %d", code)
	}

	// Changes after the backup.
	env, err = openEnvironment(ctx, dir, io.Discard, false)
	if err != nil {
		t.Fatal(err)
	}
	olga, err := env.volunteers.Create(ctx, admin, domain.Volunteer{FirstName: "Ольга", LastName: "Петрова", City: "Lyon"})
	if err != nil {
		t.Fatal(err)
	}
	if err := env.documents.Delete(ctx, admin, projectID, doc.ID); err != nil {
		t.Fatal(err)
	}
	// While the folder is open, restore refuses and changes nothing.
	errOut.Reset()
	if code := run([]string{"restore", "--data", dir, archive}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "is running on") {
		t.Fatalf("restore beside a running app: code %d, %q", code, errOut.String())
	}
	env.close()

	out.Reset()
	errOut.Reset()
	// The file first and the flag after works too.
	if code := run([]string{"restore", archive, "--data", dir}, &out, &errOut); code != 0 {
		t.Fatalf("restore: %d %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "The current state was backed up") || !strings.Contains(out.String(), "Restored") {
		t.Errorf("restore output %q", out.String())
	}

	env, err = openEnvironment(ctx, dir, io.Discard, false)
	if err != nil {
		t.Fatal(err)
	}
	defer env.close()
	if _, err := env.volunteers.Get(ctx, admin, elena.ID); err != nil {
		t.Errorf("the volunteer of the backup: %v", err)
	}
	if _, err := env.volunteers.Get(ctx, admin, olga.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("the volunteer added after the backup: %v", err)
	}
	d, f, err := env.documents.Open(ctx, admin, projectID, doc.ID)
	if err != nil {
		t.Fatalf("the document of the backup: %v", err)
	}
	content, _ := io.ReadAll(f)
	f.Close()
	if d.FileName != "Procès-verbal Œuvre été.txt" || string(content) != "Compte rendu de l’assemblée, Besançon" {
		t.Errorf("document %q: %q", d.FileName, content)
	}
	if names := searchNames(t, env, "Ελένη"); len(names) != 1 {
		t.Errorf("search Ελένη after restore: %v", names)
	}
	if names := searchNames(t, env, "Ольга"); len(names) != 0 {
		t.Errorf("search Ольга after restore: %v", names)
	}
	list, err := env.backups.List(ctx, admin)
	if err != nil || len(list) == 0 || list[0].Reason != "restore" || list[0].Counts["volunteers"] != 7 {
		t.Errorf("the backup of the replaced state: %+v %v", list, err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, "replaced-*")); len(leftovers) > 0 {
		t.Errorf("the replaced files were kept although backed up: %v", leftovers)
	}
}

func TestRestoreRefusesANonBackup(t *testing.T) {
	dir := t.TempDir()
	bogus := filepath.Join(t.TempDir(), "pas-une-sauvegarde.zip")
	os.WriteFile(bogus, []byte("Élodie"), 0o600) //nolint:errcheck // checked through the command
	var out, errOut bytes.Buffer
	if code := run([]string{"restore", "--data", dir, bogus}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "Nothing was changed") {
		t.Fatalf("restore of a non-backup: %d %q", code, errOut.String())
	}
	if code := run([]string{"restore", "--data", dir}, &out, &errOut); code != 2 {
		t.Fatalf("restore without a file: %d", code)
	}
	if code := run([]string{"backup", "--data", dir}, &out, &errOut); code != 2 {
		t.Fatalf("backup without --out: %d", code)
	}
}
