/** Reading and patching assets; the SQL is generated from the field table (asset-fields.ts). */
import type { Asset } from '@shared/domain';
import {
  ASSET_FIELD_NAMES,
  ASSET_JSON_ARRAY,
  assetFromJsonRow,
  columnOf,
  jsonArrayOf,
  jsonRowReader,
  insertSql,
  setClause,
  toParams,
  toValues,
  type AssetField,
  type MergedFields
} from '../asset-fields';
import { cachedStatement } from '../statements';
import type { Db } from '../workbook-file';

/** Which assets to read: all of them, a slice in id order (after an id, or from an offset), or those of a list of ids. */
export type AssetSlice = { afterId: number; limit: number } | { offset: number; limit: number } | { ids: readonly number[] };

/**
 * Assets in id order: every one, or a slice. Reading 100k rows × 30 columns value by value
 * through the driver costs about 2 s on a small laptop; SQLite spells each row as one JSON array
 * in C and JSON.parse reads it back several times faster. One text per row rather than one
 * json_group_array text per slice: at 100k in pages of 1,000, 0.84–0.94 s CPU against 1.12–1.27 s
 * (SQLite builds the group's text by copying each row's again). A slice lets the app load a
 * large workbook a part at a time while it keeps answering.
 */
export function listAssets(db: Db, slice?: AssetSlice): Asset[] {
  return listAssetFields(db, ASSET_FIELD_NAMES, slice);
}

/**
 * The same, each asset with `fields` only: a pass that needs a few fields (the findings read 14
 * of 30) reads and parses only their columns — at 100k assets, about half the cost of whole rows.
 */
export function listAssetFields<F extends AssetField>(db: Db, fields: readonly F[], slice?: AssetSlice): Pick<Asset, F>[] {
  const select = `SELECT ${jsonArrayOf(fields)} FROM assets`;
  const rows = (
    slice === undefined
      ? cachedStatement(db, `${select} ORDER BY id`, 'pluck').all()
      : 'ids' in slice
        ? cachedStatement(db, `${select} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`, 'pluck').all(JSON.stringify(slice.ids))
        : 'afterId' in slice
          ? cachedStatement(db, `${select} WHERE id > ? ORDER BY id LIMIT ?`, 'pluck').all(slice.afterId, slice.limit)
          : cachedStatement(db, `${select} ORDER BY id LIMIT ? OFFSET ?`, 'pluck').all(slice.limit, slice.offset)
  ) as string[];
  const read = jsonRowReader(fields);
  const assets = new Array<Pick<Asset, F>>(rows.length);
  for (let i = 0; i < rows.length; i++) assets[i] = read(JSON.parse(rows[i]!) as unknown[]);
  return assets;
}

/** One asset by id, or null. */
export function getAsset(db: Db, id: number): Asset | null {
  const row = cachedStatement(db, `SELECT ${ASSET_JSON_ARRAY} FROM assets WHERE ${columnOf('id')} = ?`, 'pluck').get(id) as string | undefined;
  return row === undefined ? null : assetFromJsonRow(JSON.parse(row) as unknown[]);
}

/** The distinct (model id, provider) pairs of the assets: what decides the model each is read under. */
export function distinctAssetModels(db: Db): Pick<Asset, 'modelId' | 'provider'>[] {
  return db
    .prepare(`SELECT DISTINCT ${columnOf('modelId')} AS modelId, ${columnOf('provider')} AS provider FROM assets`)
    .all() as Pick<Asset, 'modelId' | 'provider'>[];
}

/** How many assets make each distinct (model id, provider) pair. */
export function countAssetsByModelChoice(db: Db): (Pick<Asset, 'modelId' | 'provider'> & { count: number })[] {
  return db
    .prepare(`SELECT ${columnOf('modelId')} AS modelId, ${columnOf('provider')} AS provider, COUNT(*) AS count FROM assets GROUP BY 1, 2`)
    .all() as (Pick<Asset, 'modelId' | 'provider'> & { count: number })[];
}

/**
 * The (model, provider) pairs of the assets that existed at `at` (created then or before), leaving
 * out `except` (assets whose model the caller rewinds itself): the models an as-of report is in.
 */
export function distinctAssetModelsAt(db: Db, at: string, except: readonly number[]): Pick<Asset, 'modelId' | 'provider'>[] {
  return db
    .prepare(
      `SELECT DISTINCT ${columnOf('modelId')} AS modelId, ${columnOf('provider')} AS provider FROM assets
       WHERE ${columnOf('createdAt')} <= ? AND ${columnOf('id')} NOT IN (SELECT value FROM json_each(?))`
    )
    .all(at, JSON.stringify(except)) as Pick<Asset, 'modelId' | 'provider'>[];
}

/** How many assets were created after `at`. */
export function countAssetsCreatedAfter(db: Db, at: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM assets WHERE ${columnOf('createdAt')} > ?`).get(at) as { n: number }).n;
}

export function countAssets(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM assets').get() as { n: number }).n;
}

/** Applies the same patch to many assets with one prepared statement (an edit's fields, or a merge's). */
export function patchAssets(db: Db, ids: readonly number[], patch: MergedFields, updatedAt: string): number {
  const fields = (Object.keys(patch) as (keyof MergedFields)[]).filter((key) => patch[key] !== undefined);
  if (fields.length === 0 || ids.length === 0) return 0;
  const statement = db.prepare(`UPDATE assets SET ${setClause([...fields, 'updatedAt'])} WHERE ${columnOf('id')} = @id`);
  const params = toParams([...fields, 'updatedAt'], { ...patch, updatedAt });
  let changed = 0;
  for (const id of ids) changed += statement.run({ ...params, id }).changes;
  return changed;
}

/** Inserts whole assets (as a test or a merge would); returns their new ids in order. */
export function insertAssets(db: Db, assets: readonly Omit<Asset, 'id'>[]): number[] {
  if (assets.length === 0) return [];
  const fields = (Object.keys(assets[0]!) as AssetField[]).filter((field) => field !== 'id');
  const statement = db.prepare(insertSql(fields));
  return assets.map((asset) => Number(statement.run(toValues(fields, asset)).lastInsertRowid));
}

/** Inserts whole assets with their ids (a merge's new assets, put back by redo). */
export function putAssetRows(db: Db, assets: readonly Asset[]): void {
  if (assets.length === 0) return;
  const statement = db.prepare(insertSql(ASSET_FIELD_NAMES));
  for (const asset of assets) statement.run(toValues(ASSET_FIELD_NAMES, asset));
}

/** Removes assets a merge added, when it is undone (their overrides and roles are removed first). */
export function deleteAssetRows(db: Db, ids: readonly number[]): void {
  const statement = db.prepare(`DELETE FROM assets WHERE ${columnOf('id')} = ?`);
  for (const id of ids) statement.run(id);
}
