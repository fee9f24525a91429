/**
 * What an import would do, worked out against the workbook's assets loaded once into a Map:
 * new, updated, unchanged, not seen; owners named by the file; the classification summary.
 * No writes here: import-write.ts applies a plan in one transaction.
 */
import { createHash } from 'node:crypto';
import type { ClassificationSummary, ImportAssetStatus, ImportCounts, ImportSampleRow, OwnerNote } from '@shared/contract/import';
import { fallbackModelId, readModelId } from '@core/model-references';
import { classificationUnder, columnForStandard, countServiceModels, serviceModelLabel, type ClassifierAnswer } from '@core/service-models';
import type { Criticality, DataClassification, Environment } from '@shared/asset-attributes';
import {
  STANDARD_SERVICE_MODELS,
  type Classification,
  type ClassificationSource,
  type ResponsibilityModel,
  type ServiceModel,
  type StandardServiceModel,
  type WorkbookSettings
} from '@shared/domain';
import { IMPORTED_FIELDS, sortedJson, toColumnValue, type ImportedFields } from '../store/asset-fields';
import { IMPORT_ROW_INDEX, importRunSheets, iterateImportRows, type ImportCell } from '../store/repos/asset-import';
import type { Db } from '../store/workbook-file';
import type { RowAttributes } from './attribute-reading';
import type { ImportedAsset } from './import-merge';

/**
 * What the plan keeps of an existing asset: 100k of them must fit in a few tens of MB, so the
 * columns an import may rewrite are folded into one digest; the classification is kept only
 * when it was chosen by hand (an import keeps it).
 */
export interface ExistingAsset {
  id: number;
  key: string;
  source: string | null;
  /** Lower-cased, '' for none: what a file's scope is compared with. */
  subscription: string;
  /** The sheet its last import run read (xlsx), else null. */
  sheet: string | null;
  /** Flagged "not seen" by the last import of its scope. */
  notSeen: boolean;
  digest: string;
  /** The model the asset names itself (null: its provider's or the workbook's default). */
  modelId: string | null;
  /** Its criticality, data classification and environment: kept when a file states none. */
  attributes: RowAttributes;
  manual: { serviceModel: ServiceModel | null; reason: string | null; confidence: Classification['confidence'] | null; needsReview: boolean } | null;
}

type Cell = ImportCell;

/** A digest of the imported fields in stored form, in IMPORTED_FIELDS order; null is not the empty string. */
function digestOf(values: readonly Cell[]): string {
  const hash = createHash('md5');
  for (const value of values) hash.update(value === null ? '\u0001\u0000' : `${String(value)}\u0000`);
  return hash.digest('base64');
}

function storedObjectJson(raw: string): string {
  if (raw === '{}') return raw;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? sortedJson(parsed) : raw;
  } catch {
    return raw;
  }
}

const AT = IMPORT_ROW_INDEX;

const IMPORTED_END = 2 + IMPORTED_FIELDS.length;

/** Every asset's key and digest: one query read as arrays, no per-row SELECT, no row objects kept. */
export function loadExistingAssets(db: Db): Map<string, ExistingAsset> {
  const byKey = new Map<string, ExistingAsset>();
  const sheets = importRunSheets(db);
  for (const row of iterateImportRows(db)) {
    row[AT.tags] = storedObjectJson(String(row[AT.tags] ?? '{}'));
    row[AT.extra] = storedObjectJson(String(row[AT.extra] ?? '{}'));
    const manual =
      row[AT.serviceModelSource] === 'manual'
        ? {
            serviceModel: row[AT.serviceModel] as ServiceModel | null,
            reason: row[AT.classificationReason] as string | null,
            confidence: row[AT.classificationConfidence] as Classification['confidence'] | null,
            needsReview: row[AT.needsReview] === 1
          }
        : null;
    const key = String(row[1]).toLowerCase();
    const source = (row[AT.source] ?? null) as string | null;
    const runId = row[AT.lastImportRunId];
    byKey.set(key, {
      id: Number(row[0]),
      key,
      source,
      subscription: scopeSubscription(row[AT.subscription] as string | null),
      sheet: typeof runId === 'number' ? (sheets.get(runId) ?? null) : null,
      notSeen: row[AT.notSeenInLastImport] === 1,
      digest: digestOf(row.slice(2, IMPORTED_END)),
      modelId: (row[AT.modelId] ?? null) as string | null,
      attributes: {
        criticality: (row[AT.criticality] ?? null) as Criticality | null,
        dataClassification: (row[AT.dataClassification] ?? null) as DataClassification | null,
        environment: (row[AT.environment] ?? null) as Environment | null
      },
      manual
    });
  }
  return byKey;
}

