// Package matching scores how well a volunteer fits a project, with the reasons a coordinator
// reads: which needed skills they have and at what level, shared causes, availability, place
// and how busy they already are. It is pure: the service feeds it profiles and loads.
package matching

import (
	"math"
	"slices"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// ReasonKind says what a reason is about; the transport turns it into a sentence.
type ReasonKind string

const (
	ReasonSkill         ReasonKind = "skill"         // has a needed skill at the level asked or above
	ReasonSkillLowLevel ReasonKind = "skillLowLevel" // has a needed skill, below the level asked
	ReasonSkillRelated  ReasonKind = "skillRelated"  // lacks a needed skill but has one of the same domain
	ReasonSkillMissing  ReasonKind = "skillMissing"  // lacks a needed skill
	ReasonCause         ReasonKind = "cause"         // cares about one of the project's causes
	ReasonEvenings      ReasonKind = "evenings"      // free in the evening, as the project needs
	ReasonWeekends      ReasonKind = "weekends"      // free at weekends, as the project needs
	ReasonDays          ReasonKind = "days"          // free on some of the project's days
	ReasonNoTimeMatch   ReasonKind = "noTimeMatch"   // free at none of the times the project works
	ReasonHours         ReasonKind = "hours"         // offers at least the hours a month asked
	ReasonFewHours      ReasonKind = "fewHours"      // offers fewer hours a month than asked
	ReasonSameCity      ReasonKind = "sameCity"      // lives where the project happens
	ReasonRemote        ReasonKind = "remote"        // the project is remote and they accept it
	ReasonOtherCity     ReasonKind = "otherCity"     // on-site project in another city
	ReasonPrefersRemote ReasonKind = "prefersRemote" // on-site project, they want remote only
	ReasonFree          ReasonKind = "free"          // in no team of a project under way
	ReasonBusy          ReasonKind = "busy"          // already in the team of projects under way
)

// Reason is one fact behind a score.
type Reason struct {
	Kind     ReasonKind
	Positive bool
	SkillID  string            // skill reasons: the needed skill
	Name     string            // skill reasons: the needed skill's own name (custom skills)
	Level    domain.SkillLevel // skill reasons: the volunteer's level
	Wanted   domain.SkillLevel // skill reasons: the level asked
	Related  string            // ReasonSkillRelated: the volunteer's skill of the same domain
	Values   []string          // causes, days, or the city
	Count    int               // hours a month, or number of projects under way
}

// Result is the fit of one volunteer with one project.
type Result struct {
	// Score runs from 0 to 100. Volunteers are ranked by the number of needed skills they have
	// first, and the score keeps that order: with n skills needed, having k of them scores in
	// [100·k/(n+1), 100·(k+1)/(n+1)), the rest (levels, causes, time, place, load) placing
	// them inside that band. So whoever has both skills asked ranks above whoever has one,
	// however well the latter fits otherwise.
	Score   float64
	Held    int // needed skills the volunteer has, at any level
	Needed  int
	Reasons []Reason
}

// Weights of what places a volunteer inside their band; they sum to 1.
const (
	weightLevel       = 0.35
	weightRelated     = 0.05
	weightCause       = 0.15
	weightTime        = 0.15
	weightPlace       = 0.20
	weightLoad        = 0.10
	neutral           = 0.5 // when the project or the profile says nothing, neither helps nor hurts
	levelOneBelow     = 0.5
	levelFurtherBelow = 0.2
	maxBandFraction   = 0.999 // keeps a perfect fit inside its band
)

// Score rates volunteer v for project p. load is the number of projects under way whose team v
// is already in.
func Score(p domain.Project, v domain.Volunteer, load int, tax *taxonomy.Taxonomy) Result {
	r := Result{Needed: len(p.Skills)}
	levelFit, relatedFit := scoreSkills(p, v, tax, &r)
	causeFit := scoreCauses(p, v, &r)
	timeFit := scoreTime(p.Schedule, v.Availability, &r)
	placeFit := scorePlace(p, v, &r)
	loadFit := scoreLoad(load, &r)
	quality := weightLevel*levelFit + weightRelated*relatedFit + weightCause*causeFit +
		weightTime*timeFit + weightPlace*placeFit + weightLoad*loadFit
	quality = math.Min(quality, 1) * maxBandFraction
	r.Score = 100 * (float64(r.Held) + quality) / float64(r.Needed+1)
	r.Score = math.Floor(r.Score*10) / 10 // floor: a score never reaches the next band
	return r
}

// scoreSkills records a reason per needed skill and returns the level fit over the skills held
// and the share of missing skills that have a related one.
func scoreSkills(p domain.Project, v domain.Volunteer, tax *taxonomy.Taxonomy, r *Result) (levelFit, relatedFit float64) {
	if len(p.Skills) == 0 {
		return neutral, neutral
	}
	levels := make(map[string]domain.SkillLevel, len(v.Skills))
	for _, s := range v.Skills {
		levels[s.SkillID] = s.Level
	}
	var levelSum float64
	missing, related := 0, 0
	for _, need := range p.Skills {
		reason := Reason{SkillID: need.SkillID, Name: need.Name, Wanted: need.Level}
		if have, ok := levels[need.SkillID]; ok {
			r.Held++
			reason.Level = have
			gap := need.Level.Rank() - have.Rank()
			switch {
			case gap <= 0:
				reason.Kind, reason.Positive = ReasonSkill, true
				levelSum++
			case gap == 1:
				reason.Kind = ReasonSkillLowLevel
				levelSum += levelOneBelow
			default:
				reason.Kind = ReasonSkillLowLevel
				levelSum += levelFurtherBelow
			}
			r.Reasons = append(r.Reasons, reason)
			continue
		}
		missing++
		if near, ok := relatedSkill(need.SkillID, p.Skills, v.Skills, tax); ok {
			related++
			reason.Kind, reason.Related, reason.Level = ReasonSkillRelated, near.SkillID, near.Level
		} else {
			reason.Kind = ReasonSkillMissing
		}
		r.Reasons = append(r.Reasons, reason)
	}
	levelFit = 0
	if r.Held > 0 {
		levelFit = levelSum / float64(r.Held)
	}
	relatedFit = 1
	if missing > 0 {
		relatedFit = float64(related) / float64(missing)
	}
	return levelFit, relatedFit
}

// relatedSkill finds the volunteer's best skill in the same taxonomy domain as the needed one:
// a payroll specialist is not an accountant, but is a lead worth a look. A skill the project
// asks for in its own right is not offered as a stand-in for another.
func relatedSkill(needed string, asked []domain.ProjectSkill, skills []domain.VolunteerSkill, tax *taxonomy.Taxonomy) (domain.VolunteerSkill, bool) {
	want, ok := tax.Skill(needed)
	if !ok {
		return domain.VolunteerSkill{}, false
	}
	var best domain.VolunteerSkill
	found := false
	for _, s := range skills {
		if slices.ContainsFunc(asked, func(a domain.ProjectSkill) bool { return a.SkillID == s.SkillID }) {
			continue
		}
		sk, ok := tax.Skill(s.SkillID)
		if ok && sk.Domain == want.Domain && (!found || s.Level.Rank() > best.Level.Rank()) {
			best, found = s, true
		}
	}
	return best, found
}

func scoreCauses(p domain.Project, v domain.Volunteer, r *Result) float64 {
	if len(p.Causes) == 0 || len(v.Causes) == 0 {
		return neutral
	}
	var shared []string
	for _, c := range p.Causes {
		if slices.Contains(v.Causes, c) {
			shared = append(shared, string(c))
		}
	}
	if len(shared) == 0 {
		return 0
	}
	r.Reasons = append(r.Reasons, Reason{Kind: ReasonCause, Positive: true, Values: shared})
	return 1
}

// scoreTime compares when the project works with when the volunteer is free, and the hours a
// month asked with those offered.
func scoreTime(need, free domain.Availability, r *Result) float64 {
	asked, met := 0, 0
	if need.Evenings {
		asked++
		if free.Evenings {
			met++
			r.Reasons = append(r.Reasons, Reason{Kind: ReasonEvenings, Positive: true})
		}
	}
	if need.Weekends {
		asked++
		if free.Weekends {
			met++
			r.Reasons = append(r.Reasons, Reason{Kind: ReasonWeekends, Positive: true})
		}
	}
	if len(need.Days) > 0 {
		asked++
		var common []string
		for _, d := range need.Days {
			if slices.Contains(free.Days, d) {
				common = append(common, d)
			}
		}
		if len(common) > 0 {
			met++
			r.Reasons = append(r.Reasons, Reason{Kind: ReasonDays, Positive: true, Values: common})
		}
	}
	fit := neutral
	profileSaysWhen := free.Evenings || free.Weekends || len(free.Days) > 0
	if asked > 0 && profileSaysWhen {
		fit = float64(met) / float64(asked)
		if met == 0 {
			r.Reasons = append(r.Reasons, Reason{Kind: ReasonNoTimeMatch})
		}
	}
	if need.HoursPerMonth > 0 && free.HoursPerMonth > 0 {
		if free.HoursPerMonth >= need.HoursPerMonth {
			r.Reasons = append(r.Reasons, Reason{Kind: ReasonHours, Positive: true, Count: free.HoursPerMonth})
			fit = (fit + 1) / 2
		} else {
			r.Reasons = append(r.Reasons, Reason{Kind: ReasonFewHours, Count: free.HoursPerMonth})
			fit /= 2
		}
	}
	return fit
}

// scorePlace: on-site work wants people nearby; remote work wants people who accept it.
func scorePlace(p domain.Project, v domain.Volunteer, r *Result) float64 {
	sameCity := p.City != "" && v.City != "" && domain.FoldText(p.City) == domain.FoldText(v.City)
	acceptsRemote := v.Availability.Mode != domain.ModeOnSite
	acceptsOnSite := v.Availability.Mode != domain.ModeRemote
	switch p.Schedule.Mode {
	case domain.ModeRemote:
		if acceptsRemote {
			r.Reasons = append(r.Reasons, Reason{Kind: ReasonRemote, Positive: true})
			return 1
		}
		return 0.3
	case domain.ModeOnSite:
		if !acceptsOnSite {
			r.Reasons = append(r.Reasons, Reason{Kind: ReasonPrefersRemote})
			return 0
		}
		if sameCity {
			r.Reasons = append(r.Reasons, Reason{Kind: ReasonSameCity, Positive: true, Values: []string{v.City}})
			return 1
		}
		if p.City != "" && v.City != "" {
			r.Reasons = append(r.Reasons, Reason{Kind: ReasonOtherCity, Values: []string{v.City}})
			return 0.1
		}
		return neutral
	default: // either, or unsaid: nearby is a plus, remote is fine
		if sameCity && acceptsOnSite {
			r.Reasons = append(r.Reasons, Reason{Kind: ReasonSameCity, Positive: true, Values: []string{v.City}})
			return 1
		}
		if p.Schedule.Mode == domain.ModeEither && acceptsRemote {
			r.Reasons = append(r.Reasons, Reason{Kind: ReasonRemote, Positive: true})
			return 0.8
		}
		return neutral
	}
}

func scoreLoad(load int, r *Result) float64 {
	switch {
	case load <= 0:
		r.Reasons = append(r.Reasons, Reason{Kind: ReasonFree, Positive: true})
		return 1
	case load == 1:
		r.Reasons = append(r.Reasons, Reason{Kind: ReasonBusy, Count: load})
		return 0.5
	default:
		r.Reasons = append(r.Reasons, Reason{Kind: ReasonBusy, Count: load})
		return 0
	}
}

// Better tells whether a ranks before b: more needed skills held first, then the score.
func Better(a, b Result) bool {
	if a.Held != b.Held {
		return a.Held > b.Held
	}
	return a.Score > b.Score
}
