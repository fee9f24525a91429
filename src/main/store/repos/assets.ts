import type { Asset, ClassificationSource, ServiceModel } from '@shared/domain';
import type { Db } from '../workbook-file';

export interface AssetRow {
  id: number;
  key: string;
  external_id: string | null;
  name: string;
  type: string | null;
  kind: string | null;
  sku: string | null;
  managed_by: string | null;
  provider: string | null;
  subscription: string | null;
  resource_group: string | null;
  location: string | null;
  tags: string;
  service_model: ServiceModel | null;
  service_model_source: ClassificationSource | null;
  classification_reason: string | null;
  classification_confidence: Asset['classificationConfidence'];
  needs_review: number;
  model_id: string | null;
  owner_party_id: number | null;
  last_reviewed_at: string | null;
  not_seen_in_last_import: number;
  source: string | null;
  created_at: string;
  updated_at: string;
}

function parseTags(raw: string): Record<string, string> {
  const parsed: unknown = JSON.parse(raw);
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
}

export function toAsset(row: AssetRow): Asset {
  return {
    id: row.id,
    key: row.key,
    externalId: row.external_id,
    name: row.name,
    type: row.type,
    kind: row.kind,
    sku: row.sku,
    provider: row.provider,
    subscription: row.subscription,
    resourceGroup: row.resource_group,
    location: row.location,
    tags: row.tags === '{}' ? {} : parseTags(row.tags),
    serviceModel: row.service_model,
    serviceModelSource: row.service_model_source,
    classificationReason: row.classification_reason,
    classificationConfidence: row.classification_confidence,
    needsReview: row.needs_review === 1,
    modelId: row.model_id,
    ownerPartyId: row.owner_party_id,
    lastReviewedAt: row.last_reviewed_at,
    notSeenInLastImport: row.not_seen_in_last_import === 1,
    source: row.source,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}

/** The columns of Asset, in the order listAssets' JSON rows carry them. */
const ASSET_JSON_COLUMNS = [
  'id',
  'key',
  'external_id',
  'name',
  'type',
  'kind',
  'sku',
  'provider',
  'subscription',
  'resource_group',
  'location',
  'json(tags)',
  'service_model',
  'service_model_source',
  'classification_reason',
  'classification_confidence',
  'needs_review',
  'model_id',
  'owner_party_id',
  'last_reviewed_at',
  'not_seen_in_last_import',
  'source',
  'created_at',
  'updated_at'
] as const;

type AssetJsonRow = [
  number,
  string,
  string | null,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  Record<string, string> | null,
  ServiceModel | null,
  ClassificationSource | null,
  string | null,
  Asset['classificationConfidence'],
  number,
  string | null,
  number | null,
  string | null,
  number,
  string | null,
  string,
  string
];

/** Which assets to read: all of them, or a slice in id order (after an id, or from an offset). */
export type AssetSlice = { afterId: number; limit: number } | { offset: number; limit: number };

/**
 * Assets in id order: every one, or a slice. Reading 100k rows × 24 columns value by value
 * through the driver costs about 2 s on a small laptop; SQLite's json_group_array builds one
 * JSON text in C and JSON.parse reads it back several times faster. A slice lets the app load a
 * large workbook a part at a time while it keeps answering.
 */
export function listAssets(db: Db, slice?: AssetSlice): Asset[] {
  const columns = ASSET_JSON_COLUMNS.join(', ');
  const json = (
    slice === undefined
      ? db
          .prepare(`SELECT json_group_array(json_array(${columns})) FROM (SELECT * FROM assets ORDER BY id)`)
          .pluck()
          .get()
      : 'afterId' in slice
        ? db
            .prepare(
              `SELECT json_group_array(json_array(${columns})) FROM (SELECT * FROM assets WHERE id > ? ORDER BY id LIMIT ?)`
            )
            .pluck()
            .get(slice.afterId, slice.limit)
        : db
            .prepare(
              `SELECT json_group_array(json_array(${columns})) FROM (SELECT * FROM assets ORDER BY id LIMIT ? OFFSET ?)`
            )
            .pluck()
            .get(slice.limit, slice.offset)
  ) as string;
  const rows = JSON.parse(json) as AssetJsonRow[];
  const assets = new Array<Asset>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    assets[i] = {
      id: r[0],
      key: r[1],
      externalId: r[2],
      name: r[3],
      type: r[4],
      kind: r[5],
      sku: r[6],
      provider: r[7],
      subscription: r[8],
      resourceGroup: r[9],
      location: r[10],
      tags: r[11] ?? {},
      serviceModel: r[12],
      serviceModelSource: r[13],
      classificationReason: r[14],
      classificationConfidence: r[15],
      needsReview: r[16] === 1,
      modelId: r[17],
      ownerPartyId: r[18],
      lastReviewedAt: r[19],
      notSeenInLastImport: r[20] === 1,
      source: r[21],
      createdAt: r[22],
      updatedAt: r[23]
    };
  }
  // SQLite keeps the subquery's order in practice; the contract promises id order, so make sure.
  for (let i = 1; i < assets.length; i++) {
    if (assets[i - 1]!.id > assets[i]!.id) return assets.sort((a, b) => a.id - b.id);
  }
  return assets;
}

