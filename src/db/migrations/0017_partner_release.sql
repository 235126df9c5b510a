-- Navet schema 17: the register of what was released to partners. A partner-safe file
-- shows counts of complete ISO weeks only, decided once per week on one grid (area and
-- place by category, with their totals) and kept here: every later file, to anyone,
-- shows the same numbers and hides the same cells, so no file can be subtracted from
-- another. A cell's value is the count when the week was first released; `hidden`
-- says the cell is shown as "..". Areas, places and categories are ids; 0 means "all",
-- -1 places with no area, -2 reports with no place.

CREATE TABLE partner_release_week (
    week         TEXT    PRIMARY KEY CHECK (length(week) = 8 AND substr(week, 5, 2) = '-W'),
    released_at  TEXT    NOT NULL,
    cells        INTEGER NOT NULL,
    hidden       INTEGER NOT NULL
) STRICT;

CREATE TABLE partner_release_cell (
    week      TEXT    NOT NULL REFERENCES partner_release_week (week) ON DELETE CASCADE,
    area      INTEGER NOT NULL,
    place     INTEGER NOT NULL,
    category  INTEGER NOT NULL,
    value     INTEGER NOT NULL CHECK (value >= 0),
    hidden    INTEGER NOT NULL CHECK (hidden IN (0, 1)),
    PRIMARY KEY (week, area, place, category)
) WITHOUT ROWID, STRICT;
