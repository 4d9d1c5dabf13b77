package httpapi

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/service"
)

// LibraryItem is a built-in guide or one of the association's notes and links, as lists show it.
type LibraryItem struct {
	ID        string `json:"id" doc:"A guide's slug (GET /api/guides/{slug}), or the number of a note or link (GET /api/resources/{id})" example:"recruiting-volunteers"`
	Kind      string `json:"kind" enum:"guide,note,link"`
	Title     string `json:"title" example:"Recruter et fidéliser des bénévoles"`
	Summary   string `json:"summary" doc:"Plain text: a guide's summary, the beginning of a note or of a link's description"`
	Excerpt   string `json:"excerpt" doc:"With q: plain text around the first word found in the text, with … where it was cut; empty without q or when only the title or summary matched"`
	Topic     string `json:"topic" doc:"Guides: needs, projects, nonprofit, volunteers, impact or sponsorship; empty for notes and links"`
	URL       string `json:"url" doc:"Links: the address (http or https); empty otherwise"`
	UpdatedAt string `json:"updatedAt" doc:"Notes and links: when last saved (RFC 3339); empty for guides"`
}

// LibraryPage is one page of the library.
type LibraryPage struct {
	Total int           `json:"total"`
	Items []LibraryItem `json:"items"`
}

type libraryInput struct {
	Q      string `query:"q" doc:"Words to find in titles, summaries and texts; case and accents are ignored, every word must be found, the last one may be the beginning of a word"`
	Lang   string `query:"lang" doc:"Language of the guides: fr or en; the reader's language (Accept-Language) when left out or unknown"`
	Limit  int    `query:"limit" minimum:"0" maximum:"200" default:"50"`
	Offset int    `query:"offset" minimum:"0" default:"0"`
}

type libraryOutput struct {
	Body LibraryPage
}

// Guide is a built-in guide in one language.
type Guide struct {
	Slug           string `json:"slug" example:"recruiting-volunteers"`
	Title          string `json:"title"`
	Summary        string `json:"summary"`
	Topic          string `json:"topic"`
	Markdown       string `json:"markdown" doc:"The text in Markdown (CommonMark with tables), without HTML"`
	ReadingMinutes int    `json:"readingMinutes"`
	Lang           string `json:"lang" enum:"fr,en" doc:"The language of this text: the one asked for, unless the guide was not written in it"`
	OtherLang      string `json:"otherLang" enum:"fr,en," doc:"Another language the guide can be read in; empty when none"`
}

type guideInput struct {
	Slug string `path:"slug" maxLength:"100"`
	Lang string `query:"lang" doc:"fr or en; the reader's language (Accept-Language) when left out or unknown"`
}

type guideOutput struct {
	Body Guide
}

