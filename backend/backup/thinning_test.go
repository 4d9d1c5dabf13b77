package backup

import (
	"slices"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

// kept runs Thin and returns the names it keeps, sorted.
func kept(entries []Entry, policy Policy, loc *time.Location) []string {
	removed := map[string]bool{}
	for _, e := range Thin(entries, policy, loc) {
		removed[e.Name] = true
	}
	var out []string
	for _, e := range entries {
		if !removed[e.Name] {
			out = append(out, e.Name)
		}
	}
	slices.Sort(out)
	return out
}

func entry(name string, reason Reason) Entry {
	return Entry{Name: name, CreatedAt: day(name), Reason: reason}
}

// yearOfDailies is one daily backup at 10:00 UTC every day from 2025-12-01 to 2026-11-30 (a
// Monday, the first day of ISO week 49).
func yearOfDailies() []Entry {
	var out []Entry
	for t := day("2025-12-01 10:00"); !t.After(day("2026-11-30 10:00")); t = t.AddDate(0, 0, 1) {
		out = append(out, entry(t.Format("2006-01-02 15:04"), ReasonDaily))
	}
	return out
}

func TestThin(t *testing.T) {
	year := yearOfDailies()
	yearKept := []string{
		// the newest of each month, over 12 months
		"2025-12-31 10:00", "2026-01-31 10:00", "2026-02-28 10:00", "2026-03-31 10:00", "2026-04-30 10:00",
		"2026-05-31 10:00", "2026-06-30 10:00", "2026-07-31 10:00", "2026-08-31 10:00", "2026-09-30 10:00",
		"2026-10-31 10:00",
		// the newest of each ISO week, over 4 weeks: weeks 49 (11-30), 48 (11-29), 47, 46
		"2026-11-15 10:00", "2026-11-22 10:00",
		// the last 7 days
		"2026-11-24 10:00", "2026-11-25 10:00", "2026-11-26 10:00", "2026-11-27 10:00", "2026-11-28 10:00",
		"2026-11-29 10:00", "2026-11-30 10:00",
	}
	withManual := append(slices.Clone(year), entry("2026-03-15 09:00", ReasonManual), entry("2025-12-02 18:00", ReasonManual))
	withManualKept := append(slices.Clone(yearKept), "2025-12-02 18:00", "2026-03-15 09:00")
	slices.Sort(withManualKept)

	sameDay := []Entry{
		entry("2026-11-30 08:00", ReasonDaily), entry("2026-11-30 09:00", ReasonImport),
		entry("2026-11-30 11:00", ReasonMigration), entry("2026-11-29 23:00", ReasonRestore),
	}

	cases := []struct {
		name    string
		entries []Entry
		policy  Policy
		loc     *time.Location
		want    []string
	}{
		{"nothing", nil, DefaultPolicy, time.UTC, nil},
		{"a year of dailies", year, DefaultPolicy, time.UTC, yearKept},
		{"manual backups are never thinned", withManual, DefaultPolicy, time.UTC, withManualKept},
		{"the newest of each day, whatever the reason", sameDay, DefaultPolicy, time.UTC,
			[]string{"2026-11-29 23:00", "2026-11-30 11:00"}},
		// In Paris (UTC+1) 2026-11-29 23:00 UTC is already the 30th: one day, one backup.
		{"days of the computer's time zone", sameDay, DefaultPolicy, time.FixedZone("Paris", 3600),
			[]string{"2026-11-30 11:00"}},
		{"the newest is kept even by an empty policy", sameDay, Policy{}, time.UTC, []string{"2026-11-30 11:00"}},
		// Opened now and then: the last days that have backups are kept, however old.
		{"sparse use keeps the last backups", []Entry{
			entry("2024-01-10 10:00", ReasonDaily), entry("2024-01-10 12:00", ReasonDaily),
			entry("2024-06-01 10:00", ReasonDaily), entry("2026-11-30 10:00", ReasonDaily),
		}, DefaultPolicy, time.UTC, []string{"2024-01-10 12:00", "2024-06-01 10:00", "2026-11-30 10:00"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := kept(c.entries, c.policy, c.loc)
			if !slices.Equal(got, c.want) {
				t.Errorf("kept %d:\n%v\nwant %d:\n%v", len(got), got, len(c.want), c.want)
			}
		})
	}
}

// TestThinIsStableOverTime runs a year day by day, thinning after each new daily backup as the
// app does, and checks that the set stays bounded and always holds the last 7 days.
func TestThinIsStableOverTime(t *testing.T) {
	var have []Entry
	for _, e := range yearOfDailies() {
		have = append(have, e)
		removed := map[string]bool{}
		for _, r := range Thin(have, DefaultPolicy, time.UTC) {
			removed[r.Name] = true
		}
		have = slices.DeleteFunc(have, func(x Entry) bool { return removed[x.Name] })
		if len(have) > 7+4+12 {
			t.Fatalf("%s: %d backups kept", e.Name, len(have))
		}
		for d := range 7 {
			want := e.CreatedAt.AddDate(0, 0, -d)
			if want.Before(day("2025-12-01 10:00")) {
				break
			}
			if !slices.ContainsFunc(have, func(x Entry) bool { return x.CreatedAt.Equal(want) }) {
				t.Fatalf("%s: the backup of %s is gone", e.Name, want.Format(time.DateOnly))
			}
		}
	}
	// Thinning as it goes keeps the same set as thinning once at the end.
	var names []string
	for _, e := range have {
		names = append(names, e.Name)
	}
	slices.Sort(names)
	if want := kept(yearOfDailies(), DefaultPolicy, time.UTC); !slices.Equal(names, want) {
		t.Errorf("incremental thinning kept\n%v\nonce at the end\n%v", names, want)
	}
}
