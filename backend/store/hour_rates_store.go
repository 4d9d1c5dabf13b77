package store

import (
	"context"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

const hourRatesKey = "hour_rates"

// hourRatesRow is how the hourly values sit in the settings table: cents, keyed by level.
type hourRatesRow struct {
	Default map[string]int64            `json:"default"`
	Domains map[string]map[string]int64 `json:"domains"`
	NoSkill int64                       `json:"noSkill"`
}

// HourRates returns the saved hourly values, or the defaults when none were saved. Levels the
// saved values lack (none today) take the default, so a newer version can add one safely.
func (s *Store) HourRates(ctx context.Context) (domain.HourRates, error) {
	rates := domain.DefaultHourRates()
	var row hourRatesRow
	found, err := s.readSetting(ctx, hourRatesKey, &row)
	if err != nil || !found {
		return rates, err
	}
	for level, c := range row.Default {
		rates.Default[domain.SkillLevel(level)] = c
	}
	for d, byLevel := range row.Domains {
		rates.Domains[d] = map[domain.SkillLevel]int64{}
		for level, c := range byLevel {
			rates.Domains[d][domain.SkillLevel(level)] = c
		}
	}
	rates.NoSkill = row.NoSkill
	return rates, nil
}

// SaveHourRates replaces the hourly values.
func (s *Store) SaveHourRates(ctx context.Context, r domain.HourRates, now time.Time) error {
	row := hourRatesRow{Default: map[string]int64{}, Domains: map[string]map[string]int64{}, NoSkill: r.NoSkill}
	for level, c := range r.Default {
		row.Default[string(level)] = c
	}
	for d, byLevel := range r.Domains {
		if len(byLevel) == 0 {
			continue
		}
		row.Domains[d] = map[string]int64{}
		for level, c := range byLevel {
			row.Domains[d][string(level)] = c
		}
	}
	return s.writeSetting(ctx, hourRatesKey, row, now)
}
