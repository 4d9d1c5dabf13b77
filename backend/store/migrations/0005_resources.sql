-- The association's own resources, next to the built-in guides (which live in the binary, not
-- here): notes written in Markdown, and links to pages elsewhere with an optional description.
-- They are few (hundreds at most), so they are searched in memory and need no index.
CREATE TABLE resources (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('note', 'link')),
    title      TEXT NOT NULL,
    body       TEXT NOT NULL DEFAULT '', -- Markdown: the note, or the description of a link
    url        TEXT NOT NULL DEFAULT '', -- links only
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (kind = 'link' OR url = '')
) STRICT;
