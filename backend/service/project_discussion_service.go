package service

import (
	"context"
	"fmt"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// Discussion is the message thread of each project.
type Discussion struct {
	store *store.Store
	now   func() time.Time
}

// NewDiscussion returns the discussion use cases.
func NewDiscussion(st *store.Store, now func() time.Time) *Discussion {
	return &Discussion{store: st, now: now}
}

// Post adds a message (author and text) to a project's thread.
func (s *Discussion) Post(ctx context.Context, actor domain.Actor, m domain.ProjectMessage) (domain.ProjectMessage, error) {
	if !actor.CanManageProjects() {
		return domain.ProjectMessage{}, fmt.Errorf("post message: %w", domain.ErrForbidden)
	}
	if _, err := s.store.Project(ctx, m.ProjectID); err != nil {
		return domain.ProjectMessage{}, err
	}
	m.ID, m.EditedAt = 0, time.Time{}
	m.Normalize()
	if err := m.Validate(); err != nil {
		return domain.ProjectMessage{}, err
	}
	m.CreatedAt = s.now().UTC()
	if err := s.store.CreateProjectMessage(ctx, &m); err != nil {
		return domain.ProjectMessage{}, fmt.Errorf("post message: %w", err)
	}
	return m, nil
}

// Edit replaces the text of a message; its author and time stay, and when it was edited is
// recorded.
func (s *Discussion) Edit(ctx context.Context, actor domain.Actor, projectID, id int64, body string) (domain.ProjectMessage, error) {
	if !actor.CanManageProjects() {
		return domain.ProjectMessage{}, fmt.Errorf("edit message: %w", domain.ErrForbidden)
	}
	m, err := s.store.ProjectMessage(ctx, projectID, id)
	if err != nil {
		return domain.ProjectMessage{}, err
	}
	m.Body = body
	m.Normalize()
	if err := m.Validate(); err != nil {
		return domain.ProjectMessage{}, err
	}
	m.EditedAt = s.now().UTC()
	if err := s.store.UpdateProjectMessage(ctx, m); err != nil {
		return domain.ProjectMessage{}, err
	}
	return m, nil
}

// Delete removes a message of a project.
func (s *Discussion) Delete(ctx context.Context, actor domain.Actor, projectID, id int64) error {
	if !actor.CanManageProjects() {
		return fmt.Errorf("delete message: %w", domain.ErrForbidden)
	}
	return s.store.DeleteProjectMessage(ctx, projectID, id)
}

// List returns a page of a project's thread and the number of messages. Pages are counted from
// the newest message (offset 0 is the latest page); in a page, the newest message is last.
func (s *Discussion) List(ctx context.Context, actor domain.Actor, projectID int64, limit, offset int) ([]domain.ProjectMessage, int, error) {
	if !actor.CanReadProjects() {
		return nil, 0, fmt.Errorf("read discussion: %w", domain.ErrForbidden)
	}
	if _, err := s.store.Project(ctx, projectID); err != nil {
		return nil, 0, err
	}
	return s.store.ProjectMessages(ctx, projectID, limit, offset)
}
