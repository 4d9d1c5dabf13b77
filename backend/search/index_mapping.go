// Package search is the Bleve index of volunteers: its mapping and analyzers (French and English
// text folded for accents, case and ligatures), the documents built from volunteers, queries
// with typo tolerance, type-ahead prefixes, taxonomy synonyms, filters and facets. The index is
// derived data: SQLite is the source of truth and the index can always be rebuilt from it.
package search

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// mappingVersion changes whenever the mapping, the analyzers or the document fields change: an
// index written with another version is rebuilt rather than queried with the wrong assumptions.
const mappingVersion = "volunteers-8"

// Analyzer names.
//   - folded: accents and ligatures folded (é→e, œ→oe, æ→ae, ß→ss) by Bleve's asciifolding
//     character filter, lower-cased, French elisions (l', d', qu') removed; no stemming, so
//     that prefixes typed in the search box still match ("développ" → "developpeur"). The
//     built-in "fr" analyzer folds accents only on words longer than four letters and stems
//     prefixes away, hence this custom one.
//   - text: folded plus French stop words and the light French stemmer, for bios and notes
//     ("associations" finds "association").
const (
	analyzerFolded = "folded"
	analyzerText   = "text"
)

// Fields of a volunteer document.
const (
	fieldName        = "name"        // folded text: first and last name
	fieldCity        = "city"        // folded text, for free-text queries
	fieldCityKey     = "cityKey"     // keyword: FoldText(city), for the exact city filter
	fieldFacets      = "facets"      // keyword: every facet value, prefixed by its facet (see facetPrefixes)
	fieldSkills      = "skills"      // folded text: every name and synonym of every skill
	fieldSkillIDs    = "skillIds"    // keyword
	fieldSkillLevels = "skillLevels" // keyword "skillId:level"
	fieldLevels      = "levels"      // keyword: the levels a volunteer has in any skill
	fieldCauses      = "causes"      // keyword
	fieldLanguages   = "languages"   // keyword
	fieldAvailable   = "availability"
	fieldBio         = "bio"      // stemmed text
	fieldNotes       = "notes"    // stemmed text
	fieldEmail       = "email"    // keyword, lower-cased
	fieldStatus      = "status"   // keyword
	fieldSortName    = "sortName" // keyword: FoldText("last first"), the tie-breaker of every sort
)

func newIndexMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	if err := m.AddCustomAnalyzer(analyzerFolded, map[string]any{
		"type":          custom.Name,
		"char_filters":  []any{asciifolding.Name},
		"tokenizer":     unicode.Name,
		"token_filters": []any{lowercase.Name, fr.ElisionName},
	}); err != nil {
		return nil, fmt.Errorf("search mapping: %w", err)
	}
	if err := m.AddCustomAnalyzer(analyzerText, map[string]any{
		"type":          custom.Name,
		"char_filters":  []any{asciifolding.Name},
		"tokenizer":     unicode.Name,
		"token_filters": []any{lowercase.Name, fr.ElisionName, fr.StopName, fr.LightStemmerName},
	}); err != nil {
		return nil, fmt.Errorf("search mapping: %w", err)
	}

	// Text fields are neither stored nor given term vectors: results are read back from SQLite
	// and highlighted there, which keeps indexing fast and the index small.
	text := func(analyzer string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	// Keywords carry doc values: facets and sorting read them.
	kw := func(docValues bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = docValues
		return f
	}
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldName, text(analyzerFolded))
	doc.AddFieldMappingsAt(fieldCity, text(analyzerFolded))
	doc.AddFieldMappingsAt(fieldSkills, text(analyzerFolded))
	doc.AddFieldMappingsAt(fieldBio, text(analyzerText))
	doc.AddFieldMappingsAt(fieldNotes, text(analyzerText))
	doc.AddFieldMappingsAt(fieldCityKey, kw(false))
	doc.AddFieldMappingsAt(fieldEmail, kw(false))
	doc.AddFieldMappingsAt(fieldStatus, kw(false))
	for _, filter := range []string{fieldSkillIDs, fieldSkillLevels, fieldLevels, fieldCauses, fieldLanguages, fieldAvailable} {
		doc.AddFieldMappingsAt(filter, kw(false))
	}
	// Facets are counted from one doc-values field instead of six: the cost of counting is per
	// matching document and per field, and a search may match most of the file.
	doc.AddFieldMappingsAt(fieldFacets, kw(true))
	doc.AddFieldMappingsAt(fieldSortName, kw(true))
	m.DefaultMapping = doc
	m.DefaultAnalyzer = analyzerFolded
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m, nil
}
