-- Format 18: the change log keeps each entry once, in one text: its hash, the previous entry's
-- hash and the exact canonical JSON the hash covers (`chained`); every other column is VIRTUAL,
-- generated from it, so that a walk of the chain hashes what is stored without spelling or
-- joining anything first and every reader sees what was hashed
-- (src/main/store/repos/change-log-table.ts). No hash changes: each entry's canonical JSON is the
-- text its hash was always taken of. The old table is renamed here; the code half
-- (change-log-entry-migration.ts) creates the new one, copies every row in id order with its
-- canonical JSON spelt by core/audit/chain.ts (a row edited outside Demarc is copied as it
-- stands, so `demarc verify` still names it), drops the old table and indexes the new one.
ALTER TABLE change_log RENAME TO change_log_17;
