/**
 * Issue 20, defects 4 and 5: files that are not inventories are named for what they are, and a
 * refusal says what to do — the sheet to pick in a workbook whose first sheet is an overview,
 * `-o json` for the Azure CLI's fixed-width table, no "line 0" for a problem with the whole file.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readInventory } from '@main/import/read-inventory';
import { formatRowError } from '@shared/contract/import';
import { tempFile } from '@tests/helpers/import-fixture';
import { cli } from '@tests/helpers/run-cli';
import { tempDir } from '@tests/helpers/temp';
import { join } from 'node:path';

/** The head of a Snipe-IT "Locations" export: two different Airdrie rows, no asset column. */
const LOCATIONS = [
  'Name,Parent,Current Location,Address,Address2,City,State,Country,Zip,Currency,LDAP OU',
  'Airdrie,,,"123 Main St",,Airdrie,AB,CA,T4B 0A1,CAD,',
  'Airdrie,,,"9 Second Ave",Unit 4,Airdrie,Lanarkshire,GB,ML6 0AA,GBP,',
  'Calgary HQ,,,"1 Centre St",,Calgary,AB,CA,T2G 0A1,CAD,'
].join('\n');

async function overviewFirst(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const overview = wb.addWorksheet('Overview');
  overview.addRow(['columns: Azure Resource Inventory']);
  overview.addRow(['Generated 2024-05-01']);
  const vms = wb.addWorksheet('Virtual Machines');
  vms.addRow(['Name', 'Resource Group']);
  vms.addRow(['vm-1', 'rg-a']);
  wb.addWorksheet('Storage Accounts').addRow(['Name']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** `az resource list -o table` as Windows PowerShell redirects it: UTF-16LE with a BOM. */
const AZ_TABLE = Buffer.concat([
  Buffer.from([0xff, 0xfe]),
  Buffer.from(
    [
      'Name            ResourceGroup    Location    Type                               Status',
      '--------------  ---------------  ----------  ---------------------------------  --------',
      'vm-web-01       rg-web           westeurope  Microsoft.Compute/virtualMachines',
      'stweb01         rg-web           westeurope  Microsoft.Storage/storageAccounts'
    ].join('\r\n'),
    'utf16le'
  )
]);

describe('a file that is not an asset inventory', () => {
  it('is refused as a list of locations, naming the columns that say so; mapped, it reads', async () => {
    const r = await readInventory(Buffer.from(LOCATIONS), { fileName: 'locations.csv' });
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.message).toMatch(/^This file is not an asset inventory: it looks like a list of locations \(columns Address, Address2, City, State, Country, Zip\)/);
    // The preview can offer the mapping: the columns are there.
    expect(r.columns).toContain('Address');
    const mapped = await readInventory(Buffer.from(LOCATIONS), { fileName: 'locations.csv', mapping: { name: 'Name' } });
    expect(mapped.errors).toEqual([]);
    expect(mapped.rows.map((row) => row.name)).toEqual(['Airdrie', 'Airdrie', 'Calgary HQ']);
  });

  it('recognises licences and people; a table with an asset tag is an inventory whatever else it has', async () => {
    const licences = await readInventory(Buffer.from('Name,Product Key,Seats,Expiration Date\nOffice,AAAA-BBBB,25,2025-01-01\n'), { fileName: 'l.csv' });
    expect(licences.errors[0]?.message).toMatch(/a list of software licences/);
    const people = await readInventory(Buffer.from('First Name,Last Name,Email,Username,Department\nAda,Lovelace,a@x,ada,R&D\n'), { fileName: 'u.csv' });
    expect(people.errors[0]?.message).toMatch(/a list of people/);
    const assets = await readInventory(Buffer.from('Asset Tag,Name,Address,City,State,Country\nA-1,laptop-1,1 Main,Paris,IDF,FR\n'), { fileName: 'a.csv' });
    expect(assets.errors).toEqual([]);
    expect(assets.rows).toHaveLength(1);
  });

  it('the CLI prints the reason once, without a line number, and writes nothing', async () => {
    const dir = tempDir();
    const wb = join(dir, 'acme.demarc');
    await cli(['new', wb], dir);
    const run = await cli(['import', wb, tempFile('locations.csv', LOCATIONS)], dir);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/locations\.csv: This file is not an asset inventory: it looks like a list of locations/);
    expect(run.stderr).not.toMatch(/:0:/);
    const report = JSON.parse((await cli(['report', wb, '--json'], dir)).stdout) as { assets: unknown[] };
    expect(report.assets).toEqual([]);
  });
});

describe('refusals that say what to do', () => {
  it('an xlsx whose first sheet is an overview lists the other sheets and how to pick one', async () => {
    const r = await readInventory(await overviewFirst(), { fileName: 'ari.xlsx' });
    expect(r.sheets).toEqual(['Overview', 'Virtual Machines', 'Storage Accounts']);
    expect(r.errors[0]?.message).toContain('This was sheet "Overview"; the workbook also has "Virtual Machines", "Storage Accounts".');
    expect(r.errors[0]?.message).toContain('demarc import --sheet NAME');
    const chosen = await readInventory(await overviewFirst(), { fileName: 'ari.xlsx', sheet: 'Virtual Machines' });
    expect([chosen.errors, chosen.rows.map((row) => row.name)]).toEqual([[], ['vm-1']]);
  });

  it('az … -o table output (UTF-16, fixed width) is refused with the way to get JSON', async () => {
    const r = await readInventory(AZ_TABLE, { fileName: 'resources.txt' });
    expect(r.rows).toEqual([]);
    expect(r.errors[0]?.message).toMatch(/fixed-width table \(the Azure CLI writes one with -o table\)/);
    expect(r.errors[0]?.message).toContain('az resource list -o json');
  });

  it('a problem with the whole file names the file, not line 0', async () => {
    const r = await readInventory(Buffer.from('{"items": [{"name": "a"}]}'), { fileName: 'x.json' });
    const line = formatRowError('x.json', r.errors[0]!);
    expect(line).toMatch(/^x\.json: Not an inventory file this app can read: a JSON object without "value", "data"/);
    expect(line).not.toContain(':0:');
    expect(formatRowError('a.csv', { line: 7, field: 'name', message: 'Missing name' })).toBe('a.csv:7: name: Missing name');
  });
});
