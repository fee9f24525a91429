/**
 * The xlsx export's first pass (src/main/export/xlsx-first-pass.ts): the Matrix, the tally and
 * the findings from one read of each page, the findings and the Matrix's hash lines set aside in
 * files beside the target. Written from a real workbook read in pages of any size, the workbook
 * is the same part for part, its content hash is the one a separate pass computes, and nothing
 * is left beside it, whether it finishes or is stopped after the first pass. The progress total
 * counts the Matrix and RACI rows from the first row on (counted in SQL before the pass); the
 * findings and By party rows join it when the first pass has counted them.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tallyOf, type ExportSource } from '@core/export-model';
import { sourceContentHash } from '@main/export/content-hash';
import { writeXlsx } from '@main/export/xlsx-writer';
import type { OpenWorkbook, ServiceContext } from '@main/services/context';
import { exportSource, exportWorkbook, plannedRows } from '@main/services/export-service';
import { setNote } from '@main/services/notes';
import { setOverride } from '@main/services/overrides';
import { workbookReport } from '@main/services/report';
import { seedExportWorkbook } from '@tests/helpers/export-seed';
import { filesIn, zipEntries } from '@tests/helpers/read-back';
import { seedAssets } from '@tests/helpers/seed';
import { tempDir } from '@tests/helpers/temp';
import { wholeReport } from '@tests/helpers/whole-report';
import { createTestWorkbook } from '@tests/helpers/workbook';

const OPTIONS = { exportedAt: '2026-12-07T09:00:00.000Z', exportedBy: 'Jane Doe', identity: { workbookId: 'wb-1', revision: 7 } };

/** The export's source over the workbook's pages of `pageSize` assets. */
function pagedSource(wb: OpenWorkbook, ctx: ServiceContext, pageSize: number): ExportSource {
  const { assetPages, findingPages, pages, raciPages } = workbookReport(wb, ctx, pageSize);
  return { ...exportSource(wb, ctx), assetPages, findingPages, pages, ...(raciPages ? { raciPages } : {}) };
}

function plannedOf(source: ExportSource): { assets: number; raciRows: number } {
  const tally = tallyOf(source);
  return { assets: tally.cover.assets, raciRows: tally.raciRows };
}

