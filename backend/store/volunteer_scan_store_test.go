package store

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/civisphere/civisphere/backend/domain"
)

// The hand-written readers of the scan agree with encoding/json on what this package writes,
// and hand anything else to encoding/json.
func TestScanListDecodersAgreeWithJSON(t *testing.T) {
	for _, a := range []availabilityRow{
		{}, {Days: []string{"monday"}}, {Evenings: true}, {Weekends: true, Mode: "remote"},
		{Days: []string{"monday", "friday"}, Evenings: true, Weekends: true, HoursPerMonth: 12, Mode: "either"},
		{HoursPerMonth: 4},
	} {
		raw, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		var got availabilityRow
		if len(raw) > 2 && !plainAvailability(raw, &got) {
			t.Errorf("%s not read by hand", raw)
		}
		if !reflect.DeepEqual(got, a) && len(raw) > 2 {
			t.Errorf("%s: got %+v", raw, got)
		}
	}
	for _, raw := range []string{`{"days": ["monday"]}`, `{"mode":"re\"mote"}`, `{"unknown":1}`, `{"days":["a"`} {
		var got availabilityRow
		if plainAvailability([]byte(raw), &got) {
			t.Errorf("%s read by hand as %+v", raw, got)
		}
	}
	for raw, want := range map[string][]string{`[]`: nil, `["fr"]`: {"fr"}, `["fr","ru","el"]`: {"fr", "ru", "el"}} {
		if got, ok := plainStrings([]byte(raw)); !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v %v", raw, got, ok)
		}
	}
	for _, raw := range []string{`["a\"b"]`, `["a", "b"]`, `[1]`, `null`, `["Œuvre","x,y"]`} {
		if got, ok := plainStrings([]byte(raw)); ok {
			t.Errorf("%s read by hand as %v", raw, got)
		}
	}
	var v domain.Volunteer
	if err := decodeScanLists(&v, []byte(`["solidarity"]`), []byte(`["fr", "ru"]`), []byte(`{"evenings": true}`)); err != nil ||
		len(v.Causes) != 1 || !reflect.DeepEqual(v.Languages, []string{"fr", "ru"}) || !v.Availability.Evenings {
		t.Errorf("fallback to encoding/json: %+v %v", v, err)
	}
}

func TestEachVolunteerForSearchReadsWhatASearchNeeds(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	a := sampleVolunteer("Élodie", "Martin", "elodie@example.fr",
		domain.VolunteerSkill{SkillID: "accounting", Level: domain.LevelExpert},
		domain.VolunteerSkill{SkillID: "custom:apiculture", Name: "Apiculture", Level: domain.LevelBeginner})
	a.Availability = domain.Availability{Days: []string{"monday"}, Evenings: true, Mode: domain.ModeRemote}
	b := sampleVolunteer("Ольга", "Петрова", "olga@example.org")
	c := sampleVolunteer("Ελένη", "Παπαδοπούλου", "eleni@example.gr", domain.VolunteerSkill{SkillID: "law", Level: domain.LevelConfirmed})
	c.Status = domain.StatusArchived
	for _, v := range []*domain.Volunteer{&a, &b, &c} {
		if err := s.CreateVolunteer(ctx, v); err != nil {
			t.Fatal(err)
		}
	}
	read := func(f VolunteerScanFilter) []domain.Volunteer {
		var out []domain.Volunteer
		if err := s.EachVolunteerForSearch(ctx, f, func(v domain.Volunteer) error {
			out = append(out, v)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	all := read(VolunteerScanFilter{})
	if len(all) != 3 || all[0].ID != a.ID || all[2].Status != domain.StatusArchived {
		t.Fatalf("all: %+v", all)
	}
	got := all[0]
	if got.FirstName != "Élodie" || got.Email != "elodie@example.fr" || got.Bio != a.Bio || len(got.Skills) != 2 ||
		got.Skills[1].Name != "Apiculture" || got.Skills[0].Level != domain.LevelExpert ||
		!reflect.DeepEqual(got.Availability.Days, []string{"monday"}) || !got.Availability.Evenings ||
		got.Availability.Mode != domain.ModeRemote || !reflect.DeepEqual(got.Languages, []string{"fr"}) || len(got.Causes) != 1 {
		t.Errorf("read %+v", got)
	}
	if len(all[1].Skills) != 0 || len(all[2].Skills) != 1 {
		t.Errorf("skills merged into the wrong people: %+v / %+v", all[1].Skills, all[2].Skills)
	}
	active := read(VolunteerScanFilter{ExcludeStatus: domain.StatusArchived, WithoutTexts: true})
	if len(active) != 2 || active[0].Bio != "" || len(active[0].Skills) != 2 || active[1].LastName != "Петрова" {
		t.Errorf("active without texts: %+v", active)
	}
}
