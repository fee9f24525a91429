-- Format 10: workshops. A meeting that walks a scope of assets, grouped into decision groups,
-- layer by layer; what the room decided, what it deferred as actions (an open action is the
-- finding ACTION_OPEN on its assets' layer until closed), and who was there.
CREATE TABLE workshops (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
  held_on     TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- The asset filter the scope was chosen with (JSON), as the user gave it.
  scope_json  TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('open', 'paused', 'finished')),
  -- Where the walk stands (saved on pause, resumed from there).
  group_index INTEGER NOT NULL DEFAULT 0 CHECK (group_index >= 0),
  layer_index INTEGER NOT NULL DEFAULT 0 CHECK (layer_index >= 0),
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  finished_at TEXT
) STRICT;

CREATE TABLE workshop_attendees (
  workshop_id INTEGER NOT NULL REFERENCES workshops (id),
  party_id    INTEGER NOT NULL REFERENCES parties (id),
  PRIMARY KEY (workshop_id, party_id)
) STRICT;

-- The decision groups, frozen when the workshop starts (a decision changes RACI, which would
-- otherwise move assets between groups in the middle of the walk).
CREATE TABLE workshop_groups (
  workshop_id INTEGER NOT NULL REFERENCES workshops (id),
  position    INTEGER NOT NULL CHECK (position >= 0),
  label       TEXT NOT NULL,
  model_id    TEXT NOT NULL,
  -- JSON array of asset ids, ascending.
  asset_ids   TEXT NOT NULL,
  PRIMARY KEY (workshop_id, position)
) STRICT;

CREATE TABLE workshop_decisions (
  id             INTEGER PRIMARY KEY,
  workshop_id    INTEGER NOT NULL REFERENCES workshops (id),
  group_position INTEGER NOT NULL,
  layer_id       TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('keep', 'raci', 'override', 'defer')),
  summary        TEXT NOT NULL,
  reason         TEXT,
  before_json    TEXT NOT NULL,
  after_json     TEXT NOT NULL,
  at             TEXT NOT NULL,
  by             TEXT NOT NULL
) STRICT;
CREATE INDEX workshop_decisions_by_workshop ON workshop_decisions (workshop_id, group_position);

CREATE TABLE workshop_actions (
  id             INTEGER PRIMARY KEY,
  workshop_id    INTEGER NOT NULL REFERENCES workshops (id),
  group_position INTEGER NOT NULL,
  layer_id       TEXT NOT NULL,
  title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
  owner_party_id INTEGER NOT NULL REFERENCES parties (id),
  due_on         TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  created_at     TEXT NOT NULL,
  closed_at      TEXT,
  closed_by      TEXT,
  close_note     TEXT
) STRICT;

CREATE TABLE workshop_action_assets (
  action_id INTEGER NOT NULL REFERENCES workshop_actions (id),
  asset_id  INTEGER NOT NULL REFERENCES assets (id),
  PRIMARY KEY (action_id, asset_id)
) STRICT;
CREATE INDEX workshop_action_assets_by_asset ON workshop_action_assets (asset_id);
