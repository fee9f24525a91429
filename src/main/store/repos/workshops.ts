/** Workshops, their attendees, decision groups, decisions and actions: named-parameter SQL. */
import type { OpenActionRow } from '@core/engine-input';
import type { PictureScope } from '@shared/picture';
import type { DecisionKind, WorkshopDecision, WorkshopStatus } from '@shared/workshop';
import { cachedStatement } from '../statements';
import type { Db } from '../workbook-file';
import type { AssetScope } from './responsibility';

export interface WorkshopRow {
  id: number;
  title: string;
  heldOn: string;
  scope: PictureScope;
  status: WorkshopStatus;
  groupIndex: number;
  layerIndex: number;
  createdAt: string;
  createdBy: string;
  finishedAt: string | null;
}

interface WorkshopSqlRow {
  id: number;
  title: string;
  held_on: string;
  scope_json: string;
  status: WorkshopStatus;
  group_index: number;
  layer_index: number;
  created_at: string;
  created_by: string;
  finished_at: string | null;
}

const toWorkshop = (r: WorkshopSqlRow): WorkshopRow => ({
  id: r.id,
  title: r.title,
  heldOn: r.held_on,
  scope: JSON.parse(r.scope_json) as PictureScope,
  status: r.status,
  groupIndex: r.group_index,
  layerIndex: r.layer_index,
  createdAt: r.created_at,
  createdBy: r.created_by,
  finishedAt: r.finished_at
});

export function insertWorkshop(db: Db, w: Omit<WorkshopRow, 'id' | 'status' | 'groupIndex' | 'layerIndex' | 'finishedAt'>): number {
  const info = db
    .prepare(
      `INSERT INTO workshops (title, held_on, scope_json, status, created_at, created_by)
       VALUES (@title, @heldOn, @scope, 'open', @createdAt, @createdBy)`
    )
    .run({ title: w.title, heldOn: w.heldOn, scope: JSON.stringify(w.scope), createdAt: w.createdAt, createdBy: w.createdBy });
  return Number(info.lastInsertRowid);
}

export function getWorkshop(db: Db, id: number): WorkshopRow | null {
  const row = db.prepare('SELECT * FROM workshops WHERE id = ?').get(id) as WorkshopSqlRow | undefined;
  return row === undefined ? null : toWorkshop(row);
}

/** Newest first. */
export function listWorkshops(db: Db): WorkshopRow[] {
  return (db.prepare('SELECT * FROM workshops ORDER BY held_on DESC, id DESC').all() as WorkshopSqlRow[]).map(toWorkshop);
}

export function updateWorkshopState(db: Db, w: Pick<WorkshopRow, 'id' | 'status' | 'groupIndex' | 'layerIndex' | 'finishedAt'>): void {
  db.prepare(
    `UPDATE workshops SET status = @status, group_index = @groupIndex, layer_index = @layerIndex, finished_at = @finishedAt WHERE id = @id`
  ).run(w);
}

export function insertAttendees(db: Db, workshopId: number, partyIds: readonly number[]): void {
  const insert = db.prepare('INSERT OR IGNORE INTO workshop_attendees (workshop_id, party_id) VALUES (@workshopId, @partyId)');
  for (const partyId of partyIds) insert.run({ workshopId, partyId });
}

export function listAttendeeIds(db: Db, workshopId: number): number[] {
  return (db.prepare('SELECT party_id AS id FROM workshop_attendees WHERE workshop_id = ? ORDER BY party_id').all(workshopId) as { id: number }[]).map((r) => r.id);
}

/** A decision group without its assets: what the walk's order and progress need. */
export interface GroupHead {
  position: number;
  label: string;
  modelId: string;
}

export interface GroupRow extends GroupHead {
  assetIds: number[];
}

export function replaceGroups(db: Db, workshopId: number, groups: readonly GroupRow[]): void {
  db.prepare('DELETE FROM workshop_groups WHERE workshop_id = ?').run(workshopId);
  const insert = db.prepare(
    `INSERT INTO workshop_groups (workshop_id, position, label, model_id, asset_ids) VALUES (@workshopId, @position, @label, @modelId, @assetIds)`
  );
  for (const g of groups) insert.run({ workshopId, position: g.position, label: g.label, modelId: g.modelId, assetIds: JSON.stringify(g.assetIds) });
}

