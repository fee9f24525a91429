/**
 * Issue 20, gaps: bulk RACI. The same roles on one layer of every matching asset, the rules checked
 * for each: the ones refused are left as they were and listed, the rest written in one undo step
 * and one change-log entry that the log of each asset finds; through the router and `demarc raci --where`.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { entryChange } from '@core/audit/entry-change';
import { assetDetail } from '@main/engine/asset-detail';
import { undo } from '@main/services/history';
import { modelsOfSelection, setRaciMany } from '@main/services/raci-bulk';
import { changes } from '@main/services/workbook-service';
import type { SelectionModel } from '@shared/contract/bulk-raci';
import { DemarcError } from '@shared/errors';
import { cli } from '@tests/helpers/run-cli';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { createTestWorkbook } from '@tests/helpers/workbook';
import { routerOverTempWorkbook } from '@tests/helpers/test-router';

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

  it('under several models: lists the models of a selection, sets a layer per model in one step, refuses per asset', () => {
    const t = setup();
    // vm-3 under the classic Azure model (same layer ids for the OS), gce-1 under Google's (its own ids).
    seedAssets(t.wb.db, [
      { name: 'vm-3', serviceModel: 'iaas', modelId: 'microsoft-classic-2023' },
      { name: 'gce-1', serviceModel: 'iaas', modelId: 'google-cloud-2023-08' }
    ]);
    t.wb.engine.drop();
    const models = modelsOfSelection(t.wb, t.ctx, { serviceModel: 'iaas' });
    expect(models.map((m) => [m.id, m.count, m.isDefault])).toEqual([
      ['microsoft-2026-01', 2, true],
      ['google-cloud-2023-08', 1, false],
      ['microsoft-classic-2023', 1, false]
    ]);
    expect(models[1]!.layers.map((l) => l.id)).toContain('operating-system-and-runtime');
    const entries = logCount(t);
    const result = setRaciMany(t.wb, t.ctx, {
      filter: { serviceModel: 'iaas' },
      expectedCount: 4,
      layerId: 'operating-system',
      layers: { 'google-cloud-2023-08': 'operating-system-and-runtime' },
      roles: { R: [t.platform], A: [t.alice] }
    });
    expect(result).toEqual({
      count: 4,
      summary: 'RACI of "Operating system", "Operating system and runtime" on 4 assets: Responsible: Platform Team; Accountable: Alice Martin',
      refusedCount: 0,
      refused: []
    });
    expect(logCount(t)).toBe(entries + 1);
    const layerOf = (id: number, layerId: string) => assetDetail(t.wb, t.ctx, id).layers.find((l) => l.layerId === layerId)!;
    expect(layerOf(4, 'operating-system').names).toMatchObject({ R: ['Platform Team'], A: ['Alice Martin'] });
    expect(layerOf(5, 'operating-system-and-runtime').names).toMatchObject({ R: ['Platform Team'], A: ['Alice Martin'] });
    const entry = changes(t.wb, { assetId: 5 }).at(-1)!;
    expect(entry).toMatchObject({ action: 'raci.setMany', summary: result.summary });
    expect(entry.after).toMatchObject({ layers: { 'microsoft-2026-01': 'operating-system', 'microsoft-classic-2023': 'operating-system', 'google-cloud-2023-08': 'operating-system-and-runtime' } });
    // Its way back (the as-of report's and the round trip's rewind) holds every row it wrote, under each layer.
    const back = entryChange(entry).back;
    expect(back.map((op) => op.op)).toEqual(['deleteAssignments', 'putAssignments']);
    const deleted = back[0]!.op === 'deleteAssignments' ? back[0]!.rows : [];
    expect(deleted.map((r) => `${r.assetId}:${r.layerId}:${r.role}`).sort()).toEqual(
      [2, 3, 4].flatMap((id) => [`${id}:operating-system:A`, `${id}:operating-system:R`]).concat(['5:operating-system-and-runtime:A', '5:operating-system-and-runtime:R']).sort()
    );
    undo(t.wb, t.ctx);
    expect(layerOf(5, 'operating-system-and-runtime').names.A).not.toContain('Alice Martin');
    expect(layerOf(4, 'operating-system').names.A).not.toContain('Alice Martin');

    // One layer id for all: the Google asset's model has no such layer, so it alone is refused, named with its model's layers.
    const partly = setRaciMany(t.wb, t.ctx, { filter: { serviceModel: 'iaas' }, layerId: 'operating-system', roles: { A: [t.alice] } });
    expect(partly).toMatchObject({ count: 3, refusedCount: 1 });
    expect(partly.refused[0]).toMatchObject({ assetId: 5, asset: 'gce-1', model: 'Google Cloud shared responsibility (shared fate page, August 2023)', layerId: null, layer: null });
    expect(partly.refused[0]!.reason).toMatch(/^The model "Google Cloud shared responsibility .*" has no layer "operating-system" \(its layers: data, .*operating-system-and-runtime/);
    // A layer per model, the default model left without one: its assets are refused as such; the
    // provider alone as Responsible breaks a rule on the others' customer-side layer, named with the layer.
    const before = logCount(t);
    let error: unknown;
    try {
      setRaciMany(t.wb, t.ctx, { filter: { serviceModel: 'iaas' }, layers: { 'microsoft-classic-2023': 'operating-system', 'google-cloud-2023-08': 'operating-system-and-runtime' }, roles: { R: [t.azure] } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DemarcError);
    const refused = ((error as DemarcError).details as { refused: { asset: string; layer: string | null; reason: string }[] }).refused;
    expect(refused.map((r) => [r.asset, r.layer])).toEqual([
      ['vm-1', null],
      ['vm-2', null],
      ['vm-3', 'Operating system'],
      ['gce-1', 'Operating system and runtime']
    ]);
    expect(refused[0]!.reason).toBe('No layer was chosen for its model "Microsoft Azure shared responsibility (January 2026)".');
    expect(refused[2]!.reason).toMatch(/customer side/);
    expect(logCount(t)).toBe(before);
    t.close();
  });

  it('through the router: assets.modelsOf answers the models of a selection; raci.setMany without a layer is refused by its schema', async () => {
    const { router, session } = await routerOverTempWorkbook();
    const wb = session.require();
    seedAssets(wb.db, [
      { name: 'vm-1', serviceModel: 'iaas' },
      { name: 'vm-3', serviceModel: 'iaas', modelId: 'microsoft-classic-2023' }
    ]);
    const [alice] = seedParties(wb.db, [{ name: 'Alice Martin', kind: 'person' }]);
    wb.engine.drop();
    const models = await router.handle('assets.modelsOf', { filter: { ids: [1, 2] } });
    expect(models.ok && (models.data as SelectionModel[]).map((m) => `${m.id} ×${m.count}`)).toEqual(['microsoft-2026-01 ×1', 'microsoft-classic-2023 ×1']);
    const noLayer = await router.handle('raci.setMany', { filter: { ids: [1, 2] }, roles: { A: [alice!] } });
    expect(noLayer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!noLayer.ok && noLayer.error.message).toMatch(/name the layer: layerId .* or layers/);
    const set = await router.handle('raci.setMany', { filter: { ids: [1, 2] }, layers: { 'microsoft-2026-01': 'operating-system', 'microsoft-classic-2023': 'operating-system' }, roles: { A: [alice!] } });
    expect(set).toMatchObject({ ok: true, data: { count: 2, refusedCount: 0 } });
    session.close();
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
  it('demarc raci --where over assets of several models: the layer looked up under each, the asset whose model lacks it refused and listed', async () => {
    const t = setup();
    seedAssets(t.wb.db, [
      { name: 'vm-3', serviceModel: 'iaas', modelId: 'microsoft-classic-2023' },
      { name: 'gce-1', serviceModel: 'iaas', modelId: 'google-cloud-2023-08' }
    ]);
    t.close();
    const run = await cli(['raci', t.path, '--where', 'sm=iaas', '--layer', 'Operating system', '--A', 'Alice Martin']);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('RACI of "Operating system" on 3 assets: Accountable: Alice Martin (1 asset refused)');
    expect(lines[1]).toMatch(/^ {2}refused: The model "Google Cloud shared responsibility .*" has no layer "operating-system" \(its layers: .*operating-system-and-runtime/);
    // By the Google model's own layer id: that asset takes it, the others' models lack it.
    const google = await cli(['raci', t.path, '--where', 'sm=iaas', '--layer', 'operating-system-and-runtime', '--A', 'Alice Martin', '--json']);
    expect(google.code).toBe(1);
    expect(JSON.parse(google.stdout)).toMatchObject({ count: 1, refusedCount: 3, refused: [{ asset: 'vm-1' }, { asset: 'vm-2' }, { asset: 'vm-3' }] });
    const nowhere = await cli(['raci', t.path, '--where', 'sm=iaas', '--layer', 'no-such-layer', '--A', 'Alice Martin']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/^demarc raci: --layer: "no-such-layer" is not a layer of the models of the matching assets; use one of \(Microsoft Azure shared responsibility \(January 2026\): customer-data, .*; Google Cloud .*\)\.\n$/);
    const db = new Database(t.path, { readonly: true });
    const logged = db.prepare("SELECT after_json FROM change_log WHERE action = 'raci.setMany' ORDER BY id").all() as { after_json: string }[];
    expect(logged.map((r) => (JSON.parse(r.after_json) as { ids: number[] }).ids)).toEqual([[2, 3, 4], [5]]);
    db.close();
  });
});
