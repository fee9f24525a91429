/** Saved sets (format 15): named-parameter SQL. */
import type { AssetFilter } from '@shared/filter';
import type { SavedSetKind } from '@shared/saved-set';
import type { Db } from '../workbook-file';

/** A saved set as stored: a filter, or the asset ids chosen (ascending). */
export interface SavedSetRow {
  id: number;
  name: string;
  kind: SavedSetKind;
  filter: AssetFilter | null;
  assetIds: number[] | null;
  createdAt: string;
  createdBy: string;
}

interface SavedSetSqlRow {
  id: number;
  name: string;
  kind: SavedSetKind;
  filter_json: string | null;
  asset_ids: string | null;
  created_at: string;
  created_by: string;
}

const toRow = (r: SavedSetSqlRow): SavedSetRow => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  filter: r.filter_json === null ? null : (JSON.parse(r.filter_json) as AssetFilter),
  assetIds: r.asset_ids === null ? null : (JSON.parse(r.asset_ids) as number[]),
  createdAt: r.created_at,
  createdBy: r.created_by
});

/** The key a name is unique by: JavaScript's case fold of the trimmed name. */
export const savedSetNameKey = (name: string): string => name.trim().toLowerCase();

export function listSavedSetRows(db: Db): SavedSetRow[] {
  return (db.prepare('SELECT * FROM saved_sets ORDER BY name_key, id').all() as SavedSetSqlRow[]).map(toRow);
}

export function getSavedSetRow(db: Db, id: number): SavedSetRow | null {
  const row = db.prepare('SELECT * FROM saved_sets WHERE id = @id').get({ id }) as SavedSetSqlRow | undefined;
  return row === undefined ? null : toRow(row);
}

export function findSavedSetByName(db: Db, name: string): SavedSetRow | null {
  const row = db.prepare('SELECT * FROM saved_sets WHERE name_key = @key').get({ key: savedSetNameKey(name) }) as SavedSetSqlRow | undefined;
  return row === undefined ? null : toRow(row);
}

/** The id the next saved set gets (an edit names its rows before it writes them, so undo and redo keep the id). */
export function nextSavedSetId(db: Db): number {
  return (db.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM saved_sets').get() as { id: number }).id;
}

/** Inserts or replaces a saved set with its id (a set deleted and brought back by undo keeps it). */
export function putSavedSet(db: Db, row: SavedSetRow): void {
  db.prepare(
    `INSERT OR REPLACE INTO saved_sets (id, name, name_key, kind, filter_json, asset_ids, created_at, created_by)
     VALUES (@id, @name, @nameKey, @kind, @filter, @assetIds, @createdAt, @createdBy)`
  ).run({
    id: row.id,
    name: row.name,
    nameKey: savedSetNameKey(row.name),
    kind: row.kind,
    filter: row.filter === null ? null : JSON.stringify(row.filter),
    assetIds: row.assetIds === null ? null : JSON.stringify(row.assetIds),
    createdAt: row.createdAt,
    createdBy: row.createdBy
  });
}

export function deleteSavedSet(db: Db, id: number): void {
  db.prepare('DELETE FROM saved_sets WHERE id = @id').run({ id });
}
