package search

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// Scan answers a Query without the index, one volunteer at a time, from volunteers read out of
// the database. It is what searches fall back to while the index is missing or rebuilt: slower
// than the index and without typo tolerance or relevance (matches come in name order), but
// complete. Text is folded as the index folds it (case, accents, œ→oe) and every word matches
// as a prefix of a word of the name, city, skills (any name or synonym), bio or notes; an
// e-mail address, as in the index, matches the beginning of the e-mail. The filters and facets
// are the index's.
type Scan struct {
	q       Query
	tax     *taxonomy.Taxonomy
	started time.Time
	email   string // the query is (the beginning of) an e-mail address
	words   []QueryWord
	skills  []skillMatch
	minRank int
	// needles are " word" for each word and skill word: a word of the folded text begins with
	// the word when the text, spaces between words and one in front, contains its needle.
	wordNeedles  [][]byte
	skillNeedles [][][]byte

	skillText map[string]string // skill ID → " " + its folded names, for text matching
	hay       []byte            // reused buffer of a volunteer's folded text
	found     []scanMatch
	counts    map[string]map[string]int
}

type scanMatch struct {
	sortName string
	id       int64
}

// NewScan prepares q for a scan. The caller may leave out volunteers whose status q excludes
// (Query.Wanted says which), and must add every other one.
func NewScan(tax *taxonomy.Taxonomy, q Query) *Scan {
	s := &Scan{q: q, tax: tax, started: time.Now(), minRank: q.MinLevel.Rank(), skillText: map[string]string{}}
	if email := strings.ToLower(strings.TrimSpace(q.Text)); strings.Contains(email, "@") && !strings.Contains(email, " ") {
		s.email = email
	} else {
		s.words, s.skills = splitQueryText(tax, q.Text, func(folded string) []string { return []string{folded} })
	}
	for _, w := range s.words {
		s.wordNeedles = append(s.wordNeedles, []byte(" "+w.Text))
	}
	for _, sk := range s.skills {
		var needles [][]byte
		for _, w := range sk.words {
			needles = append(needles, []byte(" "+w))
		}
		s.skillNeedles = append(s.skillNeedles, needles)
	}
	if q.Facets {
		s.counts = map[string]map[string]int{}
	}
	return s
}

// Add considers one volunteer, with their skills.
func (s *Scan) Add(v domain.Volunteer) { s.add(v, "", sortName(v)) }

// ScanEntry is a volunteer prepared for scans: their texts folded once, for the searches that
// run one after another while the index is rebuilt.
type ScanEntry struct {
	v        domain.Volunteer // without bio and notes, which text holds
	text     string           // " " + the folded name, city, bio and notes
	sortName string
}

// NewScanEntry prepares v for scans.
func NewScanEntry(v domain.Volunteer) ScanEntry {
	var b strings.Builder
	for _, text := range []string{v.FullName(), v.City, v.Bio, v.Notes} {
		b.WriteByte(' ')
		b.WriteString(domain.FoldText(text))
	}
	e := ScanEntry{text: b.String(), sortName: sortName(v)}
	v.Bio, v.Notes = "", ""
	e.v = v
	return e
}

// Status is the volunteer's status, for callers that leave some out.
func (e *ScanEntry) Status() domain.VolunteerStatus { return e.v.Status }

// AddEntry considers one prepared volunteer.
func (s *Scan) AddEntry(e *ScanEntry) { s.add(e.v, e.text, e.sortName) }

// add considers v; folded is its texts as NewScanEntry folds them, or "" to fold them here.
func (s *Scan) add(v domain.Volunteer, folded, sortName string) {
	if !s.matches(v, folded) {
		return
	}
	s.found = append(s.found, scanMatch{sortName: sortName, id: v.ID})
	if s.counts != nil {
		s.count(v)
	}
}

// Wanted says whether q can match a volunteer with this status: a database read can leave the
// others out.
func (q Query) Wanted(status domain.VolunteerStatus) bool {
	switch {
	case q.AllStatuses:
		return true
	case q.Status != "":
		return status == q.Status
	default:
		return status != domain.StatusArchived
	}
}

func (s *Scan) matches(v domain.Volunteer, folded string) bool {
	q := s.q
	if !q.Wanted(v.Status) {
		return false
	}
	for _, id := range q.Skills {
		if !s.hasSkill(v, id, s.minRank) {
			return false
		}
	}
	if len(q.Skills) == 0 && s.minRank > 1 && !s.hasSkill(v, "", s.minRank) {
		return false
	}
	if q.City != "" && domain.FoldText(v.City) != domain.FoldText(q.City) {
		return false
	}
	for _, c := range q.Causes {
		if !slices.Contains(v.Causes, c) {
			return false
		}
	}
	for _, l := range q.Languages {
		if !slices.Contains(v.Languages, l) {
			return false
		}
	}
	if len(q.Availability) > 0 {
		have := availabilityValues(v.Availability)
		for _, a := range q.Availability {
			if !slices.Contains(have, a) {
				return false
			}
		}
	}
	if s.email != "" {
		return strings.HasPrefix(strings.ToLower(v.Email), s.email)
	}
	if len(s.words) == 0 && len(s.skills) == 0 {
		return true
	}
	// The skills' names first: a skill named in the query is found there or by its ID.
	s.hay = append(s.hay[:0], ' ')
	for _, sk := range v.Skills {
		s.hay = append(s.hay, s.skillNames(sk)...)
	}
	for i, sk := range s.skills {
		if !s.hasSkill(v, sk.id, 0) && (len(sk.words) == 0 || !containsAllWords(s.hay, s.skillNeedles[i])) {
			return false
		}
	}
	if len(s.words) == 0 {
		return true
	}
	if folded != "" {
		s.hay = append(s.hay, folded...)
	} else {
		for _, text := range []string{v.FullName(), v.City, v.Bio, v.Notes} {
			s.hay = append(s.hay, ' ')
			s.hay = append(s.hay, domain.FoldText(text)...)
		}
	}
	return containsAll(s.hay, s.wordNeedles)
}

