-- Navet schema 3: the situation picture's assessments, frozen pictures, and the export log.

-- The coordinator's working assessment for a period: status and justification per
-- area, and the three analysis texts; JSON, since its shape follows the picture.
CREATE TABLE picture_draft (
    period_from  TEXT NOT NULL,
    period_to    TEXT NOT NULL,
    data         TEXT NOT NULL CHECK (json_valid(data)),
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (period_from, period_to)
) STRICT;

-- A picture as it was presented: every number, status and text, frozen as JSON, so
-- it exports again identically whatever reports arrive later.
CREATE TABLE picture_snapshot (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL,
    period_from  TEXT NOT NULL,
    period_to    TEXT NOT NULL,
    data         TEXT NOT NULL CHECK (json_valid(data)),
    created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX picture_snapshot_period ON picture_snapshot (period_from, period_to);

-- Every file that left the machine: what, where to, with which filters.
CREATE TABLE export_log (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    filters      TEXT NOT NULL CHECK (json_valid(filters)),
    recipient    TEXT,
    partner_safe INTEGER NOT NULL CHECK (partner_safe IN (0, 1)),
    created_at   TEXT NOT NULL
) STRICT;

-- Small settings, by key: the municipality's name for covers and headers.
CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;
