package search

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// Query is a search for volunteers.
type Query struct {
	Text         string                 // free text typed by a person
	Skills       []string               // skill IDs that must all be offered
	MinLevel     domain.SkillLevel      // with Skills: at least this level in them; alone: in any skill
	City         string                 // exact city (case and accents ignored)
	Causes       []domain.Cause         // all must be among the volunteer's causes
	Languages    []string               // all must be spoken
	Availability []string               // all must hold (weekdays, evenings, weekends, onsite, remote)
	Status       domain.VolunteerStatus // "" means active
	AllStatuses  bool                   // archived and active together
	Limit        int
	Offset       int
	Facets       bool // count values of every facet over all matches
}

// Facet names, as the API returns them.
const (
	FacetSkills       = "skills"
	FacetCauses       = "causes"
	FacetCity         = "city"
	FacetAvailability = "availability"
	FacetLanguages    = "languages"
	FacetLevel        = "level"
)

// FacetValue is one value of a facet with the number of matching volunteers that have it.
type FacetValue struct {
	Value string
	Count int
}

// Hit is one matching volunteer.
type Hit struct {
	ID    int64
	Score float64
}

// Result is one page of matches.
type Result struct {
	Total  uint64
	Hits   []Hit
	Facets map[string][]FacetValue
	// Words are the folded words of the query as searched, for highlighting matches.
	Words []QueryWord
	// Skills are the taxonomy skills the query named (by any name or synonym).
	Skills []string
	Took   time.Duration
}

// QueryWord is one word of the query and how it may match.
type QueryWord struct {
	Text      string // folded
	Prefix    bool   // the word being typed: matches words that start with it
	Fuzziness int    // edits allowed
}

// Limits of a query, so that a pasted novel cannot make a search slow.
const (
	maxQueryWords = 12
	maxPageSize   = 200
	facetSize     = 30
	// facetValuesMax bounds the distinct values returned from the combined facets field: every
	// skill, every city and every combination of the packed facets, with room to spare.
	facetValuesMax = 100000
)

// facetPrefixes mark which facet a value of the combined facets field belongs to.
var facetPrefixes = map[string]string{
	FacetSkills: "s|", FacetCauses: "c|", FacetCity: "t|", FacetAvailability: "a|",
	FacetLanguages: "l|", FacetLevel: "v|",
}

// packFacetValues joins the values of a small facet into one doc value, in a canonical order
// so that equal sets give equal values. "," never occurs in these values (causes, language
// codes, levels, availability).
func packFacetValues(values []string) string {
	sorted := append([]string(nil), values...)
	sort.Strings(sorted)
	return strings.Join(sorted, ",")
}

// facetSizes are how many values of each facet are returned, most frequent first.
var facetSizes = map[string]int{
	FacetSkills: facetSize, FacetCauses: 32, FacetCity: facetSize, FacetAvailability: 16,
	FacetLanguages: facetSize, FacetLevel: 4,
}

// stopWords are left out of free-text queries: people type "chef de projet à Lyon", and "de"
// and "à" would otherwise have to match something.
var stopWords = map[string]bool{
	"a": true, "au": true, "aux": true, "de": true, "des": true, "du": true, "d": true, "en": true,
	"et": true, "l": true, "la": true, "le": true, "les": true, "ou": true, "pour": true, "sur": true,
	"un": true, "une": true, "avec": true, "the": true, "of": true, "and": true, "in": true,
	"for": true, "or": true, "with": true, "at": true,
}

// maxFuzzyRunes is the longest word searched with typo tolerance. No real word is longer; a
// pasted run of a thousand letters would make Bleve's Levenshtein automaton exceed its 10,000
// states and fail the whole search ("dfa contains more than 10000 states", found by fuzzing).
const maxFuzzyRunes = 40

// fuzzinessFor allows one edit in short words and two in long ones; words of one or two
// letters must be exact, or every two-letter word would match, and so must words too long to
// be words.
func fuzzinessFor(word string) int {
	switch n := utf8.RuneCountInString(word); {
	case n <= 2 || n > maxFuzzyRunes:
		return 0
	case n <= 6:
		return 1
	default:
		return 2
	}
}

