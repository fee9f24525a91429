/**
 * The FedRAMP Rev5 Appendix J CIS/CRM export read back with exceljs: the template's sheet names,
 * header strings (double spaces kept) and rows per baseline, origination marks "X" only, Can Be
 * Inherited only Yes/Partial/No, and both following the derivation for the hand-made workbook.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fedrampControlOf } from '@core/frameworks/catalogues';
import { canBeInherited, originationsOf } from '@core/frameworks/fedramp-model';
import { exportFramework } from '@main/services/framework-export';
import { deriveScope, nistControl } from '@main/services/framework-scope';
import { closeWorkbook } from '@main/services/workbook-service';
import type { Baseline } from '@shared/contract/frameworks';
import type { AssetFilter } from '@shared/filter';
import { readWorkbook, sheetRows } from '@tests/helpers/read-back';
import { sharedData } from '@tests/helpers/fixture-paths';
import { handMadeWorkbook, type HandMade } from '@tests/helpers/framework-seed';

interface Layout {
  cis: { header_row2: Record<string, string>; flattened_columns_A_to_M: string[] };
  crm: { header_row: string[] };
  canBeInheritedFromCsp: { values: string[] };
  instructionsSheet: { system_info_labels_row4: string[]; revision_history_labels_row8: string[] };
  baselines: Record<string, { cis_sheet: string; crm_sheet: string; cis_title_row1: string; crm_title_row1: string; crm_header_row: number; crm_first_data_row: number; cis_first_data_row: number; control_ids: string[] }>;
}
const layout = JSON.parse(sharedData('frameworks', 'fedramp-rev5-cis-crm.json').toString('utf8')) as Layout;
const NAMES: Record<Baseline, string> = { high: 'High', moderate: 'Moderate', low: 'Low', 'li-saas': 'LI-SaaS' };

let open: HandMade | null = null;
afterEach(() => {
  if (open) closeWorkbook(open.wb);
  open = null;
});

async function exportFedramp(made: HandMade, baseline: Baseline, scope: AssetFilter = {}) {
  const path = join(made.dir, `fedramp-${baseline}.xlsx`);
  const result = await exportFramework(made.wb, made.ctx, { framework: 'fedramp', scope, baseline, path, exportedAt: 'last-change' });
  return { result, book: await readWorkbook(path) };
}

describe('FedRAMP CIS/CRM export', () => {
  it.each(['moderate', 'high', 'low', 'li-saas'] as Baseline[])('%s: the template sheets, headers and control rows, exactly', async (baseline) => {
    open = handMadeWorkbook();
    const name = NAMES[baseline];
    const b = layout.baselines[name]!;
    const { result, book } = await exportFedramp(open, baseline);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Instructions', b.cis_sheet, b.crm_sheet]);
    expect(result.sheets).toEqual(['Instructions', b.cis_sheet, b.crm_sheet]);

    const cis = sheetRows(book.getWorksheet(b.cis_sheet)!, 13);
    expect(cis[0]![0]).toBe(b.cis_title_row1);
    for (const [column, text] of Object.entries(layout.cis.header_row2)) expect(book.getWorksheet(b.cis_sheet)!.getCell(`${column}2`).value).toBe(text);
    expect(cis[2]!.slice(1)).toEqual(layout.cis.flattened_columns_A_to_M.slice(1));
    expect(cis[2]![12]).toBe('Inherited from Pre-Existing  Authorization');
    const data = cis.slice(b.cis_first_data_row - 1);
    expect(data.map((r) => r[0])).toEqual(b.control_ids);
    for (const row of data) {
      expect(row.slice(1, 6)).toEqual([null, null, null, null, null]);
      for (const mark of row.slice(6)) expect(mark === null || mark === 'X').toBe(true);
    }

    const crmSheet = book.getWorksheet(b.crm_sheet)!;
    const crm = sheetRows(crmSheet, 3);
    expect(crm[0]![0]).toBe(b.crm_title_row1);
    expect(crm[b.crm_header_row - 1]).toEqual(layout.crm.header_row);
    const crmData = crm.slice(b.crm_first_data_row - 1);
    expect(crmData.map((r) => r[0])).toEqual(b.control_ids);
    for (const row of crmData) expect(layout.canBeInheritedFromCsp.values).toContain(row[1]);
    expect(result.rows).toBe(b.control_ids.length);

    const instructions = book.getWorksheet('Instructions')!;
    expect(sheetRows(instructions, 4)[3]).toEqual(layout.instructionsSheet.system_info_labels_row4);
    expect(sheetRows(instructions, 4)[7]).toEqual(layout.instructionsSheet.revision_history_labels_row8);
    expect(instructions.getCell('D5').value).toBe(baseline === 'high' ? 'High (H)' : baseline === 'moderate' ? 'Moderate (M)' : 'Low (L)');
  });

  it('marks origination and inheritance as derived, scope by scope', async () => {
    open = handMadeWorkbook();
    const row = async (scope: AssetFilter, id: string) => {
      const { book } = await exportFedramp(open!, 'moderate', scope);
      const cis = sheetRows(book.getWorksheet('Moderate CIS Worksheet')!, 13).find((r) => r[0] === id)!;
      const crm = sheetRows(book.getWorksheet('Moderate CRM Worksheet')!, 3).find((r) => r[0] === id)!;
      const header = layout.cis.flattened_columns_A_to_M;
      return { marks: cis.flatMap((v, i) => (v === 'X' ? [header[i]] : [])), inherit: crm[1], text: crm[2] };
    };
    expect(await row({}, 'PE-3(a)')).toMatchObject({ marks: ['Shared (Service Provider and Customer Responsibility)'], inherit: 'Partial' });
    expect(await row({ ids: [open.ids.saas] }, 'PE-3(a)')).toEqual({ marks: ['Service Provider Corporate'], inherit: 'Yes', text: null });
    expect(await row({ ids: [open.ids.saas] }, 'MA-2(a)')).toMatchObject({ marks: ['Service Provider System Specific'], inherit: 'Yes' });
    expect(await row({ ids: [open.ids.saas] }, 'CP-8')).toMatchObject({ marks: ['Service Provider Corporate'], inherit: 'Yes' });
    const ac2 = await row({ ids: [open.ids.paas] }, 'AC-2(a)');
    expect(ac2).toMatchObject({ marks: ['Configured by Customer (Customer System Specific)'], inherit: 'No' });
    expect(String(ac2.text)).toMatch(/^Cannot be inherited: every layer it rests on in this scope \(Identities and users\) is the customer's own\./);
    expect(await row({ serviceModel: 'onprem' }, 'AC-2(a)')).toMatchObject({ marks: ['Provided by Customer (Customer System Specific)'], inherit: 'No' });
    const policy = await row({}, 'AC-1(a)');
    expect(policy).toMatchObject({ marks: ['Provided by Customer (Customer System Specific)'], inherit: 'No' });
    expect(String(policy.text)).toMatch(/^Cannot be inherited\. Organisational: the customer's own, whatever the cloud\./);
    const shared = await row({ ids: [open.ids.paas] }, 'SC-7(a)');
    expect(shared).toMatchObject({ marks: ['Shared (Service Provider and Customer Responsibility)'], inherit: 'Partial' });
    expect(String(shared.text)).toContain('Inherited from Microsoft: Microsoft carries Network controls on 1 of 1 asset (shared on 1).');
    expect(String(shared.text)).toContain('The customer must:\nNetwork controls: the customer\'s on 1 of 1 asset; shared with Microsoft on 1. Accountable: Alice Martin.');
  });

  it('every row follows the derivation of its control', async () => {
    open = handMadeWorkbook();
    const { book } = await exportFedramp(open, 'moderate');
    const derived = deriveScope(open.wb, open.ctx, {});
    const header = layout.cis.flattened_columns_A_to_M;
    const cis = sheetRows(book.getWorksheet('Moderate CIS Worksheet')!, 13).slice(3);
    const crm = sheetRows(book.getWorksheet('Moderate CRM Worksheet')!, 3).slice(4);
    cis.forEach((row, i) => {
      const control = nistControl(derived, fedrampControlOf(String(row[0])));
      expect(row.flatMap((v, c) => (v === 'X' ? [c - 6] : [])), String(row[0])).toEqual(originationsOf(control));
      expect(crm[i]![1], String(row[0])).toBe(canBeInherited(control));
      expect(header).toHaveLength(13);
    });
  });
});
