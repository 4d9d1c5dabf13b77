package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

// TestHourEntriesSurviveAReopen writes entries, reviews some, closes the database and reads the
// entries, their names and their sums back.
func TestHourEntriesSurviveAReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "civisphere.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	asso := domain.Organization{Kind: domain.KindAssociation, Name: "Œuvre des Écoles", CreatedAt: now, UpdatedAt: now}
	sponsor := domain.Organization{Kind: domain.KindSponsor, Name: "Фонд Ольги", CreatedAt: now, UpdatedAt: now}
	for _, o := range []*domain.Organization{&asso, &sponsor} {
		if err := s.CreateOrganization(ctx, o, nil); err != nil {
			t.Fatal(err)
		}
	}
	p := domain.Project{Title: "Comptabilité", OrganizationID: asso.ID, SponsorID: sponsor.ID, StartDate: "2026-09-01",
		Status: domain.ProjectInProgress, Beneficiaries: 120, CreatedAt: now, UpdatedAt: now}
	if err := s.CreateProject(ctx, &p, nil); err != nil {
		t.Fatal(err)
	}
	v := domain.Volunteer{FirstName: "Nguyễn", LastName: "Thị Hồng", Status: domain.StatusActive, CreatedAt: now, UpdatedAt: now}
	if err := s.CreateVolunteer(ctx, &v); err != nil {
		t.Fatal(err)
	}
	entry := func(day string, minutes int, skill, dom string, level domain.SkillLevel) *domain.HourEntry {
		return &domain.HourEntry{VolunteerID: v.ID, ProjectID: p.ID, Date: day, Minutes: minutes, SkillID: skill,
			SkillDomain: dom, Level: level, Status: domain.HoursPending, CreatedAt: now, UpdatedAt: now}
	}
	entries := []*domain.HourEntry{
		entry("2026-09-15", 90, "accounting", "finance", domain.LevelExpert),
		entry("2026-10-02", 600, "accounting", "finance", domain.LevelExpert),
		entry("2026-10-02", 240, "", "", ""),
	}
	if err := s.CreateHourEntries(ctx, entries, "2026-11-25"); err != nil {
		t.Fatal(err)
	}
	// 600 + 240 already on 2 October: 601 more minutes would pass 24 hours.
	err = s.CreateHourEntries(ctx, []*domain.HourEntry{entry("2026-10-03", 60, "", "", ""), entry("2026-10-02", 601, "", "", "")}, "2026-11-25")
	var item *domain.ItemError
	var rule *domain.RuleError
	if !errors.As(err, &item) || item.Index != 1 || !errors.As(err, &rule) || rule.Code != domain.RuleDayOverFull {
		t.Fatalf("over 24 hours: %v", err)
	}
	if n, err := s.ReviewHourEntries(ctx, []int64{entries[0].ID, entries[1].ID}, domain.HoursApproved, "Marie", now); err != nil || n != 2 {
		t.Fatalf("review: %d, %v", n, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, total, err := s.HourEntries(ctx, HourFilter{SponsorID: sponsor.ID})
	if err != nil || total != 3 {
		t.Fatalf("entries after reopen: %d, %v (the refused batch must have saved nothing)", total, err)
	}
	if list[0].VolunteerName != "Nguyễn Thị Hồng" || list[0].SponsorName != "Фонд Ольги" || list[0].AssociationName != "Œuvre des Écoles" {
		t.Errorf("names = %+v", list[0])
	}
	approved, _, err := s.HourEntries(ctx, HourFilter{Statuses: []domain.HourStatus{domain.HoursApproved}})
	if err != nil || len(approved) != 2 || approved[0].ReviewedBy != "Marie" || !approved[0].ReviewedAt.Equal(now) {
		t.Fatalf("approved = %+v, %v", approved, err)
	}
	months, err := s.HourGroups(ctx, HourFilter{}, ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	byMonth := map[string]int{}
	for _, g := range months {
		byMonth[g.Key] += g.Minutes
	}
	if byMonth["2026-09"] != 90 || byMonth["2026-10"] != 840 || len(byMonth) != 2 {
		t.Errorf("minutes by month = %v", byMonth)
	}
	var days []string
	if err := s.EachHourEntry(ctx, HourFilter{From: "2026-10-01"}, func(e HourEntryView) error {
		days = append(days, e.Date)
		return nil
	}); err != nil || len(days) != 2 || days[0] != "2026-10-02" {
		t.Errorf("each from October = %v, %v", days, err)
	}
	got, err := s.Project(ctx, p.ID)
	if err != nil || got.Beneficiaries != 120 {
		t.Errorf("beneficiaries = %d, %v", got.Beneficiaries, err)
	}

	rates := domain.DefaultHourRates()
	rates.Domains["legal"] = map[domain.SkillLevel]int64{domain.LevelExpert: 9550}
	if err := s.SaveHourRates(ctx, rates, now); err != nil {
		t.Fatal(err)
	}
	back, err := s.HourRates(ctx)
	if err != nil || back.CentsPerHour("legal", domain.LevelExpert) != 9550 || back.CentsPerHour("legal", domain.LevelBeginner) != 1800 {
		t.Errorf("rates = %+v, %v", back, err)
	}
}
