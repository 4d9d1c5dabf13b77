// Package taxonomy is Civisphère's built-in, bilingual list of the skills pro bono volunteers
// offer, with their synonyms, and the vocabularies of causes and languages. It maps what people
// type or import ("compta", "Comptable", "bookkeeping") to one canonical skill.
package taxonomy

import (
	"sort"
	"strings"
	"sync"

	"github.com/civisphere/civisphere/backend/domain"
)

// Label is a name in French and English.
type Label struct {
	FR string
	EN string
}

// In returns the label in the given locale: English for "en" and its regional forms ("en-GB",
// "en_US"), French otherwise, French being the default.
func (l Label) In(locale string) string {
	if isEnglish(locale) && l.EN != "" {
		return l.EN
	}
	return l.FR
}

func isEnglish(locale string) bool {
	if len(locale) < 2 || !strings.EqualFold(locale[:2], "en") {
		return false
	}
	return len(locale) == 2 || locale[2] == '-' || locale[2] == '_'
}

// Domain groups skills (finance and accounting, legal, …).
type Domain struct {
	ID   string
	Name Label
}

// Skill is one canonical skill of the taxonomy.
type Skill struct {
	ID       string // stable, ASCII, e.g. "accounting"; stored in profiles: never rename one
	Domain   string // a Domain ID
	Name     Label
	Synonyms []string // related forms in either language: "compta", "comptable", "bookkeeping"
}

// Taxonomy answers questions about the built-in skills. It is immutable once built, so one value
// can be shared by every goroutine.
type Taxonomy struct {
	domains []Domain
	skills  []Skill
	byID    map[string]int
	terms   *lexicon   // folded names and synonyms → index in skills
	folded  [][]string // folded terms of each skill, in the order of Skill.terms
	// byFirst holds the terms as loose words, keyed by their first word, longest first, for FindIn.
	byFirst map[string][]phrase
}

type phrase struct {
	words []string
	skill int
}

var builtin = sync.OnceValue(func() *Taxonomy { return build(builtinDomains, builtinSkills) })

// Builtin returns the built-in taxonomy. It is built once and shared.
func Builtin() *Taxonomy { return builtin() }

func build(domains []Domain, skills []Skill) *Taxonomy {
	t := &Taxonomy{
		domains: domains,
		skills:  skills,
		byID:    make(map[string]int, len(skills)),
		terms:   newLexicon(len(skills) * 10),
		folded:  make([][]string, len(skills)),
		byFirst: make(map[string][]phrase, len(skills)*8),
	}
	for i, s := range skills {
		t.byID[s.ID] = i
	}
	for i, s := range skills {
		for _, term := range s.terms() {
			t.folded[i] = append(t.folded[i], t.terms.add(term, i))
		}
	}
	// Phrases are made once every term is known, so that a loose form shared by two skills
	// (which the tests forbid for the built-in list) names neither.
	seen := map[string]bool{}
	for i := range skills {
		for _, key := range t.folded[i] {
			loose := looseKey(key)
			if loose == "" || seen[loose] || t.terms.loose[loose] != i {
				continue
			}
			seen[loose] = true
			words := strings.Fields(loose)
			t.byFirst[words[0]] = append(t.byFirst[words[0]], phrase{words: words, skill: i})
		}
	}
	for _, list := range t.byFirst {
		sort.SliceStable(list, func(a, b int) bool { return len(list[a].words) > len(list[b].words) })
	}
	return t
}

// terms are every way to name the skill: both names, then the synonyms.
func (s Skill) terms() []string {
	out := make([]string, 0, 2+len(s.Synonyms))
	out = append(out, s.Name.FR, s.Name.EN)
	return append(out, s.Synonyms...)
}

// Domains lists the domains in display order.
func (t *Taxonomy) Domains() []Domain { return t.domains }

// Skills lists every built-in skill.
func (t *Taxonomy) Skills() []Skill { return t.skills }

// Skill finds a skill by its ID.
func (t *Taxonomy) Skill(id string) (Skill, bool) {
	i, ok := t.byID[id]
	if !ok {
		return Skill{}, false
	}
	return t.skills[i], true
}

// Match maps free text to the canonical skill whose name or synonym it is, ignoring case,
// accents, ligatures, punctuation and plural endings. "Comptabilité", "COMPTA", "comptables" and
// "bookkeeping" all give "accounting".
func (t *Taxonomy) Match(text string) (Skill, bool) {
	i, ok := t.terms.lookup(text)
	if !ok {
		return Skill{}, false
	}
	return t.skills[i], true
}

// Terms lists every folded way to name the skill with the given ID, for the search index.
func (t *Taxonomy) Terms(id string) []string {
	i, ok := t.byID[id]
	if !ok {
		return nil
	}
	out := make([]string, 0, len(t.folded[i]))
	seen := map[string]bool{}
	for _, key := range t.folded[i] {
		if key != "" && !seen[key] {
			seen[key] = true
			out = append(out, key)
		}
	}
	return out
}

