package search

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

var fuzzVolunteers = []domain.Volunteer{
	{ID: 1, FirstName: "Élodie", LastName: "Martin", Email: "elodie@example.fr", City: "Besançon", Status: domain.StatusActive,
		Skills: []domain.VolunteerSkill{{SkillID: "accounting", Level: domain.LevelExpert}}, Bio: "Œuvre pour les associations."},
	{ID: 2, FirstName: "Ольга", LastName: "Петрова", City: "Strasbourg", Status: domain.StatusActive, Languages: []string{"ru"},
		Skills: []domain.VolunteerSkill{{SkillID: "custom:traduction-russe", Name: "Traduction russe", Level: domain.LevelConfirmed}}},
	{ID: 3, FirstName: "Ελένη", LastName: "Nguyễn", City: "Saint-Étienne", Status: domain.StatusArchived,
		Availability: domain.Availability{Days: []string{"monday"}, Mode: domain.ModeEither}},
}

// FuzzSearchQuery: whatever is typed in the search box, the index and the database scan answer
// without an error or a panic, with no more results than people.
func FuzzSearchQuery(f *testing.F) {
	for _, s := range []string{"compta", "chef de projet Lyon", "élo", "zoe.lefevre@example.fr ", "ольга", "\"*?~^:", "a b c d e f g h i j k l m n o p", "c++ c# .net", "l'", "  ", "\x00\xff", "œ"} {
		f.Add(s, "")
	}
	f.Add("graph", "besancon")
	tax := taxonomy.Builtin()
	ix, err := Create(filepath.Join(f.TempDir(), "index"), tax)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { ix.Close() })
	if err := ix.Apply(fuzzVolunteers, nil, 3); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, city string) {
		for _, status := range []bool{false, true} {
			q := Query{Text: text, City: city, Facets: true, AllStatuses: status, Limit: 10}
			res, err := ix.Search(context.Background(), q)
			if err != nil {
				t.Fatalf("index, %q in %q: %v", text, city, err)
			}
			if res.Total > uint64(len(fuzzVolunteers)) || len(res.Hits) > int(res.Total) {
				t.Fatalf("index: total %d, hits %d", res.Total, len(res.Hits))
			}
			scan := NewScan(tax, q)
			for _, v := range fuzzVolunteers {
				scan.Add(v)
			}
			sr := scan.Result()
			if sr.Total > uint64(len(fuzzVolunteers)) || len(sr.Hits) > int(sr.Total) || len(scan.IDs(10)) != int(sr.Total) {
				t.Fatalf("scan: total %d, hits %d", sr.Total, len(sr.Hits))
			}
			if len(res.Words) > maxQueryWords*2 || len(sr.Words) > maxQueryWords*2 {
				t.Fatalf("%d and %d words searched", len(res.Words), len(sr.Words))
			}
		}
	})
}
