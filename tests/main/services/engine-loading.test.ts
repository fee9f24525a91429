import { describe, expect, it } from 'vitest';
import { computeFindings, findingsInSlices } from '@core/findings';
import { assetFacets, listAssetPage } from '@main/engine/query';
import { updateAssets } from '@main/services/asset-update';
import { loadEngineInput } from '@main/engine/input';
import { setOverride } from '@main/services/overrides';
import { setRaci } from '@main/services/raci-assign';
import { closeWorkbook, openWorkbook, updateSettings } from '@main/services/workbook-service';
import { STANDARD_SERVICE_MODELS } from '@shared/domain';
import { seedAssets, seedParties, type SeedAsset } from '@tests/helpers/seed';
import { createTestWorkbook } from '@tests/helpers/workbook';

/** Enough assets for several load slices, with owners, leavers, overrides and assignments spread out. */
function bigWorkbook(count = 45_000) {
  const t = createTestWorkbook();
  const [platform, alice, gone] = seedParties(t.wb.db, [
    { name: 'Platform', kind: 'team' },
    { name: 'Alice', kind: 'person' },
    { name: 'Gone', kind: 'person', active: false, leftAt: '2026-01-31' }
  ]);
  const assets: SeedAsset[] = [];
  for (let i = 0; i < count; i++) {
    assets.push({
      name: `asset-${i}`,
      key: `k${i}`,
      type: i % 11 === 0 ? 'Microsoft.Security/pricings' : 'Microsoft.Compute/virtualMachines',
      resourceGroup: `rg-${i % 13}`,
      serviceModel: i % 17 === 0 ? null : STANDARD_SERVICE_MODELS[i % STANDARD_SERVICE_MODELS.length],
      ownerPartyId: i % 5 === 0 ? null : i % 7 === 0 ? gone! : platform!,
      lastReviewedAt: i % 3 === 0 ? '2020-01-01T00:00:00.000Z' : null
    });
  }
  const ids = seedAssets(t.wb.db, assets);
  return { ...t, ids, alice: alice!, platform: platform! };
}

/** Runs the event loop until the sliced load has stopped. */
async function drain(isBusy: () => boolean): Promise<void> {
  while (isBusy()) await new Promise((resolve) => setImmediate(resolve));
}

describe('findings in slices', () => {
  it('gives exactly the findings of one run, in the same order, whatever the slice size', () => {
    const t = bigWorkbook(3_000);
    setOverride(t.wb, t.ctx, { assetId: t.ids[2]!, layerId: 'operating-system', responsibility: 'customer', justification: 'We run the OS.' });
    const input = loadEngineInput(t.wb, t.ctx);
    const whole = computeFindings(input);
    expect(whole.length).toBeGreaterThan(2_000);
    for (const size of [1, 7, 1_000, 5_000]) {
      const slices = findingsInSlices(input);
      let calls = 0;
      while (!slices.next(size)) calls++;
      expect(calls).toBe(Math.ceil(input.assets.length / size) - 1);
      expect(slices.findings).toEqual(whole);
    }
    t.close();
  });
});

