-- Saved sets: a named scope kept in the workbook. kind 'filter' keeps the asset filter (JSON,
-- shared/filter.ts) and follows the inventory; kind 'selection' keeps the chosen asset ids (a JSON
-- array, ascending). Names are unique, case-insensitively (the service compares JavaScript's case fold).
CREATE TABLE saved_sets (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  name_key    TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('filter', 'selection')),
  filter_json TEXT,
  asset_ids   TEXT,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  CHECK ((kind = 'filter') = (filter_json IS NOT NULL) AND (kind = 'selection') = (asset_ids IS NOT NULL))
) STRICT;
