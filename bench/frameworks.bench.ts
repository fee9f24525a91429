/**
 * Benchmark: the framework exports on a 100k-asset workbook built by the import (a generated
 * `az resource list`), with owners on most assets and explicit RACI on a tenth, as after a
 * workshop. A child process opens the workbook and loads its engine state (as the app does on
 * opening), then measures, so its peak RSS is the exporting process's own:
 * (a) the scope's layer tally and every CCM control's ownership (what each export derives)
 *     against a floor: a plain loop over the same 100k × 10 asset × layer pairs, one lookup each;
 * (b) each export end to end (derive, build, write the file): CCM/CAIQ xlsx, FedRAMP Moderate
 *     CIS/CRM xlsx, OSCAL SSP Moderate JSON, and the SSP of one subscription.
 * Figures only: benchmarks report, they never assert times.
 */
import './resolve-from-cwd';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_MODELS, DEFAULT_MODEL_ID } from '@core/models';
import type { ServiceContext } from '@main/services/context';
import { exportFramework } from '@main/services/framework-export';
import { ccmControls, deriveScope } from '@main/services/framework-scope';
import { applyImport } from '@main/import/import-service';
import { closeWorkbook, createWorkbook, openWorkbook } from '@main/services/workbook-service';
import { generateAzResourceList } from './import-gen';

const flag = (name: string, fallback: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const ASSETS = Number(flag('assets', '100000'));
const RUNS = 5;
const ctx: ServiceContext = { clock: () => '2026-03-01T00:00:00.000Z', osUser: 'bench' };
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const ms = (x: number): string => `${x.toFixed(0)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const LAYERS = BUILTIN_MODELS[DEFAULT_MODEL_ID]!.layers.map((l) => l.id);
let seed = 7;
const next = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

/** The workbook: the import of a generated inventory, then owners and some explicit RACI. */
async function build(dir: string): Promise<string> {
  const file = join(dir, 'inventory.json');
  writeFileSync(file, generateAzResourceList(ASSETS, 11));
  const path = join(dir, 'bench.demarc');
  const wb = createWorkbook(ctx, { path, organisation: 'Bench' });
  await applyImport(wb, ctx, { paths: [file] });
  wb.db.transaction(() => {
    const party = wb.db.prepare("INSERT INTO parties (name, kind, created_at) VALUES (?, ?, '2026-01-01')");
    for (let i = 1; i <= 120; i++) party.run(`Party ${i}`, i % 6 === 0 ? 'team' : i % 25 === 0 ? 'third_party' : 'person');
    const ids = (wb.db.prepare('SELECT id FROM assets').all() as { id: number }[]).map((r) => r.id);
    const parties = (wb.db.prepare("SELECT id FROM parties WHERE kind <> 'provider'").all() as { id: number }[]).map((r) => r.id);
    const owner = wb.db.prepare('UPDATE assets SET owner_party_id = ? WHERE id = ?');
    const raci = wb.db.prepare('INSERT OR IGNORE INTO raci_assignments (asset_id, layer_id, party_id, role) VALUES (?, ?, ?, ?)');
    for (const id of ids) {
      if (next() < 0.85) owner.run(pick(parties), id);
      if (next() < 0.1) raci.run(id, pick(LAYERS), pick(parties), next() < 0.5 ? 'A' : 'R');
    }
  })();
  closeWorkbook(wb);
  return path;
}

/** In the child: open, load, measure. */
async function measure(path: string): Promise<void> {
  const wb = openWorkbook(ctx, path);
  const dir = join(path, '..');
  const loading = performance.now();
  const state = wb.engine.state(ctx);
  const loadedRss = process.memoryUsage().rss;
  console.log(`opened ${state.input.assets.length} assets, engine state loaded in ${ms(performance.now() - loading)}; RSS ${mb(loadedRss)}`);

  const owners = new Map(state.input.parties.map((p) => [p.id, p.active]));
  const floor = (): number => {
    let hits = 0;
    for (const a of state.input.assets) for (let l = 0; l < LAYERS.length; l++) if (a.ownerPartyId !== null && owners.get(a.ownerPartyId) === true) hits++;
    return hits;
  };
  floor();
  const derive: number[] = [];
  const loop: number[] = [];
  let controls = 0;
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    controls = ccmControls(deriveScope(wb, ctx, {})).length;
    derive.push(performance.now() - t);
    t = performance.now();
    floor();
    loop.push(performance.now() - t);
  }
  const d = median(derive);
  const f = median(loop);
  console.log(`(a) tally + ${controls} CCM controls over ${ASSETS / 1000}k assets: ${ms(d)}; floor loop over ${ASSETS / 1000}k × ${LAYERS.length} pairs: ${ms(f)}; ratio ${(d / f).toFixed(1)}`);

  const subscription = (wb.db.prepare('SELECT subscription FROM assets WHERE subscription IS NOT NULL LIMIT 1').get() as { subscription: string }).subscription;
  const runs: [string, Parameters<typeof exportFramework>[2]][] = [
    ['CCM/CAIQ xlsx', { framework: 'ccm', scope: {}, baseline: 'moderate', path: join(dir, 'ccm.xlsx'), exportedAt: 'last-change' }],
    ['FedRAMP Moderate xlsx', { framework: 'fedramp', scope: {}, baseline: 'moderate', path: join(dir, 'fedramp.xlsx'), exportedAt: 'last-change' }],
    ['OSCAL SSP Moderate json', { framework: 'oscal-ssp', scope: {}, baseline: 'moderate', path: join(dir, 'ssp.json'), exportedAt: 'last-change' }],
    ['OSCAL SSP of one subscription', { framework: 'oscal-ssp', scope: { subscription }, baseline: 'moderate', path: join(dir, 'ssp-sub.json'), exportedAt: 'last-change' }]
  ];
  for (const [label, request] of runs) {
    const times: number[] = [];
    let assets = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      assets = (await exportFramework(wb, ctx, request)).assets;
      times.push(performance.now() - t);
    }
    console.log(`(b) ${label}: ${ms(median(times))} (${assets} assets in scope, ${(statSync(request.path).size / 1024).toFixed(0)} KB); runs ${times.map((x) => x.toFixed(0)).join(', ')} ms`);
  }
  console.log(`peak RSS of the exporting process: ${mb(process.resourceUsage().maxRSS * 1024)} (after opening and loading: ${mb(loadedRss)})`);
  closeWorkbook(wb);
}

async function main(): Promise<void> {
  const child = flag('child', '');
  if (child !== '') return measure(child);
  const dir = mkdtempSync(join(tmpdir(), 'demarc-bench-frameworks-'));
  try {
    const started = performance.now();
    const path = await build(dir);
    console.log(`setup: ${ASSETS} assets imported, owned and partly assigned in ${ms(performance.now() - started)}`);
    const out = spawnSync(process.execPath, ['--expose-gc', process.argv[1] ?? '', `--child=${path}`, `--assets=${ASSETS}`], { stdio: 'inherit' });
    if (out.status !== 0) throw new Error(`the measuring process failed (${out.status ?? out.signal ?? '?'})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
