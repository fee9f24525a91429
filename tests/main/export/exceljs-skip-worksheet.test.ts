/**
 * skipWorksheet (export/exceljs-internals.ts): the round trip skips the sheets it does not read
 * without parsing them. A worksheet streamed before the shared strings waits in a temp file the
 * reader deletes once the caller moves on, so a skipped one must still be read through; left
 * unread, its stream can fail with ENOENT and nobody listening, which took the 100k-asset bench
 * down on a loaded machine (a race on the file's opening this small test does not reproduce: it
 * checks that the skip reads the part through, the reader goes on, and the accessor still exists).
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { skipWorksheet } from '@main/export/exceljs-internals';
import { tempDir } from '@tests/helpers/temp';

describe('skipping a streamed worksheet', () => {
  it('reads the skipped sheets through, so the reader goes on to the next and nothing fails later', async () => {
    const path = join(tempDir(), 'three.xlsx');
    // Streamed with shared strings: they are written last, so the reader defers every sheet to a temp file.
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    for (const name of ['First', 'Skipped', 'Last']) {
      const sheet = writer.addWorksheet(name);
      for (let r = 0; r < 2000; r++) sheet.addRow([`${name} ${r}`, r]).commit();
      sheet.commit();
    }
    await writer.commit();
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), { sharedStrings: 'cache', worksheets: 'emit', entries: 'ignore', styles: 'ignore', hyperlinks: 'ignore' });
    const read: Record<string, number> = {};
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      if (name === 'Skipped') {
        await skipWorksheet(worksheet);
        continue;
      }
      read[name] = 0;
      for await (const row of worksheet) read[name] += row.number > 0 ? 1 : 0;
    }
    await sleep(200);
    expect(read).toEqual({ First: 2000, Last: 2000 });
  });
});
