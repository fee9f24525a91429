/**
 * Issue 20, gaps: bulk RACI. The same roles on one layer of every matching asset, the rules checked
 * for each: the ones refused are left as they were and listed, the rest written in one undo step
 * and one change-log entry that the log of each asset finds; through the router and `demarc raci --where`.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { assetDetail } from '@main/engine/asset-detail';
import { undo } from '@main/services/history';
import { setRaciMany } from '@main/services/raci-bulk';
import { changes } from '@main/services/workbook-service';
import { DemarcError } from '@shared/errors';
import { cli } from '@tests/helpers/run-cli';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { createTestWorkbook } from '@tests/helpers/workbook';

function setup() {
  const t = createTestWorkbook();
  seedAssets(t.wb.db, [
    { name: 'app-1', serviceModel: 'paas' },
    { name: 'vm-1', serviceModel: 'iaas' },
    { name: 'vm-2', serviceModel: 'iaas' }
  ]);
  const [azure, platform, alice] = seedParties(t.wb.db, [
    { name: 'Azure', kind: 'provider' },
    { name: 'Platform Team', kind: 'team' },
    { name: 'Alice Martin', kind: 'person' }
  ]);
  return { ...t, azure: azure!, platform: platform!, alice: alice! };
}

const os = (t: ReturnType<typeof setup>, id: number) => assetDetail(t.wb, t.ctx, id).layers.find((l) => l.layerId === 'operating-system')!;
const logCount = (t: ReturnType<typeof setup>) => changes(t.wb, {}).length;

describe('bulk RACI', () => {
  it('sets the roles on every matching asset in one undo step and one change-log entry each asset’s log finds', () => {
    const t = setup();
    const result = setRaciMany(t.wb, t.ctx, { filter: { serviceModel: 'iaas' }, expectedCount: 2, layerId: 'operating-system', roles: { R: [t.platform], A: [t.alice] } });
    expect(result).toEqual({ count: 2, summary: 'RACI of "Operating system" on 2 assets: Responsible: Platform Team; Accountable: Alice Martin', refusedCount: 0, refused: [] });
    for (const id of [2, 3]) expect(os(t, id).names).toMatchObject({ R: ['Platform Team'], A: ['Alice Martin'] });
    expect(changes(t.wb, { assetId: 3 }).at(-1)).toMatchObject({ action: 'raci.setMany', summary: result.summary });
    const entries = logCount(t);
    // The same roles again: nothing to write.
    expect(setRaciMany(t.wb, t.ctx, { filter: { serviceModel: 'iaas' }, layerId: 'operating-system', roles: { R: [t.platform], A: [t.alice] } }).count).toBe(0);
    expect(logCount(t)).toBe(entries);
    undo(t.wb, t.ctx);
    for (const id of [2, 3]) expect(os(t, id).names.A).not.toContain('Alice Martin');
    t.close();
  });

  it('leaves the assets the rules refuse as they were and lists them; refuses the whole edit when none can take it', () => {
    const t = setup();
    // The provider alone as Responsible: fine where the layer is the provider's (PaaS), refused where it is the customer's (IaaS).
    const result = setRaciMany(t.wb, t.ctx, { filter: {}, layerId: 'operating-system', roles: { R: [t.azure] } });
    expect(result).toMatchObject({ count: 1, refusedCount: 2, summary: 'RACI of "Operating system" on 1 asset: Responsible: Azure (2 assets refused)' });
    expect(result.refused.map((r) => r.asset)).toEqual(['vm-1', 'vm-2']);
    expect(result.refused[0]!.message).toMatch(/^Refused on "Operating system" of vm-1: .*needs at least one Responsible on the customer side/);
    expect(os(t, 1).names.R).toEqual(['Azure']);
    expect(os(t, 2).names.R).not.toContain('Azure');
    const entries = logCount(t);
    let error: unknown;
    try {
      setRaciMany(t.wb, t.ctx, { filter: { serviceModel: 'iaas' }, layerId: 'operating-system', roles: { R: [t.azure] } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DemarcError);
    expect((error as DemarcError).message).toMatch(/^Refused on all 2 assets: Refused on "Operating system" of vm-1/);
    expect(logCount(t)).toBe(entries);
    t.close();
  });

  it('refuses a selection that changed since it was confirmed, writing nothing', () => {
    const t = setup();
    expect(() => setRaciMany(t.wb, t.ctx, { filter: { serviceModel: 'iaas' }, expectedCount: 3, layerId: 'operating-system', roles: { A: [t.alice] } })).toThrow(
      /The selection changed: 2 assets match now, 3 were confirmed/
    );
    t.close();
  });

  it('demarc raci --where sets every matching asset, lists the refused and exits 1 when any was', async () => {
    const t = setup();
    t.close();
    const ok = await cli(['raci', t.path, '--where', 'sm=iaas', '--layer', 'Operating system', '--R', 'Platform Team', '--A', 'Alice Martin']);
    expect(ok).toMatchObject({ code: 0, stdout: 'RACI of "Operating system" on 2 assets: Responsible: Platform Team; Accountable: Alice Martin\n' });
    const partly = await cli(['raci', t.path, '--where', '', '--layer', 'operating-system', '--C', 'Azure', '--R', '']);
    expect(partly.code).toBe(1);
    expect(partly.stdout.split('\n')[0]).toMatch(/^RACI of "Operating system" on \d assets?: Responsible: default; Consulted: Azure/);
    const none = await cli(['raci', t.path, '--where', 'text=nothing-like-this', '--layer', 'operating-system', '--A', 'Alice Martin']);
    expect(none).toMatchObject({ code: 2, stderr: 'demarc raci: --where: no asset matches "text=nothing-like-this"\n' });
    const both = await cli(['raci', t.path, '--where', '', '--asset', '1', '--layer', 'operating-system', '--A', 'Alice Martin']);
    expect(both).toMatchObject({ code: 2, stderr: 'demarc raci: give --asset (one asset) or --where (every matching asset)\n' });
    const db = new Database(t.path, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM change_log WHERE action = 'raci.setMany'").get()).toEqual({ n: 2 });
    db.close();
  });
});
