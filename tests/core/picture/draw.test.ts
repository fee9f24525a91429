/**
 * Truth tables of the drawing: for hand-made workbooks, every cell equals what the engine derives
 * (deriveResponsibility, effectiveRaci) and the line passes between exactly the right cells.
 */
import { describe, expect, it } from 'vitest';
import { deriveResponsibility } from '@core/derive';
import { BUILTIN_MODELS } from '@core/models';
import { effectiveRaci } from '@core/raci';
import type { ResponsibilityModel, ServiceModel } from '@shared/domain';
import type { PictureDrawing } from '@shared/picture';
import { asset, assign, override, parties } from '@tests/helpers/builders';
import { drawHandMade, type HandMade } from './picture-helpers';

const CURRENT = BUILTIN_MODELS['microsoft-2026-01']!;
const CLASSIC = BUILTIN_MODELS['microsoft-classic-2023']!;
const SMS: ServiceModel[] = ['onprem', 'iaas', 'paas', 'saas'];

/** One asset per service model, owned by Alice (1). */
function onePerServiceModel(model: ResponsibilityModel): HandMade {
  return { model, assets: SMS.map((sm, i) => asset(i + 1, { name: `a-${sm}`, serviceModel: sm, ownerPartyId: 1 })) };
}

/** The column's layers above the line, and below it, by layer id. */
function sides(drawing: PictureDrawing, serviceModel: string): { above: string[]; below: string[] } {
  const column = drawing.columns.find((c) => c.serviceModel === serviceModel)!;
  const ids = drawing.rows.map((r) => r.id);
  return { above: ids.slice(0, column.lineAfter), below: ids.slice(column.lineAfter) };
}

/** The drawing's cells equal the engine's derivation for each column's (single) asset. */
function expectCellsMatchEngine(workbook: HandMade, drawing: PictureDrawing): void {
  for (const cell of drawing.cells) {
    const layer = workbook.model.layers.find((l) => l.id === cell.layerId)!;
    const published = deriveResponsibility({ serviceModel: cell.serviceModel as ServiceModel }, workbook.model, [])[workbook.model.layers.indexOf(layer)]!;
    expect({ id: cell.id, published: cell.published, responsibility: cell.responsibility }).toEqual({
      id: cell.id,
      published: published.published,
      responsibility: published.responsibility
    });
    expect(cell.customerSide).toBe(cell.responsibility === 'customer' || cell.responsibility === 'shared');
  }
}