export function getAsset(db: Db, id: number): Asset | null {
  const row = db.prepare('SELECT * FROM assets WHERE id = ?').get(id) as AssetRow | undefined;
  return row ? toAsset(row) : null;
}

export function getAssetsByIds(db: Db, ids: readonly number[]): Asset[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare('SELECT * FROM assets WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id')
    .all(JSON.stringify(ids)) as AssetRow[];
  return rows.map(toAsset);
}

export function countAssets(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM assets').get() as { n: number }).n;
}

export function countAssetsByServiceModel(db: Db): Record<ServiceModel | 'none', number> {
  const counts: Record<ServiceModel | 'none', number> = { onprem: 0, iaas: 0, paas: 0, saas: 0, none: 0 };
  const rows = db
    .prepare('SELECT service_model AS sm, count(*) AS n FROM assets GROUP BY service_model')
    .all() as {
    sm: ServiceModel | null;
    n: number;
  }[];
  for (const row of rows) counts[row.sm ?? 'none'] = row.n;
  return counts;
}

/** Column-level updates used by services; every call is inside the service's transaction. */
export interface AssetPatch {
  serviceModel?: ServiceModel | null;
  serviceModelSource?: ClassificationSource | null;
  classificationReason?: string | null;
  classificationConfidence?: Asset['classificationConfidence'];
  needsReview?: boolean;
  modelId?: string | null;
  ownerPartyId?: number | null;
  lastReviewedAt?: string | null;
}

const PATCH_COLUMNS: Record<keyof AssetPatch, string> = {
  serviceModel: 'service_model',
  serviceModelSource: 'service_model_source',
  classificationReason: 'classification_reason',
  classificationConfidence: 'classification_confidence',
  needsReview: 'needs_review',
  modelId: 'model_id',
  ownerPartyId: 'owner_party_id',
  lastReviewedAt: 'last_reviewed_at'
};

/** Applies the same patch to many assets with one prepared statement. */
export function patchAssets(db: Db, ids: readonly number[], patch: AssetPatch, updatedAt: string): number {
  const keys = (Object.keys(patch) as (keyof AssetPatch)[]).filter((key) => patch[key] !== undefined);
  if (keys.length === 0 || ids.length === 0) return 0;
  const sets = keys.map((key) => `${PATCH_COLUMNS[key]} = @${key}`).join(', ');
  const params: Record<string, string | number | null> = { updatedAt };
  for (const key of keys) {
    const value = patch[key];
    params[key] = typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? null);
  }
  const statement = db.prepare(`UPDATE assets SET ${sets}, updated_at = @updatedAt WHERE id = @id`);
  let changed = 0;
  for (const id of ids) changed += statement.run({ ...params, id }).changes;
  return changed;
}
