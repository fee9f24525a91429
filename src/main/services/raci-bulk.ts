/**
 * Bulk RACI: the same roles on one layer of every asset matching a filter (the grid's selection,
 * `demarc raci --where`), each asset under its own responsibility model: the layer is the one
 * chosen for its model, else the layer id given for all. Each asset is judged by the same rules as
 * a single edit (tryPlanRaci); the ones that pass are written in one undo step and one change-log
 * entry naming them, the refused ones are left as they were and listed with the reason.
 */
import type { RaciBulkResult, RaciRefusal, SelectionModel } from '@shared/contract/bulk-raci';
import type { ParsedInput } from '@shared/contract';
import type { AssetFilter } from '@shared/filter';
import type { RaciAssignment } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import { matchingAssets } from '../engine/query';
import { modelOf } from '../engine/state';
import type { OpenWorkbook, ServiceContext } from './context';
import { writeEdit } from './history';
import { resolveSavedSet } from './saved-set-filter';
import { describeRoles, rolesGiven, tryPlanRaci, type RaciPlan } from './raci-assign';

/** How many refusals an answer lists (the count says how many there were). */
const LISTED_REFUSALS = 100;

const assetsWord = (n: number) => `${n.toLocaleString('en-GB')} asset${n === 1 ? '' : 's'}`;

const key = (a: RaciAssignment) => `${a.role}\u0000${a.partyId}`;

function unchanged(plan: RaciPlan): boolean {
  const before = new Set(plan.removed.map(key));
  return plan.added.length === before.size && plan.added.every((a) => before.has(key(a)));
}

/** The models the assets matching a filter are read under: the most assets first, then the default model, then by name. */
export function modelsOfSelection(wb: OpenWorkbook, ctx: ServiceContext, filter: AssetFilter): SelectionModel[] {
  const state = wb.engine.state(ctx);
  const defaultId = state.input.settings.defaultModelId;
  const byModel = new Map<string, SelectionModel>();
  for (const asset of matchingAssets(state, resolveSavedSet(wb.db, filter))) {
    const model = modelOf(state, asset);
    const entry = byModel.get(model.id);
    if (entry !== undefined) entry.count += 1;
    else byModel.set(model.id, { id: model.id, name: model.name, isDefault: model.id === defaultId, count: 1, layers: model.layers.map((l) => ({ id: l.id, title: l.title })) });
  }
  return [...byModel.values()].sort((a, b) => b.count - a.count || Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name, 'en'));
}

export function setRaciMany(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'raci.setMany'>): RaciBulkResult {
  rolesGiven(input.roles);
  const state = wb.engine.state(ctx);
  const assets = matchingAssets(state, resolveSavedSet(wb.db, input.filter));
  if (input.expectedCount !== undefined && input.expectedCount !== assets.length) {
    throw new DemarcError(
      'RULE_VIOLATION',
      `The selection changed: ${assetsWord(assets.length)} match now, ${input.expectedCount.toLocaleString('en-GB')} were confirmed. Nothing was changed; check the selection and try again.`
    );
  }
  if (assets.length === 0) throw new DemarcError('NOT_FOUND', 'No asset matches the filter: nothing to set.');
  const plans: RaciPlan[] = [];
  /** The layer written under each model (logged, so the entry says which layer of which model). */
  const layerOfModel = new Map<string, string>();
  const refused: RaciRefusal[] = [];
  let refusedCount = 0;
  for (const asset of assets) {
    const model = modelOf(state, asset);
    const layerId = input.layers?.[model.id] ?? input.layerId;
    const plan =
      layerId === undefined
        ? { refusal: { layerId: null, layerTitle: null, reason: `No layer was chosen for its model "${model.name}".`, message: `Refused on ${asset.name}: no layer was chosen for its model "${model.name}".` } }
        : tryPlanRaci(state, asset, layerId, input.roles);
    if (!('refusal' in plan)) {
      plans.push(plan);
      layerOfModel.set(model.id, layerId!);
      continue;
    }
    refusedCount += 1;
    const { refusal } = plan;
    if (refused.length < LISTED_REFUSALS) {
      refused.push({ assetId: asset.id, asset: asset.name, model: model.name, layerId: refusal.layerId, layer: refusal.layerTitle, reason: refusal.reason, message: refusal.message });
    }
  }
  const roles = describeRoles(state, input.roles);
  if (plans.length === 0) {
    const first = refused.slice(0, 3).map((r) => r.message).join(' ');
    throw new DemarcError('RULE_VIOLATION', `Refused on all ${assetsWord(refusedCount)}: ${first}${refusedCount > 3 ? ` … and ${refusedCount - 3} more.` : ''}`, { refusedCount, refused });
  }
  const titles = [...new Set(plans.map((p) => p.layerTitle))].map((t) => `"${t}"`).join(', ');
  // Roles every asset already has: nothing to write, no change-log entry, no undo step.
  if (plans.every(unchanged)) return { count: 0, summary: `RACI of ${titles}: ${roles} — already so on ${assetsWord(plans.length)}`, refusedCount, refused };
  const summary = `RACI of ${titles} on ${assetsWord(plans.length)}: ${roles}${refusedCount > 0 ? ` (${assetsWord(refusedCount)} refused)` : ''}`;
  const removed: RaciAssignment[] = plans.flatMap((p) => p.removed);
  const added: RaciAssignment[] = plans.flatMap((p) => p.added);
  const ids = plans.map((p) => p.asset.id);
  // One layer id for all (the usual case) is logged as it always was; several, as the layer of each model.
  const layerIds = new Set(layerOfModel.values());
  const layer = layerIds.size === 1 ? { layerId: [...layerIds][0]! } : { layers: Object.fromEntries(layerOfModel) };
  writeEdit(wb, ctx, {
    action: 'raci.setMany',
    entity: 'asset',
    entityId: ids.length === 1 ? String(ids[0]) : null,
    summary,
    forward: [
      { op: 'deleteAssignments', rows: removed },
      { op: 'putAssignments', rows: added }
    ],
    backward: [
      { op: 'deleteAssignments', rows: added },
      { op: 'putAssignments', rows: removed }
    ],
    before: { count: ids.length, ...layer, assignments: removed },
    after: { count: ids.length, ...layer, ids, assignments: added }
  });
  return { count: ids.length, summary, refusedCount, refused };
}
