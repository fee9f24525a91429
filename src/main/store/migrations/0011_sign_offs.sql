-- Sign-offs. A sign-off is a statement by a named person or team about a scope (one
-- asset × layer, an asset, the assets matching a filter, the whole workbook) on a date. The
-- assets it covers are fixed when it is signed (sign_off_items), each with the state it vouched
-- for (service model, owner, model, a digest per layer of responsibility, override and R/A/C/I:
-- src/core/audit/sign-off-state.ts); a sign-off is stale once an asset's state differs.
-- The signer's name is kept as signed: a sign-off is a statement of its day.
CREATE TABLE sign_offs (
  id          INTEGER PRIMARY KEY,
  scope_json  TEXT NOT NULL,
  scope_label TEXT NOT NULL,
  party_id    INTEGER NOT NULL,
  party_name  TEXT NOT NULL,
  signed_on   TEXT NOT NULL,
  statement   TEXT NOT NULL,
  note        TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
) STRICT;

-- layer_id '' = every layer of the asset.
CREATE TABLE sign_off_items (
  sign_off_id INTEGER NOT NULL REFERENCES sign_offs (id),
  asset_id    INTEGER NOT NULL,
  layer_id    TEXT NOT NULL DEFAULT '',
  state_json  TEXT NOT NULL,
  PRIMARY KEY (sign_off_id, asset_id, layer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX sign_off_items_asset ON sign_off_items (asset_id);
