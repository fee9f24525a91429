/**
 * Issue 20, CLI parity: `demarc log` prints the change log — all of it, one asset's (bulk edits
 * that named it too), since a day, the last N — as text and JSON; bad options are usage errors.
 */
import { describe, expect, it } from 'vitest';
import { updateAssets } from '@main/services/asset-update';
import { setOverride } from '@main/services/overrides';
import type { ChangeLogEntry } from '@shared/domain';
import { cli } from '@tests/helpers/run-cli';
import { seedAssets } from '@tests/helpers/seed';
import { createTestWorkbook, testServiceContext } from '@tests/helpers/workbook';

function workbookWithHistory(): string {
  let now = '2026-11-01T09:00:00.000Z';
  const t = createTestWorkbook({ ctx: testServiceContext({ clock: () => now, osUser: 'alice' }) });
  seedAssets(t.wb.db, [
    { name: 'app-1', serviceModel: 'paas' },
    { name: 'app-2', serviceModel: 'paas' }
  ]);
  setOverride(t.wb, t.ctx, { assetId: 1, layerId: 'operating-system', responsibility: 'shared', justification: 'we patch it' });
  now = '2026-11-10T14:30:00.000Z';
  updateAssets(t.wb, t.ctx, { filter: { ids: [1, 2] }, set: { reviewed: true } });
  now = '2026-11-20T08:00:00.000Z';
  setOverride(t.wb, t.ctx, { assetId: 2, layerId: 'operating-system', responsibility: 'shared', justification: 'same' });
  t.close();
  return t.path;
}

describe('demarc log', () => {
  it('prints every change oldest first, with when, who and what; --json gives the entries', async () => {
    const path = workbookWithHistory();
    const all = await cli(['log', path]);
    expect(all.code, all.stderr).toBe(0);
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines.at(-3)).toMatch(/^#\d+ {2}2026-11-01 09:00:00 {2}alice {2}.*"Operating system".*app-1/);
    expect(lines.at(-2)).toMatch(/^#\d+ {2}2026-11-10 14:30:00 {2}alice {2}/);
    expect(lines.at(-1)).toMatch(/^#\d+ {2}2026-11-20 08:00:00 {2}alice {2}.*app-2/);
    const json = JSON.parse((await cli(['log', path, '--json'])).stdout) as ChangeLogEntry[];
    expect(json).toHaveLength(lines.length);
    expect(json.map((e) => e.id)).toEqual([...json.map((e) => e.id)].sort((a, b) => a - b));
  });

  it('--asset keeps that asset’s changes, bulk edits naming it included; --since and --limit narrow them', async () => {
    const path = workbookWithHistory();
    const asset2 = JSON.parse((await cli(['log', path, '--asset', 'APP-2', '--json'])).stdout) as ChangeLogEntry[];
    expect(asset2.map((e) => e.at)).toEqual(['2026-11-10T14:30:00.000Z', '2026-11-20T08:00:00.000Z']);
    const since = JSON.parse((await cli(['log', path, '--since', '2026-11-10', '--json'])).stdout) as ChangeLogEntry[];
    expect(since.map((e) => e.at)).toEqual(['2026-11-10T14:30:00.000Z', '2026-11-20T08:00:00.000Z']);
    const last = JSON.parse((await cli(['log', path, '--asset', '1', '--limit', '1', '--json'])).stdout) as ChangeLogEntry[];
    expect(last.map((e) => e.at)).toEqual(['2026-11-10T14:30:00.000Z']);
    expect((await cli(['log', path, '--since', '2026-12-01'])).stdout).toBe('No changes.\n');
  });

  it('refuses a date that is not one, a bad limit and an unknown asset with exit 2', async () => {
    const path = workbookWithHistory();
    const badDate = await cli(['log', path, '--since', '2026-02-30']);
    expect(badDate).toMatchObject({ code: 2, stdout: '', stderr: 'demarc log: --since: a date like 2026-11-28, not "2026-02-30"\n' });
    const badLimit = await cli(['log', path, '--limit', '0']);
    expect(badLimit).toMatchObject({ code: 2, stderr: 'demarc log: --limit: a whole number from 1 to 10000, not "0"\n' });
    const unknown = await cli(['log', path, '--asset', 'app-9']);
    expect(unknown).toMatchObject({ code: 2, stdout: '', stderr: 'demarc log: --asset: no asset is named "app-9".\n' });
  });
});
