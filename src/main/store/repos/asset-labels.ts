/**
 * What a comparison of two dates needs to know of assets, read for just those assets: names and
 * the model each is read under, for the ids a window of the change log names, and the assets
 * created in the window. A 100k-asset workbook is never loaded for a diff of a few changes.
 */
import type { Asset } from '@shared/domain';
import { columnOf } from '../asset-fields';
import type { Db } from '../workbook-file';

export type AssetLabel = Pick<Asset, 'id' | 'name' | 'modelId' | 'provider'>;

const LABEL_COLUMNS = `${columnOf('id')} AS id, ${columnOf('name')} AS name, ${columnOf('modelId')} AS modelId, ${columnOf('provider')} AS provider`;

/** The label of each of these assets that is still in the workbook (one statement: the ids go in as one JSON array). */
export function assetLabels(db: Db, ids: readonly number[]): Map<number, AssetLabel> {
  const rows = db
    .prepare(`SELECT ${LABEL_COLUMNS} FROM assets WHERE ${columnOf('id')} IN (SELECT value FROM json_each(@ids))`)
    .all({ ids: JSON.stringify([...new Set(ids)]) }) as AssetLabel[];
  return new Map(rows.map((row) => [row.id, row]));
}

/** Assets created at or after `from` and before `to` (null: to now), in id order. */
export function assetsCreatedBetween(db: Db, from: string, to: string | null): { assetId: number; name: string }[] {
  const created = columnOf('createdAt');
  return db
    .prepare(`SELECT ${columnOf('id')} AS assetId, ${columnOf('name')} AS name FROM assets WHERE ${created} >= @from ${to === null ? '' : `AND ${created} < @to`} ORDER BY ${columnOf('id')}`)
    .all({ from, ...(to === null ? {} : { to }) }) as { assetId: number; name: string }[];
}