describe('drawPicture: one asset per service model', () => {
  it('draws Microsoft 2026: cells as published, the line stepping up from on-premises to SaaS', () => {
    const workbook = onePerServiceModel(CURRENT);
    const drawing = drawHandMade(workbook);
    expect(drawing.columns.map((c) => [c.serviceModel, c.label, c.assets])).toEqual([
      ['onprem', 'On-premises', 1],
      ['iaas', 'IaaS', 1],
      ['paas', 'PaaS', 1],
      ['saas', 'SaaS', 1]
    ]);
    expect(drawing.rows.map((r) => r.id)).toEqual(CURRENT.layers.map((l) => l.id));
    expectCellsMatchEngine(workbook, drawing);
    expect(drawing.columns.map((c) => c.lineAfter)).toEqual([10, 7, 6, 5]);
    expect(sides(drawing, 'iaas').below).toEqual(['physical-hosts', 'physical-network', 'physical-datacenter']);
    expect(sides(drawing, 'paas').below).toEqual(['operating-system', 'physical-hosts', 'physical-network', 'physical-datacenter']);
    expect(sides(drawing, 'saas').above).toEqual(['customer-data', 'configurations-and-settings', 'identities-and-users', 'client-devices', 'applications']);
    expect(drawing.cells.some((c) => c.island)).toBe(false);
    // Everyone above the line has Alice as Accountable (the owner, by default); nobody is missing.
    for (const cell of drawing.cells.filter((c) => c.customerSide)) {
      expect(cell.accountable).toEqual([{ name: 'Alice', assets: 1, active: true }]);
      expect(cell.noAccountable).toBe(0);
    }
    expect(drawing.cells.filter((c) => !c.customerSide).every((c) => c.accountable.length === 0)).toBe(true);
  });

  it('draws the classic 2023 diagram with its own line', () => {
    const workbook = onePerServiceModel(CLASSIC);
    const drawing = drawHandMade(workbook);
    expectCellsMatchEngine(workbook, drawing);
    expect(drawing.columns.map((c) => c.lineAfter)).toEqual([10, 7, 6, 4]);
    expect(sides(drawing, 'saas').below[0]).toBe('applications');
  });

  it('draws the line as one continuous stepped path along every column', () => {
    const drawing = drawHandMade(onePerServiceModel(CURRENT));
    const line = drawing.line!;
    expect(line.d.match(/M/g)).toHaveLength(1);
    // Two points per column: its left and right edge at the column's line.
    expect(line.points).toEqual(drawing.columns.flatMap((c) => [[c.x, c.lineY], [c.x + c.width, c.lineY]]));
    for (const column of drawing.columns) {
      const last = drawing.rows[column.lineAfter - 1];
      expect(column.lineY).toBe(last === undefined ? drawing.rows[0]!.y : last.y + last.height);
    }
    expect(line.d).toBe(
      drawing.columns.reduce((d, c, i) => `${d}${i === 0 ? `M${c.x} ${c.lineY}` : ` V${c.lineY}`} H${c.x + c.width}`, '')
    );
  });

  it('names each cell for a screen reader', () => {
    const workbook: HandMade = { model: CURRENT, assets: Array.from({ length: 57 }, (_, i) => asset(i + 1, { serviceModel: 'paas', ownerPartyId: 2 })) };
    const drawing = drawHandMade(workbook);
    expect(drawing.cells.find((c) => c.id === 'paas:operating-system')?.accessibleName).toBe('PaaS, Operating system: provider; 57 assets');
    expect(drawing.cells.find((c) => c.id === 'paas:customer-data')?.accessibleName).toBe(
      'PaaS, Customer data: customer; 57 assets; Accountable: Platform team (57)'
    );
  });
});

