/**
 * The SQL of an inventory import: one read of every asset as arrays (100k rows, no row objects)
 * and the prepared statements an import run writes with, inside the service's transaction.
 */
import type { Db } from '../workbook-file';

export type ImportCell = string | number | null;

/**
 * Every asset as [id, key, source, service_model_source, ...compared], where compared are the
 * columns an import may rewrite, in this order: external_id, name, type, kind, sku, managed_by,
 * provider, subscription, resource_group, location, tags, service_model, classification_reason,
 * classification_confidence, needs_review.
 */
export function iterateImportRows(db: Db): IterableIterator<ImportCell[]> {
  return db
    .prepare(
      `SELECT id, key, source, service_model_source, external_id, name, type, kind, sku, managed_by, provider, subscription,
         resource_group, location, tags, service_model, classification_reason, classification_confidence, needs_review
       FROM assets`
    )
    .raw()
    .iterate() as IterableIterator<ImportCell[]>;
}

export interface ImportRunRow {
  fileName: string;
  sha256: string;
  format: string;
  encoding: string;
  counts: string;
  actor: string;
  at: string;
}

export interface ImportStatements {
  insertRun(run: ImportRunRow): number;
  /** key, external_id, name, type, kind, sku, managed_by, provider, subscription, resource_group, location, tags,
   *  service_model, service_model_source, classification_reason, classification_confidence, needs_review,
   *  owner_party_id, source, created_at, updated_at, last_import_run_id */
  insertAsset(...values: ImportCell[]): void;
  /** external_id … needs_review as above, then source, last_import_run_id, updated_at, id */
  updateAsset(...values: ImportCell[]): void;
  markSeen(runId: number | null, id: number): void;
  markNotSeen(id: number): void;
}

/** Prepares the statements once per import run. */
export function prepareImportStatements(db: Db): ImportStatements {
  const insertRun = db.prepare(
    `INSERT INTO import_runs (file_name, sha256, format, encoding, counts_json, actor, at)
     VALUES (@fileName, @sha256, @format, @encoding, @counts, @actor, @at)`
  );
  const insertAsset = db.prepare(
    `INSERT INTO assets (key, external_id, name, type, kind, sku, managed_by, provider, subscription, resource_group, location, tags,
       service_model, service_model_source, classification_reason, classification_confidence, needs_review,
       owner_party_id, not_seen_in_last_import, source, created_at, updated_at, last_import_run_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`
  );
  const updateAsset = db.prepare(
    `UPDATE assets SET external_id = ?, name = ?, type = ?, kind = ?, sku = ?, managed_by = ?, provider = ?, subscription = ?,
       resource_group = ?, location = ?, tags = ?, service_model = ?, service_model_source = ?, classification_reason = ?,
       classification_confidence = ?, needs_review = ?, source = ?, not_seen_in_last_import = 0, last_import_run_id = ?,
       updated_at = ?
     WHERE id = ?`
  );
  const markSeen = db.prepare('UPDATE assets SET not_seen_in_last_import = 0, last_import_run_id = ? WHERE id = ?');
  const markNotSeen = db.prepare('UPDATE assets SET not_seen_in_last_import = 1 WHERE id = ? AND not_seen_in_last_import = 0');
  return {
    insertRun: (run) => Number(insertRun.run(run).lastInsertRowid),
    insertAsset: (...values) => void insertAsset.run(...values),
    updateAsset: (...values) => void updateAsset.run(...values),
    markSeen: (runId, id) => void markSeen.run(runId, id),
    markNotSeen: (id) => void markNotSeen.run(id)
  };
}
