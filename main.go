// Command civisphere is Civisphère: a desktop window (Wails) or, with `serve`, the same
// interface and API over HTTP for browsers.
//
//	civisphere [--data DIR]                                 opens the desktop window
//	civisphere serve [--addr 127.0.0.1:8080] [--data DIR]   serves the UI and API over HTTP
//	civisphere demo --volunteers N --seed S [--projects N] [--hours N] [--data DIR]   fills an empty data folder with examples
//	civisphere reindex [--data DIR]                        rebuilds the search index
//	civisphere backup --out FILE [--data DIR]              writes a backup of the data folder
//	civisphere restore [--data DIR] FILE                   restores a backup (the app closed)
//	civisphere version
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/civisphere/civisphere/app"
	"github.com/civisphere/civisphere/backend/backup"
	"github.com/civisphere/civisphere/backend/datalock"
	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/guides"
	"github.com/civisphere/civisphere/backend/httpapi"
	"github.com/civisphere/civisphere/backend/service"
	"github.com/civisphere/civisphere/backend/store"
	"github.com/civisphere/civisphere/backend/taxonomy"
	"github.com/civisphere/civisphere/frontend"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

const usage = `Civisphère — skills-based volunteering / bénévolat de compétences

Usage:
  civisphere [--data DIR]                                 open the desktop window
  civisphere serve [--addr 127.0.0.1:8080] [--data DIR]   serve the interface over HTTP
  civisphere demo --volunteers N --seed S [--projects N] [--hours N] [--data DIR]   fill an empty data folder with realistic examples
  civisphere reindex [--data DIR]                         rebuild the search index from the database
  civisphere backup --out FILE [--data DIR]               write a consistent backup of the data folder to FILE (.zip)
  civisphere restore [--data DIR] FILE                    replace the data with the backup FILE, Civisphère closed
                                                          (the current state is backed up first)
  civisphere version                                      print the version

The data folder is --data, else $CIVISPHERE_DATA, else %s.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run parses the command line and runs one mode; it returns the process exit code.
func run(args []string, stdout, stderr io.Writer) int {
	command := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		command, args = args[0], args[1:]
	}
	switch command {
	case "":
		return runDesktop(args, stdout, stderr)
	case "serve":
		return runServe(args, stdout, stderr)
	case "demo":
		return runDemo(args, stdout, stderr)
	case "reindex":
		return runReindex(args, stdout, stderr)
	case "backup":
		return runBackup(args, stdout, stderr)
	case "restore":
		return runRestore(args, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "civisphere", version)
		return 0
	case "help":
		fmt.Fprintf(stdout, usage, defaultDataDir())
		return 0
	default:
		fmt.Fprintf(stderr, "civisphere: unknown command %q\n\n"+usage, command, defaultDataDir())
		return 2
	}
}

func newFlagSet(name string, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataDir := fs.String("data", "", "data folder (default $CIVISPHERE_DATA or "+defaultDataDir()+")")
	return fs, dataDir
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs, dataFlag := newFlagSet("serve", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on; loopback keeps it to this computer")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	listener, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "civisphere: cannot listen on %s: %v\n(is Civisphère already running? choose another port with --addr)\n", *addr, err)
		return 1
	}
	dataDir := resolveDataDir(*dataFlag)
	folder, err := openDataFolder(ctx, dataDir, stderr, loopbackHosts(listener.Addr()))
	if err != nil {
		listener.Close()
		fmt.Fprintln(stderr, "civisphere:", err)
		return 1
	}
	defer folder.close()

	srv := &http.Server{
		Handler:           folder.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(folder.log.Handler(), slog.LevelWarn),
	}
	url := "http://" + displayAddr(listener.Addr())
	if folder.damaged != nil {
		fmt.Fprintf(stdout, "Civisphère %s: THE DATABASE IS DAMAGED (%v).\nNothing was changed: open %s in your browser to restore a backup.\nData folder: %s\nStop with Ctrl+C.\n", version, folder.damaged, url, dataDir)
	} else {
		fmt.Fprintf(stdout, "Civisphère %s is running: open %s in your browser\nData folder: %s\nStop with Ctrl+C.\n", version, url, dataDir)
	}
	if !isLoopback(listener.Addr()) {
		fmt.Fprintln(stdout, "Warning: listening beyond this computer; anyone on the network can open it, and there are no accounts yet.")
	}

	errs := make(chan error, 1)
	go func() { errs <- srv.Serve(listener) }()
	select {
	case err := <-errs:
		fmt.Fprintln(stderr, "civisphere: server stopped:", err)
		return 1
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		fmt.Fprintln(stderr, "civisphere: shutdown:", err)
		return 1
	}
	return 0
}

func runDesktop(args []string, stdout, stderr io.Writer) int {
	fs, dataFlag := newFlagSet("civisphere", stderr)
	selfTest := fs.Bool("self-test", false, "automated check of the window: save through the UI, then quit (for tests)")
	selfTestHold := fs.Duration("self-test-hold", 5*time.Second, "with --self-test: how long to keep the window open after success")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	ctx := context.Background()
	dataDir := resolveDataDir(*dataFlag)
	folder, err := openDataFolder(ctx, dataDir, stderr, nil)
	if err != nil {
		fmt.Fprintln(stderr, "civisphere:", err)
		return 1
	}
	defer folder.close()

	opts := app.Options{Handler: folder.handler, InstanceID: instanceID(dataDir), Stdout: stdout}
	if *selfTest && folder.damaged == nil {
		opts.SelfTest = newSelfTest(folder.current(), *selfTestHold)
	}
	if err := app.Run(opts); err != nil {
		fmt.Fprintln(stderr, "civisphere:", err)
		return 1
	}
	return 0
}

// newSelfTest makes a token with accents and a ligature, so the check also proves that UTF-8
// survives the webview, the asset server and SQLite.
func newSelfTest(env *environment, hold time.Duration) *app.SelfTest {
	token := fmt.Sprintf("Auto-test Œuvre de Besançon %d", time.Now().UnixNano())
	return &app.SelfTest{
		Token: token,
		Saved: func(ctx context.Context) (bool, error) {
			p, err := env.settings.OrganizationProfile(ctx, domain.LocalAdmin())
			return p.Name == token, err
		},
		Timeout: 60 * time.Second,
		Hold:    hold,
	}
}

// runDemo fills an empty data folder with generated, realistic volunteers: for trying the app
// and for the benchmarks. The same seed gives the same people.
func runDemo(args []string, stdout, stderr io.Writer) int {
	fs, dataFlag := newFlagSet("demo", stderr)
	count := fs.Int("volunteers", 500, "how many volunteers to generate")
	seed := fs.Int64("seed", 1, "seed of the generator: the same seed gives the same people")
	projects := fs.Int("projects", 30, "how many recruiting projects to generate (with their associations and a sponsor)")
	hours := fs.Int("hours", 2000, "how many hour entries to log on half of the projects, made projects under way since a year")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *projects < 0 || *projects > 100_000 {
		fmt.Fprintln(stderr, "civisphere demo: --projects must be between 0 and 100000")
		return 2
	}
	if *hours < 0 || *hours > 5_000_000 || (*hours > 0 && *projects == 0) {
		fmt.Fprintln(stderr, "civisphere demo: --hours must be between 0 and 5000000, and needs --projects")
		return 2
	}
	if *count < 1 || *count > 1_000_000 {
		fmt.Fprintln(stderr, "civisphere demo: --volunteers must be between 1 and 1000000")
		return 2
	}
	return withCommandEnvironment(*dataFlag, stderr, func(ctx context.Context, env *environment) int {
		started := time.Now()
		progress := newProgressPrinter(stdout)
		err := env.volunteers.AddDemoVolunteers(ctx, domain.LocalAdmin(), *count, *seed, func(done int) {
			progress("Writing volunteers", done, *count)
		})
		if err == nil {
			err = env.index.RebuildNow(ctx, func(done, total int) { progress("Indexing", done, total) })
		}
		if err == nil {
			err = env.projects.AddDemoProjects(ctx, domain.LocalAdmin(), *projects, *seed)
		}
		if err == nil && *hours > 0 {
			err = env.hours.AddDemoHours(ctx, domain.LocalAdmin(), *hours, *seed, func(done int) {
				progress("Logging hours", done, *hours)
			})
		}
		if err != nil {
			fmt.Fprintln(stderr, "\ncivisphere demo:", err)
			return 1
		}
		fmt.Fprintf(stdout, "\n%d volunteers, %d projects and %d hour entries added to %s in %s.\n", *count, *projects, *hours, env.dataDir, time.Since(started).Round(time.Millisecond))
		return 0
	})
}

// runReindex rebuilds the search index from the database, in the foreground.
func runReindex(args []string, stdout, stderr io.Writer) int {
	fs, dataFlag := newFlagSet("reindex", stderr)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	return withCommandEnvironment(*dataFlag, stderr, func(ctx context.Context, env *environment) int {
		started := time.Now()
		progress := newProgressPrinter(stdout)
		if err := env.index.RebuildNow(ctx, func(done, total int) { progress("Indexing", done, total) }); err != nil {
			fmt.Fprintln(stderr, "\ncivisphere reindex:", err)
			return 1
		}
		fmt.Fprintf(stdout, "\nSearch index rebuilt in %s.\n", time.Since(started).Round(time.Millisecond))
		return 0
	})
}

// runBackup writes a backup of the data folder to a file. It may run while the app is open:
// the snapshot is consistent and does not stop the app's writes.
func runBackup(args []string, stdout, stderr io.Writer) int {
	fs, dataFlag := newFlagSet("backup", stderr)
	out := fs.String("out", "", "the backup file to write (.zip); it must not exist")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "civisphere backup: say where to write the backup: civisphere backup --out FILE [--data DIR]")
		return 2
	}
	path, err := filepath.Abs(*out)
	if err != nil {
		fmt.Fprintln(stderr, "civisphere backup:", err)
		return 2
	}
	return withCommandEnvironment(*dataFlag, stderr, func(ctx context.Context, env *environment) int {
		info, err := env.backups.CreateFile(ctx, domain.LocalAdmin(), path, nil)
		if err != nil {
			fmt.Fprintln(stderr, "civisphere backup:", err)
			return 1
		}
		fmt.Fprintf(stdout, "Backup written to %s (%d bytes, %d volunteers, %d documents).\n", path, info.SizeBytes,
			info.Counts["volunteers"], info.Counts["project_documents"])
		return 0
	})
}

// runRestore replaces the data folder's content with a backup while Civisphère is closed: it
// backs up the current state, checks every byte of the backup and its database, swaps the
// files, then rebuilds the search index.
func runRestore(args []string, stdout, stderr io.Writer) int {
	fs, dataFlag := newFlagSet("restore", stderr)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	rest := fs.Args()
	if len(rest) > 0 { // flags after the file: civisphere restore FILE --data DIR
		if err := fs.Parse(rest[1:]); err != nil {
			return 2
		}
		rest = append(rest[:1], fs.Args()...)
	}
	if len(rest) != 1 {
		fmt.Fprintln(stderr, "civisphere restore: name one backup file: civisphere restore [--data DIR] FILE")
		return 2
	}
	archive, err := filepath.Abs(rest[0])
	if err == nil {
		_, err = os.Stat(archive)
	}
	if err != nil {
		fmt.Fprintln(stderr, "civisphere restore:", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	dataDir := resolveDataDir(*dataFlag)
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		fmt.Fprintln(stderr, "civisphere restore:", err)
		return 1
	}
	lock, err := datalock.Exclusive(dataDir)
	if errors.Is(err, datalock.ErrInUse) {
		fmt.Fprintf(stderr, "civisphere restore: Civisphère is running on %s. Close its window or stop `civisphere serve`, then try again "+
			"(or restore from Settings → Backups while it runs). Nothing was changed.\n", dataDir)
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, "civisphere restore:", err)
		return 1
	}
	progress := newProgressPrinter(stdout)
	backedUp := backUpBeforeRestore(ctx, dataDir, stdout, stderr)
	replaced, err := service.RestoreFilesOffline(ctx, dataDir, archive, func(p service.Progress) {
		if p.Total > 0 { // the phase's first report has no size yet
			progress(restorePhase(p.Phase), p.Done, p.Total)
		}
	})
	if err != nil {
		lock.Release() //nolint:errcheck // exiting
		fmt.Fprintln(stderr, "\ncivisphere restore:", err, "\nNothing was changed.")
		return 1
	}
	if backedUp {
		os.RemoveAll(replaced) //nolint:errcheck // the backup of the previous state holds it
	} else {
		fmt.Fprintf(stdout, "\nThe previous database files were kept in %s.\n", replaced)
	}
	env, err := openLockedEnvironment(ctx, dataDir, stderr, false, lock)
	if err != nil {
		lock.Release() //nolint:errcheck // exiting
		fmt.Fprintln(stderr, "\ncivisphere restore: the backup was put in place but cannot be opened:", err)
		return 1
	}
	defer env.close()
	if err := env.backups.AfterRestore(ctx); err != nil {
		fmt.Fprintln(stderr, "\ncivisphere restore:", err)
		return 1
	}
	if err := env.index.RebuildNow(ctx, func(done, total int) { progress("Indexing", done, total) }); err != nil {
		fmt.Fprintln(stderr, "\ncivisphere restore: the data is restored, but the search index was not rebuilt (it will be at the next start):", err)
		return 1
	}
	fmt.Fprintf(stdout, "\nRestored %s into %s.\n", filepath.Base(archive), dataDir)
	return 0
}

// backUpBeforeRestore backs up the data folder's current state; it says whether it could (a
// damaged database may not open: its files are then kept aside by the restore).
func backUpBeforeRestore(ctx context.Context, dataDir string, stdout, stderr io.Writer) bool {
	db := filepath.Join(dataDir, "civisphere.db")
	if _, err := os.Stat(db); err != nil {
		return true // nothing to lose
	}
	st, err := store.Open(ctx, db, store.BeforeMigrate(service.BackupBeforeMigration(dataDir, version, time.Now)))
	if err != nil {
		fmt.Fprintln(stderr, "civisphere restore: the current database could not be opened to back it up:", err)
		return false
	}
	defer st.Close()
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	info, err := service.NewBackups(st, nil, dataDir, version, time.Now, log).Create(ctx, domain.LocalAdmin(), backup.ReasonRestore, nil)
	if err != nil {
		fmt.Fprintln(stderr, "civisphere restore: the current state could not be backed up:", err)
		return false
	}
	fmt.Fprintf(stdout, "The current state was backed up to %s.\n", filepath.Join(service.BackupsFolder(dataDir), info.Name))
	return true
}

func restorePhase(phase string) string {
	if phase == service.PhaseVerifying {
		return "Checking the backup"
	}
	return "Restoring"
}

// withCommandEnvironment opens the data folder for a command that manages the search index
// itself, runs it until done or interrupted (Ctrl+C cancels its context), and closes the folder.
func withCommandEnvironment(dataFlag string, stderr io.Writer, command func(context.Context, *environment) int) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	env, err := openEnvironment(ctx, resolveDataDir(dataFlag), stderr, false)
	if err != nil {
		fmt.Fprintln(stderr, "civisphere:", err)
		return 1
	}
	defer env.close()
	return command(ctx, env)
}

// newProgressPrinter prints "Step: 42 %" on one line, at most once per percent.
func newProgressPrinter(w io.Writer) func(step string, done, total int) {
	lastStep, lastPercent := "", -1
	return func(step string, done, total int) {
		percent := 100
		if total > 0 {
			percent = done * 100 / total
		}
		if step == lastStep && percent == lastPercent {
			return
		}
		if step != lastStep && lastStep != "" {
			fmt.Fprintln(w)
		}
		lastStep, lastPercent = step, percent
		fmt.Fprintf(w, "\r%s: %d %%", step, percent)
	}
}

// environment is what both modes run on: the data folder, its store, its search index and the
// use cases.
type environment struct {
	dataDir       string
	store         *store.Store
	index         *service.VolunteerIndexer
	settings      *service.Settings
	volunteers    *service.Volunteers
	organizations *service.Organizations
	projects      *service.Projects
	recruitment   *service.Recruitment
	agenda        *service.Agenda
	matching      *service.Matching
	resources     *service.Resources
	discussion    *service.Discussion
	documents     *service.Documents
	diagnostics   *service.Diagnostics
	hours         *service.Hours
	dashboards    *service.Dashboards
	reports       *service.Reports
	surveys       *service.Surveys
	privacy       *service.Privacy
	backups       *service.Backups
	jobs          *service.Jobs
	stopJobs      context.CancelFunc
	background    sync.WaitGroup // the daily backups
	scrubs        sync.WaitGroup // erased people being taken out of the backups
	lock          *datalock.Lock
	log           *slog.Logger
}

// handler is the application's HTTP handler; allowedHosts restricts the Host headers it answers.
func (e *environment) handler(allowedHosts []string) http.Handler {
	return httpapi.New(httpapi.Config{
		Version: version, Settings: e.settings, Volunteers: e.volunteers, Jobs: e.jobs,
		Organizations: e.organizations, Projects: e.projects, Recruitment: e.recruitment, Agenda: e.agenda,
		Matching: e.matching, Resources: e.resources, Discussion: e.discussion, Documents: e.documents, Diagnostics: e.diagnostics, Hours: e.hours, Dashboards: e.dashboards, Reports: e.reports,
		Surveys: e.surveys, Privacy: e.privacy, Backups: e.backups,
		UI: frontend.Dist(), Log: e.log, AllowedHosts: allowedHosts,
	})
}

// openEnvironment opens the data folder. The search index is opened, or rebuilt in the
// background when it cannot be trusted, and daily backups are scheduled, unless startIndex is
// false (commands that rebuild it themselves). The folder's shared lock is taken, so that
// `civisphere restore` knows the folder is in use.
func openEnvironment(ctx context.Context, dataDir string, logOut io.Writer, startIndex bool) (*environment, error) {
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("create data folder %s: %w", dataDir, err)
	}
	lock, err := datalock.Shared(dataDir)
	if errors.Is(err, datalock.ErrInUse) {
		return nil, fmt.Errorf("data folder %s is being restored; try again once the restore is over", dataDir)
	}
	if err != nil {
		return nil, err
	}
	env, err := openLockedEnvironment(ctx, dataDir, logOut, startIndex, lock)
	if err != nil {
		lock.Release() //nolint:errcheck // the error that stopped us matters more
	}
	return env, err
}

// openLockedEnvironment opens the data folder whose lock the caller holds; the environment
// releases it when closed.
func openLockedEnvironment(ctx context.Context, dataDir string, logOut io.Writer, startIndex bool, lock *datalock.Lock) (*environment, error) {
	st, err := store.Open(ctx, filepath.Join(dataDir, "civisphere.db"),
		store.BeforeMigrate(service.BackupBeforeMigration(dataDir, version, time.Now)))
	if store.IsDamaged(err) {
		return nil, &damagedDatabaseError{err: err}
	}
	if err != nil {
		return nil, fmt.Errorf("data folder %s: %w", dataDir, err)
	}
	if startIndex {
		// The app proper (window or server) checks the file before serving it: a power cut on
		// a failing disk can damage pages that opening alone never reads.
		if err := st.QuickCheck(ctx); err != nil {
			st.Close()
			if store.IsDamaged(err) {
				return nil, &damagedDatabaseError{err: err}
			}
			return nil, fmt.Errorf("data folder %s: %w", dataDir, err)
		}
	}
	log := slog.New(slog.NewTextHandler(logOut, nil))
	tax := taxonomy.Builtin()
	index := service.NewVolunteerIndexer(st, tax, filepath.Join(dataDir, "index", "volunteers"), log)
	if startIndex {
		if err := index.Start(context.WithoutCancel(ctx)); err != nil {
			st.Close()
			return nil, fmt.Errorf("data folder %s: %w", dataDir, err)
		}
	}
	jobsCtx, stopJobs := context.WithCancel(context.WithoutCancel(ctx))
	volunteers := service.NewVolunteers(st, tax, index, time.Now, log)
	projects := service.NewProjects(st, volunteers, time.Now)
	dashboards := service.NewDashboards(st, time.Now)
	privacy := service.NewPrivacy(st, volunteers, index, dataDir, time.Now, log)
	if startIndex {
		// Erasures first, so that no one erased is ever served: a database restored by hand
		// (or by an older version) may bring people back. Then the audit log's pruning, now
		// and daily, for as long as the application runs.
		if err := privacy.Reapply(ctx); err != nil {
			log.Error("erasure ledger: applying past erasures failed", "err", err)
		}
		go privacy.RunAuditPruning(jobsCtx)
	}
	backups := service.NewBackups(st, index, dataDir, version, time.Now, log)
	// A restored backup may hold people erased since it was made: erase them again.
	backups.RestoreHooks = append(backups.RestoreHooks, privacy.Reapply)
	volunteers.SetBeforeImport(backups.BeforeImport)
	env := &environment{
		dataDir:       dataDir,
		store:         st,
		index:         index,
		settings:      service.NewSettings(st, time.Now),
		volunteers:    volunteers,
		organizations: service.NewOrganizations(st, time.Now),
		projects:      projects,
		matching:      service.NewMatching(st, index, tax, projects),
		resources:     service.NewResources(st, guides.Builtin(), time.Now),
		diagnostics:   service.NewDiagnostics(st, projects, time.Now),
		hours:         service.NewHours(st, volunteers, time.Now),
		dashboards:    dashboards,
		reports:       service.NewReports(st, volunteers, dashboards, time.Now),
		surveys:       service.NewSurveys(st, time.Now),
		privacy:       privacy,
		recruitment:   service.NewRecruitment(st, time.Now),
		agenda:        service.NewAgenda(st, time.Now),
		discussion:    service.NewDiscussion(st, time.Now),
		documents:     service.NewDocuments(st, filepath.Join(dataDir, "documents"), time.Now, log),
		backups:       backups,
		jobs:          service.NewJobs(jobsCtx, time.Now),
		stopJobs:      stopJobs,
		lock:          lock,
		log:           log,
	}
	// Erased people leave the backups too, in the background: a backup is rewritten in seconds,
	// and the erasure itself is already complete in the live data.
	privacy.OnErased = append(privacy.OnErased, func(ctx context.Context, erased []domain.Erasure) {
		env.scrubs.Add(1)
		go func() {
			defer env.scrubs.Done()
			if err := backups.ScrubErased(context.WithoutCancel(ctx), erased); err != nil {
				log.Error("erasure: some backups still hold the erased people", "err", err)
			}
		}()
	})
	if startIndex {
		env.background.Add(1)
		go func() {
			defer env.background.Done()
			backups.RunDaily(jobsCtx)
		}()
	}
	return env, nil
}

// damagedDatabaseError says that the database failed its integrity check (or is not a database
// at all): the app then offers to restore a backup instead of stopping.
type damagedDatabaseError struct{ err error }

func (e *damagedDatabaseError) Error() string { return e.err.Error() }
func (e *damagedDatabaseError) Unwrap() error { return e.err }

// openedFolder is the data folder as the window or the server serves it: the application, or,
// when the database is damaged, the recovery screen until a backup is restored.
type openedFolder struct {
	handler http.Handler
	damaged error // why the recovery screen is served; nil for the application
	log     *slog.Logger

	mu  sync.Mutex
	env *environment // nil until the folder opens
}

// openDataFolder opens dataDir for the window or the server; allowedHosts restricts the Host
// headers answered. A damaged database is not an error: the handler serves the recovery screen,
// and opens the folder once a backup is restored.
func openDataFolder(ctx context.Context, dataDir string, logOut io.Writer, allowedHosts []string) (*openedFolder, error) {
	env, err := openEnvironment(ctx, dataDir, logOut, true)
	if err == nil {
		return &openedFolder{handler: env.handler(allowedHosts), log: env.log, env: env}, nil
	}
	var damaged *damagedDatabaseError
	if !errors.As(err, &damaged) {
		return nil, err
	}
	log := slog.New(slog.NewTextHandler(logOut, nil))
	log.Error("the database is damaged: serving the recovery screen", "folder", dataDir, "err", damaged.err)
	f := &openedFolder{damaged: damaged.err, log: log}
	f.handler = httpapi.NewRecovery(httpapi.RecoveryConfig{
		Version: version, Recovery: service.NewRecovery(dataDir, damaged.Error(), log), UI: frontend.Dist(), Log: log,
		AllowedHosts: allowedHosts,
		Reopen: func(reqCtx context.Context) (http.Handler, error) {
			env, err := openEnvironment(context.WithoutCancel(ctx), dataDir, logOut, true)
			if err != nil {
				return nil, err
			}
			f.mu.Lock()
			f.env = env
			f.mu.Unlock()
			return env.handler(allowedHosts), nil
		},
	})
	return f, nil
}

// current is the open environment, or nil while the recovery screen is served.
func (f *openedFolder) current() *environment {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.env
}

func (f *openedFolder) close() {
	if env := f.current(); env != nil {
		env.close()
	}
}

func (e *environment) close() {
	e.stopJobs()
	e.background.Wait()
	e.scrubs.Wait()
	if err := e.index.Close(); err != nil {
		e.log.Error("close search index", slog.Any("error", err))
	}
	if err := e.store.Close(); err != nil {
		e.log.Error("close database", slog.Any("error", err))
	}
	if err := e.lock.Release(); err != nil {
		e.log.Error("release data folder lock", slog.Any("error", err))
	}
}

// resolveDataDir picks the data folder: the flag, then CIVISPHERE_DATA, then the OS default.
func resolveDataDir(flagValue string) string {
	dir := flagValue
	if dir == "" {
		dir = os.Getenv("CIVISPHERE_DATA")
	}
	if dir == "" {
		dir = defaultDataDir()
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return dir
}

// defaultDataDir is the OS's per-user configuration folder: %AppData%\Civisphere on Windows,
// ~/Library/Application Support/Civisphere on macOS, ~/.config/Civisphere on Linux.
func defaultDataDir() string {
	base, err := os.UserConfigDir()
	if err != nil {
		base = "."
	}
	return filepath.Join(base, "Civisphere")
}

// instanceID scopes the single-instance lock to the data folder: two windows on one database
// would confuse people, while two installs with separate folders may run side by side.
func instanceID(dataDir string) string {
	sum := sha256.Sum256([]byte(dataDir))
	return "org.civisphere.app." + hex.EncodeToString(sum[:8])
}

// loopbackHosts are the names a browser on this computer uses for a server on loopback. Other
// names are refused, so a web page cannot reach the server through a DNS name it controls that
// resolves to 127.0.0.1. A server open to the network answers any name (nil).
func loopbackHosts(addr net.Addr) []string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || !tcp.IP.IsLoopback() {
		return nil
	}
	port := fmt.Sprint(tcp.Port)
	return []string{
		net.JoinHostPort("127.0.0.1", port), net.JoinHostPort("localhost", port),
		net.JoinHostPort("::1", port), net.JoinHostPort(tcp.IP.String(), port),
	}
}

func isLoopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// displayAddr makes a URL host of the listening address: "localhost" reads better than
// 127.0.0.1 for people, and an unspecified address is reached through loopback here.
func displayAddr(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return addr.String()
	}
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() || tcp.IP.IsLoopback() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, fmt.Sprint(tcp.Port))
}
