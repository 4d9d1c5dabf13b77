package app

import (
	"context"
	"fmt"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// SelfTest is the automated check that the real window works end to end: the page renders,
// the frontend asks for the token through a binding, saves it through the asset server with a
// PUT (a request body, which WebKitGTK passes on only with the right build tag) and the store
// gets it. The test harness screenshots the window while it holds.
type SelfTest struct {
	Token   string                                  // what the frontend must save as the association's name
	Saved   func(ctx context.Context) (bool, error) // tells whether the store holds the token
	Timeout time.Duration                           // how long to wait for the write
	Hold    time.Duration                           // how long to keep the window open after success
}

// SelfTestToken tells the frontend what to save; "" outside the self-test.
func (d *Desktop) SelfTestToken() string {
	if d.selfTest == nil {
		return ""
	}
	return d.selfTest.Token
}

func (d *Desktop) runSelfTest(ctx context.Context) {
	deadline := time.Now().Add(d.selfTest.Timeout)
	for time.Now().Before(deadline) {
		ok, err := d.selfTest.Saved(ctx)
		if err != nil {
			fmt.Fprintf(d.stdout, "SELF-TEST ERROR: %v\n", err)
			break
		}
		if ok {
			d.selfTestPassed.Store(true)
			fmt.Fprintln(d.stdout, "SELF-TEST OK: the window saved the profile through the asset server into SQLite")
			time.Sleep(d.selfTest.Hold)
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if !d.selfTestPassed.Load() {
		fmt.Fprintln(d.stdout, "SELF-TEST FAILED: no write reached the store in time")
	}
	runtime.Quit(ctx)
}
