/**
 * A writer killed mid-write (kill -9, power cut) cannot remove its temp file: the next write to
 * the same target removes those of processes no longer running, and leaves a live writer's alone.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '@main/export/atomic-file';
import { tempDir } from '@tests/helpers/temp';

/** A pid no process has: above the kernel's largest. */
const GONE = 4_194_305;

describe('writeFileAtomically', () => {
  it('removes the temp files dead writers left beside the target, not a live one’s or another target’s', async () => {
    const dir = tempDir();
    const target = join(dir, 'raci.xlsx');
    const stale = `.raci.xlsx.${GONE}.${randomUUID()}.partial`;
    const live = `.raci.xlsx.${process.ppid}.${randomUUID()}.partial`;
    const other = `.other.xlsx.${GONE}.${randomUUID()}.partial`;
    for (const name of [stale, live, other]) writeFileSync(join(dir, name), 'half');
    await writeFileAtomically(target, undefined, async (sink) => {
      expect(readdirSync(dir)).not.toContain(stale);
      sink.end('whole');
      await Promise.resolve();
    });
    expect(readFileSync(target, 'utf8')).toBe('whole');
    expect(readdirSync(dir).sort()).toEqual([live, other, 'raci.xlsx'].sort());
  });
});
