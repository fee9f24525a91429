/**
 * Deriving who carries each layer of one asset: the published cell under the asset's service
 * model, then the user's justified override. No service model means `unknown`, never a guess.
 */
import {
  CELL_VALUES,
  type Asset,
  type CellValue,
  type LayerOverride,
  type LayerResponsibility,
  type Responsibility,
  type ResponsibilityModel
} from '@shared/domain';
import { getCell } from './model-cells';

/**
 * The responsibility of every layer of one asset, in the model's layer order.
 * @param asset only its service model is read; null gives `unknown` on every layer
 * @param overridesForAsset this asset's overrides (others are ignored by layer id only, so pass the right ones)
 */
export function deriveResponsibility(
  asset: Pick<Asset, 'serviceModel'>,
  model: ResponsibilityModel,
  overridesForAsset: readonly LayerOverride[]
): LayerResponsibility[] {
  return model.layers.map((layer) => {
    const cell = asset.serviceModel === null ? null : getCell(model, layer.id, asset.serviceModel);
    const published = cell?.responsibility ?? 'unknown';
    // The last override wins should a caller pass duplicates; the store keeps one per layer.
    let override: LayerOverride | undefined;
    for (const candidate of overridesForAsset) if (candidate.layerId === layer.id) override = candidate;
    // A stored override that says what the model publishes (its service model changed under it)
    // departs from nothing: it is no override.
    const departing = override !== undefined && override.responsibility !== published ? override : undefined;
    return {
      layerId: layer.id,
      published,
      responsibility: override?.responsibility ?? published,
      overridden: departing !== undefined,
      justification: departing?.justification ?? null,
      operatedBy: cell?.operatedBy ?? null
    };
  });
}

/**
 * What asking for `responsibility` on a layer means: nothing to do when it is the published cell
 * and the layer has no override (refused: an override must depart from the model), a return to
 * the published cell when the layer has an override (it is cleared), otherwise an override.
 */
export function overrideIntent(published: Responsibility, hasOverride: boolean, responsibility: CellValue): 'nothing' | 'clear' | 'set' {
  if (responsibility !== published) return 'set';
  return hasOverride ? 'clear' : 'nothing';
}

/** Why an override to the published value is refused. */
export function nothingToOverride(layerTitle: string, assetName: string, published: CellValue): string {
  return `"${layerTitle}" of ${assetName} is already ${published} under the published model: nothing to override.`;
}

/** Null when a justification is acceptable, otherwise why not. */
export function validateJustification(justification: string): string | null {
  return justification.trim() === ''
    ? 'An override needs a justification: say why this layer differs from the published model.'
    : null;
}

/**
 * Checks an override before it is written.
 * @param justification pass it whenever one is being written; leave it out only to re-check a
 *   stored override (e.g. against another model)
 * @returns null when the override is allowed, otherwise a message saying why it is refused
 */
export function validateOverride(
  model: ResponsibilityModel,
  layerId: string,
  responsibility: CellValue,
  justification?: string
): string | null {
  const layer = model.layers.find((l) => l.id === layerId);
  if (layer === undefined) {
    return `The model "${model.name}" has no layer "${layerId}" (its layers: ${model.layers.map((l) => l.id).join(', ')}).`;
  }
  if (!(CELL_VALUES as readonly string[]).includes(responsibility)) {
    return `"${String(responsibility)}" is not a responsibility: use provider, customer or shared.`;
  }
  if (layer.permanentCustomer && responsibility === 'provider') {
    return (
      `"${layer.title}" always stays with the customer: whatever service or premium security feature was ` +
      `bought, the provider never takes this duty over. It cannot be overridden to the provider; ` +
      `to record the provider's help, mark it shared and keep a customer-side Accountable.`
    );
  }
  return justification === undefined ? null : validateJustification(justification);
}
