/**
 * A round-1 workbook gains its chain when migrated (the upgrade is itself the next entry), its
 * earlier entries untouched; exports print the chain head; `verify --against` an export proves
 * nothing before its head was rewritten — and catches a history rebuilt whole by the file's owner.
 */
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportWorkbook } from '@main/services/export-service';
import { exportFramework } from '@main/services/framework-export';
import { closeWorkbook, openWorkbook } from '@main/services/workbook-service';
import { editEntry, rechain } from '@tests/helpers/change-log-tamper';
import { cli } from '@tests/helpers/run-cli';
import { readWorkbook } from '@tests/helpers/read-back';
import { fixedClock, tempDir } from '@tests/helpers/temp';

const FIXTURE = new URL('../../fixtures/workbooks/round-1.demarc', import.meta.url);
const ENTRY_COLUMNS = 'id, at, actor, action, entity, entity_id, summary, before_json, after_json';

function rows(path: string, columns = ENTRY_COLUMNS): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(`SELECT ${columns} FROM change_log ORDER BY id`).all();
  } finally {
    db.close();
  }
}

function copyOfRound1(): { dir: string; path: string } {
  const dir = tempDir();
  const path = join(dir, 'round-1.demarc');
  copyFileSync(FIXTURE, path);
  return { dir, path };
}

describe('the chain on a migrated round-1 workbook', () => {
  it('hashes the old log as it stood and logs the upgrade as the next entry', async () => {
    const { path } = copyOfRound1();
    const before = rows(path);
    expect(before.length).toBeGreaterThan(5);
    const ctx = { clock: fixedClock('2026-12-07T04:00:00.000Z'), osUser: 'tester' };
    const wb = openWorkbook(ctx, path);
    closeWorkbook(wb);
    const after = rows(path) as { id: number; action: string; at: string; actor: string; summary: string }[];
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    const upgrade = after[before.length]!;
    expect(upgrade).toMatchObject({ action: 'workbook.migrate', at: '2026-12-07T04:00:00.000Z', actor: 'tester' });
    expect(upgrade.summary).toContain(`${before.length} earlier entries hashed`);
    const run = await cli(['verify', path, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, entries: before.length + 1, firstBreak: null, head: { id: upgrade.id } });
  });

  it('prints the head in exports, and verify --against proves what came before it is unchanged', async () => {
    const { dir, path } = copyOfRound1();
    const ctx = { clock: fixedClock('2026-12-07T04:00:00.000Z'), osUser: 'tester' };
    const wb = openWorkbook(ctx, path);
    const xlsx = join(dir, 'q1.xlsx');
    const oscal = join(dir, 'q1-ssp.json');
    await exportWorkbook(wb, ctx, { format: 'xlsx', path: xlsx, exportedAt: 'last-change' });
    await exportFramework(wb, ctx, { framework: 'oscal-ssp', scope: {}, baseline: 'moderate', path: oscal, exportedAt: 'last-change' });
    const head = wb.db.prepare('SELECT id, hash FROM change_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    closeWorkbook(wb);
    const cover = (await readWorkbook(xlsx)).getWorksheet('Cover')!;
    const line = cover.getSheetValues().find((r) => Array.isArray(r) && r[1] === 'Change-log chain head') as unknown[];
    expect(line[2]).toBe(`#${head.id} sha256:${head.hash}`);

    // Work goes on after the export: the export's head is still in the chain.
    expect((await cli(['assign', path, '--where', 'text=a', '--reviewed'])).code).toBe(0);
    for (const file of [xlsx, oscal]) {
      const ok = await cli(['verify', path, '--against', file]);
      expect(ok.code, ok.stdout + ok.stderr).toBe(0);
      expect(ok.stdout).toContain(`Against ${file} (head #${head.id} sha256:${head.hash}): OK`);
      expect(ok.stdout).toContain('1 of');
    }

    // The owner rewrites an old entry and rebuilds the whole chain: the chain alone is whole again,
    // but it no longer agrees with the export anyone kept.
    const db = new Database(path);
    db.transaction(() => {
      editEntry(db, 2, { summary: 'Nothing to see' });
      rechain(db);
    })();
    db.close();
    expect((await cli(['verify', path])).code).toBe(0);
    const caught = await cli(['verify', path, '--against', xlsx, '--json']);
    expect(caught.code).toBe(1);
    expect(JSON.parse(caught.stdout)).toMatchObject({ ok: false, firstBreak: null, against: { matches: false } });
    expect(JSON.parse(caught.stdout).against.message).toContain(`Entry #${head.id} no longer has the hash that export printed`);
  });

  it('refuses an export without a chain head, naming the file (exit 2)', async () => {
    const { dir, path } = copyOfRound1();
    const csv = join(dir, 'raci.csv');
    expect((await cli(['export', path, '--out', csv])).code).toBe(0);
    const run = await cli(['verify', path, '--against', csv]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('raci.csv: give an xlsx or OSCAL JSON export');
  });
});
