/**
 * Issue 20, gaps: the asset's criticality, data classification and environment — read from tags
 * and columns (the preview says where from), kept when a file says nothing, edited in bulk,
 * filtered, reported, exported, a finding for a critical asset nobody is Accountable for — and the
 * RACI sheet's Published column, which the round trip names when it is edited instead of taking it.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '@shared/contract/import';
import type { RoundTripPreview } from '@shared/contract/roundtrip';
import type { Report } from '@shared/report';
import { parseWhere } from '@core/bulk-filter';
import { azJson, importRouter, tempFile } from '@tests/helpers/import-fixture';
import { cli } from '@tests/helpers/run-cli';
import { tempDir } from '@tests/helpers/temp';

const AZ = azJson([
  { name: 'vm-pay', tags: { Criticality: 'Mission-critical', env: 'prd', 'data-classification': 'Internal' } },
  { name: 'vm-web', tags: { criticality: 'High', Environment: 'Dev' } },
  { name: 'vm-odd', tags: { criticality: 'Tier 1' } },
  { name: 'vm-none' }
]);

const CMDB = ['Server name,Criticality,Used for,Data Classification', 'db01,Low,Production,Highly confidential', 'db02,Gold,Test,'].join('\n');

async function reportOf(wb: string, dir: string): Promise<Report> {
  const run = await cli(['report', wb, '--json'], dir);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

const byName = (report: Report, name: string) => report.assets.find((a) => a.name === name)!;

describe('criticality, data classification and environment', () => {
  it('are read from tags and columns; the preview says where from and names values outside the vocabulary', async () => {
    const { router, session } = await importRouter();
    const tags = await router.handle('import.preview', { paths: [tempFile('az.json', AZ)] });
    if (!tags.ok) throw new Error(tags.error.message);
    const file = (tags.data as ImportPreview).files[0]!;
    expect(file.attributes.find((a) => a.attribute === 'criticality')!.tags).toEqual([
      { key: 'Criticality', rows: 1 },
      { key: 'criticality', rows: 1 }
    ]);
    expect(file.attributes.find((a) => a.attribute === 'environment')!.tags).toEqual([
      { key: 'env', rows: 1 },
      { key: 'Environment', rows: 1 }
    ]);
    expect(file.warnings.join('\n')).toContain('Tag "criticality" = "Tier 1" on 1 row is not a criticality (mission-critical, unit-critical, high, medium or low): left unset; the tag is kept');

    const columns = await router.handle('import.preview', { paths: [tempFile('cmdb.csv', CMDB)] });
    if (!columns.ok) throw new Error(columns.error.message);
    const cmdb = (columns.data as ImportPreview).files[0]!;
    expect(cmdb.mapping).toMatchObject({ criticality: 'Criticality', environment: 'Used for', dataClassification: 'Data Classification' });
    expect(cmdb.attributes.find((a) => a.attribute === 'criticality')).toMatchObject({ column: 'Criticality', fromColumn: 1 });
    expect(cmdb.warnings.join('\n')).toContain('Criticality "Gold" (column "Criticality") is not mission-critical, unit-critical, high, medium or low: left unset and kept under the other columns (line 3)');
    session.close();
  });

  it('reach the report, the filters, bulk edits, the finding and the export; a file that says nothing keeps them', async () => {
    const dir = tempDir();
    const wb = join(dir, 'acme.demarc');
    const az = tempFile('az.json', AZ);
    expect((await cli(['new', wb], dir)).code).toBe(0);
    expect((await cli(['import', wb, az], dir)).code).toBe(0);
    let report = await reportOf(wb, dir);
    expect(byName(report, 'vm-pay')).toMatchObject({ criticality: 'mission-critical', environment: 'production', dataClassification: 'general' });
    expect(byName(report, 'vm-web')).toMatchObject({ criticality: 'high', environment: 'development', dataClassification: null });
    expect(byName(report, 'vm-odd')).toMatchObject({ criticality: null, tags: { criticality: 'Tier 1' } });

    // No owner: nobody is Accountable for the customer layers; only the critical asset gets the finding.
    const critical = report.findings.filter((f) => f.code === 'CRITICAL_NO_ACCOUNTABLE');
    expect(critical.map((f) => f.asset)).toEqual(['vm-pay']);
    expect(critical[0]).toMatchObject({ severity: 'error' });
    expect(critical[0]!.message).toContain('"vm-pay" is mission-critical, yet nobody is Accountable for its customer layers');

    // Bulk edit by filter, then the filter by the new value.
    const assign = await cli(['assign', wb, '--where', 'criticality=none', '--criticality', 'Business unit-critical', '--environment', 'test'], dir);
    expect(assign.stdout).toContain('Set criticality Business unit-critical, environment Test on 2 assets');
    const bad = await cli(['assign', wb, '--where', 'criticality=urgent', '--criticality', 'low'], dir);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('criticality: "urgent" is not mission-critical, unit-critical, high, medium or low (or none).');
    report = await reportOf(wb, dir);
    expect(report.findings.filter((f) => f.code === 'CRITICAL_NO_ACCOUNTABLE').map((f) => f.asset).sort()).toEqual(['vm-none', 'vm-odd', 'vm-pay']);

    // An owner makes someone Accountable: the finding goes.
    expect((await cli(['parties', wb, 'add', 'Platform team', '--kind', 'team'], dir)).code).toBe(0);
    expect((await cli(['assign', wb, '--where', 'q=vm-pay', '--owner', 'Platform team'], dir)).code).toBe(0);
    report = await reportOf(wb, dir);
    expect(report.findings.filter((f) => f.code === 'CRITICAL_NO_ACCOUNTABLE').map((f) => f.asset).sort()).toEqual(['vm-none', 'vm-odd']);

    // Re-importing the file keeps the values set by hand where the file says nothing, and changes nothing.
    const again = await cli(['import', wb, az, '--json'], dir);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ counts: { new: 0, updated: 0 } });
    expect(byName(await reportOf(wb, dir), 'vm-none')).toMatchObject({ criticality: 'unit-critical', environment: 'test' });

    // The export: Matrix columns, RACI Published beside Responsibility, the attributes at the row's end.
    const out = join(dir, 'raci.xlsx');
    expect((await cli(['export', wb, '--out', out], dir)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const header = (sheet: string) => (book.getWorksheet(sheet)!.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header('Matrix').slice(-3)).toEqual(['Criticality', 'Data classification', 'Environment']);
    const raci = header('RACI');
    expect(raci.slice(3, 5)).toEqual(['Responsibility', 'Published']);
    expect(raci.slice(-3)).toEqual(['Criticality', 'Data classification', 'Environment']);
    const csv = join(dir, 'raci.csv');
    expect((await cli(['export', wb, '--out', csv], dir)).code).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toContain('"Responsibility","Published","Overridden"');
  });

  it('are a --where key with the vocabulary\'s spellings', () => {
    expect(parseWhere('criticality=Mission-critical,environment=prod,data-classification=none')).toEqual({ criticality: 'mission-critical', environment: 'production', dataClassification: 'none' });
  });
});

describe('the Published column of the RACI sheet', () => {
  it('reads back with or without it; an edit typed in it (or in an attribute) is named as not read back', async () => {
    const dir = tempDir();
    const wb = join(dir, 'acme.demarc');
    expect((await cli(['new', wb], dir)).code).toBe(0);
    expect((await cli(['import', wb, tempFile('az.json', AZ)], dir)).code).toBe(0);
    const out = join(dir, 'raci.xlsx');
    expect((await cli(['export', wb, '--out', out], dir)).code).toBe(0);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('RACI')!;
    const head = (sheet.getRow(1).values as unknown[]).map(String);
    const published = head.indexOf('Published');
    const criticality = head.indexOf('Criticality');
    const row = sheet.getRow(2);
    const was = row.getCell(published).text;
    row.getCell(published).value = was === 'customer' ? 'provider' : 'customer';
    row.getCell(criticality).value = 'Low';
    const edited = join(dir, 'edited.xlsx');
    await book.xlsx.writeFile(edited);
    const run = await cli(['import', wb, edited, '--dry-run', '--json'], dir);
    expect(run.code).toBe(0);
    const preview = JSON.parse(run.stdout) as RoundTripPreview;
    expect(preview.counts.changes).toBe(0);
    const letter = (n: number) => String.fromCharCode(64 + n);
    const asset = row.getCell(head.indexOf('Asset')).text;
    expect(preview.warnings.find((w) => w.includes("the RACI sheet's Published column"))).toContain(`: RACI!${letter(published)}2 (${asset}, "Published": "${was === 'customer' ? 'provider' : 'customer'}")`);
    expect(preview.warnings.find((w) => w.includes('Criticality column'))).toContain(`: RACI!${letter(criticality)}2 (${asset}, "Criticality": "Low")`);

    // An export from before the column: the Published column deleted reads back with no problem.
    sheet.spliceColumns(published, 1);
    const old = join(dir, 'old.xlsx');
    await book.xlsx.writeFile(old);
    const oldRun = await cli(['import', wb, old, '--dry-run', '--json'], dir);
    expect(oldRun.code).toBe(0);
    expect((JSON.parse(oldRun.stdout) as RoundTripPreview).errors).toEqual([]);
  });
});
