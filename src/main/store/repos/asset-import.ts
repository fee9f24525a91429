/**
 * The SQL of an inventory import: one read of every asset as arrays (100k rows, no row objects)
 * and the prepared statements an import run writes with, inside the service's transaction. The
 * columns come from the field table: what an import writes is IMPORTED_FIELDS.
 */
import { columnOf, IMPORTED_FIELDS, insertSql, setClause, toColumnValue, toParams, type AssetField, type ImportedFields } from '../asset-fields';
import type { Db } from '../workbook-file';

export type ImportCell = string | number | null;

/**
 * What an import reads of each asset besides its imported fields: whether it was seen, by which
 * run, and the model it names (which decides the columns it is classified into).
 */
const IMPORT_ROW_TAIL = ['notSeenInLastImport', 'lastImportRunId', 'modelId'] as const satisfies readonly AssetField[];

/**
 * Every asset as [id, key, ...IMPORTED_FIELDS, ...IMPORT_ROW_TAIL] in stored form (booleans 0/1,
 * tags as JSON text).
 */
export function iterateImportRows(db: Db): IterableIterator<ImportCell[]> {
  const columns = ['id', 'key', ...IMPORTED_FIELDS, ...IMPORT_ROW_TAIL].map((field) => columnOf(field as AssetField)).join(', ');
  return db.prepare(`SELECT ${columns} FROM assets`).raw().iterate() as IterableIterator<ImportCell[]>;
}

/** Where each field sits in a row of iterateImportRows; the imported fields are IMPORTED_FIELDS.length from index 2. */
export const IMPORT_ROW_INDEX = Object.fromEntries(
  [...IMPORTED_FIELDS, ...IMPORT_ROW_TAIL].map((field, i) => [field, i + 2])
) as Record<(typeof IMPORTED_FIELDS)[number] | (typeof IMPORT_ROW_TAIL)[number], number>;

/** The sheet each import run read (xlsx), by run id; runs of other files have none. */
export function importRunSheets(db: Db): Map<number, string> {
  const rows = db.prepare('SELECT id, sheet FROM import_runs WHERE sheet IS NOT NULL').raw().all() as [number, string][];
  return new Map(rows);
}

export interface ImportRunRow {
  fileName: string;
  /** xlsx: the sheet read (what the run covers); null for other files. */
  sheet: string | null;
  sha256: string;
  format: string;
  encoding: string;
  counts: string;
  actor: string;
  at: string;
}

/** A new asset: its key and imported fields, the owner the file names, when and by which run. */
export interface NewImportedAsset {
  key: string;
  fields: ImportedFields;
  ownerPartyId: number | null;
  at: string;
  runId: number | null;
}

export interface ImportStatements {
  insertRun(run: ImportRunRow): number;
  insertAsset(asset: NewImportedAsset): void;
  /** Rewrites an existing asset's imported fields and marks it seen by the run. */
  updateAsset(id: number, fields: ImportedFields, runId: number | null, at: string): void;
  markSeen(runId: number | null, id: number): void;
  markNotSeen(id: number): void;
}

const INSERTED = ['key', ...IMPORTED_FIELDS, 'ownerPartyId', 'notSeenInLastImport', 'createdAt', 'updatedAt', 'lastImportRunId'] as const satisfies readonly AssetField[];
const UPDATED = [...IMPORTED_FIELDS, 'notSeenInLastImport', 'lastImportRunId', 'updatedAt'] as const satisfies readonly AssetField[];

/** What a new asset's column holds (read per column: no object is built per inserted row). */
function insertedValue(asset: NewImportedAsset, field: (typeof INSERTED)[number]): unknown {
  switch (field) {
    case 'key':
      return asset.key;
    case 'ownerPartyId':
      return asset.ownerPartyId;
    case 'notSeenInLastImport':
      return false;
    case 'createdAt':
    case 'updatedAt':
      return asset.at;
    case 'lastImportRunId':
      return asset.runId;
    default:
      return asset.fields[field];
  }
}

/** Prepares the statements once per import run. */
export function prepareImportStatements(db: Db): ImportStatements {
  const insertRun = db.prepare(
    `INSERT INTO import_runs (file_name, sheet, sha256, format, encoding, counts_json, actor, at)
     VALUES (@fileName, @sheet, @sha256, @format, @encoding, @counts, @actor, @at)`
  );
  const insertAsset = db.prepare(insertSql(INSERTED));
  const updateAsset = db.prepare(`UPDATE assets SET ${setClause(UPDATED)} WHERE ${columnOf('id')} = @id`);
  const seen = columnOf('notSeenInLastImport');
  const markSeen = db.prepare(`UPDATE assets SET ${seen} = 0, ${columnOf('lastImportRunId')} = ? WHERE ${columnOf('id')} = ?`);
  const markNotSeen = db.prepare(`UPDATE assets SET ${seen} = 1 WHERE ${columnOf('id')} = ? AND ${seen} = 0`);
  return {
    insertRun: (run) => Number(insertRun.run(run).lastInsertRowid),
    insertAsset: (asset) => {
      const values = new Array<string | number | null>(INSERTED.length);
      for (let i = 0; i < INSERTED.length; i++) values[i] = toColumnValue(INSERTED[i]!, insertedValue(asset, INSERTED[i]!));
      insertAsset.run(values);
    },
    updateAsset: (id, fields, runId, at) =>
      void updateAsset.run({ ...toParams(UPDATED, { ...fields, notSeenInLastImport: false, lastImportRunId: runId, updatedAt: at }), id }),
    markSeen: (runId, id) => void markSeen.run(runId, id),
    markNotSeen: (id) => void markNotSeen.run(id)
  };
}
