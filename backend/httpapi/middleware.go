package httpapi

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/civisphere/civisphere/backend/domain"
)

// contentSecurityPolicy allows only the app's own scripts (no inline script, no eval), inline
// styles (Naive UI injects its CSS at run time), images from data: and blob: URLs for logo
// previews, and no framing.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		next.ServeHTTP(w, r)
	})
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// limitBody refuses bodies over maxRequestBytes: at once with a 413 when the client declared the
// length, and by cutting the stream otherwise.
func limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limit, shown := int64(maxRequestBytes), int64(maxRequestBytes)
		switch {
		case strings.HasPrefix(r.URL.Path, importPath):
			limit, shown = maxUploadBytes, maxUploadBytes // spreadsheets; the importer checks the file itself
		case isDocumentUpload(r):
			// A document and its multipart envelope; the message names the limit of the file.
			limit, shown = maxDocumentUploadBytes, domain.MaxDocumentBytes
		}
		if r.ContentLength > limit {
			writeProblem(w, http.StatusRequestEntityTooLarge,
				fill(msgTooLarge.in(localeFrom(r.Context())), map[string]any{"max": shown >> 20}))
			return
		}
		body := &limitedBody{ReadCloser: http.MaxBytesReader(w, r.Body, limit)}
		r.Body = body
		detail := fill(msgTooLarge.in(localeFrom(r.Context())), map[string]any{"max": shown >> 20})
		// A handler that read past the limit answers 400 or 422: the client should get a 413.
		next.ServeHTTP(&answerReplacer{ResponseWriter: w, replace: func(status int) (int, string, bool) {
			tooLarge := body.exceeded && (status == http.StatusBadRequest || status == http.StatusUnprocessableEntity)
			return http.StatusRequestEntityTooLarge, detail, tooLarge
		}}, r)
	})
}

// limitedBody notes when the body went past its limit. A body without a declared length (sent
// in chunks) is only found too large while it is read, and a multipart form read by the router
// then fails as a 422 "cannot read multipart form": limitBody turns that into the 413 the
// client should get.
type limitedBody struct {
	io.ReadCloser
	exceeded bool
}

func (b *limitedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		b.exceeded = true
	}
	return n, err
}

// answerReplacer lets a middleware answer with a problem of its own instead of the error a
// handler (or the router) writes: when replace accepts the status, the problem goes out and
// the handler's body is dropped.
type answerReplacer struct {
	http.ResponseWriter
	replace  func(status int) (newStatus int, detail string, ok bool)
	replaced bool
}

func (w *answerReplacer) WriteHeader(status int) {
	if newStatus, detail, ok := w.replace(status); ok {
		w.replaced = true
		writeProblem(w.ResponseWriter, newStatus, detail)
		return
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *answerReplacer) Write(b []byte) (int, error) {
	if w.replaced {
		return len(b), nil // the handler's own answer, already replaced
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the real writer (flush, deadlines).
func (w *answerReplacer) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// apiProblems turns the router's plain-text 404 and 405 answers under /api/ into problem+json,
// so that every API error has the same shape.
func apiProblems(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isAPI(r) {
			next.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(&answerReplacer{ResponseWriter: w, replace: func(status int) (int, string, bool) {
			if !strings.HasPrefix(w.Header().Get("Content-Type"), "text/plain") {
				return 0, "", false
			}
			switch status {
			case http.StatusNotFound:
				return status, msgRouteNotFound.in(localeFrom(r.Context())), true
			case http.StatusMethodNotAllowed:
				return status, msgBadMethod.in(localeFrom(r.Context())), true
			}
			return 0, "", false
		}}, r)
	})
}

// guardHosts answers only requests addressed to one of the allowed hosts; none allowed means any.
func guardHosts(allowed []string, next http.Handler) http.Handler {
	if len(allowed) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !slices.Contains(allowed, strings.ToLower(r.Host)) {
			writeProblem(w, http.StatusMisdirectedRequest, msgWrongHost.in(localeFrom(r.Context())))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// refuseCrossSiteWrites stops another web site open in the same browser from changing data
// through the API (there are no accounts yet to stop it): a write must come from the app's own
// pages, as browsers tell with Sec-Fetch-Site and Origin.
func refuseCrossSiteWrites(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead && r.Method != http.MethodOptions && crossSite(r) {
			writeProblem(w, http.StatusForbidden, msgCrossSite.in(localeFrom(r.Context())))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func crossSite(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" || site == "same-site" {
		return true
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return false // not from a browser page: curl, scripts, the desktop export writer
	}
	u, err := url.Parse(origin)
	return err != nil || !strings.EqualFold(u.Host, r.Host)
}
