/**
 * Issue 20, defects 1 and 4. The columns of an import file that map to no field are kept with the
 * asset (report, Matrix, asset detail) instead of read and dropped; rows keyed by their name alone
 * merge only when they agree, and the preview warns when rows share a name but differ.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AssetDetail } from '@shared/contract/engine';
import type { ImportPreview, ImportResult } from '@shared/contract/import';
import type { Report } from '@shared/report';
import { workbookReport } from '@main/services/report';
import { fixturePath, importRouter, tempFile } from '@tests/helpers/import-fixture';
import { cli } from '@tests/helpers/run-cli';
import { fixedClock, tempDir } from '@tests/helpers/temp';
import { wholeReport } from '@tests/helpers/whole-report';

const MIGRATE = fixturePath('onprem/microhack_azure-migrate-import_servers.csv');

/** Snipe-IT's "Locations" export: two different Airdrie rows, and one row given twice. */
const LOCATIONS = [
  'Name,Address,City,State,Country,Zip',
  'Airdrie,123 Main St,Airdrie,AB,CA,T4B 0A1',
  'Airdrie,9 Second Ave,Airdrie,Lanarkshire,GB,ML6 0AA',
  'Calgary HQ,1 Centre St,Calgary,AB,CA,T2G 0A1',
  'Calgary HQ,1 Centre St,Calgary,AB,CA,T2G 0A1'
].join('\n');

describe('columns that map to no field', () => {
  it('are kept with the asset: in report --json and the Matrix sheet', async () => {
    const dir = tempDir();
    const wb = join(dir, 'acme.demarc');
    await cli(['new', wb], dir);
    expect((await cli(['import', wb, MIGRATE], dir)).code).toBe(0);
    const report = JSON.parse((await cli(['report', wb, '--json'], dir)).stdout) as Report;
    const server = report.assets.find((a) => a.name === 'lnx5032')!;
    expect(server.extra).toMatchObject({ '*Cores': '2', '*Memory (In MB)': '15884', '*OS name': 'Red Hat Enterprise Linux 7 (64-bit)', Hypervisor: 'Vmware' });
    const out = join(dir, 'raci.xlsx');
    expect((await cli(['export', wb, '--out', out], dir)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const matrix = book.getWorksheet('Matrix')!;
    const header = (matrix.getRow(1).values as unknown[]).map(String);
    const column = header.indexOf('Other columns');
    expect(column).toBeGreaterThan(0);
    let cell = '';
    matrix.eachRow((row) => {
      if (row.getCell(1).text === 'lnx5032') cell = row.getCell(column).text;
    });
    expect(cell).toContain('*OS name=Red Hat Enterprise Linux 7 (64-bit)');
    expect(cell).toContain('*Cores=2');
  });

  it('are in the asset detail the panel shows, and a re-import of the same file leaves them unchanged', async () => {
    const { router, session } = await importRouter();
    const first = await router.handle('import.apply', { paths: [MIGRATE] });
    expect(first.ok).toBe(true);
    const detail = await router.handle('assets.get', { id: 1 });
    expect(detail.ok && (detail.data as AssetDetail).asset.extra).toMatchObject({ Hypervisor: 'Vmware' });
    const again = await router.handle('import.apply', { paths: [MIGRATE] });
    expect(again.ok && (again.data as ImportResult).counts).toMatchObject({ new: 0, updated: 0 });
    session.close();
  });
});

describe('rows that share a name', () => {
  it('are separate assets when they differ, one when they agree; the preview says which', async () => {
    const { router, session } = await importRouter();
    const path = tempFile('locations.csv', LOCATIONS);
    const preview = await router.handle('import.preview', { paths: [path], mapping: { name: 'Name' } });
    if (!preview.ok) throw new Error(preview.error.message);
    const file = (preview.data as ImportPreview).files[0]!;
    expect(file.counts).toMatchObject({ rows: 4, new: 3, merged: 1 });
    expect(file.warnings.join('\n')).toContain('Rows share a name but differ: "Airdrie" (lines 2, 3)');
    const applied = await router.handle('import.apply', { token: (preview.data as ImportPreview).token });
    expect(applied.ok).toBe(true);
    // The same file again: the two Airdries are matched to the same two assets.
    const again = await router.handle('import.apply', { paths: [path], mapping: { name: 'Name' } });
    expect(again.ok && (again.data as ImportResult).counts).toMatchObject({ new: 0, updated: 0, unchanged: 3 });
    // The report is no IPC answer (it streams): read from the open workbook, as `demarc report` does.
    const report = wholeReport(workbookReport(session.require(), { clock: fixedClock(), osUser: 'tester' }));
    const airdries = report.assets.filter((a) => a.name === 'Airdrie');
    expect(airdries.map((a) => a.extra.Address)).toEqual(['123 Main St', '9 Second Ave']);
    session.close();
  });
});
