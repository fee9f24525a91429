/**
 * The "Changes since <date>" sheet of the audit export: `demarc export --since DATE|EXPORT` adds
 * it, and read back cell by cell it is the same comparison `demarc diff --json` prints — each
 * change of each asset with its layer, before → after, who, when and entry, the asset's counts,
 * then the workbook's changes and the assets added. From a kept export, exactly what came after
 * its head. The Cover names the comparison; CSV refuses it; LibreOffice opens the sheet.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { updateAssets } from '@main/services/asset-update';
import type { ServiceContext } from '@main/services/context';
import { exportWorkbook } from '@main/services/export-service';
import { undo } from '@main/services/history';
import { setOverride } from '@main/services/overrides';
import { setRaci } from '@main/services/raci-assign';
import { setRaciMany } from '@main/services/raci-bulk';
import { updateSettings } from '@main/services/workbook-service';
import { DIFF_KIND_LABELS, diffCountsText, type DiffReport } from '@shared/audit-diff';
import { readWorkbook, sheetRows, type CellText } from '@tests/helpers/read-back';
import { cli } from '@tests/helpers/run-cli';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { tempDir } from '@tests/helpers/temp';
import { routerOverTempWorkbook } from '@tests/helpers/test-router';
import { createTestWorkbook } from '@tests/helpers/workbook';

/** A workbook edited in January (before the baseline) and from April on by Carol; `keep` exports it at the end of January. */
async function editedWorkbook(keep?: string) {
  let now = Date.parse('2026-01-10T09:00:00.000Z');
  const ctx: ServiceContext = { clock: () => new Date((now += 1000)).toISOString(), osUser: 'tester' };
  const t = createTestWorkbook({ ctx });
  const [alice, platform, bob] = seedParties(t.wb.db, [
    { name: 'Alice Martin', kind: 'person' },
    { name: 'Platform team', kind: 'team' },
    { name: 'Bob Chen', kind: 'person' }
  ]) as [number, number, number];
  const [vm, web] = seedAssets(t.wb.db, [
    { name: 'vm-01', serviceModel: 'iaas', ownerPartyId: alice },
    { name: 'web-01', serviceModel: 'paas', ownerPartyId: alice }
  ], '2026-01-02T00:00:00.000Z') as [number, number];
  setRaci(t.wb, t.ctx, { assetId: vm, layerId: 'operating-system', roles: { R: [platform] } });
  if (keep !== undefined) await exportWorkbook(t.wb, t.ctx, { format: 'xlsx', path: keep, exportedAt: 'last-change' });
  now = Date.parse('2026-04-05T09:00:00.000Z');
  seedAssets(t.wb.db, [{ name: 'db-01', serviceModel: 'paas' }], '2026-04-05T08:00:00.000Z');
  updateSettings(t.wb, t.ctx, { reviewPeriodDays: 90 });
  Object.assign(t.ctx, { osUser: 'Carol Editor' });
  setOverride(t.wb, t.ctx, { assetId: web, layerId: 'network-controls', responsibility: 'customer', justification: 'our own firewall' });
  updateAssets(t.wb, t.ctx, { filter: { ids: [vm, web] }, set: { ownerPartyId: bob } });
  undo(t.wb, t.ctx);
  setRaciMany(t.wb, t.ctx, { filter: { ids: [vm, web] }, layerId: 'identities-and-users', roles: { A: [platform] } });
  t.close();
  return t.path;
}

/** The sheet's rows as the diff says them, built from the report's fields (header first). */
function expectedRows(report: DiffReport): CellText[][] {
  const rows: CellText[][] = [['Asset', 'Asset id', 'Layer', 'Change', 'Before', 'After', 'Summary', 'By', 'At', 'Entry', 'Changes of this asset']];
  for (const a of report.assets) {
    for (const c of a.changes) rows.push([a.name, a.assetId, c.layer, DIFF_KIND_LABELS[c.kind], c.before, c.after, c.summary, c.actor, c.at, c.entryId, diffCountsText(a.counts)]);
  }
  for (const c of report.workbook) rows.push(['Workbook', null, null, DIFF_KIND_LABELS[c.kind], c.before, c.after, c.summary, c.actor, c.at, c.entryId, null]);
  for (const a of report.added) rows.push([a.name, a.assetId, null, 'Asset added', null, null, null, null, null, null, null]);
  return rows;
}

