/**
 * Benchmark: merging two copies of a 100k-asset workbook (built by the import of a generated
 * `az resource list`), each with 10k assets edited offline (owners, in bulk edits of 100 assets,
 * as a team works through its inventory) and 500 of them edited differently on both sides. Timed:
 * the preview (both files read, lineage, touches, the three-way comparison, rules: the conflict
 * list) and the apply (the same, plus one transaction writing 9.5k of their changes and the 500
 * conflicts decided by rule). Baseline in the same run: re-importing the same 100k inventory with
 * 10k rows changed (the import path writing as many changed rows). Each measurement runs in its
 * own process so its peak RSS is its own. Goals: apply ≤ 2 × the baseline; peak RSS ≤ 400 MB.
 * Figures only: benchmarks report, they never assert times.
 */
import './resolve-from-cwd';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyImport } from '@main/import/import-service';
import { prepareMerge } from '@main/merge/merge-plan';
import { applyMerge } from '@main/merge/merge-service';
import type { ServiceContext } from '@main/services/context';
import { addParty } from '@main/services/parties';
import { updateAssets } from '@main/services/asset-update';
import { closeWorkbook, createWorkbook, openWorkbook } from '@main/services/workbook-service';
import { generateAzResourceList } from './import-gen';

function clock(start: string): () => string {
  let t = Date.parse(start);
  return () => new Date((t += 1000)).toISOString();
}

function flag(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit === undefined ? fallback : hit.slice(name.length + 3);
}

interface Result {
  kind: string;
  seconds: number;
  /** user + system CPU of the child doing the work (2 cores shared by several processes: the steadier ratio). */
  cpuSeconds: number;
  detail: string;
  maxRssMb: number;
}

const EDITS = 10_000;
const CONFLICTS = 500;
const BATCH = 100;

/** Sets owners in bulk edits of BATCH assets: assets [from, from + EDITS) get `owner`. */
function edit(path: string, user: string, start: string, from: number, owner: string): void {
  const ctx: ServiceContext = { clock: clock(start), osUser: user };
  const wb = openWorkbook(ctx, path);
  const ownerId = wb.db.prepare('SELECT id FROM parties WHERE name = ?').pluck().get(owner) as number;
  const ids = wb.db.prepare('SELECT id FROM assets ORDER BY id LIMIT ? OFFSET ?').pluck().all(EDITS, from) as number[];
  for (let i = 0; i < ids.length; i += BATCH) updateAssets(wb, ctx, { filter: { ids: ids.slice(i, i + BATCH) }, set: { ownerPartyId: ownerId } });
  closeWorkbook(wb);
}

/** The two copies, and the inventory file with 10k rows changed for the baseline. */
async function setup(dir: string, file: string): Promise<void> {
  const ctx: ServiceContext = { clock: clock('2026-12-01T00:00:00.000Z'), osUser: 'hq' };
  const base = join(dir, 'base.demarc');
  const wb = createWorkbook(ctx, { path: base, organisation: 'Bench' });
  await applyImport(wb, ctx, { paths: [file] });
  for (const name of ['Alice', 'Bob', 'Carol']) addParty(wb, ctx, { name, kind: 'person' });
  closeWorkbook(wb);
  copyFileSync(base, join(dir, 'theirs.demarc'));
  copyFileSync(base, join(dir, 'ours.demarc'));
  edit(join(dir, 'ours.demarc'), 'ours', '2026-12-02T00:00:00.000Z', 0, 'Bob');
  edit(join(dir, 'theirs.demarc'), 'theirs', '2026-12-03T00:00:00.000Z', EDITS - CONFLICTS, 'Carol');
}

