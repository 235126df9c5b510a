-- Navet schema 11: the rest of the EST cycle. Insatser (actions) tied to the problem
-- they address (an area or places, and a category), followed up with dated notes and
-- an effect assessment; meeting series and meetings with attendees, agenda, notes and
-- decisions, a decision able to create or change an insats.

CREATE TABLE meeting_series (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key       TEXT    NOT NULL UNIQUE,
    kind           TEXT    NOT NULL CHECK (kind IN ('operativ', 'strategisk')),
    interval_days  INTEGER NOT NULL CHECK (interval_days BETWEEN 1 AND 366),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at     TEXT    NOT NULL
) STRICT;

-- The EST defaults: the operative group every two weeks, the strategic every two months.
INSERT INTO meeting_series (name, name_key, kind, interval_days, created_at) VALUES
    ('Operativ grupp',  'operativ grupp',  'operativ',   14, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('Strategisk grupp', 'strategisk grupp', 'strategisk', 61, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

CREATE TABLE meeting (
    id          INTEGER PRIMARY KEY,
    series_id   INTEGER NOT NULL REFERENCES meeting_series (id) ON DELETE RESTRICT,
    held_on     TEXT    NOT NULL CHECK (date(held_on) = held_on),
    agenda      TEXT    NOT NULL DEFAULT '',
    notes       TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL
) STRICT;
CREATE INDEX meeting_series_date ON meeting (series_id, held_on);

CREATE TABLE meeting_partner (
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    partner_id  INTEGER NOT NULL REFERENCES partner (id) ON DELETE RESTRICT,
    PRIMARY KEY (meeting_id, partner_id)
) STRICT;

CREATE TABLE insats (
    id               INTEGER PRIMARY KEY,
    title            TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    description      TEXT    NOT NULL DEFAULT '',
    kind             TEXT    NOT NULL CHECK (kind IN ('situationell', 'social')),
    term             TEXT    NOT NULL CHECK (term IN ('kort', 'lång')),
    area_id          INTEGER REFERENCES area (id) ON DELETE RESTRICT,
    category_id      INTEGER REFERENCES category (id) ON DELETE RESTRICT,
    cause            TEXT    NOT NULL DEFAULT '',
    contact          TEXT    NOT NULL DEFAULT '',
    start_date       TEXT    NOT NULL CHECK (date(start_date) = start_date),
    end_date         TEXT    CHECK (end_date IS NULL OR (date(end_date) = end_date AND end_date >= start_date)),
    follow_up_date   TEXT    CHECK (follow_up_date IS NULL OR date(follow_up_date) = follow_up_date),
    status           TEXT    NOT NULL DEFAULT 'planerad'
                             CHECK (status IN ('planerad', 'pågående', 'genomförd', 'avbruten')),
    -- Where it was decided: a meeting, or in words (a picture, "lägesbild v. 47 2026").
    meeting_id       INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
    decided_in       TEXT    NOT NULL DEFAULT '',
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
) STRICT;

CREATE TABLE insats_place (
    insats_id  INTEGER NOT NULL REFERENCES insats (id) ON DELETE CASCADE,
    place_id   INTEGER NOT NULL REFERENCES place (id) ON DELETE RESTRICT,
    PRIMARY KEY (insats_id, place_id)
) STRICT;

-- Responsible partners.
CREATE TABLE insats_partner (
    insats_id   INTEGER NOT NULL REFERENCES insats (id) ON DELETE CASCADE,
    partner_id  INTEGER NOT NULL REFERENCES partner (id) ON DELETE RESTRICT,
    PRIMARY KEY (insats_id, partner_id)
) STRICT;

CREATE TABLE follow_up (
    id          INTEGER PRIMARY KEY,
    insats_id   INTEGER NOT NULL REFERENCES insats (id) ON DELETE CASCADE,
    done_on     TEXT    NOT NULL CHECK (date(done_on) = done_on),
    text        TEXT    NOT NULL DEFAULT '',
    effect      TEXT    NOT NULL CHECK (effect IN ('tydlig förbättring', 'viss förbättring',
                                 'ingen förändring', 'försämring', 'kan inte bedömas')),
    created_at  TEXT    NOT NULL
) STRICT;
CREATE INDEX follow_up_insats ON follow_up (insats_id, done_on);

CREATE TABLE decision (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    text        TEXT    NOT NULL CHECK (length(text) >= 1),
    insats_id   INTEGER REFERENCES insats (id) ON DELETE SET NULL,
    created_at  TEXT    NOT NULL
) STRICT;
CREATE INDEX decision_meeting ON decision (meeting_id);
