/**
 * What a comparison of two dates needs to know of assets, read for just those assets: names and
 * the model each is read under, for the ids a window of the change log names, and the assets
 * created in the window. A 100k-asset workbook is never loaded for a diff of a few changes.
 */
import type { Asset } from '@shared/domain';
import { columnOf } from '../asset-fields';
import type { Db } from '../workbook-file';

export type AssetLabel = Pick<Asset, 'id' | 'name' | 'modelId' | 'provider'>;

/** SQLite's default limit on bound parameters is far above this; pages keep each statement small. */
const IDS_PER_QUERY = 500;

const LABEL_COLUMNS = `${columnOf('id')} AS id, ${columnOf('name')} AS name, ${columnOf('modelId')} AS modelId, ${columnOf('provider')} AS provider`;

/** The label of each of these assets that is still in the workbook. */
export function assetLabels(db: Db, ids: readonly number[]): Map<number, AssetLabel> {
  const labels = new Map<number, AssetLabel>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += IDS_PER_QUERY) {
    const page = unique.slice(i, i + IDS_PER_QUERY);
    const rows = db.prepare(`SELECT ${LABEL_COLUMNS} FROM assets WHERE ${columnOf('id')} IN (${page.map(() => '?').join(',')})`).all(...page) as AssetLabel[];
    for (const row of rows) labels.set(row.id, row);
  }
  return labels;
}

/** Assets created at or after `from` and before `to` (null: to now), in id order. */
export function assetsCreatedBetween(db: Db, from: string, to: string | null): { assetId: number; name: string }[] {
  const created = columnOf('createdAt');
  return db
    .prepare(`SELECT ${columnOf('id')} AS assetId, ${columnOf('name')} AS name FROM assets WHERE ${created} >= @from ${to === null ? '' : `AND ${created} < @to`} ORDER BY ${columnOf('id')}`)
    .all({ from, ...(to === null ? {} : { to }) }) as { assetId: number; name: string }[];
}
