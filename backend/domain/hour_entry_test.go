package domain

import (
	"errors"
	"math"
	"testing"
)

func TestHoursToMinutes(t *testing.T) {
	for _, c := range []struct {
		hours float64
		want  int
		ok    bool
	}{{1.5, 90, true}, {0.1, 6, true}, {1.0 / 3, 20, true}, {0.004, 0, true}, {-2, -120, true}, {math.NaN(), 0, false}, {math.Inf(1), 0, false}} {
		got, ok := HoursToMinutes(c.hours)
		if got != c.want || ok != c.ok {
			t.Errorf("HoursToMinutes(%v) = %d, %v; want %d, %v", c.hours, got, ok, c.want, c.ok)
		}
	}
	if h := MinutesToHours(20); h != 0.33 {
		t.Errorf("20 minutes = %v h", h)
	}
}

func TestHourEntryRules(t *testing.T) {
	e := HourEntry{VolunteerID: 1, ProjectID: 1, Date: "2026-11-02", Minutes: 120, Status: HoursPending}
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		logged      int
		start, end  string
		entry       HourEntry
		wantRule    string
		wantInvalid bool
	}{
		"fits":                  {logged: 22 * 60, entry: e},
		"passes 24 hours":       {logged: 22*60 + 1, entry: e, wantRule: RuleDayOverFull},
		"rejected never blocks": {logged: 24 * 60, entry: func() HourEntry { r := e; r.Status = HoursRejected; return r }()},
		"before the start":      {start: "2026-11-03", entry: e, wantRule: RuleDateOutsideProject},
		"after the end":         {end: "2026-11-01", entry: e, wantRule: RuleDateOutsideProject},
		"on the last day":       {start: "2026-11-02", end: "2026-11-02", entry: e},
		"tomorrow":              {entry: func() HourEntry { r := e; r.Date = "2026-11-26"; return r }(), wantInvalid: true},
	} {
		err := CheckHourEntryFits(c.entry, c.logged, c.start, c.end, "2026-11-25")
		var rule *RuleError
		var invalid *ValidationError
		switch {
		case c.wantRule != "" && (!errors.As(err, &rule) || rule.Code != c.wantRule):
			t.Errorf("%s: %v, want rule %s", name, err, c.wantRule)
		case c.wantInvalid && !errors.As(err, &invalid):
			t.Errorf("%s: %v, want a validation error", name, err)
		case c.wantRule == "" && !c.wantInvalid && err != nil:
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestHourRatesPickTheDomainThenTheDefault(t *testing.T) {
	r := DefaultHourRates()
	r.Domains["legal"] = map[SkillLevel]int64{LevelExpert: 12000}
	for _, c := range []struct {
		entry HourEntry
		want  int64
	}{
		{HourEntry{Minutes: 60, SkillID: "contracts", SkillDomain: "legal", Level: LevelExpert}, 12000},
		{HourEntry{Minutes: 60, SkillID: "contracts", SkillDomain: "legal", Level: LevelBeginner}, 1800},
		{HourEntry{Minutes: 60, SkillID: "custom:tricot", Level: LevelConfirmed}, 4000},
		{HourEntry{Minutes: 60, SkillID: "accounting", SkillDomain: "finance"}, 2800},
		{HourEntry{Minutes: 45}, 1350},
	} {
		if got := r.EntryValueCents(c.entry); got != c.want {
			t.Errorf("value of %+v = %d cents, want %d", c.entry, got, c.want)
		}
	}
	bad := DefaultHourRates()
	bad.Default[LevelExpert] = 1_000_01
	if err := bad.Validate(); err == nil {
		t.Error("1,000.01 € an hour should be refused")
	}
}
