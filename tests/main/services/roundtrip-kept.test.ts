/**
 * The pages a Matrix sheet was compared with, kept for the RACI sheets after it so that each asset
 * is read once: the review is the same whether pages are kept or read again — with assets that
 * hold layers of their own (past the limit or not), a Matrix row a participant deleted (its asset's
 * RACI rows fall between two kept pages) and an asset removed since the export inside a kept page.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiffedAsset } from '@core/roundtrip/shown';
import { assetDetail } from '@main/engine/asset-detail';
import { exportWorkbook } from '@main/services/export-service';
import { setRaci } from '@main/services/raci-assign';
import { previewRoundTrip } from '@main/services/roundtrip';
import { KeptPages } from '@main/services/roundtrip-kept';
import { deleteAssetRows } from '@main/store/repos/assets';
import type { ReportLayer } from '@shared/report';
import type { RoundTripPreview } from '@shared/contract/roundtrip';
import { editExport, rowOf } from '@tests/helpers/roundtrip-edit';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { tempDir } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';

const layer = (title: string): ReportLayer => ({
  layerId: title,
  title,
  responsibility: 'provider',
  published: 'provider',
  overridden: false,
  justification: null,
  note: null,
  R: [],
  A: [],
  C: [],
  I: [],
  defaultRoles: []
});
const asset = (id: number, layers: ReportLayer[]): DiffedAsset => ({ id, name: `a${id}`, modelId: 'm', owner: null, serviceModel: 'iaas', layers, criticality: null, dataClassification: null, environment: null });

describe('pages kept between the Matrix and the RACI sheets', () => {
  it('serves an id inside a kept page, lets go of the pages before it, and stops keeping past the limit or on a page going back', () => {
    const shared = [layer('x'), layer('y')];
    const kept = new KeptPages(3);
    kept.keep(1, 4, [asset(1, shared), asset(3, shared), asset(4, shared)]);
    kept.keep(10, 12, [asset(10, shared), asset(12, [layer('own')])]);
    // Two shared layers and one own: 3 layers, at the limit. One more own layer passes it: not kept, nor anything after.
    kept.keep(20, 21, [asset(20, [layer('own')])]);
    kept.keep(30, 31, [asset(30, shared)]);
    expect(kept.covering(2)).toMatchObject({ from: 1, to: 4 });
    expect(kept.covering(5)).toBeUndefined();
    expect(kept.covering(11)?.assets.map((a) => a.id)).toEqual([10, 12]);
    expect(kept.covering(20)).toBeUndefined();
    expect(kept.covering(30)).toBeUndefined();
    // Pages before 11 were let go.
    expect(kept.covering(3)).toBeUndefined();

    const back = new KeptPages();
    back.keep(10, 20, [asset(10, shared)]);
    back.keep(15, 30, [asset(15, shared)]);
    back.keep(40, 50, [asset(40, shared)]);
    // The page going back is not kept, nor any after it; the first still serves.
    expect(back.covering(16)?.assets.map((a) => a.id)).toEqual([10]);
    expect(back.covering(25)).toBeUndefined();
    expect(back.covering(40)).toBeUndefined();
  });

  it('gives the same review kept or read again, whatever the page size', async () => {
    const t = createTestWorkbook({ organisation: 'Northwind' });
    const [alice] = seedParties(t.wb.db, [
      { name: 'Alice Martin', kind: 'person' },
      { name: 'Bob Chen', kind: 'person' }
    ]);
    const ids = seedAssets(
      t.wb.db,
      Array.from({ length: 9 }, (_, i) => ({ name: `vm-${i + 1}`, serviceModel: 'iaas' as const }))
    ) as [number, number, number, number, number, number, number, number, number];
    const title = (id: number, index: number) => assetDetail(t.wb, t.ctx, id).layers[index]!.title;
    const layerId = assetDetail(t.wb, t.ctx, ids[0]).layers[0]!.layerId;
    // Layers of their own on three assets (the others share theirs).
    for (const id of [ids[1], ids[3], ids[5]]) setRaci(t.wb, t.ctx, { assetId: id, layerId, roles: { A: [alice!] } });
    const dir = tempDir();
    const exported = join(dir, 'raci.xlsx');
    await exportWorkbook(t.wb, t.ctx, { format: 'xlsx', path: exported, exportedAt: 'last-change' });
    const edited = join(dir, 'edited.xlsx');
    const [id1, id2, , id4, id5, , id7, , id9] = ids;
    await editExport(
      exported,
      edited,
      [
        { sheet: 'Matrix', assetId: id2, header: 'Owner', value: 'Bob Chen' },
        { sheet: 'RACI', assetId: id1, layer: title(id1, 1), header: 'C', value: 'Alice Martin' },
        { sheet: 'RACI', assetId: id2, layer: title(id2, 0), header: 'A', value: 'Bob Chen' },
        { sheet: 'RACI', assetId: id4, layer: title(id4, 0), header: 'Comments', value: 'own layer' },
        // vm-5's Matrix row is deleted below: its RACI rows fall between two pages the Matrix read.
        { sheet: 'RACI', assetId: id5, layer: title(id5, 2), header: 'R', value: 'Bob Chen' },
        { sheet: 'RACI', assetId: id9, layer: title(id9, 0), header: 'I', value: 'Alice Martin' },
        { sheet: 'Matrix', assetId: id9, header: 'Owner', value: 'Alice Martin' }
      ],
      (wb) => {
        const matrix = wb.getWorksheet('Matrix')!;
        matrix.spliceRows(rowOf(matrix, id5), 1);
      }
    );
    // vm-7 is removed after the export: inside a kept page's range, its RACI rows are listed apart.
    deleteAssetRows(t.wb.db, [id7]);
    const listed = (p: RoundTripPreview) => ({
      changes: p.groups.flatMap((g) => g.changes).map((c) => [c.assetName, c.cell, c.field, c.before, c.after]),
      apart: p.apart,
      errors: p.errors,
      warnings: p.warnings,
      counts: p.counts,
      newParties: p.newParties
    });
    const previews: ReturnType<typeof listed>[] = [];
    for (const pageSize of [1000, 1, 2, 3]) {
      for (const keptLayers of [undefined, 0, 12]) {
        previews.push(listed(await previewRoundTrip(t.wb, t.ctx, { path: edited, anyWorkbook: false, createParties: false }, { pageSize, keptLayers })));
      }
    }
    const [whole, ...others] = previews;
    for (const other of others) expect(other).toEqual(whole);
    expect(whole!.changes.map(([name, , field, , after]) => [name, field, after])).toEqual([
      ['vm-1', 'C', 'Alice Martin'],
      ['vm-2', 'owner', 'Bob Chen'],
      ['vm-2', 'A', 'Bob Chen'],
      ['vm-4', 'note', 'own layer'],
      ['vm-5', 'R', 'Bob Chen'],
      ['vm-9', 'owner', 'Alice Martin'],
      ['vm-9', 'I', 'Alice Martin']
    ]);
    const layers = assetDetail(t.wb, t.ctx, id1).layers.length;
    expect(whole!.apart.map((a) => a.assetName)).toEqual(Array.from({ length: layers }, () => 'vm-7'));
    expect(whole!.errors).toEqual([]);
    t.close();
  });
});
