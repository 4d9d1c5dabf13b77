package service

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
	"github.com/civisphere/civisphere/backend/taxonomy"
)

// testClock is a clock the test moves; each reading is a second after the previous one, so
// that every profile gets its own creation time.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

func (c *testClock) set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// privacyEnv is the services of a data folder: store and index on dir, as the application opens
// them.
type privacyEnv struct {
	dir        string
	store      *store.Store
	indexer    *VolunteerIndexer
	volunteers *Volunteers
	privacy    *Privacy
	clock      *testClock
}

func openPrivacyEnv(t *testing.T, dir string, clock *testClock) *privacyEnv {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(dir, "civisphere.db"))
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	tax := taxonomy.Builtin()
	ix := NewVolunteerIndexer(st, tax, filepath.Join(dir, "index", "volunteers"), log)
	if err := ix.Start(ctx); err != nil {
		t.Fatal(err)
	}
	waitIndexReady(t, ix)
	vols := NewVolunteers(st, tax, ix, clock.now, log)
	env := &privacyEnv{dir: dir, store: st, indexer: ix, volunteers: vols, clock: clock,
		privacy: NewPrivacy(st, vols, ix, dir, clock.now, log)}
	t.Cleanup(env.close)
	return env
}

func (e *privacyEnv) close() {
	e.indexer.Close()
	e.store.Close()
}

// person is everything the fixture made around one volunteer.
type person struct {
	volunteer domain.Volunteer
	project   domain.Project
	survey    domain.Survey
	task      domain.Task
}

// The person to erase: a name with Latin accents and in Greek, found nowhere else.
const (
	erasedFirst = "Éléonore"
	erasedLast  = "Ζαχαρίου"
	erasedEmail = "eleonore.zachariou@exemple.gr"
)

