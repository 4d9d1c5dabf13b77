package service

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/search"
)

// forceRebuilding puts the indexer in the state it is in while a rebuild runs, as if the index
// had been lost, until the test ends.
func forceRebuilding(t *testing.T, x *VolunteerIndexer) {
	t.Helper()
	x.mu.Lock()
	saved := x.status
	x.status = IndexStatus{State: IndexRebuilding, Done: 1, Total: 4}
	x.mu.Unlock()
	t.Cleanup(func() {
		x.mu.Lock()
		x.status = saved
		x.mu.Unlock()
	})
}

// fallbackQueries are exact queries (no typo): the database must find what the index finds.
var fallbackQueries = []SearchParams{
	{Text: "compta"}, {Text: "accounting"}, {Text: "COMPTABILITÉ"}, {Text: "comptabilite "},
	{Text: "graphiste"}, {Text: "graph"}, {Text: "laetitia"}, {Text: "coeur "}, {Text: "Cœur"},
	{Text: "besancon"}, {Text: "élo"}, {Text: "elo"}, {Text: "ольга"}, {Text: "nguyen "},
	{Text: "chef de projet"}, {Text: "project management "}, {Text: "gestion de projet Lyon"},
	{Text: "traduction"}, {Text: "affiches "}, {Text: "zoe.lefevre@example.fr "}, {Text: "olga@"},
	{Skills: []string{"Comptabilité"}}, {Skills: []string{"accounting"}, MinLevel: "confirmé"},
	{MinLevel: "expert"}, {City: "saint-etienne"}, {City: "Lyons"}, {Text: "projet", City: "Lyon"},
	{Availability: []string{"remote"}}, {Availability: []string{"monday", "onsite"}},
	{Languages: []string{"fr"}, Causes: []string{"culture"}}, {Text: "plomberie"}, {},
	{Status: "archived"}, {Status: "all"}, {Text: "lyon", Limit: 1, Offset: 1},
}

func TestSearchFallsBackToTheDatabaseWhileTheIndexIsRebuilt(t *testing.T) {
	env := newVolunteerEnv(t)
	ids := seedRelevance(t, env)
	ctx := context.Background()
	admin := domain.LocalAdmin()
	if _, err := env.svc.Archive(ctx, admin, ids["Dupont"]); err != nil {
		t.Fatal(err)
	}
	type answer struct {
		ids    []int64
		total  int
		facets map[string][]search.FacetValue
		source string
	}
	ask := func(p SearchParams) answer {
		t.Helper()
		p.Facets, p.Locale = true, "fr"
		res, err := env.svc.Search(ctx, admin, p)
		if err != nil {
			t.Fatalf("%+v: %v", p, err)
		}
		if !res.Complete {
			t.Errorf("%+v: results flagged incomplete", p)
		}
		a := answer{total: res.Total, facets: res.Facets, source: res.Source}
		for _, it := range res.Items {
			a.ids = append(a.ids, it.Volunteer.ID)
		}
		slices.Sort(a.ids)
		return a
	}
	fromIndex := make([]answer, len(fallbackQueries))
	for i, p := range fallbackQueries {
		fromIndex[i] = ask(p)
		if fromIndex[i].source != SourceIndex {
			t.Fatalf("ready index: source %q", fromIndex[i].source)
		}
	}
	forceRebuilding(t, env.indexer)
	for i, p := range fallbackQueries {
		t.Run(fmt.Sprintf("%q %v %s %v", p.Text, p.Skills, p.City, p.Status), func(t *testing.T) {
			got, want := ask(p), fromIndex[i]
			if got.source != SourceDatabase {
				t.Errorf("source %q while rebuilding", got.source)
			}
			if p.Limit == 0 && !slices.Equal(got.ids, want.ids) || got.total != want.total {
				t.Errorf("database %v (total %d), index %v (total %d)", got.ids, got.total, want.ids, want.total)
			}
			for facet, values := range want.facets {
				if !sameFacet(got.facets[facet], values) {
					t.Errorf("facet %s: database %v, index %v", facet, got.facets[facet], values)
				}
			}
		})
	}
}