async function child(kind: string): Promise<void> {
  const dir = flag('dir', '');
  const file = flag('file', '');
  if (kind === 'setup') {
    await setup(dir, file);
    console.log(`BENCH_RESULT ${JSON.stringify({ kind, seconds: 0, cpuSeconds: 0, detail: '', maxRssMb: 0 } satisfies Result)}`);
    return;
  }
  const ctx: ServiceContext = { clock: clock('2026-12-04T00:00:00.000Z'), osUser: 'ours' };
  const workbook = join(dir, `${kind}.demarc`);
  copyFileSync(join(dir, kind === 'reimport' ? 'base.demarc' : 'ours.demarc'), workbook);
  const wb = openWorkbook(ctx, workbook);
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let detail: string;
  if (kind === 'preview') {
    const plan = prepareMerge(wb, ctx, join(dir, 'theirs.demarc'), {}).plan;
    detail = `${plan.counts.theirs} of their changes, ${plan.counts.conflicts} conflicts, ${plan.newEntries} new entries`;
  } else if (kind === 'apply') {
    const result = applyMerge(wb, ctx, { path: join(dir, 'theirs.demarc'), decisions: { rules: [{ side: 'theirs' }] } });
    detail = result.summary;
  } else {
    const result = await applyImport(wb, ctx, { paths: [flag('changed', '')] });
    detail = `${result.counts.updated} updated, ${result.counts.unchanged} unchanged`;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  closeWorkbook(wb);
  console.log(`BENCH_RESULT ${JSON.stringify({ kind, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, detail, maxRssMb: process.resourceUsage().maxRSS / 1024 } satisfies Result)}`);
}

function run(kind: string, args: string[]): Result {
  const out = spawnSync(process.execPath, ['--expose-gc', process.argv[1] ?? '', `--child=${kind}`, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = out.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (out.status !== 0 || !line) throw new Error(`${kind} failed (${out.status}): ${out.stderr.slice(-2000)}`);
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as Result;
}

function parent(): void {
  const count = Number(flag('resources', '100000'));
  const reps = Number(flag('reps', '2'));
  // --keep=DIR: set up there once and keep it (profiling a phase: run its child by hand, e.g. with --heap-prof).
  const keep = flag('keep', '');
  if (keep !== '') mkdirSync(keep, { recursive: true });
  const dir = keep === '' ? mkdtempSync(join(tmpdir(), 'demarc-merge-bench-')) : keep;
  try {
    const file = join(dir, 'az.json');
    const text = generateAzResourceList(count, 42);
    writeFileSync(file, text);
    // The baseline's file: the same inventory with 10k rows changed (a tag each).
    const rows = JSON.parse(text) as { tags?: Record<string, string> | null }[];
    for (let i = 0; i < EDITS && i < rows.length; i++) rows[i]!.tags = { ...(rows[i]!.tags ?? {}), merged: 'yes' };
    const changed = join(dir, 'az-changed.json');
    writeFileSync(changed, JSON.stringify(rows));
    console.log(`merge bench: ${count} assets per copy, ${EDITS} owner edits per side in bulk edits of ${BATCH}, ${CONFLICTS} on the same assets; best of ${reps}, each run in its own process`);
    console.log(`load (uptime): ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} cores`);
    const setupStarted = performance.now();
    if (!existsSync(join(dir, 'ours.demarc'))) run('setup', [`--dir=${dir}`, `--file=${file}`]);
    console.log(`setup (import, copies, edits): ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);
    const results: Record<string, Result[]> = { reimport: [], preview: [], apply: [] };
    for (let i = 0; i < reps; i++) {
      for (const kind of ['reimport', 'preview', 'apply']) results[kind]!.push(run(kind, [`--dir=${dir}`, `--changed=${changed}`]));
    }
    const best = (kind: string) => results[kind]!.reduce((x, y) => (y.seconds < x.seconds ? y : x));
    const peak = (kind: string) => Math.max(...results[kind]!.map((r) => r.maxRssMb));
    const base = best('reimport');
    for (const kind of ['reimport', 'preview', 'apply']) {
      const r = best(kind);
      console.log(
        `${kind.padEnd(8)} ${r.seconds.toFixed(2)} s (${(r.seconds / base.seconds).toFixed(2)} × re-import), CPU ${r.cpuSeconds.toFixed(2)} s (${(r.cpuSeconds / base.cpuSeconds).toFixed(2)} × re-import's), peak RSS ${peak(kind).toFixed(0)} MB: ${r.detail}`
      );
    }
    console.log(
      `load at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}; merge ${count === 100_000 ? '100k' : count}: conflict list ${best('preview').seconds.toFixed(2)} s, apply ${best('apply').seconds.toFixed(2)} s, re-import of ${EDITS} changed rows ${base.seconds.toFixed(2)} s, ratio ${(best('apply').seconds / base.seconds).toFixed(2)} (goal ≤ 2), peak RSS ${Math.max(peak('preview'), peak('apply')).toFixed(0)} MB (goal ≤ 400)`
    );
  } finally {
    if (keep === '') rmSync(dir, { recursive: true, force: true });
  }
}

const childKind = process.argv.find((a) => a.startsWith('--child='))?.slice('--child='.length);
if (childKind) {
  child(childKind).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  parent();
}
