/**
 * Benchmark: workshop mode on a 100k-asset workbook built by the import (a generated
 * `az resource list`), owners from a dozen teams on most assets and explicit RACI on a few, as
 * before a workshop. A child process opens the workbook and loads its engine state (as the app
 * does on opening), then measures, so its peak RSS is the measuring process's own:
 * (a) grouping the whole workbook into decision groups (what "Start a workshop" previews and
 *     freezes) against a floor: a plain loop keying the same 100k assets by type and owner in a Map;
 * (b) a step of the walk as main answers it (the layer's published cell, the RACI in force over
 *     the group's assets, its findings) on the largest group, layer after layer: median and p95;
 * (c) stepping to the next layer in the built renderer, in a third process: bench/workshop-ui.bench.ts
 *     run on this workbook (needs `npx electron-vite build` first; skipped with --no-renderer).
 * Figures only: never asserted.
 */
import './resolve-from-cwd';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_MODELS, DEFAULT_MODEL_ID } from '@core/models';
import type { ServiceContext } from '@main/services/context';
import { applyImport } from '@main/import/import-service';
import { closeWorkbook, createWorkbook, openWorkbook } from '@main/services/workbook-service';
import { workshopStep } from '@main/services/workshop/workshop-step';
import { previewWorkshop, startWorkshop } from '@main/services/workshop/workshops';
import { generateAzResourceList } from './import-gen';

const flag = (name: string, fallback: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const ASSETS = Number(flag('assets', '100000'));
const RUNS = 5;
const ctx: ServiceContext = { clock: () => '2026-03-01T00:00:00.000Z', osUser: 'bench' };
const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
const median = (xs: number[]): number => sorted(xs)[Math.floor(xs.length / 2)] ?? Number.NaN;
const p95 = (xs: number[]): number => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] ?? Number.NaN;
const ms = (x: number): string => `${x.toFixed(1)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const LAYERS = BUILTIN_MODELS[DEFAULT_MODEL_ID]!.layers.map((l) => l.id);
let seed = 11;
const next = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

async function build(dir: string): Promise<string> {
  const file = join(dir, 'inventory.json');
  writeFileSync(file, generateAzResourceList(ASSETS, 13));
  const path = join(dir, 'bench.demarc');
  const wb = createWorkbook(ctx, { path, organisation: 'Bench' });
  await applyImport(wb, ctx, { paths: [file] });
  wb.db.transaction(() => {
    const party = wb.db.prepare("INSERT INTO parties (name, kind, created_at) VALUES (?, 'team', '2026-01-01')");
    for (let i = 1; i <= 12; i++) party.run(`Team ${i}`);
    const ids = (wb.db.prepare('SELECT id FROM assets').all() as { id: number }[]).map((r) => r.id);
    const teams = (wb.db.prepare("SELECT id FROM parties WHERE kind = 'team'").all() as { id: number }[]).map((r) => r.id);
    const owner = wb.db.prepare('UPDATE assets SET owner_party_id = ? WHERE id = ?');
    const raci = wb.db.prepare('INSERT OR IGNORE INTO raci_assignments (asset_id, layer_id, party_id, role) VALUES (?, ?, ?, ?)');
    for (const id of ids) {
      if (next() < 0.9) owner.run(pick(teams), id);
      if (next() < 0.01) raci.run(id, pick(LAYERS), pick(teams), 'R');
    }
  })();
  closeWorkbook(wb);
  return path;
}

function measure(path: string): void {
  const wb = openWorkbook(ctx, path);
  const loading = performance.now();
  const state = wb.engine.state(ctx);
  void state.findings;
  const loadedRss = process.memoryUsage().rss;
  console.log(`opened ${state.input.assets.length} assets, engine state and findings loaded in ${ms(performance.now() - loading)}; RSS ${mb(loadedRss)}`);

  const floor = (): number => {
    const keys = new Map<string, number>();
    for (const a of state.input.assets) {
      const key = `${a.type ?? ''}|${a.ownerPartyId ?? ''}`;
      keys.set(key, (keys.get(key) ?? 0) + 1);
    }
    return keys.size;
  };
  const grouping: number[] = [];
  const loop: number[] = [];
  let groups = 0;
  floor();
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    groups = previewWorkshop(wb, ctx, { scope: {} }).groups.length;
    grouping.push(performance.now() - t);
    t = performance.now();
    floor();
    loop.push(performance.now() - t);
  }
  const g = median(grouping);
  const f = median(loop);
  console.log(`(a) grouping ${ASSETS / 1000}k assets into ${groups} decision groups: ${ms(g)} (runs ${grouping.map((x) => x.toFixed(0)).join(', ')}); floor (Map keyed by type and owner): ${ms(f)}; ratio ${(g / f).toFixed(1)}`);

  const started = startWorkshop(wb, ctx, { title: 'Bench', heldOn: '2026-03-01', attendees: [state.input.parties.find((p) => p.kind === 'team')!.id], scope: {} });
  const largest = started.groupList[0]!;
  const steps: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (let layer = 0; layer < largest.layers; layer++) {
      const t = performance.now();
      workshopStep(wb, ctx, { id: started.id, group: 0, layer });
      steps.push(performance.now() - t);
    }
  }
  console.log(`(b) a step of the walk on the largest group (${largest.assets} assets), ${steps.length} steps: median ${ms(median(steps))}, p95 ${ms(p95(steps))}`);
  console.log(`peak RSS of the measuring process: ${mb(process.resourceUsage().maxRSS * 1024)} (after opening and loading: ${mb(loadedRss)})`);
  closeWorkbook(wb);
}

async function main(): Promise<void> {
  const child = flag('child', '');
  if (child !== '') return measure(child);
  const dir = mkdtempSync(join(tmpdir(), 'demarc-bench-workshop-'));
  try {
    const started = performance.now();
    const path = await build(dir);
    console.log(`setup: ${ASSETS} assets imported and owned in ${ms(performance.now() - started)}`);
    const out = spawnSync(process.execPath, ['--expose-gc', process.argv[1] ?? '', `--child=${path}`, `--assets=${ASSETS}`], { stdio: 'inherit' });
    if (out.status !== 0) throw new Error(`the measuring process failed (${out.status ?? out.signal ?? '?'})`);
    if (process.argv.includes('--no-renderer')) return;
    // The workshop (b) started is in the file: the renderer walks it.
    const ui = spawnSync(process.execPath, ['scripts/bench.mjs', 'workshop-ui', '--', `--workbook=${path}`, '--title=Bench'], { stdio: 'inherit' });
    if (ui.status !== 0) throw new Error(`the renderer's measuring process failed (${ui.status ?? ui.signal ?? '?'})`);
  } finally {
    // DEMARC_BENCH_KEEP=1 keeps the workbook (to run `npm run bench -- workshop-ui -- --workbook=FILE` again).
    if (process.env.DEMARC_BENCH_KEEP === '1') console.log(`kept: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
