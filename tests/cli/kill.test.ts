/**
 * kill -9 inside the work of `demarc import`, `demarc assign` (bulk) and `demarc export`, each the
 * real bin in a process of its own, at seeded random moments after its write began (the workbook's
 * journal, the export's temp file appeared). After every kill: the workbook opens, PRAGMA
 * integrity_check is ok, the assets (or owners) are all the old or all the new ones, and when the
 * old, the file is byte for byte what it was; an export leaves nothing or a whole workbook at its
 * target, and its next run leaves no temp file beside it. Small sizes here (CI); more with
 * DEMARC_KILL_ASSETS and DEMARC_KILL_TRIALS.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAzResourceList } from '../../bench/import-gen';
import { ensureBuiltCli, inspectWorkbook, runBin, seededFractions, type BinRun, type KillOnFile } from '@tests/helpers/cli-process';
import { readWorkbook, sheetNames } from '@tests/helpers/read-back';
import { sha256File, tempDir } from '@tests/helpers/temp';

const ASSETS = Number(process.env.DEMARC_KILL_ASSETS ?? 1000);
const TRIALS = Number(process.env.DEMARC_KILL_TRIALS ?? 3);
const SEED = 1307;

function ok(run: BinRun, what: string): BinRun {
  if (run.code !== 0) throw new Error(`${what} exited ${run.code ?? run.signal}: ${run.stderr}`);
  return run;
}

/** Opens the workbook with the app (which rolls back what a killed write left) and reads it. */
async function reopen(path: string): Promise<ReturnType<typeof inspectWorkbook>> {
  const info = ok(await runBin(['info', path, '--json']), 'info after the kill');
  const counted = (JSON.parse(info.stdout) as { counts: { assets: number } }).counts.assets;
  const seen = inspectWorkbook(path);
  expect(seen.integrity).toBe('ok');
  expect(seen.assets).toBe(counted);
  // A journal the kill left behind is gone (rolled back) or was never committed to (its header
  // never written: SQLite ignores it and the next write reuses it).
  const journal = `${path}-journal`;
  if (existsSync(journal)) expect(readFileSync(journal).subarray(0, 8).equals(Buffer.alloc(8))).toBe(true);
  return seen;
}

describe('kill -9 of the CLI', () => {
  // Shared by the trials (tempDir's folders go after each test).
  const dir = mkdtempSync(join(tmpdir(), 'demarc-kill-'));
  const inventory = join(dir, 'az.json');
  const empty = join(dir, 'empty.demarc');
  const imported = join(dir, 'imported.demarc');
  let emptyHash = '';
  let importedHash = '';
  const fraction = seededFractions(SEED);
  /** Kill up to `spreadMs` after the write's journal appears beside `path`. */
  const onJournal = (path: string, spreadMs: number): KillOnFile => ({ dir: dirname(path), match: (n) => n === `${basename(path)}-journal`, delayMs: Math.round(spreadMs * fraction()) });

  beforeAll(async () => {
    ensureBuiltCli();
    writeFileSync(inventory, generateAzResourceList(ASSETS, SEED));
    ok(await runBin(['new', empty, '--org', 'Kill Test']), 'new');
    ok(await runBin(['info', empty]), 'info');
    emptyHash = sha256File(empty);
    copyFileSync(empty, imported);
    ok(await runBin(['import', imported, inventory]), 'import');
    ok(await runBin(['parties', imported, 'add', 'Ops team', '--kind', 'team']), 'parties add');
    ok(await runBin(['info', imported]), 'info');
    importedHash = sha256File(imported);
    expect(inspectWorkbook(imported)).toMatchObject({ integrity: 'ok', assets: ASSETS, owned: 0 });
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('during an import: no assets or all of them, and no assets means the file is as it was', async () => {
    let inside = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const path = join(dir, `import-${trial}.demarc`);
      copyFileSync(empty, path);
      const run = await runBin(['import', path, inventory], { killOnFile: onJournal(path, 40) });
      const began = existsSync(`${path}-journal`);
      const seen = await reopen(path);
      expect([0, ASSETS]).toContain(seen.assets);
      if (seen.assets === 0) expect(sha256File(path)).toBe(emptyHash);
      if (run.signal === 'SIGKILL' && began && seen.assets === 0) inside++;
    }
    // At least one kill landed inside the write's transaction, which left nothing behind.
    expect(inside).toBeGreaterThan(0);
  }, 600_000);

  it('during a bulk assign: no owners or all of them, and no owners means the file is as it was', async () => {
    let inside = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const path = join(dir, `assign-${trial}.demarc`);
      copyFileSync(imported, path);
      const run = await runBin(['assign', path, '--where', 'owner=none', '--owner', 'Ops team'], { killOnFile: onJournal(path, 20) });
      const began = existsSync(`${path}-journal`);
      const seen = await reopen(path);
      expect(seen.assets).toBe(ASSETS);
      expect([0, ASSETS]).toContain(seen.owned);
      if (seen.owned === 0) expect(sha256File(path)).toBe(importedHash);
      if (run.signal === 'SIGKILL' && began && seen.owned === 0) inside++;
    }
    expect(inside).toBeGreaterThan(0);
  }, 600_000);

  it('during an export: the workbook is unchanged, the target is nothing or whole, the next run leaves no temp file', async () => {
    let leftTemp = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const out = tempDir('demarc-kill-export-');
      const target = join(out, 'raci.xlsx');
      const run = await runBin(['export', imported, '--out', target], {
        // Killed within 200 ms of the temp file appearing: on a fast, idle machine an export can
        // still finish first, which is a whole export (checked below), not a failure.
        killOnFile: { dir: out, match: (n) => n.endsWith('.partial'), delayMs: Math.round(200 * fraction()) }
      });
      if (run.signal !== 'SIGKILL') expect(run.code, run.stderr).toBe(0);
      expect(sha256File(imported)).toBe(importedHash);
      if (existsSync(target)) expect(sheetNames(await readWorkbook(target))).toContain('Change log');
      if (readdirSync(out).some((n) => n.endsWith('.partial'))) leftTemp++;
      ok(await runBin(['export', imported, '--out', target]), 'export after the kill');
      expect(readdirSync(out)).toEqual(['raci.xlsx']);
      expect(sheetNames(await readWorkbook(target))).toContain('Change log');
    }
    // The killed export's temp file was there, and the next run took it away.
    expect(leftTemp).toBeGreaterThan(0);
    expect(sha256File(imported)).toBe(importedHash);
  }, 600_000);
});
