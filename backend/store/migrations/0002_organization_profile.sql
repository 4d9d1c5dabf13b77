-- The association that runs this installation. There is exactly one, hence the fixed id.
-- The logo lives in the row (at most 2 MB, checked by the domain) so that a backup of the
-- database is a backup of everything the profile shows.
CREATE TABLE organization_profile (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    name                TEXT NOT NULL,
    address             TEXT NOT NULL DEFAULT '',
    postcode            TEXT NOT NULL DEFAULT '',
    city                TEXT NOT NULL DEFAULT '',
    registration_number TEXT NOT NULL DEFAULT '',
    email               TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    website             TEXT NOT NULL DEFAULT '',
    logo                BLOB,
    logo_media_type     TEXT NOT NULL DEFAULT '',
    logo_width          INTEGER NOT NULL DEFAULT 0,
    logo_height         INTEGER NOT NULL DEFAULT 0,
    logo_digest         TEXT NOT NULL DEFAULT '',
    updated_at          TEXT NOT NULL
) STRICT;
