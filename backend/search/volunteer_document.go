package search

import (
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/civisphere/civisphere/backend/domain"
)

// Availability facet values, beside the weekdays of domain.Weekdays.
const (
	AvailableEvenings = "evenings"
	AvailableWeekends = "weekends"
	AvailableOnSite   = "onsite"
	AvailableRemote   = "remote"
)

// docID is the Bleve document ID of a volunteer.
func docID(id int64) string { return strconv.FormatInt(id, 10) }

// volunteerDocument is what the index holds of a volunteer, built field by field rather than
// through the mapping so that the doc values read by facets and sorting can be stored one
// document at a time and uncompressed (as Bleve does for geo fields): counting facets reads
// every matching document's values, and decompressing whole chunks of them was most of the
// cost of a search. (Uncompressed but chunked doc values are read back wrong by zapx v17.) Skills are indexed under every name and synonym the
// taxonomy knows, so that "accounting" finds "Comptabilité" and "compta" finds "Comptable".
func (ix *Index) volunteerDocument(v domain.Volunteer) *document.Document {
	d := document.NewDocument(docID(v.ID))
	text := func(name string, analyzer analysis.Analyzer, values ...string) {
		for i, value := range values {
			if value == "" {
				continue
			}
			var pos []uint64
			if len(values) > 1 {
				pos = []uint64{uint64(i)}
			}
			d.AddField(document.NewTextFieldCustom(name, pos, []byte(value), index.IndexField, analyzer))
		}
	}
	keyword := func(name string, options index.FieldIndexingOptions, values ...string) {
		for _, value := range values {
			if value != "" {
				d.AddField(document.NewTextFieldCustom(name, nil, []byte(value), options, ix.keyword))
			}
		}
	}
	const filterOnly = index.IndexField
	const withDocValues = index.IndexField | index.DocValues | index.SkipDVCompression | index.SkipDVChunking

	skillTerms := make([]string, 0, len(v.Skills))
	skillIDs := make([]string, 0, len(v.Skills))
	skillLevels := make([]string, 0, len(v.Skills))
	levels := make([]string, 0, 4)
	for _, s := range v.Skills {
		skillIDs = append(skillIDs, s.SkillID)
		skillLevels = append(skillLevels, s.SkillID+":"+string(s.Level))
		if !containsString(levels, string(s.Level)) {
			levels = append(levels, string(s.Level))
		}
		if terms := ix.tax.Terms(s.SkillID); len(terms) > 0 {
			skillTerms = append(skillTerms, strings.Join(terms, " · "))
		} else {
			skillTerms = append(skillTerms, s.Name)
		}
	}
	causes := make([]string, len(v.Causes))
	for i, c := range v.Causes {
		causes[i] = string(c)
	}
	availability := availabilityValues(v.Availability)

	text(fieldName, ix.folded, v.FullName())
	text(fieldCity, ix.folded, v.City)
	text(fieldSkills, ix.folded, skillTerms...)
	text(fieldBio, ix.stemmed, v.Bio)
	text(fieldNotes, ix.stemmed, v.Notes)
	keyword(fieldCityKey, filterOnly, domain.FoldText(v.City))
	keyword(fieldEmail, filterOnly, v.Email)
	keyword(fieldStatus, filterOnly, string(v.Status))
	keyword(fieldSkillIDs, filterOnly, skillIDs...)
	keyword(fieldSkillLevels, filterOnly, skillLevels...)
	keyword(fieldLevels, filterOnly, levels...)
	keyword(fieldCauses, filterOnly, causes...)
	keyword(fieldLanguages, filterOnly, v.Languages...)
	keyword(fieldAvailable, filterOnly, availability...)
	keyword(fieldSortName, withDocValues, sortName(v))

	// Skills and the city are one value each; the small facets (levels, causes, languages,
	// availability) are packed into one combined value each, unpacked when counting: the
	// fewer values a document has, the faster facets over many matches are counted.
	facets := make([]string, 0, len(skillIDs)+5)
	for _, id := range skillIDs {
		facets = append(facets, facetPrefixes[FacetSkills]+id)
	}
	if v.City != "" {
		facets = append(facets, facetPrefixes[FacetCity]+v.City)
	}
	for _, group := range []struct {
		facet  string
		values []string
	}{{FacetLevel, levels}, {FacetCauses, causes}, {FacetLanguages, v.Languages}, {FacetAvailability, availability}} {
		if len(group.values) > 0 {
			facets = append(facets, facetPrefixes[group.facet]+packFacetValues(group.values))
		}
	}
	keyword(fieldFacets, withDocValues, facets...)
	return d
}

// sortName is the key volunteers are ordered by when relevance ties: last name, then first name,
// folded so that "Élodie" sorts with the E's.
func sortName(v domain.Volunteer) string {
	return domain.FoldText(v.LastName + " " + v.FirstName)
}

// availabilityValues turns an availability into the facet values it counts under.
func availabilityValues(a domain.Availability) []string {
	out := make([]string, 0, len(a.Days)+4)
	out = append(out, a.Days...)
	if a.Evenings {
		out = append(out, AvailableEvenings)
	}
	if a.Weekends {
		out = append(out, AvailableWeekends)
	}
	switch a.Mode {
	case domain.ModeOnSite:
		out = append(out, AvailableOnSite)
	case domain.ModeRemote:
		out = append(out, AvailableRemote)
	case domain.ModeEither:
		out = append(out, AvailableOnSite, AvailableRemote)
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
