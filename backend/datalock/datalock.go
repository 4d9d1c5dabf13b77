// Package datalock tells whether a Civisphère is running on a data folder: every process that
// opens the folder holds a shared lock on its civisphere.lock file (a window and a `serve` may
// share a folder), and `civisphere restore`, which swaps the files underneath, needs the lock
// alone. The operating system releases the lock when the process ends, even on a crash, so a
// stale lock file never blocks anyone.
package datalock

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// FileName is the lock file in the data folder.
const FileName = "civisphere.lock"

// ErrInUse is returned when another process holds a lock that conflicts with the one asked.
var ErrInUse = errors.New("Civisphère is running on this data folder")

// Lock is a held lock; Release it when done.
type Lock struct {
	f *os.File
}

// Shared takes a shared lock on dir, without waiting.
func Shared(dir string) (*Lock, error) { return take(dir, false) }

// Exclusive takes the lock on dir alone, without waiting: ErrInUse when anyone holds it.
func Exclusive(dir string) (*Lock, error) { return take(dir, true) }

func take(dir string, exclusive bool) (*Lock, error) {
	f, err := os.OpenFile(filepath.Join(dir, FileName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock data folder: %w", err)
	}
	if err := lockFile(f, exclusive); err != nil {
		f.Close()
		return nil, err
	}
	return &Lock{f: f}, nil
}

// Release gives the lock back.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := unlockFile(l.f)
	if closeErr := l.f.Close(); err == nil {
		err = closeErr
	}
	l.f = nil
	return err
}
