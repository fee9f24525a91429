/**
 * The export's line spool: lines set aside in a file beside the target and read back in order,
 * as text or as the bytes the content hash takes; removed when disposed.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentHasher } from '@main/export/content-hash';
import { LineSpool } from '@main/export/line-spool';
import { filesIn } from '@tests/helpers/read-back';
import { tempDir } from '@tests/helpers/temp';

describe('LineSpool', () => {
  it('gives back every line in order across chunk edges, multi-byte characters included, and its bytes as lines with breaks', () => {
    const dir = tempDir();
    const spool = new LineSpool(join(dir, 'raci.xlsx'));
    // Several megabytes, so lines and characters straddle the 1 MB chunks.
    const lines = Array.from({ length: 40_000 }, (_, i) => JSON.stringify([i, `Åsa 🦊 ${'x'.repeat(i % 200)}`, i % 7 === 0 ? '' : null]));
    lines.push('');
    for (const line of lines) spool.add(line);
    // Named as the export's temp file (atomic-file.ts), so a killed export's next run removes it.
    expect(filesIn(dir)).toEqual([basename(spool.path)]);
    expect(basename(spool.path)).toMatch(new RegExp(`^\\.raci\\.xlsx\\.${process.pid}\\.[0-9a-f-]{36}\\.partial$`));
    expect([...spool.lines()]).toEqual(lines);
    const copies: Buffer[] = [];
    // A chunk holds until the next is asked for: copied as it comes.
    for (const chunk of spool.chunks()) copies.push(Buffer.from(chunk));
    const bytes = Buffer.concat(copies);
    expect(bytes.toString('utf8')).toBe(lines.map((l) => `${l}\n`).join(''));
    // Read again: a spool can be read more than once.
    expect([...spool.lines()].length).toBe(lines.length);
    spool.dispose();
    expect(existsSync(spool.path)).toBe(false);
    spool.dispose();
    expect(() => spool.add('more')).toThrow('was disposed');
    expect(() => [...spool.lines()]).toThrow('was disposed');
  });

  it('feeds a deferring content hash the same bytes as hashing the lines in order', () => {
    const dir = tempDir();
    const sheet = (name: string) => ({ name, columns: [{ header: 'A', width: 10 }, { header: 'B', width: 10 }] });
    const rows = Array.from({ length: 5000 }, (_, i): (string | number | null)[] => [`row ${i} ✓`, i % 3 === 0 ? null : i]);
    // The straight order: Cover, then the sheet.
    const straight = new ContentHasher();
    straight.sheet(sheet('Cover'));
    straight.row(['Assets', 5000]);
    straight.sheet(sheet('Matrix'));
    for (const row of rows) straight.row(row);
    // Deferred: the sheet's lines first, set aside; the Cover's hashed before them.
    const spool = new LineSpool(join(dir, 'x.xlsx'));
    const deferred = new ContentHasher();
    deferred.defer(spool);
    deferred.sheet(sheet('Matrix'));
    for (const row of rows) deferred.row(row);
    expect(() => deferred.digest()).toThrow('still deferring');
    deferred.resume();
    deferred.sheet(sheet('Cover'));
    deferred.row(['Assets', 5000]);
    deferred.hashDeferred(spool);
    const expected = createHash('sha256')
      .update([JSON.stringify(['Cover', ['A', 'B']]), JSON.stringify(['Assets', 5000]), JSON.stringify(['Matrix', ['A', 'B']]), ...rows.map((r) => JSON.stringify(r))].map((l) => `${l}\n`).join(''))
      .digest('hex');
    expect(straight.digest()).toBe(expected);
    expect(deferred.digest()).toBe(expected);
    spool.dispose();
    expect(filesIn(dir)).toEqual([]);
  });
});
