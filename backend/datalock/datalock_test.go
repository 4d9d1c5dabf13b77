package datalock

import (
	"errors"
	"path/filepath"
	"testing"
)

func TestSharedLocksExcludeTheExclusiveOne(t *testing.T) {
	dir := filepath.Join(t.TempDir())
	a, err := Shared(dir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Shared(dir)
	if err != nil {
		t.Fatalf("a second shared lock: %v", err)
	}
	if _, err := Exclusive(dir); !errors.Is(err, ErrInUse) {
		t.Fatalf("exclusive beside shared ones: %v", err)
	}
	a.Release()
	if _, err := Exclusive(dir); !errors.Is(err, ErrInUse) {
		t.Fatalf("exclusive beside one shared lock: %v", err)
	}
	b.Release()
	x, err := Exclusive(dir)
	if err != nil {
		t.Fatalf("exclusive once everyone left: %v", err)
	}
	if _, err := Shared(dir); !errors.Is(err, ErrInUse) {
		t.Fatalf("shared beside the exclusive lock: %v", err)
	}
	x.Release()
}