describe('the xlsx first pass', () => {
  it('writes the same workbook from pages of any size, with the content hash of a separate pass, and leaves only the file', async () => {
    const t = createTestWorkbook({ organisation: 'Northwind' });
    await seedExportWorkbook(t.wb, t.ctx);
    const whole = wholeReport(workbookReport(t.wb, t.ctx));
    // Several pages, findings on some of them only.
    expect(whole.assets.length).toBeGreaterThan(6);
    expect(whole.findings.length).toBeGreaterThan(0);
    expect(new Set(whole.findings.map((f) => f.assetId)).size).toBeLessThan(whole.assets.length);
    const dir = tempDir();
    const written = [];
    // The RACI table read from the leaner RACI pages, and (the last) from the whole entries.
    const { raciPages: lean, ...wholeEntries } = pagedSource(t.wb, t.ctx, 3);
    expect(lean).toBeDefined();
    for (const [pageSize, source] of [
      [1000, pagedSource(t.wb, t.ctx, 1000)],
      [1, pagedSource(t.wb, t.ctx, 1)],
      [3, pagedSource(t.wb, t.ctx, 3)],
      ['3-whole-entries', wholeEntries]
    ] as const) {
      const path = join(dir, `pages-of-${pageSize}.xlsx`);
      const result = await writeXlsx({ source, planned: plannedOf(source) }, { ...OPTIONS, path });
      expect(result.contentSha256).toBe(sourceContentHash(source, tallyOf(source)));
      written.push(path);
    }
    const [one, ...others] = written.map((path) => zipEntries(path));
    for (const other of others) expect(other).toEqual(one);
    expect(filesIn(dir)).toEqual(['pages-of-1.xlsx', 'pages-of-1000.xlsx', 'pages-of-3-whole-entries.xlsx', 'pages-of-3.xlsx']);
    t.wb.db.close();
  });

  it('leaves nothing beside the target when stopped after the first pass', async () => {
    const t = createTestWorkbook({ organisation: 'Northwind' });
    await seedExportWorkbook(t.wb, t.ctx);
    const source = pagedSource(t.wb, t.ctx, 2);
    const planned = plannedOf(source);
    const dir = tempDir();
    const controller = new AbortController();
    let stoppedAt = 0;
    const writing = writeXlsx(
      { source, planned },
      {
        ...OPTIONS,
        path: join(dir, 'stopped.xlsx'),
        signal: controller.signal,
        onProgress: (done) => {
          // Past the Model and the Matrix: the first pass is over, its files are in use.
          if (done > planned.assets + 20 && stoppedAt === 0) {
            stoppedAt = done;
            controller.abort(new Error('stopped'));
          }
        }
      }
    );
    await expect(writing).rejects.toThrow('stopped');
    expect(stoppedAt).toBeGreaterThan(planned.assets);
    expect(filesIn(dir)).toEqual([]);
    t.wb.db.close();
  });

  it('counts the Matrix and RACI rows before reading a page: models of different sizes, and a model the workbook lacks', async () => {
    const t = createTestWorkbook({ organisation: 'Northwind' });
    seedAssets(t.wb.db, [
      { name: 'vm-1', serviceModel: 'iaas' },
      { name: 'vm-2', serviceModel: 'iaas' },
      { name: 'db-1', serviceModel: 'paas' },
      { name: 'gce-1', serviceModel: 'iaas', modelId: 'google-cloud-2023-08' },
      { name: 'gce-2', serviceModel: 'iaas', modelId: 'google-cloud-2023-08' },
      { name: 'lost-1', serviceModel: 'iaas', modelId: 'no-such-model' }
    ]);
    const events: { phase: string; done: number; total: number | null }[] = [];
    const path = join(tempDir(), 'planned.xlsx');
    const result = await exportWorkbook(t.wb, t.ctx, { format: 'xlsx', path, exportedAt: 'last-change', onProgress: (phase, done, total) => events.push({ phase, done, total }) });
    const report = wholeReport(workbookReport(t.wb, t.ctx));
    const layerCounts = new Set(report.assets.map((a) => a.layers.length));
    expect(layerCounts.size).toBe(2);
    expect(plannedRows(t.wb, t.ctx)).toEqual({ assets: 6, raciRows: report.assets.reduce((n, a) => n + a.layers.length, 0) });
    const writing = events.filter((e) => e.phase === 'writing');
    // The findings and By party rows join the total when the first pass has counted them.
    expect(writing[0]!.total).toBeLessThan(result.rows);
    expect(writing.at(-1)).toEqual({ phase: 'writing', done: result.rows, total: result.rows });
    for (const e of writing) expect(e.done).toBeLessThanOrEqual(e.total!);
    t.wb.db.close();
  });

  it("reads the RACI table's pages no further than the table needs: the same layers, names and attributes as the whole entries", () => {
    const t = createTestWorkbook({ organisation: 'Northwind' });
    const ids = seedAssets(t.wb.db, [
      { name: 'vm-1', serviceModel: 'iaas', criticality: 'high', environment: 'production', tags: { env: 'prod' } },
      { name: 'db-1', serviceModel: 'paas', dataClassification: 'confidential' },
      { name: 'gce-1', serviceModel: 'iaas', modelId: 'google-cloud-2023-08' },
      { name: 'lost-1', serviceModel: 'iaas', modelId: 'no-such-model' },
      { name: 'bare-1', serviceModel: null }
    ]);
    setNote(t.wb, t.ctx, { assetId: ids[0]!, layerId: 'customer-data', note: 'Checked with the DPO' });
    setOverride(t.wb, t.ctx, { assetId: ids[1]!, layerId: 'physical-hosts', responsibility: 'shared', justification: 'Dedicated host' });
    const source = workbookReport(t.wb, t.ctx, 2);
    const lean = [...(source.raciPages?.() ?? [])].flat();
    const whole = [...source.assetPages()].flat().map(({ id, name, criticality, dataClassification, environment, layers }) => ({ id, name, criticality, dataClassification, environment, layers }));
    expect(lean).toEqual(whole);
    expect(lean.map((e) => e.layers.length)).toEqual(whole.map((e) => e.layers.length));
    expect(lean[0]).toMatchObject({ criticality: 'high', environment: 'production' });
    expect(lean[0]!.layers.find((l) => l.layerId === 'customer-data')?.note).toBe('Checked with the DPO');
    expect(lean[1]!.layers.find((l) => l.layerId === 'physical-hosts')).toMatchObject({ responsibility: 'shared', overridden: true });
    t.wb.db.close();
  });
});
