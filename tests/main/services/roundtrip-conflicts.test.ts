/**
 * Conflicts per cell: the change log since the export's revision says which cells Demarc changed
 * and what they held at the export, so a cell is a conflict only when both sides changed it —
 * shown with its three values — and every other edit of the same asset applies cleanly. The truth
 * table: same cell both sides; different cells of one asset; only Demarc; only the sheet; both to
 * the same value. Edits in the Matrix's columns that are not read back are named in warnings.
 */
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { assetDetail } from '@main/engine/asset-detail';
import { updateAssets } from '@main/services/asset-update';
import { exportWorkbook } from '@main/services/export-service';
import { setNote } from '@main/services/notes';
import { setRaci } from '@main/services/raci-assign';
import { workbookReport } from '@main/services/report';
import { applyRoundTrip, previewRoundTrip } from '@main/services/roundtrip';
import type { OpenWorkbook, ServiceContext } from '@main/services/context';
import type { ReportAsset } from '@shared/report';
import { editExport } from '@tests/helpers/roundtrip-edit';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { tempDir } from '@tests/helpers/temp';
import { wholeReport } from '@tests/helpers/whole-report';
import { createTestWorkbook } from '@tests/helpers/workbook';

function seeded() {
  const t = createTestWorkbook({ organisation: 'Northwind' });
  const [alice, bob, zoe] = seedParties(t.wb.db, [
    { name: 'Alice Martin', kind: 'person' },
    { name: 'Bob Chen', kind: 'person' },
    { name: 'Zoë Ops', kind: 'team' }
  ]);
  const ids = seedAssets(t.wb.db, [
    { name: 'vm-1', serviceModel: 'iaas', ownerPartyId: alice! },
    { name: 'vm-2', serviceModel: 'iaas', ownerPartyId: alice! },
    { name: 'web-1', serviceModel: 'paas', ownerPartyId: bob! }
  ]);
  return { ...t, alice: alice!, bob: bob!, zoe: zoe!, ids };
}

const layerOf = (wb: OpenWorkbook, ctx: ServiceContext, assetId: number, index: number) => assetDetail(wb, ctx, assetId).layers[index]!;
const reportAsset = (wb: OpenWorkbook, ctx: ServiceContext, id: number): ReportAsset => wholeReport(workbookReport(wb, ctx)).assets.find((a) => a.id === id)!;

