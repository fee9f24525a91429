-- Format 11: a note per asset × layer, written from the app, the CLI, or the Comments column of an
-- edited RACI export. One note per layer (the latest text wins), with who wrote it and when.
CREATE TABLE layer_notes (
  asset_id INTEGER NOT NULL REFERENCES assets (id),
  layer_id TEXT NOT NULL,
  note     TEXT NOT NULL CHECK (length(trim(note)) > 0),
  by       TEXT NOT NULL,
  at       TEXT NOT NULL,
  PRIMARY KEY (asset_id, layer_id)
) STRICT;
