-- Format 2: each inventory import run is recorded with the file's fingerprint.
CREATE TABLE import_runs (
  id          INTEGER PRIMARY KEY,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  format      TEXT NOT NULL,
  encoding    TEXT,
  counts_json TEXT NOT NULL,
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL
) STRICT;
ALTER TABLE assets ADD COLUMN last_import_run_id INTEGER REFERENCES import_runs (id);
CREATE INDEX change_log_entity ON change_log (entity, entity_id);
