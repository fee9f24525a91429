/**
 * Truth tables of a control's ownership: the rule over cell counts, then the whole derivation
 * (tally of the engine's layers and RACI over a scope → ownership, layers, Accountable/Responsible)
 * on hand-made workbooks.
 */
import { describe, expect, it } from 'vitest';
import { compileFilter } from '@core/bulk-filter';
import { tallyLayers } from '@core/frameworks/layer-tally';
import { BUILTIN_MAPPING } from '@core/frameworks/mapping';
import { OwnershipDeriver, ownershipOf, type CellCounts } from '@core/frameworks/ownership';
import { partyList } from '@core/frameworks/ownership-text';
import type { EngineInput } from '@core/engine-input';
import type { AssetFilter } from '@shared/filter';
import { asset, assign, engineInput, override, settings } from '@tests/helpers/builders';

describe('ownershipOf: which parties hold cells → ownership', () => {
  // P provider, C customer in house, T customer via a third party, S shared in house, X shared via a third party.
  const table: [string, string, string][] = [
    ['', 'undetermined', ''],
    ['P', 'provider', 'P'],
    ['C', 'customer', 'C'],
    ['T', 'third-party', 'T'],
    ['S', 'shared', 'PC'],
    ['X', 'shared', 'PT'],
    ['PC', 'shared', 'PC'],
    ['PT', 'shared', 'PT'],
    ['CT', 'third-party', 'CT'],
    ['PS', 'shared', 'PC'],
    ['PX', 'shared', 'PT'],
    ['CS', 'shared', 'PC'],
    ['CX', 'shared', 'PCT'],
    ['TS', 'shared', 'PCT'],
    ['TX', 'shared', 'PT'],
    ['SX', 'shared', 'PCT'],
    ['PCT', 'shared', 'PCT'],
    ['PCS', 'shared', 'PC'],
    ['PCX', 'shared', 'PCT'],
    ['PTS', 'shared', 'PCT'],
    ['PTX', 'shared', 'PT'],
    ['PSX', 'shared', 'PCT'],
    ['CTS', 'shared', 'PCT'],
    ['CTX', 'shared', 'PCT'],
    ['CSX', 'shared', 'PCT'],
    ['TSX', 'shared', 'PCT'],
    ['PCTS', 'shared', 'PCT'],
    ['PCTX', 'shared', 'PCT'],
    ['PCSX', 'shared', 'PCT'],
    ['PTSX', 'shared', 'PCT'],
    ['CTSX', 'shared', 'PCT'],
    ['PCTSX', 'shared', 'PCT']
  ];
  it.each(table)('cells %s → %s, involving %s', (cells, ownership, involves) => {
    const counts: CellCounts = {
      provider: cells.includes('P') ? 3 : 0,
      customer: cells.includes('C') ? 2 : 0,
      thirdParty: cells.includes('T') ? 1 : 0,
      shared: cells.includes('S') ? 4 : 0,
      sharedThirdParty: cells.includes('X') ? 5 : 0
    };
    const verdict = ownershipOf(counts);
    expect(verdict.ownership).toBe(ownership);
    const who = `${verdict.involves.provider ? 'P' : ''}${verdict.involves.customer ? 'C' : ''}${verdict.involves.thirdParty ? 'T' : ''}`;
    expect(who).toBe(involves);
  });
  it('covers every combination once', () => expect(new Set(table.map((r) => r[0])).size).toBe(32));
});

/** One asset per service model (2026 model), owner Alice; Contoso MSP (third party) Responsible for the IaaS VM's OS. */
function handMade(patch: Partial<EngineInput> = {}): EngineInput {
  return engineInput({
    assets: [
      asset(1, { name: 'dc-server', serviceModel: 'onprem', subscription: null }),
      asset(2, { name: 'vm', serviceModel: 'iaas' }),
      asset(3, { name: 'webapp', serviceModel: 'paas', subscription: 's2' }),
      asset(4, { name: 'm365', serviceModel: 'saas', subscription: 's2' }),
      asset(5, { name: 'unclassified', serviceModel: null, subscription: 's3' })
    ],
    assignments: [assign(2, 'operating-system', 4, 'R')],
    ...patch
  });
}

