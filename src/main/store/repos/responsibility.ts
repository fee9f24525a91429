import type { CellValue, LayerOverride, RaciAssignment, RaciRole } from '@shared/domain';
import { cachedStatement } from '../statements';
import type { Db } from '../workbook-file';

interface OverrideRow {
  asset_id: number;
  layer_id: string;
  responsibility: CellValue;
  justification: string;
  by: string;
  at: string;
}

function toOverride(row: OverrideRow): LayerOverride {
  return {
    assetId: row.asset_id,
    layerId: row.layer_id,
    responsibility: row.responsibility,
    justification: row.justification,
    by: row.by,
    at: row.at
  };
}

/** Which assets' rows to read: one asset's, those of an id range (inclusive), or every one. */
export type AssetScope = number | { fromId: number; toId: number };
/** The same, or the rows of a list of asset ids (the round trip reads the assets a page of a sheet names). */
export type AssetIdScope = AssetScope | { ids: readonly number[] };

/** The rows of a per-asset table in a scope, ordered by asset then `order`. */
export function rowsInScope(db: Db, table: 'layer_overrides' | 'raci_assignments' | 'layer_notes', order: string, scope?: AssetIdScope): unknown[] {
  const select = `SELECT * FROM ${table}`;
  const by = `ORDER BY asset_id, ${order}`;
  if (scope === undefined) return cachedStatement(db, `${select} ${by}`).all();
  if (typeof scope === 'number') return cachedStatement(db, `${select} WHERE asset_id = ? ${by}`).all(scope);
  if ('ids' in scope) return cachedStatement(db, `${select} WHERE asset_id IN (SELECT value FROM json_each(?)) ${by}`).all(JSON.stringify(scope.ids));
  return cachedStatement(db, `${select} WHERE asset_id BETWEEN ? AND ? ${by}`).all(scope.fromId, scope.toId);
}

export function listOverrides(db: Db, scope?: AssetIdScope): LayerOverride[] {
  const rows = rowsInScope(db, 'layer_overrides', 'layer_id', scope) as OverrideRow[];
  return rows.map(toOverride);
}

export function upsertOverride(db: Db, override: LayerOverride): void {
  db.prepare(
    `INSERT INTO layer_overrides (asset_id, layer_id, responsibility, justification, by, at)
     VALUES (@assetId, @layerId, @responsibility, @justification, @by, @at)
     ON CONFLICT (asset_id, layer_id) DO UPDATE SET responsibility = excluded.responsibility,
       justification = excluded.justification, by = excluded.by, at = excluded.at`
  ).run(override);
}

export function deleteOverride(db: Db, assetId: number, layerId: string): number {
  return db.prepare('DELETE FROM layer_overrides WHERE asset_id = ? AND layer_id = ?').run(assetId, layerId)
    .changes;
}

interface AssignmentRow {
  asset_id: number;
  layer_id: string;
  party_id: number;
  role: RaciRole;
}

function toAssignment(row: AssignmentRow): RaciAssignment {
  return { assetId: row.asset_id, layerId: row.layer_id, partyId: row.party_id, role: row.role };
}

export function listAssignments(db: Db, scope?: AssetIdScope): RaciAssignment[] {
  const rows = rowsInScope(db, 'raci_assignments', 'layer_id, role, party_id', scope) as AssignmentRow[];
  return rows.map(toAssignment);
}

export function countAssignments(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM raci_assignments').get() as { n: number }).n;
}

export function countOverrides(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM layer_overrides').get() as { n: number }).n;
}

/** Adds explicit assignments (an existing identical one is kept). */
export function insertAssignments(db: Db, rows: readonly RaciAssignment[]): void {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO raci_assignments (asset_id, layer_id, party_id, role) VALUES (?, ?, ?, ?)'
  );
  for (const a of rows) insert.run(a.assetId, a.layerId, a.partyId, a.role);
}

export function deleteAssignments(db: Db, rows: readonly RaciAssignment[]): void {
  const remove = db.prepare(
    'DELETE FROM raci_assignments WHERE asset_id = ? AND layer_id = ? AND party_id = ? AND role = ?'
  );
  for (const a of rows) remove.run(a.assetId, a.layerId, a.partyId, a.role);
}