func sameFacet(a, b []search.FacetValue) bool {
	key := func(list []search.FacetValue) []string {
		out := make([]string, len(list))
		for i, v := range list {
			out[i] = fmt.Sprintf("%s=%d", v.Value, v.Count)
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(key(a), key(b))
}

// The database fallback keeps the file prepared between searches; a write must show at once.
func TestFallbackSeesEveryWriteAtOnce(t *testing.T) {
	env := newVolunteerEnv(t)
	ids := seedRelevance(t, env)
	forceRebuilding(t, env.indexer)
	ctx := context.Background()
	admin := domain.LocalAdmin()
	count := func(text string) int {
		t.Helper()
		res, err := env.svc.Search(ctx, admin, SearchParams{Text: text})
		if err != nil || res.Source != SourceDatabase {
			t.Fatalf("%q: %v, source %q", text, err, res.Source)
		}
		return res.Total
	}
	if n := count("Fontaine"); n != 0 {
		t.Fatalf("before: %d", n)
	}
	created, err := env.svc.Create(ctx, admin, domain.Volunteer{FirstName: "Gaël", LastName: "Fontaine", City: "Nîmes"})
	if err != nil {
		t.Fatal(err)
	}
	if n := count("Fontaine"); n != 1 {
		t.Errorf("created while rebuilding: found %d", n)
	}
	created.City = "Besançon"
	if _, err := env.svc.Update(ctx, admin, created.ID, created); err != nil {
		t.Fatal(err)
	}
	if n := count("fontaine besancon"); n != 1 {
		t.Errorf("updated while rebuilding: found %d", n)
	}
	if _, err := env.svc.Archive(ctx, admin, ids["Martin"]); err != nil {
		t.Fatal(err)
	}
	if n := count("Martin"); n != 0 {
		t.Errorf("archived while rebuilding: still found %d", n)
	}
}

func TestFallbackHighlightsAndPagesInNameOrder(t *testing.T) {
	env := newVolunteerEnv(t)
	seedRelevance(t, env)
	forceRebuilding(t, env.indexer)
	ctx := context.Background()
	res, err := env.svc.Search(ctx, domain.LocalAdmin(), SearchParams{Text: "accounting besan", Locale: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Items) != 1 || res.Items[0].Volunteer.LastName != "Martin" || len(res.Items[0].Highlights) == 0 {
		t.Fatalf("items %+v", res.Items)
	}
	var order []string
	for offset := 0; offset < 6; offset += 2 {
		page, err := env.svc.Search(ctx, domain.LocalAdmin(), SearchParams{Limit: 2, Offset: offset})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 6 {
			t.Fatalf("total %d", page.Total)
		}
		order = append(order, names(t, env, page)...)
	}
	if want := []string{"Cœur", "Dupont", "Lefèvre", "Martin", "Nguyễn", "Петрова"}; !slices.Equal(order, want) {
		t.Errorf("pages %v, want %v", order, want)
	}
}

func TestExportAndMatchingReadTheDatabaseWhileRebuilding(t *testing.T) {
	env := newVolunteerEnv(t)
	seedRelevance(t, env)
	ctx := context.Background()
	exported := func() []string {
		next, err := env.svc.ExportVolunteers(ctx, domain.LocalAdmin(), SearchParams{Text: "compta"}, "xlsx")
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for {
			v, ok, err := next()
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				return out
			}
			out = append(out, v.LastName)
		}
	}
	want := exported()
	forceRebuilding(t, env.indexer)
	if got := exported(); !sameSet(got, want) || len(got) != 3 {
		t.Errorf("export while rebuilding %v, with the index %v", got, want)
	}
}

func TestMatchingPreselectsFromTheDatabaseWhileRebuilding(t *testing.T) {
	env := newVolunteerEnv(t)
	seedRelevance(t, env)
	ctx := context.Background()
	admin := domain.LocalAdmin()
	org, err := NewOrganizations(env.store, func() time.Time { return fixedNow }).Create(ctx, admin,
		OrganizationWrite{Organization: domain.Organization{Name: "Œuvre des Jardins de Besançon", Kind: domain.KindAssociation}})
	if err != nil {
		t.Fatal(err)
	}
	projects := NewProjects(env.store, env.svc, func() time.Time { return fixedNow })
	p, err := projects.Create(ctx, admin, domain.Project{Title: "Comptes 2027", OrganizationID: org.ID, City: "Besançon",
		Skills: []domain.ProjectSkill{{SkillID: "accounting", Level: domain.LevelConfirmed, People: 1}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatching(env.store, env.indexer, env.svc.tax, projects)
	ranked := func() []string {
		res, err := m.ForProject(ctx, admin, p.ID, 20)
		if err != nil {
			t.Fatal(err)
		}
		if !res.Complete {
			t.Error("matches flagged incomplete")
		}
		var out []string
		for _, it := range res.Items {
			out = append(out, it.Volunteer.LastName)
		}
		return out
	}
	want := ranked()
	forceRebuilding(t, env.indexer)
	if got := ranked(); !slices.Equal(got, want) || len(got) != 3 || got[0] != "Martin" {
		t.Errorf("while rebuilding %v, with the index %v", got, want)
	}
}
