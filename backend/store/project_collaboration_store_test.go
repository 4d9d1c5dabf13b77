package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

// newTestProjects adds an association and n projects for it, and returns the projects' IDs.
func newTestProjects(t *testing.T, s *Store, n int) []int64 {
	t.Helper()
	ctx := context.Background()
	org := domain.Organization{Kind: domain.KindAssociation, Name: "Œuvre des Jardins de Besançon", CreatedAt: storeNow, UpdatedAt: storeNow}
	if err := s.CreateOrganization(ctx, &org, nil); err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, n)
	for i := range ids {
		p := domain.Project{Title: "Comptabilité de l’association", OrganizationID: org.ID, Status: domain.ProjectDraft,
			CreatedAt: storeNow, UpdatedAt: storeNow}
		if err := s.CreateProject(ctx, &p, nil); err != nil {
			t.Fatal(err)
		}
		ids[i] = p.ID
	}
	return ids
}

func TestProjectMessagesPagedFromTheNewestAndKeptOnReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "civisphere.db")
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	projects := newTestProjects(t, s, 2)
	bodies := []string{"Bonjour à tous", "Le bilan est prêt", "Привет, Ольга", "Réunion jeudi à Besançon", "Merci !"}
	for i, body := range bodies {
		m := domain.ProjectMessage{ProjectID: projects[0], Author: "Élodie", Body: body, CreatedAt: storeNow.Add(time.Duration(i) * time.Minute)}
		if err := s.CreateProjectMessage(ctx, &m); err != nil {
			t.Fatal(err)
		}
	}
	other := domain.ProjectMessage{ProjectID: projects[1], Author: "Zoé", Body: "Autre projet", CreatedAt: storeNow}
	if err := s.CreateProjectMessage(ctx, &other); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	page, total, err := s.ProjectMessages(ctx, projects[0], 2, 0)
	if err != nil {
		t.Fatal(err)
	}
	if total != 5 || len(page) != 2 || page[0].Body != "Réunion jeudi à Besançon" || page[1].Body != "Merci !" {
		t.Fatalf("latest page: total %d, %+v", total, page)
	}
	page, _, err = s.ProjectMessages(ctx, projects[0], 2, 4)
	if err != nil || len(page) != 1 || page[0].Body != "Bonjour à tous" || !page[0].CreatedAt.Equal(storeNow) || !page[0].EditedAt.IsZero() {
		t.Fatalf("oldest page: %+v, %v", page, err)
	}

	edited := page[0]
	edited.Body, edited.EditedAt = "Bonjour à toutes et à tous", storeNow.Add(time.Hour)
	if err := s.UpdateProjectMessage(ctx, edited); err != nil {
		t.Fatal(err)
	}
	got, err := s.ProjectMessage(ctx, projects[0], edited.ID)
	if err != nil || got.Body != edited.Body || !got.EditedAt.Equal(edited.EditedAt) {
		t.Fatalf("edited: %+v, %v", got, err)
	}

	// Another project's message is not reachable through this project.
	if _, err := s.ProjectMessage(ctx, projects[0], other.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("read through the wrong project: %v", err)
	}
	if err := s.DeleteProjectMessage(ctx, projects[0], other.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("delete through the wrong project: %v", err)
	}
	if err := s.DeleteProjectMessage(ctx, projects[0], edited.ID); err != nil {
		t.Fatal(err)
	}
	if _, total, _ := s.ProjectMessages(ctx, projects[0], 0, 0); total != 4 {
		t.Errorf("after delete: total %d", total)
	}
}

func TestProjectDocumentsCreateListDelete(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	projects := newTestProjects(t, s, 2)

	file := domain.ProjectDocument{ProjectID: projects[0], Kind: domain.DocumentFile, Title: "Procès-verbal",
		FileName: "Œuvre — procès-verbal.pdf", MediaType: "application/pdf", Size: 1234, CreatedAt: storeNow}
	var placedFor int64
	if err := s.CreateProjectDocument(ctx, &file, func(id int64) (string, error) {
		placedFor = id
		return "1-abc", nil
	}); err != nil {
		t.Fatal(err)
	}
	if file.ID == 0 || file.ID != placedFor || file.StoredName != "1-abc" {
		t.Fatalf("file %+v placed for %d", file, placedFor)
	}
	link := domain.ProjectDocument{ProjectID: projects[0], Kind: domain.DocumentLink, Title: "Dossier partagé",
		URL: "https://drive.example.org/Отчёт", CreatedAt: storeNow}
	if err := s.CreateProjectDocument(ctx, &link, nil); err != nil {
		t.Fatal(err)
	}

	// A failed placement writes nothing.
	failed := domain.ProjectDocument{ProjectID: projects[0], Kind: domain.DocumentFile, Title: "x", FileName: "x.pdf", CreatedAt: storeNow}
	placeErr := errors.New("disk full")
	if err := s.CreateProjectDocument(ctx, &failed, func(int64) (string, error) { return "", placeErr }); !errors.Is(err, placeErr) || failed.ID != 0 {
		t.Fatalf("failed placement: %v, ID %d", err, failed.ID)
	}

	list, total, err := s.ProjectDocuments(ctx, projects[0], 0, 0)
	if err != nil || total != 2 || len(list) != 2 || list[0].ID != link.ID || list[1] != file {
		t.Fatalf("list: %d %+v %v", total, list, err)
	}
	if _, err := s.ProjectDocument(ctx, projects[1], file.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("read through the wrong project: %v", err)
	}
	if _, err := s.DeleteProjectDocument(ctx, projects[1], file.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("delete through the wrong project: %v", err)
	}
	deleted, err := s.DeleteProjectDocument(ctx, projects[0], file.ID)
	if err != nil || deleted != file {
		t.Fatalf("delete returned %+v, %v", deleted, err)
	}
	if _, total, _ := s.ProjectDocuments(ctx, projects[0], 0, 0); total != 1 {
		t.Errorf("after delete: total %d", total)
	}

	// The schema refuses a file without a stored name and a link with one.
	bad := domain.ProjectDocument{ProjectID: projects[0], Kind: domain.DocumentFile, Title: "x", FileName: "x.pdf", CreatedAt: storeNow}
	if err := s.CreateProjectDocument(ctx, &bad, nil); err == nil {
		t.Error("a file without a stored name was accepted")
	}
}

func TestProjectCollaborationGoesWithItsProject(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	projects := newTestProjects(t, s, 1)
	m := domain.ProjectMessage{ProjectID: projects[0], Author: "Élodie", Body: "Bonjour", CreatedAt: storeNow}
	d := domain.ProjectDocument{ProjectID: projects[0], Kind: domain.DocumentLink, Title: "Statuts", URL: "https://asso.fr", CreatedAt: storeNow}
	if err := s.CreateProjectMessage(ctx, &m); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateProjectDocument(ctx, &d, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.rw.ExecContext(ctx, `DELETE FROM projects WHERE id = ?`, projects[0]); err != nil {
		t.Fatal(err)
	}
	var left int
	if err := s.ro.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM project_messages) + (SELECT count(*) FROM project_documents)`).Scan(&left); err != nil || left != 0 {
		t.Errorf("%d rows left, %v", left, err)
	}
	bad := domain.ProjectMessage{ProjectID: 999, Author: "Élodie", Body: "Bonjour", CreatedAt: storeNow}
	if err := s.CreateProjectMessage(ctx, &bad); err == nil {
		t.Error("a message of a project that does not exist was accepted")
	}
}
