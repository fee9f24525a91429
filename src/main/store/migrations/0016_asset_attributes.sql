-- Format 16: what an audit is prioritised by — the asset's criticality, the classification of the
-- data it holds and its environment (values: src/shared/asset-attributes.ts; NULL: not stated).
-- Imported from tags or columns, editable one by one and in bulk.
ALTER TABLE assets ADD COLUMN criticality TEXT;
ALTER TABLE assets ADD COLUMN data_classification TEXT;
ALTER TABLE assets ADD COLUMN environment TEXT;
