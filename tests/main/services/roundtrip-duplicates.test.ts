/**
 * A row a participant copied: the same asset and layer twice on the RACI sheet (right under the
 * first, or further down after other assets' rows), the same asset twice on the Matrix — each
 * copy is an error naming its cell, never a second change.
 */
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { assetDetail } from '@main/engine/asset-detail';
import { exportWorkbook } from '@main/services/export-service';
import { previewRoundTrip } from '@main/services/roundtrip';
import { editExport, rowOf } from '@tests/helpers/roundtrip-edit';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { tempDir } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';

/** Inserts a copy of row `from` at row `at` (the rows from `at` on move down). */
function copyRow(sheet: ExcelJS.Worksheet, from: number, at: number): void {
  const values = (sheet.getRow(from).values as ExcelJS.CellValue[]).slice(1);
  sheet.spliceRows(at, 0, values);
}

describe('round-trip review of copied rows', () => {
  it('names each copy of an asset and layer (or of a Matrix row) as an error by its cell', async () => {
    const t = createTestWorkbook({ organisation: 'Northwind' });
    seedParties(t.wb.db, [{ name: 'Alice Martin', kind: 'person' }]);
    const [id1, id2, id3] = seedAssets(
      t.wb.db,
      Array.from({ length: 3 }, (_, i) => ({ name: `vm-${i + 1}`, serviceModel: 'iaas' as const }))
    ) as [number, number, number];
    const dir = tempDir();
    const exported = join(dir, 'raci.xlsx');
    await exportWorkbook(t.wb, t.ctx, { format: 'xlsx', path: exported, exportedAt: 'last-change' });
    const title = (id: number, index: number) => assetDetail(t.wb, t.ctx, id).layers[index]!.title;
    const edited = join(dir, 'edited.xlsx');
    const rows: Record<string, number> = {};
    await editExport(exported, edited, [{ sheet: 'RACI', assetId: id3, layer: title(id3, 0), header: 'Comments', value: 'kept' }], (wb) => {
      const raci = wb.getWorksheet('RACI')!;
      // vm-2's second layer copied right under itself; vm-1's first layer copied after vm-3's rows.
      const second = rowOf(raci, id2, title(id2, 1));
      copyRow(raci, second, second + 1);
      rows.under = second + 1;
      rows.end = raci.rowCount + 1;
      copyRow(raci, rowOf(raci, id1, title(id1, 0)), rows.end);
      const matrix = wb.getWorksheet('Matrix')!;
      rows.matrix = matrix.rowCount + 1;
      copyRow(matrix, rowOf(matrix, id2), rows.matrix);
    });
    for (const pageSize of [1000, 1]) {
      const preview = await previewRoundTrip(t.wb, t.ctx, { path: edited, anyWorkbook: false, createParties: false }, { pageSize });
      expect(preview.errors).toEqual([
        { cell: `Matrix!A${rows.matrix}`, message: `Matrix!A${rows.matrix}: vm-2 appears again (one row per asset): keep one row.` },
        { cell: `RACI!A${rows.under}`, message: `RACI!A${rows.under}: vm-2, "${title(id2, 1)}" appears again (one row per asset and layer): keep one row.` },
        { cell: `RACI!A${rows.end}`, message: `RACI!A${rows.end}: vm-1, "${title(id1, 0)}" appears again (one row per asset and layer): keep one row.` }
      ]);
      expect(preview.groups.flatMap((g) => g.changes).map((c) => [c.assetName, c.field, c.after])).toEqual([['vm-3', 'note', 'kept']]);
    }
    t.close();
  });
});
