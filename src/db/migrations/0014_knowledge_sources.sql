-- Navet schema 14: the law's long-period lägesbild (lag 2023:196) draws on other
-- knowledge than the partners' reports: a survey, SCB's medborgarundersökning, a
-- school's own survey. Each source has a title, who made it, its date, a summary and
-- an optional key figure (a label and a value, "Känner sig otrygga på kvällen": "31 %"),
-- and may concern one area.

CREATE TABLE knowledge_source (
    id            INTEGER PRIMARY KEY,
    title         TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    source        TEXT    NOT NULL DEFAULT '',
    dated         TEXT    NOT NULL CHECK (date(dated) = dated),
    summary       TEXT    NOT NULL DEFAULT '',
    figure_label  TEXT    NOT NULL DEFAULT '',
    figure_value  TEXT    NOT NULL DEFAULT '',
    area_id       INTEGER REFERENCES area (id) ON DELETE RESTRICT,
    created_at    TEXT    NOT NULL
) STRICT;
