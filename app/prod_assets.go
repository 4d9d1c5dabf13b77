//go:build !dev

package app

import "io/fs"

// devAssets is nil outside `wails dev`: every request goes to the application's handler, which
// serves the embedded UI with its cache and security headers.
func devAssets() fs.FS { return nil }