// hasSkill says whether v offers the skill (any skill when id is "") at minRank or above.
func (s *Scan) hasSkill(v domain.Volunteer, id string, minRank int) bool {
	for _, sk := range v.Skills {
		if (id == "" || sk.SkillID == id) && sk.Level.Rank() >= minRank {
			return true
		}
	}
	return false
}

// skillNames is " " + every folded name and synonym of a skill, as the index's skills field
// holds them.
func (s *Scan) skillNames(sk domain.VolunteerSkill) string {
	if text, ok := s.skillText[sk.SkillID]; ok {
		return text
	}
	text := " " + domain.FoldText(sk.Name)
	if terms := s.tax.Terms(sk.SkillID); len(terms) > 0 {
		text = " " + strings.Join(terms, " ")
	}
	s.skillText[sk.SkillID] = text
	return text
}

// containsAllWords says whether every needle (" word") is a whole word of hay: the words of a
// skill named in the query match skill names exactly, as in the index (where "compta" finds the
// skill or the word "compta", not "comptable").
func containsAllWords(hay []byte, needles [][]byte) bool {
	for _, n := range needles {
		found := false
		for rest := hay; !found; {
			i := bytes.Index(rest, n)
			if i < 0 {
				return false
			}
			end := i + len(n)
			found = end == len(rest) || rest[end] == ' '
			rest = rest[end:]
		}
	}
	return true
}

// containsAll says whether hay contains every needle.
func containsAll(hay []byte, needles [][]byte) bool {
	for _, n := range needles {
		if !bytes.Contains(hay, n) {
			return false
		}
	}
	return true
}

// count adds a matching volunteer to the facets.
func (s *Scan) count(v domain.Volunteer) {
	add := func(facet, value string) {
		if value == "" {
			return
		}
		if s.counts[facet] == nil {
			s.counts[facet] = map[string]int{}
		}
		s.counts[facet][value]++
	}
	var levels []string
	for _, sk := range v.Skills {
		add(FacetSkills, sk.SkillID)
		if len(s.q.Skills) > 0 && !slices.Contains(s.q.Skills, sk.SkillID) {
			continue // under a skill filter, the levels are those in the filtered skills
		}
		if !slices.Contains(levels, string(sk.Level)) {
			levels = append(levels, string(sk.Level))
		}
	}
	for _, l := range levels {
		add(FacetLevel, l)
	}
	add(FacetCity, v.City)
	for _, c := range dedupe(v.Causes) {
		add(FacetCauses, string(c))
	}
	for _, l := range dedupe(v.Languages) {
		add(FacetLanguages, l)
	}
	for _, a := range dedupe(availabilityValues(v.Availability)) {
		add(FacetAvailability, a)
	}
}

func dedupe[T comparable](list []T) []T {
	out := make([]T, 0, len(list))
	for _, x := range list {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// sorted orders the matches by name, as the index breaks its ties.
func (s *Scan) sorted() {
	slices.SortFunc(s.found, func(a, b scanMatch) int {
		if c := strings.Compare(a.sortName, b.sortName); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
}

// Result is the page of matches the query asks for, in name order, with the facets.
func (s *Scan) Result() Result {
	s.sorted()
	limit := s.q.Limit
	if limit <= 0 || limit > maxPageSize {
		limit = 20
	}
	from := min(max(s.q.Offset, 0), len(s.found))
	to := min(from+limit, len(s.found))
	out := Result{Total: uint64(len(s.found)), Words: s.words, Hits: make([]Hit, 0, to-from)}
	for _, sk := range s.skills {
		out.Skills = append(out.Skills, sk.id)
		for _, w := range sk.words {
			out.Words = append(out.Words, QueryWord{Text: w})
		}
	}
	for _, m := range s.found[from:to] {
		out.Hits = append(out.Hits, Hit{ID: m.id})
	}
	if s.counts != nil {
		out.Facets = make(map[string][]FacetValue, len(facetSizes))
		for name, size := range facetSizes {
			values := make([]FacetValue, 0, len(s.counts[name]))
			for v, n := range s.counts[name] {
				values = append(values, FacetValue{Value: v, Count: n})
			}
			slices.SortFunc(values, func(a, b FacetValue) int {
				if a.Count != b.Count {
					return b.Count - a.Count
				}
				return strings.Compare(a.Value, b.Value)
			})
			out.Facets[name] = values[:min(len(values), size)]
		}
	}
	out.Took = time.Since(s.started)
	return out
}

// IDs are every match, in name order, at most max: exports take the whole list.
func (s *Scan) IDs(max int) []int64 {
	s.sorted()
	ids := make([]int64, 0, min(len(s.found), max))
	for _, m := range s.found[:min(len(s.found), max)] {
		ids = append(ids, m.id)
	}
	return ids
}
