-- Personal data (GDPR): who did what to whose data, and the people erased.
--
-- The audit log records creations, changes, archiving, imports, consent changes, exports,
-- erasures and retention purges: who (the actor's ID), what (action), about whom (the
-- volunteer's ID, none for list-wide acts), when, and a detail that never holds personal data
-- (field names, counts, formats). Entries are kept 12 months, then pruned. volunteer_id has no
-- foreign key: entries outlive the person. Once a person is erased, their entries get the
-- erasure's ID, so that a new person given the same volunteer ID later does not inherit them.
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,           -- RFC 3339, UTC
    actor_id     TEXT NOT NULL,
    action       TEXT NOT NULL CHECK (action <> ''),
    volunteer_id INTEGER,
    detail       TEXT NOT NULL DEFAULT '',
    erasure_id   INTEGER REFERENCES erasures (id)
) STRICT;

CREATE INDEX audit_log_by_time ON audit_log (at);
CREATE INDEX audit_log_by_volunteer ON audit_log (volunteer_id, id) WHERE erasure_id IS NULL;

-- The ledger of erasures: enough to erase the same person again after an older backup is
-- restored, and nothing that tells who they were. Volunteer IDs may be given again to a new
-- person (INTEGER PRIMARY KEY without AUTOINCREMENT), so the person is the pair (ID, creation
-- time). The same entries are appended to erasures.jsonl in the data folder, which a restored
-- database does not bring back to an older state.
CREATE TABLE erasures (
    id                   INTEGER PRIMARY KEY,
    volunteer_id         INTEGER NOT NULL,
    volunteer_created_at TEXT NOT NULL,
    erased_at            TEXT NOT NULL,
    reason               TEXT NOT NULL CHECK (reason IN ('request', 'retention', 'reapplied')),
    actor_id             TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE UNIQUE INDEX erasures_person ON erasures (volunteer_id, volunteer_created_at);
