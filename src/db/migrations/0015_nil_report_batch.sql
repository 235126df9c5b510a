-- Navet schema 15: a partner's file can say "inga händelser" for a week (a row whose
-- category is "Inga händelser"); the nil report remembers the import that brought it,
-- so undoing that import takes it away again, as it takes the import's reports.

ALTER TABLE nil_report ADD COLUMN import_batch_id INTEGER REFERENCES import_batch (id);
