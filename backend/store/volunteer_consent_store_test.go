package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
)

// TestConsentHistorySurvivesAReopen gives, withdraws and gives again, then reads everything back
// from a reopened file: the history keeps one row per grant, the current view the latest.
func TestConsentHistorySurvivesAReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "civisphere.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	v := sampleVolunteer("Élodie", "Martin", "elodie@example.fr")
	if err := s.CreateVolunteer(ctx, &v); err != nil {
		t.Fatal(err)
	}
	march3 := time.Date(2026, 3, 3, 9, 30, 0, 0, time.UTC)
	steps := []struct {
		kind        domain.ConsentKind
		given       bool
		at          time.Time
		wantChanged bool
	}{
		{domain.ConsentPhotos, true, march3, true},
		{domain.ConsentPhotos, true, march3.Add(time.Hour), false}, // already given: no second row
		{domain.ConsentPhotos, false, march3.AddDate(0, 1, 0), true},
		{domain.ConsentPhotos, false, march3.AddDate(0, 2, 0), false}, // already withdrawn
		{domain.ConsentPhotos, true, march3.AddDate(0, 3, 0), true},   // given again: a new row
		{domain.ConsentContact, false, march3, false},                 // never given: nothing to withdraw
		{domain.ConsentContact, true, march3.AddDate(0, 0, 1), true},
	}
	for i, st := range steps {
		c, changed, err := s.SetConsent(ctx, v.ID, st.kind, st.given, st.at, "coordinatrice")
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if changed != st.wantChanged || c.Kind != st.kind {
			t.Errorf("step %d: changed %v, consent %+v", i, changed, c)
		}
	}
	s.Close()

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	history, err := s.ConsentHistory(ctx, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		kind           domain.ConsentKind
		given          time.Time
		withdrawn      time.Time
		by, withdrawnB string
	}{
		{domain.ConsentPhotos, march3.AddDate(0, 3, 0), time.Time{}, "coordinatrice", ""},
		{domain.ConsentContact, march3.AddDate(0, 0, 1), time.Time{}, "coordinatrice", ""},
		{domain.ConsentPhotos, march3, march3.AddDate(0, 1, 0), "coordinatrice", "coordinatrice"},
	}
	if len(history) != len(want) {
		t.Fatalf("history has %d rows, want %d: %+v", len(history), len(want), history)
	}
	for i, w := range want {
		h := history[i]
		if h.Kind != w.kind || !h.GivenAt.Equal(w.given) || !h.WithdrawnAt.Equal(w.withdrawn) ||
			h.RecordedBy != w.by || h.WithdrawnBy != w.withdrawnB {
			t.Errorf("history[%d] = %+v, want %+v", i, h, w)
		}
	}

	current, err := s.VolunteerConsents(ctx, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(current) != 2 || current[0].Kind != domain.ConsentContact || current[1].Kind != domain.ConsentPhotos ||
		!current[1].Active() || !current[1].GivenAt.Equal(march3.AddDate(0, 3, 0)) {
		t.Errorf("current consents: %+v", current)
	}
}

func TestWithdrawnConsentIsTheCurrentRecord(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	v := sampleVolunteer("Zoé", "Lefèvre", "zoe@example.fr")
	if err := s.CreateVolunteer(ctx, &v); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SetConsent(ctx, v.ID, domain.ConsentSponsorNames, true, storeNow, "local"); err != nil {
		t.Fatal(err)
	}
	c, _, err := s.SetConsent(ctx, v.ID, domain.ConsentSponsorNames, false, storeNow.Add(time.Minute), "local")
	if err != nil {
		t.Fatal(err)
	}
	if c.Active() || !c.GivenAt.Equal(storeNow) || !c.WithdrawnAt.Equal(storeNow.Add(time.Minute)) {
		t.Errorf("after withdrawal: %+v", c)
	}
	current, err := s.VolunteerConsents(ctx, v.ID)
	if err != nil || len(current) != 1 || current[0].Active() {
		t.Errorf("current: %+v, %v", current, err)
	}
}

func TestSetConsentOfUnknownVolunteerIsNotFound(t *testing.T) {
	s := newTestStore(t)
	_, _, err := s.SetConsent(context.Background(), 404, domain.ConsentPhotos, true, storeNow, "local")
	if !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("want ErrNotFound, got %v", err)
	}
}

// TestOnlyOneOpenConsentPerKind checks the index itself, beneath SetConsent's own check: a second
// open row of the same kind for the same person is refused by the database.
func TestOnlyOneOpenConsentPerKind(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	v := sampleVolunteer("Ольга", "Петрова", "olga@example.fr")
	if err := s.CreateVolunteer(ctx, &v); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SetConsent(ctx, v.ID, domain.ConsentContact, true, storeNow, "local"); err != nil {
		t.Fatal(err)
	}
	_, err := s.rw.ExecContext(ctx, `INSERT INTO volunteer_consents (volunteer_id, kind, given_at) VALUES (?, 'contact', ?)`,
		v.ID, formatTime(storeNow))
	if err == nil {
		t.Fatal("a second open consent of the same kind was accepted")
	}
}

