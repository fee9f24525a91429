import type { ChangeLogEntry } from '@shared/domain';
import { GENESIS_HASH, type ChainedEntry } from '@core/audit/chain';
import type { Db } from '../workbook-file';
import { chainEntry, lastLink, recordHead, recordedHead } from './change-log-chain';
import { entryText } from './change-log-table';

export interface NewChange {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
  /** An entry brought in by a merge: its identity where it was written, and its touches by key. */
  origin?: { identity: string; touches: readonly string[] };
  /** The stored text of before and after, kept byte for byte (a merged entry keeps its fingerprint). */
  storedText?: { before: string | null; after: string | null };
}

/** An entry as stored (its `chained` text), its fields read back from its canonical JSON. */
export function parseEntry(chained: string): ChainedEntry {
  return JSON.parse(entryText(chained)) as ChainedEntry;
}

/**
 * Appends an entry to the chain: it follows the entry Demarc recorded as the head at its last
 * write (so entries deleted from the end show as a broken link), takes the next id, and becomes
 * the new head. Call inside the write's transaction.
 */
export function appendChange(db: Db, change: NewChange): number {
  const last = lastLink(db);
  const head = recordedHead(db);
  const id = Math.max(last?.id ?? 0, head?.id ?? 0) + 1;
  const prev = head?.hash ?? GENESIS_HASH;
  const entry = {
    id,
    at: change.at,
    actor: change.actor,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    summary: change.summary,
    before: change.storedText ? change.storedText.before : change.before === undefined ? null : JSON.stringify(change.before),
    after: change.storedText ? change.storedText.after : change.after === undefined ? null : JSON.stringify(change.after),
    origin: change.origin?.identity ?? null,
    originTouches: change.origin ? JSON.stringify(change.origin.touches) : null
  };
  const { hash, chained } = chainEntry(prev, entry);
  db.prepare('INSERT INTO change_log (id, chained) VALUES (@id, @chained)').run({ id, chained });
  recordHead(db, { id, hash });
  return id;
}

/** An entry as the app shows it, from its stored `chained` text (parsed whole: cheaper than reading its generated columns). */
function toEntry(stored: string): ChangeLogEntry {
  const row = parseEntry(stored);
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    summary: row.summary,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
    ...(row.origin === undefined || row.origin === null ? {} : { merged: true as const })
  };
}

export interface ChangeQuery {
  entity?: string;
  entityId?: string;
  /** The entries about one asset: its own, and bulk edits whose `after.ids` name it. */
  assetId?: number;
  action?: string;
  /** Only entries after this one (by id). */
  afterId?: number;
  /** Only entries recorded at or after this ISO instant, and before that one. */
  atFrom?: string;
  atBefore?: string;
  /** Entries made on or after this day (YYYY-MM-DD, UTC): `at` is an ISO timestamp, so text order is time order. */
  since?: string;
  /** Newest first when set; oldest first (the export's order) otherwise. */
  newestFirst?: boolean;
  limit?: number;
}

export function listChanges(db: Db, query: ChangeQuery = {}): ChangeLogEntry[] {
  const where: string[] = [];
  if (query.entity !== undefined) where.push('entity = @entity');
  if (query.entityId !== undefined) where.push('entity_id = @entityId');
  if (query.action !== undefined) where.push('action = @action');
  if (query.afterId !== undefined) where.push('id > @afterId');
  if (query.atFrom !== undefined) where.push('at >= @atFrom');
  if (query.atBefore !== undefined) where.push('at < @atBefore');
  if (query.since !== undefined) where.push('at >= @since');
  if (query.assetId !== undefined) {
    // Numbers bind as REAL (5 → '5.0' as text): the id's text is bound on its own.
    where.push(`entity = 'asset' AND (entity_id = @assetIdText
      OR (entity_id IS NULL AND EXISTS (SELECT 1 FROM json_each(after_json, '$.ids') WHERE value = @assetId)))`);
  }
  const sql = `SELECT chained FROM change_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY id ${query.newestFirst ? 'DESC' : 'ASC'} ${query.limit ? 'LIMIT @limit' : ''}`;
  const rows = db.prepare(sql).pluck().all({ entity: query.entity, entityId: query.entityId, assetId: query.assetId, assetIdText: query.assetId === undefined ? undefined : String(query.assetId), action: query.action, afterId: query.afterId, atFrom: query.atFrom, atBefore: query.atBefore, since: query.since, limit: query.limit }) as string[];
  return rows.map(toEntry);
}

/** What the export shows of an entry: everything but its before and after payloads. */
export type ChangeLine = Omit<ChangeLogEntry, 'before' | 'after'>;

/** Entries after an id, oldest first, without their payloads (which can be large): a page of the log. */
export function listChangeLines(db: Db, afterId: number, limit: number): ChangeLine[] {
  const rows = db.prepare('SELECT chained FROM change_log WHERE id > ? ORDER BY id LIMIT ?').pluck().all(afterId, limit) as string[];
  return rows.map((chained) => {
    const { id, at, actor, action, entity, entityId, summary } = parseEntry(chained);
    return { id, at, actor, action, entity, entityId, summary };
  });
}

export function lastChangeAt(db: Db): string | null {
  const row = db.prepare('SELECT at FROM change_log ORDER BY id DESC LIMIT 1').get() as { at: string } | undefined;
  return row?.at ?? null;
}

export function countChanges(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
}

/** The id of the latest change-log entry (0 when there is none): the workbook's revision. */
export function lastChangeId(db: Db): number {
  return (db.prepare('SELECT coalesce(max(id), 0) AS id FROM change_log').get() as { id: number }).id;
}

/** Entries written after the entry `afterId`, oldest first (what changed since an export). */
export function changesAfter(db: Db, afterId: number): ChangeLogEntry[] {
  const rows = db.prepare('SELECT chained FROM change_log WHERE id > ? ORDER BY id').pluck().all(afterId) as string[];
  return rows.map(toEntry);
}

/** The hash entry `id` carries: undefined when no entry has that id, null when it carries none. */
export function storedHashOf(db: Db, id: number): string | null | undefined {
  return (db.prepare('SELECT hash FROM change_log WHERE id = @id').get({ id }) as { hash: string | null } | undefined)?.hash;
}

/** How many entries came after entry `id`. */
export function countChangesAfter(db: Db, id: number): number {
  return (db.prepare('SELECT count(*) AS n FROM change_log WHERE id > @id').get({ id }) as { n: number }).n;
}

/** The last entry written here (not brought in by a merge, whose entries keep their own times) at or before `at`. */
export function lastLocalChangeIdAtOrBefore(db: Db, at: string): number | null {
  return (db.prepare('SELECT max(id) AS id FROM change_log WHERE at <= @at AND origin IS NULL').get({ at }) as { id: number | null }).id;
}

/** The first entry written here (not brought in by a merge) about one record, or null. */
export function firstLocalChangeIdOf(db: Db, entity: string, entityId: string): number | null {
  const row = db.prepare('SELECT id FROM change_log WHERE entity = @entity AND entity_id = @entityId AND origin IS NULL ORDER BY id LIMIT 1').get({ entity, entityId }) as
    | { id: number }
    | undefined;
  return row?.id ?? null;
}
