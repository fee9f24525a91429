/**
 * The quick walk of a whole chain: SQLite spells each entry's chain input (the previous hash, then
 * the canonical JSON of core/audit/chain.ts, built by one json_object call) in one text column, the
 * walk reads the rows in pages of ids with better-sqlite3's `.pluck().all()` and hashes each input
 * with one call of node:crypto's one-shot `hash`. No row objects, no JSON.stringify per entry, no
 * string concatenation in JavaScript: on a 1M-entry log the canonical JSON built in JavaScript,
 * or by SQLite from a chain of `||` and json_quote (or one format() over a json_quote per field),
 * cost more than the hashing itself.
 *
 * It answers only "the chain is whole": any row it cannot vouch for (a missing or malformed hash, a
 * broken link, contents that do not match, a log without the origin columns of format 12, a table
 * that is no longer STRICT) makes it answer null, and walkChain then walks the log the long way and
 * names the break exactly as before. It accepts a row only when SHA-256 of the text it built equals
 * the stored hash, so it agrees with the long walk only because that text is byte for byte the
 * long walk's chain input for every row the table can hold: were the two spellings ever to differ,
 * someone editing the file could store the hash of SQLite's spelling and the quick walk would vouch
 * for a row the long walk rejects. In a STRICT table each column holds its declared type (text or
 * null, the id an integer), and json_object escapes exactly what JSON.stringify escapes (quote,
 * backslash, control characters — NUL too — as \b \t \n \f \r or lower-case \u00XX, nothing else);
 * bytes no JavaScript string writes (invalid UTF-8) pass through json_object untouched and are read
 * with U+FFFD by better-sqlite3 in both walks. chain-quick.test.ts checks all of these, and the
 * lengths (64) rule out a hash split between `hash` and `prev_hash`.
 */
import { hash } from 'node:crypto';
import { CANONICAL_KEYS, type ChainedEntry } from '@core/audit/chain';
import type { ChainHead } from '@shared/audit';
import type { Db } from '../workbook-file';
import type { ChangeRow } from './change-log';

/** The column each key of the canonical JSON is read from. */
const COLUMN_OF = {
  action: 'action',
  actor: 'actor',
  after: 'after_json',
  at: 'at',
  before: 'before_json',
  entity: 'entity',
  entityId: 'entity_id',
  id: 'id',
  origin: 'origin',
  originTouches: 'origin_touches',
  summary: 'summary'
} as const satisfies Record<(typeof CANONICAL_KEYS)[number], keyof ChangeRow>;

/** Keys present only on a merged entry (canonicalEntry leaves them out when `origin` is null). */
const MERGED_KEYS: ReadonlySet<keyof ChainedEntry> = new Set(['origin', 'originTouches']);

/** json_object over the keys given, in CANONICAL_KEYS order (json_object keeps its arguments' order). */
function objectSql(keys: readonly (typeof CANONICAL_KEYS)[number][]): string {
  return `json_object(${keys.map((key) => `'${key}', ${COLUMN_OF[key]}`).join(', ')})`;
}

/** The canonical JSON in SQL: the own keys always, the merged keys too when `origin` is set. */
function canonicalSql(): string {
  const own = CANONICAL_KEYS.filter((k) => !MERGED_KEYS.has(k));
  return `CASE WHEN ${COLUMN_OF.origin} IS NULL THEN ${objectSql(own)} ELSE ${objectSql(CANONICAL_KEYS)} END`;
}

/**
 * The rows with ids in [@from, @to), in id order, each as `hash` + `prev_hash` + canonical JSON
 * (null when either hash is missing or not 64 characters long: a row the quick walk will not judge).
 * The lengths matter: the walk cuts the text at 64 and 128, so a hash stored partly in `prev_hash`
 * would otherwise spell the same text as the whole row it was cut from.
 */
export const CHAIN_INPUT_SQL = `SELECT CASE WHEN length(hash) = 64 AND length(prev_hash) = 64 THEN hash || prev_hash || ${canonicalSql()} END FROM change_log WHERE id >= @from AND id < @to ORDER BY id`;

/** Ids per page of the quick walk: big enough that better-sqlite3's per-call cost vanishes, small enough to hold (about 5 MB). */
const PAGE_IDS = 10_000;

/** SHA-256 (hex) of a text's UTF-8 bytes, with node:crypto's one-shot hash. */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** Whether change_log is still a STRICT table (each column its declared type), as every migration made it. */
function isStrict(db: Db): boolean {
  const row = db.prepare(`SELECT strict FROM pragma_table_list WHERE schema = 'main' AND name = 'change_log'`).get() as { strict: number } | undefined;
  return row?.strict === 1;
}

/**
 * The log's chain inputs (CHAIN_INPUT_SQL), a page of ids [from, from + PAGE_IDS) at a time, each
 * page starting at the next id there is: every row is read once, in id order. Throws when SQLite
 * cannot spell the log (before the merge columns exist) or an id is beyond JavaScript's exact integers.
 */
export function* chainInputPages(db: Db): Generator<readonly (string | null)[]> {
  const page = db.prepare(CHAIN_INPUT_SQL).pluck();
  const nextId = db.prepare('SELECT min(id) FROM change_log WHERE id >= @from').pluck();
  for (let from = nextId.get({ from: Number.MIN_SAFE_INTEGER }) as number | null; from !== null; ) {
    if (!Number.isSafeInteger(from)) throw new RangeError(`change-log id ${from} is not an exact integer here`);
    const to = from + PAGE_IDS;
    yield page.all({ from, to }) as (string | null)[];
    from = nextId.get({ from: to }) as number | null;
  }
}

/** The chain's entries and last link, or null as soon as a row cannot be vouched for (see quickWalk). */
function walkPages(db: Db, genesis: string): { entries: number; last: ChainHead | null } | null {
  let prev = genesis;
  let entries = 0;
  for (const texts of chainInputPages(db)) {
    for (const text of texts) {
      // The text is the stored hash, then the chain input: the previous hash and the canonical JSON.
      if (text === null || text.slice(64, 128) !== prev) return null;
      const own = text.slice(0, 64);
      if (sha256Hex(text.slice(64)) !== own) return null;
      prev = own;
      entries += 1;
    }
  }
  const lastId = db.prepare('SELECT max(id) FROM change_log').pluck().get() as number | null;
  return { entries, last: lastId === null ? null : { id: lastId, hash: prev } };
}

/**
 * The chain's entries and last link when every row is well formed, follows the row before it from
 * `genesis` and hashes to its stored hash; null as soon as one does not, or SQLite cannot spell the
 * log (before the merge columns exist), or the table is no longer STRICT. It does not look at the
 * recorded head: the caller does.
 */
export function quickWalk(db: Db, genesis: string): { entries: number; last: ChainHead | null } | null {
  try {
    return isStrict(db) ? walkPages(db, genesis) : null;
  } catch {
    return null;
  }
}
