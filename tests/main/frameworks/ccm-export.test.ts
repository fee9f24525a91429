/**
 * The CSA CCM v4 SSRM / CAIQ export read back with exceljs: CSA's sheet, header strings (two spaces
 * in F, empty hidden G and H), one row per CAIQ question, only CSA's ownership strings, and the
 * ownership of every control equal to the derivation for the hand-made workbook and its scopes.
 */
import ExcelJS from 'exceljs';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { csaOwnership } from '@core/frameworks/caiq-model';
import { CAIQ_QUESTION_IDS } from '@core/frameworks/catalogues';
import { exportFramework } from '@main/services/framework-export';
import { ccmControls, deriveScope } from '@main/services/framework-scope';
import { closeWorkbook } from '@main/services/workbook-service';
import type { AssetFilter } from '@shared/filter';
import { readWorkbook, sheetRows } from '@tests/helpers/read-back';
import { sharedData } from '@tests/helpers/fixture-paths';
import { handMadeWorkbook, type HandMade } from '@tests/helpers/framework-seed';

const layout = JSON.parse(sharedData('frameworks', 'caiq-v4-layout.json').toString('utf8')) as {
  headerRowExact: string[];
  ssrmControlOwnership: string[];
  cspCaiqAnswer: string[];
};
let open: HandMade | null = null;
afterEach(() => {
  if (open) closeWorkbook(open.wb);
  open = null;
});

async function exportCcm(made: HandMade, scope: AssetFilter, name: string) {
  const path = join(made.dir, name);
  const result = await exportFramework(made.wb, made.ctx, { framework: 'ccm', scope, baseline: 'moderate', path, exportedAt: 'last-change' });
  const book = await readWorkbook(path);
  const sheet = book.getWorksheet('CAIQv4.0.3')!;
  return { result, book, sheet, rows: sheetRows(sheet, 12) };
}

/** Column D per CCM control id (from the first question row of each control). */
function ownershipByControl(rows: (string | number | boolean | null)[][]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const row of rows.slice(2)) {
    const control = String(row[0]).replace(/\.\d+$/, '');
    if (!out.has(control)) out.set(control, row[3] as string | null);
  }
  return out;
}

