-- A project's discussion thread and its documents (files kept in the data folder, or links).
-- Both go with their project.
CREATE TABLE project_messages (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    author     TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    edited_at  TEXT NOT NULL DEFAULT '' -- empty when never edited
) STRICT;

CREATE INDEX project_messages_by_project ON project_messages (project_id, id);

-- A file's bytes are in <data folder>/documents/<project_id>/<stored_name>; the name the person
-- gave is only file_name, given back on download.
CREATE TABLE project_documents (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('file', 'link')),
    title       TEXT NOT NULL,
    file_name   TEXT NOT NULL DEFAULT '',
    media_type  TEXT NOT NULL DEFAULT '',
    size        INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0),
    stored_name TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    CHECK ((kind = 'file') = (stored_name <> '' AND url = '')),
    CHECK ((kind = 'link') = (url <> '' AND stored_name = ''))
) STRICT;

CREATE INDEX project_documents_by_project ON project_documents (project_id, id);