function derive(input: EngineInput, scope: AssetFilter, id: string) {
  const deriver = new OwnershipDeriver(BUILTIN_MAPPING, tallyLayers(input, compileFilter(scope)));
  const line = BUILTIN_MAPPING.ccm.find((l) => l.id === id) ?? BUILTIN_MAPPING.nist.find((l) => l.id === id)!;
  return deriver.derive(id, id.includes('&') || /^[A-Z]{3}-/.test(id) ? 'ccm' : 'nist', line);
}

describe('a control over a scope', () => {
  // control → layers: DCS-03 physical datacenter; IAM-03 identities; AIS-02 applications; TVM-04 operating system; GRC-01 organisational.
  const cases: [string, AssetFilter, string, string][] = [
    ['DCS-03', {}, 'shared', 'PC'],
    ['DCS-03', { serviceModel: 'saas' }, 'provider', 'P'],
    ['DCS-03', { serviceModel: 'onprem' }, 'customer', 'C'],
    ['IAM-03', {}, 'customer', 'C'],
    ['AIS-02', { serviceModel: 'iaas' }, 'customer', 'C'],
    ['AIS-02', { serviceModel: 'paas' }, 'shared', 'PC'],
    ['TVM-04', { serviceModel: 'iaas' }, 'third-party', 'T'],
    ['TVM-04', { ids: [1, 2] }, 'third-party', 'CT'],
    ['TVM-04', { ids: [2, 3] }, 'shared', 'PT'],
    ['TVM-04', {}, 'shared', 'PCT'],
    ['TVM-04', { subscription: 's3' }, 'undetermined', ''],
    ['TVM-04', { subscription: 'nowhere' }, 'undetermined', ''],
    ['GRC-01', { serviceModel: 'saas' }, 'customer', 'C'],
    ['PE-3', { subscription: 's2' }, 'provider', 'P'],
    ['MP-6', { serviceModel: 'iaas' }, 'shared', 'PC']
  ];
  it.each(cases)('%s over %j → %s (%s)', (id, scope, ownership, involves) => {
    const control = derive(handMade(), scope, id);
    expect(control.ownership).toBe(ownership);
    expect(`${control.involves.provider ? 'P' : ''}${control.involves.customer ? 'C' : ''}${control.involves.thirdParty ? 'T' : ''}`).toBe(
      id === 'GRC-01' ? 'C' : involves
    );
  });

  it('says which layers make a control shared, with their cells, and counts unclassified assets apart', () => {
    const control = derive(handMade(), {}, 'TVM-04');
    expect(control.layers.map((l) => [l.title, l.provider, l.customer, l.thirdParty, l.shared, l.unknown])).toEqual([['Operating system', 2, 1, 1, 0, 1]]);
    expect(control.layers[0]!.thirdParties).toEqual([['Contoso MSP', 1]]);
    expect(control.unknown).toBe(1);
    expect(control.customerProvided).toBe(1); // the on-premises server
    expect(control.customerConfigured).toBe(1); // the IaaS VM
  });

  it('names Accountable and Responsible from the RACI of those layers', () => {
    const input = handMade({ settings: settings({ defaultTeamPerLayer: { 'customer-data': 2 } }) });
    const data = derive(input, {}, 'DSP-04');
    expect(data.accountable).toEqual([{ partyId: 2, cells: 4 }]);
    const os = derive(input, {}, 'TVM-04');
    expect(os.accountable).toEqual([
      { partyId: 1, cells: 2 },
      { partyId: 3, cells: 2 }
    ]);
    expect(os.responsible).toEqual([
      { partyId: 3, cells: 2 },
      { partyId: 1, cells: 1 },
      { partyId: 4, cells: 1 }
    ]);
  });

  it('follows overrides and a model operator', () => {
    const msp = {
      ...engineInput().models['microsoft-2026-01']!,
      id: 'msp-model',
      parties: [
        { id: 'provider', name: 'Microsoft', kind: 'provider' as const },
        { id: 'msp', name: 'Contoso MSP', kind: 'third_party' as const }
      ]
    };
    msp.cells = { ...msp.cells, 'operating-system': { ...msp.cells['operating-system']!, iaas: { responsibility: 'customer', operatedBy: 'msp' } } };
    const input = engineInput({
      models: { ...engineInput().models, 'msp-model': msp },
      assets: [asset(1, { serviceModel: 'iaas', modelId: 'msp-model' }), asset(2, { serviceModel: 'saas' })],
      overrides: [override(2, 'network-controls', 'shared')]
    });
    expect(derive(input, { ids: [1] }, 'TVM-04').ownership).toBe('third-party');
    expect(derive(input, { ids: [2] }, 'SC-7').ownership).toBe('shared');
    expect(derive(input, { ids: [2] }, 'SC-7').layers[0]).toMatchObject({ title: 'Network controls', shared: 1, provider: 0 });
  });

  it('counts alike assets once per kind and gives the same result as one by one', () => {
    const many = Array.from({ length: 300 }, (_, i) => asset(i + 1, { serviceModel: (['iaas', 'paas', 'saas'] as const)[i % 3], ownerPartyId: (i % 2) + 1 }));
    const grouped = tallyLayers(engineInput({ assets: many }), () => true);
    // An assignment on every asset forces the one-by-one path (Alice, already the default A, named explicitly).
    const single = tallyLayers(engineInput({ assets: many, assignments: many.map((a) => assign(a.id, 'customer-data', a.ownerPartyId!, 'A')) }), () => true);
    expect(single).toEqual(grouped);
    expect(grouped.assets).toBe(300);
    expect(grouped.models.get('microsoft-2026-01')!.layers.get('applications')).toMatchObject({ customer: 100, shared: 200 });
  });
});

