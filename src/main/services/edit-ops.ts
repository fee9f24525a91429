/**
 * Edits as data. Each undoable service describes its write as a list of row-level operations
 * plus the list that reverses it (built from the values before), applies the first, and hands
 * both to the history: undo applies the reverse list, redo the forward one, each as a new write.
 */
import type { LayerOverride, Party, RaciAssignment } from '../../shared/domain';
import { patchAssets, type AssetPatch } from '../store/repos/assets';
import { writeMeta } from '../store/repos/meta';
import { deleteOverride, upsertOverride } from '../store/repos/responsibility';
import type { Db } from '../store/workbook-file';

export type EditOp =
  /** The same patch on many assets (a bulk edit, or one group of an undo). */
  | { op: 'patchAssets'; ids: number[]; patch: AssetPatch }
  | { op: 'putOverride'; row: LayerOverride }
  | { op: 'deleteOverride'; assetId: number; layerId: string }
  | { op: 'putAssignments'; rows: RaciAssignment[] }
  | { op: 'deleteAssignments'; rows: RaciAssignment[] }
  /** Inserts or replaces a party with its id (so a party removed by undo comes back the same). */
  | { op: 'putParty'; party: Party }
  | { op: 'deleteParty'; id: number }
  | { op: 'meta'; key: string; value: string };

/** Applies operations in order, inside the caller's transaction. */
export function applyOps(db: Db, ops: readonly EditOp[], at: string): void {
  const insertAssignment = db.prepare('INSERT OR IGNORE INTO raci_assignments (asset_id, layer_id, party_id, role) VALUES (?, ?, ?, ?)');
  const removeAssignment = db.prepare('DELETE FROM raci_assignments WHERE asset_id = ? AND layer_id = ? AND party_id = ? AND role = ?');
  for (const op of ops) {
    switch (op.op) {
      case 'patchAssets':
        patchAssets(db, op.ids, op.patch, at);
        break;
      case 'putOverride':
        upsertOverride(db, op.row);
        break;
      case 'deleteOverride':
        deleteOverride(db, op.assetId, op.layerId);
        break;
      case 'putAssignments':
        for (const a of op.rows) insertAssignment.run(a.assetId, a.layerId, a.partyId, a.role);
        break;
      case 'deleteAssignments':
        for (const a of op.rows) removeAssignment.run(a.assetId, a.layerId, a.partyId, a.role);
        break;
      case 'putParty':
        db.prepare(
          `INSERT INTO parties (id, name, kind, email, active, left_at, notes, created_at)
           VALUES (@id, @name, @kind, @email, @active, @leftAt, @notes, @at)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, email = excluded.email,
             active = excluded.active, left_at = excluded.left_at, notes = excluded.notes`
        ).run({ ...op.party, active: op.party.active ? 1 : 0, at });
        break;
      case 'deleteParty':
        db.prepare('DELETE FROM parties WHERE id = ?').run(op.id);
        break;
      case 'meta':
        writeMeta(db, op.key, op.value);
        break;
    }
  }
}

/**
 * Groups ids by the JSON of a value per id, so a bulk edit's "before" stays small: 10k assets
 * that were all IaaS from the classifier make one group, not 10k entries.
 */
export function groupByValue<V>(ids: readonly number[], valueOf: (id: number) => V): { value: V; ids: number[] }[] {
  const groups = new Map<string, { value: V; ids: number[] }>();
  for (const id of ids) {
    const value = valueOf(id);
    const key = JSON.stringify(value);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { value, ids: [id] });
    else group.ids.push(id);
  }
  return [...groups.values()];
}
