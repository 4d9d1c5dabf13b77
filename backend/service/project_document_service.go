package service

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// Documents keeps the files and links attached to projects. A file's bytes live in
// <dir>/<projectID>/<documentID>-<random>, a name Civisphère chooses: the name the person gave
// is only data, given back on download, and never reaches the file system.
type Documents struct {
	store *store.Store
	dir   string
	now   func() time.Time
	log   *slog.Logger
}

// NewDocuments returns the document use cases; dir is the documents folder of the data folder.
func NewDocuments(st *store.Store, dir string, now func() time.Time, log *slog.Logger) *Documents {
	return &Documents{store: st, dir: dir, now: now, log: log}
}

var (
	errDocumentTooLarge = fmt.Errorf("document larger than %d bytes", domain.MaxDocumentBytes)
	errDocumentEmpty    = errors.New("empty document")
)

// AddFile keeps the file read from r as a document of a project. The file is streamed to a
// temporary file beside its final place and counted on the way: one over
// domain.MaxDocumentBytes is refused (a *FileProblem) and leaves nothing behind. The complete
// file is flushed to disk and renamed into place, then its row is written; if the row cannot
// be written the file is removed, so that a document listed always has its file.
func (s *Documents) AddFile(ctx context.Context, actor domain.Actor, projectID int64, title, fileName string, r io.Reader) (domain.ProjectDocument, error) {
	if !actor.CanManageProjects() {
		return domain.ProjectDocument{}, fmt.Errorf("add document: %w", domain.ErrForbidden)
	}
	if _, err := s.store.Project(ctx, projectID); err != nil {
		return domain.ProjectDocument{}, err
	}
	d := domain.ProjectDocument{ProjectID: projectID, Kind: domain.DocumentFile, Title: title, FileName: fileName}
	d.Normalize()
	if err := d.Validate(); err != nil {
		return domain.ProjectDocument{}, err
	}

	folder := s.projectFolder(projectID)
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return domain.ProjectDocument{}, fmt.Errorf("add document: %w", err)
	}
	tmp, err := os.CreateTemp(folder, ".upload-*")
	if err != nil {
		return domain.ProjectDocument{}, fmt.Errorf("add document: %w", err)
	}
	tmpName, placed := tmp.Name(), ""
	defer func() {
		if placed == "" {
			os.Remove(tmpName) //nolint:errcheck // gone already when it was renamed
		}
	}()
	d.Size, d.MediaType, err = receiveFile(tmp, r)
	if closeErr := tmp.Close(); err == nil && closeErr != nil {
		err = fmt.Errorf("write document: %w", closeErr)
	}
	if err != nil {
		return domain.ProjectDocument{}, err
	}

	random, err := randomSuffix()
	if err != nil {
		return domain.ProjectDocument{}, err
	}
	d.CreatedAt = s.now().UTC()
	err = s.store.CreateProjectDocument(ctx, &d, func(id int64) (string, error) {
		name := strconv.FormatInt(id, 10) + "-" + random
		if err := os.Rename(tmpName, filepath.Join(folder, name)); err != nil {
			return "", fmt.Errorf("keep document: %w", err)
		}
		placed = name
		syncFolder(folder)
		return name, nil
	})
	if err != nil {
		if placed != "" {
			os.Remove(filepath.Join(folder, placed)) //nolint:errcheck // the row is what matters, and it is not there
		}
		return domain.ProjectDocument{}, fmt.Errorf("add document: %w", err)
	}
	return d, nil
}

// receiveFile copies r into f, at most domain.MaxDocumentBytes, flushes it to disk and returns
// its size and its media type as read from its first bytes (never from its name).
func receiveFile(f *os.File, r io.Reader) (int64, string, error) {
	head := make([]byte, 512)
	n, err := io.ReadFull(r, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return 0, "", readProblem(err)
	}
	if n == 0 {
		return 0, "", &FileProblem{Code: FileEmpty, Err: errDocumentEmpty}
	}
	head = head[:n]
	size, err := io.Copy(f, io.LimitReader(io.MultiReader(bytes.NewReader(head), r), domain.MaxDocumentBytes+1))
	if err != nil {
		return 0, "", readProblem(err)
	}
	if size > domain.MaxDocumentBytes {
		return 0, "", documentTooLarge()
	}
	if err := f.Sync(); err != nil {
		return 0, "", fmt.Errorf("write document: %w", err)
	}
	return size, http.DetectContentType(head), nil
}

func readProblem(err error) error {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return documentTooLarge()
	}
	return fmt.Errorf("receive document: %w", err)
}