describe('party lists in words', () => {
  it('names the main holders and counts the rest', () => {
    const lookup = (id: number) => ({ name: `P${id}`, kind: id === 99 ? ('provider' as const) : ('person' as const) });
    const counts = Array.from({ length: 8 }, (_, i) => ({ partyId: i + 1, cells: 10 - i }));
    expect(partyList(counts, lookup, (p) => p.kind !== 'provider')).toBe('P1 (10), P2 (9), P3 (8), P4 (7), P5 (6) and 3 others');
    expect(partyList([{ partyId: 99, cells: 4 }, { partyId: 2, cells: 1 }], lookup, (p) => p.kind !== 'provider')).toBe('P2');
  });
});

describe('controls over a Google Cloud asset', () => {
  it('follow the Google model through its binding', () => {
    const input = engineInput({ assets: [asset(1, { serviceModel: 'paas', modelId: 'google-cloud-2023-08' }), asset(2, { serviceModel: 'saas', modelId: 'google-cloud-2023-08' })] });
    // Identities rest on Access policies (customer) and Identity and access management (shared in PaaS and SaaS).
    expect(derive(input, {}, 'AC-2')).toMatchObject({ ownership: 'shared', involves: { provider: true, customer: true, thirdParty: false } });
    expect(derive(input, {}, 'AC-2').layers.map((l) => [l.title, l.customer, l.shared])).toEqual([
      ['Access policies', 2, 0],
      ['Identity and access management', 0, 2]
    ]);
    expect(derive(input, {}, 'PE-3')).toMatchObject({ ownership: 'provider' });
    expect(derive(input, { ids: [2] }, 'SC-7')).toMatchObject({ ownership: 'provider' });
  });
});
