/**
 * The quick walk of a whole chain: SQLite spells each entry's chain input (the previous hash, then
 * the canonical JSON of core/audit/chain.ts) in one text column, and the walk hashes it with one
 * call of node:crypto's one-shot `hash`. No row objects, no JSON.stringify per entry: on a 1M-entry
 * log the canonical JSON built in JavaScript cost more than the hashing itself.
 *
 * It answers only "the chain is whole": any row it cannot vouch for (a missing or malformed hash, a
 * broken link, contents that do not match, entries past the recorded head, a log without the
 * origin columns of format 12) makes it answer null, and walkChain then walks the log the long way
 * and names the break exactly as before. It can never call a broken chain whole: it accepts a row
 * only when SHA-256 of the text it built equals the stored hash, which the entry's canonical JSON
 * produced when it was written; json_quote and JSON.stringify both spell a JSON string that decodes
 * to the stored text, so where their spellings might differ the quick walk merely gives up.
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

/** The SQL text of one key and its value, as canonicalEntry spells it (`id` is an integer; the rest text or null). */
function member(key: (typeof CANONICAL_KEYS)[number], first: boolean): string {
  const value = key === 'id' ? COLUMN_OF.id : `json_quote(${COLUMN_OF[key]})`;
  return `'${first ? '{' : ','}"${key}":' || ${value}`;
}

/** The canonical JSON in SQL: the own keys always, the merged keys when `origin` is set. */
function canonicalSql(): string {
  const parts: string[] = [];
  for (const [i, key] of CANONICAL_KEYS.entries()) {
    if (key === 'origin') {
      const merged = CANONICAL_KEYS.filter((k) => MERGED_KEYS.has(k)).map((k) => member(k, false));
      parts.push(`CASE WHEN ${COLUMN_OF.origin} IS NULL THEN '' ELSE ${merged.join(' || ')} END`);
    } else if (!MERGED_KEYS.has(key)) {
      parts.push(member(key, i === 0));
    }
  }
  return `${parts.join(' || ')} || '}'`;
}

/** Text columns that may be null, and those that may not (STRICT tables hold nothing else). */
const WELL_TYPED = [
  `typeof(${COLUMN_OF.id}) = 'integer'`,
  ...(['at', 'actor', 'action', 'entity', 'summary'] as const).map((k) => `typeof(${COLUMN_OF[k]}) = 'text'`),
  ...(['entityId', 'before', 'after', 'origin', 'originTouches'] as const).map((k) => `typeof(${COLUMN_OF[k]}) IN ('text', 'null')`),
  `typeof(hash) = 'text' AND length(hash) = 64`,
  `typeof(prev_hash) = 'text' AND length(prev_hash) = 64`
].join(' AND ');

/** Each row as `hash` + `prev_hash` + canonical JSON (null for a row the quick walk will not judge). */
export const CHAIN_INPUT_SQL = `SELECT CASE WHEN ${WELL_TYPED} THEN hash || prev_hash || ${canonicalSql()} END FROM change_log ORDER BY id`;

/** SHA-256 (hex) of a text's UTF-8 bytes, with node:crypto's one-shot hash. */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/**
 * The chain's entries and last link when every row is well formed, follows the row before it from
 * `genesis` and hashes to its stored hash; null as soon as one does not (or SQLite cannot spell the
 * log, as before the merge columns exist). It does not look at the recorded head: the caller does.
 */
export function quickWalk(db: Db, genesis: string): { entries: number; last: ChainHead | null } | null {
  let statement;
  try {
    statement = db.prepare(CHAIN_INPUT_SQL).pluck();
  } catch {
    return null;
  }
  let prev = genesis;
  let entries = 0;
  for (const text of statement.iterate() as IterableIterator<string | null>) {
    if (text === null || text.slice(64, 128) !== prev) return null;
    const input = text.slice(64);
    const own = text.slice(0, 64);
    if (sha256Hex(input) !== own) return null;
    prev = own;
    entries += 1;
  }
  const last = db.prepare('SELECT id FROM change_log ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined;
  return { entries, last: last === undefined ? null : { id: last, hash: prev } };
}
