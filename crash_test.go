package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/store"
)

// serveEnv, when set to a data folder, makes the test binary run `civisphere serve` on it
// instead of the tests: the crash test starts the server as a separate process it can kill.
const serveEnv = "CIVISPHERE_TEST_SERVE_DATA"

func TestMain(m *testing.M) {
	if dir := os.Getenv(serveEnv); dir != "" {
		os.Exit(run([]string{"serve", "--addr", "127.0.0.1:0", "--data", dir}, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// Crash test settings: a few rounds keep it well under a minute with -race. CIVISPHERE_CRASH_SEED
// replays a run; CIVISPHERE_CRASH_OUT names a JSON file for the figures (make bench).
const (
	crashRounds  = 8
	crashWriters = 4
)

var crashCities = []string{"Besançon", "Saint-Étienne", "Łódź", "Αθήνα", "Москва"}
var crashFirstNames = []string{"Élodie", "Ольга", "Ελένη", "Nguyễn", "Zoé", "Œdipe"}

// crashPerson is what the writers know of one volunteer they created: the versions the database
// may hold. A write that got no answer may or may not have been committed.
type crashPerson struct {
	token    string
	id       int64 // 0 until a creation was acknowledged
	acked    int   // version acknowledged last; -1 when the creation was never acknowledged
	possible []int // acked and every version sent since without an answer
}

// crashVersion is the profile of a person at one version: every field says the version, so a
// profile mixing two writes would show.
func crashVersion(token string, version int) map[string]any {
	return map[string]any{
		"firstName": crashFirstNames[int(token[0])%len(crashFirstNames)],
		"lastName":  "Lefèvre-" + token,
		"email":     token + "@exemple.fr",
		"city":      crashCities[version%len(crashCities)],
		"bio":       fmt.Sprintf("Œuvre version %d du jeton %s", version, token),
		"skills": []map[string]string{
			{"name": "compta", "level": string(domain.SkillLevels[version%4])},
			{"name": "Traduction " + token, "level": "expert"},
		},
	}
}

// crashVersionOf reads the version a stored profile is at, checking that all of it agrees.
func crashVersionOf(v domain.Volunteer) (int, error) {
	var version int
	var token string
	if _, err := fmt.Sscanf(v.Bio, "Œuvre version %d du jeton %s", &version, &token); err != nil {
		return 0, fmt.Errorf("bio %q: %w", v.Bio, err)
	}
	want := crashVersion(token, version)
	skills := want["skills"].([]map[string]string)
	switch {
	case v.LastName != want["lastName"] || v.FirstName != want["firstName"] || v.Email != want["email"]:
		return 0, fmt.Errorf("names %q %q %q, want version %d of %s", v.FirstName, v.LastName, v.Email, version, token)
	case v.City != want["city"]:
		return 0, fmt.Errorf("city %q, want %q (version %d)", v.City, want["city"], version)
	case len(v.Skills) != 2 || v.Skills[0].SkillID != "accounting" || string(v.Skills[0].Level) != skills[0]["level"] ||
		!strings.HasSuffix(v.Skills[1].Name, token):
		return 0, fmt.Errorf("skills %+v, want version %d", v.Skills, version)
	}
	return version, nil
}

// crashServer is one `civisphere serve` process on the data folder.
type crashServer struct {
	cmd  *exec.Cmd
	base string
	logs *bytes.Buffer
}

func startCrashServer(t *testing.T, dir string) *crashServer {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), serveEnv+"="+dir)
	logs := &bytes.Buffer{}
	cmd.Stderr = logs
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &crashServer{cmd: cmd, logs: logs}
	lines := bufio.NewScanner(stdout)
	for lines.Scan() {
		if _, after, ok := strings.Cut(lines.Text(), "open http://"); ok {
			s.base = "http://" + strings.Fields(after)[0]
			break
		}
	}
	if s.base == "" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the server did not start: %s", logs)
	}
	go io.Copy(io.Discard, stdout) //nolint:errcheck // keeps the pipe drained
	return s
}

func (s *crashServer) kill(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	s.cmd.Wait() //nolint:errcheck // killed on purpose
}

// stop ends the server as Ctrl+C would.
func (s *crashServer) stop(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Wait(); err != nil {
		t.Errorf("server exit: %v\n%s", err, s.logs)
	}
}

func crashCall(ctx context.Context, client *http.Client, method, url string, body any, out any) (int, error) {
	var r io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			return 0, err
		}
		r = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, r)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return res.StatusCode, err // the answer was cut: not acknowledged
	}
	if res.StatusCode >= 300 {
		return res.StatusCode, fmt.Errorf("%s %s: %d %s", method, url, res.StatusCode, raw)
	}
	if out != nil {
		return res.StatusCode, json.Unmarshal(raw, out)
	}
	return res.StatusCode, nil
}