// addPerson creates a volunteer with skills and consents, a project they proposed with a task
// assigned to them, an application, approved hours with a note, a survey answer signed with
// their name, and a message signed with their name.
func addPerson(t *testing.T, e *privacyEnv, first, last, email string) person {
	t.Helper()
	ctx := context.Background()
	admin := domain.LocalAdmin()
	v, err := e.volunteers.Create(ctx, admin, domain.Volunteer{FirstName: first, LastName: last, Email: email,
		Phone: "+30 210 123 4567", City: "Θεσσαλονίκη", Bio: "Traductrice, j'aime " + first + " et le grec.",
		Skills:   []domain.VolunteerSkill{skill("Comptabilité", domain.LevelExpert), skill("Traduction grec ancien", domain.LevelConfirmed)},
		Consents: []domain.Consent{{Kind: domain.ConsentContact}, {Kind: domain.ConsentPhotos}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.volunteers.SetConsent(ctx, admin, v.ID, domain.ConsentSponsorNames, true); err != nil {
		t.Fatal(err)
	}
	now := e.clock.now()
	asso := domain.Organization{Kind: domain.KindAssociation, Name: "Œuvre de Besançon", CreatedAt: now, UpdatedAt: now}
	if err := e.store.CreateOrganization(ctx, &asso, nil); err != nil {
		t.Fatal(err)
	}
	pr := domain.Project{Title: "Aide aux devoirs", OrganizationID: asso.ID, Status: domain.ProjectInProgress,
		CreatedByVolunteerID: v.ID, CreatedAt: now, UpdatedAt: now}
	if err := e.store.CreateProject(ctx, &pr, nil); err != nil {
		t.Fatal(err)
	}
	task := domain.Task{ProjectID: pr.ID, Title: "Relire les cahiers", AssigneeID: v.ID, CreatedAt: now, UpdatedAt: now}
	if err := e.store.CreateTask(ctx, &task); err != nil {
		t.Fatal(err)
	}
	app := domain.Application{ProjectID: pr.ID, VolunteerID: v.ID, Status: domain.ApplicationAccepted, Origin: domain.OriginApplied,
		Message: "Je suis " + first + " " + last + ", disponible le soir.", CreatedAt: now, UpdatedAt: now}
	if err := e.store.CreateApplication(ctx, &app); err != nil {
		t.Fatal(err)
	}
	day := now.Format(time.DateOnly)
	hours := []*domain.HourEntry{
		{VolunteerID: v.ID, ProjectID: pr.ID, Date: day, Minutes: 90, Note: "Séance avec " + first, Status: domain.HoursApproved,
			EnteredBy: first + " " + last, ReviewedBy: "Coordinatrice", CreatedAt: now, UpdatedAt: now},
		{VolunteerID: v.ID, ProjectID: pr.ID, Date: day, Minutes: 120, Status: domain.HoursPending, CreatedAt: now, UpdatedAt: now},
	}
	if err := e.store.CreateHourEntries(ctx, hours, day); err != nil {
		t.Fatal(err)
	}
	sv := domain.Survey{Title: "Ressenti des bénévoles", ProjectID: pr.ID, Audience: domain.AudienceVolunteer,
		Questions: []domain.SurveyQuestion{{Kind: domain.QuestionText, Text: "Qu'avez-vous appris ?"}}, CreatedAt: now, UpdatedAt: now}
	if err := e.store.CreateSurvey(ctx, &sv); err != nil {
		t.Fatal(err)
	}
	resp := domain.SurveyResponse{SurveyID: sv.ID, VolunteerID: v.ID, Source: domain.SourceApp,
		Answers: []domain.SurveyAnswer{{Text: "La patience."}}, CreatedAt: now}
	if _, err := e.store.CreateSurveyResponse(ctx, &resp, func(domain.Survey) error { return nil }); err != nil {
		t.Fatal(err)
	}
	msg := domain.ProjectMessage{ProjectID: pr.ID, Author: first + " " + last, Body: "Bonjour à toutes et tous.", CreatedAt: now}
	if err := e.store.CreateProjectMessage(ctx, &msg); err != nil {
		t.Fatal(err)
	}
	return person{volunteer: v, project: pr, survey: sv, task: task}
}

// needles are what must not survive an erasure in any file: the name as typed, its parts
// lower-cased and folded as the search index keeps them, and the e-mail address.
func needles() []string {
	list := []string{erasedFirst + " " + erasedLast, erasedEmail, "+30 210 123 4567"}
	for _, w := range []string{erasedFirst, erasedLast} {
		list = append(list, w, strings.ToLower(w), domain.FoldText(w))
	}
	// Stems and prefixes of the index's analyzers ("eleonor", "ζαχαρ") are contained in the
	// words above or below.
	list = append(list, "eleonor", "ζαχαρ")
	return list
}

// filesContaining returns, for each needle, the files under dir (backups/ aside) whose bytes
// contain it.
func filesContaining(t *testing.T, dir string, needles []string) map[string][]string {
	t.Helper()
	found := map[string][]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "backups" {
				return filepath.SkipDir
			}
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, n := range needles {
			if bytes.Contains(data, []byte(n)) {
				rel, _ := filepath.Rel(dir, path)
				found[n] = append(found[n], rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func hourTotals(t *testing.T, st *store.Store, projectID int64) (entries, minutes int) {
	t.Helper()
	list, _, err := st.HourEntries(context.Background(), store.HourFilter{ProjectID: projectID})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range list {
		minutes += h.Minutes
	}
	return len(list), minutes
}

func searchTotal(t *testing.T, v *Volunteers, text string) int {
	t.Helper()
	res, err := v.Search(context.Background(), domain.LocalAdmin(), SearchParams{Text: text, Status: "all"})
	if err != nil {
		t.Fatal(err)
	}
	return res.Total
}

func newClock() *testClock { return &testClock{t: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)} }

// THE erasure test: a real data folder, a person present in every table and in the index;
// after the erasure none of their words is left in any file of the folder.
func TestErasureLeavesNoTraceInTheDataFolder(t *testing.T) {
	env := openPrivacyEnv(t, t.TempDir(), newClock())
	ctx := context.Background()
	other := addPerson(t, env, "Ольга", "Иванова", "olga@exemple.fr")
	p := addPerson(t, env, erasedFirst, erasedLast, erasedEmail)
	if err := env.indexer.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if n := searchTotal(t, env.volunteers, "Ζαχαρίου"); n != 1 {
		t.Fatalf("before erasure, search finds %d, want 1", n)
	}
	// The test can fail: before the erasure the words are in the database and the index.
	before := filesContaining(t, env.dir, needles())
	if len(before[erasedEmail]) == 0 || len(before[erasedLast]) == 0 {
		t.Fatalf("control: the name or e-mail is in no file before erasure: %v", before)
	}
	inIndex := false
	for _, f := range before["eleonore"] {
		inIndex = inIndex || strings.HasPrefix(f, "index")
	}
	if !inIndex {
		t.Fatalf("control: the folded term is in no index file before erasure: %v", before)
	}
	entriesBefore, minutesBefore := hourTotals(t, env.store, p.project.ID)

	res, err := env.privacy.Erase(ctx, domain.LocalAdmin(), p.volunteer.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Counts.Hours != 2 || res.Counts.Applications != 1 || res.Counts.Consents != 3 || res.Counts.Skills != 2 ||
		res.Counts.Responses != 1 || res.Counts.Messages != 1 || res.Counts.Tasks != 1 || res.Counts.Projects != 1 {
		t.Errorf("counts = %+v", res.Counts)
	}
	if after := filesContaining(t, env.dir, needles()); len(after) > 0 {
		t.Errorf("after erasure, personal data is still in: %v", after)
	}
	if entries, minutes := hourTotals(t, env.store, p.project.ID); entries != entriesBefore || minutes != minutesBefore {
		t.Errorf("hours after erasure: %d entries, %d min; want %d, %d", entries, minutes, entriesBefore, minutesBefore)
	}
	if n := searchTotal(t, env.volunteers, "Ζαχαρίου"); n != 0 {
		t.Errorf("search still finds the erased person: %d", n)
	}
	if n := searchTotal(t, env.volunteers, "Ольга"); n != 1 {
		t.Errorf("the other person is no longer found: %d", n)
	}
	if _, err := env.store.Volunteer(ctx, other.volunteer.ID); err != nil {
		t.Errorf("the other person was touched: %v", err)
	}
}

// Every table that named the person: rows gone or made anonymous; the ledger and the audit log
// record the erasure without personal data.
func TestEraseVolunteerEveryTable(t *testing.T) {
	env := openPrivacyEnv(t, t.TempDir(), newClock())
	ctx := context.Background()
	p := addPerson(t, env, erasedFirst, erasedLast, erasedEmail)
	id := p.volunteer.ID
	if _, err := env.privacy.Erase(ctx, domain.LocalAdmin(), id); err != nil {
		t.Fatal(err)
	}
	if _, err := env.store.Volunteer(ctx, id); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("profile: %v, want not found", err)
	}
	hours, _, err := env.store.HourEntries(ctx, store.HourFilter{ProjectID: p.project.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hours {
		if h.VolunteerID != 0 || h.Note != "" || h.EnteredBy != "" || h.VolunteerName != "" || h.Minutes == 0 {
			t.Errorf("hour entry kept with the person: %+v", h)
		}
	}
	if apps, _ := env.store.VolunteerApplications(ctx, id); len(apps) != 0 {
		t.Errorf("applications left: %+v", apps)
	}
	if tasks, _ := env.store.Tasks(ctx, p.project.ID); len(tasks) != 1 || tasks[0].AssigneeID != 0 {
		t.Errorf("tasks = %+v, want one, unassigned", tasks)
	}
	if pr, _ := env.store.Project(ctx, p.project.ID); pr.CreatedByVolunteerID != 0 {
		t.Errorf("project still created by %d", pr.CreatedByVolunteerID)
	}
	if rs, _ := env.store.SurveyResponses(ctx, p.survey.ID); len(rs) != 1 || rs[0].VolunteerID != 0 {
		t.Errorf("survey responses = %+v, want one, anonymous", rs)
	}
	if cs, _ := env.store.ConsentHistory(ctx, id); len(cs) != 0 {
		t.Errorf("consents left: %+v", cs)
	}
	msgs, _, err := env.store.ProjectMessages(ctx, p.project.ID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 1 || msgs[0].Author != store.ErasedAuthor {
		t.Errorf("messages = %+v", msgs)
	}
	ledger, err := env.store.Erasures(ctx)
	if err != nil || len(ledger) != 1 || ledger[0].VolunteerID != id || !ledger[0].CreatedAt.Equal(p.volunteer.CreatedAt) ||
		ledger[0].Reason != domain.ErasureOnRequest {
		t.Errorf("ledger = %+v, %v", ledger, err)
	}
	file, err := readLedger(filepath.Join(env.dir, ErasureLedgerFile))
	if err != nil || len(file) != 1 || file[0].VolunteerID != id {
		t.Errorf("ledger file = %+v, %v", file, err)
	}
	// The person's audit entries are marked: a later person with this ID does not inherit them.
	if page, _ := env.privacy.AuditLog(ctx, domain.LocalAdmin(), id, 0, 0); page.Total != 0 {
		t.Errorf("audit entries still listed for ID %d: %+v", id, page.Items)
	}
	all, err := env.privacy.AuditLog(ctx, domain.LocalAdmin(), 0, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if all.Items[0].Action != domain.AuditVolunteerErased || !all.Items[0].Erased || !strings.Contains(all.Items[0].Detail, "hours=2") {
		t.Errorf("newest audit entry = %+v", all.Items[0])
	}
	var actions []string
	for _, e := range all.Items {
		actions = append(actions, string(e.Action))
		if strings.Contains(e.Detail, erasedFirst) || strings.Contains(e.Detail, erasedEmail) {
			t.Errorf("audit detail holds personal data: %+v", e)
		}
	}
	if got := strings.Join(actions, " "); got != "volunteer.erased consent.changed volunteer.created" {
		t.Errorf("audit actions = %s", got)
	}
	// Viewers may not erase; an unknown person is not found.
	if _, err := env.privacy.Erase(ctx, domain.Actor{ID: "v", Role: domain.RoleViewer}, id); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("viewer erase: %v", err)
	}
	if _, err := env.privacy.Erase(ctx, domain.LocalAdmin(), id); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("erase again: %v, want not found", err)
	}
}

// copyDB copies the database of a closed data folder, as a backup would hold it.
func copyDB(t *testing.T, from, to string) {
	t.Helper()
	for _, suffix := range []string{"", "-wal"} {
		os.Remove(to + suffix)
		data, err := os.ReadFile(from + suffix)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to+suffix, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	os.Remove(to + "-shm")
}

// Restoring an older database brings back a person erased since: Reapply erases them again,
// but not the new person who was given the ID of someone erased earlier.
func TestReapplyErasesAgainAfterRestoreButNotAReusedID(t *testing.T) {
	dir := t.TempDir()
	clock := newClock()
	ctx := context.Background()
	admin := domain.LocalAdmin()
	db := filepath.Join(dir, "civisphere.db")
	backup := filepath.Join(t.TempDir(), "older.db")

	env := openPrivacyEnv(t, dir, clock)
	anna, err := env.volunteers.Create(ctx, admin, domain.Volunteer{FirstName: "Anna", LastName: "Ελένη"})
	if err != nil {
		t.Fatal(err)
	}
	bruno, err := env.volunteers.Create(ctx, admin, domain.Volunteer{FirstName: "Bruno", LastName: "Besançon"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.privacy.Erase(ctx, admin, bruno.ID); err != nil {
		t.Fatal(err)
	}
	dora, err := env.volunteers.Create(ctx, admin, domain.Volunteer{FirstName: "Dora", LastName: "Œuvre"})
	if err != nil {
		t.Fatal(err)
	}
	if dora.ID != bruno.ID {
		t.Fatalf("the test needs the ID to be given again: Dora has %d, Bruno had %d", dora.ID, bruno.ID)
	}
	env.close()
	copyDB(t, db, backup) // the backup: Anna and Dora, Bruno in the ledger

	env = openPrivacyEnv(t, dir, clock)
	if _, err := env.privacy.Erase(ctx, admin, anna.ID); err != nil {
		t.Fatal(err)
	}
	env.close()
	copyDB(t, backup, db) // restore the older database; the ledger file stays
	// The index is newer than the database: the indexer sees it and rebuilds.

	env = openPrivacyEnv(t, dir, clock)
	if _, err := env.store.Volunteer(ctx, anna.ID); err != nil {
		t.Fatalf("the restored database should have Anna back: %v", err)
	}
	for round := 1; round <= 2; round++ { // idempotent
		if err := env.privacy.Reapply(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := env.store.Volunteer(ctx, anna.ID); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("round %d: Anna not erased again: %v", round, err)
		}
		if v, err := env.store.Volunteer(ctx, dora.ID); err != nil || v.FirstName != "Dora" {
			t.Errorf("round %d: Dora, who has Bruno's old ID, was touched: %+v %v", round, v, err)
		}
		ledger, err := env.store.Erasures(ctx)
		if err != nil || len(ledger) != 2 {
			t.Errorf("round %d: ledger table = %+v, %v; want Bruno and Anna", round, ledger, err)
		}
		file, err := readLedger(filepath.Join(dir, ErasureLedgerFile))
		if err != nil || len(file) != 2 {
			t.Errorf("round %d: ledger file = %+v, %v; want 2 lines", round, file, err)
		}
	}
	if n := searchTotal(t, env.volunteers, "Anna"); n != 0 {
		t.Errorf("Anna is found by search after Reapply: %d", n)
	}
	if n := searchTotal(t, env.volunteers, "Dora"); n != 1 {
		t.Errorf("Dora is not found by search: %d", n)
	}
}

func TestRetentionPreviewAndPurge(t *testing.T) {
	clock := newClock()
	env := openPrivacyEnv(t, t.TempDir(), clock)
	ctx := context.Background()
	admin := domain.LocalAdmin()
	clock.set(time.Date(2021, 3, 1, 9, 0, 0, 0, time.UTC))
	old, err := env.volunteers.Create(ctx, admin, domain.Volunteer{FirstName: "Élodie", LastName: "Ancienne"})
	if err != nil {
		t.Fatal(err)
	}
	comesBack, err := env.volunteers.Create(ctx, admin, domain.Volunteer{FirstName: "Ольга", LastName: "Revient"})
	if err != nil {
		t.Fatal(err)
	}
	withHours, err := env.volunteers.Create(ctx, admin, domain.Volunteer{FirstName: "Ελένη", LastName: "Heures"})
	if err != nil {
		t.Fatal(err)
	}
	clock.set(time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC))
	asso := domain.Organization{Kind: domain.KindAssociation, Name: "Œuvre", CreatedAt: clock.now(), UpdatedAt: clock.now()}
	if err := env.store.CreateOrganization(ctx, &asso, nil); err != nil {
		t.Fatal(err)
	}
	pr := domain.Project{Title: "Jardin", OrganizationID: asso.ID, Status: domain.ProjectInProgress, CreatedAt: clock.now(), UpdatedAt: clock.now()}
	if err := env.store.CreateProject(ctx, &pr, nil); err != nil {
		t.Fatal(err)
	}
	if err := env.store.CreateHourEntries(ctx, []*domain.HourEntry{{VolunteerID: withHours.ID, ProjectID: pr.ID, Date: "2026-05-30",
		Minutes: 60, Status: domain.HoursApproved, CreatedAt: clock.now(), UpdatedAt: clock.now()}}, "2026-06-01"); err != nil {
		t.Fatal(err)
	}
	recent, err := env.volunteers.Create(ctx, admin, domain.Volunteer{FirstName: "Zoé", LastName: "Récente"})
	if err != nil {
		t.Fatal(err)
	}
	clock.set(time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC))

	preview, err := env.privacy.PreviewRetention(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	if preview.Months != domain.DefaultRetentionMonths || preview.Cutoff != "2023-11-25" {
		t.Errorf("preview period = %d months, cutoff %s", preview.Months, preview.Cutoff)
	}
	var ids []int64
	for _, v := range preview.Items {
		ids = append(ids, v.ID)
	}
	if len(ids) != 2 || ids[0] != old.ID || ids[1] != comesBack.ID || preview.Items[0].LastActivity != "2021-03-01" {
		t.Fatalf("preview = %+v, want Élodie and Ольга", preview.Items)
	}
	// Between the preview and the purge, one of them gives a consent: she is active again.
	if _, err := env.volunteers.SetConsent(ctx, admin, comesBack.ID, domain.ConsentContact, true); err != nil {
		t.Fatal(err)
	}
	res, err := env.privacy.PurgeInactive(ctx, admin, append(ids, recent.ID))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Erased) != 1 || res.Erased[0] != old.ID || len(res.Kept) != 2 {
		t.Errorf("purge = %+v, want Élodie erased, Ольга and Zoé kept", res)
	}
	for _, id := range []int64{comesBack.ID, withHours.ID, recent.ID} {
		if _, err := env.store.Volunteer(ctx, id); err != nil {
			t.Errorf("volunteer %d should be kept: %v", id, err)
		}
	}
	ledger, _ := env.store.Erasures(ctx)
	if len(ledger) != 1 || ledger[0].Reason != domain.ErasureRetention {
		t.Errorf("ledger = %+v", ledger)
	}
	// A shorter period brings the volunteer with hours in; viewers may neither preview nor set it.
	if _, err := env.privacy.SetRetention(ctx, admin, domain.Retention{Months: 3}); err != nil {
		t.Fatal(err)
	}
	if preview, _ = env.privacy.PreviewRetention(ctx, admin); len(preview.Items) != 2 {
		t.Errorf("3 months: preview = %+v, want Ελένη and Zoé", preview.Items)
	}
	viewer := domain.Actor{ID: "v", Role: domain.RoleViewer}
	if _, err := env.privacy.PreviewRetention(ctx, viewer); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("viewer preview: %v", err)
	}
	if _, err := env.privacy.SetRetention(ctx, domain.Actor{ID: "c", Role: domain.RoleCoordinator}, domain.Retention{Months: 12}); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("coordinator sets retention: %v", err)
	}
	if _, err := env.privacy.SetRetention(ctx, admin, domain.Retention{Months: 0}); err == nil {
		t.Error("0 months accepted")
	}
	if _, err := env.privacy.PurgeInactive(ctx, admin, nil); err == nil {
		t.Error("an empty purge accepted")
	}
}

func TestAuditPruningKeepsTwelveMonths(t *testing.T) {
	clock := newClock()
	env := openPrivacyEnv(t, t.TempDir(), clock)
	ctx := context.Background()
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	for _, at := range []time.Time{now.AddDate(-2, 0, 0), now.AddDate(0, -12, -1), now.AddDate(0, -11, 0), now} {
		if err := env.store.AddAuditEntry(ctx, domain.AuditEntry{At: at, ActorID: "local", Action: domain.AuditVolunteersExported, Detail: "format=csv"}); err != nil {
			t.Fatal(err)
		}
	}
	clock.set(now)
	n, err := env.privacy.PruneAudit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	page, err := env.privacy.AuditLog(ctx, domain.LocalAdmin(), 0, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 || page.Total != 2 {
		t.Errorf("pruned %d, %d left; want 2 and 2", n, page.Total)
	}
	if _, err := env.privacy.AuditLog(ctx, domain.Actor{Role: domain.RoleViewer}, 0, 10, 0); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("viewer reads the audit log: %v", err)
	}
}

func TestPersonalDataExportHoldsEverything(t *testing.T) {
	env := openPrivacyEnv(t, t.TempDir(), newClock())
	ctx := context.Background()
	p := addPerson(t, env, erasedFirst, erasedLast, erasedEmail)
	data, err := env.privacy.ExportPersonalData(ctx, domain.LocalAdmin(), p.volunteer.ID, "json")
	if err != nil {
		t.Fatal(err)
	}
	if data.Volunteer.Email != erasedEmail || len(data.Volunteer.Skills) != 2 || len(data.Consents) != 3 ||
		len(data.Applications) != 1 || data.Applications[0].ProjectTitle != "Aide aux devoirs" || len(data.Hours) != 2 ||
		len(data.Responses) != 1 || data.Responses[0].Answers[0].Answer != "La patience." ||
		data.Responses[0].Answers[0].Question != "Qu'avez-vous appris ?" {
		t.Errorf("export = %+v", data)
	}
	// The export itself is the newest audit entry.
	if len(data.Audit) != 3 || data.Audit[0].Action != domain.AuditVolunteerExported || data.Audit[0].Detail != "format=json" {
		t.Errorf("audit = %+v", data.Audit)
	}
	if _, err := env.privacy.ExportPersonalData(ctx, domain.Actor{Role: domain.RoleViewer}, p.volunteer.ID, "json"); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("viewer export: %v", err)
	}
	if _, err := env.privacy.ExportPersonalData(ctx, domain.LocalAdmin(), 999, "json"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown export: %v", err)
	}
}
