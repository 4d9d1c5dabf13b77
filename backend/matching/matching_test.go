package matching

import (
	"slices"
	"sort"
	"testing"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

func skill(id string, level domain.SkillLevel) domain.VolunteerSkill {
	return domain.VolunteerSkill{SkillID: id, Level: level}
}

// A project of an association in Clichy: accounting (confirmed) and payroll, evenings, on site.
var clichyProject = domain.Project{
	Title: "Remettre à plat la comptabilité",
	Skills: []domain.ProjectSkill{
		{SkillID: "accounting", Level: domain.LevelConfirmed, People: 1},
		{SkillID: "payroll", Level: domain.LevelIntermediate, People: 1},
	},
	Causes:   []domain.Cause{"solidarity"},
	Schedule: domain.Availability{Evenings: true, HoursPerMonth: 8, Mode: domain.ModeOnSite},
	City:     "Clichy",
}

func TestRankingOnAFixedDatasetFollowsSkillsThenFit(t *testing.T) {
	tax := taxonomy.Builtin()
	for _, id := range []string{"accounting", "payroll", "management-control"} {
		if _, ok := tax.Skill(id); !ok {
			t.Fatalf("taxonomy has no %q: the fixture needs updating", id)
		}
	}
	people := []struct {
		name string
		v    domain.Volunteer
		load int
	}{
		{"Élodie (both skills, right levels, Clichy, evenings, free)", domain.Volunteer{
			Skills: []domain.VolunteerSkill{skill("accounting", domain.LevelExpert), skill("payroll", domain.LevelConfirmed)},
			Causes: []domain.Cause{"solidarity"}, City: "Clichy",
			Availability: domain.Availability{Evenings: true, HoursPerMonth: 10, Mode: domain.ModeEither}}, 0},
		{"Bastien (both skills, beginner in accounting, Besançon, busy)", domain.Volunteer{
			Skills: []domain.VolunteerSkill{skill("accounting", domain.LevelBeginner), skill("payroll", domain.LevelIntermediate)},
			City:   "Besançon", Availability: domain.Availability{Weekends: true, Mode: domain.ModeOnSite}}, 2},
		{"Ольга (accounting expert only, Clichy, evenings, solidarity, free)", domain.Volunteer{
			Skills: []domain.VolunteerSkill{skill("accounting", domain.LevelExpert)},
			Causes: []domain.Cause{"solidarity"}, City: "CLICHY",
			Availability: domain.Availability{Evenings: true, HoursPerMonth: 20, Mode: domain.ModeOnSite}}, 0},
		{"Nguyễn (payroll beginner only, elsewhere)", domain.Volunteer{
			Skills: []domain.VolunteerSkill{skill("payroll", domain.LevelBeginner)}, City: "Lyon"}, 1},
		{"Chloé (management control: related to accounting, Clichy)", domain.Volunteer{
			Skills: []domain.VolunteerSkill{skill("management-control", domain.LevelExpert)}, City: "Clichy",
			Availability: domain.Availability{Evenings: true}}, 0},
		{"Yann (nothing needed, remote only)", domain.Volunteer{
			Skills:       []domain.VolunteerSkill{skill("photography", domain.LevelExpert)},
			Availability: domain.Availability{Mode: domain.ModeRemote}}, 0},
	}
	type ranked struct {
		name string
		r    Result
	}
	var got []ranked
	for _, p := range people {
		got = append(got, ranked{p.name, Score(clichyProject, p.v, p.load, tax)})
	}
	sort.SliceStable(got, func(i, j int) bool { return Better(got[i].r, got[j].r) })
	want := []string{
		"Élodie (both skills, right levels, Clichy, evenings, free)",
		"Bastien (both skills, beginner in accounting, Besançon, busy)",
		"Ольга (accounting expert only, Clichy, evenings, solidarity, free)",
		"Nguyễn (payroll beginner only, elsewhere)",
		"Chloé (management control: related to accounting, Clichy)",
		"Yann (nothing needed, remote only)",
	}
	for i := range want {
		if got[i].name != want[i] {
			for _, g := range got {
				t.Logf("%5.1f held=%d %s", g.r.Score, g.r.Held, g.name)
			}
			t.Fatalf("position %d: got %q, want %q", i+1, got[i].name, want[i])
		}
	}
	// Scores follow the ranking, so the number shown agrees with the order.
	for i := 1; i < len(got); i++ {
		if got[i].r.Score > got[i-1].r.Score {
			t.Errorf("%q scores %.1f above %q (%.1f) ranked before it", got[i].name, got[i].r.Score, got[i-1].name, got[i-1].r.Score)
		}
	}
	if got[0].r.Score < 90 || got[0].r.Score >= 100 {
		t.Errorf("a near-perfect fit scores %.1f, want 90 to 100", got[0].r.Score)
	}
}

func TestReasonsSayWhy(t *testing.T) {
	tax := taxonomy.Builtin()
	v := domain.Volunteer{
		Skills: []domain.VolunteerSkill{skill("accounting", domain.LevelIntermediate), skill("management-control", domain.LevelConfirmed)},
		Causes: []domain.Cause{"solidarity", "culture"}, City: "Clichy",
		Availability: domain.Availability{Evenings: true, HoursPerMonth: 4, Mode: domain.ModeEither},
	}
	r := Score(clichyProject, v, 1, tax)
	kinds := map[ReasonKind]Reason{}
	for _, reason := range r.Reasons {
		kinds[reason.Kind] = reason
	}
	low, ok := kinds[ReasonSkillLowLevel]
	if !ok || low.SkillID != "accounting" || low.Level != domain.LevelIntermediate || low.Wanted != domain.LevelConfirmed || low.Positive {
		t.Errorf("want accounting one level low, got %+v", low)
	}
	if rel, ok := kinds[ReasonSkillRelated]; !ok || rel.SkillID != "payroll" {
		// payroll and management control may sit in different domains; then payroll is missing.
		if _, missing := kinds[ReasonSkillMissing]; !missing {
			t.Errorf("payroll is neither related nor missing: %+v", r.Reasons)
		}
	}
	if c := kinds[ReasonCause]; !c.Positive || !slices.Equal(c.Values, []string{"solidarity"}) {
		t.Errorf("cause reason: %+v", c)
	}
	if !kinds[ReasonEvenings].Positive {
		t.Errorf("want evenings: %+v", r.Reasons)
	}
	if h := kinds[ReasonFewHours]; h.Count != 4 || h.Positive {
		t.Errorf("want few hours (4 of 8): %+v", h)
	}
	if c := kinds[ReasonSameCity]; !c.Positive || c.Values[0] != "Clichy" {
		t.Errorf("want same city: %+v", c)
	}
	if b := kinds[ReasonBusy]; b.Count != 1 {
		t.Errorf("want busy on 1 project: %+v", b)
	}
	if r.Held != 1 || r.Needed != 2 {
		t.Errorf("held %d of %d, want 1 of 2", r.Held, r.Needed)
	}
}

func TestANeededSkillIsNotOfferedAsAStandInForAnother(t *testing.T) {
	// Accounting is asked for itself: it must not also count as "close to payroll".
	v := domain.Volunteer{Skills: []domain.VolunteerSkill{skill("accounting", domain.LevelExpert)}}
	r := Score(clichyProject, v, 0, taxonomy.Builtin())
	for _, reason := range r.Reasons {
		if reason.Kind == ReasonSkillRelated {
			t.Errorf("accounting offered as related to %s: %+v", reason.SkillID, reason)
		}
	}
	if !slices.ContainsFunc(r.Reasons, func(x Reason) bool { return x.Kind == ReasonSkillMissing && x.SkillID == "payroll" }) {
		t.Errorf("payroll should be missing: %+v", r.Reasons)
	}
}

func TestRemoteProjectsAndProjectsWithoutSkills(t *testing.T) {
	tax := taxonomy.Builtin()
	remote := domain.Project{Schedule: domain.Availability{Mode: domain.ModeRemote}}
	onSiteOnly := domain.Volunteer{City: "Besançon", Availability: domain.Availability{Mode: domain.ModeOnSite}}
	anywhere := domain.Volunteer{City: "Besançon", Availability: domain.Availability{Mode: domain.ModeEither}}
	a, b := Score(remote, anywhere, 0, tax), Score(remote, onSiteOnly, 0, tax)
	if a.Score <= b.Score {
		t.Errorf("remote project: someone who accepts remote (%.1f) should beat on-site only (%.1f)", a.Score, b.Score)
	}
	if a.Needed != 0 || a.Score <= 0 || a.Score >= 100 {
		t.Errorf("no skills needed: score %.1f should be within (0, 100)", a.Score)
	}
	if !slices.ContainsFunc(a.Reasons, func(r Reason) bool { return r.Kind == ReasonRemote }) {
		t.Errorf("want a remote reason: %+v", a.Reasons)
	}
}
