package service

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// volunteerEnv is a Volunteers service on a temp database and index folder.
type volunteerEnv struct {
	svc     *Volunteers
	store   *store.Store
	indexer *VolunteerIndexer
	dir     string
}

func newVolunteerEnv(t *testing.T) *volunteerEnv {
	t.Helper()
	dir := t.TempDir()
	return openVolunteerEnv(t, dir)
}

func openVolunteerEnv(t *testing.T, dir string) *volunteerEnv {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(dir, "civisphere.db"))
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	tax := taxonomy.Builtin()
	ix := NewVolunteerIndexer(st, tax, filepath.Join(dir, "index", "volunteers"), log)
	if err := ix.Start(ctx); err != nil {
		t.Fatal(err)
	}
	env := &volunteerEnv{svc: NewVolunteers(st, tax, ix, func() time.Time { return fixedNow }, log), store: st, indexer: ix, dir: dir}
	t.Cleanup(func() { env.close() })
	waitIndexReady(t, ix)
	return env
}

func (e *volunteerEnv) close() {
	e.indexer.Close()
	e.store.Close()
}

func waitIndexReady(t *testing.T, ix *VolunteerIndexer) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for ix.Status().State != IndexReady {
		if time.Now().After(deadline) {
			t.Fatalf("index not ready: %+v", ix.Status())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func skill(name string, level domain.SkillLevel) domain.VolunteerSkill {
	return domain.VolunteerSkill{Name: name, Level: level}
}

// relevanceVolunteers are the people of the relevance table.
var relevanceVolunteers = []domain.Volunteer{
	{FirstName: "Élodie", LastName: "Martin", Email: "elodie.martin@example.fr", City: "Besançon", Postcode: "25000",
		Skills: []domain.VolunteerSkill{skill("Comptabilité", domain.LevelExpert)},
		Causes: []domain.Cause{"solidarity"}, Languages: []string{"fr", "en"},
		Availability: domain.Availability{Evenings: true, Mode: domain.ModeRemote},
		Bio:          "Expert-comptable depuis douze ans, j'accompagne des associations dans la tenue de leurs comptes."},
	{FirstName: "Zoé", LastName: "Lefèvre", Email: "zoe.lefevre@example.fr", City: "Lyon", Postcode: "69003",
		Skills: []domain.VolunteerSkill{skill("graphiste", domain.LevelConfirmed)},
		Causes: []domain.Cause{"culture"}, Languages: []string{"fr"},
		Availability: domain.Availability{Weekends: true, Mode: domain.ModeOnSite},
		Bio:          "Directrice artistique, je crée des affiches et des identités visuelles."},
	{FirstName: "Lætitia", LastName: "Cœur", Email: "laetitia.coeur@example.fr", City: "Paris", Postcode: "75011",
		Skills: []domain.VolunteerSkill{skill("Chef de projet", domain.LevelConfirmed), skill("compta", domain.LevelBeginner)},
		Causes: []domain.Cause{"education"}, Languages: []string{"fr", "es"},
		Availability: domain.Availability{Days: []string{"monday", "thursday"}, Mode: domain.ModeEither}},
	{FirstName: "Ольга", LastName: "Петрова", Email: "olga@example.org", City: "Strasbourg", Postcode: "67000",
		Skills: []domain.VolunteerSkill{skill("Traduction russe", domain.LevelExpert)},
		Causes: []domain.Cause{"international"}, Languages: []string{"ru", "fr"}},
	{FirstName: "An", LastName: "Nguyễn", Email: "an.nguyen@example.fr", City: "Saint-Étienne", Postcode: "42000",
		Skills: []domain.VolunteerSkill{skill("Accounting", domain.LevelIntermediate), skill("Graphic design", domain.LevelBeginner)},
		Causes: []domain.Cause{"environment"}, Languages: []string{"vi", "fr"}},
	{FirstName: "Benoît", LastName: "Dupont", Email: "benoit.dupont@example.fr", City: "Lyon", Postcode: "69007",
		Skills: []domain.VolunteerSkill{skill("Gestion de projet", domain.LevelExpert)},
		Causes: []domain.Cause{"employment"}, Languages: []string{"fr", "de"},
		Bio: "Ancien chef de chantier, passionné de bénévolat associatif."},
}

func seedRelevance(t *testing.T, env *volunteerEnv) map[string]int64 {
	t.Helper()
	ids := map[string]int64{}
	for _, v := range relevanceVolunteers {
		v.Skills = slices.Clone(v.Skills)
		created, err := env.svc.Create(context.Background(), domain.LocalAdmin(), v)
		if err != nil {
			t.Fatalf("create %s: %v", v.FullName(), err)
		}
		ids[v.LastName] = created.ID
	}
	return ids
}

func names(t *testing.T, env *volunteerEnv, res SearchResult) []string {
	t.Helper()
	out := make([]string, 0, len(res.Items))
	for _, it := range res.Items {
		out = append(out, it.Volunteer.LastName)
	}
	return out
}

func TestSearchRelevanceTable(t *testing.T) {
	env := newVolunteerEnv(t)
	seedRelevance(t, env)
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		p     SearchParams
		want  []string // in order when ordered is true, else as a set
		first string   // the best result, when the order of the rest does not matter
	}{
		{name: "abbreviation synonym", p: SearchParams{Text: "compta"}, want: []string{"Cœur", "Martin", "Nguyễn"}, first: "Martin"},
		{name: "English synonym finds French skill", p: SearchParams{Text: "accounting"}, want: []string{"Cœur", "Martin", "Nguyễn"}},
		{name: "upper case with accent", p: SearchParams{Text: "COMPTABILITÉ"}, want: []string{"Cœur", "Martin", "Nguyễn"}},
		{name: "without accent", p: SearchParams{Text: "comptabilite "}, want: []string{"Cœur", "Martin", "Nguyễn"}},
		{name: "one typo in a long word", p: SearchParams{Text: "comptabilte "}, want: []string{"Cœur", "Martin", "Nguyễn"}},
		{name: "job name", p: SearchParams{Text: "graphiste"}, want: []string{"Lefèvre", "Nguyễn"}, first: "Lefèvre"},
		{name: "type-ahead prefix", p: SearchParams{Text: "graph"}, want: []string{"Lefèvre", "Nguyễn"}},
		{name: "typo in job name", p: SearchParams{Text: "grafiste "}, want: []string{"Lefèvre", "Nguyễn"}},
		{name: "ligature æ typed as ae", p: SearchParams{Text: "laetitia"}, want: []string{"Cœur"}},
		{name: "ligature œ typed as oe", p: SearchParams{Text: "coeur "}, want: []string{"Cœur"}},
		{name: "ligature typed as such", p: SearchParams{Text: "Cœur"}, want: []string{"Cœur"}},
		{name: "city without cedilla", p: SearchParams{Text: "besancon"}, want: []string{"Martin"}},
		{name: "first name prefix with accent", p: SearchParams{Text: "élo"}, want: []string{"Martin"}},
		{name: "first name prefix without accent", p: SearchParams{Text: "elo"}, want: []string{"Martin"}},
		{name: "Cyrillic name", p: SearchParams{Text: "ольга"}, want: []string{"Петрова"}},
		{name: "Vietnamese name folded", p: SearchParams{Text: "nguyen "}, want: []string{"Nguyễn"}},
		{name: "multi-word skill", p: SearchParams{Text: "chef de projet"}, want: []string{"Cœur", "Dupont"}},
		{name: "multi-word skill in English", p: SearchParams{Text: "project management "}, want: []string{"Cœur", "Dupont"}},
		{name: "skill and city", p: SearchParams{Text: "gestion de projet Lyon"}, want: []string{"Dupont"}},
		{name: "custom skill words", p: SearchParams{Text: "traduction"}, want: []string{"Петрова"}},
		{name: "bio, stemmed plural", p: SearchParams{Text: "affiche "}, want: []string{"Lefèvre"}},
		{name: "e-mail", p: SearchParams{Text: "zoe.lefevre@example.fr "}, want: []string{"Lefèvre"}},
		{name: "skill filter by name is exact", p: SearchParams{Skills: []string{"Comptabilité"}}, want: []string{"Cœur", "Martin", "Nguyễn"}},
		{name: "skill filter with minimum level", p: SearchParams{Skills: []string{"accounting"}, MinLevel: "confirmé"}, want: []string{"Martin"}},
		{name: "city filter ignores case and accents only", p: SearchParams{City: "saint-etienne"}, want: []string{"Nguyễn"}},
		{name: "city filter is not fuzzy", p: SearchParams{City: "Lyons"}, want: nil},
		{name: "text and city filter", p: SearchParams{Text: "projet", City: "Lyon"}, want: []string{"Dupont"}},
		{name: "availability filter", p: SearchParams{Availability: []string{"remote"}}, want: []string{"Cœur", "Martin"}},
		{name: "language and cause filters", p: SearchParams{Languages: []string{"fr"}, Causes: []string{"culture"}}, want: []string{"Lefèvre"}},
		{name: "no match", p: SearchParams{Text: "plomberie"}, want: nil},
		{name: "empty query lists everyone by name", p: SearchParams{}, want: []string{"Cœur", "Dupont", "Lefèvre", "Martin", "Nguyễn", "Петрова"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := env.svc.Search(ctx, domain.LocalAdmin(), tc.p)
			if err != nil {
				t.Fatal(err)
			}
			got := names(t, env, res)
			if !sameSet(got, tc.want) {
				t.Fatalf("%q: got %v, want %v", tc.p.Text, got, tc.want)
			}
			if res.Total != len(tc.want) {
				t.Errorf("total %d, want %d", res.Total, len(tc.want))
			}
			if tc.first != "" && got[0] != tc.first {
				t.Errorf("best result %s, want %s (all: %v)", got[0], tc.first, got)
			}
			if tc.p.Text == "" && tc.name == "empty query lists everyone by name" && !slices.Equal(got, tc.want) {
				t.Errorf("order %v, want %v", got, tc.want)
			}
			if !res.Complete {
				t.Errorf("results flagged incomplete with a ready index")
			}
		})
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

func TestSearchHighlightsWhatMatched(t *testing.T) {
	env := newVolunteerEnv(t)
	seedRelevance(t, env)
	res, err := env.svc.Search(context.Background(), domain.LocalAdmin(), SearchParams{Text: "accounting besan", Locale: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Items) != 1 {
		t.Fatalf("got %d results", len(res.Items))
	}
	marked := map[string]string{}
	for _, h := range res.Items[0].Highlights {
		for _, s := range h.Segments {
			if s.Match {
				marked[h.Field] += s.Text
			}
		}
	}
	if marked["skill"] != "Comptabilité" || marked["city"] != "Besançon" {
		t.Errorf("marked %v; want the skill found through its English synonym and the city prefix", marked)
	}
}

func TestSearchFacetsCountAllMatches(t *testing.T) {
	env := newVolunteerEnv(t)
	seedRelevance(t, env)
	res, err := env.svc.Search(context.Background(), domain.LocalAdmin(), SearchParams{Text: "compta", Facets: true, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Items) != 1 || res.Total != 3 {
		t.Fatalf("items %d total %d", len(res.Items), res.Total)
	}
	counts := func(facet string) map[string]int {
		m := map[string]int{}
		for _, v := range res.Facets[facet] {
			m[v.Value] = v.Count
		}
		return m
	}
	if got := counts("skills")["accounting"]; got != 3 {
		t.Errorf("skills facet accounting = %d, want 3", got)
	}
	if got := counts("city"); got["Besançon"] != 1 || got["Paris"] != 1 || got["Saint-Étienne"] != 1 {
		t.Errorf("city facet %v", got)
	}
	if got := counts("level"); got["expert"] != 1 || got["beginner"] != 2 {
		t.Errorf("level facet %v", got)
	}
}

func TestArchiveHidesAndRestoreBrings(t *testing.T) {
	env := newVolunteerEnv(t)
	ids := seedRelevance(t, env)
	ctx := context.Background()
	if _, err := env.svc.Archive(ctx, domain.LocalAdmin(), ids["Martin"]); err != nil {
		t.Fatal(err)
	}
	res, _ := env.svc.Search(ctx, domain.LocalAdmin(), SearchParams{Text: "besancon"})
	if res.Total != 0 {
		t.Fatalf("archived volunteer still in active results")
	}
	res, _ = env.svc.Search(ctx, domain.LocalAdmin(), SearchParams{Text: "besancon", Status: "archived"})
	if res.Total != 1 {
		t.Fatalf("archived volunteer not in archived results")
	}
	if _, err := env.svc.Restore(ctx, domain.LocalAdmin(), ids["Martin"]); err != nil {
		t.Fatal(err)
	}
	res, _ = env.svc.Search(ctx, domain.LocalAdmin(), SearchParams{Text: "besancon"})
	if res.Total != 1 {
		t.Fatalf("restored volunteer not found")
	}
}

func TestUpdateIsSearchableAtOnce(t *testing.T) {
	env := newVolunteerEnv(t)
	ids := seedRelevance(t, env)
	ctx := context.Background()
	v, _ := env.svc.Get(ctx, domain.LocalAdmin(), ids["Dupont"])
	v.City = "Besançon"
	if _, err := env.svc.Update(ctx, domain.LocalAdmin(), v.ID, v); err != nil {
		t.Fatal(err)
	}
	res, _ := env.svc.Search(ctx, domain.LocalAdmin(), SearchParams{City: "Besançon"})
	if !sameSet(names(t, env, res), []string{"Dupont", "Martin"}) {
		t.Fatalf("after update: %v", names(t, env, res))
	}
}

func TestDuplicateEmailIsAFieldError(t *testing.T) {
	env := newVolunteerEnv(t)
	seedRelevance(t, env)
	_, err := env.svc.Create(context.Background(), domain.LocalAdmin(), domain.Volunteer{
		FirstName: "Autre", LastName: "Personne", Email: "ELODIE.MARTIN@example.fr"})
	var ve *domain.ValidationError
	if !errors.As(err, &ve) || ve.Fields[0].Field != "email" || ve.Fields[0].Code != domain.CodeDuplicateEmail {
		t.Fatalf("err = %v", err)
	}
}

func TestViewerCannotWrite(t *testing.T) {
	env := newVolunteerEnv(t)
	_, err := env.svc.Create(context.Background(), domain.Actor{ID: "v", Role: domain.RoleViewer}, domain.Volunteer{LastName: "X"})
	if !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("err = %v", err)
	}
}

func TestMergeCustomSkillRewritesProfiles(t *testing.T) {
	env := newVolunteerEnv(t)
	ids := seedRelevance(t, env)
	ctx := context.Background()
	custom, err := env.svc.CustomSkills(ctx, domain.LocalAdmin())
	if err != nil || len(custom) != 1 || custom[0].Name != "Traduction russe" || custom[0].Volunteers != 1 {
		t.Fatalf("custom skills %+v, %v", custom, err)
	}
	n, err := env.svc.MergeSkill(ctx, domain.LocalAdmin(), custom[0].ID, "Comptabilité")
	if err != nil || n != 1 {
		t.Fatalf("merge: %d, %v", n, err)
	}
	v, _ := env.svc.Get(ctx, domain.LocalAdmin(), ids["Петрова"])
	if len(v.Skills) != 1 || v.Skills[0].SkillID != "accounting" || v.Skills[0].Level != domain.LevelExpert {
		t.Fatalf("skills after merge: %+v", v.Skills)
	}
	res, _ := env.svc.Search(ctx, domain.LocalAdmin(), SearchParams{Skills: []string{"accounting"}})
	if res.Total != 4 {
		t.Fatalf("index not updated after merge: %d", res.Total)
	}
	if custom, _ := env.svc.CustomSkills(ctx, domain.LocalAdmin()); len(custom) != 0 {
		t.Fatalf("custom skill not removed: %+v", custom)
	}
}

func TestIndexSurvivesRestartAndRebuildsWhenLost(t *testing.T) {
	env := newVolunteerEnv(t)
	seedRelevance(t, env)
	dir := env.dir
	env.close()

	// A clean restart reuses the index without rebuilding it.
	env2 := openVolunteerEnv(t, dir)
	res, _ := env2.svc.Search(context.Background(), domain.LocalAdmin(), SearchParams{Text: "compta"})
	if res.Total != 3 {
		t.Fatalf("after restart: %d", res.Total)
	}
	env2.close()

	// A change committed while the index was not told (a crash between commit and sync) is
	// in the outbox and applied at the next start.
	st, err := store.Open(context.Background(), filepath.Join(dir, "civisphere.db"))
	if err != nil {
		t.Fatal(err)
	}
	v := domain.Volunteer{FirstName: "Gaël", LastName: "Fontaine", City: "Nîmes", Status: domain.StatusActive,
		Skills: []domain.VolunteerSkill{{SkillID: "accounting", Level: domain.LevelConfirmed}}, CreatedAt: fixedNow, UpdatedAt: fixedNow}
	if err := st.CreateVolunteer(context.Background(), &v); err != nil {
		t.Fatal(err)
	}
	st.Close()
	env3 := openVolunteerEnv(t, dir)
	res, _ = env3.svc.Search(context.Background(), domain.LocalAdmin(), SearchParams{Text: "compta"})
	if res.Total != 4 {
		t.Fatalf("outbox not applied at start: %d", res.Total)
	}
	env3.close()

	// A lost index is rebuilt in the background.
	if err := removeAll(filepath.Join(dir, "index")); err != nil {
		t.Fatal(err)
	}
	env4 := openVolunteerEnv(t, dir)
	res, _ = env4.svc.Search(context.Background(), domain.LocalAdmin(), SearchParams{Text: "compta"})
	if res.Total != 4 || !res.Complete {
		t.Fatalf("after rebuild: %d complete=%v", res.Total, res.Complete)
	}
}

func removeAll(path string) error { return os.RemoveAll(path) }
