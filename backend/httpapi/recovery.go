package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"sync"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/service"
)

// RecoveryConfig is what the recovery handler needs: the damaged folder's backups, and how to
// open the folder once one of them is restored.
type RecoveryConfig struct {
	Version  string
	Recovery *service.Recovery
	// Reopen opens the data folder after a successful restore and returns the application's
	// handler, which then answers every request.
	Reopen       func(context.Context) (http.Handler, error)
	UI           fs.FS
	Log          *slog.Logger
	AllowedHosts []string
}

// recoveryHealth is /api/health while the database is damaged: the UI shows its recovery screen
// when it reads status "damaged".
type recoveryHealth struct {
	Status  string `json:"status"`
	Version string `json:"version"`
	Problem string `json:"problem"`
	DataDir string `json:"dataDir"`
}

// NewRecovery serves a data folder whose database failed the start-up integrity check. It
// answers only what the recovery screen needs (the health, the list of backups, the restore of
// one) and the UI; every other API call gets a 503 that says why. Once a restore succeeds and
// the folder reopens, it hands every request to the application's handler.
func NewRecovery(cfg RecoveryConfig) http.Handler {
	r := &recoveryHandler{cfg: cfg, problems: &server{log: cfg.Log}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/health", r.health)
	mux.HandleFunc("GET /api/backups", r.list)
	mux.HandleFunc("POST /api/backups/{name}/restore", r.restore)
	spa := newSPAHandler(cfg.UI)
	mux.HandleFunc("/", func(w http.ResponseWriter, req *http.Request) {
		if isAPI(req) {
			writeProblem(w, http.StatusServiceUnavailable, msgDatabaseDamaged.in(localeFrom(req.Context())))
			return
		}
		spa.ServeHTTP(w, req)
	})
	r.recovery = securityHeaders(withRequestContext(actorFor, guardHosts(cfg.AllowedHosts, refuseCrossSiteWrites(limitBody(mux)))))
	return r
}

type recoveryHandler struct {
	cfg      RecoveryConfig
	problems *server // for problemFor's translations
	recovery http.Handler

	mu       sync.RWMutex
	restored http.Handler // the application, once a backup is restored and the folder reopened
}

func (h *recoveryHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.RLock()
	app := h.restored
	h.mu.RUnlock()
	if app != nil {
		app.ServeHTTP(w, r)
		return
	}
	h.recovery.ServeHTTP(w, r)
}

func (h *recoveryHandler) health(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, recoveryHealth{Status: "damaged", Version: h.cfg.Version,
		Problem: h.cfg.Recovery.Problem(), DataDir: h.cfg.Recovery.DataDir()})
}

func (h *recoveryHandler) list(w http.ResponseWriter, r *http.Request) {
	list, err := h.cfg.Recovery.List(r.Context(), actorFrom(r.Context()))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := BackupList{Total: len(list), Items: make([]Backup, 0, len(list))}
	for _, b := range list {
		out.Items = append(out.Items, backupToAPI(b))
	}
	writeJSON(w, http.StatusOK, out)
}

func (h *recoveryHandler) restore(w http.ResponseWriter, r *http.Request) {
	// One restore at a time: the second waits, then finds the application in place.
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.restored != nil {
		writeProblem(w, http.StatusConflict, msgAlreadyRestored.in(localeFrom(r.Context())))
		return
	}
	name := r.PathValue("name")
	if _, err := h.cfg.Recovery.Restore(r.Context(), actorFrom(r.Context()), name); err != nil {
		h.fail(w, r, err)
		return
	}
	app, err := h.cfg.Reopen(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.restored = app
	writeJSON(w, http.StatusOK, struct {
		Restored string `json:"restored"`
	}{name})
}

func (h *recoveryHandler) fail(w http.ResponseWriter, r *http.Request, err error) {
	var model *huma.ErrorModel
	if !errors.As(h.problems.problemFor(r.Context(), err), &model) {
		writeProblem(w, http.StatusInternalServerError, msgInternal.in(localeFrom(r.Context())))
		return
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(model.Status)
	json.NewEncoder(w).Encode(model) //nolint:errcheck // the client went away
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body) //nolint:errcheck // the client went away
}