export function listGroups(db: Db, workshopId: number): GroupRow[] {
  const rows = db
    .prepare('SELECT position, label, model_id, asset_ids FROM workshop_groups WHERE workshop_id = ? ORDER BY position')
    .all(workshopId) as { position: number; label: string; model_id: string; asset_ids: string }[];
  return rows.map((r) => ({ position: r.position, label: r.label, modelId: r.model_id, assetIds: JSON.parse(r.asset_ids) as number[] }));
}

/** The groups without their asset lists (a step reads one group's assets, not every group's). */
export function listGroupHeads(db: Db, workshopId: number): GroupHead[] {
  const rows = db.prepare('SELECT position, label, model_id FROM workshop_groups WHERE workshop_id = ? ORDER BY position').all(workshopId) as { position: number; label: string; model_id: string }[];
  return rows.map((r) => ({ position: r.position, label: r.label, modelId: r.model_id }));
}

export function getGroup(db: Db, workshopId: number, position: number): GroupRow | null {
  const r = db.prepare('SELECT position, label, model_id, asset_ids FROM workshop_groups WHERE workshop_id = ? AND position = ?').get(workshopId, position) as
    | { position: number; label: string; model_id: string; asset_ids: string }
    | undefined;
  return r === undefined ? null : { position: r.position, label: r.label, modelId: r.model_id, assetIds: JSON.parse(r.asset_ids) as number[] };
}

/** A decision as stored: the shared shape, said once in @shared/workshop. */
export type DecisionRow = WorkshopDecision;

export function putDecision(db: Db, d: DecisionRow): void {
  db.prepare(
    `INSERT OR REPLACE INTO workshop_decisions (id, workshop_id, group_position, layer_id, kind, summary, reason, before_json, after_json, at, by)
     VALUES (@id, @workshopId, @groupPosition, @layerId, @kind, @summary, @reason, @before, @after, @at, @by)`
  ).run({ ...d, before: JSON.stringify(d.before), after: JSON.stringify(d.after) });
}

export function deleteDecision(db: Db, id: number): void {
  db.prepare('DELETE FROM workshop_decisions WHERE id = ?').run(id);
}

/** A decision as SQLite returns it (SELECT * FROM workshop_decisions). */
export interface DecisionSqlRow {
  id: number;
  workshop_id: number;
  group_position: number;
  layer_id: string;
  kind: DecisionKind;
  summary: string;
  reason: string | null;
  before_json: string;
  after_json: string;
  at: string;
  by: string;
}

export const toDecision = (r: DecisionSqlRow): DecisionRow => ({
  id: r.id,
  workshopId: r.workshop_id,
  groupPosition: r.group_position,
  layerId: r.layer_id,
  kind: r.kind,
  summary: r.summary,
  reason: r.reason,
  before: JSON.parse(r.before_json) as string,
  after: JSON.parse(r.after_json) as string,
  at: r.at,
  by: r.by
});

/** In the order they were made. */
export function listDecisions(db: Db, workshopId: number): DecisionRow[] {
  return (db.prepare('SELECT * FROM workshop_decisions WHERE workshop_id = ? ORDER BY id').all(workshopId) as DecisionSqlRow[]).map(toDecision);
}

/** The id the next row of a table will get (decisions and actions carry their id into undo). */
export function nextWorkshopRowId(db: Db, table: 'workshop_decisions' | 'workshop_actions'): number {
  return (db.prepare(`SELECT coalesce(max(id), 0) + 1 AS id FROM ${table}`).get() as { id: number }).id;
}

export interface ActionRow {
  id: number;
  workshopId: number;
  groupPosition: number;
  layerId: string;
  title: string;
  ownerPartyId: number;
  dueOn: string;
  createdAt: string;
  closedAt: string | null;
  closedBy: string | null;
  closeNote: string | null;
  assetIds: number[];
}

