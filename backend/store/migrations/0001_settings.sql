-- Key-value settings of the installation (UI preferences and the like). Values are JSON text so
-- that a new setting needs no migration.
CREATE TABLE settings (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
