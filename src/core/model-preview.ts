/**
 * What switching assets from one responsibility model to another would change, shown before
 * anything is written: responsibilities that move, and overrides or RACI rows whose layer id
 * the new model does not have (with the layer they most likely belong to, when one matches).
 */
import type {
  Asset,
  LayerOverride,
  RaciAssignment,
  Responsibility,
  ResponsibilityModel,
  ServiceModel
} from '@shared/domain';
import { deriveResponsibility, validateOverride } from './derive';
import { groupByAsset } from './engine-index';
import { alignLayers, compareModels, type ModelDifference } from './model-compare';
import { translateServiceModel } from './service-models';

/** An asset whose service model takes another column under the new model (null: none fits, classify again). */
export interface ServiceModelMove {
  assetId: number;
  from: ServiceModel;
  to: ServiceModel | null;
}

/** One asset × layer whose responsibility differs between the two models (null: layer absent). */
export interface LayerChange {
  assetId: number;
  fromLayerId: string | null;
  toLayerId: string | null;
  before: Responsibility | null;
  after: Responsibility | null;
}

export interface OrphanedOverride {
  override: LayerOverride;
  /** The new model's layer matched by title or alias, if any: where the override could move. */
  suggestedLayerId: string | null;
}

export interface OrphanedAssignment {
  assignment: RaciAssignment;
  suggestedLayerId: string | null;
}

export interface ModelChangePreview {
  fromModelId: string;
  toModelId: string;
  differences: ModelDifference[];
  changes: LayerChange[];
  /** Assets whose column the new model does not declare: the column they take (AWS infrastructure → IaaS), or none. */
  serviceModelMoves: ServiceModelMove[];
  orphanedOverrides: OrphanedOverride[];
  orphanedAssignments: OrphanedAssignment[];
  /** Overrides whose layer survives but which the new model refuses (e.g. now a permanent layer). */
  refusedOverrides: { override: LayerOverride; message: string }[];
  /** Assets with at least one change, orphan or refused override. */
  assetsAffected: number;
}


/**
 * Previews moving `assets` from `fromModel` to `toModel`.
 * @param overrides, assignments may cover more assets than `assets`; only theirs are read
 */
export function previewModelChange(
  assets: readonly Pick<Asset, 'id' | 'serviceModel'>[],
  overrides: readonly LayerOverride[],
  assignments: readonly RaciAssignment[],
  fromModel: ResponsibilityModel,
  toModel: ResponsibilityModel
): ModelChangePreview {
  const alignment = alignLayers(fromModel, toModel);
  const toLayerIds = new Set(toModel.layers.map((l) => l.id));
  const suggestion = new Map<string, string | null>();
  for (const { from, to } of alignment) if (from !== null) suggestion.set(from.id, to?.id ?? null);
  const suggest = (layerId: string): string | null => suggestion.get(layerId) ?? null;

  const wanted = new Set(assets.map((a) => a.id));
  const overridesByAsset = groupByAsset(overrides, (id) => wanted.has(id));
  const affected = new Set<number>();
  const preview: ModelChangePreview = {
    fromModelId: fromModel.id,
    toModelId: toModel.id,
    differences: compareModels(fromModel, toModel),
    changes: [],
    serviceModelMoves: [],
    orphanedOverrides: [],
    orphanedAssignments: [],
    refusedOverrides: [],
    assetsAffected: 0
  };

  for (const asset of assets) {
    const own = overridesByAsset.get(asset.id) ?? [];
    const kept = own.filter((o) => toLayerIds.has(o.layerId));
    const column = translateServiceModel(fromModel, toModel, asset.serviceModel);
    if (column !== asset.serviceModel && asset.serviceModel !== null) {
      preview.serviceModelMoves.push({ assetId: asset.id, from: asset.serviceModel, to: column });
      affected.add(asset.id);
    }
    const before = deriveResponsibility(asset, fromModel, own);
    const after = deriveResponsibility({ ...asset, serviceModel: column }, toModel, kept);
    const beforeById = new Map(before.map((l) => [l.layerId, l.responsibility]));
    const afterById = new Map(after.map((l) => [l.layerId, l.responsibility]));
    for (const { from, to } of alignment) {
      const was = from === null ? null : (beforeById.get(from.id) ?? null);
      const will = to === null ? null : (afterById.get(to.id) ?? null);
      if (was === will) continue;
      preview.changes.push({ assetId: asset.id, fromLayerId: from?.id ?? null, toLayerId: to?.id ?? null, before: was, after: will });
      affected.add(asset.id);
    }
    for (const override of own) {
      if (!toLayerIds.has(override.layerId)) {
        preview.orphanedOverrides.push({ override, suggestedLayerId: suggest(override.layerId) });
        affected.add(asset.id);
        continue;
      }
      const message = validateOverride(toModel, override.layerId, override.responsibility);
      if (message !== null) {
        preview.refusedOverrides.push({ override, message });
        affected.add(asset.id);
      }
    }
  }
  for (const assignment of assignments) {
    if (!wanted.has(assignment.assetId) || toLayerIds.has(assignment.layerId)) continue;
    preview.orphanedAssignments.push({ assignment, suggestedLayerId: suggest(assignment.layerId) });
    affected.add(assignment.assetId);
  }
  preview.assetsAffected = affected.size;
  return preview;
}
