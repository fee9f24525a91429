/**
 * The change log's hash chain in the store: each entry's `hash` is the SHA-256 of the previous
 * entry's hash followed by the entry's canonical JSON (core/audit/chain.ts), stored as `entry`
 * since format 18 (change-log-table.ts), and the workbook's meta table keeps the head so that
 * entries removed from, or added at, the end are seen too.
 */
import { GENESIS_HASH, canonicalEntry, chainInput, formatChainHead, parseChainHead, type ChainedEntry } from '@core/audit/chain';
import type { ChainBreak, ChainHead } from '@shared/audit';
import type { Db } from '../workbook-file';
import { META_KEYS, writeMeta } from './meta';
import { quickWalk, sha256Hex } from './change-log-chain-sql';
import { NO_HASH, chainedParts, changeLogDefinitionIntact, joinChained, type ChainedParts } from './change-log-table';

/** A change_log row as the walk reads it: its id and the parts of its stored text. */
type ChainRow = ChainedParts & { id: number };

/** A row of the table before format 18 (one column per field; before format 12 without the origin columns). */
export interface StoredRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string | null;
  hash: string | null;
  origin?: string | null;
  origin_touches?: string | null;
}

/** The hash an entry must carry after `prevHash`. */
export function entryHash(prevHash: string, entry: ChainedEntry): string {
  return sha256Hex(chainInput(prevHash, entry));
}

/** An entry that follows `prevHash`: its hash, and the text stored for it (format 18, change-log-table.ts). */
export function chainEntry(prevHash: string, entry: ChainedEntry): { hash: string; chained: string } {
  const hash = entryHash(prevHash, entry);
  return { hash, chained: joinChained({ hash, prevHash, entry: canonicalEntry(entry) }) };
}

/** A row of the table before format 18 as the chain hashes it (migrations 0008 and 0018). */
export function toChained(row: StoredRow): ChainedEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    summary: row.summary,
    before: row.before_json,
    after: row.after_json,
    origin: row.origin ?? null,
    originTouches: row.origin_touches ?? null
  };
}

