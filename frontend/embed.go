// Package frontend embeds the built web UI (Vue 3 + Vite) into the Go binary.
//
// dist/ holds only a .gitkeep in a fresh clone so that `go build` and `go test` work before the
// frontend is built; the HTTP layer then serves a page that says how to build it.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Dist returns the built UI rooted at dist/.
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		// fs.Sub only fails on an invalid path, and "dist" is a constant.
		panic(err)
	}
	return sub
}
