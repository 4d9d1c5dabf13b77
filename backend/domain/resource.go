package domain

import (
	"strings"
	"time"
)

// ResourceKind tells a note written in the app from a link to a page elsewhere.
type ResourceKind string

const (
	// ResourceNote is a text written by the association, in Markdown.
	ResourceNote ResourceKind = "note"
	// ResourceLink is the address of a web page, with an optional description in Markdown.
	ResourceLink ResourceKind = "link"
)

// Limits of the association's own resources. A note is a working document (a procedure, a
// checklist), not a book: 50,000 characters is about twenty printed pages.
const (
	MaxResourceTitleRunes = 200
	MaxResourceBodyRunes  = 50_000
	// Links to administrative sites carry long query strings; 2,000 is what every browser keeps.
	MaxResourceURLRunes = 2000
)

// Resource is a note or a link the association adds to its library next to the built-in guides.
type Resource struct {
	ID        int64
	Kind      ResourceKind
	Title     string
	Body      string // Markdown: the note itself, or the description of a link
	URL       string // links only
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Normalize trims what forms and pasting add around values. A note has no address: one left over
// from a form switched from link to note is dropped rather than kept out of sight. A link typed
// without a scheme ("www.service-public.fr") gets https://, as browsers do.
func (r *Resource) Normalize() {
	r.Kind = ResourceKind(strings.ToLower(strings.TrimSpace(string(r.Kind))))
	r.Title = strings.TrimSpace(r.Title)
	// Leading spaces are Markdown (an indented first line is code), so only blank lines go.
	r.Body = strings.ReplaceAll(r.Body, "\r\n", "\n")
	r.Body = strings.TrimLeft(strings.TrimRight(r.Body, " \t\n"), "\n")
	r.URL = strings.TrimSpace(r.URL)
	switch {
	case r.Kind == ResourceNote:
		r.URL = ""
	case r.URL != "" && !strings.Contains(r.URL, "://"):
		r.URL = "https://" + r.URL
	}
}

// Validate checks every field and reports all problems at once. Call Normalize first.
func (r Resource) Validate() error {
	v := &ValidationError{}
	if r.Kind != ResourceNote && r.Kind != ResourceLink {
		v.add("kind", CodeInvalidChoice, map[string]any{"choices": "note, link"})
	}
	if r.Title == "" {
		v.add("title", CodeRequired, nil)
	}
	checkLength(v, "title", r.Title, MaxResourceTitleRunes)
	if r.Kind == ResourceNote && r.Body == "" {
		v.add("body", CodeRequired, nil)
	}
	checkLength(v, "body", r.Body, MaxResourceBodyRunes)
	if r.Kind == ResourceLink {
		switch {
		case r.URL == "":
			v.add("url", CodeRequired, nil)
		case !validWebURL(r.URL, MaxResourceURLRunes):
			v.add("url", CodeInvalidURL, nil)
		}
	}
	return v.orNil()
}
