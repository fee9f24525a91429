/**
 * The state a sign-off vouches for, per asset: service model, owner, model, and a digest of each
 * layer's responsibility, override and effective R/A/C/I. Comparing a stored state with today's
 * names what changed since the sign-off. Pure.
 */
import type { Asset, LayerOverride, RaciAssignment } from '@shared/domain';
import type { SignedState } from '@shared/sign-off';
import { deriveResponsibility } from '../derive';
import { effectiveRaci, type RaciContext } from '../raci';

/** FNV-1a, 32 bits, as 8 hex digits: a change detector for one layer's state, not a security hash. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The state of one asset as a sign-off records it.
 * @param layerIds the layers covered (all of the model's when omitted)
 */
export function signedStateOf(
  asset: Pick<Asset, 'serviceModel' | 'ownerPartyId'>,
  ctx: RaciContext,
  overrides: readonly LayerOverride[],
  assignments: readonly RaciAssignment[],
  layerIds?: readonly string[]
): SignedState {
  const layers: Record<string, string> = {};
  for (const layer of deriveResponsibility(asset, ctx.model, overrides)) {
    if (layerIds !== undefined && !layerIds.includes(layer.layerId)) continue;
    const raci = effectiveRaci(ctx, layer, asset.ownerPartyId, assignments);
    layers[layer.layerId] = digest(
      JSON.stringify([layer.responsibility, layer.overridden, layer.justification, raci.R, raci.A, raci.C, raci.I])
    );
  }
  return { serviceModel: asset.serviceModel, owner: asset.ownerPartyId, modelId: ctx.model.id, layers };
}

/** What differs between the state signed and today's, in words (empty: still as signed). */
export function signedStateChanges(signed: SignedState, now: SignedState, layerTitle: (layerId: string) => string): string[] {
  const changes: string[] = [];
  if (signed.modelId !== now.modelId) changes.push('responsibility model');
  if (signed.serviceModel !== now.serviceModel) changes.push('service model');
  if (signed.owner !== now.owner) changes.push('owner');
  const layers = Object.entries(signed.layers).filter(([layerId, state]) => now.layers[layerId] !== state);
  // An owner or service model change moves most layers at once: count them rather than list ten.
  if (layers.length > 3) changes.push(`${layers.length} layers (responsibility or RACI)`);
  else for (const [layerId] of layers) changes.push(`${layerTitle(layerId)} (responsibility or RACI)`);
  return changes;
}
