/**
 * Benchmark: computeFindings over 100k assets × 10 layers (goal ≤ 500 ms on 2 cores).
 * Bundled with esbuild and run with node. The baseline is a plain loop over the same
 * asset × layer pairs doing one lookup each, measured in the same run, so the ratio says how
 * far the engine is from the cost of merely visiting every pair on this machine.
 */
import { computeFindings } from '@core/findings';
import type { EngineInput } from '@core/engine-input';
import { BUILTIN_MODELS, DEFAULT_MODEL_ID } from '@core/models';

// Types come through the engine's own input type so the bench imports nothing but src/core.
type Asset = EngineInput['assets'][number];
type Party = EngineInput['parties'][number];
type LayerOverride = EngineInput['overrides'][number];
type RaciAssignment = EngineInput['assignments'][number];
type RaciRole = RaciAssignment['role'];
const SERVICE_MODELS = ['onprem', 'iaas', 'paas', 'saas'] as const;

const ASSETS = 100_000;
const RUNS = 5;

let seed = 20260112;
function next(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
function pick<T>(list: readonly T[]): T {
  const value = list[Math.floor(next() * list.length)];
  if (value === undefined) throw new Error('empty list');
  return value;
}

function buildInput(): EngineInput {
  const model = BUILTIN_MODELS[DEFAULT_MODEL_ID];
  if (model === undefined) throw new Error('default model missing');
  const layerIds = model.layers.map((l) => l.id);
  const parties: Party[] = [{ id: 1, name: 'Microsoft', kind: 'provider', email: null, active: true, leftAt: null, notes: null }];
  for (let id = 2; id <= 200; id++) {
    const left = id % 40 === 0; // a few people who left
    parties.push({ id, name: `Party ${id}`, kind: id % 5 === 0 ? 'team' : id % 17 === 0 ? 'third_party' : 'person', email: null, active: !left, leftAt: left ? '2025-06-30' : null, notes: null });
  }
  const types = ['Microsoft.Compute/virtualMachines', 'Microsoft.Web/sites', 'Microsoft.Sql/servers/databases', 'Microsoft.KeyVault/vaults', 'Microsoft.Network/networkSecurityGroups', 'Microsoft.Storage/storageAccounts'];
  const assets: Asset[] = [];
  const overrides: LayerOverride[] = [];
  const assignments: RaciAssignment[] = [];
  const roles: RaciRole[] = ['R', 'A', 'C', 'I'];
  for (let id = 1; id <= ASSETS; id++) {
    const serviceModel = next() < 0.08 ? null : pick(SERVICE_MODELS);
    const type = pick(types);
    assets.push({
      id,
      key: `k${id}`,
      externalId: `/subscriptions/s${id % 7}/resourceGroups/rg${id % 50}/providers/${type}/r${id}`,
      name: `r${id}`,
      type,
      kind: null,
    sku: null,
    managedBy: null,
      provider: 'azure',
      subscription: `s${id % 7}`,
      resourceGroup: `rg${id % 50}`,
      location: 'westeurope',
      tags: { env: id % 3 === 0 ? 'prod' : 'dev' },
      criticality: id % 11 === 0 ? 'mission-critical' : null,
      dataClassification: null,
      environment: null,
      extra: {},
      serviceModel,
      serviceModelSource: 'classifier',
      classificationReason: 'bench',
      classificationConfidence: 'high',
      needsReview: next() < 0.05,
      modelId: null,
      ownerPartyId: next() < 0.15 ? null : 2 + Math.floor(next() * 199),
      lastReviewedAt: next() < 0.3 ? null : `2025-0${1 + (id % 9)}-15T00:00:00.000Z`,
      notSeenInLastImport: false,
    lastImportRunId: null,
      source: 'bench',
      createdAt: '2025-01-10T08:00:00.000Z',
      updatedAt: '2025-01-10T08:00:00.000Z'
    });
    if (next() < 0.02) overrides.push({ assetId: id, layerId: pick(layerIds), responsibility: 'shared', justification: 'bench', by: 'bench', at: '2025-01-10T08:00:00.000Z' });
    if (next() < 0.1) {
      const count = 1 + Math.floor(next() * 4);
      for (let k = 0; k < count; k++) assignments.push({ assetId: id, layerId: pick(layerIds), partyId: 1 + Math.floor(next() * 200), role: pick(roles) });
    }
  }
  return {
    settings: { organisation: 'Bench', defaultModelId: DEFAULT_MODEL_ID, modelByProvider: {}, defaultModelVersion: model.version, reviewPeriodDays: 365, defaultTeamPerLayer: { 'network-controls': 5 }, userName: 'bench' },
    models: { ...BUILTIN_MODELS },
    assets,
    parties,
    overrides,
    assignments,
    now: '2026-03-01T00:00:00.000Z'
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

// The harness runs node with --expose-gc: collecting before each timed run keeps one run's
// garbage from being billed to the next.
const collect = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

function time(fn: () => unknown): number {
  collect();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const input = buildInput();
const layerCount = BUILTIN_MODELS[DEFAULT_MODEL_ID]?.layers.length ?? 10;

// Baseline: visit every asset × layer pair and do one trivial lookup (the owner in a Map).
const ownerOf = new Map(input.parties.map((p) => [p.id, p]));
function baseline(): number {
  let hits = 0;
  for (const asset of input.assets) {
    for (let layer = 0; layer < layerCount; layer++) {
      if (asset.ownerPartyId !== null && ownerOf.get(asset.ownerPartyId)?.active === true) hits++;
    }
  }
  return hits;
}

let findingCount = computeFindings(input).length; // warm-up
baseline();
const engineTimes: number[] = [];
const baselineTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  engineTimes.push(time(() => (findingCount = computeFindings(input).length)));
  baselineTimes.push(time(baseline));
}
const x = median(engineTimes);
const y = median(baselineTimes);
console.log(`findings ${ASSETS / 1000}k×${layerCount}: ${x.toFixed(1)} ms (goal ≤ 500 ms), baseline loop: ${y.toFixed(1)} ms, ratio ${(x / y).toFixed(1)}`);
console.log(`(${findingCount} findings; runs: ${engineTimes.map((t) => t.toFixed(0)).join(', ')} ms)`);