// Search runs q and returns one page of volunteers, best first, ties in name order.
func (ix *Index) Search(ctx context.Context, q Query) (Result, error) {
	started := time.Now()
	root, words, skills, err := ix.buildQuery(q)
	if err != nil {
		return Result{}, err
	}
	limit := q.Limit
	if limit <= 0 || limit > maxPageSize {
		limit = 20
	}
	req := bleve.NewSearchRequestOptions(root, limit, max(q.Offset, 0), false)
	req.SortBy([]string{"-_score", fieldSortName})
	if q.Facets {
		req.AddFacet(fieldFacets, bleve.NewFacetRequest(fieldFacets, facetValuesMax))
	}
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return Result{}, fmt.Errorf("search volunteers: %w", err)
	}
	out := Result{Total: res.Total, Words: words}
	for _, sk := range skills {
		out.Skills = append(out.Skills, sk.id)
		for _, w := range sk.words {
			out.Words = append(out.Words, QueryWord{Text: w})
		}
	}
	out.Hits = make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		id, err := strconv.ParseInt(h.ID, 10, 64)
		if err != nil {
			return Result{}, fmt.Errorf("search volunteers: document id %q: %w", h.ID, err)
		}
		out.Hits = append(out.Hits, Hit{ID: id, Score: h.Score})
	}
	if q.Facets {
		out.Facets = facetsOf(res.Facets, q.Skills)
		if len(q.Skills) > 0 {
			if out.Facets[FacetLevel], err = ix.levelsInSkills(ctx, root, q.Skills); err != nil {
				return Result{}, err
			}
		}
	}
	out.Took = time.Since(started)
	return out, nil
}

// buildQuery turns q into a Bleve query, with the words and skills it searched for.
func (ix *Index) buildQuery(q Query) (query.Query, []QueryWord, []skillMatch, error) {
	must := []query.Query{}
	var (
		words  []QueryWord
		skills []skillMatch
		err    error
	)
	if email := strings.ToLower(strings.TrimSpace(q.Text)); strings.Contains(email, "@") && !strings.Contains(email, " ") {
		// An e-mail address (or its beginning) is looked up as such, not as words.
		p := bleve.NewPrefixQuery(email)
		p.SetField(fieldEmail)
		must = append(must, p)
	} else if words, skills, err = ix.analyzeText(q.Text); err != nil {
		return nil, nil, nil, err
	}
	for _, sk := range skills {
		// A skill named in full (by any name or synonym) is matched by ID, which covers every
		// synonym at once, or by its words among the skills, which finds custom skills such
		// as "Traduction russe" for "traduction".
		alts := []query.Query{termQuery(fieldSkillIDs, sk.id, 4)}
		if len(sk.words) > 0 {
			words := make([]query.Query, len(sk.words))
			for i, w := range sk.words {
				words[i] = termQuery(fieldSkills, w, 2)
			}
			alts = append(alts, bleve.NewConjunctionQuery(words...))
		}
		must = append(must, bleve.NewDisjunctionQuery(alts...))
	}
	for _, w := range words {
		must = append(must, wordQuery(w))
	}
	filters := ix.filters(q)
	b := bleve.NewBooleanQuery()
	switch {
	case len(must) > 0:
		b.AddMust(must...)
		if len(filters) > 0 {
			// Filters narrow the results without changing their scores.
			f := bleve.NewConjunctionQuery(filters...)
			f.SetBoost(0)
			b.AddMust(f)
		}
	case len(filters) > 0:
		b.AddMust(bleve.NewConjunctionQuery(filters...))
	default:
		b.AddMust(bleve.NewMatchAllQuery())
	}
	if !q.AllStatuses && q.Status == "" {
		// Active volunteers are the archived ones left out: few are archived, so this skips a
		// handful of documents instead of checking every match against a list of nearly all.
		b.AddMustNot(termQuery(fieldStatus, string(domain.StatusArchived), 1))
	}
	return b, words, skills, nil
}