func documentTooLarge() error {
	return &FileProblem{Code: FileTooLarge, Params: map[string]any{"maxMB": domain.MaxDocumentBytes >> 20}, Err: errDocumentTooLarge}
}

// randomSuffix makes a stored name that cannot be guessed from the document's ID nor collide
// with a file left by an earlier document of the same ID.
func randomSuffix() (string, error) {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("name document: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// syncFolder makes a rename in folder survive a power cut. Windows cannot sync a folder (NTFS
// journals the rename itself), so failing is not an error.
func syncFolder(folder string) {
	if f, err := os.Open(folder); err == nil {
		f.Sync() //nolint:errcheck // best effort, see above
		f.Close()
	}
}

// AddLink attaches a link (http or https only) to a project.
func (s *Documents) AddLink(ctx context.Context, actor domain.Actor, projectID int64, title, url string) (domain.ProjectDocument, error) {
	if !actor.CanManageProjects() {
		return domain.ProjectDocument{}, fmt.Errorf("add link: %w", domain.ErrForbidden)
	}
	if _, err := s.store.Project(ctx, projectID); err != nil {
		return domain.ProjectDocument{}, err
	}
	d := domain.ProjectDocument{ProjectID: projectID, Kind: domain.DocumentLink, Title: title, URL: url}
	d.Normalize()
	if err := d.Validate(); err != nil {
		return domain.ProjectDocument{}, err
	}
	d.CreatedAt = s.now().UTC()
	if err := s.store.CreateProjectDocument(ctx, &d, nil); err != nil {
		return domain.ProjectDocument{}, fmt.Errorf("add link: %w", err)
	}
	return d, nil
}

// List returns a page of a project's documents, newest first, and their number.
func (s *Documents) List(ctx context.Context, actor domain.Actor, projectID int64, limit, offset int) ([]domain.ProjectDocument, int, error) {
	if !actor.CanReadProjects() {
		return nil, 0, fmt.Errorf("read documents: %w", domain.ErrForbidden)
	}
	if _, err := s.store.Project(ctx, projectID); err != nil {
		return nil, 0, err
	}
	return s.store.ProjectDocuments(ctx, projectID, limit, offset)
}

// Open returns a file document of a project and its content, for download; the caller closes
// the file. A link has nothing to download: domain.ErrNotFound.
func (s *Documents) Open(ctx context.Context, actor domain.Actor, projectID, id int64) (domain.ProjectDocument, *os.File, error) {
	if !actor.CanReadProjects() {
		return domain.ProjectDocument{}, nil, fmt.Errorf("read document: %w", domain.ErrForbidden)
	}
	d, err := s.store.ProjectDocument(ctx, projectID, id)
	if err != nil {
		return domain.ProjectDocument{}, nil, err
	}
	if d.Kind != domain.DocumentFile {
		return domain.ProjectDocument{}, nil, domain.ErrNotFound
	}
	path, err := s.storedPath(d)
	if err != nil {
		return domain.ProjectDocument{}, nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return domain.ProjectDocument{}, nil, fmt.Errorf("open document %d of project %d: %w", id, projectID, err)
	}
	return d, f, nil
}

// Delete removes a document of a project: its row first, so that it is no longer listed, then
// its file. A file that cannot be removed is only logged: nothing refers to it any more.
func (s *Documents) Delete(ctx context.Context, actor domain.Actor, projectID, id int64) error {
	if !actor.CanManageProjects() {
		return fmt.Errorf("delete document: %w", domain.ErrForbidden)
	}
	d, err := s.store.DeleteProjectDocument(ctx, projectID, id)
	if err != nil {
		return err
	}
	if d.Kind != domain.DocumentFile {
		return nil
	}
	path, err := s.storedPath(d)
	if err == nil {
		err = os.Remove(path)
	}
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		s.log.WarnContext(ctx, "document deleted but its file was not", slog.Int64("document", id), slog.Any("error", err))
	}
	return nil
}

func (s *Documents) projectFolder(projectID int64) string {
	return filepath.Join(s.dir, strconv.FormatInt(projectID, 10))
}

// storedPath is where a file document's bytes are. The stored name comes from the database,
// which Civisphère alone writes; it is checked all the same to be a plain name.
func (s *Documents) storedPath(d domain.ProjectDocument) (string, error) {
	if d.StoredName == "" || filepath.Base(d.StoredName) != d.StoredName || d.StoredName[0] == '.' {
		return "", fmt.Errorf("document %d: stored name %q is not a plain file name", d.ID, d.StoredName)
	}
	return filepath.Join(s.projectFolder(d.ProjectID), d.StoredName), nil
}
