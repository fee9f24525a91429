/**
 * Issue 20: export/exceljs-internals.ts reaches into exceljs's streaming writer where its public
 * API has no way (the zip, the cell renderer for inline text, data validations per range, backpressure, drawings).
 * exceljs is pinned to the version those internals were read from, and every accessor is tried
 * on a real streaming writer here: an upgrade that moves any of them fails this test by name,
 * before an export writes a poorer workbook.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addContentTypeOverrides,
  addWorkbookImage,
  sheetDrawingInternals,
  sheetValidations,
  uncompressedBacklog,
  writerInternals
} from '@main/export/exceljs-internals';
import { writeTextInline } from '@main/export/xlsx-inline-strings';
import { tempDir } from '@tests/helpers/temp';

/** The exceljs whose private fields exceljs-internals.ts reads. Re-read them before changing this. */
const READ_FROM = '4.4.0';

const ROOT = join(__dirname, '../../..');
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('exceljs internals', () => {
  it('are read from the exceljs that is pinned and installed', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.exceljs, 'exceljs must stay pinned exactly: its internals are used').toBe(READ_FROM);
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules/exceljs/package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(READ_FROM);
  });

  it('are each found on a real streaming writer, and the workbook still commits', async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(tempDir(), 'probe.xlsx'), useStyles: true, useSharedStrings: false });
    const internals = writerInternals(workbook);
    expect(typeof internals.styles.addStyleModel).toBe('function');
    const sheet = workbook.addWorksheet('Probe');
    await writeTextInline(sheet);
    sheetValidations(sheet).add('A2:A10', { type: 'list', allowBlank: true, formulae: ['"yes,no"'] });
    sheet.addRow(['value']).commit();
    expect(uncompressedBacklog(sheet).bytes).toBeGreaterThanOrEqual(0);
    const drawing = sheetDrawingInternals(sheet);
    expect(drawing.addRelationship({ Type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image', Target: '../media/probe.png' })).toMatch(/^rId\d+$/);
    expect(addWorkbookImage(workbook, PNG_1X1)).toMatch(/^image\d+\.png$/);
    addContentTypeOverrides(workbook, internals.zip, [{ partName: '/xl/media/probe.png', contentType: 'image/png' }]);
    sheet.commit();
    await workbook.commit();
  });
});
