-- Format 6: the workbook's stable id, and the layer → control mapping a user imported.
-- workbook_id is a random UUID (version 4) given once, when the workbook is created or first
-- migrated, and never changed: exports derive their stable identifiers (OSCAL uuids) from it, and
-- a copy of the file keeps it. SQLite has no UUID function, so it is spelt from random bytes.
INSERT INTO meta (key, value)
SELECT 'workbook_id',
       lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' ||
       substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'workbook_id');

-- The mapping in use when the user replaced the built-in one (at most one row; none = built-in).
CREATE TABLE control_mapping (
  slot        INTEGER PRIMARY KEY CHECK (slot = 1),
  mapping_id  TEXT NOT NULL,
  version     TEXT NOT NULL,
  json        TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
) STRICT;
