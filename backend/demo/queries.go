package demo

import (
	"math/rand/v2"
	"strings"
	"unicode"

	"github.com/civisphere/civisphere/backend/taxonomy"
)

// Query is a search a coordinator would type. Kind says what it looks for: "skill" ("compta",
// "graphiste", "accounting"), "skillCity" ("comptable Lyon"), "name" ("Martin", "Élodie
// Martin"), "city" ("Besançon"), "free" (a word of the bios: "bénévolat"), "typo" (one of the
// others with one letter swapped, dropped or replaced in a word of five letters or more) or
// "prefix" (the first 3 to 6 letters of a skill word, as typed in a type-ahead field).
type Query struct {
	Text string
	Kind string
}

const (
	kindSkill     = "skill"
	kindSkillCity = "skillCity"
	kindName      = "name"
	kindCity      = "city"
	kindFree      = "free"
	kindTypo      = "typo"
	kindPrefix    = "prefix"
)

var queryKinds = []string{kindSkill, kindSkillCity, kindName, kindCity, kindFree, kindTypo, kindPrefix}
var queryKindWeights = []float64{28, 12, 15, 10, 10, 15, 10}

// freeWords are words and phrases the generated bios use, from very common to rare.
var freeWords = []string{
	"association", "associations", "bénévolat", "bénévole", "bénévoles", "compétences",
	"expérience", "retraite", "retraité", "retraitée", "étudiant", "étudiante", "quartier",
	"distance", "week-end", "soirée", "savoir-faire", "transmettre", "mission", "carrière",
	"métier", "engager", "cause", "utile", "solidarité", "environnement", "éducation", "culture",
	"patrimoine", "handicap", "logement", "enfance", "citoyenne", "précarité", "insertion",
	"personnes âgées", "économie sociale", "langue des signes", "bénévolat de compétences",
	"soins", "projet associatif", "collectivités",
}

// Queries returns n realistic search queries, the same for the same seed. When n is 7 or more,
// every kind is present.
func Queries(seed int64, tax *taxonomy.Taxonomy, n int) []Query {
	gen := queries(seed, tax, n)
	out := make([]Query, len(gen))
	for i, q := range gen {
		out[i] = q.Query
	}
	return out
}

// generatedQuery is a query with, for typos, the text it was typed from.
type generatedQuery struct {
	Query
	source string
}

type queryGen struct {
	r      *rand.Rand
	skills *skillModel
}

func queries(seed int64, tax *taxonomy.Taxonomy, n int) []generatedQuery {
	if n <= 0 {
		return []generatedQuery{}
	}
	q := &queryGen{
		r:      rand.New(rand.NewPCG(uint64(seed), 0x51ed2701f3a5c7b9)),
		skills: newSkillModel(tax),
	}
	// The first queries go through every kind once, in a shuffled order.
	first := append([]string(nil), queryKinds...)
	q.r.Shuffle(len(first), func(i, j int) { first[i], first[j] = first[j], first[i] })
	out := make([]generatedQuery, 0, n)
	for i := 0; i < n; i++ {
		kind := ""
		if i < len(first) {
			kind = first[i]
		} else {
			kind = queryKinds[pickWeights(q.r, queryKindWeights)]
		}
		out = append(out, q.make(kind))
	}
	return out
}

func (q *queryGen) make(kind string) generatedQuery {
	switch kind {
	case kindSkill:
		return generatedQuery{Query: Query{q.skillTerm(), kind}}
	case kindSkillCity:
		return generatedQuery{Query: Query{q.skillTerm() + " " + q.city(), kind}}
	case kindName:
		return generatedQuery{Query: Query{q.name(), kind}}
	case kindCity:
		return generatedQuery{Query: Query{q.city(), kind}}
	case kindFree:
		return generatedQuery{Query: Query{freeWords[min(q.r.IntN(len(freeWords)), q.r.IntN(len(freeWords)))], kind}}
	case kindTypo:
		for try := 0; try < 20; try++ {
			src := q.make([]string{kindSkill, kindSkillCity, kindName, kindCity}[pickWeights(q.r, []float64{40, 15, 25, 20})])
			if typo, ok := q.typo(src.Text); ok {
				return generatedQuery{Query: Query{typo, kind}, source: src.Text}
			}
		}
		typo, _ := q.typo("Besançon")
		return generatedQuery{Query: Query{typo, kind}, source: "Besançon"}
	case kindPrefix:
		return generatedQuery{Query: Query{q.prefix(), kind}}
	}
	return generatedQuery{Query: Query{"association", kindFree}}
}

// skillTerm is a way to name a popular skill: its French name, a synonym ("compta",
// "graphiste") or its English name, often typed in lower case.
func (q *queryGen) skillTerm() string {
	r := q.r
	if len(q.skills.skills) == 0 {
		return "comptabilité"
	}
	s := q.skills.skills[q.skills.popular(r)].skill
	var term string
	switch pickWeights(r, []float64{40, 45, 15}) {
	case 0:
		term = s.Name.FR
	case 1:
		if len(s.Synonyms) > 0 {
			term = s.Synonyms[r.IntN(len(s.Synonyms))]
		} else {
			term = s.Name.FR
		}
	default:
		term = s.Name.EN
	}
	if term == "" {
		term = s.Name.FR
	}
	if chance(r, 0.7) && !isAcronym(term) {
		term = strings.ToLower(term)
	}
	return term
}

