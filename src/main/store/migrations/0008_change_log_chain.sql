-- Format 7: the change log becomes a hash chain. Each entry carries the hash of the entry before
-- it (prev_hash; 64 zeros for the first) and its own hash: SHA-256 of prev_hash followed by the
-- entry's canonical JSON (src/core/audit/chain.ts). SQLite has no SHA-256, so the hashes of the
-- entries already in the log are computed by this migration's code (chainExistingLog), inside
-- this same transaction, which then logs the migration itself as the chain's next entry.
ALTER TABLE change_log ADD COLUMN prev_hash TEXT;
ALTER TABLE change_log ADD COLUMN hash TEXT;
CREATE UNIQUE INDEX change_log_hash ON change_log (hash);
