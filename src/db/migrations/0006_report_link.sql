-- Navet schema 6: the same incident reported by two partners ("samma händelse").
-- Navet proposes pairs (same place, category and day, close in time, two partners);
-- the coordinator confirms or rejects each. A confirmed pair counts once in the picture;
-- both reports stay. Undoing an import removes its reports' pairs with them.
CREATE TABLE report_link (
    id          INTEGER PRIMARY KEY,
    first_id    INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    second_id   INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    status      TEXT    NOT NULL CHECK (status IN ('suggested', 'confirmed', 'rejected')),
    created_at  TEXT    NOT NULL,
    decided_at  TEXT,
    CHECK (first_id < second_id),
    UNIQUE (first_id, second_id)
) STRICT;
CREATE INDEX report_link_second ON report_link (second_id);