// crashWriter creates and updates its own volunteers until ctx ends, recording what was
// acknowledged.
func crashWriter(ctx context.Context, client *http.Client, base string, rng *rand.Rand, people *[]*crashPerson, hours *[]crashHours, projectID string, counts *crashCounts) {
	for ctx.Err() == nil {
		var owned []*crashPerson
		for _, p := range *people {
			if p.id != 0 {
				owned = append(owned, p)
			}
		}
		if len(owned) == 0 || rng.IntN(10) < 6 {
			token := crashToken(rng)
			p := &crashPerson{token: token, acked: -1, possible: []int{0}}
			*people = append(*people, p)
			var created struct{ ID string }
			if status, err := crashCall(ctx, client, http.MethodPost, base+"/api/volunteers", crashVersion(token, 0), &created); err != nil {
				if counts.failed(status, err) {
					return
				}
				continue
			}
			p.id, _ = strconv.ParseInt(created.ID, 10, 64)
			p.acked, p.possible = 0, []int{0}
			counts.add(&counts.acknowledged)
			continue
		}
		p := owned[rng.IntN(len(owned))]
		if rng.IntN(4) == 0 {
			// Half an hour on the project, with a note naming the person and the entry.
			note := fmt.Sprintf("jeton %s n%d", p.token, len(*hours))
			entry := map[string]any{"volunteerId": strconv.FormatInt(p.id, 10), "projectId": projectID,
				"date": time.Date(2025, 1, 1+len(*hours)%300, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), "hours": 0.5, "note": note}
			var created struct{ ID string }
			if status, err := crashCall(ctx, client, http.MethodPost, base+"/api/hours", entry, &created); err != nil {
				if counts.failed(status, err) {
					return
				}
				continue
			}
			id, _ := strconv.ParseInt(created.ID, 10, 64)
			*hours = append(*hours, crashHours{id: id, volunteerID: p.id, note: note})
			counts.add(&counts.acknowledged)
			continue
		}
		next := p.possible[len(p.possible)-1] + 1
		p.possible = append(p.possible, next)
		if status, err := crashCall(ctx, client, http.MethodPut, fmt.Sprintf("%s/api/volunteers/%d", base, p.id), crashVersion(p.token, next), nil); err != nil {
			if counts.failed(status, err) {
				return
			}
			continue
		}
		p.acked, p.possible = next, []int{next}
		counts.add(&counts.acknowledged)
	}
}

// crashHours is an hour entry whose creation was acknowledged.
type crashHours struct {
	id, volunteerID int64
	note            string
}

func crashToken(rng *rand.Rand) string {
	b := make([]byte, 9)
	for i := range b {
		b[i] = byte('a' + rng.IntN(26))
	}
	return string(b)
}

type crashCounts struct {
	mu                                sync.Mutex
	acknowledged, unanswered, refused int
	firstRefusal                      string
}

// failed records a write without an acknowledgement and says whether the writer should stop:
// without an answer the server is gone (killed); an answer refusing the write is a bug of the
// server or of this test, reported at the end.
func (c *crashCounts) failed(status int, err error) (stop bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if status >= 300 {
		c.refused++
		if c.firstRefusal == "" {
			c.firstRefusal = err.Error()
		}
		return false
	}
	c.unanswered++
	return true
}

