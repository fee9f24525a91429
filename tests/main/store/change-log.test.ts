/** The asset panel's history is answered in SQL: an asset's own entries and bulk edits that named it. */
import { describe, expect, it } from 'vitest';
import { updateAssets } from '@main/services/asset-update';
import { setOverride } from '@main/services/overrides';
import { listChanges } from '@main/store/repos/change-log';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { createTestWorkbook } from '@tests/helpers/workbook';

describe('listChanges by asset', () => {
  it('finds single-asset entries and bulk edits naming the asset, newest first, limited, and nothing else', () => {
    const t = createTestWorkbook();
    const [alice] = seedParties(t.wb.db, [{ name: 'Alice', kind: 'person' }]);
    const ids = seedAssets(t.wb.db, Array.from({ length: 12 }, (_, i) => ({ name: `a-${i}`, serviceModel: 'iaas' as const })));
    const [a, b] = [ids[4]!, ids[10]!];
    updateAssets(t.wb, t.ctx, { filter: { ids: [a] }, set: { ownerPartyId: alice! } });
    updateAssets(t.wb, t.ctx, { filter: {}, set: { reviewed: true } }); // a bulk edit of all 12
    setOverride(t.wb, t.ctx, { assetId: b, layerId: 'operating-system', responsibility: 'shared', justification: 'ours' });
    updateAssets(t.wb, t.ctx, { filter: { ids: [b, ids[11]!] }, set: { serviceModel: 'paas' } });

    const ofA = listChanges(t.wb.db, { assetId: a, newestFirst: true });
    expect(ofA.map((e) => e.summary)).toEqual(['Marked reviewed on 12 assets', 'Set owner Alice on 1 asset']);
    const ofB = listChanges(t.wb.db, { assetId: b, newestFirst: true });
    expect(ofB.map((e) => e.action)).toEqual(['assets.update', 'overrides.set', 'assets.update']);
    expect(listChanges(t.wb.db, { assetId: b, newestFirst: true, limit: 1 }).map((e) => e.summary)).toEqual(['Set service model PaaS on 2 assets']);
    // Ids that are a prefix or suffix of another's text are not confused (1 vs 11, 10).
    expect(listChanges(t.wb.db, { assetId: ids[1]! }).map((e) => e.summary)).toEqual(['Marked reviewed on 12 assets']);
    expect(listChanges(t.wb.db, { assetId: 9999 })).toEqual([]);
    t.close();
  });
});
