package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
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
	var raw string
	err := s.ro.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", hourRatesKey).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return rates, nil
	}
	if err != nil {
		return rates, fmt.Errorf("read hourly values: %w", err)
	}
	var row hourRatesRow
	if err := json.Unmarshal([]byte(raw), &row); err != nil {
		return rates, fmt.Errorf("read hourly values: %w", err)
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
	raw, err := json.Marshal(row)
	if err != nil {
		return fmt.Errorf("encode hourly values: %w", err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
			hourRatesKey, string(raw), formatTime(now))
		if err != nil {
			return fmt.Errorf("save hourly values: %w", err)
		}
		return nil
	})
}
