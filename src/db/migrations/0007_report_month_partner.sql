-- Navet schema 7: the month counts per place and category also per partner, so a
-- picture's baseline can count a partner only from the period it started reporting
-- (a partner that joined in March makes January no month of zero for its categories).
-- The hour table already holds the partner; its triggers are rebuilt unchanged.

DROP TRIGGER report_month_insert;
DROP TRIGGER report_month_delete;
DROP TRIGGER report_month_update;
DROP TABLE report_month;

CREATE TABLE report_month (
    month        TEXT    NOT NULL,  -- YYYY-MM
    place_id     INTEGER NOT NULL,  -- 0: unplaced
    category_id  INTEGER NOT NULL,
    partner_id   INTEGER NOT NULL,
    reports      INTEGER NOT NULL,
    total        INTEGER NOT NULL,
    PRIMARY KEY (month, place_id, category_id, partner_id)
) WITHOUT ROWID, STRICT;

INSERT INTO report_month (month, place_id, category_id, partner_id, reports, total)
SELECT substr(occurred_date, 1, 7), coalesce(place_id, 0), category_id, partner_id, count(*), sum(count)
FROM report
GROUP BY 1, 2, 3, 4;

CREATE TRIGGER report_month_insert AFTER INSERT ON report
BEGIN
    INSERT INTO report_month (month, place_id, category_id, partner_id, reports, total)
    VALUES (substr(NEW.occurred_date, 1, 7), coalesce(NEW.place_id, 0), NEW.category_id, NEW.partner_id, 1, NEW.count)
    ON CONFLICT (month, place_id, category_id, partner_id)
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
      AND category_id = OLD.category_id AND partner_id = OLD.partner_id;
    DELETE FROM report_month
    WHERE month = substr(OLD.occurred_date, 1, 7) AND place_id = coalesce(OLD.place_id, 0)
      AND category_id = OLD.category_id AND partner_id = OLD.partner_id AND reports <= 0;
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
      AND category_id = OLD.category_id AND partner_id = OLD.partner_id;
    DELETE FROM report_month
    WHERE month = substr(OLD.occurred_date, 1, 7) AND place_id = coalesce(OLD.place_id, 0)
      AND category_id = OLD.category_id AND partner_id = OLD.partner_id AND reports <= 0;
    INSERT INTO report_month (month, place_id, category_id, partner_id, reports, total)
    VALUES (substr(NEW.occurred_date, 1, 7), coalesce(NEW.place_id, 0), NEW.category_id, NEW.partner_id, 1, NEW.count)
    ON CONFLICT (month, place_id, category_id, partner_id)
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
