package service

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/guides"
	"github.com/civisphere/civisphere/backend/store"
)

// Resources is the library: the built-in guides and the association's own notes and links,
// listed and searched together.
type Resources struct {
	store  *store.Store
	guides *guides.Library
	now    func() time.Time
}

// NewResources returns the library's use cases; lib is guides.Builtin() outside tests.
func NewResources(st *store.Store, lib *guides.Library, now func() time.Time) *Resources {
	return &Resources{store: st, guides: lib, now: now}
}

// LibraryKind tells what a library item is.
type LibraryKind string

// The kinds of library items: a built-in guide, or one of the association's notes or links.
const (
	KindGuide LibraryKind = "guide"
	KindNote  LibraryKind = LibraryKind(domain.ResourceNote)
	KindLink  LibraryKind = LibraryKind(domain.ResourceLink)
)

// summaryBytes is how much of a note's text stands for its summary in lists.
const summaryBytes = 220

// LibraryQuery asks for a page of the library.
type LibraryQuery struct {
	Text   string // words to find; empty lists everything
	Lang   string // the language of the guides: fr or en
	Limit  int
	Offset int
}

// LibraryItem is a guide, a note or a link as lists show it.
type LibraryItem struct {
	Kind      LibraryKind
	ID        string // a guide's slug, or a resource's number
	Title     string
	Summary   string
	Excerpt   string // with a search: the text around the first word found in the body
	Topic     string // guides only
	URL       string // links only
	UpdatedAt time.Time
	score     int
}

// LibraryPage is one page of the library and how many items there are in all.
type LibraryPage struct {
	Total int
	Items []LibraryItem
}

// List returns the library, or what matches the query's text. Without text: the guides in
// their order, then the association's resources, most recently changed first. With text: the
// best matches first, wherever they come from (a guide before a resource on equal footing).
func (s *Resources) List(ctx context.Context, actor domain.Actor, q LibraryQuery) (LibraryPage, error) {
	if !actor.CanReadResources() {
		return LibraryPage{}, fmt.Errorf("list resources: %w", domain.ErrForbidden)
	}
	lang := s.language(q.Lang)
	own, err := s.store.Resources(ctx)
	if err != nil {
		return LibraryPage{}, fmt.Errorf("list resources: %w", err)
	}
	var items []LibraryItem
	query := guides.ParseQuery(q.Text)
	if query.Empty() {
		for _, g := range s.guides.List(lang) {
			items = append(items, guideItem(g))
		}
		for _, r := range own {
			items = append(items, resourceItem(r, guides.PlainText(r.Body)))
		}
	} else {
		for _, hit := range s.guides.Search(q.Text, lang) {
			item := guideItem(hit.Guide)
			item.Excerpt, item.score = hit.Excerpt, hit.Score
			items = append(items, item)
		}
		for _, r := range own {
			plain := guides.PlainText(r.Body)
			// A link is also found by its address ("service-public").
			if m, ok := query.Match(guides.NewDocument(r.Title, r.URL, plain)); ok {
				item := resourceItem(r, plain)
				item.Excerpt, item.score = m.Excerpt, m.Score
				items = append(items, item)
			}
		}
		slices.SortStableFunc(items, func(a, b LibraryItem) int { return b.score - a.score })
	}
	page := LibraryPage{Total: len(items)}
	from := min(max(q.Offset, 0), len(items))
	to := len(items)
	if q.Limit > 0 {
		to = min(from+q.Limit, len(items))
	}
	page.Items = items[from:to]
	return page, nil
}

// GuideView is a guide with the languages it can also be read in.
type GuideView struct {
	Guide     *guides.Guide
	OtherLang string // the other language this guide exists in, "" when none
}

// Guide returns a built-in guide in the language asked for, or in another one when it was not
// written in that language; domain.ErrNotFound when there is no such guide.
func (s *Resources) Guide(_ context.Context, actor domain.Actor, slug, lang string) (GuideView, error) {
	if !actor.CanReadResources() {
		return GuideView{}, fmt.Errorf("read guide: %w", domain.ErrForbidden)
	}
	g, ok := s.guides.Get(slug, s.language(lang))
	if !ok {
		return GuideView{}, fmt.Errorf("guide %q: %w", slug, domain.ErrNotFound)
	}
	view := GuideView{Guide: g}
	for _, other := range s.guides.LanguagesOf(slug) {
		if other != g.Lang {
			view.OtherLang = other
			break
		}
	}
	return view, nil
}

// Get returns one of the association's notes or links.
func (s *Resources) Get(ctx context.Context, actor domain.Actor, id int64) (domain.Resource, error) {
	if !actor.CanReadResources() {
		return domain.Resource{}, fmt.Errorf("read resource: %w", domain.ErrForbidden)
	}
	return s.store.Resource(ctx, id)
}

// Create validates and saves a new note or link; nothing is saved when the input is invalid.
func (s *Resources) Create(ctx context.Context, actor domain.Actor, r domain.Resource) (domain.Resource, error) {
	if !actor.CanManageResources() {
		return domain.Resource{}, fmt.Errorf("create resource: %w", domain.ErrForbidden)
	}
	r.Normalize()
	if err := r.Validate(); err != nil {
		return domain.Resource{}, err
	}
	now := s.now().UTC()
	r.ID, r.CreatedAt, r.UpdatedAt = 0, now, now
	if err := s.store.CreateResource(ctx, &r); err != nil {
		return domain.Resource{}, fmt.Errorf("create resource: %w", err)
	}
	return s.store.Resource(ctx, r.ID)
}

// Update replaces a note or link; nothing is saved when the input is invalid.
func (s *Resources) Update(ctx context.Context, actor domain.Actor, id int64, r domain.Resource) (domain.Resource, error) {
	if !actor.CanManageResources() {
		return domain.Resource{}, fmt.Errorf("update resource: %w", domain.ErrForbidden)
	}
	current, err := s.store.Resource(ctx, id)
	if err != nil {
		return domain.Resource{}, err
	}
	r.Normalize()
	if err := r.Validate(); err != nil {
		return domain.Resource{}, err
	}
	r.ID, r.CreatedAt, r.UpdatedAt = id, current.CreatedAt, s.now().UTC()
	if err := s.store.UpdateResource(ctx, r); err != nil {
		return domain.Resource{}, err
	}
	return s.store.Resource(ctx, id)
}

// Delete removes a note or link for good.
func (s *Resources) Delete(ctx context.Context, actor domain.Actor, id int64) error {
	if !actor.CanManageResources() {
		return fmt.Errorf("delete resource: %w", domain.ErrForbidden)
	}
	return s.store.DeleteResource(ctx, id)
}

// language is the guides' language for a request: the one asked for when guides are written
// in it, else the default.
func (s *Resources) language(lang string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if slices.Contains(guides.Languages, lang) {
		return lang
	}
	return guides.Languages[0]
}

func guideItem(g *guides.Guide) LibraryItem {
	return LibraryItem{Kind: KindGuide, ID: g.Slug, Title: g.Title, Summary: g.Summary, Topic: g.Topic}
}

func resourceItem(r domain.Resource, plainBody string) LibraryItem {
	return LibraryItem{
		Kind: LibraryKind(r.Kind), ID: fmt.Sprint(r.ID), Title: r.Title,
		Summary: guides.Summarize(plainBody, summaryBytes), URL: r.URL, UpdatedAt: r.UpdatedAt,
	}
}
