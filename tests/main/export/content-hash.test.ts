import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tallyOf } from '@core/export-model';
import { ContentHasher, jsonLines, sourceContentHash } from '@main/export/content-hash';
import { writeXlsx } from '@main/export/xlsx-writer';
import { tempDir } from '@tests/helpers/temp';
import { readWorkbook, sheetNames, sheetRows } from '@tests/helpers/read-back';
import { buildChangeLog, buildTestReport, exportInput } from '@tests/helpers/report-builder';

const EXPORT_ROWS = new Set(['Exported at', 'Exported by', 'Logical-content SHA-256']);

/** The content hash of a report and change log in memory (the CSV export's way: a pass of its own). */
function contentHashOf({ source }: ReturnType<typeof exportInput>): string {
  return sourceContentHash(source, tallyOf(source));
}

describe('sourceContentHash', () => {
  it('can be recomputed from the xlsx alone, as the Cover documents it', async () => {
    const report = buildTestReport({ assets: 9 });
    const changeLog = buildChangeLog(11);
    const path = join(tempDir(), 'raci.xlsx');
    // Split sheets too: continuation sheets count as one.
    const result = await writeXlsx(exportInput(report, changeLog), {
      path,
      exportedAt: '2026-11-28T09:00:00.000Z',
      exportedBy: 'Jane Doe',
      maxRowsPerSheet: 7
    });
    const wb = await readWorkbook(path);
    const lines: string[] = [];
    let current = '';
    for (const name of sheetNames(wb)) {
      const sheet = wb.getWorksheet(name)!;
      const base = name.replace(/ \(\d+\)$/, '');
      const [header, ...rows] = sheetRows(sheet);
      if (base !== current) lines.push(JSON.stringify([base, header]));
      current = base;
      for (const row of rows)
        if (!(base === 'Cover' && EXPORT_ROWS.has(String(row[0])))) lines.push(JSON.stringify(row));
    }
    const recomputed = createHash('sha256')
      .update(lines.map((l) => `${l}\n`).join(''), 'utf8')
      .digest('hex');
    expect(recomputed).toBe(result.contentSha256);
    const coverParts = sheetNames(wb).filter((n) => n.startsWith('Cover'));
    const cover = new Map(coverParts.flatMap((n) => sheetRows(wb.getWorksheet(n)!)).map(([k, v]) => [k, v]));
    expect(cover.get('Logical-content SHA-256')).toBe(recomputed);
    expect(wb.description).toContain(recomputed);
    expect(contentHashOf(exportInput(report, changeLog))).toBe(recomputed);
  });

  it('ignores who exported and when, but not the content', () => {
    const report = buildTestReport({ assets: 4 });
    const base = contentHashOf(exportInput(report, []));
    expect(contentHashOf(exportInput(structuredClone(report), []))).toBe(base);
    const changed = structuredClone(report);
    changed.assets[0]!.layers[0]!.R = ['Someone else'];
    expect(contentHashOf(exportInput(changed, []))).not.toBe(base);
    expect(contentHashOf(exportInput(report, buildChangeLog(1)))).not.toBe(base);
    const renamed = structuredClone(report);
    renamed.workbook.organisation = 'Other Ltd';
    expect(contentHashOf(exportInput(renamed, []))).not.toBe(base);
  });

  it('hashes rows in batches to the same lines as one JSON text per row, a cell holding "],[" included', () => {
    // 600 rows: two full batches and a part; the seam text sits in a cell of the second batch, at
    // a cell's start, middle and end, beside escapes and multi-byte text.
    const rows = Array.from({ length: 600 }, (_, i): (string | number | null)[] => [`asset ${i} ✓`, i, i % 5 === 0 ? null : 'customer', 'say "hi"\n\\']);
    rows[300] = ['],[', 'a],[b', 'end],[', 1.5, null];
    rows[301] = [];
    const expected = rows.map((row) => `${JSON.stringify(row)}\n`).join('');
    expect(jsonLines(rows)).toBe(expected);
    expect(jsonLines(rows.slice(0, 300))).toBe(rows.slice(0, 300).map((row) => `${JSON.stringify(row)}\n`).join(''));
    expect(jsonLines([[]])).toBe('[]\n');
    expect(jsonLines([])).toBe('');
    const hasher = new ContentHasher();
    hasher.sheet({ name: 'RACI', columns: [{ header: 'A', width: 10 }] });
    for (const row of rows) hasher.row(row);
    hasher.sheet({ name: 'Findings', columns: [{ header: 'B', width: 10 }] });
    hasher.row(['last']);
    const lines = `${JSON.stringify(['RACI', ['A']])}\n${expected}${JSON.stringify(['Findings', ['B']])}\n${JSON.stringify(['last'])}\n`;
    expect(hasher.digest()).toBe(createHash('sha256').update(lines, 'utf8').digest('hex'));
  });
});
