-- Navet schema 12: the reporting rhythm and the year.
-- A partner's expected rhythm (a report every N days), and "inga händelser": a partner
-- saying it had nothing to report for a period, so silence and zero are told apart.
-- Every status an area is given is kept with its date and justification (the draft
-- keeps only the latest per period), for the status history of the year.

ALTER TABLE partner ADD COLUMN rhythm_days INTEGER
    CHECK (rhythm_days IS NULL OR rhythm_days BETWEEN 1 AND 366);

CREATE TABLE nil_report (
    id           INTEGER PRIMARY KEY,
    partner_id   INTEGER NOT NULL REFERENCES partner (id) ON DELETE RESTRICT,
    period_from  TEXT    NOT NULL CHECK (date(period_from) = period_from),
    period_to    TEXT    NOT NULL CHECK (date(period_to) = period_to AND period_to >= period_from),
    created_at   TEXT    NOT NULL,
    UNIQUE (partner_id, period_from, period_to)
) STRICT;

CREATE TABLE area_status_history (
    id             INTEGER PRIMARY KEY,
    area           TEXT    NOT NULL,
    period_from    TEXT    NOT NULL,
    period_to      TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    justification  TEXT    NOT NULL DEFAULT '',
    saved_at       TEXT    NOT NULL
) STRICT;
CREATE INDEX area_status_history_area ON area_status_history (area, period_from);

-- The statuses already in drafts, as of their draft's last change.
INSERT INTO area_status_history (area, period_from, period_to, status, justification, saved_at)
SELECT json_extract(s.value, '$.area'), d.period_from, d.period_to,
       json_extract(s.value, '$.status'), coalesce(json_extract(s.value, '$.justification'), ''),
       d.updated_at
FROM picture_draft d, json_each(d.data, '$.statuses') s
WHERE json_extract(s.value, '$.status') IS NOT NULL AND json_extract(s.value, '$.status') <> '';
