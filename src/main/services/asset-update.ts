/**
 * Bulk edits of assets selected by a filter: service model, owner, model, reviewed. One
 * transaction, one change-log entry naming the count, one undo step; the previous values are
 * kept grouped by value so 10k assets that were alike cost one line of "before".
 */
import { ownerRefusal } from '@core/parties';
import type { ParsedInput } from '@shared/contract';
import { SERVICE_MODEL_LABELS, type Asset } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import type { UpdateResult } from '@shared/contract/engine';
import { PATCHABLE_FIELDS, type AssetPatch } from '../store/asset-fields';
import { matchingAssets } from '../engine/query';
import type { OpenWorkbook, ServiceContext } from './context';
import { groupByValue, type EditOp } from './edit-ops';
import { type EngineState } from '../engine/state';
import { writeEdit } from './history';

const count = (n: number): string => n.toLocaleString('en-GB');

/** The patch to write, after checking the owner and model exist; throws RULE_VIOLATION / NOT_FOUND. */
function patchFor(state: EngineState, set: ParsedInput<'assets.update'>['set'], at: string): { patch: AssetPatch; words: string[] } {
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
  if (set.reviewed) {
    patch.lastReviewedAt = at;
    words.push(words.length ? 'marked reviewed' : 'Marked reviewed');
  }
  return { patch, words };
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
  // Nothing to write when no asset would change: no change-log entry, no undo step.
  if (assets.every((asset) => unchanged(asset, patch))) return { count: 0, summary };
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
