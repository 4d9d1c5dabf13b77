package domain

import (
	"strings"
	"time"
)

const maxAgendaTitleRunes = 300

// Milestone is a dated step of a project ("Bilan comptable remis").
type Milestone struct {
	ID        int64
	ProjectID int64
	Title     string
	DueDate   string // YYYY-MM-DD
	Done      bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Normalize trims the title.
func (m *Milestone) Normalize() { m.Title = collapseSpaces(strings.TrimSpace(m.Title)) }

// Validate checks every field: a milestone has a title and a due date.
func (m Milestone) Validate() error {
	v := &ValidationError{}
	if m.Title == "" {
		v.add("title", CodeRequired, nil)
	}
	checkLength(v, "title", m.Title, maxAgendaTitleRunes)
	if m.DueDate == "" {
		v.add("dueDate", CodeRequired, nil)
	} else {
		checkDate(v, "dueDate", m.DueDate)
	}
	return v.orNil()
}

// Task is a piece of work in a project, possibly given to a team member.
type Task struct {
	ID         int64
	ProjectID  int64
	Title      string
	AssigneeID int64  // a volunteer of the project's team, or 0
	DueDate    string // YYYY-MM-DD or empty
	Done       bool
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Normalize trims the title.
func (t *Task) Normalize() { t.Title = collapseSpaces(strings.TrimSpace(t.Title)) }

// Validate checks every field; that the assignee is in the team is checked by the service.
func (t Task) Validate() error {
	v := &ValidationError{}
	if t.Title == "" {
		v.add("title", CodeRequired, nil)
	}
	checkLength(v, "title", t.Title, maxAgendaTitleRunes)
	checkDate(v, "dueDate", t.DueDate)
	return v.orNil()
}
