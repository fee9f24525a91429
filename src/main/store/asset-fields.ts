/**
 * The asset's fields, declared once: each Asset property with its column in the `assets` table
 * (0001_initial.sql and later migrations) and how its value is stored. The row ↔ Asset mapping,
 * the SELECT lists, the columns an edit may patch and the import's INSERT and UPDATE are all
 * generated from this table, with named parameters (`@ownerPartyId`), so a column is spelled here
 * and in its migration and nowhere else.
 */
import { ASSET_ATTRIBUTES } from '@shared/asset-attributes';
import type { Asset } from '@shared/domain';

/** How a value is stored: text or integer as is, a boolean as 0/1, a JSON object as text. */
type StorageOf<T> = [NonNullable<T>] extends [boolean]
  ? 'boolean'
  : [NonNullable<T>] extends [number]
    ? 'integer'
    : [NonNullable<T>] extends [string]
      ? 'text'
      : 'json';

type FieldTable = { readonly [F in keyof Asset]-?: { readonly column: string; readonly storage: StorageOf<Asset[F]> } };

export const ASSET_FIELDS = {
  id: { column: 'id', storage: 'integer' },
  key: { column: 'key', storage: 'text' },
  externalId: { column: 'external_id', storage: 'text' },
  name: { column: 'name', storage: 'text' },
  type: { column: 'type', storage: 'text' },
  kind: { column: 'kind', storage: 'text' },
  sku: { column: 'sku', storage: 'text' },
  managedBy: { column: 'managed_by', storage: 'text' },
  provider: { column: 'provider', storage: 'text' },
  subscription: { column: 'subscription', storage: 'text' },
  resourceGroup: { column: 'resource_group', storage: 'text' },
  location: { column: 'location', storage: 'text' },
  tags: { column: 'tags', storage: 'json' },
  extra: { column: 'extra', storage: 'json' },
  criticality: { column: 'criticality', storage: 'text' },
  dataClassification: { column: 'data_classification', storage: 'text' },
  environment: { column: 'environment', storage: 'text' },
  serviceModel: { column: 'service_model', storage: 'text' },
  serviceModelSource: { column: 'service_model_source', storage: 'text' },
  classificationReason: { column: 'classification_reason', storage: 'text' },
  classificationConfidence: { column: 'classification_confidence', storage: 'text' },
  needsReview: { column: 'needs_review', storage: 'boolean' },
  modelId: { column: 'model_id', storage: 'text' },
  ownerPartyId: { column: 'owner_party_id', storage: 'integer' },
  lastReviewedAt: { column: 'last_reviewed_at', storage: 'text' },
  notSeenInLastImport: { column: 'not_seen_in_last_import', storage: 'boolean' },
  lastImportRunId: { column: 'last_import_run_id', storage: 'integer' },
  source: { column: 'source', storage: 'text' },
  createdAt: { column: 'created_at', storage: 'text' },
  updatedAt: { column: 'updated_at', storage: 'text' }
} as const satisfies FieldTable;

export type AssetField = keyof typeof ASSET_FIELDS;

/** Every field, in the table's order (the order of every generated list). */
export const ASSET_FIELD_NAMES = Object.keys(ASSET_FIELDS) as AssetField[];

/** The fields an edit may change (bulk assign, undo/redo); everything else comes from imports. */
export const PATCHABLE_FIELDS = [
  'serviceModel',
  'serviceModelSource',
  'classificationReason',
  'classificationConfidence',
  'needsReview',
  'modelId',
  'ownerPartyId',
  'lastReviewedAt',
  ...ASSET_ATTRIBUTES
] as const satisfies readonly AssetField[];

/** Column-level changes an edit writes; every call is inside the service's transaction. */
export type AssetPatch = Partial<Pick<Asset, (typeof PATCHABLE_FIELDS)[number]>>;

/** The fields an import writes for an asset it reads (compared to tell "updated" from "unchanged"). */
export const IMPORTED_FIELDS = [
  'externalId',
  'name',
  'type',
  'kind',
  'sku',
  'managedBy',
  'provider',
  'subscription',
  'resourceGroup',
  'location',
  'tags',
  'extra',
  ...ASSET_ATTRIBUTES,
  'serviceModel',
  'serviceModelSource',
  'classificationReason',
  'classificationConfidence',
  'needsReview',
  'source'
] as const satisfies readonly AssetField[];

export type ImportedFields = Pick<Asset, (typeof IMPORTED_FIELDS)[number]>;

/**
 * The fields a merge of two copies compares and carries over: what an import writes and what an
 * edit may change. The rest is each copy's own bookkeeping (row id, import run, "not seen", times).
 */
export const MERGED_FIELDS = [...new Set<AssetField>([...IMPORTED_FIELDS, ...PATCHABLE_FIELDS])];

