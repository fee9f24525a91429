/**
 * Bulk edits of assets selected by a filter: service model, owner, model, reviewed. One
 * transaction, one change-log entry naming the count, one undo step; the previous values are
 * kept grouped by value so 10k assets that were alike cost one line of "before".
 */
import { SERVICE_MODEL_LABELS, type Asset, type ServiceModel } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import type { AssetFilter } from '@shared/filter';
import type { UpdateResult } from '@shared/contract/engine';
import type { AssetPatch } from '../store/repos/assets';
import { matchingAssets } from './asset-query';
import type { OpenWorkbook, ServiceContext } from './context';
import { groupByValue, type EditOp } from './edit-ops';
import { engineState, type EngineState } from './engine-state';
import { writeEdit } from './history';

export interface AssetSet {
  serviceModel?: ServiceModel | null;
  ownerPartyId?: number | null;
  modelId?: string | null;
  reviewed?: true;
}

const count = (n: number): string => n.toLocaleString('en-GB');

/** The patch to write, after checking the owner and model exist; throws RULE_VIOLATION / NOT_FOUND. */
function patchFor(state: EngineState, set: AssetSet, at: string): { patch: AssetPatch; words: string[] } {
  const patch: AssetPatch = {};
  const words: string[] = [];
  if (set.serviceModel !== undefined) {
    // A manual choice always wins: the import never overwrites a 'manual' service model.
    patch.serviceModel = set.serviceModel;
    patch.serviceModelSource = 'manual';
    patch.needsReview = false;
    words.push(set.serviceModel === null ? 'Cleared the service model' : `Set service model ${SERVICE_MODEL_LABELS[set.serviceModel]}`);
  }
  if (set.ownerPartyId !== undefined) {
    if (set.ownerPartyId !== null) {
      const party = state.partyById.get(set.ownerPartyId);
      if (party === undefined) throw new DemarcError('NOT_FOUND', `No party has id ${set.ownerPartyId}.`);
      if (!party.active) {
        throw new DemarcError('RULE_VIOLATION', `${party.name} is no longer active${party.leftAt ? ` (left ${party.leftAt.slice(0, 10)})` : ''} and cannot own assets. Choose an active person or team.`);
      }
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
  if (set.reviewed) {
    patch.lastReviewedAt = at;
    words.push(words.length ? 'marked reviewed' : 'Marked reviewed');
  }
  return { patch, words };
}

/** The previous values of the patched columns of one asset. */
function previous(asset: Asset, patch: AssetPatch): AssetPatch {
  const before: AssetPatch = {};
  if (patch.serviceModel !== undefined) before.serviceModel = asset.serviceModel;
  if (patch.serviceModelSource !== undefined) before.serviceModelSource = asset.serviceModelSource;
  if (patch.needsReview !== undefined) before.needsReview = asset.needsReview;
  if (patch.ownerPartyId !== undefined) before.ownerPartyId = asset.ownerPartyId;
  if (patch.modelId !== undefined) before.modelId = asset.modelId;
  if (patch.lastReviewedAt !== undefined) before.lastReviewedAt = asset.lastReviewedAt;
  return before;
}

/**
 * Applies one change to every asset matching `filter`.
 * @param expectedCount what the user confirmed; a different matching count refuses the edit
 */
export function updateAssets(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  input: { filter: AssetFilter; expectedCount?: number; set: AssetSet }
): UpdateResult {
  const state = engineState(wb, ctx);
  const assets = matchingAssets(state, input.filter);
  if (input.expectedCount !== undefined && input.expectedCount !== assets.length) {
    throw new DemarcError(
      'RULE_VIOLATION',
      `The selection changed: ${count(assets.length)} assets match now, ${count(input.expectedCount)} were confirmed. Nothing was changed; check the selection and try again.`
    );
  }
  const at = ctx.clock();
  const { patch, words } = patchFor(state, input.set, at);
  const summary = `${words.join(', ')} on ${count(assets.length)} asset${assets.length === 1 ? '' : 's'}`;
  if (assets.length === 0) return { count: 0, summary };
  const ids = assets.map((a) => a.id);
  const byId = state.assetById;
  const groups = groupByValue(ids, (id) => previous(byId.get(id)!, patch));
  const forward: EditOp[] = [{ op: 'patchAssets', ids, patch }];
  const backward: EditOp[] = groups.map((g) => ({ op: 'patchAssets', ids: g.ids, patch: g.value }));
  writeEdit(wb, ctx, {
    action: 'assets.update',
    entity: 'asset',
    entityId: ids.length === 1 ? String(ids[0]) : null,
    summary,
    forward,
    backward,
    before: { count: ids.length, groups: groups.map((g) => ({ values: g.value, ids: g.ids })) },
    after: { count: ids.length, values: patch, ids }
  });
  return { count: ids.length, summary };
}
