-- Format 3: the Demarc versions that have opened this workbook, one row per version, written the
-- first time that version opens (or creates) it. Kept out of the change log on purpose: opening
-- is not a change to the workbook's content, so it must not move the last change (the export's
-- default "exported at"), enter the logical-content hash, or become an undoable entry
-- (docs/release.md, "The version in each workbook").
CREATE TABLE app_versions (
  version          TEXT PRIMARY KEY,
  first_opened_at  TEXT NOT NULL,
  first_opened_by  TEXT NOT NULL
) STRICT;
