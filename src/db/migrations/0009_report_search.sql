-- Navet schema 9: full-text search over what partners wrote (the description and
-- their own place text), kept in step with the reports by triggers (an import takes
-- the insert trigger off and indexes its rows in one statement at the end, as it
-- does for the month counts; see db/report_search.rs). The tokenizer
-- folds case but keeps diacritics, so å, ä and ö stay letters of their own ("år" is
-- not "ar"). External content: the text is stored once, in report.

CREATE VIRTUAL TABLE report_fts USING fts5(
    text, source_place,
    content = 'report', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 0",
    -- Words and prefixes only (no phrases or NEAR): a third of the index and of the
    -- time an import spends on it.
    detail = none
);
INSERT INTO report_fts (report_fts) VALUES ('rebuild');

CREATE TRIGGER report_fts_insert AFTER INSERT ON report
BEGIN
    INSERT INTO report_fts (rowid, text, source_place) VALUES (NEW.id, NEW.text, NEW.source_place);
END;

CREATE TRIGGER report_fts_delete AFTER DELETE ON report
BEGIN
    INSERT INTO report_fts (report_fts, rowid, text, source_place)
    VALUES ('delete', OLD.id, OLD.text, OLD.source_place);
END;

CREATE TRIGGER report_fts_update AFTER UPDATE OF text, source_place ON report
BEGIN
    INSERT INTO report_fts (report_fts, rowid, text, source_place)
    VALUES ('delete', OLD.id, OLD.text, OLD.source_place);
    INSERT INTO report_fts (rowid, text, source_place) VALUES (NEW.id, NEW.text, NEW.source_place);
END;