// SearchIDs returns the IDs of every match of q (at most max), in result order: exports take
// the whole result list, not one page.
func (ix *Index) SearchIDs(ctx context.Context, q Query, max int) ([]int64, error) {
	root, _, _, err := ix.buildQuery(q)
	if err != nil {
		return nil, err
	}
	req := bleve.NewSearchRequestOptions(root, max, 0, false)
	req.SortBy([]string{"-_score", fieldSortName})
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search volunteers: %w", err)
	}
	ids := make([]int64, 0, len(res.Hits))
	for _, h := range res.Hits {
		id, err := strconv.ParseInt(h.ID, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("search volunteers: document id %q: %w", h.ID, err)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// skillMatch is a taxonomy skill the query names in full, with the query words that name it.
type skillMatch struct {
	id    string
	words []string // folded by the index's analyzer
}

// analyzeText splits the typed text into the taxonomy skills it names in full and the other
// words, folded by the index's own analyzer so that query and index always agree.
func (ix *Index) analyzeText(text string) ([]QueryWord, []skillMatch, error) {
	analyzer := ix.bleve.Mapping().AnalyzerNamed(analyzerFolded)
	if analyzer == nil {
		return nil, nil, fmt.Errorf("search: analyzer %q missing", analyzerFolded)
	}
	words, skills := splitQueryText(ix.tax, text, func(raw string) []string {
		var out []string
		for _, tok := range analyzer.Analyze([]byte(raw)) {
			out = append(out, string(tok.Term))
		}
		return out
	})
	return words, skills, nil
}

// splitQueryText splits typed text into the taxonomy skills it names in full and the other
// words; analyze turns one folded word into the terms it is searched as. The index and the
// database scan share it, so that both read a query the same way.
func splitQueryText(tax *taxonomy.Taxonomy, text string, analyze func(folded string) []string) ([]QueryWord, []skillMatch) {
	text = strings.TrimLeft(text, " \t")
	if text == "" {
		return nil, nil
	}
	typing := !strings.HasSuffix(text, " ") // the last word may still be incomplete
	folded := strings.Fields(domain.FoldText(text))
	if len(folded) > maxQueryWords {
		folded = folded[:maxQueryWords]
		typing = false
	}
	covered := make([]bool, len(folded))
	var skills []skillMatch
	for _, s := range tax.FindIn(strings.Join(folded, " ")) {
		m := skillMatch{id: s.ID}
		for _, term := range tax.Terms(s.ID) {
			termWords := strings.Fields(term)
			for start := 0; start+len(termWords) <= len(folded); start++ {
				if !equalWords(folded[start:start+len(termWords)], termWords) || covered[start] {
					continue
				}
				for k := range termWords {
					covered[start+k] = true
					if !stopWords[folded[start+k]] {
						m.words = append(m.words, analyze(folded[start+k])...)
					}
				}
			}
		}
		skills = append(skills, m)
	}
	var words []QueryWord
	for i, raw := range folded {
		if covered[i] {
			continue
		}
		last := i == len(folded)-1
		if stopWords[raw] && !(last && typing) && len(folded) > 1 {
			continue
		}
		for _, t := range analyze(raw) {
			words = append(words, QueryWord{Text: t, Prefix: last && typing, Fuzziness: fuzzinessFor(t)})
		}
	}
	return words, skills
}

// equalWords compares folded words, ignoring the plural endings the taxonomy ignores too.
func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] && singular(a[i]) != singular(b[i]) {
			return false
		}
	}
	return true
}

func singular(w string) string {
	if len(w) > 3 && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x")) {
		return w[:len(w)-1]
	}
	return w
}

// wordQuery matches one word in any searchable field: exactly (best), as a prefix when it is
// the word being typed, or within its edit distance.
func wordQuery(w QueryWord) query.Query {
	var alts []query.Query
	for _, f := range []struct {
		field string
		boost float64
	}{{fieldSkills, 3}, {fieldName, 3}, {fieldCity, 2}} {
		alts = append(alts, termQuery(f.field, w.Text, f.boost))
		if w.Prefix && utf8.RuneCountInString(w.Text) >= 2 {
			p := bleve.NewPrefixQuery(w.Text)
			p.SetField(f.field)
			p.SetBoost(f.boost * 0.8)
			alts = append(alts, p)
		}
		// A word still being typed is mostly a prefix: a typo is looked for only once it is
		// long enough to be a word, which spares short prefixes a costly expansion.
		if w.Fuzziness > 0 && (!w.Prefix || utf8.RuneCountInString(w.Text) >= 5) {
			fz := bleve.NewFuzzyQuery(w.Text)
			fz.SetField(f.field)
			fz.SetFuzziness(w.Fuzziness)
			fz.SetBoost(f.boost * 0.5)
			alts = append(alts, fz)
		}
	}
	for _, field := range []string{fieldBio, fieldNotes} {
		m := bleve.NewMatchQuery(w.Text)
		m.SetField(field)
		m.SetBoost(1)
		alts = append(alts, m)
	}
	return bleve.NewDisjunctionQuery(alts...)
}

