/**
 * The change log's table since format 18: each entry is stored once, in one text (`chained`): its
 * hash, the previous entry's hash and the exact canonical JSON the hash covers (core/audit/chain.ts)
 * — 64 + 64 characters, then the JSON. Every other column is VIRTUAL, generated from that text:
 * `hash`, `prev_hash` and `entry` are its three parts, and the columns the app filters and shows
 * (`at`, `actor`, `summary`, `before_json`…) are read from the JSON. SQLite derives them when a
 * query reads them and cannot store anything else in them, so what every reader sees is what was
 * hashed, and a walk of the chain hashes each stored text as it stands, with nothing to spell or
 * join first (docs/audit-trail.md). A hash Demarc did not write (an entry carried from a log
 * edited outside it) is stored as NO_HASH.
 *
 * The one way left to make the columns show something other than `entry` is to rewrite the
 * table's definition in sqlite_schema (PRAGMA writable_schema): the walk checks that the stored
 * definition is still CHANGE_LOG_TABLE_SQL, byte for byte.
 */
import type { CANONICAL_KEYS } from '@core/audit/chain';
import type { Db } from '../workbook-file';

type EntryKey = Exclude<(typeof CANONICAL_KEYS)[number], 'id'>;

/** The column each key of the canonical JSON is shown as (the `id` key is the row id). */
const COLUMN_OF = {
  at: 'at',
  actor: 'actor',
  action: 'action',
  entity: 'entity',
  entityId: 'entity_id',
  summary: 'summary',
  before: 'before_json',
  after: 'after_json',
  origin: 'origin',
  originTouches: 'origin_touches'
} as const satisfies Record<EntryKey, string>;

/** Characters of a hash (SHA-256, lowercase hex); `chained` holds two before the entry. */
export const HASH_CHARS = 64;

/** Where a hash is missing from an entry carried into format 18 (64 characters, never hex). */
export const NO_HASH = '-'.repeat(HASH_CHARS);

/** The parts of a stored `chained` text: its hash, the previous entry's hash, its canonical JSON. */
export interface ChainedParts {
  hash: string;
  prevHash: string;
  entry: string;
}

/** A stored `chained` text from its parts (the hashes are HASH_CHARS long, or NO_HASH). */
export function joinChained(parts: ChainedParts): string {
  return parts.hash + parts.prevHash + parts.entry;
}

/** A stored `chained` text's parts (joinChained's inverse). */
export function chainedParts(chained: string): ChainedParts {
  return { hash: chained.slice(0, HASH_CHARS), prevHash: chained.slice(HASH_CHARS, 2 * HASH_CHARS), entry: chained.slice(2 * HASH_CHARS) };
}

/** The canonical JSON of a stored `chained` text (what readers parse: cheaper than the generated columns). */
export function entryText(chained: string): string {
  return chained.slice(2 * HASH_CHARS);
}

const generated = Object.entries(COLUMN_OF).map(([key, column]) => `  ${column} TEXT AS (json_extract(entry, '$.${key}')) VIRTUAL`);

/** The table as migration 0018 creates it; the walk compares sqlite_schema's text with this. */
export const CHANGE_LOG_TABLE_SQL = `CREATE TABLE change_log (
  id INTEGER PRIMARY KEY,
  chained TEXT NOT NULL,
  hash TEXT AS (substr(chained, 1, ${HASH_CHARS})) VIRTUAL,
  prev_hash TEXT AS (substr(chained, ${HASH_CHARS + 1}, ${HASH_CHARS})) VIRTUAL,
  entry TEXT AS (substr(chained, ${2 * HASH_CHARS + 1})) VIRTUAL,
${generated.join(',\n')}
) STRICT`;

/** Its indexes: by record (history of one asset), by hash (links), by time (as-of, diff) and merged entries. */
export const CHANGE_LOG_INDEXES_SQL = `
CREATE INDEX change_log_entity ON change_log (entity, entity_id);
CREATE INDEX change_log_hash ON change_log (hash);
CREATE INDEX change_log_at ON change_log (at);
CREATE INDEX change_log_origin ON change_log (origin) WHERE origin IS NOT NULL;
`;

/** Whether the stored definition of change_log is still the one Demarc wrote (nobody rewrote its columns). */
export function changeLogDefinitionIntact(db: Db): boolean {
  const row = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'change_log'`).get() as { sql: string } | undefined;
  return row?.sql === CHANGE_LOG_TABLE_SQL;
}