// Resource is one of the association's own notes or links.
type Resource struct {
	ID        string `json:"id" example:"7"`
	Kind      string `json:"kind" enum:"note,link"`
	Title     string `json:"title" example:"Procédure d’accueil des nouveaux bénévoles"`
	Body      string `json:"body" doc:"Markdown: the note, or the description of a link. Shown as text: HTML is never interpreted"`
	URL       string `json:"url" doc:"Links: the address; empty for notes"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

// ResourceInput is the whole note or link form; fields left out count as empty.
type ResourceInput struct {
	Kind  string `json:"kind" required:"false" doc:"note or link; required by validation"`
	Title string `json:"title" required:"false" doc:"Required, 200 characters at most"`
	Body  string `json:"body" required:"false" doc:"Markdown, 50,000 characters at most; required for a note"`
	URL   string `json:"url" required:"false" doc:"Links: an http or https address (https:// is added when no scheme is given); ignored for notes"`
}

type resourceOutput struct {
	Body Resource
}

type createdResourceOutput struct {
	Location string `header:"Location"`
	Body     Resource
}

type resourceIDInput struct {
	ID string `path:"id" doc:"Resource ID"`
}

type resourceWriteInput struct {
	ID   string `path:"id"`
	Body ResourceInput
}

func (s *server) registerResources(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "listResources",
		Method:      http.MethodGet,
		Path:        "/api/resources",
		Summary:     "The library: guides, notes and links",
		Description: "Without q: the built-in guides in their order, then the association's notes and links, most recently changed first. With q: what holds every word, best first (title matches before text matches).",
		Tags:        []string{"resources"},
		Errors:      []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *libraryInput) (*libraryOutput, error) {
		page, err := s.resources.List(ctx, actorFrom(ctx), service.LibraryQuery{
			Text: in.Q, Lang: guideLanguage(ctx, in.Lang), Limit: in.Limit, Offset: in.Offset,
		})
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := LibraryPage{Total: page.Total, Items: make([]LibraryItem, len(page.Items))}
		for i, it := range page.Items {
			out.Items[i] = LibraryItem{
				ID: it.ID, Kind: string(it.Kind), Title: it.Title, Summary: it.Summary, Excerpt: it.Excerpt,
				Topic: it.Topic, URL: it.URL, UpdatedAt: formatOptionalTime(it.UpdatedAt),
			}
		}
		return &libraryOutput{Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getGuide",
		Method:      http.MethodGet,
		Path:        "/api/guides/{slug}",
		Summary:     "A built-in guide",
		Tags:        []string{"resources"},
		Errors:      []int{http.StatusNotFound},
	}, func(ctx context.Context, in *guideInput) (*guideOutput, error) {
		view, err := s.resources.Guide(ctx, actorFrom(ctx), in.Slug, guideLanguage(ctx, in.Lang))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		g := view.Guide
		return &guideOutput{Body: Guide{
			Slug: g.Slug, Title: g.Title, Summary: g.Summary, Topic: g.Topic, Markdown: g.Markdown,
			ReadingMinutes: g.ReadingMinutes, Lang: g.Lang, OtherLang: view.OtherLang,
		}}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID:   "createResource",
		Method:        http.MethodPost,
		Path:          "/api/resources",
		Summary:       "Add a note or a link to the library",
		Tags:          []string{"resources"},
		DefaultStatus: http.StatusCreated,
		Errors:        []int{http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ Body ResourceInput }) (*createdResourceOutput, error) {
		r, err := s.resources.Create(ctx, actorFrom(ctx), resourceFromAPI(in.Body))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := resourceToAPI(r)
		return &createdResourceOutput{Location: "/api/resources/" + out.ID, Body: out}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "getResource",
		Method:      http.MethodGet,
		Path:        "/api/resources/{id}",
		Summary:     "A note or a link",
		Tags:        []string{"resources"},
		Errors:      []int{http.StatusNotFound},
	}, func(ctx context.Context, in *resourceIDInput) (*resourceOutput, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		r, err := s.resources.Get(ctx, actorFrom(ctx), id)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &resourceOutput{Body: resourceToAPI(r)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "updateResource",
		Method:      http.MethodPut,
		Path:        "/api/resources/{id}",
		Summary:     "Save a note or a link",
		Description: "Replaces the whole note or link.",
		Tags:        []string{"resources"},
		Errors:      []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *resourceWriteInput) (*resourceOutput, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		r, err := s.resources.Update(ctx, actorFrom(ctx), id, resourceFromAPI(in.Body))
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return &resourceOutput{Body: resourceToAPI(r)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "deleteResource",
		Method:      http.MethodDelete,
		Path:        "/api/resources/{id}",
		Summary:     "Delete a note or a link",
		Description: "For good: there is no bin. Built-in guides cannot be deleted.",
		Tags:        []string{"resources"},
		Errors:      []int{http.StatusNotFound},
	}, func(ctx context.Context, in *resourceIDInput) (*struct{}, error) {
		id, err := parseID(in.ID)
		if err == nil {
			err = s.resources.Delete(ctx, actorFrom(ctx), id)
		}
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return nil, nil
	})
}

// guideLanguage is the language asked for when guides exist in it, else the reader's.
func guideLanguage(ctx context.Context, asked string) string {
	switch locale(asked) {
	case localeFR, localeEN:
		return asked
	}
	return string(localeFrom(ctx))
}

func resourceFromAPI(in ResourceInput) domain.Resource {
	return domain.Resource{Kind: domain.ResourceKind(in.Kind), Title: in.Title, Body: in.Body, URL: in.URL}
}

func resourceToAPI(r domain.Resource) Resource {
	return Resource{
		ID: strconv.FormatInt(r.ID, 10), Kind: string(r.Kind), Title: r.Title, Body: r.Body, URL: r.URL,
		CreatedAt: formatOptionalTime(r.CreatedAt), UpdatedAt: formatOptionalTime(r.UpdatedAt),
	}
}

// formatOptionalTime writes a time as RFC 3339, and nothing for the zero time.
func formatOptionalTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
