-- Format 5: the demarcation picture counts assets per service model, owner and model with one
-- scan of this covering index (tens of milliseconds at 100k assets) instead of the table.
CREATE INDEX assets_picture ON assets (service_model, owner_party_id, model_id);
