import { describe, expect, it } from 'vitest';
import type { ExportCell, ExportSheet } from '@core/export-model';
import { buildExportModel, layerColumns, tallyOf } from '@core/export-model';
import { BY_PARTY_ASSET_SAMPLE } from '@core/export-model-by-party';
import type { ChangeLogEntry } from '@shared/domain';
import type { Report } from '@shared/report';
import { buildChangeLog, buildTestReport, classicModel, exportInput } from '@tests/helpers/report-builder';

const options = {
  exportedAt: '2026-11-28T09:00:00.000Z',
  exportedBy: 'Jane Doe',
  workbookSha256: 'ab'.repeat(32)
};

function rows(sheet: ExportSheet | undefined): ExportCell[][] {
  if (!sheet) throw new Error('missing sheet');
  return [...sheet.rows()];
}

/** The row model of a report and change log in memory, tallied as the export's first pass does. */
function modelOf(report: Report, changeLog: readonly ChangeLogEntry[]): ReturnType<typeof buildExportModel> {
  const { source } = exportInput(report, changeLog);
  return buildExportModel(source, tallyOf(source), options);
}

function sheetNamed(report: Report, name: string): ExportSheet | undefined {
  return modelOf(report, buildChangeLog(3)).sheets.find((s) => s.name === name);
}

