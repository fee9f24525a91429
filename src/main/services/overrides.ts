/**
 * Overrides: an asset × layer whose responsibility departs from the published model, with the
 * reason. The core decides what is allowed (validateOverride): a permanent customer layer never
 * goes to the provider, whatever was bought.
 */
import { deriveResponsibility, nothingToOverride, overrideIntent, validateJustification, validateOverride } from '@core/derive';
import type { AssetDetail } from '@shared/contract/engine';
import type { ParsedInput } from '@shared/contract';
import type { LayerOverride } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import { assetDetail } from '../engine/asset-detail';
import type { OpenWorkbook, ServiceContext } from './context';
import type { EditOp } from './edit-ops';
import { modelOf, requireAsset } from '../engine/state';
import { writeEdit } from './history';
import { actorOf } from './write';

function restore(previous: LayerOverride | undefined, assetId: number, layerId: string): EditOp {
  return previous === undefined ? { op: 'deleteOverride', assetId, layerId } : { op: 'putOverride', row: previous };
}

/**
 * Sets (or replaces) the override of one asset × layer; refused overrides write nothing. The
 * published value is no override: refused on a layer without one, and a return to the model
 * (the override cleared) on a layer with one.
 */
export function setOverride(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  input: ParsedInput<'overrides.set'>
): AssetDetail {
  const state = wb.engine.state(ctx);
  const asset = requireAsset(state, input.assetId);
  const model = modelOf(state, asset);
  const refusal = validateOverride(model, input.layerId, input.responsibility, input.justification) ?? validateJustification(input.justification);
  if (refusal !== null) throw new DemarcError('RULE_VIOLATION', refusal);
  const layer = model.layers.find((l) => l.id === input.layerId)!;
  const previous = state.overridesByAsset.get(asset.id)?.find((o) => o.layerId === input.layerId);
  const published = deriveResponsibility(asset, model, []).find((l) => l.layerId === layer.id)!.published;
  const intent = overrideIntent(published, previous !== undefined, input.responsibility);
  if (intent === 'nothing') throw new DemarcError('RULE_VIOLATION', nothingToOverride(layer.title, asset.name, input.responsibility));
  if (intent === 'clear') return clearOverride(wb, ctx, { assetId: asset.id, layerId: layer.id });
  const row: LayerOverride = {
    assetId: asset.id,
    layerId: input.layerId,
    responsibility: input.responsibility,
    justification: input.justification.trim(),
    by: actorOf(wb, ctx),
    at: ctx.clock()
  };
  writeEdit(wb, ctx, {
    action: 'overrides.set',
    entity: 'asset',
    entityId: String(asset.id),
    summary: `Override "${layer.title}" on ${asset.name}: ${input.responsibility} (${row.justification})`,
    forward: [{ op: 'putOverride', row }],
    backward: [restore(previous, asset.id, input.layerId)],
    before: previous ?? null,
    after: row
  });
  return assetDetail(wb, ctx, asset.id);
}

/** Returns one asset × layer to its published cell. */
export function clearOverride(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'overrides.clear'>): AssetDetail {
  const state = wb.engine.state(ctx);
  const asset = requireAsset(state, input.assetId);
  const model = modelOf(state, asset);
  const title = model.layers.find((l) => l.id === input.layerId)?.title ?? input.layerId;
  const previous = state.overridesByAsset.get(asset.id)?.find((o) => o.layerId === input.layerId);
  if (previous === undefined) {
    throw new DemarcError('NOT_FOUND', `"${title}" of ${asset.name} has no override: it is already the published model's.`);
  }
  const published = deriveResponsibility(asset, model, []).find((l) => l.layerId === input.layerId)?.published ?? 'unknown';
  writeEdit(wb, ctx, {
    action: 'overrides.clear',
    entity: 'asset',
    entityId: String(asset.id),
    summary: `Cleared the override of "${title}" on ${asset.name} (back to the published ${published})`,
    forward: [{ op: 'deleteOverride', assetId: asset.id, layerId: input.layerId }],
    backward: [{ op: 'putOverride', row: previous }],
    before: previous,
    after: null
  });
  return assetDetail(wb, ctx, asset.id);
}
