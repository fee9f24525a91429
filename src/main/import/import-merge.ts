/**
 * Rows of one import → assets: rows with the same import key merge into one asset (tags united,
 * the first non-empty value of every other field), then each asset is classified once.
 */
import { classifyResourceType } from '@core/classify';
import type { ClassifierAnswer } from '@core/service-models';
import type { ServiceModel } from '@shared/domain';
import type { ImportRow } from '@shared/import';
import { importKey } from './import-key';

/** One asset as an import will write it. */
export interface ImportedAsset {
  key: string;
  /** Index of the file it was first listed in, and the line there. */
  fileIndex: number;
  line: number;
  externalId: string | null;
  name: string;
  type: string | null;
  kind: string | null;
  sku: string | null;
  managedBy: string | null;
  provider: string;
  subscription: string | null;
  resourceGroup: string | null;
  location: string | null;
  tags: Record<string, string>;
  source: string;
  owner: string | null;
  /** A service model the file itself states (Azure Migrate: on-premises): a standard one or a model's column id. */
  serviceModelHint: ServiceModel | null;
  /** The classifier's answer; the plan puts it in the columns of the model the asset is read under. */
  classification: ClassifierAnswer;
}

export interface MergeResult {
  assets: Map<string, ImportedAsset>;
  /** Rows folded into an earlier one, per file. */
  mergedPerFile: number[];
}

function firstNonEmpty(current: string | null, next: string | null | undefined): string | null {
  if (current !== null && current.trim() !== '') return current;
  return next !== undefined && next !== null && next.trim() !== '' ? next : current;
}

function fromRow(row: ImportRow, key: string, fileIndex: number): ImportedAsset {
  return {
    key,
    fileIndex,
    line: row.line,
    externalId: row.externalId,
    name: row.name,
    type: row.type,
    kind: row.kind,
    sku: row.sku,
    managedBy: row.managedBy,
    provider: row.provider,
    subscription: row.subscription,
    resourceGroup: row.resourceGroup,
    location: row.location,
    tags: { ...row.tags },
    source: row.source,
    owner: row.owner ?? null,
    serviceModelHint: row.serviceModel ?? null,
    // Filled in by classifyAssets once every row is merged.
    classification: { serviceModel: null, confidence: 'none', reason: '', needsReview: true }
  };
}

function mergeInto(asset: ImportedAsset, row: ImportRow): void {
  asset.externalId = firstNonEmpty(asset.externalId, row.externalId);
  asset.type = firstNonEmpty(asset.type, row.type);
  asset.kind = firstNonEmpty(asset.kind, row.kind);
  asset.sku = firstNonEmpty(asset.sku, row.sku);
  asset.managedBy = firstNonEmpty(asset.managedBy, row.managedBy);
  asset.subscription = firstNonEmpty(asset.subscription, row.subscription);
  asset.resourceGroup = firstNonEmpty(asset.resourceGroup, row.resourceGroup);
  asset.location = firstNonEmpty(asset.location, row.location);
  asset.owner = firstNonEmpty(asset.owner, row.owner);
  asset.serviceModelHint ??= row.serviceModel ?? null;
  for (const [name, value] of Object.entries(row.tags)) {
    const current = asset.tags[name];
    if (current === undefined || (current === '' && value !== '')) asset.tags[name] = value;
  }
}

/** Adds one file's rows to the merge (files in order: an earlier file's values win). */
export function mergeRows(into: MergeResult, rows: readonly ImportRow[], fileIndex: number): void {
  let merged = 0;
  for (const row of rows) {
    const key = importKey(row);
    const existing = into.assets.get(key);
    if (existing === undefined) into.assets.set(key, fromRow(row, key, fileIndex));
    else {
      mergeInto(existing, row);
      merged++;
    }
  }
  into.mergedPerFile[fileIndex] = (into.mergedPerFile[fileIndex] ?? 0) + merged;
}

/** The classifier's answer for one asset (the file's own statement, if any, wins in the plan). */
export function classifyAsset(asset: ImportedAsset): ClassifierAnswer {
  return classifyResourceType({
    type: asset.type,
    kind: asset.kind,
    provider: asset.provider,
    name: asset.name,
    sku: asset.sku
  });
}
