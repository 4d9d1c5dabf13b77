//go:build dev

package app

import (
	"embed"
	"io/fs"
)

// devAssets makes `wails dev` proxy the window to Vite (live reload): Wails uses its frontend
// dev server only when Assets is set. What Vite answers 404 (all of /api) falls back to Handler.
func devAssets() fs.FS { return embed.FS{} }
