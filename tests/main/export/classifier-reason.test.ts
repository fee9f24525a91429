/**
 * Issue 20, gaps: why an asset has its service model is in `report --json` (the classifier's
 * reason and confidence) and in the Matrix sheet ("Why this service model"; "Chosen by hand" once
 * a person chose).
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '@shared/report';
import { fixturePath } from '@tests/helpers/import-fixture';
import { cli } from '@tests/helpers/run-cli';
import { tempDir } from '@tests/helpers/temp';

const NSC = fixturePath('inventory/nsc-infra_az-resource-list-full_utf16le.json');

async function matrixWhy(out: string): Promise<Map<string, string>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const matrix = book.getWorksheet('Matrix')!;
  const column = (matrix.getRow(1).values as unknown[]).map(String).indexOf('Why this service model');
  expect(column).toBeGreaterThan(0);
  const why = new Map<string, string>();
  matrix.eachRow((row, n) => {
    if (n > 1) why.set(row.getCell(2).text, row.getCell(column).text);
  });
  return why;
}

describe('the classifier’s reason', () => {
  it('is in report --json and the Matrix sheet; a service model chosen by hand says so', async () => {
    const dir = tempDir();
    const wb = join(dir, 'acme.demarc');
    await cli(['new', wb], dir);
    expect((await cli(['import', wb, NSC], dir)).code).toBe(0);
    const report = JSON.parse((await cli(['report', wb, '--json'], dir)).stdout) as Report;
    const classified = report.assets.filter((a) => a.serviceModelSource === 'classifier');
    expect(classified.length).toBeGreaterThan(0);
    for (const asset of classified) {
      expect(asset.classificationReason, asset.name).toMatch(/\S/);
      expect(['high', 'medium', 'low', 'none']).toContain(asset.classificationConfidence);
    }
    const chosen = classified[0]!;
    const other = classified[1]!;
    const columns = report.models.find((m) => m.id === chosen.modelId)!.serviceModels;
    const column = columns.find((c) => c !== chosen.serviceModel)!;
    expect((await cli(['assign', wb, '--where', `text=${chosen.name}`, '--service-model', column], dir)).code).toBe(0);
    const out = join(dir, 'raci.xlsx');
    expect((await cli(['export', wb, '--out', out], dir)).code).toBe(0);
    const why = await matrixWhy(out);
    expect(why.get(String(other.id))).toBe(other.classificationReason);
    expect(why.get(String(chosen.id))).toBe('Chosen by hand');
  });
});