export function putAction(db: Db, a: ActionRow): void {
  db.prepare(
    `INSERT OR REPLACE INTO workshop_actions (id, workshop_id, group_position, layer_id, title, owner_party_id, due_on, created_at, closed_at, closed_by, close_note)
     VALUES (@id, @workshopId, @groupPosition, @layerId, @title, @ownerPartyId, @dueOn, @createdAt, @closedAt, @closedBy, @closeNote)`
  ).run({
    id: a.id, workshopId: a.workshopId, groupPosition: a.groupPosition, layerId: a.layerId, title: a.title, ownerPartyId: a.ownerPartyId,
    dueOn: a.dueOn, createdAt: a.createdAt, closedAt: a.closedAt, closedBy: a.closedBy, closeNote: a.closeNote
  });
  db.prepare('DELETE FROM workshop_action_assets WHERE action_id = ?').run(a.id);
  const insert = db.prepare('INSERT INTO workshop_action_assets (action_id, asset_id) VALUES (?, ?)');
  for (const assetId of a.assetIds) insert.run(a.id, assetId);
}

export function deleteAction(db: Db, id: number): void {
  db.prepare('DELETE FROM workshop_action_assets WHERE action_id = ?').run(id);
  db.prepare('DELETE FROM workshop_actions WHERE id = ?').run(id);
}

/** An action as SQLite returns it, without its assets (SELECT * FROM workshop_actions). */
export interface ActionHeadSqlRow {
  id: number;
  workshop_id: number;
  group_position: number;
  layer_id: string;
  title: string;
  owner_party_id: number;
  due_on: string;
  created_at: string;
  closed_at: string | null;
  closed_by: string | null;
  close_note: string | null;
}

interface ActionSqlRow extends ActionHeadSqlRow {
  asset_ids: string;
}

const ACTION_SELECT = `SELECT a.*, (SELECT json_group_array(asset_id) FROM (SELECT asset_id FROM workshop_action_assets WHERE action_id = a.id ORDER BY asset_id)) AS asset_ids
  FROM workshop_actions a`;

export const toActionHead = (r: ActionHeadSqlRow): Omit<ActionRow, 'assetIds'> => ({
  id: r.id,
  workshopId: r.workshop_id,
  groupPosition: r.group_position,
  layerId: r.layer_id,
  title: r.title,
  ownerPartyId: r.owner_party_id,
  dueOn: r.due_on,
  createdAt: r.created_at,
  closedAt: r.closed_at,
  closedBy: r.closed_by,
  closeNote: r.close_note
});

const toAction = (r: ActionSqlRow): ActionRow => ({ ...toActionHead(r), assetIds: JSON.parse(r.asset_ids) as number[] });

export function listActions(db: Db, workshopId: number): ActionRow[] {
  return (db.prepare(`${ACTION_SELECT} WHERE a.workshop_id = ? ORDER BY a.id`).all(workshopId) as ActionSqlRow[]).map(toAction);
}

export function getAction(db: Db, id: number): ActionRow | null {
  const row = db.prepare(`${ACTION_SELECT} WHERE a.id = ?`).get(id) as ActionSqlRow | undefined;
  return row === undefined ? null : toAction(row);
}

/** Open actions per asset they cover, for the findings (those of an id range when given). */
export function listOpenActionRows(db: Db, scope?: AssetScope): OpenActionRow[] {
  const range = scope === undefined ? '' : typeof scope === 'number' ? 'AND aa.asset_id = @from' : 'AND aa.asset_id BETWEEN @from AND @to';
  const params = scope === undefined ? {} : typeof scope === 'number' ? { from: scope } : { from: scope.fromId, to: scope.toId };
  const rows = cachedStatement(
    db,
    `SELECT aa.asset_id AS assetId, a.layer_id AS layerId, a.id AS actionId, a.title, a.owner_party_id AS ownerPartyId, a.due_on AS dueOn, w.title AS workshopTitle
       FROM workshop_action_assets aa JOIN workshop_actions a ON a.id = aa.action_id JOIN workshops w ON w.id = a.workshop_id
       WHERE a.closed_at IS NULL ${range} ORDER BY aa.asset_id, a.id`
  ).all(params) as OpenActionRow[];
  return rows;
}
