/**
 * Contract of bulk RACI: the same roles on one layer of every selected asset, each asset under its
 * own responsibility model. A selection may hold assets read under several models (a provider's
 * model, a model set on the asset), so the layer is chosen per model — or once, by a layer id that
 * several models share — and the models of a selection are asked first (`assets.modelsOf`).
 */
import { z } from 'zod';
import { RaciRoleSchema } from '../domain';
import { AssetFilterSchema } from '../filter';
import { LIMITS, idSchema, layerIdSchema, modelIdSchema } from './bounds';

export const bulkRaciMethods = {
  /** The models the assets matching `filter` are read under, with how many of them each holds and its layers. */
  'assets.modelsOf': z.object({ filter: AssetFilterSchema }).strict(),
  /**
   * The same roles on one layer of every asset matching `filter`, in one undo step and one
   * change-log entry. The layer of an asset is `layers[its model]`, else `layerId`; an asset whose
   * model has neither is refused, like one the rules refuse: left as it was and listed. Refused as
   * a whole when no asset can take the roles, or when `expectedCount` no longer matches.
   */
  'raci.setMany': z
    .object({
      filter: AssetFilterSchema,
      expectedCount: z.number().int().min(0).max(LIMITS.ids).optional(),
      layerId: layerIdSchema.optional(),
      layers: z
        .record(modelIdSchema, layerIdSchema)
        .refine((layers) => Object.keys(layers).length <= LIMITS.models, `at most ${LIMITS.models} models`)
        .optional(),
      roles: z.partialRecord(RaciRoleSchema, z.array(idSchema).max(LIMITS.partiesPerRole))
    })
    .strict()
    .refine((input) => input.layerId !== undefined || Object.keys(input.layers ?? {}).length > 0, {
      message: 'name the layer: layerId (the same layer id under every model) or layers (a layer per model)',
      path: ['layerId']
    })
};

/** A model that assets of a selection are read under. */
export interface SelectionModel {
  id: string;
  name: string;
  isDefault: boolean;
  /** How many assets of the selection are read under it. */
  count: number;
  layers: { id: string; title: string }[];
}

/** An asset a bulk RACI edit left as it was, and why. */
export interface RaciRefusal {
  assetId: number;
  asset: string;
  /** The model the asset is read under. */
  model: string;
  /** The layer the edit was for (null when its model has none chosen, or not the one named). */
  layerId: string | null;
  layer: string | null;
  /** Why, in the rules' words. */
  reason: string;
  /** The whole sentence: "Refused on "Operating system" of vm-1: …". */
  message: string;
}

/** What a bulk RACI edit did: how many assets took the roles, and those it refused. */
export interface RaciBulkResult {
  count: number;
  summary: string;
  /** How many assets were refused; `refused` lists the first of them (at most 100). */
  refusedCount: number;
  refused: RaciRefusal[];
}

export interface BulkRaciOutputs {
  /** The models of the selection, the most assets first (then the default model, then by name). */
  'assets.modelsOf': SelectionModel[];
  'raci.setMany': RaciBulkResult;
}
