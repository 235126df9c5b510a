-- Navet schema 4: report counts per month, kept in step with the reports by triggers,
-- so a picture's baseline, trend and weekday × hour pattern over months and years read
-- a few thousand rows instead of every report (see db/report_month.rs).
--
-- Both tables are derived (they can always be rebuilt from report), so they have no
-- foreign keys; 0 stands for "unplaced" and -1 for "no time", as a primary key cannot
-- hold NULL.

-- Per month, place and category: the picture's area and place tables and its trend.
CREATE TABLE report_month (
    month        TEXT    NOT NULL,  -- YYYY-MM
    place_id     INTEGER NOT NULL,
    category_id  INTEGER NOT NULL,
    reports      INTEGER NOT NULL,
    total        INTEGER NOT NULL,
    PRIMARY KEY (month, place_id, category_id)
) WITHOUT ROWID, STRICT;

-- Per month, weekday (0 = Sunday, as strftime's %w), hour and partner: the pattern
-- and the partners of the picture's own period.
CREATE TABLE report_month_hour (
    month        TEXT    NOT NULL,
    weekday      INTEGER NOT NULL,
    hour         INTEGER NOT NULL,
    partner_id   INTEGER NOT NULL,
    reports      INTEGER NOT NULL,
    total        INTEGER NOT NULL,
    PRIMARY KEY (month, weekday, hour, partner_id)
) WITHOUT ROWID, STRICT;

INSERT INTO report_month (month, place_id, category_id, reports, total)
SELECT substr(occurred_date, 1, 7), coalesce(place_id, 0), category_id, count(*), sum(count)
FROM report
GROUP BY 1, 2, 3;

INSERT INTO report_month_hour (month, weekday, hour, partner_id, reports, total)
SELECT substr(occurred_date, 1, 7), CAST(strftime('%w', occurred_date) AS INTEGER),
       coalesce(CAST(substr(occurred_time, 1, 2) AS INTEGER), -1), partner_id, count(*), sum(count)
FROM report
GROUP BY 1, 2, 3, 4;

CREATE TRIGGER report_month_insert AFTER INSERT ON report
BEGIN
    INSERT INTO report_month (month, place_id, category_id, reports, total)
    VALUES (substr(NEW.occurred_date, 1, 7), coalesce(NEW.place_id, 0), NEW.category_id, 1, NEW.count)
    ON CONFLICT (month, place_id, category_id)
    DO UPDATE SET reports = reports + 1, total = total + excluded.total;
    INSERT INTO report_month_hour (month, weekday, hour, partner_id, reports, total)
    VALUES (substr(NEW.occurred_date, 1, 7), CAST(strftime('%w', NEW.occurred_date) AS INTEGER),
            coalesce(CAST(substr(NEW.occurred_time, 1, 2) AS INTEGER), -1), NEW.partner_id, 1, NEW.count)
    ON CONFLICT (month, weekday, hour, partner_id)
    DO UPDATE SET reports = reports + 1, total = total + excluded.total;
END;

CREATE TRIGGER report_month_delete AFTER DELETE ON report
BEGIN
    UPDATE report_month SET reports = reports - 1, total = total - OLD.count
    WHERE month = substr(OLD.occurred_date, 1, 7) AND place_id = coalesce(OLD.place_id, 0)
      AND category_id = OLD.category_id;
    DELETE FROM report_month
    WHERE month = substr(OLD.occurred_date, 1, 7) AND place_id = coalesce(OLD.place_id, 0)
      AND category_id = OLD.category_id AND reports <= 0;
    UPDATE report_month_hour SET reports = reports - 1, total = total - OLD.count
    WHERE month = substr(OLD.occurred_date, 1, 7)
      AND weekday = CAST(strftime('%w', OLD.occurred_date) AS INTEGER)
      AND hour = coalesce(CAST(substr(OLD.occurred_time, 1, 2) AS INTEGER), -1)
      AND partner_id = OLD.partner_id;
    DELETE FROM report_month_hour
    WHERE month = substr(OLD.occurred_date, 1, 7)
      AND weekday = CAST(strftime('%w', OLD.occurred_date) AS INTEGER)
      AND hour = coalesce(CAST(substr(OLD.occurred_time, 1, 2) AS INTEGER), -1)
      AND partner_id = OLD.partner_id AND reports <= 0;
END;

CREATE TRIGGER report_month_update
AFTER UPDATE OF occurred_date, occurred_time, place_id, category_id, partner_id, count ON report
BEGIN
    UPDATE report_month SET reports = reports - 1, total = total - OLD.count
    WHERE month = substr(OLD.occurred_date, 1, 7) AND place_id = coalesce(OLD.place_id, 0)
      AND category_id = OLD.category_id;
    DELETE FROM report_month
    WHERE month = substr(OLD.occurred_date, 1, 7) AND place_id = coalesce(OLD.place_id, 0)
      AND category_id = OLD.category_id AND reports <= 0;
    INSERT INTO report_month (month, place_id, category_id, reports, total)
    VALUES (substr(NEW.occurred_date, 1, 7), coalesce(NEW.place_id, 0), NEW.category_id, 1, NEW.count)
    ON CONFLICT (month, place_id, category_id)
    DO UPDATE SET reports = reports + 1, total = total + excluded.total;
    UPDATE report_month_hour SET reports = reports - 1, total = total - OLD.count
    WHERE month = substr(OLD.occurred_date, 1, 7)
      AND weekday = CAST(strftime('%w', OLD.occurred_date) AS INTEGER)
      AND hour = coalesce(CAST(substr(OLD.occurred_time, 1, 2) AS INTEGER), -1)
      AND partner_id = OLD.partner_id;
    DELETE FROM report_month_hour
    WHERE month = substr(OLD.occurred_date, 1, 7)
      AND weekday = CAST(strftime('%w', OLD.occurred_date) AS INTEGER)
      AND hour = coalesce(CAST(substr(OLD.occurred_time, 1, 2) AS INTEGER), -1)
      AND partner_id = OLD.partner_id AND reports <= 0;
    INSERT INTO report_month_hour (month, weekday, hour, partner_id, reports, total)
    VALUES (substr(NEW.occurred_date, 1, 7), CAST(strftime('%w', NEW.occurred_date) AS INTEGER),
            coalesce(CAST(substr(NEW.occurred_time, 1, 2) AS INTEGER), -1), NEW.partner_id, 1, NEW.count)
    ON CONFLICT (month, weekday, hour, partner_id)
    DO UPDATE SET reports = reports + 1, total = total + excluded.total;
END;
