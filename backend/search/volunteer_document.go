package search

import (
	"strconv"
	"strings"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/taxonomy"
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

// volunteerDocument is what the index holds of a volunteer. Skills are indexed under every name
// and synonym the taxonomy knows, so that "accounting" finds "Comptabilité" and "compta" finds
// "Comptable".
func volunteerDocument(v domain.Volunteer, tax *taxonomy.Taxonomy) map[string]any {
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
		if terms := tax.Terms(s.SkillID); len(terms) > 0 {
			skillTerms = append(skillTerms, strings.Join(terms, " · "))
		} else {
			skillTerms = append(skillTerms, s.Name)
		}
	}
	causes := make([]string, len(v.Causes))
	for i, c := range v.Causes {
		causes[i] = string(c)
	}
	doc := map[string]any{
		fieldName:        v.FullName(),
		fieldCity:        v.City,
		fieldCityKey:     domain.FoldText(v.City),
		fieldPostcode:    v.Postcode,
		fieldSkills:      skillTerms,
		fieldSkillIDs:    skillIDs,
		fieldSkillLevels: skillLevels,
		fieldLevels:      levels,
		fieldCauses:      causes,
		fieldLanguages:   v.Languages,
		fieldAvailable:   availabilityValues(v.Availability),
		fieldBio:         v.Bio,
		fieldNotes:       v.Notes,
		fieldEmail:       v.Email,
		fieldStatus:      string(v.Status),
		fieldSortName:    SortName(v),
	}
	facets := make([]string, 0, 2*len(skillIDs)+len(causes)+len(v.Languages)+len(levels)+8)
	add := func(facet string, values []string) {
		for _, v := range values {
			facets = append(facets, facetPrefixes[facet]+v)
		}
	}
	add(FacetSkills, skillIDs)
	add(FacetLevel, levels)
	add(facetSkillLevel, skillLevels)
	add(FacetCauses, causes)
	add(FacetLanguages, v.Languages)
	add(FacetAvailability, availabilityValues(v.Availability))
	if v.City != "" {
		add(FacetCity, []string{v.City})
	}
	doc[fieldFacets] = facets
	return doc
}

// SortName is the key volunteers are ordered by when relevance ties: last name, then first name,
// folded so that "Élodie" sorts with the E's.
func SortName(v domain.Volunteer) string {
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
