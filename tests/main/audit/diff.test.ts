/**
 * `demarc diff` / audit.diff: between two dates, exactly the edits made between them — per asset
 * and layer (RACI, override, owner, sign-off; an undo read as what it undid), who and when, the
 * workbook's own changes, counts; the assets first seen in the window; a broken chain exits 1.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateAssets } from '@main/services/asset-update';
import { diffWorkbook } from '@main/services/audit-diff';
import { exportWorkbook } from '@main/services/export-service';
import type { ServiceContext } from '@main/services/context';
import { updateSettings } from '@main/services/workbook-service';
import { undo } from '@main/services/history';
import { setOverride } from '@main/services/overrides';
import { setRaci } from '@main/services/raci-assign';
import { addSignOff } from '@main/services/sign-offs';
import { listChanges } from '@main/store/repos/change-log';
import type { DiffReport } from '@shared/audit-diff';
import { editEntry } from '@tests/helpers/change-log-tamper';
import { cli } from '@tests/helpers/run-cli';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { tempDir } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';

/** A workbook edited in the first quarter, the clock set per quarter; the ids of its entries. */
function firstQuarter() {
  let now = Date.parse('2025-12-01T09:00:00.000Z');
  const ctx: ServiceContext = { clock: () => new Date((now += 1000)).toISOString(), osUser: 'tester' };
  const t = createTestWorkbook({ ctx });
  const at = (iso: string) => (now = Date.parse(iso));
  const [alice, platform, bob] = seedParties(t.wb.db, [
    { name: 'Alice Martin', kind: 'person' },
    { name: 'Platform team', kind: 'team' },
    { name: 'Bob Chen', kind: 'person' }
  ]) as [number, number, number];
  const [vm, web] = seedAssets(t.wb.db, [
    { name: 'vm-01', serviceModel: 'iaas', ownerPartyId: alice },
    { name: 'web-01', serviceModel: 'paas', ownerPartyId: alice }
  ]) as [number, number];
  seedAssets(t.wb.db, [{ name: 'db-01', serviceModel: 'paas' }], '2026-05-02T10:00:00.000Z');
  const idsSince = (after: number) => listChanges(t.wb.db, { afterId: after }).map((e) => e.id);
  const last = () => listChanges(t.wb.db, { newestFirst: true, limit: 1 })[0]?.id ?? 0;

  at('2026-01-10T09:00:00.000Z');
  const q1Start = last();
  setRaci(t.wb, t.ctx, { assetId: vm, layerId: 'operating-system', roles: { R: [platform] } });
  const q1 = idsSince(q1Start);

  return { ...t, at, last, idsSince, platform, alice, bob, vm, web, q1 };
}

/** `exportTo`: the xlsx export an auditor keeps at the end of the first quarter. */
async function editedWorkbook(exportTo?: string) {
  const t = firstQuarter();
  const { at, last, idsSince, platform, alice, bob, vm, web } = t;
  if (exportTo !== undefined)
    await exportWorkbook(t.wb, t.ctx, { format: 'xlsx', path: exportTo, exportedAt: 'last-change' });
  at('2026-04-05T09:00:00.000Z');
  const q2Start = last();
  updateSettings(t.wb, t.ctx, { organisation: 'Northwind (audit year 2026)' });
  // From here on Carol edits, at her machine.
  Object.assign(t.ctx, { osUser: 'Carol Editor' });
  setOverride(t.wb, t.ctx, {
    assetId: web,
    layerId: 'network-controls',
    responsibility: 'customer',
    justification: 'our own firewall'
  });
  updateAssets(t.wb, t.ctx, { filter: { ids: [vm, web] }, set: { ownerPartyId: bob } });
  undo(t.wb, t.ctx);
  addSignOff(t.wb, t.ctx, {
    scope: { kind: 'layer', assetId: vm, layerId: 'operating-system' },
    partyId: alice,
    statement: 'ok'
  });
  const q2 = idsSince(q2Start);

  at('2026-07-01T09:00:00.000Z');
  const q3Start = last();
  setRaci(t.wb, t.ctx, { assetId: web, layerId: 'identities-and-users', roles: { A: [platform] } });
  const q3 = idsSince(q3Start);
  return { ...t, q2, q3 };
}

const entryIds = (report: DiffReport) =>
  [...new Set([...report.assets.flatMap((a) => a.changes), ...report.workbook].map((c) => c.entryId))].sort(
    (a, b) => a - b
  );

