/**
 * The quick walk of a whole chain: each entry is stored as one text since format 18 — its hash, its
 * link and its canonical JSON (`chained`, change-log-table.ts) — read as it stands, in pages of ids
 * with better-sqlite3's `.pluck().all()`, and each link and entry is hashed with one call of
 * node:crypto's one-shot `hash`. No row objects, nothing spelt or joined per entry: before format 18
 * SQLite spelt each canonical JSON from the columns with json_object, which cost more than the
 * hashing itself, and joining three columns per row cost a third of it.
 *
 * It answers only "the chain is whole": any row it cannot vouch for (a missing hash, a broken link,
 * contents that do not match) or a table whose definition was rewritten makes it answer null, and
 * walkChain then walks the log the long way and names the break.
 */
import { hash } from 'node:crypto';
import type { ChainHead } from '@shared/audit';
import type { Db } from '../workbook-file';
import { HASH_CHARS, changeLogDefinitionIntact } from './change-log-table';

/** The rows with ids in [@from, @to), in id order, each as stored: `hash` + `prev_hash` + `entry`. */
export const CHAIN_INPUT_SQL = 'SELECT chained FROM change_log WHERE id >= @from AND id < @to ORDER BY id';

/** Ids per page of the quick walk: big enough that better-sqlite3's per-call cost vanishes, small enough to hold (about 5 MB). */
const PAGE_IDS = 10_000;

/** SHA-256 (hex) of a text's UTF-8 bytes, with node:crypto's one-shot hash. */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/**
 * The log's chain inputs (CHAIN_INPUT_SQL), a page of ids [from, from + PAGE_IDS) at a time, each
 * page starting at the next id there is: every row is read once, in id order. Throws when an id is
 * beyond JavaScript's exact integers.
 */
export function* chainInputPages(db: Db): Generator<readonly string[]> {
  const page = db.prepare(CHAIN_INPUT_SQL).pluck();
  const nextId = db.prepare('SELECT min(id) FROM change_log WHERE id >= @from').pluck();
  for (let from = nextId.get({ from: Number.MIN_SAFE_INTEGER }) as number | null; from !== null; ) {
    if (!Number.isSafeInteger(from)) throw new RangeError(`change-log id ${from} is not an exact integer here`);
    const to = from + PAGE_IDS;
    yield page.all({ from, to }) as string[];
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
      if (text.slice(HASH_CHARS, 2 * HASH_CHARS) !== prev) return null;
      const own = text.slice(0, HASH_CHARS);
      if (sha256Hex(text.slice(HASH_CHARS)) !== own) return null;
      prev = own;
      entries += 1;
    }
  }
  const lastId = db.prepare('SELECT max(id) FROM change_log').pluck().get() as number | null;
  return { entries, last: lastId === null ? null : { id: lastId, hash: prev } };
}

/**
 * The chain's entries and last link when every row is well formed, follows the row before it from
 * `genesis` and hashes to its stored hash; null as soon as one does not, or the table's definition
 * was rewritten (its columns might not show what is hashed). It does not look at the recorded
 * head: the caller does.
 */
export function quickWalk(db: Db, genesis: string): { entries: number; last: ChainHead | null } | null {
  try {
    return changeLogDefinitionIntact(db) ? walkPages(db, genesis) : null;
  } catch {
    return null;
  }
}
