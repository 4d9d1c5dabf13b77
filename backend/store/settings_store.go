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

const preferencesKey = "preferences"

// Preferences returns the saved UI preferences, or the defaults when none were saved.
func (s *Store) Preferences(ctx context.Context) (domain.Preferences, error) {
	prefs := domain.DefaultPreferences()
	var raw string
	err := s.ro.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", preferencesKey).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return prefs, nil
	}
	if err != nil {
		return prefs, fmt.Errorf("read preferences: %w", err)
	}
	var stored preferencesRow
	if err := json.Unmarshal([]byte(raw), &stored); err != nil {
		return prefs, fmt.Errorf("read preferences: %w", err)
	}
	prefs.Locale = stored.Locale
	if stored.Theme != "" {
		prefs.Theme = stored.Theme
	}
	return prefs, nil
}

// SavePreferences replaces the UI preferences.
func (s *Store) SavePreferences(ctx context.Context, p domain.Preferences, now time.Time) error {
	raw, err := json.Marshal(preferencesRow{Locale: p.Locale, Theme: p.Theme})
	if err != nil {
		return fmt.Errorf("encode preferences: %w", err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
			preferencesKey, string(raw), formatTime(now))
		if err != nil {
			return fmt.Errorf("save preferences: %w", err)
		}
		return nil
	})
}

// preferencesRow is the stored JSON form, kept apart from the domain type so that renaming a
// Go field never silently changes what is on disk.
type preferencesRow struct {
	Locale string `json:"locale"`
	Theme  string `json:"theme"`
}

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseTime(s string) (time.Time, error) { return time.Parse(time.RFC3339Nano, s) }