export type MergedFields = Partial<Pick<Asset, (typeof IMPORTED_FIELDS)[number] | (typeof PATCHABLE_FIELDS)[number]>>;

/** The column of a field. */
export function columnOf(field: AssetField): string {
  return ASSET_FIELDS[field].column;
}

/** An object as stored JSON: keys sorted, so equal objects are equal text. */
export function sortedJson(value: object): string {
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  // Already in order (most tag sets are small and many are): stringified as they are, no copy.
  let inOrder = true;
  for (let i = 1; i < keys.length && inOrder; i++) inOrder = keys[i - 1]! < keys[i]!;
  if (inOrder) return JSON.stringify(value);
  keys.sort();
  const sorted: Record<string, unknown> = {};
  for (const key of keys) sorted[key] = (value as Record<string, unknown>)[key];
  return JSON.stringify(sorted);
}

/** A value as SQLite stores it: booleans as 0/1, JSON objects as text with sorted keys. */
export function toColumnValue(field: AssetField, value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  switch (ASSET_FIELDS[field].storage) {
    case 'boolean':
      return value ? 1 : 0;
    case 'json':
      return typeof value === 'object' ? sortedJson(value) : String(value as string);
    default:
      return value as string | number;
  }
}

/** Named parameters for `fields`, from an object keyed by field name. */
export function toParams(fields: readonly AssetField[], values: Partial<Record<AssetField, unknown>>): Record<string, string | number | null> {
  const params: Record<string, string | number | null> = {};
  for (const field of fields) params[field] = toColumnValue(field, values[field]);
  return params;
}

/**
 * Positional parameters for `fields` (an insertSql statement), from an object keyed by field name:
 * binding an array in order is much cheaper than by name, which counts over 100k inserts.
 */
export function toValues(fields: readonly AssetField[], values: Partial<Record<AssetField, unknown>>): (string | number | null)[] {
  const out = new Array<string | number | null>(fields.length);
  for (let i = 0; i < fields.length; i++) out[i] = toColumnValue(fields[i]!, values[fields[i]!]);
  return out;
}

/** `col = @field, …` for an UPDATE of `fields`. */
export function setClause(fields: readonly AssetField[]): string {
  return fields.map((field) => `${columnOf(field)} = @${field}`).join(', ');
}

/** `INSERT INTO assets (cols…) VALUES (?, …)`, bound with toValues(fields, …). */
export function insertSql(fields: readonly AssetField[]): string {
  return `INSERT INTO assets (${fields.map(columnOf).join(', ')}) VALUES (${fields.map(() => '?').join(', ')})`;
}

/** The SELECT expression of one field inside json_array(): JSON columns as JSON, not as text. */
export function jsonSelectOf(field: AssetField, table = ''): string {
  const column = `${table}${columnOf(field)}`;
  return ASSET_FIELDS[field].storage === 'json' ? `json(${column})` : column;
}

/** `json_array(…)` of `fields`, in their order: one row as one JSON array. */
export function jsonArrayOf(fields: readonly AssetField[]): string {
  return `json_array(${fields.map((field) => jsonSelectOf(field)).join(', ')})`;
}

/** `json_array(…)` of every field, in ASSET_FIELD_NAMES order. */
export const ASSET_JSON_ARRAY = jsonArrayOf(ASSET_FIELD_NAMES);

/**
 * The reader of json_array rows of `fields` (jsonArrayOf): an object with those fields, booleans
 * and empty JSON decoded.
 */
export function jsonRowReader<F extends AssetField>(fields: readonly F[]): (row: readonly unknown[]) => Pick<Asset, F> {
  const storage = fields.map((field) => ASSET_FIELDS[field].storage);
  // Each asset starts as a copy of one object that already holds its fields, made by JSON.parse
  // (V8's fast layout, copied as such). Set one by one on an empty object, 30 properties put the
  // object in V8's dictionary mode: every asset then took about twice the memory and every read or
  // copy of one was slower (History at 100k assets: peak RSS 714 → 478 MB, its answer 2.1 → 1.6 s).
  const blank = JSON.parse(JSON.stringify(Object.fromEntries(fields.map((field) => [field, null])))) as Record<string, unknown>;
  return (row) => {
    const asset: Record<string, unknown> = { ...blank };
    for (let i = 0; i < fields.length; i++) {
      const value = row[i] ?? null;
      const kind = storage[i];
      asset[fields[i]!] = kind === 'boolean' ? value === 1 : kind === 'json' ? (value ?? {}) : value;
    }
    return asset as Pick<Asset, F>;
  };
}

/** An Asset from one json_array row of every field (ASSET_JSON_ARRAY). */
export const assetFromJsonRow: (row: readonly unknown[]) => Asset = jsonRowReader(ASSET_FIELD_NAMES);
