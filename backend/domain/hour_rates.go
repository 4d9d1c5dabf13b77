package domain

import "math"

// HourRates are the hourly values, in euro cents, that turn approved hours into the money figure
// sponsors report for skills-based sponsorship. A rate depends on the skill's domain and the
// volunteer's level; a domain without its own rate for a level uses the default of that level.
type HourRates struct {
	// Default holds the rate of each level for every domain without its own.
	Default map[SkillLevel]int64
	// Domains holds the rates set for one taxonomy domain ("finance", "legal", …).
	Domains map[string]map[SkillLevel]int64
	// NoSkill values hours logged without a skill (general help).
	NoSkill int64
}

// DefaultHourRates are the values a new installation starts with. They are estimates of the
// hourly cost to an employer (gross pay plus employer contributions, about 1.45 × gross) of an
// employee in France at each level, starting from the hourly minimum wage (SMIC) for a beginner.
// The settings page says so, and that skills-based sponsorship is valued at the real cost of the
// employee lent (article 238 bis of the French tax code), so that an association replaces them
// with its sponsors' figures.
func DefaultHourRates() HourRates {
	return HourRates{
		Default: map[SkillLevel]int64{
			LevelBeginner:     1800,
			LevelIntermediate: 2800,
			LevelConfirmed:    4000,
			LevelExpert:       6000,
		},
		Domains: map[string]map[SkillLevel]int64{},
		NoSkill: 1800,
	}
}

// maxRateCents keeps a typo (an extra zero or two) from turning a report into nonsense.
const maxRateCents = 1_000_00

// EntryCentsPerHour gives the rate of an entry: NoSkill without a skill, otherwise the rate of
// the skill's domain and the volunteer's level.
func (r HourRates) EntryCentsPerHour(e HourEntry) int64 {
	if e.SkillID == "" {
		return r.NoSkill
	}
	return r.CentsPerHour(e.SkillDomain, e.Level)
}

// EntryValueCents is the value of an entry, whatever its status.
func (r HourRates) EntryValueCents(e HourEntry) int64 {
	return ValueCents(e.Minutes, r.EntryCentsPerHour(e))
}

// CentsPerHour gives the rate of a domain and level. An unknown level counts as intermediate; a
// custom skill (no domain) or a domain without its own rate uses the level's default.
func (r HourRates) CentsPerHour(domainID string, level SkillLevel) int64 {
	if level.Rank() == 0 {
		level = LevelIntermediate
	}
	if byLevel, ok := r.Domains[domainID]; ok {
		if c, ok := byLevel[level]; ok {
			return c
		}
	}
	return r.Default[level]
}

// ValueCents is the value of some minutes at a rate, rounded to the cent.
func ValueCents(minutes int, centsPerHour int64) int64 {
	return int64(math.Round(float64(minutes) * float64(centsPerHour) / 60))
}

// Validate checks that every rate is a positive amount below 1,000 € an hour and every level is
// known; the service checks the domains against the taxonomy.
func (r HourRates) Validate() error {
	v := &ValidationError{}
	check := func(field string, c int64) {
		if c < 0 || c > maxRateCents {
			v.add(field, CodeOutOfRange, map[string]any{"min": 0, "max": maxRateCents / 100})
		}
	}
	for _, level := range SkillLevels {
		if _, ok := r.Default[level]; !ok {
			v.add("default."+string(level), CodeRequired, nil)
		}
	}
	for level, c := range r.Default {
		if level.Rank() == 0 {
			v.add("default", CodeInvalidChoice, nil)
			continue
		}
		check("default."+string(level), c)
	}
	for d, byLevel := range r.Domains {
		for level, c := range byLevel {
			if level.Rank() == 0 {
				v.add("domains."+d, CodeInvalidChoice, nil)
				continue
			}
			check("domains."+d+"."+string(level), c)
		}
	}
	check("noSkill", r.NoSkill)
	return v.orNil()
}
