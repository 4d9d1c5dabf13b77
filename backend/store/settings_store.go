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
	var stored preferencesRow
	found, err := s.readSetting(ctx, preferencesKey, &stored)
	if err != nil || !found {
		return prefs, err
	}
	prefs.Locale = stored.Locale
	if stored.Theme != "" {
		prefs.Theme = stored.Theme
	}
	return prefs, nil
}

// SavePreferences replaces the UI preferences.
func (s *Store) SavePreferences(ctx context.Context, p domain.Preferences, now time.Time) error {
	return s.writeSetting(ctx, preferencesKey, preferencesRow{Locale: p.Locale, Theme: p.Theme}, now)
}

// readSetting decodes the JSON stored under key into v; found is false when nothing was saved.
func (s *Store) readSetting(ctx context.Context, key string, v any) (found bool, err error) {
	var raw string
	err = s.ro.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read setting %s: %w", key, err)
	}
	if err := json.Unmarshal([]byte(raw), v); err != nil {
		return false, fmt.Errorf("read setting %s: %w", key, err)
	}
	return true, nil
}

// writeSetting stores v as JSON under key, replacing what was there.
func (s *Store) writeSetting(ctx context.Context, key string, v any, now time.Time) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode setting %s: %w", key, err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
			key, string(raw), formatTime(now))
		if err != nil {
			return fmt.Errorf("save setting %s: %w", key, err)
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
