package service

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// collabEnv is a database with two projects, the discussion and the documents kept in a temp
// documents folder.
type collabEnv struct {
	store      *store.Store
	discussion *Discussion
	documents  *Documents
	docsDir    string
	projects   [2]int64
}

func newCollabEnv(t *testing.T) *collabEnv {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(ctx, filepath.Join(dir, "civisphere.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	now := func() time.Time { return fixedNow }
	org, err := NewOrganizations(st, now).Create(ctx, domain.LocalAdmin(), OrganizationWrite{Organization: domain.Organization{
		Kind: domain.KindAssociation, Name: "Œuvre des Jardins de Besançon"}})
	if err != nil {
		t.Fatal(err)
	}
	env := &collabEnv{store: st, discussion: NewDiscussion(st, now), docsDir: filepath.Join(dir, "documents")}
	env.documents = NewDocuments(st, env.docsDir, now, slog.New(slog.NewTextHandler(io.Discard, nil)))
	for i := range env.projects {
		p := domain.Project{Title: "Comptabilité 2027", OrganizationID: org.ID, Status: domain.ProjectDraft, CreatedAt: fixedNow, UpdatedAt: fixedNow}
		if err := st.CreateProject(ctx, &p, nil); err != nil {
			t.Fatal(err)
		}
		env.projects[i] = p.ID
	}
	return env
}

// filesOf lists the names in a project's documents folder (none when it does not exist).
func (e *collabEnv) filesOf(t *testing.T, projectID int64) []string {
	t.Helper()
	entries, err := os.ReadDir(e.documents.projectFolder(projectID))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(entries))
	for i, entry := range entries {
		names[i] = entry.Name()
	}
	return names
}

func TestDiscussionPostListEditDelete(t *testing.T) {
	env := newCollabEnv(t)
	ctx := context.Background()
	admin, p := domain.LocalAdmin(), env.projects[0]

	first, err := env.discussion.Post(ctx, admin, domain.ProjectMessage{ProjectID: p, Author: " Élodie  Martin ", Body: "Bonjour à tous,\r\nle bilan est prêt."})
	if err != nil {
		t.Fatal(err)
	}
	if first.ID == 0 || first.Author != "Élodie Martin" || first.Body != "Bonjour à tous,\nle bilan est prêt." ||
		!first.CreatedAt.Equal(fixedNow) || !first.EditedAt.IsZero() {
		t.Fatalf("posted %+v", first)
	}
	second, err := env.discussion.Post(ctx, admin, domain.ProjectMessage{ProjectID: p, Author: "Ольга", Body: "Спасибо !"})
	if err != nil {
		t.Fatal(err)
	}
	list, total, err := env.discussion.List(ctx, viewer, p, 50, 0)
	if err != nil || total != 2 || len(list) != 2 || list[0].ID != first.ID || list[1].ID != second.ID {
		t.Fatalf("list: %d %+v %v", total, list, err)
	}

	edited, err := env.discussion.Edit(ctx, admin, p, first.ID, "  Bonjour à toutes et à tous  ")
	if err != nil || edited.Body != "Bonjour à toutes et à tous" || edited.Author != "Élodie Martin" || !edited.EditedAt.Equal(fixedNow) {
		t.Fatalf("edited %+v, %v", edited, err)
	}
	if _, err := env.discussion.Edit(ctx, admin, env.projects[1], first.ID, "Autre"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("edit through another project: %v", err)
	}
	if err := env.discussion.Delete(ctx, admin, env.projects[1], first.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("delete through another project: %v", err)
	}
	if err := env.discussion.Delete(ctx, admin, p, first.ID); err != nil {
		t.Fatal(err)
	}
	if _, total, _ := env.discussion.List(ctx, admin, p, 50, 0); total != 1 {
		t.Errorf("after delete: %d messages", total)
	}
}

func TestDiscussionRefusals(t *testing.T) {
	env := newCollabEnv(t)
	ctx := context.Background()
	admin, p := domain.LocalAdmin(), env.projects[0]

	_, err := env.discussion.Post(ctx, admin, domain.ProjectMessage{ProjectID: p, Author: "  ", Body: strings.Repeat("é", domain.MaxMessageBodyRunes+1)})
	if got := fieldCodesOf(err); got["author"] != domain.CodeRequired || got["body"] != domain.CodeTooLong {
		t.Errorf("invalid message: %v", err)
	}
	if _, err := env.discussion.Post(ctx, viewer, domain.ProjectMessage{ProjectID: p, Author: "Zoé", Body: "Bonjour"}); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("viewer posted: %v", err)
	}
	if _, err := env.discussion.Post(ctx, admin, domain.ProjectMessage{ProjectID: 999, Author: "Zoé", Body: "Bonjour"}); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown project: %v", err)
	}
	if _, _, err := env.discussion.List(ctx, admin, 999, 50, 0); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("list of an unknown project: %v", err)
	}
	if _, total, _ := env.discussion.List(ctx, admin, p, 50, 0); total != 0 {
		t.Fatalf("refused messages were saved: %d", total)
	}

	m, err := env.discussion.Post(ctx, admin, domain.ProjectMessage{ProjectID: p, Author: "Zoé", Body: "Bonjour"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.discussion.Edit(ctx, viewer, p, m.ID, "Piraté"); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("viewer edited: %v", err)
	}
	if _, err := env.discussion.Edit(ctx, admin, p, m.ID, " "); fieldCodesOf(err)["body"] != domain.CodeRequired {
		t.Errorf("emptied: %v", err)
	}
	if err := env.discussion.Delete(ctx, viewer, p, m.ID); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("viewer deleted: %v", err)
	}
	list, _, _ := env.discussion.List(ctx, admin, p, 50, 0)
	if len(list) != 1 || list[0].Body != "Bonjour" || !list[0].EditedAt.IsZero() {
		t.Errorf("refused changes were saved: %+v", list)
	}
}

