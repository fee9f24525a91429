/**
 * A merge and the change log's hash chain (issue 15's chain, issue 18's merge): their entries
 * are re-chained in this workbook's log with their origin kept (and hashed), the result verifies,
 * the merge entry records their chain head, and a copy whose chain is broken — or this workbook,
 * when its own is — is refused before anything is read into it, naming the entry.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalEntry } from '@core/audit/chain';
import { fileCopy, laptop, seededHq } from '@tests/helpers/merge-laptops';
import { cli } from '@tests/helpers/run-cli';
import { sha256File } from '@tests/helpers/temp';

interface LogRow {
  id: number;
  action: string;
  actor: string;
  origin: string | null;
  origin_touches: string | null;
  after_json: string | null;
}

function logOf(path: string): LogRow[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT id, action, actor, origin, origin_touches, after_json FROM change_log ORDER BY id').all() as LogRow[];
  } finally {
    db.close();
  }
}

function edit(path: string, sql: string): void {
  const db = new Database(path);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

/** HQ and a plain copy edited on the Finance laptop (owner of vm-1 → Bob, a new party). */
async function hqAndFinance() {
  const { hq, dir, ids, people } = await seededHq();
  const financePath = fileCopy(hq.path, join(dir, 'finance.demarc'));
  const finance = await laptop(financePath, 'finance', '2026-12-02T09:00:00.000Z');
  await finance.call('assets.update', { filter: { ids: [ids['vm-1']!] }, set: { ownerPartyId: people.Bob! } });
  await finance.call('parties.add', { name: 'Dave', kind: 'person' });
  finance.close();
  return { hq, dir, financePath };
}

describe('a merge keeps the hash chain', () => {
  it('hashes a merged entry’s origin and touches in their code-point places; an entry written here hashes as before', () => {
    const entry = { id: 7, at: '2026-12-02T09:00:00.000Z', actor: 'finance', action: 'parties.add', entity: 'party', entityId: '4', summary: 'Added Dave', before: null, after: '{"name":"Dave"}' };
    const own = canonicalEntry(entry);
    expect(canonicalEntry({ ...entry, origin: null, originTouches: null })).toBe(own);
    expect(own).toBe('{"action":"parties.add","actor":"finance","after":"{\\"name\\":\\"Dave\\"}","at":"2026-12-02T09:00:00.000Z","before":null,"entity":"party","entityId":"4","id":7,"summary":"Added Dave"}');
    expect(canonicalEntry({ ...entry, origin: 'f'.repeat(64), originTouches: '["party|dave"]' })).toBe(
      own.replace('"id":7,', `"id":7,"origin":"${'f'.repeat(64)}","originTouches":"[\\"party|dave\\"]",`)
    );
  });

  it('re-chains their entries with their origin, verifies afterwards (router and demarc verify), and records their chain head', async () => {
    const { hq, financePath } = await hqAndFinance();
    const theirs = logOf(financePath);
    const preview = await hq.call('merge.preview', { path: financePath });
    expect(preview!.theirs.chainHead).toMatch(new RegExp(`^#${theirs.at(-1)!.id} sha256:[0-9a-f]{64}$`));
    await hq.call('merge.apply', { path: financePath });

    const verified = await hq.call('audit.verify', {});
    expect(verified).toMatchObject({ ok: true, firstBreak: null });
    hq.close();
    const log = logOf(hq.path);
    const merged = log.filter((row) => row.origin !== null);
    expect(merged.map((row) => [row.actor, row.action])).toEqual([
      ['finance', 'assets.update'],
      ['finance', 'parties.add']
    ]);
    for (const row of merged) expect(row.origin).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(merged[0]!.origin_touches!)).toEqual([expect.stringMatching(/\|field\|ownerPartyId$/)]);
    const entry = log.at(-1)!;
    expect(entry.action).toBe('workbook.merge');
    expect(JSON.parse(entry.after_json!)).toMatchObject({ chainHead: preview!.theirs.chainHead, head: preview!.theirs.head });

    const run = await cli(['verify', hq.path]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('hashes a merged entry’s origin: editing it afterwards breaks the chain at that entry', async () => {
    const { hq, financePath } = await hqAndFinance();
    await hq.call('merge.apply', { path: financePath });
    hq.close();
    const first = logOf(hq.path).find((row) => row.origin !== null)!;
    edit(hq.path, `UPDATE change_log SET chained = substr(chained, 1, 128) || json_set(entry, '$.origin', '${'0'.repeat(64)}') WHERE id = ${first.id}`);
    const run = await cli(['verify', hq.path, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, firstBreak: { entryId: first.id, kind: 'edited' } });
  });

  it('refuses a copy whose chain is broken, naming the entry, and writes nothing', async () => {
    const { hq, financePath } = await hqAndFinance();
    const edited = logOf(financePath).at(-2)!;
    edit(financePath, `UPDATE change_log SET chained = substr(chained, 1, 128) || json_set(entry, '$.actor', 'someone else') WHERE id = ${edited.id}`);
    const bytes = sha256File(hq.path);
    for (const method of ['merge.preview', 'merge.apply'] as const) {
      expect(await hq.refused(method, { path: financePath })).toMatchObject({
        code: 'BAD_FILE',
        message: expect.stringMatching(new RegExp(`^finance\\.demarc: its change log's hash chain is broken at entry #${edited.id} \\(edited\\):.* Nothing was changed\\.$`))
      });
    }
    expect(sha256File(hq.path)).toBe(bytes);
    hq.close();
    const run = await cli(['merge', hq.path, financePath]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`broken at entry #${edited.id}`));
  });

  it('refuses to merge into a workbook whose own chain is broken', async () => {
    const { hq, financePath } = await hqAndFinance();
    hq.close();
    edit(hq.path, `DELETE FROM change_log WHERE id = 2`);
    const bytes = sha256File(hq.path);
    const run = await cli(['merge', hq.path, financePath]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/This workbook \(hq\.demarc\): its change log's hash chain is broken at entry #3 \(deleted\)/);
    expect(sha256File(hq.path)).toBe(bytes);
  });
});
