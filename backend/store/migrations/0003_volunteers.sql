-- Volunteers and the skills they offer. Lists that are only ever read whole (causes, languages,
-- availability) are JSON text; skills get their own table because they are filtered, counted
-- and merged across profiles.
CREATE TABLE volunteers (
    id           INTEGER PRIMARY KEY,
    first_name   TEXT NOT NULL DEFAULT '',
    last_name    TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '', -- lower-cased by the domain
    phone        TEXT NOT NULL DEFAULT '',
    city         TEXT NOT NULL DEFAULT '',
    postcode     TEXT NOT NULL DEFAULT '',
    causes       TEXT NOT NULL DEFAULT '[]',
    languages    TEXT NOT NULL DEFAULT '[]',
    availability TEXT NOT NULL DEFAULT '{}',
    bio          TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    joined_on    TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL CHECK (status IN ('active', 'archived')),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

-- One person, one e-mail address: imports merge on it.
CREATE UNIQUE INDEX volunteers_email ON volunteers (email) WHERE email <> '';

CREATE TABLE volunteer_skills (
    volunteer_id INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
    skill_id     TEXT NOT NULL, -- a taxonomy ID or custom:<slug>
    level        TEXT NOT NULL CHECK (level IN ('beginner', 'intermediate', 'confirmed', 'expert')),
    position     INTEGER NOT NULL, -- the order the person gave them in
    PRIMARY KEY (volunteer_id, skill_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX volunteer_skills_by_skill ON volunteer_skills (skill_id);

-- Skills typed by people and not found in the taxonomy, with the spelling first seen.
CREATE TABLE custom_skills (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

-- The search outbox: every change to a volunteer adds a row here in the same transaction, so
-- the search index can never miss a committed change. The indexer applies rows in seq order,
-- records the last applied seq inside the index, then deletes the applied rows. AUTOINCREMENT
-- keeps seq growing after deletions, so sqlite_sequence tells the newest seq ever written.
CREATE TABLE search_outbox (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    volunteer_id INTEGER NOT NULL
) STRICT;
