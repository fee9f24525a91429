import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCEL_MAX_CELL_CHARS } from '@core/spreadsheet-safe';
import { writeXlsx } from '@main/export/xlsx-writer';
import { tempDir } from '@tests/helpers/temp';
import { filesIn, readWorkbook, sheetNames, sheetRows, snapshot } from '@tests/helpers/read-back';
import { buildChangeLog, buildTestReport, exportInput } from '@tests/helpers/report-builder';

const base = { exportedAt: '2026-11-28T09:00:00.000Z', exportedBy: 'Jane Doe' };

describe('Excel limits', () => {
  it('continues a sheet past maxRowsPerSheet on "Name (2)"... with the header repeated', async () => {
    const report = buildTestReport({ assets: 2 });
    const path = join(tempDir(), 'split.xlsx');
    const result = await writeXlsx(exportInput(report, buildChangeLog(9)), { ...base, path, maxRowsPerSheet: 5 });
    const wb = await readWorkbook(path);
    const names = sheetNames(wb);
    // 20 RACI rows at 4 data rows per sheet: RACI .. RACI (5).
    expect(names.filter((n) => n.startsWith('RACI'))).toEqual([
      'RACI',
      'RACI (2)',
      'RACI (3)',
      'RACI (4)',
      'RACI (5)'
    ]);
    expect(names.filter((n) => n.startsWith('Change log'))).toEqual([
      'Change log',
      'Change log (2)',
      'Change log (3)'
    ]);
    expect(result.sheets).toEqual(names);
    const raciRows = names
      .filter((n) => n.startsWith('RACI'))
      .flatMap((n) => {
        const rows = sheetRows(wb.getWorksheet(n)!, 10);
        expect(rows[0]![0]).toBe('Asset');
        expect(rows.length).toBeLessThanOrEqual(5);
        expect(wb.getWorksheet(n)!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        return rows.slice(1);
      });
    expect(raciRows.map((r) => [r[1], r[2]])).toEqual(
      report.assets.flatMap((a) => a.layers.map((l) => [a.id, l.title]))
    );
    const validations = (wb.getWorksheet('RACI (2)') as unknown as { dataValidations: { model: object } })
      .dataValidations.model;
    expect(Object.keys(validations).sort()).toEqual(
      ['D', 'H', 'I', 'J', 'K'].flatMap((c) => [2, 3, 4, 5].map((r) => `${c}${r}`)).sort()
    );
  });

  it('cuts text over 32,767 characters with a visible marker', async () => {
    const long = 'x'.repeat(40_000);
    const report = buildTestReport({ assets: 1, justification: (_a, l) => (l === 0 ? long : null) });
    const path = join(tempDir(), 'long.xlsx');
    await writeXlsx(exportInput(report, buildChangeLog(1, () => 'y'.repeat(33_000))),
      { ...base, path }
    );
    const wb = await readWorkbook(path);
    const justification = wb.getWorksheet('RACI')!.getCell('G2').value as string;
    expect(justification).toHaveLength(EXCEL_MAX_CELL_CHARS);
    expect(justification).toMatch(/… \[truncated: \d+ characters\]$/);
    // A tall row (capped at Excel's 409 points), every cell top-aligned so nothing reads as the next row's.
    const row = wb.getWorksheet('RACI')!.getRow(2);
    expect(row.height).toBe(409);
    for (const c of [1, 2, 3, 4, 5, 6, 7, 8])
      expect(row.getCell(c).alignment?.vertical, `column ${c}`).toBe('top');
    expect(wb.getWorksheet('RACI')!.getRow(3).height).toBeUndefined();
    const dropped = Number(/truncated: (\d+)/.exec(justification)![1]);
    expect(justification.length - justification.indexOf('…') + (40_000 - dropped)).toBe(EXCEL_MAX_CELL_CHARS);
    const summary = wb.getWorksheet('Change log')!.getCell('F2').value as string;
    expect(summary).toHaveLength(EXCEL_MAX_CELL_CHARS);
    expect(summary.endsWith('characters]')).toBe(true);
  });

  it('is deterministic: two exports of the same report read back cell for cell identical', async () => {
    const dir = tempDir();
    const report = buildTestReport({ assets: 15 });
    const first = await writeXlsx(exportInput(report, buildChangeLog(4)), { ...base, path: join(dir, 'a.xlsx') });
    const second = await writeXlsx(exportInput(structuredClone(report), buildChangeLog(4)), {
      ...base,
      path: join(dir, 'b.xlsx')
    });
    expect(snapshot(await readWorkbook(join(dir, 'b.xlsx')))).toEqual(
      snapshot(await readWorkbook(join(dir, 'a.xlsx')))
    );
    expect(second.contentSha256).toBe(first.contentSha256);
    const later = await writeXlsx(exportInput(report, buildChangeLog(4)), {
      ...base,
      exportedAt: '2026-12-01T00:00:00.000Z',
      path: join(dir, 'c.xlsx')
    });
    // The logical content does not depend on when it was exported.
    expect(later.contentSha256).toBe(first.contentSha256);
  });
});

describe('cancel and failure', () => {
  it('leaves no file and no temp file when aborted mid-way', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    const report = buildTestReport({ assets: 400 });
    let calls = 0;
    const writing = writeXlsx(exportInput(report, buildChangeLog(3)), {
      ...base,
      path: join(dir, 'cancelled.xlsx'),
      signal: controller.signal,
      onProgress: (done, total) => {
        calls += 1;
        if (done > 0 && done < total) controller.abort(new Error('user cancelled'));
      }
    });
    await expect(writing).rejects.toThrow('user cancelled');
    expect(calls).toBeGreaterThan(0);
    expect(filesIn(dir)).toEqual([]);
  });

  it('keeps an existing file untouched when the new export is aborted', async () => {
    const dir = tempDir();
    const path = join(dir, 'raci.xlsx');
    writeFileSync(path, 'previous export');
    const controller = new AbortController();
    const writing = writeXlsx(exportInput(buildTestReport({ assets: 400 }), []), {
      ...base,
      path,
      signal: controller.signal,
      onProgress: () => controller.abort()
    });
    await expect(writing).rejects.toMatchObject({ name: 'AbortError' });
    expect(filesIn(dir)).toEqual(['raci.xlsx']);
    expect(readFileSync(path, 'utf8')).toBe('previous export');
  });

  it('does not start when the signal is already aborted', async () => {
    const dir = tempDir();
    const writing = writeXlsx(exportInput(buildTestReport(), []), {
      ...base,
      path: join(dir, 'x.xlsx'),
      signal: AbortSignal.abort()
    });
    await expect(writing).rejects.toMatchObject({ name: 'AbortError' });
    expect(filesIn(dir)).toEqual([]);
  });

  it('rejects and leaves nothing behind when the target folder does not exist', async () => {
    const dir = tempDir();
    const path = join(dir, 'missing', 'raci.xlsx');
    await expect(writeXlsx(exportInput(buildTestReport(), []), { ...base, path })).rejects.toMatchObject({
      code: 'ENOENT'
    });
    expect(existsSync(path)).toBe(false);
    expect(filesIn(dir)).toEqual([]);
  });
});