func termQuery(field, term string, boost float64) query.Query {
	t := bleve.NewTermQuery(term)
	t.SetField(field)
	t.SetBoost(boost)
	return t
}

// filters are the exact conditions of q.
func (ix *Index) filters(q Query) []query.Query {
	var out []query.Query
	if !q.AllStatuses && q.Status != "" {
		out = append(out, termQuery(fieldStatus, string(q.Status), 1)) // active ones: see buildQuery
	}
	minRank := q.MinLevel.Rank()
	for _, id := range q.Skills {
		if minRank <= 1 {
			out = append(out, termQuery(fieldSkillIDs, id, 1))
			continue
		}
		var levels []query.Query
		for _, l := range domain.SkillLevels[minRank-1:] {
			levels = append(levels, termQuery(fieldSkillLevels, id+":"+string(l), 1))
		}
		out = append(out, bleve.NewDisjunctionQuery(levels...))
	}
	if len(q.Skills) == 0 && minRank > 1 {
		var levels []query.Query
		for _, l := range domain.SkillLevels[minRank-1:] {
			levels = append(levels, termQuery(fieldLevels, string(l), 1))
		}
		out = append(out, bleve.NewDisjunctionQuery(levels...))
	}
	if q.City != "" {
		out = append(out, termQuery(fieldCityKey, domain.FoldText(q.City), 1))
	}
	for _, c := range q.Causes {
		out = append(out, termQuery(fieldCauses, string(c), 1))
	}
	for _, l := range q.Languages {
		out = append(out, termQuery(fieldLanguages, l, 1))
	}
	for _, a := range q.Availability {
		out = append(out, termQuery(fieldAvailable, a, 1))
	}
	return out
}

// levelsInSkills counts, among the matches of root, the volunteers who have each level in one
// of the filtered skills: the level facet that makes sense under a skill filter.
func (ix *Index) levelsInSkills(ctx context.Context, root query.Query, skills []string) ([]FacetValue, error) {
	var out []FacetValue
	for _, level := range domain.SkillLevels {
		alts := make([]query.Query, len(skills))
		for i, id := range skills {
			alts[i] = termQuery(fieldSkillLevels, id+":"+string(level), 1)
		}
		req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(root, bleve.NewDisjunctionQuery(alts...)), 0, 0, false)
		res, err := ix.bleve.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("count levels: %w", err)
		}
		if res.Total > 0 {
			out = append(out, FacetValue{Value: string(level), Count: int(res.Total)})
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Count > out[b].Count })
	return out, nil
}

// facetsOf splits the counts of the combined facets field into the facets, most frequent
// values first. With a skill filter, the level facet counts the levels in the filtered skills.
func facetsOf(raw search.FacetResults, skills []string) map[string][]FacetValue {
	out := make(map[string][]FacetValue, len(facetSizes))
	for name := range facetSizes {
		out[name] = []FacetValue{}
	}
	fr := raw[fieldFacets]
	if fr == nil || fr.Terms == nil {
		return out
	}
	prefixToFacet := make(map[string]string, len(facetPrefixes))
	for name, p := range facetPrefixes {
		prefixToFacet[p] = name
	}
	packed := map[string]map[string]int{}
	for _, t := range fr.Terms.Terms() {
		if len(t.Term) < 2 {
			continue
		}
		name, value := prefixToFacet[t.Term[:2]], t.Term[2:]
		switch name {
		case "":
		case FacetSkills, FacetCity:
			out[name] = append(out[name], FacetValue{Value: value, Count: t.Count})
		default:
			if len(skills) > 0 && name == FacetLevel {
				continue // counted by levelsInSkills instead
			}
			if packed[name] == nil {
				packed[name] = map[string]int{}
			}
			for _, v := range strings.Split(value, ",") {
				packed[name][v] += t.Count
			}
		}
	}
	for name, counts := range packed {
		for v, n := range counts {
			out[name] = append(out[name], FacetValue{Value: v, Count: n})
		}
	}
	for name, values := range out {
		sort.SliceStable(values, func(a, b int) bool {
			if values[a].Count != values[b].Count {
				return values[a].Count > values[b].Count
			}
			return values[a].Value < values[b].Value
		})
		out[name] = values[:min(len(values), facetSizes[name])]
	}
	return out
}
