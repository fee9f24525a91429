/**
 * The engine keeps its loaded state true after every edit without reloading: the edit's rows are
 * applied in place and only the assets it touched are checked again. After each edit of a
 * scripted session, the kept findings equal a fresh load's, and the findings of assets the edit
 * did not touch are the very objects computed before it.
 */
import { describe, expect, it } from 'vitest';
import { computeFindings } from '@core/findings';
import { loadEngineInput } from '@main/engine/input';
import { updateAssets } from '@main/services/asset-update';
import { redo, undo } from '@main/services/history';
import { clearOverride, setOverride } from '@main/services/overrides';
import { addParty, leaveParty, reactivateParty, reassignParty, updatePartyDetails } from '@main/services/parties';
import { setRaci } from '@main/services/raci-assign';
import { updateSettings } from '@main/services/workbook-service';
import { STANDARD_SERVICE_MODELS } from '@shared/domain';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { createTestWorkbook, testServiceContext } from '@tests/helpers/workbook';

const NOW = '2026-11-28T09:00:00.000Z';

function setup() {
  const t = createTestWorkbook({ ctx: testServiceContext({ clock: () => NOW }) });
  const [alice, bob, platform, gone] = seedParties(t.wb.db, [
    { name: 'Alice', kind: 'person' },
    { name: 'Bob', kind: 'person' },
    { name: 'Platform', kind: 'team' },
    { name: 'Gone', kind: 'person', active: false, leftAt: '2026-01-31' }
  ]);
  const ids = seedAssets(
    t.wb.db,
    Array.from({ length: 300 }, (_, i) => ({
      name: `asset-${i}`,
      type: i % 9 === 0 ? 'Microsoft.Security/pricings' : 'Microsoft.Compute/virtualMachines',
      serviceModel: i % 13 === 0 ? null : STANDARD_SERVICE_MODELS[i % STANDARD_SERVICE_MODELS.length]!,
      ownerPartyId: i % 5 === 0 ? null : i % 7 === 0 ? gone! : i % 2 === 0 ? alice! : platform!,
      lastReviewedAt: i % 3 === 0 ? '2020-01-01T00:00:00.000Z' : null
    }))
  );
  return { ...t, alice: alice!, bob: bob!, platform: platform!, gone: gone!, ids };
}

/** The findings a fresh load of the workbook computes now. */
function fresh(t: ReturnType<typeof setup>) {
  return computeFindings(loadEngineInput(t.wb, t.ctx));
}

describe('findings after an edit', () => {
  it('equal a fresh load after every kind of edit, checking only the assets touched', () => {
    const t = setup();
    const state = t.wb.engine.state(t.ctx);
    expect(state.findings).toEqual(fresh(t));
    const a = t.ids[10]!;
    const carol = () => [...state.partyById.values()].find((p) => p.name === 'Carol')!.id;
    const b = t.ids[11]!;

    const steps: [string, () => unknown, number[] | 'some'][] = [
      ['owner', () => updateAssets(t.wb, t.ctx, { filter: { ids: [a] }, expectedCount: 1, set: { ownerPartyId: t.bob } }), [a]],
      ['service model', () => updateAssets(t.wb, t.ctx, { filter: { ids: [b] }, set: { serviceModel: null } }), [b]],
      ['reviewed', () => updateAssets(t.wb, t.ctx, { filter: { ids: [t.ids[3]!] }, set: { reviewed: true } }), [t.ids[3]!]],
      ['raci', () => setRaci(t.wb, t.ctx, { assetId: a, layerId: 'customer-data', roles: { A: [t.platform], R: [t.bob] } }), [a]],
      ['override', () => setOverride(t.wb, t.ctx, { assetId: t.ids[1]!, layerId: 'operating-system', responsibility: 'shared', justification: 'We patch it.' }), [t.ids[1]!]],
      ['clear override', () => clearOverride(t.wb, t.ctx, { assetId: t.ids[1]!, layerId: 'operating-system' }), [t.ids[1]!]],
      ['undo', () => undo(t.wb, t.ctx), [t.ids[1]!]],
      ['redo', () => redo(t.wb, t.ctx), [t.ids[1]!]],
      ['a party leaves', () => leaveParty(t.wb, t.ctx, { id: t.bob, leftAt: '2026-11-01' }), 'some'],
      ['renamed', () => updatePartyDetails(t.wb, t.ctx, { id: t.platform, name: 'Platform Team' }), 'some'],
      ['back', () => reactivateParty(t.wb, t.ctx, t.bob), 'some'],
      ['reassign', () => reassignParty(t.wb, t.ctx, { fromId: t.gone, toId: t.alice }), 'some'],
      ['a new party', () => addParty(t.wb, t.ctx, { name: 'Carol', kind: 'person' }), []],
      // An owner who holds no role, then someone who holds a role and owns nothing, leave.
      ['an owner leaves', () => leaveParty(t.wb, t.ctx, { id: t.platform, leftAt: '2026-11-02' }), 'some'],
      ['a role', () => setRaci(t.wb, t.ctx, { assetId: t.ids[20]!, layerId: 'applications', roles: { C: [carol()] } }), [t.ids[20]!]],
      ['a role holder leaves', () => leaveParty(t.wb, t.ctx, { id: carol(), leftAt: '2026-11-03' }), [t.ids[20]!]],
      ['bulk', () => updateAssets(t.wb, t.ctx, { filter: { serviceModel: 'paas' }, set: { ownerPartyId: t.alice } }), 'some']
    ];
    for (const [what, edit, touched] of steps) {
      const before = new Map(state.findingsByAsset);
      edit();
      expect(t.wb.engine.current, what).toBe(state); // applied in place, not reloaded
      expect(state.findings, what).toEqual(fresh(t));
      if (touched !== 'some') {
        for (const [assetId, list] of before) {
          if (!touched.includes(assetId)) expect(state.findingsByAsset.get(assetId), `${what}: asset ${assetId}`).toBe(list);
        }
      }
    }
    t.close();
  });

  it('reloads after a settings change, and the reload is right', () => {
    const t = setup();
    const state = t.wb.engine.state(t.ctx);
    void state.findings.length;
    updateSettings(t.wb, t.ctx, { defaultTeamPerLayer: { 'customer-data': t.platform } });
    expect(t.wb.engine.current).toBeNull();
    expect(t.wb.engine.state(t.ctx).findings).toEqual(fresh(t));
    t.close();
  });

  it('a default team leaving checks every asset again', () => {
    const t = setup();
    updateSettings(t.wb, t.ctx, { defaultTeamPerLayer: { 'customer-data': t.platform } });
    const state = t.wb.engine.state(t.ctx);
    void state.findings.length;
    leaveParty(t.wb, t.ctx, { id: t.platform, leftAt: '2026-11-01' });
    expect(t.wb.engine.current).toBe(state);
    expect(state.findings).toEqual(fresh(t));
    t.close();
  });
});