describe('diff of two dates', () => {
  it('lists exactly the edits made between them, per asset and layer, with who and when', async () => {
    const t = await editedWorkbook();
    const report = await diffWorkbook(t.wb, t.ctx, { from: '2026-04-01', to: '2026-06-30' });
    expect(report).toMatchObject({
      from: '2026-04-01T00:00:00.000Z',
      to: '2026-07-01T00:00:00.000Z',
      entries: t.q2.length,
      chain: { whole: true, message: null }
    });
    expect(entryIds(report)).toEqual(t.q2);
    expect(report.assets.map((a) => [a.name, a.counts, a.layers])).toEqual([
      ['vm-01', { owner: 2, signOff: 1 }, ['Operating system']],
      ['web-01', { responsibility: 1, owner: 2 }, ['Network controls']]
    ]);
    const web = report.assets[1]!;
    expect(web.changes[0]).toMatchObject({
      kind: 'responsibility',
      layerId: 'network-controls',
      actor: 'Carol Editor',
      at: expect.stringMatching(/^2026-04-05T/)
    });
    expect(web.changes.map((c) => [c.before, c.after])).toEqual([
      ['published', 'customer (our own firewall)'],
      ['Alice Martin', 'Bob Chen'],
      ['Bob Chen', 'Alice Martin']
    ]);
    expect(report.removed).toEqual([]);
    expect(web.changes.slice(1).map((c) => c.summary)).toEqual([
      expect.stringMatching(/^Set owner Bob Chen on 2 assets/),
      expect.stringMatching(/^Undo: Set owner Bob Chen/)
    ]);
    expect(report.workbook.map((c) => c.kind)).toEqual(['settings']);
    expect(report.counts).toEqual({ settings: 1, responsibility: 1, owner: 4, signOff: 1 });
    expect(report.byActor).toEqual([
      { actor: 'Carol Editor', entries: 4 },
      { actor: 'tester', entries: 1 }
    ]);
    expect(report.added.map((a) => a.name)).toEqual(['db-01']);
    t.close();
  });

  it('reads to now without --to, and nothing before --from', async () => {
    const t = await editedWorkbook();
    expect(entryIds(await diffWorkbook(t.wb, t.ctx, { from: '2026-04-01' }))).toEqual([...t.q2, ...t.q3]);
    expect(entryIds(await diffWorkbook(t.wb, t.ctx, { from: '2026-01-10', to: '2026-01-10' }))).toEqual(t.q1);
    const quiet = await diffWorkbook(t.wb, t.ctx, { from: '2026-02-01', to: '2026-03-31' });
    expect(quiet).toMatchObject({
      entries: 0,
      firstEntryId: null,
      assets: [],
      workbook: [],
      counts: {},
      added: [],
      baseline: null
    });
    t.close();
  });

  it('the CLI prints the same, as text and JSON; a broken chain exits 1; bad dates exit 2', async () => {
    const t = await editedWorkbook();
    const expected = await diffWorkbook(t.wb, t.ctx, { from: '2026-04-01', to: '2026-06-30' });
    t.close();
    const json = await cli(['diff', t.path, '--from', '2026-04-01', '--to', '2026-06-30', '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(expected);
    const text = await cli(['diff', t.path, '--from', '2026-04-01', '--to', '2026-06-30']);
    expect(text.stdout).toContain(
      `Changes from 2026-04-01T00:00:00.000Z to 2026-07-01T00:00:00.000Z (entries #${t.q2[0]}–#${t.q2.at(-1)}, 5 in all)`
    );
    expect(text.stdout).toContain('Chain: whole.');
    expect(text.stdout).toContain('By kind: Override 1, Owner 4, Sign-off 1, Settings 1');
    expect(text.stdout).toContain('  vm-01 (#1): Owner 2, Sign-off 1 — layers: Operating system');
    expect(text.stdout).toContain(
      `    #${t.q2[1]} 2026-04-05 09:00 Carol Editor: Override "Network controls" on web-01: customer (our own firewall) [published → customer (our own firewall)]`
    );
    expect(text.stdout).toContain('Assets added: 1 (db-01)');

    const db = new Database(t.path);
    editEntry(db, t.q1[0]!, { summary: 'nothing to see' });
    db.close();
    const broken = await cli(['diff', t.path, '--from', '2026-04-01']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(
      new RegExp(`Chain: BROKEN \\(entry #${t.q1[0]}: .*\\): this diff is read from an altered log\\.`)
    );

    const bad = await cli(['diff', t.path, '--from', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^demarc diff: .*from/);
    const reversed = await cli(['diff', t.path, '--from', '2026-04-01', '--to', '2026-03-01']);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain('from must not be after to');
    expect((await cli(['diff', t.path])).stderr).toContain('--from YYYY-MM-DD|EXPORT is required');
  });

  it('from an export kept at the end of the first quarter: exactly what came after its chain head', async () => {
    const xlsx = join(tempDir(), 'q1.xlsx');
    const t = await editedWorkbook(xlsx);
    const report = await diffWorkbook(t.wb, t.ctx, { fromExport: xlsx });
    expect(entryIds(report)).toEqual([...t.q2, ...t.q3]);
    expect(report.baseline).toMatchObject({
      path: xlsx,
      head: expect.stringMatching(new RegExp(`^#${t.q1.at(-1)} sha256:[0-9a-f]{64}$`)),
      matches: true
    });
    expect(report.from).toMatch(/^2026-01-10T/);
    t.close();
    const since = await cli(['diff', t.path, '--from', xlsx, '--to', '2026-06-30']);
    expect(since.code, since.stderr).toBe(0);
    expect(since.stdout).toContain(`Since ${xlsx} (head #${t.q1.at(-1)} sha256:`);
    expect(since.stdout).toContain(`(entries #${t.q2[0]}–#${t.q2.at(-1)}, 5 in all)`);
    // History before the export's head rewritten: the diff says the export no longer agrees, exit 1.
    const db = new Database(t.path);
    editEntry(db, t.q1[0]!, { actor: 'someone else' });
    db.close();
    const rewritten = await cli(['diff', t.path, '--from', xlsx]);
    expect(rewritten.code).toBe(1);
    expect(rewritten.stdout).toContain('MISMATCH');
    const notExport = await cli(['diff', t.path, '--from', t.path]);
    expect(notExport.code).toBe(2);
  });
});
