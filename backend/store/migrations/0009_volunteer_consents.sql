-- What volunteers agreed to (GDPR art. 7: consent is dated and may be withdrawn at any time).
-- One row per grant: withdrawing sets withdrawn_at on the open row, and giving again after a
-- withdrawal adds a new row, so the whole history stays. Times are RFC 3339 in UTC; recorded_by
-- and withdrawn_by are the IDs of the actors who entered the change.
--
-- kind has no CHECK: the domain validates it, and a new kind must not need a table rebuild.
CREATE TABLE volunteer_consents (
    id           INTEGER PRIMARY KEY,
    volunteer_id INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind <> ''),
    given_at     TEXT NOT NULL,
    withdrawn_at TEXT,
    recorded_by  TEXT NOT NULL DEFAULT '',
    withdrawn_by TEXT NOT NULL DEFAULT ''
) STRICT;

-- At most one consent of each kind holds at a time for a person. This index also answers
-- "who consents to X among these people", the question reports ask.
CREATE UNIQUE INDEX volunteer_consents_open ON volunteer_consents (volunteer_id, kind)
    WHERE withdrawn_at IS NULL;

-- A person's history, and the cascade when a volunteer is erased.
CREATE INDEX volunteer_consents_by_volunteer ON volunteer_consents (volunteer_id, kind, id);

-- Who signs the volunteer certificates, printed under the association's name.
ALTER TABLE organization_profile ADD COLUMN signatory_name TEXT NOT NULL DEFAULT '';
ALTER TABLE organization_profile ADD COLUMN signatory_role TEXT NOT NULL DEFAULT '';
