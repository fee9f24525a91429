-- Format 11: the columns of an import file that map to no field are kept with the asset
-- ({"column": "value"}, JSON text), shown in the asset panel and exported, instead of dropped.
ALTER TABLE assets ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';
