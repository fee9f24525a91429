/**
 * Bulk edits of assets selected by a filter: service model, owner, model, reviewed, criticality,
 * data classification, environment. One
 * transaction, one change-log entry naming the count, one undo step; the previous values are
 * kept grouped by value so 10k assets that were alike cost one line of "before".
 */
import { ownerRefusal } from '@core/parties';
import { ASSET_ATTRIBUTES, ATTRIBUTE_VOCABULARY, attributeLabel, type AssetAttribute } from '@shared/asset-attributes';
import type { ParsedInput } from '@shared/contract';
import { fallbackModelId, readModelId } from '@core/model-references';
import { serviceModelColumns, serviceModelLabel } from '@core/service-models';
import type { Asset } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import type { ModelChangeSummary, UpdateResult } from '@shared/contract/engine';
import { PATCHABLE_FIELDS, type AssetPatch } from '../store/asset-fields';
import { matchingAssets } from '../engine/query';
import type { OpenWorkbook, ServiceContext } from './context';
import { groupByValue, type EditOp } from './edit-ops';
import { type EngineState } from '../engine/state';
import { resolveSavedSet } from './saved-set-filter';
import { writeEdit } from './history';
import { planModelMove, type ModelMovePlan } from './model-move';
import { requireModel } from './models';

const count = (n: number): string => n.toLocaleString('en-GB');

/** The patch to write, after checking the owner and model exist; throws RULE_VIOLATION / NOT_FOUND. */
function patchFor(state: EngineState, set: ParsedInput<'assets.update'>['set'], at: string, assets: readonly Asset[]): { patch: AssetPatch; words: string[] } {
  const patch: AssetPatch = {};
  const words: string[] = [];
  if (set.serviceModel !== undefined) {
    // A manual choice always wins: the import never overwrites a 'manual' service model.
    patch.serviceModel = set.serviceModel;
    patch.serviceModelSource = 'manual';
    patch.needsReview = false;
    // Named as the (first) asset's model labels it: "IaaS", "Infrastructure services".
    const first = assets[0];
    const label = set.serviceModel === null || first === undefined ? set.serviceModel : serviceModelLabel(state.input.models[modelAfter(state, first, set.modelId)], set.serviceModel);
    words.push(label === null ? 'Cleared the service model' : `Set service model ${label}`);
  }
  if (set.ownerPartyId !== undefined) {
    if (set.ownerPartyId !== null) {
      const party = state.partyById.get(set.ownerPartyId);
      if (party === undefined) throw new DemarcError('NOT_FOUND', `No party has id ${set.ownerPartyId}.`);
      const refusal = ownerRefusal(party);
      if (refusal !== null) throw new DemarcError('RULE_VIOLATION', refusal);
      words.push(`${words.length ? 'owner' : 'Set owner'} ${party.name}`);
    } else words.push(words.length ? 'no owner' : 'Removed the owner');
    patch.ownerPartyId = set.ownerPartyId;
  }
  if (set.modelId !== undefined) {
    if (set.modelId !== null && state.input.models[set.modelId] === undefined) {
      throw new DemarcError('NOT_FOUND', `No responsibility model has id "${set.modelId}" (available: ${Object.keys(state.input.models).join(', ')}).`);
    }
    patch.modelId = set.modelId;
    words.push(`${words.length ? 'model' : 'Set model'} ${set.modelId ?? 'the workbook default'}`);
  }
  for (const attribute of ASSET_ATTRIBUTES) {
    const value = set[attribute];
    if (value === undefined) continue;
    (patch as Record<AssetAttribute, string | null>)[attribute] = value;
    const label = ATTRIBUTE_VOCABULARY[attribute].label;
    const said = value === null ? `no ${label.toLowerCase()}` : `${label.toLowerCase()} ${attributeLabel(attribute, value)}`;
    words.push(words.length ? said : value === null ? `Cleared the ${label.toLowerCase()}` : `Set ${said}`);
  }
  if (set.reviewed) {
    patch.lastReviewedAt = at;
    words.push(words.length ? 'marked reviewed' : 'Marked reviewed');
  }
  return { patch, words };
}

/** The model an asset is read under once `modelId` (undefined: unchanged; null: its provider's or the default) is set. */
function modelAfter(state: EngineState, asset: Asset, modelId: string | null | undefined): string {
  return readModelId(modelId === undefined ? asset : { ...asset, modelId }, state.input.settings, state.input.models);
}

/** Refuses a service model that the model of an asset (after the edit) does not declare, naming the asset and the columns it has. */
function checkServiceModel(state: EngineState, assets: readonly Asset[], set: ParsedInput<'assets.update'>['set']): void {
  const column = set.serviceModel;
  if (column === undefined || column === null) return;
  for (const asset of assets) {
    const model = requireModel(state, modelAfter(state, asset, set.modelId));
    if (model.serviceModels.includes(column)) continue;
    const columns = serviceModelColumns(model).map((c) => `${c.id} (${c.label})`).join(', ');
    throw new DemarcError('RULE_VIOLATION', `"${column}" is not a service model of ${model.name}, which ${asset.name} is read under: choose one of ${columns}. Nothing was changed.`);
  }
}

