-- Format 7: an asset without a model of its own is read under its provider's model (the setting
-- model_by_provider in meta; absent in older workbooks, whose assets keep following the default
-- model). The picture groups assets by provider too, so its covering index carries the provider.
DROP INDEX assets_picture;
CREATE INDEX assets_picture ON assets (service_model, owner_party_id, model_id, provider);
