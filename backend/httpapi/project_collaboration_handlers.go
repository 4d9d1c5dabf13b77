package httpapi

import (
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
)

// ProjectMessage is a message of a project's discussion.
type ProjectMessage struct {
	ID        string `json:"id"`
	ProjectID string `json:"projectId"`
	Author    string `json:"author" doc:"The writer's name as they typed it"`
	Body      string `json:"body" doc:"Plain text; line breaks are \\n"`
	CreatedAt string `json:"createdAt" doc:"RFC 3339"`
	EditedAt  string `json:"editedAt" doc:"RFC 3339; empty when never edited"`
}

// ProjectMessageInput is a message as written.
type ProjectMessageInput struct {
	Author string `json:"author" required:"false" doc:"Required, 100 characters at most"`
	Body   string `json:"body" required:"false" doc:"Required, 10 000 characters at most"`
}

// ProjectMessageEdit is the new text of a message.
type ProjectMessageEdit struct {
	Body string `json:"body" required:"false" doc:"Required, 10 000 characters at most"`
}

// ProjectMessageList is a page of a discussion, oldest message first.
type ProjectMessageList struct {
	Total int              `json:"total"`
	Items []ProjectMessage `json:"items"`
}

// ProjectDocument is a file or a link attached to a project.
type ProjectDocument struct {
	ID          string `json:"id"`
	ProjectID   string `json:"projectId"`
	Kind        string `json:"kind" enum:"file,link"`
	Title       string `json:"title"`
	FileName    string `json:"fileName" doc:"Files: the name given on download; empty for a link"`
	MediaType   string `json:"mediaType" doc:"Files: the type read from the content (application/pdf, image/png…)"`
	Size        int64  `json:"size" doc:"Files: the size in bytes"`
	URL         string `json:"url" doc:"Links: an http or https address; empty for a file"`
	DownloadURL string `json:"downloadUrl" doc:"Files: where to download it; empty for a link"`
	CreatedAt   string `json:"createdAt" doc:"RFC 3339"`
}

// ProjectDocumentList lists a project's documents, newest first.
type ProjectDocumentList struct {
	Total        int               `json:"total"`
	Items        []ProjectDocument `json:"items"`
	MaxFileBytes int64             `json:"maxFileBytes" doc:"The largest file accepted, in bytes"`
}

// ProjectLinkInput is a link as entered.
type ProjectLinkInput struct {
	Title string `json:"title" required:"false" doc:"The address when left out"`
	URL   string `json:"url" required:"false" doc:"http or https; https:// is added when no scheme is given"`
}

type pageQuery struct {
	ID     string `path:"id"`
	Limit  int    `query:"limit" minimum:"0" maximum:"500" default:"50"`
	Offset int    `query:"offset" minimum:"0" default:"0"`
}

type documentUploadInput struct {
	ID      string `path:"id"`
	RawBody multipart.Form
}

// maxDocumentUploadBytes is the largest upload request: one file and its multipart envelope.
const maxDocumentUploadBytes = domain.MaxDocumentBytes + 1<<20

// isDocumentUpload tells the requests that may carry a document, which limitBody lets be larger.
func isDocumentUpload(r *http.Request) bool {
	ok, _ := path.Match("/api/projects/*/documents", r.URL.Path)
	return ok && r.Method == http.MethodPost
}

// downloadCSP stops a downloaded document from running anything, should a browser ever show it
// instead of saving it.
const downloadCSP = "default-src 'none'; sandbox"

