-- Needs diagnostics of associations: the answers given and the needs computed from them on that
-- day, kept as they were so that an association's progress can be followed over time.
CREATE TABLE diagnostics (
    id              INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    version         INTEGER NOT NULL,            -- the questionnaire's version
    answers         TEXT NOT NULL DEFAULT '{}',  -- JSON: question ID → option ID
    scores          TEXT NOT NULL DEFAULT '[]',  -- JSON: the need of each area
    created_at      TEXT NOT NULL
) STRICT;

CREATE INDEX diagnostics_by_organization ON diagnostics (organization_id, created_at);

-- The projects made from a diagnostic's suggestions: one per template, so that a second click
-- does not make the same project twice.
CREATE TABLE diagnostic_projects (
    diagnostic_id INTEGER NOT NULL REFERENCES diagnostics (id) ON DELETE CASCADE,
    template_id   TEXT NOT NULL,
    project_id    INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    PRIMARY KEY (diagnostic_id, template_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX diagnostic_projects_by_project ON diagnostic_projects (project_id);
