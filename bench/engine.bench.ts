/**
 * Benchmark: the responsibility engine on a real 100k-asset workbook file.
 * (a) findings recomputation through the engine state (reload from SQLite + computeFindings;
 *     goal ≤ 500 ms) against a plain loop over the same 100k × 10 asset × layer pairs;
 * (a') one asset's owner set through the service, until that asset's findings are current,
 *     against (a)'s whole recomputation in the same run (goal ≤ 5 % of it): an edit checks only
 *     the assets it touched;
 * (b) bulk assign of 10k assets through the service (one transaction, one change-log entry,
 *     undo step; goal ≤ 300 ms) against a raw UPDATE of the same 10k rows in one transaction;
 * (c) a grid keystroke: one page of assets.list with a text filter over 100k assets.
 * Figures only: benchmarks report, they never assert times.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_MODELS, DEFAULT_MODEL_ID } from '@core/models';
import { listAssetPage } from '@main/engine/query';
import { updateAssets } from '@main/services/asset-update';
import type { ServiceContext } from '@main/services/context';
import { loadEngineInput } from '@main/engine/input';
import { buildEngineState } from '@main/engine/state';
import { findingsSummary, listFindings } from '@main/services/findings';
import { closeWorkbook, createWorkbook } from '@main/services/workbook-service';
import { STANDARD_SERVICE_MODELS, type RaciRole } from '@shared/domain';

const ASSETS = 100_000;
const BULK = 10_000;
const RUNS = 5;

let seed = 42;
const next = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const time = (fn: () => unknown): number => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};
const ms = (x: number): string => `${x.toFixed(1)} ms`;

const dir = mkdtempSync(join(tmpdir(), 'demarc-bench-'));
const ctx: ServiceContext = { clock: () => '2026-03-01T00:00:00.000Z', osUser: 'bench' };
const wb = createWorkbook(ctx, { path: join(dir, 'bench.demarc'), organisation: 'Bench' });

try {
  const model = BUILTIN_MODELS[DEFAULT_MODEL_ID]!;
  const layerIds = model.layers.map((l) => l.id);
  const roles: RaciRole[] = ['R', 'A', 'C', 'I'];
  const types = ['Microsoft.Compute/virtualMachines', 'Microsoft.Web/sites', 'Microsoft.Sql/servers/databases', 'Microsoft.KeyVault/vaults', 'Microsoft.Network/networkSecurityGroups', 'Microsoft.Storage/storageAccounts'];
  const setupStart = performance.now();
  wb.db.transaction(() => {
    const party = wb.db.prepare("INSERT INTO parties (name, kind, active, left_at, created_at) VALUES (?, ?, ?, ?, '2025-01-01')");
    for (let i = 2; i <= 200; i++) {
      const left = i % 40 === 0; // a few people who left
      party.run(`Party ${i}`, i % 5 === 0 ? 'team' : 'person', left ? 0 : 1, left ? '2025-06-30' : null);
    }
    const asset = wb.db.prepare(
      `INSERT INTO assets (key, external_id, name, type, provider, subscription, resource_group, location, tags, service_model,
         service_model_source, needs_review, owner_party_id, last_reviewed_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'azure', ?, ?, 'westeurope', ?, ?, 'classifier', ?, ?, ?, '2025-01-10T08:00:00.000Z', '2025-01-10T08:00:00.000Z')`
    );
    const assignment = wb.db.prepare('INSERT OR IGNORE INTO raci_assignments (asset_id, layer_id, party_id, role) VALUES (?, ?, ?, ?)');
    for (let id = 1; id <= ASSETS; id++) {
      const type = pick(types);
      asset.run(
        `k${id}`,
        `/subscriptions/s${id % 7}/resourceGroups/rg${id % 50}/providers/${type}/r${id}`,
        `r${id}`,
        type,
        `s${id % 7}`,
        `rg${id % 50}`,
        JSON.stringify({ env: id % 3 === 0 ? 'prod' : 'dev' }),
        next() < 0.08 ? null : pick(STANDARD_SERVICE_MODELS),
        next() < 0.05 ? 1 : 0,
        next() < 0.15 ? null : 2 + Math.floor(next() * 199),
        next() < 0.3 ? null : `2025-0${1 + (id % 9)}-15T00:00:00.000Z`
      );
      if (next() < 0.1) {
        const count = 1 + Math.floor(next() * 3);
        for (let k = 0; k < count; k++) assignment.run(id, pick(layerIds), 2 + Math.floor(next() * 199), pick(roles));
      }
    }
  })();
  wb.engine.drop();
  console.log(`setup: ${ASSETS} assets written in ${ms(performance.now() - setupStart)}`);

  // (a) findings through the engine state, against a plain loop over the same pairs.
  let state = wb.engine.state(ctx); // warm-up
  const input = state.input;
  const ownerActive = new Map(input.parties.map((p) => [p.id, p.active]));
  const baseline = (): number => {
    let hits = 0;
    for (const a of input.assets) for (let l = 0; l < layerIds.length; l++) if (a.ownerPartyId !== null && ownerActive.get(a.ownerPartyId) === true) hits++;
    return hits;
  };
  baseline();
  const full: number[] = [];
  const findingsOnly: number[] = [];
  const loop: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    wb.engine.drop();
    full.push(time(() => (state = wb.engine.state(ctx)).findings.length));
    const loaded = loadEngineInput(wb, ctx);
    findingsOnly.push(time(() => buildEngineState(loaded).findings.length));
    loop.push(time(baseline));
  }
  const a = median(full);
  const f = median(findingsOnly);
  const y = median(loop);
  console.log(`(a) findings recompute on the in-memory state (what an edit costs): ${ms(f)} (goal ≤ 500 ms); after a full reload from SQLite: ${ms(a)}`);
  console.log(`    baseline loop over ${ASSETS / 1000}k × ${layerIds.length} pairs: ${ms(y)}; ratio ${(f / y).toFixed(1)} (findings), ${(a / y).toFixed(1)} (with reload)`);
  console.log(`    ${state.findings.length} findings; runs: ${full.map((t) => t.toFixed(0)).join(', ')} ms`);

  // (a') one asset's owner, through the service, until its findings are current.
  void wb.engine.state(ctx).findings.length;
  const one: number[] = [];
  const summaryAfter: number[] = [];
  for (let i = 0; i < 2 * RUNS + 1; i++) {
    const id = 17 + i * 997;
    one.push(time(() => {
      updateAssets(wb, ctx, { filter: { ids: [id] }, expectedCount: 1, set: { ownerPartyId: i % 2 === 0 ? null : 3 } });
      listFindings(wb, ctx, { assetId: id, offset: 0, limit: 50 });
    }));
    summaryAfter.push(time(() => findingsSummary(wb, ctx)));
  }
  const e = median(one.slice(1));
  console.log(`(a') edit one asset → findings current: ${ms(e)} = ${((100 * e) / f).toFixed(1)} % of the whole recomputation (${ms(f)}) (goal ≤ 5 %)`);
  console.log(`    then the Findings area's summary over the whole workbook: ${ms(median(summaryAfter.slice(1)))}; runs: ${one.map((t) => t.toFixed(1)).join(', ')} ms`);

  // (b) bulk assign of 10k assets through the service, against a raw UPDATE of the same rows.
  const ids = Array.from({ length: BULK }, (_, i) => 1 + i * Math.floor(ASSETS / BULK));
  const service: number[] = [];
  const raw: number[] = [];
  const rawUpdate = wb.db.prepare('UPDATE assets SET owner_party_id = ?, updated_at = ? WHERE id = ?');
  for (let i = 0; i < RUNS; i++) {
    wb.engine.state(ctx); // the grid keeps the state warm; the reload is (a)'s figure
    const owner = 3 + (i % 2);
    service.push(time(() => updateAssets(wb, ctx, { filter: { ids }, expectedCount: BULK, set: { ownerPartyId: owner } })));
    raw.push(time(() => wb.db.transaction(() => {
      for (const id of ids) rawUpdate.run(owner + 10, '2026-03-01T00:00:00.000Z', id);
    })()));
    wb.engine.drop();
  }
  const b = median(service);
  const r = median(raw);
  console.log(`(b) bulk assign ${BULK / 1000}k assets via service: ${ms(b)} (goal ≤ 300 ms); raw UPDATE in one transaction: ${ms(r)}; ratio ${(b / r).toFixed(1)}`);
  console.log(`    runs: ${service.map((t) => t.toFixed(0)).join(', ')} ms`);

  // (c) a keystroke in the grid: a text filter, sorted by name, first page.
  wb.engine.state(ctx);
  listAssetPage(wb, ctx, { filter: { text: 'warm' }, sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 200 });
  const keystroke: number[] = [];
  for (const text of ['r1', 'r12', 'r123', 'prod', 'rg4']) {
    keystroke.push(time(() => listAssetPage(wb, ctx, { filter: { text }, sort: { column: 'name', direction: 'asc' }, offset: 0, limit: 200 })));
  }
  console.log(`(c) grid keystroke (text filter over ${ASSETS / 1000}k, sorted, one page): median ${ms(median(keystroke))} (goal: a few tens of ms)`);
} finally {
  closeWorkbook(wb);
  rmSync(dir, { recursive: true, force: true });
}