async function sheetOf(path: string, name: string): Promise<CellText[][]> {
  const book = await readWorkbook(path);
  const sheet = book.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name} in ${path}: ${book.worksheets.map((s) => s.name).join(', ')}`);
  return sheetRows(sheet, 11);
}

async function diffJson(args: string[]): Promise<DiffReport> {
  const run = await cli(['diff', ...args, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as DiffReport;
}

const profile = join(tmpdir(), `lo-profile-${randomUUID()}`);
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;

describe('the Changes since sheet', () => {
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it('since a date: read back cell by cell, it is the diff from that day to now', async () => {
    const path = await editedWorkbook();
    const out = join(tempDir(), 'audit.xlsx');
    const run = await cli(['export', path, '--out', out, '--since', '2026-04-01']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('changes since: Changes since 2026-04-01, 5 entries; change log whole');
    const report = await diffJson([path, '--from', '2026-04-01']);
    const rows = await sheetOf(out, 'Changes since 2026-04-01');
    expect(rows).toEqual(expectedRows(report));
    // What an auditor reads, spelt out: the override, the owner and its undo, the bulk RACI per asset, the settings, the asset added.
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[5], r[7]])).toEqual([
      ['vm-01', null, 'Owner', 'Alice Martin', 'Bob Chen', 'Carol Editor'],
      ['vm-01', null, 'Owner', 'Bob Chen', 'Alice Martin', 'Carol Editor'],
      ['vm-01', 'Identities and users', 'RACI', 'A: default', 'A: Platform team', 'Carol Editor'],
      ['web-01', 'Network controls', 'Override', 'published', 'customer (our own firewall)', 'Carol Editor'],
      ['web-01', null, 'Owner', 'Alice Martin', 'Bob Chen', 'Carol Editor'],
      ['web-01', null, 'Owner', 'Bob Chen', 'Alice Martin', 'Carol Editor'],
      ['web-01', 'Identities and users', 'RACI', 'A: default', 'A: Platform team', 'Carol Editor'],
      ['Workbook', null, 'Settings', 'reviewPeriodDays: 365', 'reviewPeriodDays: 90', 'tester'],
      ['db-01', null, 'Asset added', null, null, null]
    ]);
    const cover = await sheetOf(out, 'Cover');
    expect(cover.find((r) => r[0] === 'Changes since')?.[1]).toMatch(/^2026-04-01T00:00:00\.000Z to .*: Override 1, RACI 2, Owner 4, Settings 1; by Carol Editor 4, tester 1\. 2 assets changed, 1 added, 0 removed\. change log whole$/);
  });

  it('since a kept export: exactly what came after the head it printed', async () => {
    const kept = join(tempDir(), 'january.xlsx');
    const path = await editedWorkbook(kept);
    const out = join(tempDir(), 'audit.xlsx');
    const run = await cli(['export', path, '--out', out, '--since', kept, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { sheets: string[]; changesSince: unknown };
    expect(result.changesSince).toEqual({ sheet: 'Changes since 2026-01-10', entries: 5, chainWhole: true, baselineMatches: true });
    expect(result.sheets).toContain('Changes since 2026-01-10');
    const report = await diffJson([path, '--from', kept]);
    expect(await sheetOf(out, 'Changes since 2026-01-10')).toEqual(expectedRows(report));
    // January's RACI edit is before the head: not listed.
    expect(report.assets.flatMap((a) => a.changes).some((c) => c.at.startsWith('2026-01'))).toBe(false);
  });

  it('refuses a CSV with a baseline, and a baseline that is not an export, writing nothing', async () => {
    const path = await editedWorkbook();
    const dir = tempDir();
    const csv = await cli(['export', path, '--out', join(dir, 'raci.csv'), '--since', '2026-04-01']);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('"Changes since" sheet needs the xlsx export');
    const notExport = await cli(['export', path, '--out', join(dir, 'a.xlsx'), '--since', path]);
    expect(notExport.code).not.toBe(0);
    expect(spawnSync('ls', [dir]).stdout.toString().trim()).toBe('');
    const framework = await cli(['export', path, '--framework', 'ccm', '--out', join(dir, 'c.xlsx'), '--since', '2026-04-01']);
    expect(framework.code).toBe(2);
  });

  it('demarc diff --out saves the same comparison on its own: the sheet (xlsx) or the report (JSON)', async () => {
    const path = await editedWorkbook();
    const dir = tempDir();
    const report = await diffJson([path, '--from', '2026-04-01', '--to', '2026-12-31']);
    const xlsx = await cli(['diff', path, '--from', '2026-04-01', '--to', '2026-12-31', '--out', join(dir, 'q2.xlsx')]);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(xlsx.stdout).toMatch(/^wrote .*q2\.xlsx \(Changes since 2026-04-01, 5 entries; file sha256 [0-9a-f]{64}\)/);
    expect(await sheetOf(join(dir, 'q2.xlsx'), 'Changes since 2026-04-01')).toEqual(expectedRows(report));
    const json = await cli(['diff', path, '--from', '2026-04-01', '--to', '2026-12-31', '--out', join(dir, 'q2.json')]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'q2.json'), 'utf8'))).toEqual(report);
    const bad = await cli(['diff', path, '--from', '2026-04-01', '--out', join(dir, 'q2.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('must end in .xlsx or .json');
  });

  it('in the app, a baseline export and the saved file must have been chosen in a dialog', async () => {
    const { router, files, dir } = await routerOverTempWorkbook();
    const kept = join(dir, 'kept.xlsx');
    const refused = await router.handle('audit.exportDiff', { fromExport: kept, format: 'json', path: join(dir, 'out.json') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_GRANTED' } });
    const exportRefused = await router.handle('export.run', { format: 'xlsx', path: join(dir, 'a.xlsx'), since: { fromExport: kept } });
    expect(exportRefused).toMatchObject({ ok: false, error: { code: 'NOT_GRANTED' } });
    files.grant(join(dir, 'out.json'), 'write');
    const saved = await router.handle('audit.exportDiff', { from: '2026-01-01', format: 'json', path: join(dir, 'out.json') });
    expect(saved).toMatchObject({ ok: true, data: { format: 'json', sheet: null, chainWhole: true, baselineMatches: null } });
    // No save path and the dialog cancelled: nothing written, null.
    expect(await router.handle('audit.exportDiff', { from: '2026-01-01', format: 'xlsx' })).toEqual({ ok: true, data: null });
    expect(await router.handle('audit.chooseEarlierExport', {})).toEqual({ ok: true, data: null });
  });

  it.skipIf(!hasSoffice)('LibreOffice opens it and reads the same cells', { timeout: 180_000 }, async () => {
    const path = await editedWorkbook();
    const dir = tempDir();
    const out = join(dir, 'audit.xlsx');
    expect((await cli(['export', path, '--out', out, '--since', '2026-04-01'])).code).toBe(0);
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', out, '--outdir', dir],
      { timeout: 120_000, stdio: 'pipe' }
    );
    const csv = parse(readFileSync(join(dir, 'audit-Changes since 2026-04-01.csv'), 'utf8'), { bom: true }) as string[][];
    const asText = (await sheetOf(out, 'Changes since 2026-04-01')).map((r) => r.map((c) => (c === null ? '' : String(c))));
    expect(csv).toEqual(asText);
  });
});
