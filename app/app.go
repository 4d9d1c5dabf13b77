// Package app is the Wails desktop shell around Civisphère's HTTP handler: window, lifecycle,
// single instance, and the few things a browser cannot do (native save dialog, opening links in
// the system browser). It is the only package that imports Wails. The UI reaches the backend
// through the same HTTP API as in a browser: the handler is the Wails asset server's.
package app

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/options/windows"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// windowIcon is build/appicon.png at 256 px, for the Linux title bar and task bar (Windows and
// macOS take theirs from build/ at packaging time).
//
//go:embed window_icon.png
var windowIcon []byte

// Options configure the window.
type Options struct {
	Handler    http.Handler // the application's handler (API and UI)
	InstanceID string       // one window per data folder: a second launch focuses the first
	SelfTest   *SelfTest    // nil outside the automated desktop test
	Stdout     io.Writer    // where the self-test reports
}

// Window sizes: the default fits a 1366×768 laptop with its task bar; below the minimum the
// sidebar and a form no longer fit side by side.
const (
	defaultWidth  = 1280
	defaultHeight = 760
	minWidth      = 960
	minHeight     = 600
)

// Run opens the window and returns when it is closed.
func Run(opts Options) error {
	d := &Desktop{handler: opts.Handler, selfTest: opts.SelfTest, stdout: opts.Stdout, ready: make(chan struct{})}
	err := wails.Run(&options.App{
		Title:            "Civisphère",
		Width:            defaultWidth,
		Height:           defaultHeight,
		MinWidth:         minWidth,
		MinHeight:        minHeight,
		BackgroundColour: &options.RGBA{R: 248, G: 250, B: 249, A: 255},
		AssetServer:      &assetserver.Options{Assets: devAssets(), Handler: opts.Handler},
		OnStartup:        d.startup,
		OnDomReady:       d.domReady,
		Bind:             []interface{}{d},
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               opts.InstanceID,
			OnSecondInstanceLaunch: d.focus,
		},
		EnableDefaultContextMenu: false,
		Linux: &linux.Options{
			Icon:             windowIcon,
			ProgramName:      "civisphere",
			WebviewGpuPolicy: linux.WebviewGpuPolicyOnDemand,
		},
		Windows: &windows.Options{
			WebviewIsTransparent: false,
			DisablePinchZoom:     true,
		},
	})
	if err != nil {
		return fmt.Errorf("desktop window: %w", err)
	}
	if d.selfTest != nil && !d.selfTestPassed.Load() {
		return errors.New("desktop self-test failed: the window did not save the profile through the asset server")
	}
	return nil
}

// Desktop is bound to the window's JavaScript as window.go.app.Desktop.
type Desktop struct {
	ctx            context.Context // Wails' own; set once by startup, before ready closes
	ready          chan struct{}
	handler        http.Handler
	selfTest       *SelfTest
	selfTestPassed atomic.Bool
	stdout         io.Writer
}

func (d *Desktop) startup(ctx context.Context) {
	d.ctx = ctx
	close(d.ready)
}

func (d *Desktop) domReady(ctx context.Context) {
	if d.selfTest != nil {
		go d.runSelfTest(ctx)
	}
}

func (d *Desktop) focus(options.SecondInstanceData) {
	if d.waitReady() != nil {
		return
	}
	runtime.WindowUnminimise(d.ctx)
	runtime.WindowShow(d.ctx)
}

// waitReady makes a call that races start-up wait for the Wails context.
func (d *Desktop) waitReady() error {
	select {
	case <-d.ready:
		return nil
	case <-time.After(5 * time.Second):
		return errors.New("the window is not ready")
	}
}
