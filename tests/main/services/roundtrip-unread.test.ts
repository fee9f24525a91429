/**
 * Issue 20: the RACI sheet's Published column and the attribute columns (criticality, data
 * classification, environment) are not read back, like the Matrix's Model and layer columns, and
 * are settled by the same mechanism (core/roundtrip/unread.ts): an edit there is a warning naming
 * the cell only when the SHEET changed the value since the export — a value Demarc changed after
 * the export, which the sheet still shows as exported, says nothing.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RoundTripPreview } from '@shared/contract/roundtrip';
import { columnLetters } from '@core/roundtrip/sheet-cells';
import type { Report } from '@shared/report';
import { azJson, tempFile } from '@tests/helpers/import-fixture';
import { cli } from '@tests/helpers/run-cli';
import { tempDir } from '@tests/helpers/temp';

const AZ = azJson([{ name: 'vm-pay', tags: { Criticality: 'Mission-critical', env: 'prd' } }, { name: 'vm-web' }]);

async function exported(): Promise<{ wb: string; dir: string; out: string; book: ExcelJS.Workbook }> {
  const dir = tempDir();
  const wb = join(dir, 'acme.demarc');
  expect((await cli(['new', wb], dir)).code).toBe(0);
  expect((await cli(['import', wb, tempFile('az.json', AZ)], dir)).code).toBe(0);
  const out = join(dir, 'raci.xlsx');
  expect((await cli(['export', wb, '--out', out], dir)).code).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  return { wb, dir, out, book };
}

async function preview(wb: string, path: string, dir: string): Promise<RoundTripPreview> {
  const run = await cli(['import', wb, path, '--dry-run', '--json'], dir);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as RoundTripPreview;
}

const letter = columnLetters;
const unreadWarnings = (p: RoundTripPreview) => p.warnings.filter((w) => w.includes('not read back'));

describe('Published and the attribute columns are settled against the export', () => {
  it('a value Demarc changed after the export, which the sheet still shows, is no warning; one the sheet changed names its cell', async () => {
    const { wb, dir, out, book } = await exported();
    const sheet = book.getWorksheet('RACI')!;
    const head = (sheet.getRow(1).values as unknown[]).map(String);
    const col = (header: string) => head.indexOf(header);
    // The first asset's Operating system row: customer under IaaS (the VMs), the provider's under PaaS.
    let at = 2;
    while (sheet.getRow(at).getCell(col('Layer')).text !== 'Operating system') at += 1;
    const row = sheet.getRow(at);
    const assetId = Number(row.getCell(col('Asset id')).value);
    const assetName = row.getCell(col('Asset')).text;
    const exportedPublished = row.getCell(col('Published')).text;
    expect(exportedPublished).toBe('customer');
    const other = 'paas';

    // Meanwhile, in Demarc: the asset's criticality, environment and service model (hence Published) change.
    const assign = await cli(['assign', wb, '--where', `id=${assetId}`, '--criticality', 'low', '--environment', 'test', '--service-model', other], dir);
    expect(assign.code).toBe(0);
    const report = JSON.parse((await cli(['report', wb, '--json'], dir)).stdout) as Report;
    expect(report.assets.find((a) => a.id === assetId)!.layers.find((l) => l.layerId === 'operating-system')!.published).toBe('provider');

    // The sheet as exported: nothing of it is an edit in a column that is not read back.
    const untouched = await preview(wb, out, dir);
    expect(untouched.errors).toEqual([]);
    expect(untouched.revisionMoved).toBe(true);
    expect(unreadWarnings(untouched)).toEqual([]);

    // The sheet changes Published and Criticality on that row (and leaves Environment as exported).
    // Neither the value at the export (customer) nor Demarc's now (provider).
    const typedPublished = 'shared';
    row.getCell(col('Published')).value = typedPublished;
    row.getCell(col('Criticality')).value = 'Medium';
    const edited = join(dir, 'edited.xlsx');
    await book.xlsx.writeFile(edited);
    const warned = unreadWarnings(await preview(wb, edited, dir));
    expect(warned).toHaveLength(2);
    expect(warned[0]).toBe(
      `1 edit in the RACI sheet's Published column is not read back, so not applied: RACI!${letter(col('Published'))}${at} (${assetName}, "Published": "${typedPublished}"). It is what the responsibility model says; to change who carries a layer, edit Responsibility (an override, with a justification).`
    );
    expect(warned[1]).toMatch(new RegExp(`^1 edit in the Matrix's or RACI sheet's Criticality column is not read back, so not applied: RACI!${letter(col('Criticality'))}${at} \\(${assetName}, "Criticality": "Medium"\\)\\. An asset's criticality is set in Demarc`));
  });

  it('the same on the Matrix: an attribute Demarc changed says nothing, one the sheet changed is named, as is an edit on an asset Demarc left alone', async () => {
    const { wb, dir, book } = await exported();
    const matrix = book.getWorksheet('Matrix')!;
    const head = (matrix.getRow(1).values as unknown[]).map(String);
    const col = (header: string) => head.indexOf(header);
    const rows = [2, 3].map((r) => matrix.getRow(r));
    const [pay, web] = rows.map((r) => ({ row: r, id: Number(r.getCell(col('Asset id')).value), name: r.getCell(col('Asset')).text })) as [{ row: ExcelJS.Row; id: number; name: string }, { row: ExcelJS.Row; id: number; name: string }];
    expect((await cli(['assign', wb, '--where', `id=${pay.id}`, '--environment', 'development'], dir)).code).toBe(0);
    // pay: Demarc changed its environment, the sheet its data classification; web: the sheet its environment.
    pay.row.getCell(col('Data classification')).value = 'Confidential';
    web.row.getCell(col('Environment')).value = 'Production';
    const edited = join(dir, 'edited.xlsx');
    await book.xlsx.writeFile(edited);
    const warned = unreadWarnings(await preview(wb, edited, dir));
    expect(warned).toHaveLength(2);
    expect(warned[0]).toContain(`: Matrix!${letter(col('Data classification'))}${pay.row.number} (${pay.name}, "Data classification": "Confidential")`);
    expect(warned[1]).toContain(`: Matrix!${letter(col('Environment'))}${web.row.number} (${web.name}, "Environment": "Production")`);
  });
});
