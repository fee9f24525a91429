/**
 * A full disk, for real: a small tmpfs mounted for the test (CI runs as root; elsewhere the suite
 * says it is skipped). An import into a workbook on it and an export onto it fail with ENOSPC
 * naming the file; the workbook is byte for byte as it was, and no partial file is left.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAzResourceList } from '../../bench/import-gen';
import { ensureBuiltCli, inspectWorkbook, runBin, type BinRun } from '@tests/helpers/cli-process';
import { sha256File } from '@tests/helpers/temp';

const ASSETS = 1000;
/** Root on Linux and allowed to mount (an unprivileged container's root is not): probed once. */
function tmpfsMountable(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'demarc-full-probe-'));
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=65536', 'tmpfs', probe]).status !== 0) return false;
    spawnSync('umount', [probe]);
    return true;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
const canMount = tmpfsMountable();
if (!canMount) console.warn('full-disk suite skipped: mounting a tmpfs needs root with the right to mount');

function ok(run: BinRun, what: string): BinRun {
  if (run.code !== 0) throw new Error(`${what} exited ${run.code ?? run.signal}: ${run.stderr}`);
  return run;
}

/** Runs `body` with a fresh tmpfs of `bytes` mounted at a temp folder, unmounted afterwards. */
async function withTmpfs(bytes: number, body: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-full-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { encoding: 'utf8' });
  expect(mounted.status, mounted.stderr).toBe(0);
  try {
    await body(dir);
  } finally {
    spawnSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!canMount)('a full disk (tmpfs; needs root)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-full-src-'));
  const inventory = join(dir, 'az.json');
  const empty = join(dir, 'empty.demarc');
  const imported = join(dir, 'imported.demarc');

  beforeAll(async () => {
    ensureBuiltCli();
    writeFileSync(inventory, generateAzResourceList(ASSETS, 2311));
    ok(await runBin(['new', empty, '--org', 'Full Disk']), 'new');
    ok(await runBin(['info', empty]), 'info');
    copyFileSync(empty, imported);
    ok(await runBin(['import', imported, inventory]), 'import');
    ok(await runBin(['info', imported]), 'info');
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses an import into a workbook on it, naming the file, and leaves the workbook as it was', async () => {
    // Room for the empty workbook and a little more: not for a thousand assets.
    await withTmpfs(statSync(empty).size + 96 * 1024, async (disk) => {
      const path = join(disk, 'full.demarc');
      copyFileSync(empty, path);
      const before = sha256File(path);
      const run = await runBin(['import', path, inventory]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(path);
      expect(run.stderr).toContain('ENOSPC');
      expect(sha256File(path)).toBe(before);
      expect(readdirSync(disk)).toEqual(['full.demarc']);
      ok(await runBin(['info', path]), 'info after ENOSPC');
      expect(inspectWorkbook(path)).toMatchObject({ integrity: 'ok', assets: 0 });
      expect(sha256File(path)).toBe(before);
    });
  }, 120_000);

  it('refuses an export onto it, naming the file, and leaves no partial file and the workbook as it was', async () => {
    const before = sha256File(imported);
    await withTmpfs(128 * 1024, async (disk) => {
      for (const name of ['raci.xlsx', 'raci.csv']) {
        const target = join(disk, name);
        const run = await runBin(['export', imported, '--out', target]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(target);
        expect(run.stderr).toContain('ENOSPC');
        expect(existsSync(target)).toBe(false);
        expect(readdirSync(disk)).toEqual([]);
      }
    });
    expect(sha256File(imported)).toBe(before);
  }, 120_000);
});
