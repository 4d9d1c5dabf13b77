package demo

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/civisphere/civisphere/backend/taxonomy"
)

// osa is the optimal string alignment distance: insertions, deletions, substitutions and swaps
// of neighbouring letters each count as one edit.
func osa(a, b string) int {
	s, t := []rune(a), []rune(b)
	d := make([][]int, len(s)+1)
	for i := range d {
		d[i] = make([]int, len(t)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(s); i++ {
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(s)][len(t)]
}

func TestQueriesAreDeterministic(t *testing.T) {
	tax := taxonomy.Builtin()
	a, b, c := Queries(9, tax, 300), Queries(9, tax, 300), Queries(10, tax, 300)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gives different queries")
	}
	if reflect.DeepEqual(a, c) {
		t.Fatal("different seeds give the same queries")
	}
}

func TestQueriesCountAndKinds(t *testing.T) {
	tax := taxonomy.Builtin()
	for _, n := range []int{0, 1, 7, 50, 1000} {
		qs := Queries(4, tax, n)
		if len(qs) != n {
			t.Fatalf("Queries(n=%d) gave %d", n, len(qs))
		}
		if n < len(queryKinds) {
			continue
		}
		kinds := map[string]int{}
		for _, q := range qs {
			kinds[q.Kind]++
			if strings.TrimSpace(q.Text) == "" || q.Text != strings.TrimSpace(q.Text) {
				t.Fatalf("query %+v", q)
			}
		}
		for _, k := range queryKinds {
			if kinds[k] == 0 {
				t.Errorf("n=%d: no query of kind %q (%v)", n, k, kinds)
			}
		}
	}
	if qs := Queries(4, tax, -3); len(qs) != 0 {
		t.Errorf("negative n gave %d queries", len(qs))
	}
}

func TestQueryKindsLookRight(t *testing.T) {
	tax := taxonomy.Builtin()
	towns := map[string]bool{}
	for _, name := range citiesTable().names {
		towns[name] = true
	}
	for _, q := range queries(21, tax, 3000) {
		switch q.Kind {
		case kindSkill:
			if _, ok := tax.Match(q.Text); !ok {
				t.Errorf("skill query %q names no skill", q.Text)
			}
		case kindSkillCity:
			if !endsWithTown(q.Text, towns) {
				t.Errorf("skill-and-city query %q does not end with a town", q.Text)
			}
		case kindCity:
			if !towns[q.Text] {
				t.Errorf("city query %q is no known town", q.Text)
			}
		case kindPrefix:
			if n := utf8.RuneCountInString(q.Text); n < 3 || n > 6 || !isSkillWordPrefix(tax, q.Text) {
				t.Errorf("prefix query %q", q.Text)
			}
		case kindTypo:
			if q.source == "" || osa(q.source, q.Text) != 1 {
				t.Errorf("typo %q from %q is not one edit away", q.Text, q.source)
			}
			changed := false
			src, typ := strings.Split(q.source, " "), strings.Split(q.Text, " ")
			for i := range src {
				if src[i] != typ[i] {
					if changed || letterCount(src[i]) < 5 {
						t.Errorf("typo %q from %q changes a short word or several", q.Text, q.source)
					}
					changed = true
				}
			}
		}
	}
}

func endsWithTown(text string, towns map[string]bool) bool {
	words := strings.Split(text, " ")
	for i := 1; i < len(words); i++ {
		if towns[strings.Join(words[i:], " ")] {
			return true
		}
	}
	return false
}

func isSkillWordPrefix(tax *taxonomy.Taxonomy, p string) bool {
	for _, s := range tax.Skills() {
		for _, w := range strings.Fields(strings.ToLower(s.Name.FR + " " + s.Name.EN)) {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

func TestOSA(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"Besançon", "Besançon", 0}, {"Besançon", "Bseançon", 1}, {"Besançon", "Besanon", 1}, {"Lyon", "Lyin", 1}, {"abc", "cba", 2}} {
		if got := osa(c.a, c.b); got != c.d {
			t.Errorf("osa(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}
