/**
 * A damaged model reference: an asset, or the workbook's default or provider setting, names a
 * responsibility model the workbook does not hold (a hand edit, an old version, a bad merge). The
 * workbook still opens and reads: such an asset is read under a model that is there, the findings
 * say MODEL_MISSING for it, and nothing is written until the user chooses a model for it.
 */
import type { Asset, MissingModel, ModelReferenceSource, ResponsibilityModel, WorkbookSettings } from '@shared/domain';
import { assetModelId } from './service-models';

type Settings = Pick<WorkbookSettings, 'defaultModelId' | 'modelByProvider'>;
type Models = Readonly<Record<string, ResponsibilityModel>>;

/** Whether the table holds a model with this id (own keys only: `constructor` is no model). */
export function hasModel(models: Models, id: string): boolean {
  return Object.hasOwn(models, id);
}

/**
 * The model assets with a missing model are read under: the workbook's default model when it is
 * there, else the first model of the table. A workbook's table starts with the built-in models,
 * the built-in default (Microsoft 2026-01) first, so in a workbook that is the built-in default.
 * @throws Error when the table holds no model at all (a workbook always holds the built-in ones)
 */
export function fallbackModelId(settings: Settings, models: Models): string {
  if (hasModel(models, settings.defaultModelId)) return settings.defaultModelId;
  for (const id in models) if (hasModel(models, id)) return id;
  throw new Error('No responsibility model is loaded.');
}

/**
 * The model an asset is read under: the one it names (assetModelId: its own, its provider's, the
 * default) when the workbook holds it, else the fallback model (fallbackModelId).
 */
export function readModelId(asset: Pick<Asset, 'modelId' | 'provider'>, settings: Settings, models: Models): string {
  const id = assetModelId(asset, settings);
  return hasModel(models, id) ? id : fallbackModelId(settings, models);
}

/** The model the asset names when the workbook does not hold it (with where it was named and the model used instead), else null. */
export function missingModel(asset: Pick<Asset, 'modelId' | 'provider'>, settings: Settings, models: Models): MissingModel | null {
  const id = assetModelId(asset, settings);
  if (hasModel(models, id)) return null;
  const source: ModelReferenceSource =
    asset.modelId !== null ? 'asset' : asset.provider !== null && Object.hasOwn(settings.modelByProvider, asset.provider) ? 'provider' : 'default';
  return { id, source, readUnder: fallbackModelId(settings, models) };
}
