/**
 * How the review meets its pages of assets: while a sheet names its assets in ascending id order
 * (as the export writes them) each row is compared as it is read against the page read by id range;
 * once a sheet goes back in id order the rows are gathered and their page read by id. Whatever the
 * page size and wherever the sheet goes back, the review is the same: the same changes in the same
 * order, the same rows listed apart (an asset removed since the export, inside a page's range; a row
 * added by hand), the same counts.
 */
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { assetDetail } from '@main/engine/asset-detail';
import { exportWorkbook } from '@main/services/export-service';
import { previewRoundTrip } from '@main/services/roundtrip';
import { deleteAssetRows } from '@main/store/repos/assets';
import type { RoundTripPreview } from '@shared/contract/roundtrip';
import { columnOf, editExport } from '@tests/helpers/roundtrip-edit';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { tempDir } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';

/** Moves the rows of `assetId` to just after the rows of `afterId` on `sheet` (the rows between shift down). */
function moveRows(sheet: ExcelJS.Worksheet, assetId: number, afterId: number): void {
  const idColumn = columnOf(sheet, 'Asset id');
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 2; r <= sheet.rowCount; r++) rows.push((sheet.getRow(r).values as ExcelJS.CellValue[]).slice(1));
  const id = (values: ExcelJS.CellValue[]) => values[idColumn - 1];
  const moved = rows.filter((values) => id(values) === assetId);
  const rest = rows.filter((values) => id(values) !== assetId);
  const at = rest.map(id).lastIndexOf(afterId) + 1;
  rest.splice(at, 0, ...moved);
  rest.forEach((values, i) => {
    const row = sheet.getRow(i + 2);
    for (let c = 1; c <= sheet.columnCount; c++) row.getCell(c).value = values[c - 1] ?? null;
  });
}

describe('round-trip review by pages', () => {
  it('is the same whatever the page size, for a sheet in id order, one going back, an asset removed and a row added by hand', async () => {
    const t = createTestWorkbook({ organisation: 'Northwind' });
    seedParties(t.wb.db, [
      { name: 'Alice Martin', kind: 'person' },
      { name: 'Bob Chen', kind: 'person' }
    ]);
    const ids = seedAssets(
      t.wb.db,
      Array.from({ length: 8 }, (_, i) => ({ name: `vm-${i + 1}`, serviceModel: 'iaas' as const }))
    );
    const dir = tempDir();
    const exported = join(dir, 'raci.xlsx');
    await exportWorkbook(t.wb, t.ctx, { format: 'xlsx', path: exported, exportedAt: 'last-change' });
    const layer = (id: number, index: number) => assetDetail(t.wb, t.ctx, id).layers[index]!.title;
    const edited = join(dir, 'edited.xlsx');
    const [id1, id2, id3, , id5, , id7, id8] = ids as [number, number, number, number, number, number, number, number];
    await editExport(
      exported,
      edited,
      [
        // Compared as read (the RACI sheet still in id order there), on both sides of a page boundary.
        { sheet: 'RACI', assetId: id1, layer: layer(id1, 0), header: 'A', value: 'Bob Chen' },
        { sheet: 'RACI', assetId: id3, layer: layer(id3, 1), header: 'Comments', value: 'third' },
        { sheet: 'Matrix', assetId: id2, header: 'Owner', value: 'Alice Martin' },
        // vm-7's rows moved up after vm-3's: the sheet goes back to vm-4 after them.
        { sheet: 'RACI', assetId: id7, layer: layer(id7, 0), header: 'I', value: 'Alice Martin' },
        { sheet: 'RACI', assetId: id5, layer: layer(id5, 2), header: 'R', value: 'Bob Chen' },
        { sheet: 'Matrix', assetId: id8, header: 'Owner', value: 'Bob Chen' }
      ],
      (wb) => {
        const raci = wb.getWorksheet('RACI')!;
        moveRows(raci, id7, id3);
        // A row added by hand at the end.
        raci.getRow(raci.rowCount + 1).getCell(columnOf(raci, 'Asset')).value = 'typed in';
      }
    );
    // vm-5 is removed after the export: its rows name an id inside a page's range that no asset has.
    deleteAssetRows(t.wb.db, [id5]);
    const previews: RoundTripPreview[] = [];
    for (const pageSize of [1000, 1, 2, 3]) previews.push(await previewRoundTrip(t.wb, t.ctx, { path: edited, anyWorkbook: false, createParties: false }, { pageSize }));
    const listed = (p: RoundTripPreview) => ({
      changes: p.groups.flatMap((g) => g.changes).map((c) => [c.assetName, c.cell, c.field, c.before, c.after]),
      apart: p.apart,
      errors: p.errors,
      warnings: p.warnings,
      counts: p.counts
    });
    const [whole, ...paged] = previews.map(listed);
    for (const p of paged) expect(p).toEqual(whole);
    expect(whole!.changes.map(([name, , field, , after]) => [name, field, after])).toEqual([
      ['vm-1', 'A', 'Bob Chen'],
      ['vm-2', 'owner', 'Alice Martin'],
      ['vm-3', 'note', 'third'],
      ['vm-7', 'I', 'Alice Martin'],
      ['vm-8', 'owner', 'Bob Chen']
    ]);
    // Each of vm-5's RACI rows, then the row typed in.
    const removed = `asset #${id5} is not in this workbook (it was removed, or the row was added by hand)`;
    const layers = assetDetail(t.wb, t.ctx, id1).layers.length;
    expect(whole!.apart.map((a) => [a.assetName, a.reason])).toEqual([
      ...Array.from({ length: layers }, () => ['vm-5', removed]),
      ['typed in', 'no asset id: a row added by hand (add the asset in Demarc, then export again)']
    ]);
    expect(whole!.errors).toEqual([]);
    t.close();
  });
});
