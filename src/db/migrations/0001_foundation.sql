-- Navet schema 1: places, partners, categories, reports.
-- Every table is STRICT; names are unique by their normalised key (see src/names.rs),
-- because SQLite's NOCASE folds only ASCII and Swedish names have å, ä, ö.
-- Timestamps are RFC 3339 UTC text; report dates are local (Europe/Stockholm) wall clock.

CREATE TABLE area (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key    TEXT    NOT NULL UNIQUE,
    created_at  TEXT    NOT NULL
) STRICT;

CREATE TABLE place (
    id          INTEGER PRIMARY KEY,
    area_id     INTEGER REFERENCES area (id) ON DELETE RESTRICT,
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key    TEXT    NOT NULL UNIQUE,
    latitude    REAL    CHECK (latitude BETWEEN -90 AND 90),
    longitude   REAL    CHECK (longitude BETWEEN -180 AND 180),
    created_at  TEXT    NOT NULL,
    CHECK ((latitude IS NULL) = (longitude IS NULL))
) STRICT;
CREATE INDEX place_area ON place (area_id);

-- Other spellings partners use for a place ("Torget", "Stortorget 1", "torget vid ICA").
CREATE TABLE place_alias (
    id          INTEGER PRIMARY KEY,
    place_id    INTEGER NOT NULL REFERENCES place (id) ON DELETE CASCADE,
    alias       TEXT    NOT NULL CHECK (length(alias) BETWEEN 1 AND 200),
    alias_key   TEXT    NOT NULL UNIQUE,
    created_at  TEXT    NOT NULL
) STRICT;
CREATE INDEX place_alias_place ON place_alias (place_id);

-- Reporting organisations (aktörer): polisen, socialtjänst, bostadsbolag, ...
CREATE TABLE partner (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key    TEXT    NOT NULL UNIQUE,
    created_at  TEXT    NOT NULL
) STRICT;

-- The EST category list; editable, ordered, can be retired without losing history.
CREATE TABLE category (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key    TEXT    NOT NULL UNIQUE,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT    NOT NULL
) STRICT;

INSERT INTO category (name, name_key, sort_order, created_at) VALUES
    ('Skadegörelse',             'skadegörelse',             10,  strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('Klotter',                  'klotter',                  20,  strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('Brand/anlagd brand',       'brand/anlagd brand',       30,  strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('Stöld/inbrott',            'stöld/inbrott',            40,  strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('Hot och våld',             'hot och våld',             50,  strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('Narkotika',                'narkotika',                60,  strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('Ordningsstörning/stök',    'ordningsstörning/stök',    70,  strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('Ungdomar i grupp',         'ungdomar i grupp',         80,  strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('Otrygghet',                'otrygghet',                90,  strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('Nedskräpning',             'nedskräpning',             100, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('Brister i fysisk miljö',   'brister i fysisk miljö',   110, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('Övrigt',                   'övrigt',                   120, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

-- One file brought in by the importer. The import issue adds its details (profile,
-- counts, undo); reports point here so a batch can be undone as a whole.
CREATE TABLE import_batch (
    id          INTEGER PRIMARY KEY,
    file_name   TEXT    NOT NULL,
    file_hash   TEXT    NOT NULL,
    partner_id  INTEGER REFERENCES partner (id) ON DELETE RESTRICT,
    created_at  TEXT    NOT NULL
) STRICT;

-- One observation from one partner. Source values are kept verbatim beside the
-- resolved ids, so nothing a partner sent is lost and a mapping can be redone.
-- place_id NULL means unplaced: the place text is in source_place.
CREATE TABLE report (
    id               INTEGER PRIMARY KEY,
    occurred_date    TEXT    NOT NULL CHECK (occurred_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'
                                             AND date(occurred_date) = occurred_date),
    occurred_time    TEXT    CHECK (occurred_time IS NULL OR (occurred_time GLOB '[0-2][0-9]:[0-5][0-9]'
                                             AND occurred_time < '24:00')),
    place_id         INTEGER REFERENCES place (id) ON DELETE RESTRICT,
    category_id      INTEGER NOT NULL REFERENCES category (id) ON DELETE RESTRICT,
    partner_id       INTEGER NOT NULL REFERENCES partner (id) ON DELETE RESTRICT,
    count            INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
    assessment       TEXT,
    text             TEXT    NOT NULL DEFAULT '',
    source_place     TEXT,
    source_category  TEXT,
    import_batch_id  INTEGER REFERENCES import_batch (id) ON DELETE RESTRICT,
    external_id      TEXT,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
) STRICT;
-- Two indexes only: every index is paid for on each of a million imported rows
-- (see BENCHMARKS.md). Periods are the main filter; a place (or area) the other.
-- Category and partner filters run inside a period; undo scans the table once.
CREATE INDEX report_occurred ON report (occurred_date, occurred_time);
CREATE INDEX report_place ON report (place_id, occurred_date);