func fieldCodesOf(err error) map[string]string {
	codes := map[string]string{}
	var v *domain.ValidationError
	if errors.As(err, &v) {
		for _, f := range v.Fields {
			codes[f.Field] = f.Code
		}
	}
	return codes
}

var storedNamePattern = regexp.MustCompile(`^[0-9]+-[0-9a-f]{24}$`)

func TestDocumentsKeepFilesUnderTheirOwnNames(t *testing.T) {
	env := newCollabEnv(t)
	ctx := context.Background()
	admin, p := domain.LocalAdmin(), env.projects[0]
	content := []byte("%PDF-1.4\n% Procès-verbal de l’assemblée générale\n")

	d, err := env.documents.AddFile(ctx, admin, p, "", "../../Œuvre — procès-verbal.pdf", bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	if d.ID == 0 || d.Kind != domain.DocumentFile || d.FileName != "Œuvre — procès-verbal.pdf" || d.Title != d.FileName ||
		d.MediaType != "application/pdf" || d.Size != int64(len(content)) || !d.CreatedAt.Equal(fixedNow) {
		t.Fatalf("added %+v", d)
	}
	files := env.filesOf(t, p)
	if len(files) != 1 || files[0] != d.StoredName || !storedNamePattern.MatchString(d.StoredName) ||
		!strings.HasPrefix(d.StoredName, strconv.FormatInt(d.ID, 10)+"-") {
		t.Fatalf("files on disk %q, stored name %q", files, d.StoredName)
	}

	got, f, err := env.documents.Open(ctx, viewer, p, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	read, err := io.ReadAll(f)
	f.Close()
	if err != nil || !bytes.Equal(read, content) || got.FileName != d.FileName {
		t.Fatalf("read back %q, %+v, %v", read, got, err)
	}

	// The media type comes from the content, whatever the name says.
	html, err := env.documents.AddFile(ctx, admin, p, "Compte rendu", "compte-rendu.pdf", strings.NewReader("<!DOCTYPE html><script>alert(1)</script>"))
	if err != nil || html.MediaType != "text/html; charset=utf-8" || html.Title != "Compte rendu" {
		t.Fatalf("sniffed %+v, %v", html, err)
	}

	if _, _, err := env.documents.Open(ctx, admin, env.projects[1], d.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("opened through another project: %v", err)
	}
	if err := env.documents.Delete(ctx, admin, env.projects[1], d.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleted through another project: %v", err)
	}
	if err := env.documents.Delete(ctx, admin, p, d.ID); err != nil {
		t.Fatal(err)
	}
	if files := env.filesOf(t, p); len(files) != 1 || files[0] != html.StoredName {
		t.Errorf("after delete, files %q", files)
	}
	if _, _, err := env.documents.Open(ctx, admin, p, d.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleted document opened: %v", err)
	}
}

// zeros reads as n zero bytes without holding them in memory.
func zeros(n int64) io.Reader { return io.LimitReader(zeroReader{}, n) }

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestDocumentsSizeLimit(t *testing.T) {
	env := newCollabEnv(t)
	ctx := context.Background()
	admin, p := domain.LocalAdmin(), env.projects[0]

	_, err := env.documents.AddFile(ctx, admin, p, "Vidéo de l’AG", "ag.mp4", zeros(domain.MaxDocumentBytes+1))
	var problem *FileProblem
	if !errors.As(err, &problem) || problem.Code != FileTooLarge || problem.Params["maxMB"] != 25 {
		t.Fatalf("oversized file: %v", err)
	}
	if files := env.filesOf(t, p); len(files) != 0 {
		t.Errorf("an oversized file left %q", files)
	}
	_, err = env.documents.AddFile(ctx, admin, p, "", "vide.txt", strings.NewReader(""))
	if !errors.As(err, &problem) || problem.Code != FileEmpty {
		t.Fatalf("empty file: %v", err)
	}
	if _, total, _ := env.documents.List(ctx, admin, p, 0, 0); total != 0 {
		t.Fatalf("refused files were listed: %d", total)
	}

	d, err := env.documents.AddFile(ctx, admin, p, "", "tout juste.bin", zeros(domain.MaxDocumentBytes))
	if err != nil || d.Size != domain.MaxDocumentBytes {
		t.Fatalf("a file of exactly the limit: %+v, %v", d, err)
	}
	if files := env.filesOf(t, p); len(files) != 1 || files[0] != d.StoredName {
		t.Errorf("files %q", files)
	}
}

// hookReader runs hook once when r is exhausted.
type hookReader struct {
	r    io.Reader
	hook func()
}

func (h *hookReader) Read(p []byte) (int, error) {
	n, err := h.r.Read(p)
	if err == io.EOF && h.hook != nil {
		h.hook()
		h.hook = nil
	}
	return n, err
}

func TestDocumentsRemoveTheFileWhenTheRowCannotBeWritten(t *testing.T) {
	env := newCollabEnv(t)
	ctx := context.Background()
	p := env.projects[0]
	// The project disappears while the file is received: the row's reference to it fails.
	db, err := sql.Open("sqlite3", "file:"+env.store.Path()+"?_foreign_keys=on&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	r := &hookReader{r: strings.NewReader("Budget prévisionnel 2027"), hook: func() {
		if _, err := db.Exec(`DELETE FROM projects WHERE id = ?`, p); err != nil {
			t.Error(err)
		}
	}}
	if _, err := env.documents.AddFile(ctx, domain.LocalAdmin(), p, "", "budget.txt", r); err == nil {
		t.Fatal("a document of a deleted project was added")
	}
	if files := env.filesOf(t, p); len(files) != 0 {
		t.Errorf("files left: %q", files)
	}
}

func TestDocumentsLinksAndRefusals(t *testing.T) {
	env := newCollabEnv(t)
	ctx := context.Background()
	admin, p := domain.LocalAdmin(), env.projects[0]

	link, err := env.documents.AddLink(ctx, admin, p, " Dossier   partagé ", "drive.example.org/d/Отчёт")
	if err != nil || link.Kind != domain.DocumentLink || link.Title != "Dossier partagé" || link.URL != "https://drive.example.org/d/Отчёт" {
		t.Fatalf("link %+v, %v", link, err)
	}
	if _, _, err := env.documents.Open(ctx, admin, p, link.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("a link was opened as a file: %v", err)
	}
	if _, err := env.documents.AddLink(ctx, admin, p, "Cliquez", "javascript:alert(document.cookie)"); fieldCodesOf(err)["url"] != domain.CodeInvalidURL {
		t.Errorf("javascript link: %v", err)
	}
	if _, err := env.documents.AddLink(ctx, viewer, p, "", "https://asso.fr"); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("viewer added a link: %v", err)
	}
	if _, err := env.documents.AddFile(ctx, viewer, p, "", "a.txt", strings.NewReader("a")); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("viewer added a file: %v", err)
	}
	if _, err := env.documents.AddFile(ctx, admin, p, strings.Repeat("Œ", 201), "a.txt", strings.NewReader("a")); fieldCodesOf(err)["title"] != domain.CodeTooLong {
		t.Errorf("long title: %v", err)
	}
	if _, err := env.documents.AddFile(ctx, admin, p, "", "", strings.NewReader("a")); fieldCodesOf(err)["file"] != domain.CodeRequired {
		t.Errorf("no file name: %v", err)
	}
	if _, err := env.documents.AddFile(ctx, admin, 999, "", "a.txt", strings.NewReader("a")); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown project: %v", err)
	}
	if files := env.filesOf(t, p); len(files) != 0 {
		t.Errorf("refused uploads left %q", files)
	}
	if err := env.documents.Delete(ctx, viewer, p, link.ID); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("viewer deleted: %v", err)
	}
	list, total, err := env.documents.List(ctx, viewer, p, 0, 0)
	if err != nil || total != 1 || list[0].ID != link.ID {
		t.Fatalf("list %d %+v %v", total, list, err)
	}
	if err := env.documents.Delete(ctx, admin, p, link.ID); err != nil {
		t.Fatal(err)
	}
}
