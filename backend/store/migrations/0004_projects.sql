-- Organizations (associations helped and sponsors), sponsors' programs, projects with the skills
-- they need, recruitment and agendas. Lists only ever read whole (causes, schedule) are JSON text.
CREATE TABLE organizations (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('association', 'sponsor')),
    category      TEXT NOT NULL DEFAULT '',
    name          TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    city          TEXT NOT NULL DEFAULT '',
    postcode      TEXT NOT NULL DEFAULT '',
    website       TEXT NOT NULL DEFAULT '',
    contact_name  TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    search_text   TEXT NOT NULL DEFAULT '', -- folded name and city, for the list filter and order
    logo          BLOB,
    logo_media_type TEXT NOT NULL DEFAULT '',
    logo_width    INTEGER NOT NULL DEFAULT 0,
    logo_height   INTEGER NOT NULL DEFAULT 0,
    logo_digest   TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE programs (
    id          INTEGER PRIMARY KEY,
    sponsor_id  INTEGER NOT NULL REFERENCES organizations (id),
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    start_date  TEXT NOT NULL DEFAULT '',
    end_date    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX programs_by_sponsor ON programs (sponsor_id);

-- A volunteer may take part as an employee or member of a sponsor.
ALTER TABLE volunteers ADD COLUMN sponsor_id INTEGER REFERENCES organizations (id);

CREATE TABLE projects (
    id                 INTEGER PRIMARY KEY,
    title              TEXT NOT NULL,
    organization_id    INTEGER NOT NULL REFERENCES organizations (id),
    sponsor_id         INTEGER REFERENCES organizations (id),
    program_id         INTEGER REFERENCES programs (id),
    description        TEXT NOT NULL DEFAULT '',
    causes             TEXT NOT NULL DEFAULT '[]',
    start_date         TEXT NOT NULL DEFAULT '',
    end_date           TEXT NOT NULL DEFAULT '',
    schedule           TEXT NOT NULL DEFAULT '{}',
    city               TEXT NOT NULL DEFAULT '',
    place              TEXT NOT NULL DEFAULT '',
    search_text        TEXT NOT NULL DEFAULT '', -- folded title and description, for the list filter
    status             TEXT NOT NULL CHECK (status IN ('draft', 'recruiting', 'inProgress', 'completed', 'evaluated', 'cancelled')),
    created_by_volunteer_id INTEGER REFERENCES volunteers (id),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
) STRICT;

CREATE INDEX projects_by_organization ON projects (organization_id);
CREATE INDEX projects_by_sponsor ON projects (sponsor_id);
CREATE INDEX projects_by_status ON projects (status);

CREATE TABLE project_skills (
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    skill_id   TEXT NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    level      TEXT NOT NULL CHECK (level IN ('beginner', 'intermediate', 'confirmed', 'expert')),
    people     INTEGER NOT NULL CHECK (people >= 1),
    position   INTEGER NOT NULL,
    PRIMARY KEY (project_id, skill_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE applications (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers (id),
    status       TEXT NOT NULL CHECK (status IN ('applied', 'shortlisted', 'accepted', 'declined', 'withdrawn')),
    origin       TEXT NOT NULL CHECK (origin IN ('applied', 'invited')),
    message      TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

-- One open application per volunteer and project; closed ones stay as history.
CREATE UNIQUE INDEX applications_one_open ON applications (project_id, volunteer_id)
    WHERE status IN ('applied', 'shortlisted', 'accepted');
CREATE INDEX applications_by_volunteer ON applications (volunteer_id, status);

CREATE TABLE milestones (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    due_date   TEXT NOT NULL,
    done       INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX milestones_by_project ON milestones (project_id, due_date);

CREATE TABLE tasks (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    assignee_id INTEGER REFERENCES volunteers (id),
    due_date    TEXT NOT NULL DEFAULT '',
    done        INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX tasks_by_project ON tasks (project_id);
