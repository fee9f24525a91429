-- Demarc workbook format 1: the domain every later feature fills.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE parties (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL COLLATE NOCASE UNIQUE,
  kind       TEXT NOT NULL CHECK (kind IN ('person', 'team', 'provider', 'third_party')),
  email      TEXT,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  left_at    TEXT,
  notes      TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE assets (
  id                        INTEGER PRIMARY KEY,
  key                       TEXT NOT NULL UNIQUE,
  external_id               TEXT,
  name                      TEXT NOT NULL,
  type                      TEXT,
  kind                      TEXT,
  sku                       TEXT,
  managed_by                TEXT,
  provider                  TEXT,
  subscription              TEXT,
  resource_group            TEXT,
  location                  TEXT,
  tags                      TEXT NOT NULL DEFAULT '{}',
  service_model             TEXT CHECK (service_model IN ('onprem', 'iaas', 'paas', 'saas')),
  service_model_source      TEXT CHECK (service_model_source IN ('classifier', 'manual', 'import')),
  classification_reason     TEXT,
  classification_confidence TEXT,
  needs_review              INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0, 1)),
  model_id                  TEXT,
  owner_party_id            INTEGER REFERENCES parties (id),
  last_reviewed_at          TEXT,
  not_seen_in_last_import   INTEGER NOT NULL DEFAULT 0 CHECK (not_seen_in_last_import IN (0, 1)),
  source                    TEXT,
  created_at                TEXT NOT NULL,
  updated_at                TEXT NOT NULL
) STRICT;
CREATE INDEX assets_owner ON assets (owner_party_id);
CREATE INDEX assets_service_model ON assets (service_model);

-- An asset x layer responsibility that departs from the published model, with its reason.
CREATE TABLE layer_overrides (
  asset_id       INTEGER NOT NULL REFERENCES assets (id),
  layer_id       TEXT NOT NULL,
  responsibility TEXT NOT NULL CHECK (responsibility IN ('provider', 'customer', 'shared')),
  justification  TEXT NOT NULL CHECK (length(trim(justification)) > 0),
  by             TEXT NOT NULL,
  at             TEXT NOT NULL,
  PRIMARY KEY (asset_id, layer_id)
) STRICT;

-- Explicit RACI assignments; defaults are computed, never stored.
CREATE TABLE raci_assignments (
  asset_id INTEGER NOT NULL REFERENCES assets (id),
  layer_id TEXT NOT NULL,
  party_id INTEGER NOT NULL REFERENCES parties (id),
  role     TEXT NOT NULL CHECK (role IN ('R', 'A', 'C', 'I')),
  PRIMARY KEY (asset_id, layer_id, role, party_id)
) STRICT;
CREATE INDEX raci_by_party ON raci_assignments (party_id);

-- Models a user imported (the built-in ones ship with the app).
CREATE TABLE custom_models (
  id          TEXT PRIMARY KEY,
  version     TEXT NOT NULL,
  json        TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
) STRICT;

-- Every write: when, who, what, before and after.
CREATE TABLE change_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   TEXT,
  summary     TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT
) STRICT;
