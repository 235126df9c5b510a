-- Navet schema 13: trygghetsvandringar (safety walks) and medborgarlöften (citizen
-- promises).
-- A walk has points: a place, a problem, maybe a photo (copied into Navet's data
-- folder; the path here is relative to it), a proposed action, an owner and a status;
-- a point can become a report and/or an insats, and the protocol says what happened.
-- A promise runs for a period, between parties, for areas and chosen problems; its
-- commitments are tied to insatser; a follow-up closes it.

CREATE TABLE walk (
    id            INTEGER PRIMARY KEY,
    held_on       TEXT    NOT NULL CHECK (date(held_on) = held_on),
    area_id       INTEGER REFERENCES area (id) ON DELETE RESTRICT,
    route         TEXT    NOT NULL DEFAULT '',
    participants  TEXT    NOT NULL DEFAULT '',
    created_at    TEXT    NOT NULL
) STRICT;

CREATE TABLE walk_point (
    id                INTEGER PRIMARY KEY,
    walk_id           INTEGER NOT NULL REFERENCES walk (id) ON DELETE CASCADE,
    place_id          INTEGER REFERENCES place (id) ON DELETE RESTRICT,
    place_text        TEXT    NOT NULL DEFAULT '',
    problem           TEXT    NOT NULL CHECK (length(problem) >= 1),
    category_id       INTEGER REFERENCES category (id) ON DELETE RESTRICT,
    photo             TEXT,
    proposed_action   TEXT    NOT NULL DEFAULT '',
    owner_partner_id  INTEGER REFERENCES partner (id) ON DELETE RESTRICT,
    status            TEXT    NOT NULL DEFAULT 'öppen'
                              CHECK (status IN ('öppen', 'åtgärdad', 'ingen åtgärd')),
    report_id         INTEGER REFERENCES report (id) ON DELETE SET NULL,
    insats_id         INTEGER REFERENCES insats (id) ON DELETE SET NULL,
    created_at        TEXT    NOT NULL
) STRICT;
CREATE INDEX walk_point_walk ON walk_point (walk_id);

CREATE TABLE promise (
    id           INTEGER PRIMARY KEY,
    title        TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    period_from  TEXT    NOT NULL CHECK (date(period_from) = period_from),
    period_to    TEXT    NOT NULL CHECK (date(period_to) = period_to AND period_to >= period_from),
    parties      TEXT    NOT NULL DEFAULT '',
    areas        TEXT    NOT NULL DEFAULT '',
    problems     TEXT    NOT NULL DEFAULT '',
    summary      TEXT    NOT NULL DEFAULT '',
    status       TEXT    NOT NULL DEFAULT 'pågående'
                         CHECK (status IN ('planerat', 'pågående', 'uppföljt')),
    follow_up    TEXT    NOT NULL DEFAULT '',
    created_at   TEXT    NOT NULL
) STRICT;

CREATE TABLE promise_commitment (
    id          INTEGER PRIMARY KEY,
    promise_id  INTEGER NOT NULL REFERENCES promise (id) ON DELETE CASCADE,
    party       TEXT    NOT NULL DEFAULT '',
    text        TEXT    NOT NULL CHECK (length(text) >= 1),
    insats_id   INTEGER REFERENCES insats (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX promise_commitment_promise ON promise_commitment (promise_id);