describe('round-trip conflicts, cell by cell', () => {
  it('settles each cell three ways: both sides, other cells of the same asset, only Demarc, only the sheet', async () => {
    const t = seeded();
    const dir = tempDir();
    const exported = join(dir, 'raci.xlsx');
    await exportWorkbook(t.wb, t.ctx, { format: 'xlsx', path: exported, exportedAt: 'last-change' });
    const l0 = layerOf(t.wb, t.ctx, t.ids[0]!, 0);
    const l1 = layerOf(t.wb, t.ctx, t.ids[0]!, 1);
    const vm2AtExport = reportAsset(t.wb, t.ctx, t.ids[1]!);
    const edited = join(dir, 'edited.xlsx');
    const cells = await editExport(exported, edited, [
      // vm-1: the same cell both sides, and another cell of the same asset only in the sheet.
      { sheet: 'RACI', assetId: t.ids[0]!, layer: l0.title, header: 'A', value: 'Bob Chen' },
      { sheet: 'RACI', assetId: t.ids[0]!, layer: l1.title, header: 'Comments', value: 'Sheet note' },
      // vm-2: both sides to the same value.
      { sheet: 'RACI', assetId: t.ids[1]!, layer: l1.title, header: 'C', value: 'bob chen' },
      // web-1: only in the sheet.
      { sheet: 'RACI', assetId: t.ids[2]!, layer: layerOf(t.wb, t.ctx, t.ids[2]!, 0).title, header: 'A', value: 'Alice Martin' },
      // Columns that are not read back.
      { sheet: 'Matrix', assetId: t.ids[2]!, header: 'Model', value: 'aws' },
      { sheet: 'Matrix', assetId: t.ids[1]!, header: `A: ${l0.title}`, value: 'Zoë Ops' }
    ]);
    // Meanwhile, in Demarc.
    setRaci(t.wb, t.ctx, { assetId: t.ids[0]!, layerId: l0.layerId, roles: { A: [t.zoe] } });
    setNote(t.wb, t.ctx, { assetId: t.ids[1]!, layerId: l0.layerId, note: 'Demarc note' });
    setRaci(t.wb, t.ctx, { assetId: t.ids[1]!, layerId: l1.layerId, roles: { C: [t.bob] } });
    updateAssets(t.wb, t.ctx, { filter: { ids: [t.ids[1]!] }, set: { serviceModel: 'paas' } });
    const vm2Now = reportAsset(t.wb, t.ctx, t.ids[1]!);

    const preview = await previewRoundTrip(t.wb, t.ctx, { path: edited, anyWorkbook: false, createParties: false });
    expect(preview.errors).toEqual([]);
    expect(preview.revisionMoved).toBe(true);
    const changes = preview.groups.flatMap((g) => g.changes);
    expect(changes.map((c) => [c.cell, c.field, c.before, c.after, c.conflict === null ? null : [c.conflict.atExport, c.conflict.inDemarc, c.conflict.inSheet]])).toEqual([
      [cells[0], 'A', 'Zoë Ops', 'Bob Chen', ['Alice Martin', 'Zoë Ops', 'Bob Chen']],
      [cells[1], 'note', null, 'Sheet note', null],
      [cells[3], 'A', 'Bob Chen', 'Alice Martin', null]
    ]);
    expect(changes[0]!.conflict).toMatchObject({ atExportKnown: true });
    expect(changes[0]!.conflict!.changedBy).toHaveLength(1);
    expect(changes[0]!.conflict!.changedBy[0]).toContain('RACI of');
    // Only Demarc: vm-2's note, its service model and the responsibilities that follow from it keep Demarc's values.
    const fields = ['responsibility', 'justification', 'R', 'A', 'C', 'I', 'note'] as const;
    const cellsOf = (a: ReportAsset) => [a.serviceModel, a.owner, ...a.layers.flatMap((l) => fields.map((f) => JSON.stringify(l[f])))];
    const atExport = cellsOf(vm2AtExport);
    const differing = cellsOf(vm2Now).filter((value, i) => value !== atExport[i]).length;
    expect(vm2Now.layers.some((l, i) => l.responsibility !== vm2AtExport.layers[i]!.responsibility)).toBe(true);
    // Every cell Demarc changed on vm-2, but its C on the second layer, which the sheet changed alike.
    expect(preview.counts).toMatchObject({ changes: 3, assets: 2, conflicts: 1, demarcOnly: differing - 1 });
    // The Matrix's Model and Accountable columns are not read back: each edit is named by its cell.
    expect(preview.warnings.find((w) => w.includes("Model column"))).toContain(`${cells[4]} (web-1, "Model": "aws")`);
    expect(preview.warnings.find((w) => w.includes('Accountable column'))).toContain(`${cells[5]} (vm-2, "A: ${l0.title}": "Zoë Ops")`);

    expect(() => applyRoundTrip(t.wb, t.ctx, { token: preview.token, reject: [], resolve: {} })).toThrow(/1 conflict left open/);
    applyRoundTrip(t.wb, t.ctx, { token: preview.token, reject: [], resolve: { [changes[0]!.id]: 'sheet' } });
    expect(layerOf(t.wb, t.ctx, t.ids[0]!, 0).names.A).toEqual(['Bob Chen']);
    expect(layerOf(t.wb, t.ctx, t.ids[0]!, 1).note?.text).toBe('Sheet note');
    expect(layerOf(t.wb, t.ctx, t.ids[2]!, 0).names.A).toEqual(['Alice Martin']);
    expect(reportAsset(t.wb, t.ctx, t.ids[1]!)).toEqual(vm2Now);
    expect(reportAsset(t.wb, t.ctx, t.ids[2]!).modelId).not.toBe('aws');

    // A second sheet from the same export meets the round trip just applied: its value at the export
    // is found by rewinding through the apply's own change-log entry.
    const other = join(dir, 'other.xlsx');
    const [otherCell] = await editExport(exported, other, [{ sheet: 'RACI', assetId: t.ids[0]!, layer: l1.title, header: 'Comments', value: 'Other note' }]);
    const again = await previewRoundTrip(t.wb, t.ctx, { path: other, anyWorkbook: false, createParties: false });
    const [conflict] = again.groups.flatMap((g) => g.changes).filter((c) => c.cell === otherCell);
    expect(conflict!.conflict).toMatchObject({ atExport: null, atExportKnown: true, inDemarc: 'Sheet note', inSheet: 'Other note' });
    expect(conflict!.conflict!.changedBy.join(' ')).toContain('edited.xlsx');
    t.close();
  });

  it('compares a page of assets at a time by id, whatever the order of the sheet\'s rows', async () => {
    const t = seeded();
    const dir = tempDir();
    const exported = join(dir, 'raci.xlsx');
    await exportWorkbook(t.wb, t.ctx, { format: 'xlsx', path: exported, exportedAt: 'last-change' });
    const l0 = layerOf(t.wb, t.ctx, t.ids[0]!, 0);
    const l2 = layerOf(t.wb, t.ctx, t.ids[0]!, 2);
    const edited = join(dir, 'sorted.xlsx');
    // A participant sorts both sheets the other way round, then edits.
    const reverse = (sheet: ExcelJS.Worksheet) => {
      const rows: ExcelJS.CellValue[][] = [];
      for (let r = 2; r <= sheet.rowCount; r++) rows.push((sheet.getRow(r).values as ExcelJS.CellValue[]).slice(1));
      rows.reverse().forEach((values, i) => {
        const row = sheet.getRow(i + 2);
        for (let c = 1; c <= sheet.columnCount; c++) row.getCell(c).value = values[c - 1] ?? null;
      });
    };
    await editExport(exported, edited, [], (wb) => ['RACI', 'Matrix'].forEach((name) => reverse(wb.getWorksheet(name)!)));
    const sortedEdited = join(dir, 'sorted-edited.xlsx');
    await editExport(edited, sortedEdited, [
      { sheet: 'RACI', assetId: t.ids[0]!, layer: l0.title, header: 'A', value: 'Bob Chen' },
      { sheet: 'RACI', assetId: t.ids[2]!, layer: l2.title, header: 'I', value: 'Zoe Ops' },
      { sheet: 'RACI', assetId: t.ids[1]!, layer: l0.title, header: 'Comments', value: 'Read on another page' },
      { sheet: 'Matrix', assetId: t.ids[0]!, header: 'Owner', value: 'Bob Chen' }
    ]);
    setRaci(t.wb, t.ctx, { assetId: t.ids[0]!, layerId: l0.layerId, roles: { A: [t.zoe] } });
    const whole = await previewRoundTrip(t.wb, t.ctx, { path: sortedEdited, anyWorkbook: false, createParties: false });
    // Two assets a page: every page boundary falls inside the sheet, an asset's rows are read on several pages.
    const paged = await previewRoundTrip(t.wb, t.ctx, { path: sortedEdited, anyWorkbook: false, createParties: false }, { pageSize: 2 });
    const listed = (p: typeof whole) => p.groups.flatMap((g) => g.changes).map((c) => [c.cell, c.field, c.before, c.after, c.conflict?.atExport ?? null]);
    expect(listed(paged)).toEqual(listed(whole));
    expect(listed(paged).map(([, field]) => field)).toEqual(['owner', 'A', 'note', 'I']);
    expect(paged.groups.flatMap((g) => g.changes)[1]!.conflict).toMatchObject({ atExport: 'Alice Martin', inDemarc: 'Zoë Ops', inSheet: 'Bob Chen' });
    expect({ ...paged.counts }).toEqual({ ...whole.counts });
    expect(paged.errors).toEqual([]);
    t.close();
  });
});
