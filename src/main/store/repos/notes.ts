/** Notes per asset × layer (table layer_notes, migration 0011). */
import type { LayerNote } from '@shared/domain';
import type { Db } from '../workbook-file';
import { rowsInScope, type AssetIdScope } from './responsibility';

interface NoteRow {
  asset_id: number;
  layer_id: string;
  note: string;
  by: string;
  at: string;
}

const toNote = (row: NoteRow): LayerNote => ({ assetId: row.asset_id, layerId: row.layer_id, note: row.note, by: row.by, at: row.at });

/** The notes of the assets in a scope (or of every asset); by asset then layer. */
export function listNotes(db: Db, scope?: AssetIdScope): LayerNote[] {
  const rows = rowsInScope(db, 'layer_notes', 'layer_id', scope) as NoteRow[];
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
