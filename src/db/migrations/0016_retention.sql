-- Navet schema 16: gallring (retention). Raw reports older than a cutoff (the first day
-- of a month) are deleted on request, for all categories or one; the month counts stay
-- as the aggregates that baselines, the year before and the strategic pack read, and
-- each run is logged here with what it removed.

CREATE TABLE retention_run (
    id               INTEGER PRIMARY KEY,
    run_at           TEXT    NOT NULL,
    cutoff           TEXT    NOT NULL CHECK (date(cutoff) = cutoff AND substr(cutoff, 9, 2) = '01'),
    category_id      INTEGER REFERENCES category (id) ON DELETE RESTRICT,
    reports_removed  INTEGER NOT NULL,
    history_removed  INTEGER NOT NULL,
    issues_cleared   INTEGER NOT NULL
) STRICT;