/** The classification columns as they will be written. */
export interface FinalClassification {
  serviceModel: ServiceModel | null;
  source: ClassificationSource | null;
  reason: string | null;
  confidence: Classification['confidence'] | null;
  needsReview: boolean;
  manualKept: boolean;
}

export interface PlannedAsset {
  asset: ImportedAsset;
  existing: ExistingAsset | null;
  status: ImportAssetStatus;
  final: FinalClassification;
  /** The model the asset is read under (its columns are the classification's). */
  model: ResponsibilityModel;
  /** New assets only: the active party the file names as owner. */
  ownerPartyId: number | null;
}

/**
 * What one file covers, so that only assets it should have listed are flagged "not seen": its
 * source (the format), the subscriptions (accounts, projects) its rows name, and for a workbook
 * the sheet read. An az export of one subscription says nothing about another's assets.
 */
export interface FileScope {
  source: string;
  /** Lower-cased; '' stands for rows without a subscription. */
  subscriptions: ReadonlySet<string>;
  sheet: string | null;
}

/** A subscription as a scope compares it. */
export function scopeSubscription(subscription: string | null | undefined): string {
  return (subscription ?? '').trim().toLowerCase();
}

function covers(scope: FileScope, asset: ExistingAsset): boolean {
  return asset.source === scope.source && scope.subscriptions.has(asset.subscription) && (scope.sheet === null || asset.sheet === scope.sheet);
}

export interface ImportPlan {
  /**
   * Whether applying changes what the workbook says: a new or updated asset, or an asset whose
   * "not seen" flag turns. A run that changes nothing is recorded as a run, not as a change.
   */
  changesContent: boolean;
  planned: PlannedAsset[];
  /** Assets of the same source(s) absent from the files: flagged not seen. */
  notSeenIds: number[];
  countsPerFile: ImportCounts[];
  counts: ImportCounts;
  classificationPerFile: ClassificationSummary[];
  classification: ClassificationSummary;
  owners: OwnerNote;
}

export function emptyCounts(): ImportCounts {
  return { rows: 0, new: 0, updated: 0, unchanged: 0, notSeen: 0, merged: 0, errors: 0 };
}

/** A classification summary while it is counted: each asset's model and column. */
interface SummaryTally {
  pairs: (readonly [string, ServiceModel | null])[];
  needsReview: number;
}

const emptyTally = (): SummaryTally => ({ pairs: [], needsReview: 0 });

/** One pair per model × column, pushed once per asset (no array of its own per asset). */
function pairCache(): (modelId: string, column: ServiceModel | null) => readonly [string, ServiceModel | null] {
  const pairs = new Map<string, readonly [string, ServiceModel | null]>();
  return (modelId, column) => {
    const key = `${modelId}\u0000${column ?? ''}`;
    let pair = pairs.get(key);
    if (pair === undefined) pairs.set(key, (pair = [modelId, column]));
    return pair;
  };
}

function countInto(tally: SummaryTally, pair: readonly [string, ServiceModel | null], final: FinalClassification): void {
  tally.pairs.push(pair);
  if (final.needsReview) tally.needsReview++;
}

function finishSummary(tally: SummaryTally, input: Pick<PlanInput, 'models' | 'settings'>): ClassificationSummary {
  const total = tally.pairs.length;
  const unclassified = tally.pairs.filter(([, column]) => column === null).length;
  return {
    byServiceModel: countServiceModels(tally.pairs, input.models, [fallbackModelId(input.settings, input.models)]),
    needsReview: tally.needsReview,
    unclassified,
    classifiedShare: total === 0 ? 0 : (total - unclassified) / total
  };
}

