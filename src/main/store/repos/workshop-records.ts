/**
 * A workshop written whole with its id — its row, attendees and decision groups — and removed
 * again: what a merge does with a workshop its other copy holds (and its undo). Its decisions and
 * actions are written and removed on their own (repos/workshops.ts).
 */
import type { Db } from '../workbook-file';
import { insertAttendees, replaceGroups, type GroupRow, type WorkshopRow } from './workshops';

export interface WorkshopRecord {
  row: WorkshopRow;
  attendeeIds: number[];
  groups: GroupRow[];
}

/** Inserts or replaces a workshop with its id, its attendees and groups. */
export function putWorkshopRecord(db: Db, w: WorkshopRecord): void {
  const { row } = w;
  db.prepare(
    `INSERT INTO workshops (id, title, held_on, scope_json, status, group_index, layer_index, created_at, created_by, finished_at)
     VALUES (@id, @title, @heldOn, @scope, @status, @groupIndex, @layerIndex, @createdAt, @createdBy, @finishedAt)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, held_on = excluded.held_on, scope_json = excluded.scope_json, status = excluded.status,
       group_index = excluded.group_index, layer_index = excluded.layer_index, created_at = excluded.created_at, created_by = excluded.created_by,
       finished_at = excluded.finished_at`
  ).run({ ...row, scope: JSON.stringify(row.scope) });
  db.prepare('DELETE FROM workshop_attendees WHERE workshop_id = ?').run(row.id);
  insertAttendees(db, row.id, w.attendeeIds);
  replaceGroups(db, row.id, w.groups);
}

/** Removes a workshop with its attendees and groups (its decisions and actions are removed first by the caller). */
export function deleteWorkshopRecord(db: Db, id: number): void {
  db.prepare('DELETE FROM workshop_groups WHERE workshop_id = ?').run(id);
  db.prepare('DELETE FROM workshop_attendees WHERE workshop_id = ?').run(id);
  db.prepare('DELETE FROM workshops WHERE id = ?').run(id);
}