describe('loading a workbook in slices', () => {
  it('answers the first page from the store while loading, exactly as the loaded state does', async () => {
    const t = bigWorkbook();
    // Explicit RACI and an override on assets of the first page, so their findings differ from the defaults.
    setRaci(t.wb, t.ctx, { assetId: t.ids[1]!, layerId: 'customer-data', roles: { A: [t.alice], C: [t.platform] } });
    setOverride(t.wb, t.ctx, { assetId: t.ids[2]!, layerId: 'operating-system', responsibility: 'customer', justification: 'We run the OS.' });
    t.close();
    const wb = openWorkbook(t.ctx, t.path);
    const query = { filter: {}, offset: 0, limit: 100 };

    wb.engine.startLoading(t.ctx);
    expect(wb.engine.isLoading).toBe(true);
    const early = listAssetPage(wb, t.ctx, query);
    const earlySecond = listAssetPage(wb, t.ctx, { ...query, offset: 100 });
    // Answering the pages did not load the state.
    expect(wb.engine.isLoading).toBe(true);
    expect(wb.engine.current).toBeNull();

    await drain(() => wb.engine.isLoading);
    const state = wb.engine.current;
    expect(state).not.toBeNull();
    expect(listAssetPage(wb, t.ctx, query)).toEqual(early);
    expect(listAssetPage(wb, t.ctx, { ...query, offset: 100 })).toEqual(earlySecond);
    expect(early.total).toBe(45_000);
    expect(early.rows[1]!.findings).not.toBe(early.rows[6]!.findings);
    expect(early.rows.some((row) => row.worstSeverity === 'error')).toBe(true);
    closeWorkbook(wb);

    // The state loaded in slices equals one loaded in one go (findings and search index included).
    const again = openWorkbook(t.ctx, t.path);
    const whole = again.engine.state(t.ctx);
    expect(state!.input.assets).toEqual(whole.input.assets);
    expect(state!.findings).toEqual(whole.findings);
    expect(state!.searchIndex.texts).toEqual(whole.searchIndex.texts);
    // Its character sets were filled a slice at a time: one-character searches (which read
    // them) find the same assets across the slice boundaries.
    for (const needle of ['a', 'z', '1', '9', '-', '/', 'vm', 'web-4']) {
      expect([...state!.searchIndex.matches(needle)], needle).toEqual([...whole.searchIndex.matches(needle)]);
    }
    expect(state!.searchIndex.matches('1').length).toBeGreaterThan(0);
    closeWorkbook(again);
  });

  it('finishes at once when a read needs the whole state, and waits otherwise', async () => {
    const t = bigWorkbook(30_000);
    t.wb.engine.startLoading(t.ctx);
    const facets = t.wb.engine.whenLoaded(t.ctx).then(() => assetFacets(t.wb, t.ctx));
    expect(t.wb.engine.isLoading).toBe(true);
    // A filtered page needs every asset: the remaining slices run now.
    const filtered = listAssetPage(t.wb, t.ctx, { filter: { text: 'asset-2999' }, offset: 0, limit: 100 });
    expect(filtered.rows.map((r) => r.name)).toEqual(['asset-2999', 'asset-29990', 'asset-29991', 'asset-29992', 'asset-29993', 'asset-29994', 'asset-29995', 'asset-29996', 'asset-29997', 'asset-29998', 'asset-29999']);
    expect(t.wb.engine.isLoading).toBe(false);
    expect((await facets).resourceGroups.length).toBe(13);
    t.close();
  });

  it('finishes the load first when an edit needs the state, and the edit applies to it', async () => {
    const t = bigWorkbook();
    t.close();
    const wb = openWorkbook(t.ctx, t.path);
    wb.engine.startLoading(t.ctx);
    await new Promise((resolve) => setImmediate(resolve));
    expect(wb.engine.isLoading).toBe(true);
    updateAssets(wb, t.ctx, { filter: { ids: [t.ids[44_999]!] }, expectedCount: 1, set: { ownerPartyId: t.alice } });
    expect(wb.engine.isLoading).toBe(false);
    expect(listAssetPage(wb, t.ctx, { filter: { ids: [t.ids[44_999]!] }, offset: 0, limit: 1 }).rows[0]!.owner).toBe('Alice');
    closeWorkbook(wb);
  });

  it('drops a load that a write comes between, and the next read sees the write', async () => {
    const t = bigWorkbook();
    t.close();
    const wb = openWorkbook(t.ctx, t.path);
    wb.engine.startLoading(t.ctx);
    await new Promise((resolve) => setImmediate(resolve)); // settings, parties, overrides read
    await new Promise((resolve) => setImmediate(resolve)); // the first assets read
    expect(wb.engine.isLoading).toBe(true);
    // A settings change writes without reading the state: the slices read so far are stale.
    updateSettings(wb, t.ctx, { reviewPeriodDays: 30 });
    expect(wb.engine.isLoading).toBe(false);
    const state = await wb.engine.whenLoaded(t.ctx);
    expect(state.input.settings.reviewPeriodDays).toBe(30);
    expect(state.input.assets.length).toBe(45_000);
    expect(wb.engine.current).toBe(state);
    closeWorkbook(wb);
  });

  it('stops quietly when the workbook is closed mid-load', async () => {
    const t = bigWorkbook(25_000);
    t.wb.engine.startLoading(t.ctx);
    const waiting = expect(t.wb.engine.whenLoaded(t.ctx)).rejects.toThrow(/not open/);
    await new Promise((resolve) => setImmediate(resolve));
    t.close();
    await drain(() => t.wb.engine.isLoading);
    await waiting;
  });
});
