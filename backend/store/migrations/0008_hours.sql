-- Hours volunteers gave to projects, reviewed by a coordinator. Time is kept in whole minutes so
-- that totals add up exactly. The skill's taxonomy domain and the volunteer's level are kept with
-- the entry: they pick its hourly value and group totals without a lookup.
CREATE TABLE hour_entries (
    id           INTEGER PRIMARY KEY,
    -- NULL once the person has been erased (GDPR): the hours stay, as anonymous totals, so that
    -- reports already given to sponsors remain true.
    volunteer_id INTEGER REFERENCES volunteers (id),
    project_id   INTEGER NOT NULL REFERENCES projects (id),
    day          TEXT NOT NULL,                 -- YYYY-MM-DD
    minutes      INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
    skill_id     TEXT NOT NULL DEFAULT '',
    skill_name   TEXT NOT NULL DEFAULT '',
    skill_domain TEXT NOT NULL DEFAULT '',
    level        TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    reviewed_by  TEXT NOT NULL DEFAULT '',
    reviewed_at  TEXT,
    entered_by   TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

-- The 24-hours-a-day rule and a volunteer's own hours.
CREATE INDEX hour_entries_by_volunteer ON hour_entries (volunteer_id, day);
-- A project's hours, and reports by project and period.
CREATE INDEX hour_entries_by_project ON hour_entries (project_id, day);
-- Dashboards and exports by period.
CREATE INDEX hour_entries_by_day ON hour_entries (day);
-- The review queue.
CREATE INDEX hour_entries_pending ON hour_entries (day) WHERE status = 'pending';

-- How many people a project helped, as the association counts them: the "beneficiaries" figure
-- of dashboards and impact reports.
ALTER TABLE projects ADD COLUMN beneficiaries INTEGER NOT NULL DEFAULT 0 CHECK (beneficiaries >= 0);