describe('CCM v4 SSRM export (CAIQ v4.0.3 layout)', () => {
  it("writes CSA's sheet and header exactly, one row per question, CSA's values only", async () => {
    open = handMadeWorkbook();
    const { result, book, sheet, rows } = await exportCcm(open, {}, 'ccm.xlsx');
    expect(book.worksheets.map((s) => s.name)).toEqual(['Introduction', 'CAIQv4.0.3']);
    expect(result.sheets).toEqual(['Introduction', 'CAIQv4.0.3']);
    expect(rows[1]!.map((v) => v ?? '')).toEqual(layout.headerRowExact);
    expect(rows[1]![5]).toBe('CSC Responsibilities  (Optional/Recommended)');
    expect(sheet.getColumn('G').hidden).toBe(true);
    expect(sheet.getColumn('H').hidden).toBe(true);
    const questions = Object.values(CAIQ_QUESTION_IDS).flat();
    expect(rows.slice(2).map((r) => r[0])).toEqual(questions);
    expect(questions).toHaveLength(261);
    for (const row of rows.slice(2)) {
      expect(layout.ssrmControlOwnership, String(row[0])).toContain(row[3]);
      expect(row[2] === null || layout.cspCaiqAnswer.includes(String(row[2]))).toBe(true);
      expect(row[6]).toBeNull();
      expect(row[7]).toBeNull();
    }
    // A&A-01 has two questions: its control cells are merged over both rows; the domain over all six controls' rows.
    expect(sheet.getCell('I3').value).toBe('A&A-01');
    expect(sheet.getCell('I4').isMerged).toBe(true);
    expect(sheet.getCell('L3').value).toBe('Audit & Assurance');
    expect(sheet.getCell('L10').isMerged).toBe(true);
    expect(result.rows).toBe(197);
    expect(readdirSync(open.dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  const scopes: [string, (m: HandMade) => AssetFilter, Record<string, string>][] = [
    ['the whole workbook', () => ({}), { 'DCS-03': 'Shared CSP and CSC', 'TVM-04': 'Shared CSP and CSC', 'IAM-03': 'CSC-owned', 'GRC-01': 'CSC-owned', 'UEM-05': 'Shared CSP and CSC' }],
    ['the SaaS asset', (m) => ({ ids: [m.ids.saas] }), { 'DCS-03': 'CSP-owned', 'TVM-04': 'CSP-owned', 'AIS-02': 'Shared CSP and CSC', 'IAM-03': 'CSC-owned' }],
    ['the IaaS VM (its OS run by Contoso MSP)', (m) => ({ ids: [m.ids.iaas] }), { 'TVM-04': '3rd-party outsourced', 'DCS-03': 'CSP-owned', 'AIS-02': 'CSC-owned' }],
    ['VM and web app', (m) => ({ ids: [m.ids.iaas, m.ids.paas] }), { 'TVM-04': 'Shared CSP and 3rd-party', 'AIS-02': 'Shared CSP and CSC' }],
    ['service model onprem', () => ({ serviceModel: 'onprem' }), { 'DCS-03': 'CSC-owned', 'TVM-04': 'CSC-owned' }],
    ['subscription sub-prod', () => ({ subscription: 'sub-prod' }), { 'DCS-12': 'CSP-owned', 'IVS-03': 'Shared CSP and CSC', 'TVM-04': 'Shared CSP and 3rd-party' }]
  ];
  it.each(scopes)('ownership equals the derivation over %s', async (_label, scopeOf, expected) => {
    open = handMadeWorkbook();
    const scope = scopeOf(open);
    const { rows } = await exportCcm(open, scope, 'scoped.xlsx');
    const written = ownershipByControl(rows);
    for (const [control, value] of Object.entries(expected)) expect(written.get(control), control).toBe(value);
    const derived = ccmControls(deriveScope(open.wb, open.ctx, scope));
    expect(derived).toHaveLength(197);
    for (const control of derived) expect(written.get(control.id), control.id).toBe(csaOwnership(control));
  });

  it('says what the customer must do, with its Accountable and Responsible, and why organisational ones are its own', async () => {
    open = handMadeWorkbook();
    const { rows, book } = await exportCcm(open, {}, 'texts.xlsx');
    const first = new Map(rows.slice(2).map((r) => [String(r[0]), r]));
    expect(first.get('DSP-04.1')![5]).toBe('Customer data: the customer\'s on 4 of 4 assets. Accountable: Platform team. Responsible: Platform team.\n(1 asset layer with no service model not counted.)');
    expect(String(first.get('TVM-04.1')![5])).toContain('Operating system: the customer\'s on 2 of 4 assets; operated by Contoso MSP on 1. Accountable: Alice Martin. Responsible: Alice Martin (1), Contoso MSP (1).');
    expect(String(first.get('TVM-04.1')![4])).toBe('Microsoft carries Operating system on 2 of 4 assets.');
    expect(String(first.get('GRC-01.1')![5])).toMatch(/^Organisational: the customer's own, whatever the cloud\. /);
    const intro = new Map(sheetRows(book.getWorksheet('Introduction')!, 2).map((r) => [r[0], r[1]]));
    expect(intro.get('Organisation')).toBe('Northwind Traders');
    expect(intro.get('Scope')).toBe('the whole workbook (5 assets)');
    expect(String(intro.get('Control mapping'))).toContain('built into Demarc');
    expect(String(intro.get('Change-log chain head'))).toMatch(/^#\d+ sha256:[0-9a-f]{64}$/);
  });

  it('leaves no file when cancelled', async () => {
    open = handMadeWorkbook();
    const controller = new AbortController();
    const path = join(open.dir, 'cancelled.xlsx');
    const run = exportFramework(open.wb, open.ctx, { framework: 'ccm', scope: {}, baseline: 'moderate', path, exportedAt: 'now', signal: controller.signal, onProgress: (phase) => phase === 'writing' && controller.abort() });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(open.dir).filter((f) => f.includes('cancelled'))).toEqual([]);
  });

  it("merges the question texts and specifications of the user's copy of CSA's CAIQ workbook", async () => {
    open = handMadeWorkbook();
    // A stand-in for CSA's file: its layout, with placeholder texts (CSA's own are not ours to ship).
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Introduction');
    const caiq = book.addWorksheet('CAIQv4.0.3');
    caiq.getRow(2).values = layout.headerRowExact;
    caiq.getRow(3).values = ['A&A-01.1', 'Question text one?', 'Yes', 'CSP-owned', 'The provider says so.', '', '', '', 'A&A-01', 'Specification text.', 'Title text', 'Audit & Assurance'];
    caiq.getRow(4).values = ['A&A-01.2', 'Question text two?', 'maybe', '', '', '', '', '', '', '', '', ''];
    const source = join(open.dir, 'CAIQv4.0.3.xlsx');
    writeFileSync(source, Buffer.from(await book.xlsx.writeBuffer()));
    const path = join(open.dir, 'merged.xlsx');
    const result = await exportFramework(open.wb, open.ctx, { framework: 'ccm', scope: {}, baseline: 'moderate', path, caiqPath: source, exportedAt: 'last-change' });
    const rows = sheetRows((await readWorkbook(path)).getWorksheet('CAIQv4.0.3')!, 12);
    expect(rows[2]!.slice(0, 5)).toEqual(['A&A-01.1', 'Question text one?', 'Yes', 'CSC-owned', 'The provider says so.']);
    expect(rows[2]!.slice(8, 11)).toEqual(['A&A-01', 'Specification text.', 'Title text']);
    expect(rows[3]!.slice(0, 3)).toEqual(['A&A-01.2', 'Question text two?', null]);
    expect(result.notes.some((n) => n.startsWith('Question texts, control titles and specifications merged from CAIQv4.0.3.xlsx (196 controls not found there)'))).toBe(true);

    const notCaiq = new ExcelJS.Workbook();
    notCaiq.addWorksheet('Sheet1').getRow(1).values = ['hello'];
    const wrong = join(open.dir, 'wrong.xlsx');
    writeFileSync(wrong, Buffer.from(await notCaiq.xlsx.writeBuffer()));
    await expect(exportFramework(open.wb, open.ctx, { framework: 'ccm', scope: {}, baseline: 'moderate', path: join(open.dir, 'x.xlsx'), caiqPath: wrong, exportedAt: 'now' })).rejects.toMatchObject({
      code: 'BAD_FILE',
      message: expect.stringMatching(/^wrong\.xlsx: no CAIQ v4 sheet: expected a sheet "CAIQv4\.0\.3" whose cell A2 reads "Question ID" \(sheets: Sheet1\)\.$/)
    });
    expect(existsSync(join(open.dir, 'x.xlsx'))).toBe(false);
  });
});
