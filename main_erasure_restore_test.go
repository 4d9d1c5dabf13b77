package main

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/civisphere/civisphere/backend/backup"
	"github.com/civisphere/civisphere/backend/domain"
)

// A backup taken before an erasure still holds the person; restoring it in the running app must
// not bring them back: the environment wires the erasure ledger into the restore hooks.
func TestRestoringAnOlderBackupKeepsErasedPeopleErased(t *testing.T) {
	ctx := context.Background()
	admin := domain.LocalAdmin()
	dir := filepath.Join(t.TempDir(), "Données Œuvre")
	env, err := openEnvironment(ctx, dir, io.Discard, true)
	if err != nil {
		t.Fatal(err)
	}
	defer env.close()

	erased, err := env.volunteers.Create(ctx, admin, domain.Volunteer{FirstName: "Éléonore", LastName: "Ζαχαρίου", City: "Besançon", Email: "eleonore@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	kept, err := env.volunteers.Create(ctx, admin, domain.Volunteer{FirstName: "Ольга", LastName: "Иванова", City: "Besançon"})
	if err != nil {
		t.Fatal(err)
	}
	before, err := env.backups.Create(ctx, admin, backup.ReasonManual, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.privacy.Erase(ctx, admin, erased.ID); err != nil {
		t.Fatal(err)
	}

	if _, err := env.backups.Restore(ctx, admin, before.Name, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := env.volunteers.Get(ctx, admin, erased.ID); err == nil {
		t.Fatal("the erased person came back with the older backup")
	}
	if _, err := env.volunteers.Get(ctx, admin, kept.ID); err != nil {
		t.Fatalf("the other person should be back from the backup: %v", err)
	}
	if names := searchNames(t, env, "Besançon"); len(names) != 1 || names[0] != "Ольга" {
		t.Fatalf("search after restore: %v", names)
	}
}
