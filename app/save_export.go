package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// SaveExport asks where to save, with the native dialog, then writes there what GET apiPath
// returns (a PDF report, an Excel export…). The file comes from the same handler a browser
// would download it from, so exports behave alike in both. It returns the saved path, or ""
// when the person cancelled. A failed export leaves no partial file behind.
func (d *Desktop) SaveExport(apiPath, suggestedName string) (string, error) {
	u, err := url.Parse(apiPath)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/api/") {
		return "", fmt.Errorf("export %q: only paths under /api/ can be exported", apiPath)
	}
	if err := d.waitReady(); err != nil {
		return "", err
	}
	target, err := runtime.SaveFileDialog(d.ctx, runtime.SaveDialogOptions{
		DefaultFilename:      filepath.Base(suggestedName),
		CanCreateDirectories: true,
	})
	if err != nil {
		return "", fmt.Errorf("export %s: save dialog: %w", apiPath, err)
	}
	if target == "" {
		return "", nil
	}
	if err := writeExport(d.handler, u.RequestURI(), target); err != nil {
		return "", fmt.Errorf("export %s to %s: %w", apiPath, target, err)
	}
	return target, nil
}

// writeExport streams the handler's answer into a temporary file beside target and renames it
// into place only when the answer was complete and successful.
func writeExport(h http.Handler, requestURI, target string) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(target), ".civisphere-export-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	req, err := http.NewRequest(http.MethodGet, requestURI, nil)
	if err != nil {
		return err
	}
	w := &fileResponseWriter{file: tmp, header: http.Header{}}
	h.ServeHTTP(w, req)
	if w.err != nil {
		return w.err
	}
	if w.status != 0 && w.status != http.StatusOK {
		return fmt.Errorf("the server answered %d: %s", w.status, problemDetail(w.errBody.Bytes()))
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), target)
}

type fileResponseWriter struct {
	file    *os.File
	header  http.Header
	status  int
	err     error
	errBody bytes.Buffer
}

func (w *fileResponseWriter) Header() http.Header { return w.header }

func (w *fileResponseWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}

func (w *fileResponseWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	if w.status != http.StatusOK {
		return w.errBody.Write(b)
	}
	n, err := w.file.Write(b)
	if err != nil && w.err == nil {
		w.err = err
	}
	return n, err
}

func problemDetail(body []byte) string {
	var p struct {
		Detail string `json:"detail"`
	}
	if json.Unmarshal(body, &p) == nil && p.Detail != "" {
		return p.Detail
	}
	if len(body) > 200 {
		body = body[:200]
	}
	return string(body)
}
