-- Navet schema 10: what was done to a report by hand. Every edit keeps the report as it
-- was and as it became; a deletion keeps the whole report, so it can be restored. The
-- report id is not a foreign key: the history outlives a deleted report.

CREATE TABLE report_history (
    id          INTEGER PRIMARY KEY,
    report_id   INTEGER NOT NULL,
    action      TEXT    NOT NULL CHECK (action IN ('edit', 'delete', 'restore')),
    before      TEXT,   -- JSON snapshot, none for a restore
    after       TEXT,   -- JSON snapshot, none for a deletion
    undoes      INTEGER REFERENCES report_history (id),  -- a restore: the deletion it undoes
    changed_at  TEXT    NOT NULL
) STRICT;
CREATE INDEX report_history_report ON report_history (report_id);