/** The file's own statement of the service model, in the model's columns; the classifier's answer else. */
function classificationOf(asset: ImportedAsset, model: ResponsibilityModel): Classification {
  const hint = asset.serviceModelHint;
  if (hint !== null) {
    const column = model.serviceModels.includes(hint) ? hint : (STANDARD_SERVICE_MODELS as readonly string[]).includes(hint) ? columnForStandard(model, hint as StandardServiceModel) : null;
    if (column !== null) return { serviceModel: column, confidence: 'high', reason: 'The import file states this service model.', needsReview: false };
    return {
      serviceModel: null,
      confidence: 'none',
      reason: `The import file states the service model "${hint}", which ${model.name} has no column for: choose one of ${model.serviceModels.join(', ')}.`,
      needsReview: true
    };
  }
  return classificationUnder(model, asset.classification);
}

function finalClassification(asset: ImportedAsset, existing: ExistingAsset | null, model: ResponsibilityModel): FinalClassification {
  if (existing?.manual) return { ...existing.manual, source: 'manual', manualKept: true };
  const c = classificationOf(asset, model);
  return {
    serviceModel: c.serviceModel,
    source: c.serviceModel === null ? null : asset.serviceModelHint !== null ? 'import' : 'classifier',
    reason: c.reason,
    confidence: c.confidence,
    needsReview: c.needsReview || c.serviceModel === null,
    manualKept: false
  };
}

/**
 * finalClassification once per shared classifier answer (frozen by the import's assetClassifier)
 * and model: a hundred thousand assets of a few dozen types share a few dozen frozen results.
 */
function finalClassifications(): typeof finalClassification {
  const shared = new Map<ClassifierAnswer, Map<string, FinalClassification>>();
  return (asset, existing, model) => {
    const answer = asset.classification;
    if (existing?.manual || asset.serviceModelHint !== null || !Object.isFrozen(answer)) return finalClassification(asset, existing, model);
    let byModel = shared.get(answer);
    if (byModel === undefined) shared.set(answer, (byModel = new Map<string, FinalClassification>()));
    let final = byModel.get(model.id);
    if (final === undefined) byModel.set(model.id, (final = Object.freeze(finalClassification(asset, existing, model))));
    return final;
  };
}

/**
 * The fields an import writes for a planned asset (also what its digest is computed over). An
 * attribute the file does not state keeps the workbook's value (set by hand or by an earlier file).
 */
export function importedFields(asset: ImportedAsset, final: FinalClassification, existing: ExistingAsset | null): ImportedFields {
  return {
    externalId: asset.externalId,
    name: asset.name,
    type: asset.type,
    kind: asset.kind,
    sku: asset.sku,
    managedBy: asset.managedBy,
    provider: asset.provider,
    subscription: asset.subscription,
    resourceGroup: asset.resourceGroup,
    location: asset.location,
    tags: asset.tags,
    extra: asset.extra,
    criticality: asset.criticality ?? existing?.attributes.criticality ?? null,
    dataClassification: asset.dataClassification ?? existing?.attributes.dataClassification ?? null,
    environment: asset.environment ?? existing?.attributes.environment ?? null,
    serviceModel: final.serviceModel,
    serviceModelSource: final.source,
    classificationReason: final.reason,
    classificationConfidence: final.confidence,
    needsReview: final.needsReview,
    source: asset.source
  };
}

/** The same digest as loadExistingAssets computes, for the asset as the import would write it. */
function plannedDigest(fields: ImportedFields): string {
  return digestOf(IMPORTED_FIELDS.map((field) => toColumnValue(field, fields[field])));
}

export interface PlanInput {
  assets: Iterable<ImportedAsset>;
  fileCount: number;
  rowsPerFile: number[];
  mergedPerFile: number[];
  errorsPerFile: number[];
  /** What each file covers: absent assets in a file's scope become "not seen". */
  fileScopes: readonly FileScope[];
  existing: Map<string, ExistingAsset>;
  /** Active parties by lower-cased name (and e-mail). */
  activeParties: Map<string, number>;
  /** The workbook's models and settings: each asset is classified into the columns of the model it is read under. */
  models: Readonly<Record<string, ResponsibilityModel>>;
  settings: Pick<WorkbookSettings, 'defaultModelId' | 'modelByProvider'>;
}