func (c *crashCounts) add(n *int) {
	c.mu.Lock()
	*n++
	c.mu.Unlock()
}

// TestKillNineLosesNoAcknowledgedWrite runs `civisphere serve`, writes through the API from
// several clients at once, kills the server with SIGKILL at random moments over several rounds,
// restarts it on the same folder each time, and then checks that every acknowledged write is
// in the database, that no profile is half-written, and that once the index says it is ready,
// search agrees with the database.
func TestKillNineLosesNoAcknowledgedWrite(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("CIVISPHERE_CRASH_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("seed %d (CIVISPHERE_CRASH_SEED=%d replays this run)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	dir := filepath.Join(t.TempDir(), "Données Besançon")
	client := &http.Client{Timeout: 10 * time.Second}
	people := make([][]*crashPerson, crashWriters)
	hours := make([][]crashHours, crashWriters)
	projectID := ""
	counts := &crashCounts{}
	started := time.Now()
	rebuilds := 0 // starts that found the index unusable and rebuilt it

	for round := 1; round <= crashRounds; round++ {
		srv := startCrashServer(t, dir)
		ctx, cancel := context.WithCancel(context.Background())
		if projectID == "" {
			// Hours are logged on one project of one association, made before the first kill.
			var org, project struct{ ID string }
			if _, err := crashCall(ctx, client, http.MethodPost, srv.base+"/api/organizations",
				map[string]string{"name": "Œuvre des Jardins de Besançon", "kind": "association"}, &org); err != nil {
				t.Fatal(err)
			}
			if _, err := crashCall(ctx, client, http.MethodPost, srv.base+"/api/projects",
				map[string]string{"title": "Comptabilité 2027 — Ольга", "organizationId": org.ID, "status": "inProgress"}, &project); err != nil {
				t.Fatal(err)
			}
			projectID = project.ID
		}
		var wg sync.WaitGroup
		for w := range crashWriters {
			writerRng := rand.New(rand.NewPCG(seed, uint64(round*100+w)))
			wg.Add(1)
			go func() {
				defer wg.Done()
				crashWriter(ctx, client, srv.base, writerRng, &people[w], &hours[w], projectID, counts)
			}()
		}
		time.Sleep(time.Duration(150+rng.IntN(900)) * time.Millisecond)
		srv.kill(t)
		cancel()
		wg.Wait()
		rebuilds += strings.Count(srv.logs.String(), "search index: rebuilding")
	}

	// The last start: the index catches up or is rebuilt; search answers meanwhile.
	srv := startCrashServer(t, dir)
	defer srv.stop(t)
	ctx := context.Background()
	if counts.refused > 0 {
		t.Errorf("%d writes refused; the first: %s", counts.refused, counts.firstRefusal)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		var st struct{ State string }
		if _, err := crashCall(ctx, client, http.MethodGet, srv.base+"/api/search/index", nil, &st); err != nil {
			t.Fatal(err)
		}
		if st.State == "ready" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the index is still %q after a minute\n%s", st.State, srv.logs)
		}
		time.Sleep(20 * time.Millisecond)
	}

	// The database, read beside the server: every profile whole, every acknowledged write there.
	st, err := store.Open(ctx, filepath.Join(dir, "civisphere.db"))
	if err != nil {
		t.Fatal(err)
	}
	stored := map[int64]domain.Volunteer{}
	_, err = st.EachVolunteer(ctx, func(v domain.Volunteer) error {
		stored[v.ID] = v
		return nil
	})
	var storedHours []store.HourEntryView
	if err == nil {
		storedHours, _, err = st.HourEntries(ctx, store.HourFilter{})
	}
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	hoursByID := map[int64]store.HourEntryView{}
	for _, h := range storedHours {
		hoursByID[h.ID] = h
		v, ok := stored[h.VolunteerID]
		if h.Minutes != 30 || !ok || !strings.HasPrefix(h.Note, "jeton "+strings.TrimPrefix(v.LastName, "Lefèvre-")+" n") {
			t.Errorf("hour entry %d is half-written or lost its person: %+v", h.ID, h.HourEntry)
		}
	}
	for _, v := range stored {
		if _, err := crashVersionOf(v); err != nil {
			t.Errorf("volunteer %d is half-written: %v", v.ID, err)
		}
	}
	lost, checked := 0, 0
	for _, list := range people {
		for _, p := range list {
			if p.id == 0 {
				continue // never acknowledged: may or may not be there, but whole (checked above)
			}
			checked++
			v, ok := stored[p.id]
			if !ok {
				lost++
				t.Errorf("volunteer %d (%s), created and acknowledged, is gone", p.id, p.token)
				continue
			}
			version, _ := crashVersionOf(v)
			if version < p.acked || !containsInt(p.possible, version) {
				lost++
				t.Errorf("volunteer %d (%s) is at version %d; acknowledged %d, possible %v", p.id, p.token, version, p.acked, p.possible)
			}
		}
	}

	hoursChecked := 0
	for _, list := range hours {
		for _, h := range list {
			hoursChecked++
			got, ok := hoursByID[h.id]
			if !ok || got.VolunteerID != h.volunteerID || got.Note != h.note {
				lost++
				t.Errorf("hour entry %d (%s), acknowledged, is gone or changed: %+v", h.id, h.note, got.HourEntry)
			}
		}
	}

	// Search agrees with the database: the same count, and everyone found by their token in
	// the city the database holds.
	var all struct {
		Total  int
		Source string
	}
	if _, err := crashCall(ctx, client, http.MethodGet, srv.base+"/api/volunteers?status=all&limit=1", nil, &all); err != nil {
		t.Fatal(err)
	}
	if all.Total != len(stored) || all.Source != "index" {
		t.Errorf("search counts %d volunteers (from %s), the database %d", all.Total, all.Source, len(stored))
	}
	unfindable := 0
	for id, v := range stored {
		token := strings.TrimPrefix(v.LastName, "Lefèvre-")
		var res struct {
			Items []struct{ ID string }
		}
		q := url.Values{"q": {token + " "}, "city": {v.City}, "limit": {"200"}}
		if _, err := crashCall(ctx, client, http.MethodGet, srv.base+"/api/volunteers?"+q.Encode(), nil, &res); err != nil {
			t.Fatal(err)
		}
		if len(res.Items) == 0 || res.Items[0].ID != strconv.FormatInt(id, 10) {
			unfindable++
			t.Errorf("volunteer %d (%s in %s) is not the first result of a search for its token: %+v", id, token, v.City, res.Items)
		}
	}

	figures := map[string]any{
		"seed": seed, "rounds": crashRounds, "kills": crashRounds, "writers": crashWriters,
		"writesAcknowledged": counts.acknowledged, "writesUnanswered": counts.unanswered,
		"writesLost": lost, "volunteersAcknowledged": checked, "volunteersStored": len(stored),
		"hourEntriesAcknowledged": hoursChecked, "hourEntriesStored": len(storedHours),
		"searchUnfindable": unfindable, "indexRebuilds": rebuilds, "seconds": time.Since(started).Seconds(),
	}
	t.Logf("crash test: %d rounds, %d kills, %d writes acknowledged, %d cut by a kill, %d lost; %d volunteers stored, %d acknowledged, %d not found by search; %d hour entries stored, %d acknowledged; index rebuilt at %d starts; %.1f s",
		crashRounds, crashRounds, counts.acknowledged, counts.unanswered, lost, len(stored), checked, unfindable, len(storedHours), hoursChecked, rebuilds, time.Since(started).Seconds())
	if out := os.Getenv("CIVISPHERE_CRASH_OUT"); out != "" {
		raw, err := json.MarshalIndent(figures, "", "  ")
		if err == nil {
			err = os.WriteFile(out, raw, 0o644)
		}
		if err != nil {
			t.Error(errors.Join(errors.New("write crash figures"), err))
		}
	}
	if counts.acknowledged == 0 {
		t.Error("no write was acknowledged: the test proved nothing")
	}
}

func containsInt(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}
