import { describe, it, expect } from 'vitest';
import type { EngineInput } from '@core/engine-input';
import type { ReportHeadInput } from '@core/report';
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
