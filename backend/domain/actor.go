package domain

// Role is what an actor is allowed to do.
type Role string

const (
	// RoleAdmin manages the installation: settings, backups, everything a coordinator does.
	RoleAdmin Role = "admin"
	// RoleCoordinator runs volunteers, projects and hours.
	RoleCoordinator Role = "coordinator"
	// RoleViewer may only read.
	RoleViewer Role = "viewer"
)

// Actor is who performs a use case. Every service call takes one so that permissions are
// checked in one place, whichever transport the call came through.
type Actor struct {
	ID   string
	Role Role
}

// LocalAdmin is the person at the keyboard of a single-user install (the desktop window, or a
// `serve` on loopback). Accounts and sign-in come with multi-user access.
func LocalAdmin() Actor { return Actor{ID: "local", Role: RoleAdmin} }

// CanManageSettings tells whether the actor may change the installation's settings.
func (a Actor) CanManageSettings() bool { return a.Role == RoleAdmin }

// CanManageVolunteers tells whether the actor may create, change, archive and import volunteers.
func (a Actor) CanManageVolunteers() bool { return a.Role == RoleAdmin || a.Role == RoleCoordinator }

// CanReadVolunteers tells whether the actor may search and read volunteer profiles.
func (a Actor) CanReadVolunteers() bool {
	return a.Role == RoleAdmin || a.Role == RoleCoordinator || a.Role == RoleViewer
}

// CanManageProjects tells whether the actor may create and run organizations, programs,
// projects, recruitment and agendas.
func (a Actor) CanManageProjects() bool { return a.Role == RoleAdmin || a.Role == RoleCoordinator }

// CanReadProjects tells whether the actor may read organizations, projects and their agendas.
func (a Actor) CanReadProjects() bool {
	return a.Role == RoleAdmin || a.Role == RoleCoordinator || a.Role == RoleViewer
}

// CanReadResources tells whether the actor may read the guides and the association's own
// resources. Everyone who can open the app may.
func (a Actor) CanReadResources() bool {
	return a.Role == RoleAdmin || a.Role == RoleCoordinator || a.Role == RoleViewer
}

// CanManageResources tells whether the actor may add, change and delete the association's own
// notes and links.
func (a Actor) CanManageResources() bool { return a.Role == RoleAdmin || a.Role == RoleCoordinator }

// CanManagePersonalData tells whether the actor may export everything held on a person, erase
// a person, purge inactive people and read the audit log: acts on personal data as such, which
// a viewer, who only consults the file, may not do.
func (a Actor) CanManagePersonalData() bool {
	return a.Role == RoleAdmin || a.Role == RoleCoordinator
}
