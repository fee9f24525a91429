/**
 * Migration 0018: a format-17 change log (one column per field) becomes one canonical JSON text per
 * entry with the fields as generated columns. No hash changes, every field reads back as it was
 * written, a whole chain stays whole and a row edited before the upgrade is still named after it.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalEntry, type ChainedEntry } from '@core/audit/chain';
import { MIGRATIONS } from '@main/store/migrations';
import { entryHash, recordHead, walkChain } from '@main/store/repos/change-log-chain';
import { CHANGE_LOG_TABLE_SQL } from '@main/store/repos/change-log-table';
import { DEMARC_APPLICATION_ID, applyMigrations, closeWorkbookFile, openWorkbookFile } from '@main/store/workbook-file';
import { tempDir } from '@tests/helpers/temp';

const ENTRIES: Omit<ChainedEntry, 'id'>[] = [
  { at: '2026-03-01T09:00:00.000Z', actor: 'Ana', action: 'raci.set', entity: 'asset', entityId: '7', summary: 'RACI of "OS" on vm-7 — R Ops', before: null, after: '{"layerId":"operating-system","R":[1]}' },
  { at: '2026-03-02T09:00:00.000Z', actor: 'Bo \u2028 "quoted" \\ 漢字 🧾', action: 'assets.update', entity: 'asset', entityId: null, summary: 'tab\there, NUL \u0000, line\nbreak', before: '{"ids":[1,2]}', after: '{"ids":[1,2],"owner":3}' },
  {
    at: '2026-03-03T09:00:00.000Z',
    actor: 'Cy',
    action: 'raci.set',
    entity: 'asset',
    entityId: '9',
    summary: 'Brought in by a merge',
    before: null,
    after: '{"R":[2]}',
    origin: 'a'.repeat(64),
    originTouches: '["asset|vm-9"]'
  }
];

/** A workbook at format 17 with ENTRIES appended after its own, chained as Demarc 17 chained them. */
function formatSeventeen(editAfterwards?: (db: Database.Database) => void): { path: string; rows: (ChainedEntry & { hash: string })[] } {
  const path = join(tempDir(), 'seventeen.demarc');
  const db = new Database(path);
  db.pragma(`application_id = ${DEMARC_APPLICATION_ID}`);
  applyMigrations(db, 0, MIGRATIONS.slice(0, 17));
  expect(db.pragma('user_version', { simple: true })).toBe(17);
  let prev = GENESIS_HASH;
  const rows: (ChainedEntry & { hash: string })[] = [];
  const insert = db.prepare(
    `INSERT INTO change_log (id, at, actor, action, entity, entity_id, summary, before_json, after_json, origin, origin_touches, prev_hash, hash)
     VALUES (@id, @at, @actor, @action, @entity, @entityId, @summary, @before, @after, @origin, @originTouches, @prev, @hash)`
  );
  for (const [i, fields] of ENTRIES.entries()) {
    const entry: ChainedEntry = { id: i + 1, ...fields };
    const hash = entryHash(prev, entry);
    insert.run({ origin: null, originTouches: null, ...entry, prev, hash });
    rows.push({ ...entry, hash });
    prev = hash;
  }
  recordHead(db, { id: ENTRIES.length, hash: prev });
  editAfterwards?.(db);
  db.close();
  return { path, rows };
}

const shown = (db: Database.Database) =>
  db
    .prepare('SELECT id, at, actor, action, entity, entity_id AS entityId, summary, before_json AS before, after_json AS after, origin, origin_touches AS originTouches, entry, hash FROM change_log ORDER BY id')
    .all() as (ChainedEntry & { entry: string; hash: string })[];

describe('migration 0018: the change log stores each entry as its canonical JSON', () => {
  it('keeps every hash and field, and the chain stays whole with the same head', () => {
    const { path, rows } = formatSeventeen();
    const wb = openWorkbookFile(path);
    expect(wb.db.pragma('user_version', { simple: true })).toBe(18);
    expect(wb.db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'change_log'`).pluck().get()).toBe(CHANGE_LOG_TABLE_SQL);
    const after = shown(wb.db);
    for (const [i, row] of rows.entries()) {
      const { entry, ...fields } = after[i]!;
      expect(fields).toEqual({ origin: null, originTouches: null, ...row });
      expect(entry).toBe(canonicalEntry(row));
    }
    expect(walkChain(wb.db)).toEqual({ entries: rows.length, head: { id: rows.length, hash: rows.at(-1)!.hash }, firstBreak: null });
    closeWorkbookFile(wb.db);
  });

  it('carries an entry edited before the upgrade as it stands, so verify still names it', () => {
    const { path } = formatSeventeen((db) => db.exec(`UPDATE change_log SET summary = 'Nothing to see' WHERE id = 2`));
    const wb = openWorkbookFile(path);
    expect(wb.db.prepare('SELECT summary FROM change_log WHERE id = 2').pluck().get()).toBe('Nothing to see');
    expect(walkChain(wb.db).firstBreak).toMatchObject({ entryId: 2, kind: 'edited' });
    closeWorkbookFile(wb.db);
  });

  it('carries an entry stripped of its hash before the upgrade (as NO_HASH), and verify names it', () => {
    const { path } = formatSeventeen((db) => db.exec('DROP INDEX change_log_hash; UPDATE change_log SET hash = NULL WHERE id = 3'));
    const wb = openWorkbookFile(path);
    expect(walkChain(wb.db).firstBreak).toMatchObject({ entryId: 3, kind: 'unchained' });
    closeWorkbookFile(wb.db);
  });
});
