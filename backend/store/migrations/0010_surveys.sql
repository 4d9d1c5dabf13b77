-- Impact surveys of a project or of a sponsor's program, and their responses. A survey's
-- questions are read whole: JSON. Answers are JSON too, one per question in order, choices by
-- their index: a survey's questions no longer change once it has responses.
CREATE TABLE surveys (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    -- Exactly one of the two. No cascade: a project or program with surveys is not deleted
    -- behind their back.
    project_id INTEGER REFERENCES projects (id),
    program_id INTEGER REFERENCES programs (id),
    audience   TEXT NOT NULL CHECK (audience IN ('beneficiary', 'volunteer')),
    questions  TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((project_id IS NULL) <> (program_id IS NULL))
) STRICT;

CREATE INDEX surveys_by_project ON surveys (project_id);
CREATE INDEX surveys_by_program ON surveys (program_id);

CREATE TABLE survey_responses (
    id           INTEGER PRIMARY KEY,
    survey_id    INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    -- The respondent of a volunteers' survey who chose to be known; an erased volunteer's
    -- responses stay, anonymous.
    volunteer_id INTEGER REFERENCES volunteers (id) ON DELETE SET NULL,
    source       TEXT NOT NULL CHECK (source IN ('app', 'paper')),
    answers      TEXT NOT NULL DEFAULT '[]',
    created_at   TEXT NOT NULL
) STRICT;

CREATE INDEX survey_responses_by_survey ON survey_responses (survey_id, id);
CREATE INDEX survey_responses_by_volunteer ON survey_responses (volunteer_id);
