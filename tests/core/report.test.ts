import { describe, it, expect } from 'vitest';
import type { EngineInput } from '@core/engine-input';
import { RACI_ASSET_FIELDS, diffedEntriesOf, reportAssetsOf, type ReportHeadInput, type SharedLayers } from '@core/report';
import { reportOfInput } from '@tests/helpers/whole-report';
import { asset, assign, engineInput, override, parties } from '@tests/helpers/builders';

type ReportInput = EngineInput & Omit<ReportHeadInput, 'assetModels'>;

function input(patch: Partial<ReportInput> = {}): ReportInput {
  return {
    ...engineInput({
      assets: [asset(2, { modelId: 'microsoft-classic-2023', ownerPartyId: null }), asset(1, { serviceModel: 'paas' })],
      overrides: [override(1, 'operating-system', 'shared')],
      assignments: [assign(1, 'applications', 4, 'R'), assign(1, 'applications', 2, 'R')]
    }),
    workbookName: 'test.demarc',
    formatVersion: 3,
    lastChangeAt: '2026-02-28T10:00:00Z',
    ...patch
  };
}

describe('the report of a workbook (head and one page)', () => {
  const report = reportOfInput(input());

  it('describes the workbook and the models in use, the default first', () => {
    expect(report.format).toBe('demarc-report');
    expect(report.formatVersion).toBe(1);
    expect(report.workbook).toEqual({
      name: 'test.demarc',
      organisation: 'Test org',
      formatVersion: 3,
      defaultModelId: 'microsoft-2026-01',
      reviewPeriodDays: 365,
      lastChangeAt: '2026-02-28T10:00:00Z'
    });
    expect(report.models.map((m) => m.id)).toEqual(['microsoft-2026-01', 'microsoft-classic-2023']);
    expect(report.models[0]?.providerName).toBe('Microsoft');
    expect(report.models[0]?.layers[3]).toMatchObject({ id: 'client-devices', cells: { onprem: 'customer', iaas: 'customer', paas: 'customer', saas: 'shared' } });
  });

  it('lists parties sorted by name', () => {
    expect(report.parties.map((p) => p.name)).toEqual(['Alice', 'Bob', 'Contoso MSP', 'Microsoft', 'Platform team']);
  });

  it('lists assets by id with layers in model order and RACI by party name', () => {
    expect(report.assets.map((a) => [a.id, a.modelId, a.owner])).toEqual([
      [1, 'microsoft-2026-01', 'Alice'],
      [2, 'microsoft-classic-2023', null]
    ]);
    const [first] = report.assets;
    expect(first?.layers.map((l) => l.layerId)).toEqual([
      'customer-data', 'configurations-and-settings', 'identities-and-users', 'client-devices', 'applications',
      'network-controls', 'operating-system', 'physical-hosts', 'physical-network', 'physical-datacenter'
    ]);
    expect(first?.layers[4]).toEqual({
      layerId: 'applications',
      title: 'Applications',
      responsibility: 'shared',
      published: 'shared',
      overridden: false,
      justification: null,
      note: null,
      R: ['Contoso MSP', 'Platform team'],
      A: ['Alice'],
      C: [],
      I: [],
      defaultRoles: ['A', 'C', 'I']
    });
    expect(first?.layers[6]).toMatchObject({ layerId: 'operating-system', responsibility: 'shared', published: 'provider', overridden: true, justification: 'contract says so', R: ['Alice', 'Microsoft'], A: ['Alice'] });
    expect(first?.layers[7]).toMatchObject({ layerId: 'physical-hosts', R: ['Microsoft'], A: ['Microsoft'], I: ['Alice'] });
  });

  it('carries the findings with the asset name', () => {
    expect(report.findings.map((f) => [f.assetId, f.code])).toEqual([[2, 'NO_OWNER']]);
    expect(report.findings[0]?.asset).toBe('vm2');
  });

  it('is deterministic: the same workbook in another order gives the same report', () => {
    const shuffled = input();
    shuffled.assets.reverse();
    shuffled.parties = [...parties()].reverse();
    shuffled.assignments.reverse();
    expect(reportOfInput(shuffled)).toEqual(report);
    expect(JSON.stringify(reportOfInput(shuffled))).toBe(JSON.stringify(report));
  });
});

describe('layers shared between entries', () => {
  // 1–3: same model, service model and owner, nothing of their own; 4: another owner; 5: a note;
  // 6: an override; 7: an assignment.
  const page = engineInput({
    assets: [1, 2, 3, 4, 5, 6, 7].map((id) => asset(id, { serviceModel: 'paas', ownerPartyId: id === 4 ? 2 : 1 })),
    overrides: [override(6, 'operating-system', 'shared')],
    assignments: [assign(7, 'applications', 4, 'R')],
    notes: [{ assetId: 5, layerId: 'applications', note: 'ask the vendor', by: 'me', at: '2026-01-01T00:00:00Z' }]
  });

  it('are one frozen array for assets with nothing of their own, kept across the pages of a pass; the others get their own', () => {
    const shared: SharedLayers = new Map();
    const [a1, a2, a3, a4, a5, a6, a7] = [...reportAssetsOf({ ...page, assets: page.assets.slice(0, 2) }, shared), ...reportAssetsOf({ ...page, assets: page.assets.slice(2) }, shared)];
    expect(a2?.layers).toBe(a1?.layers);
    expect(a3?.layers).toBe(a1?.layers);
    expect(a4?.layers).not.toBe(a1?.layers);
    for (const own of [a5, a6, a7]) expect(own?.layers).not.toBe(a1?.layers);
    expect(shared.size).toBe(2);
    expect(Object.isFrozen(a1?.layers)).toBe(true);
    expect(Object.isFrozen(a1?.layers[0])).toBe(true);
    expect(Object.isFrozen(a1?.layers[0]?.R)).toBe(true);
    expect(() => (a1?.layers[0]?.R as string[]).push('Mallory')).toThrow(TypeError);
    expect(a5?.layers[4]?.note).toBe('ask the vendor');
    expect(a6?.layers[6]).toMatchObject({ overridden: true, responsibility: 'shared' });
    expect(a7?.layers[4]?.R).toEqual(['Contoso MSP']);
  });

  it("say what each asset's own layers would say", () => {
    const alone = page.assets.map((a) => reportAssetsOf({ ...page, assets: [a] })[0]);
    expect(JSON.stringify(reportAssetsOf(page, new Map()))).toBe(JSON.stringify(alone));
  });

  it('are what the round trip compares, from the assets read only as far as RACI_ASSET_FIELDS', () => {
    const withAttributes = { ...page, assets: page.assets.map((a, i) => ({ ...a, criticality: i % 2 === 0 ? ('high' as const) : null, environment: i % 3 === 0 ? ('production' as const) : i % 3 === 1 ? ('test' as const) : null })) };
    const lean = { ...withAttributes, assets: withAttributes.assets.map((a) => Object.fromEntries(RACI_ASSET_FIELDS.map((f) => [f, a[f]])) as Pick<typeof a, (typeof RACI_ASSET_FIELDS)[number]>) };
    const whole = reportAssetsOf(withAttributes).map(({ id, name, modelId, owner, serviceModel, layers, criticality, dataClassification, environment }) => ({ id, name, modelId, owner, serviceModel, layers, criticality, dataClassification, environment }));
    expect(diffedEntriesOf(lean)).toEqual(whole);
    expect(new Set(whole.map((a) => a.owner)).size).toBe(2);
  });
});
