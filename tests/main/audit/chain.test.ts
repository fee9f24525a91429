/**
 * The change log's hash chain: a truth table of tampering done with SQLite on the closed file
 * (edit, delete, reorder, forge at the end, delete at the end, strip a hash), each caught by
 * `demarc verify` at the right entry with exit 1; a clean chain verifies (exit 0).
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalEntry } from '@core/audit/chain';
import { updateAssets } from '@main/services/asset-update';
import { updateSettings } from '@main/services/workbook-service';
import { chainEntry, entryHash, type StoredRow } from '@main/store/repos/change-log-chain';
import { NO_HASH } from '@main/store/repos/change-log-table';
import { editEntry } from '@tests/helpers/change-log-tamper';
import { cli } from '@tests/helpers/run-cli';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { createTestWorkbook } from '@tests/helpers/workbook';

/** A closed workbook with six chained entries (ids 1–6). */
function sixEntryWorkbook(): string {
  const t = createTestWorkbook();
  const [alice] = seedParties(t.wb.db, [{ name: 'Alice', kind: 'person' }]);
  const [a, b] = seedAssets(t.wb.db, [{ name: 'vm-1' }, { name: 'vm-2' }]);
  updateAssets(t.wb, t.ctx, { filter: { ids: [a!] }, set: { ownerPartyId: alice! } }); // 2
  updateAssets(t.wb, t.ctx, { filter: { ids: [b!] }, set: { reviewed: true } }); // 3
  updateSettings(t.wb, t.ctx, { reviewPeriodDays: 90 }); // 4
  updateSettings(t.wb, t.ctx, { organisation: 'Acme Two' }); // 5
  updateAssets(t.wb, t.ctx, { filter: { ids: [a!, b!] }, set: { serviceModel: 'paas' } }); // 6
  expect((t.wb.db.prepare('SELECT max(id) AS n FROM change_log').get() as { n: number }).n).toBe(6);
  t.close();
  return t.path;
}

function tamper(path: string, sql: (db: Database.Database) => void): void {
  const db = new Database(path);
  try {
    sql(db);
  } finally {
    db.close();
  }
}

type Row = StoredRow;
const asEntry = (r: Row) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, summary: r.summary, before: r.before_json, after: r.after_json });

async function verifyJson(path: string) {
  const run = await cli(['verify', path, '--json']);
  return { code: run.code, report: JSON.parse(run.stdout) as { ok: boolean; firstBreak: { entryId: number; kind: string; message: string } | null; entries: number } };
}

