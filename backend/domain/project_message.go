package domain

import (
	"strings"
	"time"
)

// Limits of a message of a project's discussion.
const (
	maxMessageAuthorRunes = 100
	MaxMessageBodyRunes   = 10_000
)

// ProjectMessage is a message of a project's discussion thread. Until people sign in, the author
// is the display name the writer typed; the interface remembers it on that computer.
type ProjectMessage struct {
	ID        int64
	ProjectID int64
	Author    string
	Body      string
	CreatedAt time.Time
	EditedAt  time.Time // zero when never edited
}

// Normalize trims the author's name and the text, and writes line breaks the same way whatever
// system they were typed on.
func (m *ProjectMessage) Normalize() {
	m.Author = collapseSpaces(strings.TrimSpace(m.Author))
	m.Body = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(m.Body, "\r\n", "\n"), "\r", "\n"))
}

// Validate checks every field: a message has an author and a text, both of bounded length.
func (m ProjectMessage) Validate() error {
	v := &ValidationError{}
	if m.Author == "" {
		v.add("author", CodeRequired, nil)
	}
	checkLength(v, "author", m.Author, maxMessageAuthorRunes)
	if m.Body == "" {
		v.add("body", CodeRequired, nil)
	}
	checkLength(v, "body", m.Body, MaxMessageBodyRunes)
	return v.orNil()
}