func isAcronym(s string) bool {
	upper := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2
}

func (q *queryGen) city() string {
	ct := citiesTable()
	return ct.names[ct.namesW.pick(q.r)]
}

// name is a last name alone or a full name, drawn like the volunteers' names.
func (q *queryGen) name() string {
	r := q.r
	t := tables()
	woman := chance(r, 0.5)
	var first, last person
	if r.Float64()*100 < t.foreignPc {
		g := &t.groups[t.groupW.pick(r)]
		last = pickForm(g.last[g.lastW.pick(r)], woman)
		if woman {
			first = g.women[g.womenW.pick(r)]
		} else {
			first = g.men[g.menW.pick(r)]
		}
	} else {
		gen := &t.gens[r.IntN(len(t.gens))]
		last = pickForm(t.lastFR[t.lastFRW.pick(r)], woman)
		if woman {
			first = gen.women[gen.womenW.pick(r)]
		} else {
			first = gen.men[gen.menW.pick(r)]
		}
	}
	if chance(r, 0.5) {
		return last.text
	}
	return first.text + " " + last.text
}

// prefix is the first 3 to 6 letters of a word of a skill's name, in lower case.
func (q *queryGen) prefix() string {
	r := q.r
	if len(q.skills.skills) == 0 {
		return "comp"
	}
	for try := 0; try < 20; try++ {
		s := q.skills.skills[q.skills.popular(r)].skill
		name := s.Name.FR
		if chance(r, 0.2) && s.Name.EN != "" {
			name = s.Name.EN
		}
		var words [][]rune
		for _, w := range strings.Fields(strings.ToLower(name)) {
			rw := []rune(w)
			if len(rw) >= 4 && allLetters(rw) {
				words = append(words, rw)
			}
		}
		if len(words) == 0 {
			continue
		}
		w := words[r.IntN(len(words))]
		n := min(3+r.IntN(4), len(w))
		return string(w[:n])
	}
	return "comp"
}

func allLetters(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// typo makes exactly one mistake in one word of five letters or more: two neighbouring letters
// swapped, a letter dropped, or a letter replaced by a neighbour on an AZERTY keyboard.
func (q *queryGen) typo(text string) (string, bool) {
	r := q.r
	words := strings.Split(text, " ")
	var candidates []int
	for i, w := range words {
		if letterCount(w) >= 5 {
			candidates = append(candidates, i)
		}
	}
	if len(candidates) == 0 {
		return "", false
	}
	wi := candidates[r.IntN(len(candidates))]
	w := []rune(words[wi])
	var out []rune
	switch pickWeights(r, []float64{35, 35, 30}) {
	case 0:
		out = swapLetters(r, w)
	case 1:
		out = dropLetter(r, w)
	default:
		out = replaceLetter(r, w)
	}
	if out == nil {
		out = dropLetter(r, w)
	}
	words[wi] = string(out)
	return strings.Join(words, " "), true
}

func letterCount(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// swapLetters swaps two different neighbouring letters; nil when there are none.
func swapLetters(r *rand.Rand, w []rune) []rune {
	var at []int
	for i := 0; i+1 < len(w); i++ {
		if unicode.IsLetter(w[i]) && unicode.IsLetter(w[i+1]) && w[i] != w[i+1] {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return nil
	}
	i := at[r.IntN(len(at))]
	out := append([]rune(nil), w...)
	out[i], out[i+1] = out[i+1], out[i]
	return out
}

// dropLetter removes one letter, never the first (people rarely miss the first letter).
func dropLetter(r *rand.Rand, w []rune) []rune {
	var at []int
	for i := 1; i < len(w); i++ {
		if unicode.IsLetter(w[i]) {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		at = []int{0}
	}
	i := at[r.IntN(len(at))]
	out := append([]rune(nil), w[:i]...)
	return append(out, w[i+1:]...)
}

// azerty lists the keys of a French keyboard by row.
var azerty = []string{"azertyuiop", "qsdfghjklm", "wxcvbn"}

// replaceLetter replaces an ASCII letter with a neighbouring key; nil when there is none.
func replaceLetter(r *rand.Rand, w []rune) []rune {
	var at []int
	for i := 1; i < len(w); i++ {
		c := unicode.ToLower(w[i])
		if c >= 'a' && c <= 'z' {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return nil
	}
	i := at[r.IntN(len(at))]
	c := unicode.ToLower(w[i])
	var near []rune
	for row, keys := range azerty {
		col := strings.IndexRune(keys, c)
		if col < 0 {
			continue
		}
		add := func(rw, cl int) {
			if rw >= 0 && rw < len(azerty) && cl >= 0 && cl < len(azerty[rw]) && rune(azerty[rw][cl]) != c {
				near = append(near, rune(azerty[rw][cl]))
			}
		}
		add(row, col-1)
		add(row, col+1)
		add(row-1, col)
		add(row+1, col)
	}
	if len(near) == 0 {
		return nil
	}
	n := near[r.IntN(len(near))]
	if unicode.IsUpper(w[i]) {
		n = unicode.ToUpper(n)
	}
	out := append([]rune(nil), w...)
	out[i] = n
	return out
}
