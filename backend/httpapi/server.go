// Package httpapi is Civisphère's HTTP JSON API under /api/ and the server of the embedded web
// UI. The same http.Handler serves `civisphere serve` and, as the Wails asset server's handler,
// the desktop window: one API, one set of rules and tests for both.
package httpapi

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/service"
)

// Config is what the handler needs.
type Config struct {
	Version       string                 // shown by /api/health
	Settings      *service.Settings      // settings use cases
	Volunteers    *service.Volunteers    // volunteers, skills, search and imports
	Jobs          *service.Jobs          // background work with progress
	Organizations *service.Organizations // associations, sponsors and programs
	Projects      *service.Projects      // projects
	Recruitment   *service.Recruitment   // applications and teams
	Agenda        *service.Agenda        // milestones, tasks and calendars
	Matching      *service.Matching      // volunteer ⇄ project matching
	Resources     *service.Resources     // the library: guides, notes and links
	Discussion    *service.Discussion    // projects' message threads
	Documents     *service.Documents     // projects' files and links
	Diagnostics   *service.Diagnostics   // associations' needs diagnostics
	Hours         *service.Hours         // hours given, their review and value
	Dashboards    *service.Dashboards    // the association's, sponsors' and volunteers' dashboards
	Reports       *service.Reports       // impact reports, hours workbooks, certificates
	Surveys       *service.Surveys       // impact surveys, their responses and results
	Privacy       *service.Privacy       // personal data: export, erasure, retention, audit log
	Backups       *service.Backups       // backups of the data folder and their restore
	UI            fs.FS                  // the built web UI (frontend.Dist()); may lack index.html before a build
	Log           *slog.Logger           // where unexpected errors go
	// AllowedHosts, when set, are the only Host headers answered (e.g. "127.0.0.1:8080" and
	// "localhost:8080" for a server on loopback), so that a web page cannot reach the local
	// server through a DNS name of its own (DNS rebinding).
	AllowedHosts []string
	// ActorFor says who makes a request; nil means the local admin (one user per installation,
	// until accounts exist). Tests set it to check permissions through HTTP.
	ActorFor func(*http.Request) domain.Actor
}

// maxRequestBytes caps every request body before any handler reads it. Operations that take
// files set their own, lower or equal, limit.
const maxRequestBytes = 4 << 20

type server struct {
	settings      *service.Settings
	volunteers    *service.Volunteers
	jobs          *service.Jobs
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
	log           *slog.Logger
}

// New returns the handler of the whole application: API, OpenAPI document and web UI.
func New(cfg Config) http.Handler {
	s := &server{settings: cfg.Settings, volunteers: cfg.Volunteers, jobs: cfg.Jobs, organizations: cfg.Organizations,
		projects: cfg.Projects, recruitment: cfg.Recruitment, agenda: cfg.Agenda, matching: cfg.Matching, resources: cfg.Resources,
		discussion: cfg.Discussion, documents: cfg.Documents, diagnostics: cfg.Diagnostics, hours: cfg.Hours, dashboards: cfg.Dashboards, reports: cfg.Reports,
		surveys: cfg.Surveys, privacy: cfg.Privacy, backups: cfg.Backups, log: cfg.Log}
	mux := http.NewServeMux()
	api := humago.New(mux, apiConfig())
	registerHealth(api, cfg.Version)
	s.registerOrganizationProfile(api)
	s.registerPreferences(api)
	s.registerVolunteerExports(api) // before /api/volunteers/{id}, for readers of the document
	s.registerPrivacy(api)
	s.registerVolunteers(api)
	s.registerVolunteerConsents(api)
	s.registerSkills(api)
	s.registerImports(api)
	s.registerSearchIndex(api)
	s.registerOrganizations(api)
	s.registerProjects(api)
	s.registerApplications(api)
	s.registerAgenda(api)
	s.registerMatches(api)
	s.registerResources(api)
	s.registerProjectCollaboration(api)
	s.registerDiagnostics(api)
	s.registerHours(api)
	s.registerDashboards(api)
	s.registerReports(api)
	s.registerSurveyDocuments(api)
	s.registerSurveys(api)
	s.registerBackups(api)
	mux.Handle("GET /", newSPAHandler(cfg.UI))
	who := cfg.ActorFor
	if who == nil {
		who = actorFor
	}
	return securityHeaders(withRequestContext(who, guardHosts(cfg.AllowedHosts, refuseCrossSiteWrites(apiProblems(limitBody(mux))))))
}

// apiVersion is the version of the API contract, not of the binary: the OpenAPI document, from
// which the frontend's types are generated, changes only when the API does.
const apiVersion = "1.0.0"

func apiConfig() huma.Config {
	config := huma.DefaultConfig("Civisphère API", apiVersion)
	config.Info.Description = "The HTTP JSON API of Civisphère, used by its own interface in the " +
		"desktop window and in browsers. Errors are RFC 9457 problem documents whose messages " +
		"follow Accept-Language (French or English)."
	config.OpenAPIPath = "/api/openapi"
	// The interactive docs page loads scripts from a CDN: not for an offline app.
	config.DocsPath = ""
	config.SchemasPath = ""
	// Without this hook huma adds a "$schema" link to every response body.
	config.CreateHooks = nil
	return config
}

type actorKey struct{}

// withRequestContext puts in the request's context what every handler needs: who asks, and in
// which language to answer.
func withRequestContext(who func(*http.Request) domain.Actor, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), localeKey{}, localeFromHeader(r.Header.Get("Accept-Language")))
		ctx = context.WithValue(ctx, actorKey{}, who(r))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// actorFor is who makes a request. Until accounts exist, an installation has one user: the
// person at the desktop, or on the loopback address `serve` listens on by default.
func actorFor(*http.Request) domain.Actor { return domain.LocalAdmin() }

// actorFrom returns the actor withRequestContext stored; a request that did not pass through it
// is nobody's and may only read.
func actorFrom(ctx context.Context) domain.Actor {
	if a, ok := ctx.Value(actorKey{}).(domain.Actor); ok {
		return a
	}
	return domain.Actor{Role: domain.RoleViewer}
}
