package search

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civisphere/civisphere/backend/taxonomy"
)

// Text pasted into the search box by mistake (a long run of letters) is searched, not refused
// with an error: Bleve's typo-tolerant query cannot be built for words that long.
func TestPastedLongWordsDoNotFailTheSearch(t *testing.T) {
	ix, err := Create(filepath.Join(t.TempDir(), "index"), taxonomy.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Apply(fuzzVolunteers, nil, 3); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		strings.Repeat("zyxwvutsrq", 100) + " ", strings.Repeat("é", 2000), strings.Repeat("Œuvrebesançon", 80) + " martin",
		"martin " + strings.Repeat("Ольга", 300),
	} {
		res, err := ix.Search(context.Background(), Query{Text: text, Facets: true})
		if err != nil {
			t.Errorf("%d bytes: %v", len(text), err)
		}
		if res.Total != 0 {
			t.Errorf("%d bytes: %d matches", len(text), res.Total)
		}
	}
	if got := fuzzinessFor(strings.Repeat("a", maxFuzzyRunes)); got != 2 {
		t.Errorf("a %d-letter word gets fuzziness %d", maxFuzzyRunes, got)
	}
}
