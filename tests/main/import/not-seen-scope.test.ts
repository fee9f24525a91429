/**
 * Issue 20, defects 2 and 7. "Not seen" is scoped by what a file covers — its source, the
 * subscriptions its rows name, the sheet of a workbook — and shown in the report, the Matrix and
 * the filters. Re-importing an unchanged file records the run but changes nothing the export states.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFilter, parseWhere } from '@core/bulk-filter';
import type { ExportResult } from '@shared/contract/export';
import type { ImportResult } from '@shared/contract/import';
import type { Report } from '@shared/report';
import { workbookReport } from '@main/services/report';
import type { Session } from '@main/session';
import { azJson, importRouter, tempFile } from '@tests/helpers/import-fixture';
import { cli } from '@tests/helpers/run-cli';
import { fixedClock, tempDir } from '@tests/helpers/temp';
import { wholeReport } from '@tests/helpers/whole-report';

const SUB_A = 'aaaaaaaa-0000-0000-0000-000000000001';
const SUB_B = 'bbbbbbbb-0000-0000-0000-000000000002';

type Router = Awaited<ReturnType<typeof importRouter>>['router'];

async function apply(router: Router, path: string, extra: { sheet?: string } = {}): Promise<ImportResult> {
  const result = await router.handle('import.apply', { paths: [path], ...extra });
  if (!result.ok) throw new Error(result.error.message);
  return result.data as ImportResult;
}

/** The report is no IPC answer (it streams): read from the open workbook, as `demarc report` does. */
function notSeen(session: Session): string[] {
  const report = wholeReport(workbookReport(session.require(), { clock: fixedClock(), osUser: 'tester' }));
  return report.assets.filter((a) => a.notSeenInLastImport).map((a) => a.name).sort();
}

async function ariWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const vms = wb.addWorksheet('Virtual Machines');
  vms.addRow(['Name', 'Resource Group', 'Subscription']);
  vms.addRow(['vm-1', 'rg-a', 'Prod']);
  vms.addRow(['vm-2', 'rg-a', 'Prod']);
  const st = wb.addWorksheet('Storage Accounts');
  st.addRow(['Name', 'Resource Group', 'Subscription']);
  st.addRow(['stdata01', 'rg-a', 'Prod']);
  return tempFile('ari.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
}

describe('"not seen" is scoped to what the file covers', () => {
  it('one subscription’s export says nothing about another’s assets; a later export of the same one does', async () => {
    const { router, session } = await importRouter();
    await apply(router, tempFile('a.json', azJson([{ name: 'vm-a1', sub: SUB_A }, { name: 'vm-a2', sub: SUB_A }])));
    const b = await apply(router, tempFile('b.json', azJson([{ name: 'vm-b1', sub: SUB_B }])));
    expect(b.counts.notSeen).toBe(0);
    expect(notSeen(session)).toEqual([]);
    const again = await apply(router, tempFile('a2.json', azJson([{ name: 'vm-a1', sub: SUB_A }])));
    expect(again.counts.notSeen).toBe(1);
    expect(notSeen(session)).toEqual(['vm-a2']);
    session.close();
  });

  it('a workbook’s "Storage Accounts" sheet does not flag the assets read from its "Virtual Machines" sheet', async () => {
    const { router, session } = await importRouter();
    const path = await ariWorkbook();
    await apply(router, path, { sheet: 'Virtual Machines' });
    const storage = await apply(router, path, { sheet: 'Storage Accounts' });
    expect(storage.counts).toMatchObject({ new: 1, notSeen: 0 });
    expect(notSeen(session)).toEqual([]);
    session.close();
  });

  it('is in the report, the Matrix and the filters (grid, --where)', async () => {
    const dir = tempDir();
    const wb = join(dir, 'acme.demarc');
    await cli(['new', wb], dir);
    await cli(['import', wb, tempFile('a.json', azJson([{ name: 'vm-a1', sub: SUB_A }, { name: 'vm-a2', sub: SUB_A }]))], dir);
    await cli(['import', wb, tempFile('a2.json', azJson([{ name: 'vm-a1', sub: SUB_A }]))], dir);
    const report = JSON.parse((await cli(['report', wb, '--json'], dir)).stdout) as Report;
    expect(report.assets.map((a) => [a.name, a.notSeenInLastImport])).toEqual([
      ['vm-a1', false],
      ['vm-a2', true]
    ]);
    const out = join(dir, 'raci.xlsx');
    expect((await cli(['export', wb, '--out', out], dir)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const matrix = book.getWorksheet('Matrix')!;
    const header = (matrix.getRow(1).values as unknown[]).map(String);
    const column = header.indexOf('Not seen in last import');
    expect(column).toBeGreaterThan(0);
    expect([2, 3].map((r) => [matrix.getCell(r, 1).text, matrix.getCell(r, column).text])).toEqual([
      ['vm-a1', ''],
      ['vm-a2', 'yes']
    ]);
    const where = parseWhere('seen=no');
    expect(where).toEqual({ seen: false });
    const match = compileFilter(where);
    expect(match({ notSeenInLastImport: true } as Parameters<typeof match>[0])).toBe(true);
    expect(match({ notSeenInLastImport: false } as Parameters<typeof match>[0])).toBe(false);
    const assigned = await cli(['assign', wb, '--where', 'seen=no', '--reviewed', '--json'], dir);
    expect(assigned.code).toBe(0);
    expect(JSON.parse(assigned.stdout)).toMatchObject({ count: 1 });
  });
});

describe('re-importing an unchanged file', () => {
  it('records the run but leaves the change log and what the export states as they were', async () => {
    const dir = tempDir();
    const wb = join(dir, 'acme.demarc');
    const file = tempFile('a.json', azJson([{ name: 'vm-a1', sub: SUB_A }, { name: 'vm-a2', sub: SUB_A }]));
    await cli(['new', wb], dir);
    await cli(['import', wb, file], dir);
    const exported = async (name: string) => JSON.parse((await cli(['export', wb, '--out', join(dir, name), '--json'], dir)).stdout) as ExportResult;
    const before = await exported('before.xlsx');
    const again = await cli(['import', wb, file, '--json'], dir);
    expect(again.code).toBe(0);
    const result = JSON.parse(again.stdout) as ImportResult;
    expect(result.counts).toMatchObject({ new: 0, updated: 0, unchanged: 2, notSeen: 0 });
    expect(result.importRunIds).toEqual([2]);
    const after = await exported('after.xlsx');
    expect([after.sha256, after.exportedAt]).toEqual([before.sha256, before.exportedAt]);
    // A run that does change something is still a change.
    await cli(['import', wb, tempFile('a3.json', azJson([{ name: 'vm-a1', sub: SUB_A }]))], dir);
    expect((await exported('later.xlsx')).sha256).not.toBe(before.sha256);
  });
});