/** The move of the assets to the model `modelId` gives them (null: each to its provider's or the default model). */
function planAssetModel(state: EngineState, assets: readonly Asset[], modelId: string | null): ModelMovePlan {
  const byTarget = new Map<string, Asset[]>();
  for (const asset of assets) {
    const target = modelAfter(state, asset, modelId);
    const group = byTarget.get(target);
    if (group === undefined) byTarget.set(target, [asset]);
    else group.push(asset);
  }
  const describe = `the ${count(assets.length)} selected asset(s)`;
  const plans = [...byTarget].map(([target, group]) => planModelMove(state, group, target, describe));
  const first = plans[0] ?? planModelMove(state, [], modelId ?? fallbackModelId(state.input.settings, state.input.models), describe);
  for (const other of plans.slice(1)) {
    const s = first.summary;
    s.toModelId = `${s.toModelId}, ${other.summary.toModelId}`;
    s.fromModelId = [...new Set([...s.fromModelId.split(', '), ...other.summary.fromModelId.split(', ')])].join(', ');
    s.assetsAffected += other.summary.assetsAffected;
    s.layerChanges += other.summary.layerChanges;
    s.orphanedOverrides += other.summary.orphanedOverrides;
    s.orphanedAssignments += other.summary.orphanedAssignments;
    s.refusedOverrides += other.summary.refusedOverrides;
    s.serviceModelMoves.push(...other.summary.serviceModelMoves);
    s.examples.push(...other.summary.examples.slice(0, Math.max(0, 200 - s.examples.length)));
    first.forward.push(...other.forward);
    first.backward.push(...other.backward);
    first.words.push(...other.words);
    first.before.overrides.push(...other.before.overrides);
    first.before.assignments.push(...other.before.assignments);
    first.after.overrides.push(...other.after.overrides);
    first.after.assignments.push(...other.after.assignments);
  }
  first.summary.assetCount = assets.length;
  return first;
}

/** What moving the assets matching a filter to a model would change (nothing is written). */
export function previewAssetModel(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'assets.previewModel'>): ModelChangeSummary {
  const state = wb.engine.state(ctx);
  if (input.modelId !== null) requireModel(state, input.modelId);
  return planAssetModel(state, matchingAssets(state, resolveSavedSet(wb.db, input.filter)), input.modelId).summary;
}

/** The previous values of the patched fields of one asset. */
function previous(asset: Asset, patch: AssetPatch): AssetPatch {
  const before: Record<string, unknown> = {};
  for (const field of PATCHABLE_FIELDS) if (patch[field] !== undefined) before[field] = asset[field];
  return before as AssetPatch;
}

/** Whether the asset already has every patched value. */
function unchanged(asset: Asset, patch: AssetPatch): boolean {
  return PATCHABLE_FIELDS.every((field) => patch[field] === undefined || Object.is(asset[field], patch[field]));
}

/**
 * Applies one change to every asset matching `filter`.
 * @param expectedCount what the user confirmed; a different matching count refuses the edit
 */
export function updateAssets(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  input: ParsedInput<'assets.update'>
): UpdateResult {
  const state = wb.engine.state(ctx);
  const assets = matchingAssets(state, resolveSavedSet(wb.db, input.filter));
  if (input.expectedCount !== undefined && input.expectedCount !== assets.length) {
    throw new DemarcError(
      'RULE_VIOLATION',
      `The selection changed: ${count(assets.length)} assets match now, ${count(input.expectedCount)} were confirmed. Nothing was changed; check the selection and try again.`
    );
  }
  const at = ctx.clock();
  const { patch, words } = patchFor(state, input.set, at, assets);
  checkServiceModel(state, assets, input.set);
  const move = input.set.modelId === undefined ? null : planAssetModel(state, assets, input.set.modelId);
  const summary = [`${words.join(', ')} on ${count(assets.length)} asset${assets.length === 1 ? '' : 's'}`, ...(move?.words ?? [])].join('; ');
  // Nothing to write when no asset would change: no change-log entry, no undo step (a model
  // unchanged for every asset moves nothing either).
  if (assets.every((asset) => unchanged(asset, patch))) return { count: 0, summary };
  const ids = assets.map((a) => a.id);
  const byId = state.assetById;
  const groups = groupByValue(ids, (id) => previous(byId.get(id)!, patch));
  // The move first (columns, overrides, roles), then the edit itself: a service model chosen in the same edit wins.
  const forward: EditOp[] = [...(move?.forward ?? []), { op: 'patchAssets', ids, patch }];
  const backward: EditOp[] = [...groups.map((g): EditOp => ({ op: 'patchAssets', ids: g.ids, patch: g.value })), ...(move?.backward ?? [])];
  writeEdit(wb, ctx, {
    action: 'assets.update',
    entity: 'asset',
    entityId: ids.length === 1 ? String(ids[0]) : null,
    summary,
    forward,
    backward,
    before: { count: ids.length, groups: groups.map((g) => ({ values: g.value, ids: g.ids })), ...(move ? move.before : {}) },
    after: { count: ids.length, values: patch, ids, ...(move ? move.after : {}) }
  });
  return { count: ids.length, summary };
}