/** Compares the merged, classified assets with the workbook's. */
export function planImport(input: PlanInput): ImportPlan {
  const countsPerFile = Array.from({ length: input.fileCount }, (_, i) => ({
    ...emptyCounts(),
    rows: input.rowsPerFile[i] ?? 0,
    merged: input.mergedPerFile[i] ?? 0,
    errors: input.errorsPerFile[i] ?? 0
  }));
  const classificationPerFile = Array.from({ length: input.fileCount }, emptyTally);
  const classification = emptyTally();
  const planned: PlannedAsset[] = [];
  const seen = new Set<string>();
  const unknownOwners = new Set<string>();
  let ownersAssigned = 0;
  const finalOf = finalClassifications();
  const pairOf = pairCache();
  for (const asset of input.assets) {
    const existing = input.existing.get(asset.key) ?? null;
    seen.add(asset.key);
    // Classified into the columns of the model it is read under (a missing model's fallback too).
    const modelId = readModelId({ modelId: existing?.modelId ?? null, provider: asset.provider }, input.settings, input.models);
    const model = input.models[modelId]!;
    const final = finalOf(asset, existing, model);
    let status: ImportAssetStatus = 'new';
    let ownerPartyId: number | null = null;
    if (existing !== null) status = plannedDigest(importedFields(asset, final, existing)) === existing.digest ? 'unchanged' : 'updated';
    else if (asset.owner !== null) {
      ownerPartyId = input.activeParties.get(asset.owner.trim().toLowerCase()) ?? null;
      if (ownerPartyId === null) unknownOwners.add(asset.owner.trim());
      else ownersAssigned++;
    }
    const fileCounts = countsPerFile[asset.fileIndex];
    if (fileCounts) fileCounts[status]++;
    const fileSummary = classificationPerFile[asset.fileIndex];
    const pair = pairOf(modelId, final.serviceModel);
    if (fileSummary) countInto(fileSummary, pair, final);
    countInto(classification, pair, final);
    // An unchanged asset is only marked seen: its tag text is not kept.
    planned.push({ asset, existing, status, final, model, ownerPartyId });
  }
  const notSeenIds: number[] = [];
  let flagsTurn = planned.some((p) => p.existing?.notSeen === true);
  for (const e of input.existing.values()) {
    if (seen.has(e.key)) continue;
    const fileIndex = input.fileScopes.findIndex((scope) => covers(scope, e));
    if (fileIndex < 0) continue;
    notSeenIds.push(e.id);
    if (!e.notSeen) flagsTurn = true;
    const fileCounts = countsPerFile[fileIndex];
    if (fileCounts) fileCounts.notSeen++;
  }
  const counts = emptyCounts();
  for (const c of countsPerFile) {
    for (const field of ['rows', 'new', 'updated', 'unchanged', 'merged', 'errors', 'notSeen'] as const) counts[field] += c[field];
  }
  return {
    changesContent: counts.new > 0 || counts.updated > 0 || flagsTurn,
    planned,
    notSeenIds,
    countsPerFile,
    counts,
    classificationPerFile: classificationPerFile.map((tally) => finishSummary(tally, input)),
    classification: finishSummary(classification, input),
    owners: { assigned: ownersAssigned, unknownNames: [...unknownOwners].sort().slice(0, 50) }
  };
}

/** The first assets of a file, as the preview shows them. */
export function sampleOf(plan: ImportPlan, fileIndex: number, size = 50): ImportSampleRow[] {
  const sample: ImportSampleRow[] = [];
  for (const p of plan.planned) {
    if (p.asset.fileIndex !== fileIndex) continue;
    sample.push({
      line: p.asset.line,
      name: p.asset.name,
      type: p.asset.type,
      kind: p.asset.kind,
      subscription: p.asset.subscription,
      resourceGroup: p.asset.resourceGroup,
      location: p.asset.location,
      serviceModel: p.final.serviceModel,
      serviceModelLabel: p.final.serviceModel === null ? null : serviceModelLabel(p.model, p.final.serviceModel),
      modelName: p.model.name,
      confidence: p.final.confidence ?? 'none',
      needsReview: p.final.needsReview,
      reason: p.final.reason ?? '',
      status: p.status,
      manualKept: p.final.manualKept
    });
    if (sample.length >= size) break;
  }
  return sample;
}
