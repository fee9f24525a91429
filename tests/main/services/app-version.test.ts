/**
 * The Demarc versions that opened a workbook (format 3, app_versions): written once per version,
 * never on a repeat open, outside the change log, so an export states the same and hashes the
 * same whichever version opened the workbook last. And the round-1 workbook migrates to it.
 */
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeWorkbook, createWorkbook, openWorkbook, workbookInfo } from '@main/services/workbook-service';
import { LATEST_FORMAT_VERSION } from '@main/store/migrations';
import type { ExportResult } from '@shared/contract/export';
import { cli } from '@tests/helpers/run-cli';
import { tempDir } from '@tests/helpers/temp';
import { testServiceContext } from '@tests/helpers/workbook';
import { FIXTURES } from '@tests/helpers/fixture-paths';

const ROUND_1 = join(__dirname, '../../fixtures/workbooks/round-1.demarc');

async function exportJson(workbook: string, out: string): Promise<ExportResult> {
  const run = await cli(['export', workbook, '--out', out, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ExportResult;
}

describe('the Demarc version recorded in a workbook', () => {
  it('creating records the creating version, by the workbook user, with no change-log entry of its own', () => {
    const ctx = testServiceContext({ appVersion: '1.4.0', clock: () => '2026-12-01T10:00:00.000Z' });
    const wb = createWorkbook(ctx, { path: join(tempDir(), 'a.demarc') });
    const info = workbookInfo(wb, ctx);
    closeWorkbook(wb);
    expect(info.formatVersion).toBe(LATEST_FORMAT_VERSION);
    expect(info.appVersions).toEqual([{ version: '1.4.0', firstOpenedAt: '2026-12-01T10:00:00.000Z', firstOpenedBy: 'tester' }]);
    expect(info.counts.changes).toBe(1); // workbook.create only
  });

  it('opening again with the same version writes nothing: the file keeps its bytes', () => {
    const ctx = testServiceContext({ appVersion: '1.4.0' });
    const path = join(tempDir(), 'b.demarc');
    closeWorkbook(createWorkbook(ctx, { path }));
    const before = readFileSync(path);
    for (let i = 0; i < 2; i++) closeWorkbook(openWorkbook(testServiceContext({ appVersion: '1.4.0' }), path));
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('a newer version adds one row the first time; the export states and hashes the same as before', async () => {
    const dir = tempDir();
    const workbook = join(dir, 'c.demarc');
    expect((await cli(['new', workbook, '--org', 'Contoso'])).code).toBe(0);
    const inventory = join(FIXTURES, 'inventory', 'drghassen_az-resource-list-default_utf8.json');
    expect((await cli(['import', workbook, inventory])).code).toBe(0);
    const first = await exportJson(workbook, join(dir, 'first.xlsx'));

    const newer = testServiceContext({ appVersion: '9.0.0', osUser: 'bob', clock: () => '2027-01-02T03:04:05.000Z' });
    const wb = openWorkbook(newer, workbook);
    const info = workbookInfo(wb, newer);
    closeWorkbook(wb);
    expect(info.appVersions.map((row) => row.version)).toEqual([__DEMARC_VERSION__, '9.0.0']);
    expect(info.appVersions[1]).toEqual({ version: '9.0.0', firstOpenedAt: '2027-01-02T03:04:05.000Z', firstOpenedBy: 'bob' });

    const again = await exportJson(workbook, join(dir, 'again.xlsx'));
    expect(again.sha256).toBe(first.sha256);
    expect(again.exportedAt).toBe(first.exportedAt);
    expect(again.rows).toBe(first.rows);
  });

  it('migrates the round-1 workbook (format 2) to the latest format with nothing lost, recording the migrating version', () => {
    const path = join(tempDir(), 'round-1.demarc');
    copyFileSync(ROUND_1, path);
    const old = new Database(ROUND_1, { readonly: true });
    const count = (db: Database.Database, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const tables = ['assets', 'parties', 'change_log', 'import_runs'];
    const before = Object.fromEntries(tables.map((table) => [table, count(old, table)]));
    old.close();

    const ctx = testServiceContext({ appVersion: '0.2.0', clock: () => '2026-12-05T08:00:00.000Z' });
    const wb = openWorkbook(ctx, path);
    const info = workbookInfo(wb, ctx);
    const after = Object.fromEntries(tables.map((table) => [table, count(wb.db, table)]));
    closeWorkbook(wb);

    expect(info.formatVersion).toBe(LATEST_FORMAT_VERSION);
    // Format 7 logs the upgrade itself as the change-log chain's next entry.
    expect(after).toEqual({ ...before, change_log: before.change_log! + 1 });
    expect(info.appVersions).toEqual([{ version: '0.2.0', firstOpenedAt: '2026-12-05T08:00:00.000Z', firstOpenedBy: 'tester' }]);
    expect(readFileSync(info.backupPath!).equals(readFileSync(ROUND_1))).toBe(true);
  });
});
