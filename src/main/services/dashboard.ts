/**
 * The dashboard's counts, derived once per revision. Most assets have no overrides or explicit
 * roles, so their layer outcome depends only on model, service model and owner: those are
 * computed once per combination rather than once per asset.
 */
import { deriveResponsibility } from '@core/derive';
import { effectiveRaci, isCustomerSide, isLayerComplete } from '@core/raci';
import type { Dashboard } from '@shared/contract/engine';
import { fallbackModelId, readModelId } from '@core/model-references';
import { countServiceModels } from '@core/service-models';
import type { Asset, Responsibility } from '@shared/domain';
import { raciContext } from '../engine/asset-detail';
import type { OpenWorkbook, ServiceContext } from './context';
import { memoised, type EngineState } from '../engine/state';

interface AssetCounts {
  byResponsibility: Record<Responsibility, number>;
  complete: number;
  total: number;
}

function countAsset(state: EngineState, asset: Asset): AssetCounts {
  const ctx = raciContext(state, asset);
  const overrides = state.overridesByAsset.get(asset.id) ?? [];
  const assignments = state.assignmentsByAsset.get(asset.id) ?? [];
  const counts: AssetCounts = { byResponsibility: { provider: 0, customer: 0, shared: 0, unknown: 0 }, complete: 0, total: 0 };
  const active = (id: number) => state.partyById.get(id)?.active === true;
  for (const layer of deriveResponsibility(asset, ctx.model, overrides)) {
    counts.byResponsibility[layer.responsibility]++;
    if (!isCustomerSide(layer.responsibility)) continue;
    counts.total++;
    if (isLayerComplete(effectiveRaci(ctx, layer, asset.ownerPartyId, assignments), active)) counts.complete++;
  }
  return counts;
}

function buildDashboard(state: EngineState): Dashboard {
  const dashboard: Dashboard = {
    assets: state.input.assets.length,
    assetsByServiceModel: [],
    layersByResponsibility: { provider: 0, customer: 0, shared: 0, unknown: 0 },
    raciCompleteness: { complete: 0, total: 0 },
    findingsBySeverity: { error: 0, warning: 0, info: 0 }
  };
  const own = new Set<number>();
  for (const o of state.input.overrides) own.add(o.assetId);
  for (const a of state.input.assignments) own.add(a.assetId);
  const shared = new Map<string, AssetCounts>();
  const settings = state.input.settings;
  for (const asset of state.input.assets) {
    let counts: AssetCounts | undefined;
    if (own.has(asset.id)) counts = countAsset(state, asset);
    else {
      const key = `${readModelId(asset, settings, state.input.models)}|${asset.serviceModel ?? ''}|${asset.ownerPartyId ?? ''}`;
      counts = shared.get(key);
      if (counts === undefined) shared.set(key, (counts = countAsset(state, asset)));
    }
    for (const [r, n] of Object.entries(counts.byResponsibility) as [Responsibility, number][]) dashboard.layersByResponsibility[r] += n;
    dashboard.raciCompleteness.complete += counts.complete;
    dashboard.raciCompleteness.total += counts.total;
  }
  dashboard.assetsByServiceModel = countServiceModels(
    state.input.assets.map((a) => [readModelId(a, settings, state.input.models), a.serviceModel] as const),
    state.input.models,
    [fallbackModelId(settings, state.input.models)]
  );
  for (const f of state.findings) dashboard.findingsBySeverity[f.severity]++;
  return dashboard;
}

/** Assets per service model, layers per responsibility, RACI completeness, findings per severity. */
export function dashboard(wb: OpenWorkbook, ctx: ServiceContext): Dashboard {
  const state = wb.engine.state(ctx);
  return memoised(state, 'dashboard', () => buildDashboard(state));
}
