package service

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/guides"
	"github.com/civisphere/civisphere/backend/store"
)

// newResources returns the library on a fresh database, with a clock the test moves forward.
func newResources(t *testing.T) (*Resources, *time.Time) {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "civisphere.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	now := fixedNow
	return NewResources(st, guides.Builtin(), func() time.Time { return now }), &now
}

func itemIDs(p LibraryPage) []string {
	out := make([]string, len(p.Items))
	for i, it := range p.Items {
		out[i] = string(it.Kind) + ":" + it.ID
	}
	return out
}

var viewer = domain.Actor{ID: "v", Role: domain.RoleViewer}

func TestLibraryListsGuidesThenNewestResources(t *testing.T) {
	s, now := newResources(t)
	ctx := context.Background()
	admin := domain.LocalAdmin()
	note, err := s.Create(ctx, admin, domain.Resource{Kind: domain.ResourceNote, Title: "Procédure d’accueil", Body: "Le **café** d’abord."})
	if err != nil {
		t.Fatal(err)
	}
	*now = now.Add(time.Minute)
	link, err := s.Create(ctx, admin, domain.Resource{Kind: domain.ResourceLink, Title: "Le Compte Asso", URL: "lecompteasso.associations.gouv.fr"})
	if err != nil {
		t.Fatal(err)
	}
	if link.URL != "https://lecompteasso.associations.gouv.fr" {
		t.Errorf("link address not completed: %q", link.URL)
	}

	page, err := s.List(ctx, viewer, LibraryQuery{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	n := len(guides.Builtin().List("en"))
	if page.Total != n+2 || len(page.Items) != n+2 {
		t.Fatalf("total %d, %d items; want %d", page.Total, len(page.Items), n+2)
	}
	if page.Items[0].Kind != KindGuide || page.Items[0].Title != "Identifying your organisation's needs" {
		t.Errorf("first item %+v, want the first English guide", page.Items[0])
	}
	ids := itemIDs(page)
	if !slices.Equal(ids[n:], []string{"link:" + itemID(link), "note:" + itemID(note)}) {
		t.Errorf("resources %v, want the newest first", ids[n:])
	}
	if got := page.Items[n+1].Summary; got != "Le café d’abord." {
		t.Errorf("note summary %q, want its text without Markdown", got)
	}

	paged, _ := s.List(ctx, viewer, LibraryQuery{Lang: "fr", Limit: 2, Offset: n})
	if paged.Total != n+2 || !slices.Equal(itemIDs(paged), ids[n:]) {
		t.Errorf("last page %v (total %d)", itemIDs(paged), paged.Total)
	}
	if beyond, _ := s.List(ctx, viewer, LibraryQuery{Offset: 100}); len(beyond.Items) != 0 || beyond.Total != n+2 {
		t.Errorf("beyond the end: %+v", beyond)
	}
}

func itemID(r domain.Resource) string { return strconv.FormatInt(r.ID, 10) }

func TestLibrarySearchFindsGuidesAndOwnResourcesAlike(t *testing.T) {
	s, _ := newResources(t)
	ctx := context.Background()
	note, err := s.Create(ctx, domain.LocalAdmin(), domain.Resource{Kind: domain.ResourceNote, Title: "Réunion des bénévoles",
		Body: "Ordre du jour : <script>alert(1)</script> puis le **goûter** de décembre."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(ctx, domain.LocalAdmin(), domain.Resource{Kind: domain.ResourceLink, Title: "Démarches",
		URL: "https://www.service-public.fr/associations", Body: "Le guide officiel"}); err != nil {
		t.Fatal(err)
	}

	page, err := s.List(ctx, viewer, LibraryQuery{Text: "benevoles", Lang: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	ids := itemIDs(page)
	// Two titles hold the word: the recruiting guide and the note; the other guides only mention it.
	if len(ids) < 3 || !slices.Contains(ids[:2], "guide:recruiting-volunteers") || !slices.Contains(ids[:2], "note:"+itemID(note)) {
		t.Errorf("benevoles: %v", ids)
	}

	page, _ = s.List(ctx, viewer, LibraryQuery{Text: "gouter", Lang: "fr"})
	if got := itemIDs(page); !slices.Equal(got, []string{"note:" + itemID(note)}) {
		t.Fatalf("gouter: %v", got)
	}
	if ex := page.Items[0].Excerpt; !strings.Contains(ex, "goûter") || strings.Contains(ex, "**") {
		t.Errorf("excerpt %q: want the word, without Markdown", ex)
	}

	page, _ = s.List(ctx, viewer, LibraryQuery{Text: "service-public", Lang: "fr"})
	if len(page.Items) == 0 || page.Items[0].Kind != KindLink {
		t.Errorf("a link is not found first by its address: %v", itemIDs(page))
	}

	page, _ = s.List(ctx, viewer, LibraryQuery{Text: "volunteers", Lang: "en"})
	if len(page.Items) == 0 || page.Items[0].ID != "recruiting-volunteers" {
		t.Errorf("English guides not searched in English: %v", itemIDs(page))
	}
	page, _ = s.List(ctx, viewer, LibraryQuery{Text: "bénévoles", Lang: "xx"})
	if len(page.Items) == 0 || page.Items[0].Kind != KindGuide && page.Items[1].Kind != KindGuide {
		t.Errorf("an unknown language does not fall back to French: %v", itemIDs(page))
	}
}

func TestGuideInBothLanguages(t *testing.T) {
	s, _ := newResources(t)
	ctx := context.Background()
	fr, err := s.Guide(ctx, viewer, "recruiting-volunteers", "fr")
	if err != nil {
		t.Fatal(err)
	}
	if fr.Guide.Lang != "fr" || fr.OtherLang != "en" || !strings.Contains(fr.Guide.Markdown, "bénévole") {
		t.Errorf("fr: %s %s", fr.Guide.Lang, fr.OtherLang)
	}
	en, _ := s.Guide(ctx, viewer, "recruiting-volunteers", "en")
	if en.Guide.Lang != "en" || en.OtherLang != "fr" {
		t.Errorf("en: %s %s", en.Guide.Lang, en.OtherLang)
	}
	if _, err := s.Guide(ctx, viewer, "../../etc/passwd", "fr"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown guide: %v", err)
	}
}

func TestResourceWritesNeedPermissionAndValidInput(t *testing.T) {
	s, now := newResources(t)
	ctx := context.Background()
	admin := domain.LocalAdmin()
	coordinator := domain.Actor{ID: "c", Role: domain.RoleCoordinator}
	valid := domain.Resource{Kind: domain.ResourceNote, Title: "Note", Body: "Texte"}

	if _, err := s.Create(ctx, viewer, valid); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a viewer created a note: %v", err)
	}
	var invalid *domain.ValidationError
	if _, err := s.Create(ctx, admin, domain.Resource{Kind: domain.ResourceLink, Title: "Xylophone", URL: "javascript:alert(1)"}); !errors.As(err, &invalid) {
		t.Errorf("a javascript: link was accepted: %v", err)
	}
	if page, _ := s.List(ctx, admin, LibraryQuery{Text: "xylophone"}); page.Total != 0 {
		t.Errorf("invalid input saved something: %v", itemIDs(page))
	}

	note, err := s.Create(ctx, coordinator, valid)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(ctx, viewer, note.ID, valid); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a viewer changed a note: %v", err)
	}
	if _, err := s.Update(ctx, admin, note.ID, domain.Resource{Kind: domain.ResourceNote, Title: "", Body: "x"}); !errors.As(err, &invalid) {
		t.Errorf("an empty title was accepted: %v", err)
	}
	if got, _ := s.Get(ctx, viewer, note.ID); got.Title != "Note" {
		t.Errorf("a refused update changed the note: %+v", got)
	}

	*now = now.Add(time.Hour)
	updated, err := s.Update(ctx, admin, note.ID, domain.Resource{Kind: domain.ResourceNote, Title: "Note revue", Body: "Texte revu"})
	if err != nil {
		t.Fatal(err)
	}
	if updated.Title != "Note revue" || !updated.CreatedAt.Equal(fixedNow) || !updated.UpdatedAt.Equal(fixedNow.Add(time.Hour)) {
		t.Errorf("updated %+v", updated)
	}
	if _, err := s.Update(ctx, admin, 999, valid); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("update of an unknown note: %v", err)
	}

	if err := s.Delete(ctx, viewer, note.ID); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("a viewer deleted a note: %v", err)
	}
	if err := s.Delete(ctx, admin, note.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, admin, note.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleted note still there: %v", err)
	}
}
