/**
 * The export's sign-offs read from the file a page at a time: the same statuses as the sign-off
 * service gives over the loaded workbook, the latest sign-off per asset × layer in words, at any
 * page size, without loading the engine state.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '@core/models';
import { updateAssets } from '@main/services/asset-update';
import { setRaci } from '@main/services/raci-assign';
import { signOffExport } from '@main/services/sign-off-export';
import { addSignOff, listSignOffs } from '@main/services/sign-offs';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { createTestWorkbook } from '@tests/helpers/workbook';

describe('sign-offs for the export, read from the file', () => {
  it('say what the sign-off service says, at any page size, with the engine state never loaded', () => {
    const t = createTestWorkbook();
    const [alice, platform, bob] = seedParties(t.wb.db, [
      { name: 'Alice Martin', kind: 'person' },
      { name: 'Platform team', kind: 'team' },
      { name: 'Bob Chen', kind: 'person' }
    ]) as [number, number, number];
    const [vm, web, lab, db] = seedAssets(t.wb.db, [
      { name: 'vm-01', serviceModel: 'iaas', subscription: 'sub-prod', ownerPartyId: alice },
      { name: 'web-01', serviceModel: 'paas', subscription: 'sub-prod', ownerPartyId: alice },
      { name: 'lab-01', serviceModel: 'iaas', subscription: 'sub-lab', ownerPartyId: alice },
      { name: 'db-01', serviceModel: 'paas', subscription: 'sub-prod', ownerPartyId: bob }
    ]) as [number, number, number, number];
    addSignOff(t.wb, t.ctx, { scope: { kind: 'workbook' }, partyId: platform, signedOn: '2026-11-01', statement: 'All of it' });
    addSignOff(t.wb, t.ctx, { scope: { kind: 'asset', assetId: vm }, partyId: alice, signedOn: '2026-11-30', statement: 'I confirm' });
    addSignOff(t.wb, t.ctx, { scope: { kind: 'layer', assetId: web, layerId: 'customer-data' }, partyId: bob, signedOn: '2026-12-01', statement: 'Data is ours' });
    addSignOff(t.wb, t.ctx, { scope: { kind: 'filter', filter: { subscription: 'sub-prod' } }, partyId: alice, signedOn: '2026-12-02', statement: 'Prod' });
    setRaci(t.wb, t.ctx, { assetId: vm, layerId: 'operating-system', roles: { R: [bob] } });
    // db-01 is Bob's already: only lab-01 changes.
    updateAssets(t.wb, t.ctx, { filter: { ids: [lab, db] }, set: { ownerPartyId: bob } });
    t.wb.engine.drop();

    const layers = BUILTIN_MODELS['microsoft-2026-01']!.layers.map((l) => l.id);
    const answers = (e: ReturnType<typeof signOffExport>) => [vm, web, lab, db].map((id) => [null, ...layers].map((layer) => e.signedOff(id, layer)));
    const byPage = [1, 2, 1000].map((size) => signOffExport(t.wb, t.ctx, size));
    expect(t.wb.engine.current).toBeNull();
    for (const e of byPage.slice(1)) {
      expect(e.list).toEqual(byPage[0]!.list);
      expect(answers(e)).toEqual(answers(byPage[0]!));
    }
    const fromFile = byPage[0]!;
    expect(fromFile.list).toEqual(listSignOffs(t.wb, t.ctx, {}));
    expect(fromFile.list.map((s) => [s.scopeLabel, s.stale === null ? 'valid' : `${s.stale.assets} × ${s.stale.assetName}: ${s.stale.changes.join(', ')}`])).toEqual([
      ['Subscription sub-prod', '1 × vm-01: Operating system (responsibility or RACI)'],
      ['web-01 × Customer data', 'valid'],
      ['vm-01', '1 × vm-01: Operating system (responsibility or RACI)'],
      ['Whole workbook', '2 × vm-01: Operating system (responsibility or RACI)']
    ]);
    // The latest sign-off covering a cell wins; a cell changed since it was signed says stale.
    expect(fromFile.signedOff(vm, 'operating-system')).toBe('Alice Martin on 2026-12-02, stale');
    expect(fromFile.signedOff(web, 'customer-data')).toBe('Alice Martin on 2026-12-02');
    expect(fromFile.signedOff(lab, 'applications')).toBe('Platform team on 2026-11-01, stale');
    expect(fromFile.signedOff(db, null)).toBe('Alice Martin on 2026-12-02');
    expect(fromFile.signedOff(lab, null)).toBe('Platform team on 2026-11-01, stale');
    t.close();
  });
});