// FindIn lists the skills named in a piece of free text, as whole words, in the order the text
// names them ("gestion de projet à Lyon" names "project-management"; "des comptables" names
// "accounting"). Longer names win over the shorter names they contain or overlap: "chef de projet
// événementiel" names event management, not project management.
func (t *Taxonomy) FindIn(text string) []Skill {
	words := strings.Fields(domain.FoldText(text))
	for i, w := range words {
		words[i] = singular(w)
	}
	type hit struct{ start, n, skill int }
	var hits []hit
	for start, w := range words {
		for _, p := range t.byFirst[w] {
			if start+len(p.words) <= len(words) && equalWords(words[start:start+len(p.words)], p.words) {
				hits = append(hits, hit{start, len(p.words), p.skill})
			}
		}
	}
	if len(hits) == 0 {
		return nil
	}
	// Longest first, then leftmost first; a hit that overlaps one already taken is dropped.
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].n > hits[b].n })
	used := make([]bool, len(words))
	kept := hits[:0]
	for _, h := range hits {
		free := true
		for k := h.start; k < h.start+h.n; k++ {
			free = free && !used[k]
		}
		if !free {
			continue
		}
		for k := h.start; k < h.start+h.n; k++ {
			used[k] = true
		}
		kept = append(kept, h)
	}
	sort.Slice(kept, func(a, b int) bool { return kept[a].start < kept[b].start })
	var found []Skill
	seen := map[int]bool{}
	for _, h := range kept {
		if !seen[h.skill] {
			seen[h.skill] = true
			found = append(found, t.skills[h.skill])
		}
	}
	return found
}

func equalWords(a, b []string) bool {
	for k := range b {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

// Suggestion is a skill proposed while someone types.
type Suggestion struct {
	Skill   Skill
	Matched string // the name or synonym that matched, as written in the taxonomy
}

// Suggest proposes skills whose name or synonym has a word starting with the typed text, best
// first: a name or synonym equal to the text ("dev", "RH"), then a name starting with it, then a
// word of a name, then a synonym starting with it, then a word of a synonym; ties in alphabetical
// order of the name in the given locale.
func (t *Taxonomy) Suggest(typed, locale string, limit int) []Suggestion {
	q := domain.FoldText(typed)
	if q == "" || limit <= 0 {
		return nil
	}
	type ranked struct {
		s    Suggestion
		rank int
		name string
	}
	var hits []ranked
	for i, s := range t.skills {
		best, bestK := -1, 0
		for k, key := range t.folded[i] {
			rank := prefixRank(key, q)
			switch {
			case rank < 0:
				continue
			case key == q:
				rank = 0
			case k >= 2:
				rank += 2 // a synonym ranks after a name
			}
			if best < 0 || rank < best {
				best, bestK = rank, k
			}
		}
		if best >= 0 {
			matched := s.terms()[bestK]
			hits = append(hits, ranked{Suggestion{Skill: s, Matched: matched}, best, domain.FoldText(s.Name.In(locale))})
		}
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].rank != hits[b].rank {
			return hits[a].rank < hits[b].rank
		}
		return hits[a].name < hits[b].name
	})
	out := make([]Suggestion, 0, min(limit, len(hits)))
	for _, h := range hits[:min(limit, len(hits))] {
		out = append(out, h.s)
	}
	return out
}

// prefixRank is 1 when term starts with q, 2 when a later word of term does, -1 otherwise.
func prefixRank(term, q string) int {
	if strings.HasPrefix(term, q) {
		return 1
	}
	if strings.Contains(term, " "+q) {
		return 2
	}
	return -1
}

// lexicon maps folded terms to entries (skills, causes, languages). A lookup tries the folded
// text as it is, then its loose form, without plural endings.
type lexicon struct {
	exact map[string]int
	loose map[string]int // -1 when two entries share a loose form: it then names neither
}

func newLexicon(size int) *lexicon {
	return &lexicon{exact: make(map[string]int, size), loose: make(map[string]int, size)}
}

// add records term as a name of entry i and returns its folded form. The first entry to claim
// a folded form keeps it.
func (l *lexicon) add(term string, i int) string {
	key := domain.FoldText(term)
	if key == "" {
		return ""
	}
	if _, taken := l.exact[key]; !taken {
		l.exact[key] = i
	}
	loose := looseKey(key)
	if j, taken := l.loose[loose]; !taken {
		l.loose[loose] = i
	} else if j != i {
		l.loose[loose] = -1
	}
	return key
}

func (l *lexicon) lookup(text string) (int, bool) {
	key := domain.FoldText(text)
	if key == "" {
		return 0, false
	}
	if i, ok := l.exact[key]; ok {
		return i, true
	}
	if i, ok := l.loose[looseKey(key)]; ok && i >= 0 {
		return i, true
	}
	return 0, false
}

// looseKey is a folded text with the plural ending of each word dropped, so that "comptables"
// meets "comptable" and "réseau social" meets "Réseaux sociaux".
func looseKey(folded string) string {
	words := strings.Fields(folded)
	for i, w := range words {
		words[i] = singular(w)
	}
	return strings.Join(words, " ")
}

// singular drops the usual French and English plural endings of a folded word: "-s" (not
// "-ss"), "-eaux" → "-eau", "-aux" → "-al". Short words are kept as they are, so that "legs",
// "gros" or "baux" are not mistaken for other words.
func singular(w string) string {
	n := len(w)
	switch {
	case n >= 5 && strings.HasSuffix(w, "eaux"):
		return w[:n-1]
	case n >= 6 && strings.HasSuffix(w, "aux"):
		return w[:n-3] + "al"
	case n >= 5 && w[n-1] == 's' && w[n-2] != 's':
		return w[:n-1]
	}
	return w
}