describe('the change-log hash chain', () => {
  it('links every entry to the one before it with SHA-256 over its canonical JSON', () => {
    const path = sixEntryWorkbook();
    const db = new Database(path, { readonly: true });
    const rows = db.prepare('SELECT * FROM change_log ORDER BY id').all() as Row[];
    const head = db.prepare(`SELECT value FROM meta WHERE key = 'change_log_head'`).get() as { value: string };
    db.close();
    let prev = GENESIS_HASH;
    for (const row of rows) {
      expect(row.prev_hash).toBe(prev);
      expect(row.hash).toBe(entryHash(prev, asEntry(row)));
      prev = row.hash!;
    }
    expect(head.value).toBe(`#6 sha256:${prev}`);
    expect(canonicalEntry(asEntry(rows[1]!))).toMatch(/^\{"action":"assets\.update","actor":"tester","after":"\{.*\}","at":"[^"]+","before":.*,"entity":"asset","entityId":.*,"id":2,"summary":"[^"]+"\}$/);
  });

  it('verifies a whole chain (exit 0)', async () => {
    const path = sixEntryWorkbook();
    const run = await cli(['verify', path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Change log: 6 entries; head #6 sha256:');
    expect(run.stdout).toContain('Chain: whole');
  });

  const cases: { name: string; sql: (db: Database.Database) => void; entryId: number; kind: string; words: RegExp }[] = [
    { name: 'an edited summary', sql: (db) => editEntry(db, 3, { summary: 'Nothing happened' }), entryId: 3, kind: 'edited', words: /Entry #3 was edited/ },
    { name: 'an edited actor', sql: (db) => editEntry(db, 5, { actor: 'mallory' }), entryId: 5, kind: 'edited', words: /Entry #5 was edited/ },
    { name: 'an edited before/after', sql: (db) => editEntry(db, 4, { after: (db.prepare('SELECT after_json FROM change_log WHERE id = 4').pluck().get() as string).replace('90', '900') }), entryId: 4, kind: 'edited', words: /#4/ },
    { name: 'an edited link', sql: (db) => db.exec(`UPDATE change_log SET chained = hash || hash || entry WHERE id = 4`), entryId: 4, kind: 'edited', words: /#4/ },
    { name: 'a deleted entry', sql: (db) => db.exec('DELETE FROM change_log WHERE id = 3'), entryId: 4, kind: 'deleted', words: /entry #3 is missing/ },
    { name: 'two deleted entries', sql: (db) => db.exec('DELETE FROM change_log WHERE id IN (2, 3)'), entryId: 4, kind: 'deleted', words: /entries #2–#3 are missing/ },
    {
      name: 'two entries swapped',
      sql: (db) => db.exec('UPDATE change_log SET id = 100 WHERE id = 2; UPDATE change_log SET id = 2 WHERE id = 3; UPDATE change_log SET id = 3 WHERE id = 100;'),
      entryId: 2,
      kind: 'reordered',
      words: /Entry #2 was written after entry #3/
    },
    { name: 'an entry moved to the end', sql: (db) => db.exec('UPDATE change_log SET id = 7 WHERE id = 2'), entryId: 3, kind: 'reordered', words: /reordered/ },
    { name: 'the last entry deleted', sql: (db) => db.exec('DELETE FROM change_log WHERE id = 6'), entryId: 5, kind: 'deleted', words: /Entries after #5 are missing: Demarc last wrote entry #6/ },
    {
      name: 'an entry forged at the end without a hash',
      sql: (db) => db.exec(`INSERT INTO change_log (id, chained) VALUES (7, '${NO_HASH}${NO_HASH}' || json_object('action', 'raci.set', 'actor', 'mallory', 'at', '2026-12-01T00:00:00Z', 'entity', 'asset', 'summary', 'Set A'))`),
      entryId: 7,
      kind: 'forged',
      words: /Entry #7 has no hash/
    },
    {
      name: 'an entry forged at the end with a correct hash',
      sql: (db) => {
        const last = db.prepare('SELECT hash FROM change_log WHERE id = 6').get() as { hash: string };
        const entry = { id: 7, at: '2026-12-01T00:00:00Z', actor: 'mallory', action: 'raci.set', entity: 'asset', entityId: '1', summary: 'Set A', before: null, after: null };
        db.prepare(`INSERT INTO change_log (id, chained) VALUES (7, @chained)`).run({ chained: chainEntry(last.hash, entry).chained });
      },
      entryId: 7,
      kind: 'forged',
      words: /Entries from #7 on were added after the last entry Demarc wrote \(#6\)/
    },
    { name: 'a hash removed', sql: (db) => db.exec(`UPDATE change_log SET chained = '${NO_HASH}' || substr(chained, 65) WHERE id = 2`), entryId: 2, kind: 'unchained', words: /Entry #2 has no hash/ }
  ];

  for (const c of cases) {
    it(`names the entry when the closed file has ${c.name}`, async () => {
      const path = sixEntryWorkbook();
      tamper(path, c.sql);
      const { code, report } = await verifyJson(path);
      expect(code).toBe(1);
      expect(report.ok).toBe(false);
      expect(report.firstBreak).toMatchObject({ entryId: c.entryId, kind: c.kind });
      expect(report.firstBreak!.message).toMatch(c.words);
      const text = await cli(['verify', path]);
      expect(text.code).toBe(1);
      expect(text.stdout).toContain(`BROKEN at entry #${c.entryId} (${c.kind})`);
    });
  }

  it('keeps showing a deletion at the end after Demarc writes again', async () => {
    const path = sixEntryWorkbook();
    tamper(path, (db) => db.exec('DELETE FROM change_log WHERE id = 6'));
    expect((await cli(['assign', path, '--where', 'text=vm-1', '--reviewed'])).code).toBe(0);
    const { code, report } = await verifyJson(path);
    expect(code).toBe(1);
    expect(report.firstBreak).toMatchObject({ entryId: 7, kind: 'deleted' });
  });
});
