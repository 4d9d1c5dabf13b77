package httpapi

import (
	"bytes"
	"errors"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// spaHandler serves the built web UI. Vite names assets after their content, so files under
// assets/ never change and are cached for good; index.html is revalidated on every load so an
// update shows at once. Paths that are not files are the app's own routes (history mode) and
// get index.html; a missing file with an extension stays a 404 so a stale chunk fails loudly.
type spaHandler struct {
	ui fs.FS
}

func newSPAHandler(ui fs.FS) http.Handler { return &spaHandler{ui: ui} }

// Types Go's table may lack, depending on the system's mime database.
var assetTypes = map[string]string{
	".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8", ".html": "text/html; charset=utf-8",
	".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon",
	".woff2": "font/woff2", ".woff": "font/woff", ".json": "application/json",
	".webmanifest": "application/manifest+json",
}

func (h *spaHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if isAPI(r) || r.URL.Path == "/api" {
		writeProblem(w, http.StatusNotFound, msgRouteNotFound.in(localeFrom(r.Context())))
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || name == "index.html" {
		h.serveIndex(w, r)
		return
	}
	data, err := fs.ReadFile(h.ui, name)
	switch {
	case err == nil:
		h.serveFile(w, r, name, data)
	case path.Ext(name) != "":
		http.NotFound(w, r)
	default:
		h.serveIndex(w, r)
	}
}

func (h *spaHandler) serveIndex(w http.ResponseWriter, r *http.Request) {
	data, err := fs.ReadFile(h.ui, "index.html")
	if errors.Is(err, fs.ErrNotExist) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte(notBuiltPage)) //nolint:errcheck // the client went away
		return
	}
	if err != nil {
		http.Error(w, "cannot read the interface", http.StatusInternalServerError)
		return
	}
	h.serveFile(w, r, "index.html", data)
}

func (h *spaHandler) serveFile(w http.ResponseWriter, r *http.Request, name string, data []byte) {
	if t, ok := assetTypes[path.Ext(name)]; ok {
		w.Header().Set("Content-Type", t)
	}
	if strings.HasPrefix(name, "assets/") {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

// notBuiltPage is what a developer sees when the Go binary was built before the frontend.
const notBuiltPage = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Civisphère</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>Civisphère</h1>
<p>L’interface n’a pas été construite dans ce binaire. Lancez <code>make build</code>.</p>
<p lang="en">The interface was not built into this binary. Run <code>make build</code>.</p>
</body></html>`