describe('buildExportModel', () => {
  it('lists the sheets in order with row counts that match their rows', () => {
    const model = modelOf(buildTestReport({ assets: 6 }), buildChangeLog(3));
    expect(model.sheets.map((s) => s.name)).toEqual([
      'Cover',
      'Responsibility model',
      'Matrix',
      'RACI',
      'By party',
      'Findings',
      'Sign-offs',
      'Change log',
      'Lists'
    ]);
    for (const sheet of model.sheets) {
      const all = rows(sheet);
      expect(all, sheet.name).toHaveLength(sheet.rowCount);
      for (const row of all) expect(row, sheet.name).toHaveLength(sheet.columns.length);
    }
    expect(model.sheets.at(-1)?.hidden).toBe(true);
    expect(model.listRanges).toEqual({ parties: "'Lists'!$A$2:$A$8", responsibilities: "'Lists'!$B$2:$B$5" });
    expect(model.properties).toMatchObject({
      company: 'Contoso Ltd',
      created: options.exportedAt,
      creator: 'Jane Doe'
    });
  });

  it('is deterministic', () => {
    const a = modelOf(buildTestReport(), buildChangeLog(3));
    const b = modelOf(buildTestReport(), buildChangeLog(3));
    expect(a.sheets.map(rows)).toEqual(b.sheets.map(rows));
    expect(a.properties).toEqual(b.properties);
  });

  it('writes one RACI row per asset × layer with names joined by "; "', () => {
    const report = buildTestReport({ assets: 2 });
    const raci = rows(sheetNamed(report, 'RACI'));
    expect(raci).toHaveLength(20);
    expect(raci[0]).toEqual([
      'vm-prod-000',
      1,
      'Information and data',
      'customer',
      // Published
      'customer',
      'no',
      null,
      'Identity team',
      'Jane Doe',
      'Network team; Émilie Ölund',
      'Service desk',
      // Comments (the layer's note), Signed off by / on, criticality, data classification, environment
      null,
      null,
      null,
      null,
      null
    ]);
    const layer = report.assets[1]!.layers[5]!;
    expect(raci[15]).toEqual([
      'vm-prod-001',
      2,
      'Network controls',
      'customer',
      layer.published,
      'yes',
      'Firewall run by us per contract',
      layer.R.join('; '),
      layer.A.join('; '),
      null,
      null,
      null,
      null,
      null,
      null,
      null
    ]);
  });

  it('counts assets, layers and findings on the Cover', () => {
    const cover = new Map(rows(sheetNamed(buildTestReport({ assets: 10 }), 'Cover')).map(([k, v]) => [k, v]));
    expect(cover.get('Assets')).toBe(10);
    expect(cover.get('Assets: IaaS')).toBe(2);
    expect(cover.get('Assets: Unclassified')).toBe(2);
    expect(cover.get('Asset layers: unknown')).toBe(20);
    expect(cover.get('Asset layers overridden')).toBe(2);
    expect(cover.get('Findings: error')).toBe(2);
    expect(cover.get('Findings: warning')).toBe(2);
    expect(cover.get('Logical-content SHA-256')).toBe(options.workbookSha256);
    expect(cover.get('Model source URL')).toBe(classicModel().source.url);
  });

  it('tallies, per party, what they are Accountable and Responsible for', () => {
    const report = buildTestReport({ assets: 5 });
    const byParty = rows(sheetNamed(report, 'By party'));
    const accountable = (party: string): number =>
      byParty.filter((r) => r[0] === party && r[3] === 'Accountable').reduce((n, r) => n + Number(r[5]), 0);
    for (const party of report.parties) {
      const expected = report.assets.reduce(
        (n, a) => n + a.layers.filter((l) => l.A.includes(party.name)).length,
        0
      );
      expect(accountable(party.name), party.name).toBe(expected);
    }
    expect(byParty.find((r) => r[0] === 'Contoso MSP')).toEqual([
      'Contoso MSP',
      'third party',
      'yes',
      null,
      null,
      0,
      'Not Accountable or Responsible for any asset layer'
    ]);
    expect(byParty.find((r) => r[0] === 'Émilie Ölund')?.[2]).toBe('no (left 2026-01-31)');
    const microsoftHosts = byParty.find(
      (r) => r[0] === 'Microsoft' && r[3] === 'Responsible' && r[4] === 'Physical hosts'
    );
    // IaaS, PaaS and SaaS assets leave physical hosts to the provider; on-premises and unclassified do not.
    expect(microsoftHosts?.[5]).toBe(3);
    expect(microsoftHosts?.[6]).toBe('vm-prod-000; vm-prod-001; vm-prod-002');
  });

  it('names a sample of assets per party and layer, with a count of the rest', () => {
    const report = buildTestReport({ assets: 3000 });
    const microsoft = rows(sheetNamed(report, 'By party')).find(
      (r) => r[0] === 'Microsoft' && r[3] === 'Accountable' && r[4] === 'Physical hosts'
    );
    expect(microsoft?.[5]).toBe(1800);
    const list = String(microsoft?.[6]);
    expect(list.split('; ')).toHaveLength(BY_PARTY_ASSET_SAMPLE + 1);
    expect(list).toMatch(/^vm-prod-000; vm-prod-001; vm-prod-002; vm-prod-005;/);
    expect(list).toMatch(/; … and 1750 more \(filter the RACI sheet for all\)$/);
  });

  it('makes one Matrix column pair per layer across models, blank where a model lacks a layer', () => {
    const report = buildTestReport({ assets: 2 });
    const other = {
      ...classicModel(),
      id: 'other',
      layers: [{ ...classicModel().layers[0]!, id: 'ai', title: 'AI models' }]
    };
    report.models.push(other);
    const asset = report.assets[1]!;
    asset.modelId = 'other';
    asset.layers = [{ ...asset.layers[0]!, layerId: 'ai', title: 'AI models', responsibility: 'shared' }];
    expect([...layerColumns(report).values()].at(-1)).toBe('AI models');
    const matrix = sheetNamed(report, 'Matrix')!;
    // Nine asset columns, a pair per layer, "Signed off by / on", then "Not seen in last import", "Other columns", "Why this service model"
    // and the asset's criticality, data classification and environment.
    expect(matrix.columns).toHaveLength(9 + 11 * 2 + 4 + 3);
    expect(matrix.columns.filter((c) => c.responsibilityFill)).toHaveLength(11);
    const second = rows(matrix)[1]!;
    expect(second.slice(9, 29).every((v) => v === null)).toBe(true);
    expect(second.slice(29, 32)).toEqual(['shared', asset.layers[0]!.A.join('; '), null]);
  });

  it('names the layer of a finding by its title', () => {
    const findings = rows(sheetNamed(buildTestReport({ assets: 5 }), 'Findings'));
    expect(findings[1]?.[4]).toBe('Information and data');
    expect(findings[0]?.[4]).toBeNull();
  });
});
