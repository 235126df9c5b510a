-- Navet schema 8: areas, places and partners can be retired and restored, as categories
-- already can: a retired name leaves the lists a user chooses from and keeps its history.

ALTER TABLE area ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
ALTER TABLE place ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
ALTER TABLE partner ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
