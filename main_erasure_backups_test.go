package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civisphere/civisphere/backend/backup"
	"github.com/civisphere/civisphere/backend/domain"
)

// filesHolding returns the files under dir whose bytes hold one of needles; a zip archive (a
// backup) is opened and each member read, since its compression would hide a name from a plain
// byte search.
func filesHolding(t *testing.T, dir string, needles ...string) []string {
	t.Helper()
	var found []string
	holds := func(data []byte) bool {
		for _, n := range needles {
			if bytes.Contains(data, []byte(n)) {
				return true
			}
		}
		return false
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if holds(data) {
			found = append(found, p)
		}
		if strings.HasSuffix(p, ".zip") {
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				return err
			}
			for _, f := range zr.File {
				rc, err := f.Open()
				if err != nil {
					return err
				}
				member, err := io.ReadAll(rc)
				rc.Close()
				if err != nil {
					return err
				}
				if holds(member) {
					found = append(found, p+"!"+f.Name)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// After an erasure, the person is in no file of the data folder, backups included: the backups
// taken while they were there are rewritten without them, and the others are left as they were.
func TestErasureTakesThePersonOutOfTheBackups(t *testing.T) {
	ctx := context.Background()
	admin := domain.LocalAdmin()
	dir := filepath.Join(t.TempDir(), "Données Œuvre")
	env, err := openEnvironment(ctx, dir, io.Discard, true)
	if err != nil {
		t.Fatal(err)
	}
	defer env.close()

	person, err := env.volunteers.Create(ctx, admin, domain.Volunteer{FirstName: "Éléonore", LastName: "Ζαχαρίου",
		Email: "eleonore.zachariou@example.gr", City: "Θεσσαλονίκη", Bio: "Traductrice, Besançon.",
		Skills: []domain.VolunteerSkill{{Name: "Traduction", Level: domain.LevelExpert}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.volunteers.Create(ctx, admin, domain.Volunteer{FirstName: "Ольга", LastName: "Иванова", City: "Besançon"}); err != nil {
		t.Fatal(err)
	}
	holding, err := env.backups.Create(ctx, admin, backup.ReasonManual, nil)
	if err != nil {
		t.Fatal(err)
	}
	needles := []string{"Éléonore", "Ζαχαρίου", "eleonore.zachariou"}
	if got := filesHolding(t, filepath.Join(dir, "backups"), needles...); len(got) == 0 {
		t.Fatal("control: the backup taken before the erasure should hold the person")
	}

	if _, err := env.privacy.Erase(ctx, admin, person.ID); err != nil {
		t.Fatal(err)
	}
	env.scrubs.Wait()

	if got := filesHolding(t, dir, needles...); len(got) > 0 {
		t.Fatalf("the erased person is still in: %v", got)
	}
	// The rewritten backup keeps its name (date and reason) and the other person, and restores.
	if got := filesHolding(t, filepath.Join(dir, "backups"), "Ольга"); len(got) == 0 {
		t.Fatal("the other person should still be in the backups")
	}
	if _, err := env.backups.Restore(ctx, admin, holding.Name, nil); err != nil {
		t.Fatalf("the rewritten backup should restore: %v", err)
	}
	if names := searchNames(t, env, "Besançon"); len(names) != 1 || names[0] != "Ольга" {
		t.Fatalf("after restoring the rewritten backup: %v", names)
	}
}