func TestInitialConsentsAreRecordedWithTheVolunteer(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	v := sampleVolunteer("Nguyễn", "Văn An", "an@example.fr")
	v.Consents = []domain.Consent{
		{Kind: domain.ConsentContact, GivenAt: storeNow, RecordedBy: "local"},
		{Kind: domain.ConsentContact, GivenAt: storeNow, RecordedBy: "local"}, // twice on the form: one row
		{Kind: domain.ConsentPhotos},                                          // not given: no row
	}
	if err := s.CreateVolunteer(ctx, &v); err != nil {
		t.Fatal(err)
	}
	history, err := s.ConsentHistory(ctx, v.ID)
	if err != nil || len(history) != 1 || history[0].Kind != domain.ConsentContact || !history[0].Active() {
		t.Fatalf("history: %+v, %v", history, err)
	}

	// A failed creation records no consent either.
	dup := sampleVolunteer("Autre", "Personne", "an@example.fr")
	dup.Consents = []domain.Consent{{Kind: domain.ConsentPhotos, GivenAt: storeNow}}
	if err := s.CreateVolunteer(ctx, &dup); err == nil {
		t.Fatal("duplicate e-mail accepted")
	}
	var rows int
	if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM volunteer_consents`).Scan(&rows); err != nil || rows != 1 {
		t.Errorf("%d consent rows after a failed creation, %v", rows, err)
	}
}

func TestConsentsGoWithTheVolunteer(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	v := sampleVolunteer("Élodie", "Martin", "elodie@example.fr")
	v.Consents = []domain.Consent{{Kind: domain.ConsentPhotos, GivenAt: storeNow}}
	if err := s.CreateVolunteer(ctx, &v); err != nil {
		t.Fatal(err)
	}
	if _, err := s.rw.ExecContext(ctx, `DELETE FROM volunteers WHERE id = ?`, v.ID); err != nil {
		t.Fatal(err)
	}
	history, err := s.ConsentHistory(ctx, v.ID)
	if err != nil || len(history) != 0 {
		t.Errorf("consents outlived their volunteer: %+v, %v", history, err)
	}
}

// TestManyVolunteersAtOnce asks about more people than one chunk holds, with IDs that do not
// exist among them, and checks every answer.
func TestManyVolunteersAtOnce(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	const n = 2*consentChunk + 37
	list := make([]domain.Volunteer, n)
	for i := range list {
		list[i] = sampleVolunteer(fmt.Sprintf("Bénévole %d", i), "Œuvre", fmt.Sprintf("b%d@example.fr", i))
	}
	if _, _, err := s.ImportVolunteers(ctx, list, nil); err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, 0, n+2)
	for i, v := range list {
		ids = append(ids, v.ID)
		if i%3 == 0 {
			if _, _, err := s.SetConsent(ctx, v.ID, domain.ConsentSponsorNames, true, storeNow, "local"); err != nil {
				t.Fatal(err)
			}
		}
		if i%6 == 0 { // every other of those withdraws
			if _, _, err := s.SetConsent(ctx, v.ID, domain.ConsentSponsorNames, false, storeNow.Add(time.Hour), "local"); err != nil {
				t.Fatal(err)
			}
		}
		if i%5 == 0 {
			if _, _, err := s.SetConsent(ctx, v.ID, domain.ConsentPhotos, true, storeNow, "local"); err != nil {
				t.Fatal(err)
			}
		}
	}
	ids = append(ids, 999999, -1)

	consenting, err := s.VolunteersConsenting(ctx, domain.ConsentSponsorNames, ids)
	if err != nil {
		t.Fatal(err)
	}
	current, err := s.CurrentConsents(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	wantConsenting := 0
	for i, v := range list {
		want := i%3 == 0 && i%6 != 0
		if want {
			wantConsenting++
		}
		if consenting[v.ID] != want {
			t.Fatalf("volunteer %d (#%d): consenting %v, want %v", v.ID, i, consenting[v.ID], want)
		}
		wantKinds := 0
		if i%3 == 0 {
			wantKinds++
		}
		if i%5 == 0 {
			wantKinds++
		}
		if len(current[v.ID]) != wantKinds {
			t.Fatalf("volunteer #%d: current %+v, want %d kinds", i, current[v.ID], wantKinds)
		}
	}
	if len(consenting) != wantConsenting {
		t.Errorf("%d consenting, want %d", len(consenting), wantConsenting)
	}
	if _, ok := current[999999]; ok {
		t.Error("an unknown volunteer has consents")
	}
	none, err := s.VolunteersConsenting(ctx, domain.ConsentContact, nil)
	if err != nil || len(none) != 0 {
		t.Errorf("no IDs: %v, %v", none, err)
	}
}
