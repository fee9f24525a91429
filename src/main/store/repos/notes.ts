/** Notes per asset × layer (table layer_notes, migration 0011). */
import type { LayerNote } from '@shared/domain';
import type { Db } from '../workbook-file';
import type { AssetScope } from './responsibility';

interface NoteRow {
  asset_id: number;
  layer_id: string;
  note: string;
  by: string;
  at: string;
}

const toNote = (row: NoteRow): LayerNote => ({ assetId: row.asset_id, layerId: row.layer_id, note: row.note, by: row.by, at: row.at });

/** The notes of one asset, of an id range (inclusive), or of every asset; by asset then layer. */
export function listNotes(db: Db, scope?: AssetScope): LayerNote[] {
  const rows = (
    scope === undefined
      ? db.prepare('SELECT * FROM layer_notes ORDER BY asset_id, layer_id').all()
      : typeof scope === 'number'
        ? db.prepare('SELECT * FROM layer_notes WHERE asset_id = ? ORDER BY layer_id').all(scope)
        : db.prepare('SELECT * FROM layer_notes WHERE asset_id BETWEEN ? AND ? ORDER BY asset_id, layer_id').all(scope.fromId, scope.toId)
  ) as NoteRow[];
  return rows.map(toNote);
}

export function upsertNote(db: Db, note: LayerNote): void {
  db.prepare(
    `INSERT INTO layer_notes (asset_id, layer_id, note, by, at) VALUES (@assetId, @layerId, @note, @by, @at)
     ON CONFLICT (asset_id, layer_id) DO UPDATE SET note = excluded.note, by = excluded.by, at = excluded.at`
  ).run(note);
}

export function deleteNote(db: Db, assetId: number, layerId: string): void {
  db.prepare('DELETE FROM layer_notes WHERE asset_id = ? AND layer_id = ?').run(assetId, layerId);
}