func (s *server) registerProjectCollaboration(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "listProjectMessages", Method: http.MethodGet, Path: "/api/projects/{id}/messages",
		Summary:     "A page of a project's discussion",
		Description: "Pages are counted from the newest message: offset 0 is the latest page. In a page, messages come oldest first, newest last, as a thread is read.",
		Tags:        []string{"collaboration"}, Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *pageQuery) (*struct{ Body ProjectMessageList }, error) {
		projectID, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		list, total, err := s.discussion.List(ctx, actorFrom(ctx), projectID, in.Limit, in.Offset)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := &struct{ Body ProjectMessageList }{Body: ProjectMessageList{Total: total, Items: make([]ProjectMessage, len(list))}}
		for i, m := range list {
			out.Body.Items[i] = projectMessageToAPI(m)
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "postProjectMessage", Method: http.MethodPost, Path: "/api/projects/{id}/messages",
		Summary: "Post a message to a project's discussion", Tags: []string{"collaboration"}, DefaultStatus: http.StatusCreated,
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		Body ProjectMessageInput
	}) (*struct{ Body ProjectMessage }, error) {
		projectID, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		m, err := s.discussion.Post(ctx, actorFrom(ctx), domain.ProjectMessage{ProjectID: projectID, Author: in.Body.Author, Body: in.Body.Body})
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body ProjectMessage }{Body: projectMessageToAPI(m)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "editProjectMessage", Method: http.MethodPut, Path: "/api/projects/{id}/messages/{itemId}",
		Summary: "Change the text of a message", Tags: []string{"collaboration"},
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ID     string `path:"id"`
		ItemID string `path:"itemId"`
		Body   ProjectMessageEdit
	}) (*struct{ Body ProjectMessage }, error) {
		projectID, itemID, err := parseItemPath(in.ID, in.ItemID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		m, err := s.discussion.Edit(ctx, actorFrom(ctx), projectID, itemID, in.Body.Body)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body ProjectMessage }{Body: projectMessageToAPI(m)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "deleteProjectMessage", Method: http.MethodDelete, Path: "/api/projects/{id}/messages/{itemId}",
		Summary: "Delete a message", Tags: []string{"collaboration"}, DefaultStatus: http.StatusNoContent,
		Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *projectItemPath) (*struct{}, error) {
		return s.deleteAgendaItem(ctx, in, s.discussion.Delete)
	})

	huma.Register(api, huma.Operation{
		OperationID: "listProjectDocuments", Method: http.MethodGet, Path: "/api/projects/{id}/documents",
		Summary: "A project's files and links, newest first", Tags: []string{"collaboration"}, Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *pageQuery) (*struct{ Body ProjectDocumentList }, error) {
		projectID, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		list, total, err := s.documents.List(ctx, actorFrom(ctx), projectID, in.Limit, in.Offset)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := &struct{ Body ProjectDocumentList }{Body: ProjectDocumentList{Total: total, Items: make([]ProjectDocument, len(list)),
			MaxFileBytes: domain.MaxDocumentBytes}}
		for i, d := range list {
			out.Body.Items[i] = projectDocumentToAPI(d)
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "uploadProjectDocument", Method: http.MethodPost, Path: "/api/projects/{id}/documents",
		Summary:     "Attach a file to a project",
		Description: "Multipart form: `file` (25 MB at most) and optionally `title` (the file's name when left out). The file's name is cleaned of paths and characters other systems refuse; its type is read from its content.",
		Tags:        []string{"collaboration"}, DefaultStatus: http.StatusCreated, MaxBodyBytes: maxDocumentUploadBytes,
		RequestBody: &huma.RequestBody{Required: true, Content: map[string]*huma.MediaType{"multipart/form-data": {Schema: &huma.Schema{
			Type: "object", Required: []string{"file"},
			Properties: map[string]*huma.Schema{
				"file":  {Type: "string", Format: "binary", Description: "The file"},
				"title": {Type: "string", Description: "What the document is; the file's name when left out"},
			},
		}}}},
		Errors: []int{http.StatusNotFound, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *documentUploadInput) (*struct{ Body ProjectDocument }, error) {
		// The router's copy of the request holds the form, so the server cannot remove its
		// temporary files itself.
		defer in.RawBody.RemoveAll() //nolint:errcheck // temporary files; nothing to tell the client
		projectID, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		files := in.RawBody.File["file"]
		if len(files) == 0 {
			return nil, s.problemFor(ctx, &domain.ValidationError{Fields: []domain.FieldError{{Field: "file", Code: domain.CodeRequired}}})
		}
		f, err := files[0].Open()
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		defer f.Close()
		d, err := s.documents.AddFile(ctx, actorFrom(ctx), projectID, formValue(&in.RawBody, "title"), files[0].Filename, f)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body ProjectDocument }{Body: projectDocumentToAPI(d)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "addProjectLink", Method: http.MethodPost, Path: "/api/projects/{id}/links",
		Summary: "Attach a link to a project", Tags: []string{"collaboration"}, DefaultStatus: http.StatusCreated,
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		Body ProjectLinkInput
	}) (*struct{ Body ProjectDocument }, error) {
		projectID, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		d, err := s.documents.AddLink(ctx, actorFrom(ctx), projectID, in.Body.Title, in.Body.URL)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &struct{ Body ProjectDocument }{Body: projectDocumentToAPI(d)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "downloadProjectDocument", Method: http.MethodGet, Path: "/api/projects/{id}/documents/{itemId}/download",
		Summary:     "Download a file of a project",
		Description: "Always an attachment under the file's name, never shown in the page.",
		Tags:        []string{"collaboration"}, Errors: []int{http.StatusNotFound},
		Responses: map[string]*huma.Response{"200": {Description: "The file as it was uploaded", Content: map[string]*huma.MediaType{
			"application/octet-stream": {Schema: &huma.Schema{Type: "string", Format: "binary"}}}}},
	}, func(ctx context.Context, in *projectItemPath) (*huma.StreamResponse, error) {
		projectID, itemID, err := parseItemPath(in.ID, in.ItemID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		d, f, err := s.documents.Open(ctx, actorFrom(ctx), projectID, itemID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &huma.StreamResponse{Body: func(hctx huma.Context) {
			defer f.Close()
			hctx.SetHeader("Content-Type", downloadMediaType(d.MediaType))
			hctx.SetHeader("Content-Disposition", contentDisposition(d.FileName))
			hctx.SetHeader("X-Content-Type-Options", "nosniff")
			hctx.SetHeader("Content-Security-Policy", downloadCSP)
			hctx.SetHeader("Cache-Control", "no-store")
			if info, err := f.Stat(); err == nil {
				hctx.SetHeader("Content-Length", strconv.FormatInt(info.Size(), 10))
			}
			if _, err := io.Copy(hctx.BodyWriter(), f); err != nil {
				s.log.WarnContext(ctx, "document download cut short", "document", itemID, "err", err)
			}
		}}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "deleteProjectDocument", Method: http.MethodDelete, Path: "/api/projects/{id}/documents/{itemId}",
		Summary: "Delete a file or a link of a project", Tags: []string{"collaboration"}, DefaultStatus: http.StatusNoContent,
		Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *projectItemPath) (*struct{}, error) {
		return s.deleteAgendaItem(ctx, in, s.documents.Delete)
	})
}

// downloadMediaType is the Content-Type a document is served with: the type read from its
// content, except for markup a browser could render and run, which is served as plain bytes.
func downloadMediaType(sniffed string) string {
	if sniffed == "" || strings.Contains(sniffed, "html") || strings.Contains(sniffed, "xml") {
		return "application/octet-stream"
	}
	return sniffed
}

func parseItemPath(rawProject, rawItem string) (int64, int64, error) {
	projectID, err := parseID(rawProject)
	if err != nil {
		return 0, 0, err
	}
	itemID, err := parseID(rawItem)
	return projectID, itemID, err
}

func formValue(form *multipart.Form, name string) string {
	if values := form.Value[name]; len(values) > 0 {
		return values[0]
	}
	return ""
}

func projectMessageToAPI(m domain.ProjectMessage) ProjectMessage {
	out := ProjectMessage{ID: formatID(m.ID), ProjectID: formatID(m.ProjectID), Author: m.Author, Body: m.Body,
		CreatedAt: formatTimestamp(m.CreatedAt)}
	if !m.EditedAt.IsZero() {
		out.EditedAt = formatTimestamp(m.EditedAt)
	}
	return out
}

func projectDocumentToAPI(d domain.ProjectDocument) ProjectDocument {
	out := ProjectDocument{ID: formatID(d.ID), ProjectID: formatID(d.ProjectID), Kind: string(d.Kind), Title: d.Title,
		FileName: d.FileName, MediaType: d.MediaType, Size: d.Size, URL: d.URL, CreatedAt: formatTimestamp(d.CreatedAt)}
	if d.Kind == domain.DocumentFile {
		out.DownloadURL = "/api/projects/" + formatID(d.ProjectID) + "/documents/" + formatID(d.ID) + "/download"
	}
	return out
}