describe('drawPicture: overrides, Accountables and gaps', () => {
  const workbook: HandMade = {
    model: CURRENT,
    assets: [
      asset(1, { serviceModel: 'paas', ownerPartyId: 1 }),
      asset(2, { serviceModel: 'paas', ownerPartyId: 1 }),
      asset(3, { serviceModel: 'paas', ownerPartyId: null }),
      asset(4, { serviceModel: 'paas', ownerPartyId: 5 }),
      asset(5, { serviceModel: 'iaas', ownerPartyId: 2 }),
      asset(6, { serviceModel: null, ownerPartyId: 1 })
    ],
    overrides: [override(1, 'operating-system', 'shared'), override(2, 'network-controls', 'provider'), override(5, 'physical-hosts', 'customer')],
    assignments: [assign(3, 'customer-data', 2, 'A'), assign(1, 'operating-system', 2, 'A'), assign(2, 'applications', 2, 'R')],
    defaultTeamPerLayer: { 'client-devices': 2 }
  };
  const drawing = drawHandMade(workbook);
  const cell = (id: string) => drawing.cells.find((c) => c.id === id)!;

  it('keeps the published band and counts the overrides on it', () => {
    expect(cell('paas:operating-system')).toMatchObject({ responsibility: 'provider', band: 'provider', overrides: 1, customerSide: false });
    expect(cell('paas:network-controls')).toMatchObject({ responsibility: 'shared', overrides: 1 });
    expect(cell('iaas:physical-hosts')).toMatchObject({ responsibility: 'provider', overrides: 1 });
    expect(drawing.columns.find((c) => c.serviceModel === 'paas')?.lineAfter).toBe(6);
  });

  it('names the Accountables each asset has in the engine, and counts the gaps', () => {
    // Every cell agrees with effectiveRaci over its assets, asset by asset.
    const ctx = { model: CURRENT, parties: parties(), settings: { defaultTeamPerLayer: workbook.defaultTeamPerLayer ?? {} } };
    for (const c of drawing.cells) {
      const counts = new Map<number, number>();
      let gaps = 0;
      for (const a of workbook.assets.filter((x) => x.serviceModel === c.serviceModel)) {
        const layer = deriveResponsibility(a, CURRENT, (workbook.overrides ?? []).filter((o) => o.assetId === a.id)).find((l) => l.layerId === c.layerId)!;
        if (layer.responsibility !== 'customer' && layer.responsibility !== 'shared') continue;
        const raci = effectiveRaci(ctx, layer, a.ownerPartyId, (workbook.assignments ?? []).filter((r) => r.assetId === a.id && r.layerId === c.layerId));
        if (raci.A.length === 0) gaps++;
        for (const id of raci.A) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      // Most assets first, then the lowest party id.
      const expected = [...counts]
        .sort((x, y) => y[1] - x[1] || x[0] - y[0])
        .map(([id, n]) => [parties().find((p) => p.id === id)!.name, n]);
      expect({ id: c.id, gaps: c.noAccountable, named: c.accountable.length + c.accountableMore }).toEqual({ id: c.id, gaps, named: expected.length });
      expect(c.accountable.map((a) => [a.name, a.assets])).toEqual(expected.slice(0, 2));
    }
  });

  it('shows who left, who is missing and how many more', () => {
    expect(cell('paas:customer-data')).toMatchObject({
      accountable: [
        { name: 'Alice', assets: 2, active: true },
        { name: 'Platform team', assets: 1, active: true }
      ],
      accountableMore: 1,
      noAccountable: 0
    });
    expect(cell('paas:configurations-and-settings')).toMatchObject({ noAccountable: 1, accountableMore: 0 });
    expect(cell('paas:configurations-and-settings').accountable.map((a) => `${a.name}:${a.active}`)).toEqual(['Alice:true', 'Bob:false']);
    // The override to shared brings asset 1 above the line on OS, with its explicit Accountable.
    expect(cell('paas:operating-system').accountable).toEqual([{ name: 'Platform team', assets: 1, active: true }]);
    // The default team names Platform team on every asset's client devices.
    expect(cell('paas:client-devices').accountable).toEqual([{ name: 'Platform team', assets: 4, active: true }]);
    expect(cell('paas:client-devices').noAccountable).toBe(0);
  });

  it('says what it leaves out', () => {
    expect(drawing.totals).toEqual({ scope: 6, drawn: 5, unclassified: 1, uncovered: 0, otherModels: 0 });
    expect(drawing.notes).toContain('1 asset has no service model and sits in no column.');
  });

  it('draws one asset as a single column after its overrides, overrides marked', () => {
    const one = drawHandMade(workbook, { assetId: 1 });
    expect(one.columns.map((c) => c.serviceModel)).toEqual(['paas']);
    expect(one.asset).toEqual({ id: 1, name: 'vm1' });
    const os = one.cells.find((c) => c.layerId === 'operating-system')!;
    expect(os).toMatchObject({ responsibility: 'shared', published: 'provider', band: 'shared', overrides: 1, customerSide: true });
    expect(os.accessibleName).toBe('vm1 (PaaS), Operating system: shared, overridden from provider; Accountable: Platform team');
    expect(one.columns[0]?.lineAfter).toBe(7);
  });

  it('draws an unclassified asset without a line', () => {
    const one = drawHandMade(workbook, { assetId: 6 });
    expect(one.line).toBeNull();
    expect(one.columns.map((c) => c.label)).toEqual(['Unclassified']);
    expect(one.cells.every((c) => c.band === 'unknown')).toBe(true);
  });
});

describe('drawPicture: a layer operated by a third party', () => {
  const model: ResponsibilityModel = {
    ...CURRENT,
    id: 'msp-operated',
    name: 'Microsoft with Contoso MSP',
    parties: [...CURRENT.parties, { id: 'msp', name: 'Contoso MSP', kind: 'third_party' }],
    cells: {
      ...CURRENT.cells,
      'operating-system': { ...CURRENT.cells['operating-system'], iaas: { responsibility: 'customer', operatedBy: 'msp' } }
    }
  };
  const workbook = onePerServiceModel(model);
  const drawing = drawHandMade(workbook);

  it('gives the layer its own band; the line and the Accountable stay with the customer', () => {
    const cell = drawing.cells.find((c) => c.id === 'iaas:operating-system')!;
    expect(cell).toMatchObject({ band: 'third-party', responsibility: 'customer', operatedBy: 'Contoso MSP', customerSide: true, label: 'Customer · run by Contoso MSP' });
    expect(cell.accountable).toEqual([{ name: 'Alice', assets: 1, active: true }]);
    expect(cell.accessibleName).toBe('IaaS, Operating system: customer, operated by Contoso MSP; 1 asset; Accountable: Alice (1)');
    expect(drawing.columns.find((c) => c.serviceModel === 'iaas')?.lineAfter).toBe(7);
    expect(drawing.cells.filter((c) => c.band === 'third-party')).toHaveLength(1);
  });
});

describe('drawPicture: a custom model with five columns', () => {
  // Model-defined service model ids (issue 17) are not in the four-value enum yet: the drawing
  // must take its columns from the model alone.
  const faas = 'faas' as unknown as ServiceModel;
  const model: ResponsibilityModel = {
    ...CURRENT,
    id: 'five-columns',
    name: 'Five columns',
    serviceModels: ['onprem', 'iaas', 'paas', faas, 'saas'],
    cells: Object.fromEntries(
      CURRENT.layers.map((l) => {
        const row = CURRENT.cells[l.id]!;
        // FaaS: like PaaS, but the provider also runs the network controls.
        return [l.id, { ...row, [faas]: l.id === 'network-controls' ? 'provider' : row.paas! }];
      })
    )
  };
  const workbook: HandMade = {
    model,
    assets: [...SMS, faas].map((sm, i) => asset(i + 1, { serviceModel: sm, ownerPartyId: 1 }))
  };
  const drawing = drawHandMade(workbook);

  it('has the model’s columns in the model’s order, each with its own line', () => {
    expect(drawing.columns.map((c) => c.serviceModel)).toEqual(['onprem', 'iaas', 'paas', 'faas', 'saas']);
    expect(drawing.columns.map((c) => c.label)).toEqual(['On-premises', 'IaaS', 'PaaS', 'faas', 'SaaS']);
    expect(drawing.columns.map((c) => c.lineAfter)).toEqual([10, 7, 6, 5, 5]);
    expect(drawing.line?.points).toHaveLength(10);
    expect(drawing.width).toBeGreaterThanOrEqual(drawing.columns[4]!.x + drawing.columns[4]!.width);
    expect(drawing.cells).toHaveLength(50);
  });
});

describe('drawPicture: provider layers above the line', () => {
  const model: ResponsibilityModel = {
    ...CURRENT,
    id: 'island',
    cells: { ...CURRENT.cells, 'client-devices': { ...CURRENT.cells['client-devices'], paas: 'provider' } }
  };
  it('keeps one line under the lowest customer-side layer and marks the island', () => {
    const drawing = drawHandMade(onePerServiceModel(model));
    const paas = drawing.cells.filter((c) => c.serviceModel === 'paas');
    expect(paas.filter((c) => c.island).map((c) => c.layerId)).toEqual(['client-devices']);
    expect(drawing.columns.find((c) => c.serviceModel === 'paas')?.lineAfter).toBe(6);
    expect(drawing.description).toContain('PaaS (1 asset): the customer holds Customer data to Network controls; the provider carries Operating system to Physical datacenter; shared: Applications, Network controls; 1 provider layer above the line.');
  });
});
