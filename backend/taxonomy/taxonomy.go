// Package taxonomy is Civisphère's built-in, bilingual list of the skills pro bono volunteers
// offer, with their synonyms, and the vocabularies of causes and languages. It maps what people
// type or import ("compta", "Comptable", "bookkeeping") to one canonical skill.
package taxonomy

import (
	"sort"
	"strings"

	"github.com/civisphere/civisphere/backend/domain"
)

// Label is a name in French and English.
type Label struct {
	FR string
	EN string
}

// In returns the label in the given locale ("fr" or "en"); French is the default.
func (l Label) In(locale string) string {
	if locale == "en" && l.EN != "" {
		return l.EN
	}
	return l.FR
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
	byTerm  map[string]int // folded name or synonym → index in skills
	// phrases are the folded terms split in words, longest first, for FindIn.
	phrases []phrase
}

type phrase struct {
	words []string
	skill int
}

// Builtin returns the built-in taxonomy.
func Builtin() *Taxonomy {
	return build(builtinDomains, builtinSkills)
}

func build(domains []Domain, skills []Skill) *Taxonomy {
	t := &Taxonomy{
		domains: domains,
		skills:  skills,
		byID:    make(map[string]int, len(skills)),
		byTerm:  make(map[string]int, len(skills)*8),
	}
	for i, s := range skills {
		t.byID[s.ID] = i
	}
	for i, s := range skills {
		for _, term := range s.terms() {
			key := domain.FoldText(term)
			if key == "" {
				continue
			}
			if _, taken := t.byTerm[key]; !taken {
				t.byTerm[key] = i
				t.phrases = append(t.phrases, phrase{words: strings.Fields(key), skill: i})
			}
		}
	}
	sort.SliceStable(t.phrases, func(a, b int) bool { return len(t.phrases[a].words) > len(t.phrases[b].words) })
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
// accents and ligatures. "Comptabilité", "COMPTA" and "bookkeeping" all give "accounting".
func (t *Taxonomy) Match(text string) (Skill, bool) {
	i, ok := t.byTerm[domain.FoldText(text)]
	if !ok {
		return Skill{}, false
	}
	return t.skills[i], true
}

// Terms lists every folded way to name the skill with the given ID, for the search index.
func (t *Taxonomy) Terms(id string) []string {
	s, ok := t.Skill(id)
	if !ok {
		return nil
	}
	out := make([]string, 0, 2+len(s.Synonyms))
	seen := map[string]bool{}
	for _, term := range s.terms() {
		key := domain.FoldText(term)
		if key != "" && !seen[key] {
			seen[key] = true
			out = append(out, key)
		}
	}
	return out
}

// FindIn lists the skills named in a piece of free text, as whole words ("gestion de projet à
// Lyon" names "project-management"). Longer names win over the shorter names they contain.
func (t *Taxonomy) FindIn(text string) []Skill {
	words := strings.Fields(domain.FoldText(text))
	used := make([]bool, len(words))
	var found []Skill
	seen := map[int]bool{}
	for _, p := range t.phrases {
		for start := 0; start+len(p.words) <= len(words); start++ {
			if !matchesAt(words, used, start, p.words) {
				continue
			}
			for k := range p.words {
				used[start+k] = true
			}
			if !seen[p.skill] {
				seen[p.skill] = true
				found = append(found, t.skills[p.skill])
			}
		}
	}
	return found
}

func matchesAt(words []string, used []bool, start int, want []string) bool {
	for k, w := range want {
		if used[start+k] || words[start+k] != w {
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
// first: a name starting with it, then a word of a name, then a synonym; ties in alphabetical
// order of the name in the given locale.
func (t *Taxonomy) Suggest(typed, locale string, limit int) []Suggestion {
	q := domain.FoldText(typed)
	if q == "" || limit <= 0 {
		return nil
	}
	type ranked struct {
		s    Suggestion
		rank int
	}
	var hits []ranked
	for _, s := range t.skills {
		best := -1
		matched := ""
		for k, term := range s.terms() {
			rank := prefixRank(domain.FoldText(term), q)
			if rank < 0 {
				continue
			}
			if k >= 2 {
				rank += 2 // a synonym ranks after a name
			}
			if best < 0 || rank < best {
				best, matched = rank, term
			}
		}
		if best >= 0 {
			hits = append(hits, ranked{Suggestion{Skill: s, Matched: matched}, best})
		}
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].rank != hits[b].rank {
			return hits[a].rank < hits[b].rank
		}
		return domain.FoldText(hits[a].s.Skill.Name.In(locale)) < domain.FoldText(hits[b].s.Skill.Name.In(locale))
	})
	out := make([]Suggestion, 0, min(limit, len(hits)))
	for _, h := range hits[:min(limit, len(hits))] {
		out = append(out, h.s)
	}
	return out
}

// prefixRank is 0 when term starts with q, 1 when a later word of term does, -1 otherwise.
func prefixRank(term, q string) int {
	if strings.HasPrefix(term, q) {
		return 0
	}
	if strings.Contains(term, " "+q) {
		return 1
	}
	return -1
}
