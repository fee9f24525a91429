/**
 * The `demarc` bin run as its own process (as a user runs it), for the suites that kill it or
 * starve it of disk: build it once, run it to the end, or kill -9 it after a delay.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export const BIN = join(process.cwd(), 'bin', 'demarc.js');

/** Builds out/cli/demarc.cjs (what the bin runs) when it is missing. */
export function ensureBuiltCli(): void {
  if (existsSync(join(process.cwd(), 'out', 'cli', 'demarc.cjs'))) return;
  const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);
}

export interface BinRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Kill the bin `delayMs` after a file whose name passes `match` appears in `dir`. */
export interface KillOnFile {
  dir: string;
  match: (name: string) => boolean;
  delayMs: number;
}

/**
 * Runs the bin with `args`; with `killOnFile`, sends SIGKILL a while after the file appears (a
 * write's journal, an export's temp file), so the kill lands inside the work, not in startup.
 */
export function runBin(args: string[], options: { killOnFile?: KillOnFile; env?: Record<string, string> } = {}): Promise<BinRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, DEMARC_USER: 'kill-tester', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const kill = options.killOnFile;
  let delayed: NodeJS.Timeout | null = null;
  const poll = kill
    ? setInterval(() => {
        if (delayed !== null || !readdirSync(kill.dir).some(kill.match)) return;
        delayed = setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
      }, 1)
    : null;
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (poll) clearInterval(poll);
      if (delayed) clearTimeout(delayed);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** What a workbook file holds, read directly with SQLite (after the app has opened it once). */
export function inspectWorkbook(path: string): { integrity: string; assets: number; owned: number; changes: number } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      assets: db.prepare('SELECT count(*) FROM assets').pluck().get() as number,
      owned: db.prepare('SELECT count(*) FROM assets WHERE owner_party_id IS NOT NULL').pluck().get() as number,
      changes: db.prepare('SELECT count(*) FROM change_log').pluck().get() as number
    };
  } finally {
    db.close();
  }
}

/** A seeded generator of delays (mulberry32), so a failing trial reproduces. */
export function seededFractions(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
