/**
 * The other copy is a file the user names (issue 23's rules): in the app only a path chosen in
 * this session may be merged or written as a copy (NOT_GRANTED otherwise); a FIFO or a device is
 * refused at once through security/user-files, never waited on (a plain copy of a FIFO hangs
 * main); and every merge field is bounded by the contract.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionGrants } from '@main/security/file-grants';
import { fileCopy, laptop, seededHq } from '@tests/helpers/merge-laptops';
import { cli } from '@tests/helpers/run-cli';
import { sha256File } from '@tests/helpers/temp';

/** HQ reopened as the app opens it (only chosen paths usable), and a plain copy edited on Finance. */
async function appWithCopy() {
  const { hq: seeded, dir, ids, people } = await seededHq();
  const financePath = fileCopy(seeded.path, join(dir, 'finance.demarc'));
  seeded.close();
  const finance = await laptop(financePath, 'finance', '2026-12-02T09:00:00.000Z');
  await finance.call('assets.update', { filter: { ids: [ids['vm-1']!] }, set: { ownerPartyId: people.Bob! } });
  finance.close();
  const hq = await laptop(seeded.path, 'hq', '2026-12-03T09:00:00.000Z', false, new SessionGrants());
  return { hq, dir, financePath };
}

function fifo(dir: string, name: string): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}

describe('the other copy is a file the user chose', () => {
  it('merges only a copy chosen in this session, and saves a copy only where the user chose', async () => {
    const { hq, dir, financePath } = await appWithCopy();
    const bytes = sha256File(hq.path);
    for (const method of ['merge.preview', 'merge.apply'] as const) {
      expect(await hq.refused(method, { path: financePath })).toMatchObject({ code: 'NOT_GRANTED', message: expect.stringMatching(/finance\.demarc.* was not chosen as a workbook in this session/) });
    }
    expect(await hq.refused('workbook.copy', { path: join(dir, 'for-hr.demarc'), label: 'HR' })).toMatchObject({ code: 'NOT_GRANTED' });
    expect(sha256File(hq.path)).toBe(bytes);
    // File › Merge Workbook…'s dialog answer is granted as a workbook: the same request now works.
    hq.files.grant(financePath, 'workbook');
    expect((await hq.call('merge.preview', { path: financePath }))!.counts.theirs).toBeGreaterThan(0);
    expect(await hq.call('merge.apply', { path: financePath })).toMatchObject({ merged: true });
    hq.close();
  });

  it('refuses a FIFO at once (merge and copy, app and CLI), never hanging, the workbook unchanged', async () => {
    const { hq, dir } = await appWithCopy();
    const pipe = fifo(dir, 'pipe.demarc');
    hq.files.grant(pipe, 'workbook');
    const bytes = sha256File(hq.path);
    for (const method of ['merge.preview', 'merge.apply'] as const) {
      expect(await hq.refused(method, { path: pipe })).toMatchObject({ code: 'BAD_FILE', message: '"pipe.demarc": not a regular file (a pipe, a device or a socket cannot be read).' });
    }
    expect(await hq.refused('workbook.copy', { path: pipe, label: 'HR' })).toMatchObject({ code: 'BAD_FILE', message: expect.stringContaining('not a regular file') });
    hq.files.grant('/dev/zero', 'workbook');
    expect(await hq.refused('merge.preview', { path: '/dev/zero' })).toMatchObject({ code: 'BAD_FILE', message: expect.stringContaining('not a regular file') });
    expect(sha256File(hq.path)).toBe(bytes);
    hq.close();
    const run = await cli(['merge', hq.path, pipe]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/pipe\.demarc": not a regular file/);
    expect(sha256File(hq.path)).toBe(bytes);
  });

  it('bounds every merge field: slot names, decisions, rules, the expected head, the label', async () => {
    const { hq, financePath } = await appWithCopy();
    hq.files.grant(financePath, 'workbook');
    const refusals = [
      { path: financePath, decisions: { items: { ['x'.repeat(4501)]: 'theirs' as const } } },
      { path: financePath, decisions: { rules: Array.from({ length: 101 }, () => ({ side: 'ours' as const })) } },
      { path: financePath, decisions: { rules: [{ side: 'theirs' as const, where: { field: 'subscription', value: 'a\u0000b' } }] } },
      { path: financePath, expectedHead: 'not-a-hash' },
      { path: `${financePath}\n` }
    ];
    for (const args of refusals) expect(await hq.refused('merge.apply', args)).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await hq.refused('workbook.copy', { label: 'x'.repeat(201) })).toMatchObject({ code: 'INVALID_INPUT' });
    hq.close();
  });
});
