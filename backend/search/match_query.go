package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/civisphere/civisphere/backend/domain"
)

// MatchSkill is a skill a project needs, with the lowest level that will do.
type MatchSkill struct {
	ID       string
	MinLevel domain.SkillLevel
}

// MatchQuery describes a project to preselect volunteers for.
type MatchQuery struct {
	Skills       []MatchSkill
	Causes       []domain.Cause
	City         string   // where on-site work happens; same-city volunteers score higher
	Availability []string // weekdays, evenings, weekends the project works
	Remote       bool     // the project can be done remotely
	OnSite       bool     // the project is done on site: volunteers who accept it score higher
}

// Boosts of the preselection. Only the order matters: skills dominate, as in the final ranking,
// then the level asked, then city, causes and time, so that the best candidates are in the
// preselected set even when thousands of volunteers share a common skill.
const (
	boostSkill      = 10
	boostSkillLevel = 4
	boostCity       = 3
	boostCause      = 1
	boostTime       = 0.5
	boostRemote     = 1
)

// MatchCandidates returns up to limit active volunteers worth scoring for a project, best first:
// those with the most needed skills, at the level asked, nearby, sharing a cause, free at the
// right times. The exact score is the matching package's; this only narrows 100,000
// profiles down to the few hundred worth reading. With no skill needed, every active
// volunteer is a candidate.
func (ix *Index) MatchCandidates(ctx context.Context, q MatchQuery, limit int) ([]Hit, error) {
	root := bleve.NewBooleanQuery()
	if len(q.Skills) > 0 {
		var anySkill []query.Query
		for _, s := range q.Skills {
			anySkill = append(anySkill, termQuery(fieldSkillIDs, s.ID, boostSkill))
			start := max(s.MinLevel.Rank()-1, 0)
			for _, l := range domain.SkillLevels[start:] {
				root.AddShould(termQuery(fieldSkillLevels, s.ID+":"+string(l), boostSkillLevel))
			}
		}
		root.AddMust(bleve.NewDisjunctionQuery(anySkill...))
	} else {
		root.AddMust(bleve.NewMatchAllQuery())
	}
	if q.City != "" {
		root.AddShould(termQuery(fieldCityKey, domain.FoldText(q.City), boostCity))
	}
	for _, c := range q.Causes {
		root.AddShould(termQuery(fieldCauses, string(c), boostCause))
	}
	for _, a := range q.Availability {
		root.AddShould(termQuery(fieldAvailable, a, boostTime))
	}
	if q.Remote {
		root.AddShould(termQuery(fieldAvailable, AvailableRemote, boostRemote))
	}
	if q.OnSite {
		root.AddShould(termQuery(fieldAvailable, AvailableOnSite, boostRemote))
	}
	root.AddMustNot(termQuery(fieldStatus, string(domain.StatusArchived), 1))

	req := bleve.NewSearchRequestOptions(root, limit, 0, false)
	req.SortBy([]string{"-_score", fieldSortName})
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("preselect volunteers: %w", err)
	}
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		id, err := strconv.ParseInt(h.ID, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("preselect volunteers: document id %q: %w", h.ID, err)
		}
		hits = append(hits, Hit{ID: id, Score: h.Score})
	}
	return hits, nil
}

// MatchScan is MatchCandidates without the index, over volunteers read from the database while
// the index is rebuilt: the same must (a needed skill, active) and the same boosts, summed
// instead of scored by Bleve, so that the preselection keeps the same kind of people.
type MatchScan struct {
	q     MatchQuery
	limit int
	found []scanHit
}

type scanHit struct {
	score    float64
	sortName string
	id       int64
}

// NewMatchScan prepares q for a scan keeping the best limit volunteers.
func NewMatchScan(q MatchQuery, limit int) *MatchScan { return &MatchScan{q: q, limit: limit} }

// Add considers one volunteer, with their skills.
func (m *MatchScan) Add(v domain.Volunteer) {
	if v.Status == domain.StatusArchived {
		return
	}
	score, held := 0.0, false
	for _, need := range m.q.Skills {
		for _, sk := range v.Skills {
			if sk.SkillID != need.ID {
				continue
			}
			held = true
			score += boostSkill
			if sk.Level.Rank() >= max(need.MinLevel.Rank(), 1) {
				score += boostSkillLevel
			}
		}
	}
	if len(m.q.Skills) > 0 && !held {
		return
	}
	if m.q.City != "" && domain.FoldText(v.City) == domain.FoldText(m.q.City) {
		score += boostCity
	}
	for _, c := range m.q.Causes {
		if slices.Contains(v.Causes, c) {
			score += boostCause
		}
	}
	have := availabilityValues(v.Availability)
	for _, a := range m.q.Availability {
		if slices.Contains(have, a) {
			score += boostTime
		}
	}
	if m.q.Remote && slices.Contains(have, AvailableRemote) {
		score += boostRemote
	}
	if m.q.OnSite && slices.Contains(have, AvailableOnSite) {
		score += boostRemote
	}
	m.found = append(m.found, scanHit{score: score, sortName: sortName(v), id: v.ID})
}

// Hits are the best volunteers, best first, ties in name order.
func (m *MatchScan) Hits() []Hit {
	slices.SortFunc(m.found, func(a, b scanHit) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := strings.Compare(a.sortName, b.sortName); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	hits := make([]Hit, 0, min(len(m.found), m.limit))
	for _, h := range m.found[:min(len(m.found), m.limit)] {
		hits = append(hits, Hit{ID: h.id, Score: h.score})
	}
	return hits
}
