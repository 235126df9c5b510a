-- Navet schema 2: imports. Batches with their counts and undo, the problems found
-- in each file (skipped rows keep their raw text), per-partner import profiles,
-- and on reports a duplicate key and a flag for rows imported with a problem.

-- A partner's saved way of reading its files: which column is which field, how its
-- labels map to categories, and how its dates are written. `signature` identifies
-- the file shape (its normalised header), so the same shape is recognised next time.
CREATE TABLE import_profile (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key    TEXT    NOT NULL UNIQUE,
    partner_id  INTEGER REFERENCES partner (id) ON DELETE CASCADE,
    signature   TEXT    NOT NULL,
    settings    TEXT    NOT NULL CHECK (json_valid(settings)),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
) STRICT;
CREATE INDEX import_profile_shape ON import_profile (partner_id, signature);

ALTER TABLE import_batch ADD COLUMN profile_id INTEGER REFERENCES import_profile (id) ON DELETE SET NULL;
ALTER TABLE import_batch ADD COLUMN format     TEXT NOT NULL DEFAULT '';
ALTER TABLE import_batch ADD COLUMN encoding   TEXT;
ALTER TABLE import_batch ADD COLUMN delimiter  TEXT;
ALTER TABLE import_batch ADD COLUMN sheet      TEXT;
ALTER TABLE import_batch ADD COLUMN rows_read  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_batch ADD COLUMN inserted   INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_batch ADD COLUMN duplicates INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_batch ADD COLUMN flagged    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_batch ADD COLUMN skipped    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_batch ADD COLUMN masked     INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_batch ADD COLUMN undone_at  TEXT;

-- Every problem found in an imported file, by line and column; `action` says what
-- was done with the row: 'flagged' (stored, marked), 'skipped' (not stored; `raw`
-- keeps the row so it can be saved as a CSV of rejected rows) or 'info'.
CREATE TABLE import_issue (
    id          INTEGER PRIMARY KEY,
    batch_id    INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    line        INTEGER NOT NULL,
    col         TEXT,
    message     TEXT    NOT NULL,
    action      TEXT    NOT NULL CHECK (action IN ('flagged', 'skipped', 'info')),
    raw         TEXT
) STRICT;
CREATE INDEX import_issue_batch ON import_issue (batch_id, line);

-- The duplicate key: partner + external id where there is one, otherwise a hash of
-- the normalised fields (see src/import/rowkey.rs). NULL for reports typed by hand.
ALTER TABLE report ADD COLUMN row_key BLOB;
ALTER TABLE report ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1));
CREATE UNIQUE INDEX report_row_key ON report (row_key) WHERE row_key IS NOT NULL;
-- The unplaced queue: reports with no place, grouped by the partner's text.
CREATE INDEX report_unplaced ON report (source_place) WHERE place_id IS NULL;
