/**
 * Service models are the columns a responsibility model declares (`model.serviceModels`):
 * Microsoft's and Google's onprem/iaas/paas/saas, AWS's infrastructure/container/abstracted, a
 * custom model's own. The classifier speaks the standard vocabulary (STANDARD_SERVICE_MODELS);
 * these functions say which column of a given model a standard answer, a provider's own category
 * or another model's column lands in, and which model an asset is read under.
 */
import {
  STANDARD_SERVICE_MODEL_LABELS,
  STANDARD_SERVICE_MODELS,
  type Asset,
  type Classification,
  type ResponsibilityModel,
  type ServiceModel,
  type ServiceModelColumn,
  type ServiceModelCount,
  type StandardServiceModel,
  type WorkbookSettings
} from '@shared/domain';


const isStandard = (id: string): id is StandardServiceModel => (STANDARD_SERVICE_MODELS as readonly string[]).includes(id);

/** The standard service model a column receives: its declared one, else its own id when that is standard. */
export function standardOfColumn(model: ResponsibilityModel, column: ServiceModel): StandardServiceModel | null {
  if (!model.serviceModels.includes(column)) return null;
  return model.serviceModelDetails?.[column]?.standard ?? (isStandard(column) ? column : null);
}

/** The model's columns in its order, each with its label (the usual one for a standard id without details). */
export function serviceModelColumns(model: ResponsibilityModel): ServiceModelColumn[] {
  return model.serviceModels.map((id) => {
    const details = model.serviceModelDetails?.[id];
    return {
      id,
      label: details?.label ?? (isStandard(id) ? STANDARD_SERVICE_MODEL_LABELS[id] : id),
      description: details?.description ?? null,
      standard: standardOfColumn(model, id)
    };
  });
}

/** A column's label under a model; the usual label of a standard id, else the id itself. */
export function serviceModelLabel(model: ResponsibilityModel | undefined, column: ServiceModel): string {
  const details = model?.serviceModelDetails?.[column];
  if (details !== undefined) return details.label;
  return isStandard(column) ? STANDARD_SERVICE_MODEL_LABELS[column] : column;
}

/** The model's column receiving a standard service model: the column with that id, else the first declaring it. */
export function columnForStandard(model: ResponsibilityModel, standard: StandardServiceModel): ServiceModel | null {
  if (model.serviceModels.includes(standard) && standardOfColumn(model, standard) === standard) return standard;
  return model.serviceModels.find((column) => standardOfColumn(model, column) === standard) ?? null;
}

/** What the classifier answers, plus a provider table's own category (AWS's infrastructure…). */
export interface ClassifierAnswer extends Classification {
  /** The standard service model (the classifier's vocabulary). */
  serviceModel: StandardServiceModel | null;
  /** The provider's own column for the type, when a provider table knows it. */
  category?: string | null;
}

/**
 * The classifier's answer in a model's columns: the provider's own category when the model declares
 * that column (an AWS type under AWS's model), else the column receiving the standard answer; when
 * the model has no such column the asset stays unclassified and the reason says why.
 */
export function classificationUnder(model: ResponsibilityModel, answer: ClassifierAnswer): Classification {
  const { category, ...plain } = answer;
  if (category != null && model.serviceModels.includes(category)) return { ...plain, serviceModel: category };
  if (answer.serviceModel === null) return { ...plain, serviceModel: null };
  const column = columnForStandard(model, answer.serviceModel);
  if (column !== null) return { ...plain, serviceModel: column };
  return {
    ...plain,
    serviceModel: null,
    confidence: 'none',
    needsReview: true,
    reason: `${answer.reason} ${model.name} has no column for ${STANDARD_SERVICE_MODEL_LABELS[answer.serviceModel]}: choose one of ${serviceModelColumns(model).map((c) => c.label).join(', ')}.`
  };
}

/**
 * The column an asset's service model becomes when it moves from one model to another: the same id
 * when the new model declares it, else the new model's column receiving the same standard service
 * model (AWS's infrastructure ↔ IaaS), else null (the asset must be classified again).
 */
export function translateServiceModel(from: ResponsibilityModel, to: ResponsibilityModel, column: ServiceModel | null): ServiceModel | null {
  if (column === null) return null;
  if (to.serviceModels.includes(column)) return column;
  const standard = standardOfColumn(from, column);
  return standard === null ? null : columnForStandard(to, standard);
}

/** The models new workbooks read each cloud's assets under (a setting each workbook may change). */
export const DEFAULT_MODEL_BY_PROVIDER: Readonly<Record<string, string>> = Object.freeze({
  aws: 'aws-2026-12',
  gcp: 'google-cloud-2023-08'
});

/**
 * The model an asset is read under: its own choice, else its provider's model in the workbook's
 * settings, else the workbook's default model.
 */
export function assetModelId(
  asset: Pick<Asset, 'modelId' | 'provider'>,
  settings: Pick<WorkbookSettings, 'defaultModelId' | 'modelByProvider'>
): string {
  if (asset.modelId !== null) return asset.modelId;
  // Own keys only: a provider named `constructor` has no model of its own.
  const byProvider = asset.provider !== null && Object.hasOwn(settings.modelByProvider, asset.provider) ? settings.modelByProvider[asset.provider] : undefined;
  return byProvider ?? settings.defaultModelId;
}

/**
 * Counts assets per (model, column): every column of each model seen (zeros too, in the model's
 * order, models in the order given or first seen), then the unclassified ones in one row.
 * @param pairs each asset's model id and column (null: unclassified)
 */
export function countServiceModels(
  pairs: Iterable<readonly [modelId: string, column: ServiceModel | null]>,
  models: Readonly<Record<string, ResponsibilityModel>>,
  order: readonly string[] = []
): ServiceModelCount[] {
  const byModel = new Map<string, Map<string, number>>(order.map((id) => [id, new Map<string, number>()]));
  let none = 0;
  for (const [modelId, column] of pairs) {
    if (column === null) {
      none++;
      continue;
    }
    let counts = byModel.get(modelId);
    if (counts === undefined) byModel.set(modelId, (counts = new Map<string, number>()));
    counts.set(column, (counts.get(column) ?? 0) + 1);
  }
  const rows: ServiceModelCount[] = [];
  for (const [modelId, counts] of byModel) {
    const model = models[modelId];
    const columns = model === undefined ? [...counts.keys()] : [...model.serviceModels, ...[...counts.keys()].filter((c) => !model.serviceModels.includes(c))];
    for (const column of columns) {
      rows.push({ modelId, modelName: model?.name ?? modelId, serviceModel: column, label: serviceModelLabel(model, column), count: counts.get(column) ?? 0 });
    }
  }
  rows.push({ modelId: null, modelName: null, serviceModel: null, label: 'Unclassified', count: none });
  return rows;
}
