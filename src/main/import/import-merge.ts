/**
 * Rows of one import → assets: rows with the same import key merge into one asset (tags united,
 * the first non-empty value of every other field), then each asset is classified once. Rows
 * keyed by their name alone (no id) merge only when they agree: two different "Airdrie" rows are
 * two assets, and the preview says so.
 */
import { classifyByType, classifyResourceType } from '@core/classify';
import type { ClassifierAnswer } from '@core/service-models';
import type { Criticality, DataClassification, Environment } from '@shared/asset-attributes';
import type { ServiceModel } from '@shared/domain';
import type { ImportRow } from '@shared/import';
import { emptyAttributeTally, readRowAttributes, unreadTagWarnings, type AttributeTally, type RowAttributes } from './attribute-reading';
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
  /** The file's columns that map to no field, kept as read. */
  extra: Record<string, string>;
  /** Stated by a mapped column or a tag (null: the file says nothing; the workbook's value stays). */
  criticality: Criticality | null;
  dataClassification: DataClassification | null;
  environment: Environment | null;
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
  /** What the merge has to say about each file (rows that share a name but differ). */
  warningsPerFile: string[][];
  /** Where each file's rows stated their criticality, data classification and environment. */
  attributesPerFile: AttributeTally[];
}

/** What an asset holds until it is classified (shared: nothing changes it). */
const UNCLASSIFIED: ClassifierAnswer = Object.freeze({ serviceModel: null, confidence: 'none', reason: '', needsReview: true });

const SCALARS = ['type', 'kind', 'sku', 'managedBy', 'subscription', 'resourceGroup', 'location', 'owner'] as const;

/** Two values both given that differ beyond case and spacing (keys compare lower-cased too). */
function clash(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = a?.trim().toLowerCase() ?? '';
  const y = b?.trim().toLowerCase() ?? '';
  return x !== '' && y !== '' && x !== y;
}

function mapsClash(a: Record<string, string>, b: Record<string, string> | undefined): boolean {
  return Object.entries(b ?? {}).some(([k, v]) => clash(a[k], v));
}

/** Whether a row says something else than the asset it shares a key with: then it is another asset. */
function differs(asset: ImportedAsset, row: ImportRow): boolean {
  return SCALARS.some((field) => clash(asset[field], row[field])) || mapsClash(asset.tags, row.tags) || mapsClash(asset.extra, row.extra);
}

const SHOWN_NAMES = 5;

function sameNameWarning(lines: ReadonlyMap<string, number[]>): string[] {
  if (lines.size === 0) return [];
  const shown = [...lines].slice(0, SHOWN_NAMES).map(([name, at]) => `"${name}" (lines ${at.join(', ')})`);
  const more = lines.size > SHOWN_NAMES ? ` and ${lines.size - SHOWN_NAMES} more` : '';
  return [
    `Rows share a name but differ: ${shown.join(', ')}${more}. They were kept as separate assets, told apart by their order in the file; ` +
      'map an id column (asset tag, serial number) so a later import matches them for sure.'
  ];
}

function firstNonEmpty(current: string | null, next: string | null | undefined): string | null {
  if (current !== null && current.trim() !== '') return current;
  return next !== undefined && next !== null && next.trim() !== '' ? next : current;
}

function fromRow(row: ImportRow, attributes: RowAttributes, key: string, fileIndex: number): ImportedAsset {
  // Every property spelt out: a spread of \`attributes\` before twenty more properties gave each
  // asset a hidden class of its own in V8 (100k assets: ~250 MB of maps and 6 s building them).
  return {
    criticality: attributes.criticality,
    dataClassification: attributes.dataClassification,
    environment: attributes.environment,
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
    // The row's own objects, never changed (a merge builds new ones): no second copy of 100k tag sets.
    tags: row.tags,
    extra: row.extra ?? {},
    source: row.source,
    owner: row.owner ?? null,
    serviceModelHint: row.serviceModel ?? null,
    // Filled in by the import's assetClassifier once every row is merged.
    classification: UNCLASSIFIED
  };
}

function mergeInto(asset: ImportedAsset, row: ImportRow, attributes: RowAttributes): void {
  asset.criticality ??= attributes.criticality;
  asset.dataClassification ??= attributes.dataClassification;
  asset.environment ??= attributes.environment;
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
  asset.tags = filledIn(asset.tags, row.tags);
  asset.extra = filledIn(asset.extra, row.extra ?? {});
}

/** `into` with the entries it lacks (or holds empty) taken from `from`: a new object, the rows' own stay as read. */
function filledIn(into: Record<string, string>, from: Record<string, string>): Record<string, string> {
  const out = { ...into };
  for (const [name, value] of Object.entries(from)) {
    const current = out[name];
    if (current === undefined || (current === '' && value !== '')) out[name] = value;
  }
  return out;
}

/**
 * Adds one file's rows to the merge (files in order: an earlier file's values win). A row whose
 * key is its name alone joins an earlier row of that key only when they agree; otherwise it is
 * another asset, keyed `key|#2`, `key|#3`... in file order. An asset refers to its first row's
 * tags and other columns; a row merged into it gives it new objects, so no row is changed.
 */
export function mergeRows(into: MergeResult, rows: readonly ImportRow[], fileIndex: number): void {
  let merged = 0;
  const split = new Map<string, number[]>();
  const tally = (into.attributesPerFile[fileIndex] ??= emptyAttributeTally());
  for (const row of rows) {
    const key = importKey(row);
    const attributes = readRowAttributes(row, tally);
    const named = (row.externalId ?? '').trim() === '';
    let target = into.assets.get(key);
    let n = 1;
    let candidate = key;
    while (named && target !== undefined && differs(target, row)) {
      if (!split.has(row.name)) split.set(row.name, target.fileIndex === fileIndex ? [target.line] : []);
      candidate = `${key}|#${++n}`;
      target = into.assets.get(candidate);
    }
    if (n > 1) split.get(row.name)?.push(row.line);
    if (target === undefined) into.assets.set(candidate, fromRow(row, attributes, candidate, fileIndex));
    else {
      mergeInto(target, row, attributes);
      merged++;
    }
  }
  into.mergedPerFile[fileIndex] = (into.mergedPerFile[fileIndex] ?? 0) + merged;
  (into.warningsPerFile[fileIndex] ??= []).push(...sameNameWarning(split));
  into.warningsPerFile[fileIndex].push(...unreadTagWarnings(tally));
  tally.unread.clear();
}

/**
 * Classifies the assets of one import: the answer is asked once per distinct provider × type ×
 * kind when those decide it (100k assets are a few dozen types), per asset only when its name or
 * sku may decide it. A shared answer is frozen: the plan reads it, nothing changes it.
 */
export function assetClassifier(): (asset: ImportedAsset) => ClassifierAnswer {
  const byType = new Map<string, ClassifierAnswer | null>();
  return (asset) => {
    const key = `${asset.provider}\u0000${asset.type ?? ''}\u0000${asset.kind ?? ''}`;
    let answer = byType.get(key);
    if (answer === undefined) {
      const found = classifyByType(asset);
      answer = found === null ? null : Object.freeze(found);
      byType.set(key, answer);
    }
    return answer ?? classifyResourceType({ type: asset.type, kind: asset.kind, provider: asset.provider, name: asset.name, sku: asset.sku });
  };
}