/** The last entry's id and hash (null for an empty log or a log not chained yet). */
export function lastLink(db: Db): { id: number; hash: string | null } | null {
  return (db.prepare('SELECT id, hash FROM change_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string | null } | undefined) ?? null;
}

/** The head recorded in the workbook's meta table at the last write (null: none recorded). */
export function recordedHead(db: Db): ChainHead | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = @key').get({ key: META_KEYS.chainHead }) as { value: string } | undefined;
  return row ? parseChainHead(row.value) : null;
}

export function recordHead(db: Db, head: ChainHead): void {
  writeMeta(db, META_KEYS.chainHead, formatChainHead(head));
}

/**
 * Hashes every entry of a log written before the chain existed, in id order, and records the
 * head. Run once by the migration that added the chain (format 8, one column per field), inside its transaction.
 */
export function chainExistingLog(db: Db): ChainHead | null {
  const rows = db.prepare('SELECT * FROM change_log ORDER BY id').all() as StoredRow[];
  const update = db.prepare('UPDATE change_log SET prev_hash = @prev, hash = @hash WHERE id = @id');
  let prev = GENESIS_HASH;
  let head: ChainHead | null = null;
  for (const row of rows) {
    const hash = entryHash(prev, toChained(row));
    update.run({ prev, hash, id: row.id });
    head = { id: row.id, hash };
    prev = hash;
  }
  if (head) recordHead(db, head);
  return head;
}

/** What a walk of the chain found. */
export interface ChainWalk {
  entries: number;
  /** The last entry as stored (null: empty log). */
  head: ChainHead | null;
  /** The first entry that does not match, or null when the chain is whole. */
  firstBreak: ChainBreak | null;
}

/** The SHA-256 a stored row's link and entry hash to: what its `hash` must be. */
function ownHash(row: ChainRow): string {
  return sha256Hex(row.prevHash + row.entry);
}

function linkBreak(db: Db, row: ChainRow, prevId: number, recorded: ChainHead | null): ChainBreak {
  const self = ownHash(row) === row.hash;
  const follows = db.prepare('SELECT id FROM change_log WHERE hash = @hash ORDER BY id LIMIT 1').get({ hash: row.prevHash }) as { id: number } | undefined;
  if (recorded !== null && row.id > recorded.id) {
    return { entryId: row.id, kind: 'forged', message: `Entry #${row.id} was added after the last entry Demarc wrote (#${recorded.id}): it does not follow the chain.` };
  }
  if (follows && follows.id !== prevId && follows.id !== row.id) {
    return { entryId: row.id, kind: 'reordered', message: `Entry #${row.id} was written after entry #${follows.id} but is stored after #${prevId || 'the start'}: entries were reordered.` };
  }
  if (self) {
    const missing = row.id - prevId - 1;
    const which = missing > 1 ? `entries #${prevId + 1}–#${row.id - 1} are` : missing === 1 ? `entry #${prevId + 1} is` : 'an entry is';
    return { entryId: row.id, kind: 'deleted', message: `The entry before #${row.id} is not the one it was written after: ${which} missing (deleted).` };
  }
  return { entryId: row.id, kind: 'edited', message: `Entry #${row.id} was edited: its link to the entry before it no longer matches.` };
}

/** The break a rewritten table definition is: its columns may show something other than what was hashed. */
function definitionBreak(db: Db): ChainBreak {
  const first = db.prepare('SELECT min(id) FROM change_log').pluck().get() as number | null;
  return {
    entryId: first ?? 0,
    kind: 'edited',
    message: 'The change log\'s table definition was rewritten outside Demarc: what its columns show may not be what was hashed.'
  };
}

/**
 * Walks the whole log in id order, streaming, and names the first entry that breaks the chain:
 * an entry without a hash (added outside Demarc), an entry whose contents no longer match its
 * hash (edited), an entry that does not follow the one before it (deleted, reordered), entries
 * after the head Demarc recorded (forged at the end) or fewer than it recorded (deleted at the end),
 * or a table whose definition was rewritten (its columns would no longer be what was hashed).
 */
export function walkChain(db: Db): ChainWalk {
  const recorded = recordedHead(db);
  // A whole chain is vouched for quickly; anything else is walked the long way, which names the break.
  const quick = quickWalk(db, GENESIS_HASH);
  if (quick !== null && !(recorded !== null && quick.last !== null && quick.last.id > recorded.id) && endBreak(quick.last, recorded, null) === null) {
    return { entries: quick.entries, head: quick.last, firstBreak: null };
  }
  let prevHash = GENESIS_HASH;
  let prevId = 0;
  let entries = 0;
  let last: ChainHead | null = null;
  let firstPastHead: number | null = null;
  // better-sqlite3 allows no other statement while a row iterator is open: note the bad row, leave the loop, then look around.
  let bad: { row: ChainRow; why: 'unhashed' | 'link' | 'contents' } | null = null;
  for (const stored of db.prepare('SELECT id, chained FROM change_log ORDER BY id').iterate() as IterableIterator<{ id: number; chained: string }>) {
    const row: ChainRow = { id: stored.id, ...chainedParts(stored.chained) };
    entries += 1;
    if (recorded !== null && row.id > recorded.id && firstPastHead === null) firstPastHead = row.id;
    if (row.hash === NO_HASH || row.prevHash === NO_HASH) bad = { row, why: 'unhashed' };
    else if (row.prevHash !== prevHash) bad = { row, why: 'link' };
    else if (ownHash(row) !== row.hash) bad = { row, why: 'contents' };
    if (bad) break;
    prevHash = row.hash;
    prevId = row.id;
    last = { id: row.id, hash: prevHash };
  }
  if (bad === null) return { entries, head: last, firstBreak: changeLogDefinitionIntact(db) ? endBreak(last, recorded, firstPastHead) : definitionBreak(db) };
  const { row, why } = bad;
  const pastHead = recorded !== null && row.id > recorded.id;
  const firstBreak: ChainBreak =
    why === 'link'
      ? linkBreak(db, row, prevId, recorded)
      : why === 'unhashed'
        ? { entryId: row.id, kind: pastHead ? 'forged' : 'unchained', message: `Entry #${row.id} has no hash: it was not written by Demarc.` }
        : pastHead
          ? { entryId: row.id, kind: 'forged', message: `Entry #${row.id} was added after the last entry Demarc wrote (#${recorded?.id}) and its hash does not match its contents.` }
          : { entryId: row.id, kind: 'edited', message: `Entry #${row.id} was edited: its contents no longer match its hash.` };
  const count = (db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
  return { entries: count, head: lastHeadOf(db), firstBreak };
}

function lastHeadOf(db: Db): ChainHead | null {
  const link = lastLink(db);
  return link && link.hash !== null ? { id: link.id, hash: link.hash } : null;
}

/** The end of a whole chain against the head Demarc recorded at its last write. */
function endBreak(last: ChainHead | null, recorded: ChainHead | null, firstPastHead: number | null): ChainBreak | null {
  if (last === null) {
    return recorded === null ? null : { entryId: recorded.id, kind: 'deleted', message: `The change log is empty but Demarc last wrote entry #${recorded.id}: every entry was deleted.` };
  }
  if (recorded === null) return { entryId: last.id, kind: 'unchained', message: 'The workbook does not record the head of its change log: its meta table was edited.' };
  if (last.id < recorded.id) {
    return { entryId: last.id, kind: 'deleted', message: `Entries after #${last.id} are missing: Demarc last wrote entry #${recorded.id} (deleted at the end).` };
  }
  if (firstPastHead !== null) {
    return { entryId: firstPastHead, kind: 'forged', message: `Entries from #${firstPastHead} on were added after the last entry Demarc wrote (#${recorded.id}).` };
  }
  if (last.hash !== recorded.hash) return { entryId: last.id, kind: 'forged', message: `Entry #${last.id} is not the entry Demarc wrote last: it was replaced.` };
  return null;
}
