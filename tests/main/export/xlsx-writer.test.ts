import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESPONSIBILITY_FILLS } from '@main/export/xlsx-styles';
import { writeXlsx } from '@main/export/xlsx-writer';
import type { WriteXlsxResult } from '@main/export/xlsx-writer';
import type { Report } from '@shared/report';
import { tempDir } from '@tests/helpers/temp';
import { readWorkbook, sheetNames, sheetRows } from '@tests/helpers/read-back';
import { buildChangeLog, buildTestReport, exportInput } from '@tests/helpers/report-builder';

const EXPORTED_AT = '2026-11-28T09:00:00.000Z';
const SHEETS = [
  'Cover',
  'Responsibility model',
  'Matrix',
  'RACI',
  'By party',
  'Findings',
  'Sign-offs',
  'Change log',
  'Lists'
];

describe('writeXlsx read back with exceljs', () => {
  let report: Report;
  let result: WriteXlsxResult;
  let wb: ExcelJS.Workbook;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    report = buildTestReport({ assets: 23 });
    const path = join(tempDir(), 'raci.xlsx');
    result = await writeXlsx(exportInput(report, buildChangeLog(7)), {
      path,
      exportedAt: EXPORTED_AT,
      exportedBy: 'Jane Doe',
      onProgress: (done, total) => progress.push([done, total])
    });
    wb = await readWorkbook(path);
  });

  function sheet(name: string): ExcelJS.Worksheet {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  }

  it('has the sheets in order, Lists hidden, and reports them', () => {
    expect(sheetNames(wb)).toEqual(SHEETS);
    expect(result.sheets).toEqual(SHEETS);
    expect(sheet('Lists').state).toBe('hidden');
    expect(SHEETS.slice(0, -1).map((n) => sheet(n).state)).toEqual(Array(8).fill('visible'));
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.contentSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes the headers of the fixed sheets', () => {
    expect(sheetRows(sheet('RACI'))[0]).toEqual([
      'Asset',
      'Asset id',
      'Layer',
      'Responsibility',
      'Published',
      'Overridden',
      'Justification',
      'R',
      'A',
      'C',
      'I',
      'Comments',
      'Signed off by / on',
      'Criticality',
      'Data classification',
      'Environment'
    ]);
    expect(sheetRows(sheet('Findings'))[0]).toEqual([
      'Code',
      'Severity',
      'Asset',
      'Asset id',
      'Layer',
      'Message',
      'How to fix'
    ]);
    expect(sheetRows(sheet('Change log'))[0]).toEqual([
      'When',
      'Who',
      'Action',
      'Entity',
      'Entity id',
      'Summary'
    ]);
    expect(sheetRows(sheet('By party'))[0]).toEqual([
      'Party',
      'Kind',
      'Active',
      'Role',
      'Layer',
      'Count',
      'Assets'
    ]);
    expect(sheetRows(sheet('Cover'))[0]).toEqual(['Item', 'Value']);
    const matrixHeader = sheetRows(sheet('Matrix'))[0]!;
    expect(matrixHeader.slice(0, 9)).toEqual([
      'Asset',
      'Asset id',
      'Type',
      'Subscription',
      'Resource group',
      'Service model',
      'Model',
      'Owner',
      'Tags'
    ]);
    expect(matrixHeader.slice(9, 11)).toEqual(['Information and data', 'A: Information and data']);
  });

  it('has one RACI row per asset × layer whose responsibility and R/A/C/I equal the report', () => {
    const rows = sheetRows(sheet('RACI')).slice(1);
    const expected = report.assets.flatMap((a) =>
      a.layers.map((l) => {
        const join = (names: string[]): string | null => (names.length ? names.join('; ') : null);
        return [
          a.name,
          a.id,
          l.title,
          l.responsibility,
          l.published,
          l.overridden ? 'yes' : 'no',
          l.justification,
          join(l.R),
          join(l.A),
          join(l.C),
          join(l.I),
          l.note,
          null,
          // The builder's assets state no criticality, data classification or environment.
          null,
          null,
          null
        ];
      })
    );
    expect(rows).toHaveLength(230);
    expect(rows).toEqual(expected);
    expect(result.rows).toBe(progress.at(-1)![0]);
    expect(progress.at(-1)).toEqual([progress.at(-1)![1], progress.at(-1)![1]]);
  });

  it('shows every layer of every asset in the Matrix with its Accountable beside it', () => {
    const rows = sheetRows(sheet('Matrix'));
    for (const [i, asset] of report.assets.entries()) {
      const row = rows[i + 1]!;
      expect(row.slice(0, 2)).toEqual([asset.name, asset.id]);
      asset.layers.forEach((layer, l) => {
        expect(row[9 + l * 2]).toBe(layer.responsibility);
        expect(row[10 + l * 2]).toBe(layer.A.join('; '));
      });
    }
  });

  it('fills Matrix and model cells by responsibility', () => {
    const matrix = sheet('Matrix');
    let checked = 0;
    matrix.eachRow((row, r) => {
      if (r === 1) return;
      for (let c = 10; c <= 28; c += 2) {
        const cell = row.getCell(c);
        const word = cell.value as keyof typeof RESPONSIBILITY_FILLS;
        expect(cell.fill).toMatchObject({
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: RESPONSIBILITY_FILLS[word] }
        });
        checked += 1;
      }
      expect(row.getCell(11).fill).toBeUndefined();
    });
    expect(checked).toBe(230);
    const model = sheetRows(sheet('Responsibility model'));
    expect(model[0]).toEqual([
      'Model',
      'Version',
      'Layer',
      'On-premises',
      'IaaS',
      'PaaS',
      'SaaS',
      'Always customer',
      'Provider',
      'Source'
    ]);
    expect(model[1]!.slice(2, 7)).toEqual([
      'Information and data',
      'customer',
      'customer',
      'customer',
      'customer'
    ]);
    expect(model[10]!.slice(2, 7)).toEqual([
      'Physical datacenter',
      'customer',
      'provider',
      'provider',
      'provider'
    ]);
    const physical = sheet('Responsibility model').getRow(11);
    expect(physical.getCell(4).fill).toMatchObject({ fgColor: { argb: RESPONSIBILITY_FILLS.customer } });
    expect(physical.getCell(5).fill).toMatchObject({ fgColor: { argb: RESPONSIBILITY_FILLS.provider } });
    expect(sheet('Responsibility model').getRow(5).getCell(6).fill).toMatchObject({
      fgColor: { argb: RESPONSIBILITY_FILLS.shared }
    });
    expect(new Set(Object.values(RESPONSIBILITY_FILLS)).size).toBe(4);
  });

  it('puts list validations on R/A/C/I and responsibility, backed by the hidden Lists sheet', () => {
    const model = (
      sheet('RACI') as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    const lists = sheetRows(sheet('Lists'));
    const parties = lists
      .slice(1)
      .map((r) => r[0])
      .filter((v) => v !== null);
    expect(parties).toEqual(report.parties.map((p) => p.name));
    expect(lists.slice(1, 5).map((r) => r[1])).toEqual(['provider', 'customer', 'shared', 'unknown']);
    for (let r = 2; r <= 231; r += 1) {
      expect(model[`D${r}`]).toMatchObject({
        type: 'list',
        formulae: ["'Lists'!$B$2:$B$5"],
        errorStyle: 'stop'
      });
      for (const col of ['H', 'I', 'J', 'K']) {
        expect(model[`${col}${r}`]).toMatchObject({
          type: 'list',
          formulae: [`'Lists'!$A$2:$A$${parties.length + 1}`]
        });
      }
      for (const col of ['A', 'B', 'C', 'E', 'F', 'G']) expect(model[`${col}${r}`]).toBeUndefined();
    }
    expect(model.D1).toBeUndefined();
    expect(model.D232).toBeUndefined();
  });

  it('freezes the header, filters it, and sets up printing on every sheet', () => {
    for (const name of SHEETS) {
      const ws = sheet(name);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toMatch(/^A1:[A-Z]+\d+$/);
      expect(ws.pageSetup).toMatchObject({
        orientation: 'landscape',
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:1'
      });
      expect(ws.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    }
    expect(sheet('RACI').autoFilter).toBe('A1:P231');
    expect(sheet('Matrix').views[0]).toMatchObject({ xSplit: 1, ySplit: 1 });
    expect(sheet('RACI').getColumn(7).width).toBe(40);
    expect(sheet('Change log').getRow(2).getCell(6).alignment).toMatchObject({ wrapText: true });
  });

  it('sets the document properties from the report and exportedAt', () => {
    expect(wb.title).toBe('Contoso production: RACI and shared responsibility');
    expect(wb.creator).toBe('Jane Doe');
    expect(wb.lastModifiedBy).toBe('Jane Doe');
    expect(wb.company).toBe('Contoso Ltd');
    expect(wb.created.toISOString()).toBe(EXPORTED_AT);
    expect(wb.modified.toISOString()).toBe(EXPORTED_AT);
  });

  it('puts the counts, the model source and the logical-content hash on the Cover', () => {
    const cover = new Map(
      sheetRows(sheet('Cover'))
        .slice(1)
        .map(([k, v]) => [k, v])
    );
    expect(cover.get('Organisation')).toBe('Contoso Ltd');
    expect(cover.get('Exported at')).toBe(EXPORTED_AT);
    expect(cover.get('Exported by')).toBe('Jane Doe');
    expect(cover.get('Model source URL')).toBe(
      'https://learn.microsoft.com/azure/security/fundamentals/shared-responsibility'
    );
    expect(cover.get('Assets')).toBe(23);
    expect(cover.get('Assets: Unclassified')).toBe(4);
    expect(cover.get('Asset layers: unknown')).toBe(40);
    expect(cover.get('Findings: error')).toBe(4);
    expect(cover.get('Change log entries')).toBe(7);
    expect(cover.get('Logical-content SHA-256')).toBe(result.contentSha256);
  });

  it('lists findings with layer titles and the change log', () => {
    const findings = sheetRows(sheet('Findings')).slice(1);
    expect(findings).toHaveLength(report.findings.length);
    expect(findings[1]).toEqual([
      'NO_ACCOUNTABLE',
      'warning',
      'vm-prod-004',
      5,
      'Information and data',
      'Nobody is Accountable for Information and data.',
      'Name one Accountable party.'
    ]);
    expect(sheetRows(sheet('Change log'))[2]).toEqual([
      '2026-11-21T09:00:01.000Z',
      'importer',
      'raci.assign',
      'raci',
      '1',
      'Change number 2'
    ]);
  });
});
