-- Format 4: a service model is one of the columns its responsibility model declares (Microsoft's
-- and Google's onprem/iaas/paas/saas, AWS's infrastructure/container/abstracted, a custom model's
-- own), no longer one of four fixed values. SQLite cannot drop a CHECK, so the assets table is
-- rebuilt: the same columns in the same order, every row with its id, the same indexes. The service
-- model keeps a shape check only (a lower-case id, as model files declare them); which ids an asset
-- may take is its model's business, checked by the app. layer_overrides and raci_assignments point
-- at assets: the runner turns foreign keys off around this transaction (SQLite ignores that pragma
-- inside one) and runs PRAGMA foreign_key_check before it commits.
CREATE TABLE assets_format_4 (
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
  service_model             TEXT CHECK (service_model GLOB '[a-z]*' AND service_model NOT GLOB '*[^a-z0-9-]*'),
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
  updated_at                TEXT NOT NULL,
  last_import_run_id        INTEGER REFERENCES import_runs (id)
) STRICT;

INSERT INTO assets_format_4 (
  id, key, external_id, name, type, kind, sku, managed_by, provider, subscription, resource_group,
  location, tags, service_model, service_model_source, classification_reason,
  classification_confidence, needs_review, model_id, owner_party_id, last_reviewed_at,
  not_seen_in_last_import, source, created_at, updated_at, last_import_run_id
)
SELECT
  id, key, external_id, name, type, kind, sku, managed_by, provider, subscription, resource_group,
  location, tags, service_model, service_model_source, classification_reason,
  classification_confidence, needs_review, model_id, owner_party_id, last_reviewed_at,
  not_seen_in_last_import, source, created_at, updated_at, last_import_run_id
FROM assets;

DROP TABLE assets;
ALTER TABLE assets_format_4 RENAME TO assets;
CREATE INDEX assets_owner ON assets (owner_party_id);
CREATE INDEX assets_service_model ON assets (service_model);
