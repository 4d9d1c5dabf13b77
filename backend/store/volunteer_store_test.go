package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

var storeNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func sampleVolunteer(first, last, email string, skills ...domain.VolunteerSkill) domain.Volunteer {
	return domain.Volunteer{
		FirstName: first, LastName: last, Email: email, City: "Besançon", Postcode: "25000",
		Skills: skills, Causes: []domain.Cause{"solidarity"}, Languages: []string{"fr"},
		Availability: domain.Availability{Days: []string{"monday"}, Evenings: true, HoursPerMonth: 8, Mode: domain.ModeRemote},
		Bio:          "Œuvre depuis 2010 pour l’association.", Status: domain.StatusActive, CreatedAt: storeNow, UpdatedAt: storeNow,
	}
}

func TestVolunteerRoundTripWithSkillsAndOutbox(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	v := sampleVolunteer("Élodie", "Martin", "elodie@example.fr",
		domain.VolunteerSkill{SkillID: "accounting", Level: domain.LevelExpert},
		domain.VolunteerSkill{SkillID: "custom:apiculture", Name: "Apiculture", Level: domain.LevelBeginner})
	if err := s.CreateVolunteer(ctx, &v); err != nil {
		t.Fatal(err)
	}
	got, err := s.Volunteer(ctx, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.FirstName != "Élodie" || got.Availability.HoursPerMonth != 8 || !got.Availability.Evenings ||
		len(got.Skills) != 2 || got.Skills[0].SkillID != "accounting" || got.Skills[1].Name != "Apiculture" ||
		!got.CreatedAt.Equal(storeNow) || got.Bio != v.Bio {
		t.Fatalf("round trip: %+v", got)
	}
	st, err := s.IndexOutboxState(ctx)
	if err != nil || st.NewestSeq != 1 || st.OldestPendingSeq != 1 || st.Volunteers != 1 {
		t.Fatalf("outbox after create: %+v, %v", st, err)
	}

	got.Skills = got.Skills[:1]
	got.City = "Saint-Étienne"
	got.UpdatedAt = storeNow.Add(time.Hour)
	if err := s.UpdateVolunteer(ctx, got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Volunteer(ctx, v.ID)
	if again.City != "Saint-Étienne" || len(again.Skills) != 1 || !again.CreatedAt.Equal(storeNow) {
		t.Fatalf("after update: %+v", again)
	}
	changes, err := s.IndexChanges(ctx, 0, 10)
	if err != nil || len(changes) != 2 {
		t.Fatalf("changes: %+v, %v", changes, err)
	}
	if err := s.DeleteIndexChanges(ctx, changes[1].Seq); err != nil {
		t.Fatal(err)
	}
	st, _ = s.IndexOutboxState(ctx)
	if st.NewestSeq != 2 || st.OldestPendingSeq != 0 {
		t.Fatalf("outbox after prune: %+v (the newest seq must survive deletion)", st)
	}
}

func TestDuplicateEmailIsRefusedWithAFieldError(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	a := sampleVolunteer("A", "Un", "same@example.fr")
	b := sampleVolunteer("B", "Deux", "same@example.fr")
	if err := s.CreateVolunteer(ctx, &a); err != nil {
		t.Fatal(err)
	}
	err := s.CreateVolunteer(ctx, &b)
	var ve *domain.ValidationError
	if !errors.As(err, &ve) || ve.Fields[0].Code != domain.CodeDuplicateEmail {
		t.Fatalf("err = %v", err)
	}
	// Volunteers without e-mail are not duplicates of each other.
	c, d := sampleVolunteer("C", "Trois", ""), sampleVolunteer("D", "Quatre", "")
	if err := s.CreateVolunteer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateVolunteer(ctx, &d); err != nil {
		t.Fatal(err)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	list := []domain.Volunteer{
		sampleVolunteer("A", "Un", "a@example.fr"),
		sampleVolunteer("B", "Deux", "b@example.fr"),
		sampleVolunteer("C", "Trois", "a@example.fr"), // collides with the first
	}
	if _, _, err := s.ImportVolunteers(ctx, list, nil); err == nil {
		t.Fatal("import with a duplicate e-mail succeeded")
	}
	if n, _ := s.CountVolunteers(ctx); n != 0 {
		t.Fatalf("%d volunteers written by a failed import", n)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, _, err := s.ImportVolunteers(cancelled, list[:2], nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled import: %v", err)
	}
	created, updated, err := s.ImportVolunteers(ctx, list[:2], nil)
	if err != nil || created != 2 || updated != 0 {
		t.Fatalf("import: %d %d %v", created, updated, err)
	}
}

func TestEachVolunteerMergesSkillsInOrder(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	var list []domain.Volunteer
	for i, name := range []string{"Un", "Deux", "Trois"} {
		v := sampleVolunteer(name, name, "")
		if i != 1 { // the second has no skill at all
			v.Skills = []domain.VolunteerSkill{{SkillID: "accounting", Level: domain.LevelConfirmed}, {SkillID: "graphic-design", Level: domain.LevelExpert}}
		}
		list = append(list, v)
	}
	if _, _, err := s.ImportVolunteers(ctx, list, nil); err != nil {
		t.Fatal(err)
	}
	var seen []domain.Volunteer
	seq, err := s.EachVolunteer(ctx, func(v domain.Volunteer) error { seen = append(seen, v); return nil })
	if err != nil || seq != 3 || len(seen) != 3 {
		t.Fatalf("seq %d, %d volunteers, %v", seq, len(seen), err)
	}
	if len(seen[0].Skills) != 2 || len(seen[1].Skills) != 0 || len(seen[2].Skills) != 2 || seen[2].Skills[1].SkillID != "graphic-design" {
		t.Fatalf("skills: %+v / %+v / %+v", seen[0].Skills, seen[1].Skills, seen[2].Skills)
	}
}

func TestMergeSkillKeepsTheHigherLevel(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	both := sampleVolunteer("A", "Both", "",
		domain.VolunteerSkill{SkillID: "accounting", Level: domain.LevelBeginner},
		domain.VolunteerSkill{SkillID: "custom:compta-asso", Name: "Compta asso", Level: domain.LevelExpert})
	only := sampleVolunteer("B", "Only", "", domain.VolunteerSkill{SkillID: "custom:compta-asso", Name: "Compta asso", Level: domain.LevelConfirmed})
	for _, v := range []*domain.Volunteer{&both, &only} {
		if err := s.CreateVolunteer(ctx, v); err != nil {
			t.Fatal(err)
		}
	}
	n, err := s.MergeSkill(ctx, "custom:compta-asso", "accounting", "Comptabilité", storeNow)
	if err != nil || n != 2 {
		t.Fatalf("merge: %d %v", n, err)
	}
	a, _ := s.Volunteer(ctx, both.ID)
	b, _ := s.Volunteer(ctx, only.ID)
	if len(a.Skills) != 1 || a.Skills[0].Level != domain.LevelExpert || len(b.Skills) != 1 || b.Skills[0].SkillID != "accounting" {
		t.Fatalf("after merge: %+v / %+v", a.Skills, b.Skills)
	}
	if _, err := s.MergeSkill(ctx, "custom:compta-asso", "accounting", "", storeNow); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("merging a forgotten skill: %v", err)
	}
}

func TestArchiveMissingVolunteerIsNotFound(t *testing.T) {
	s := newTestStore(t)
	if err := s.SetVolunteerStatus(context.Background(), 99, domain.StatusArchived, storeNow); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("err = %v", err)
	}
}
