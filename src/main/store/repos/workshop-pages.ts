/**
 * Workshops read for the audit export's Workshop sheet: counts instead of asset lists (a group of
 * 100k assets is one number here), decisions and actions in keyset pages by id.
 */
import type { Db } from '../workbook-file';
import { toActionHead, toDecision, type ActionHeadSqlRow, type ActionRow, type DecisionRow, type DecisionSqlRow, type GroupHead } from './workshops';

/** Decisions and actions of every workshop: the Workshop sheet's rows. */
export function countWorkshopRecords(db: Db): number {
  return db.prepare('SELECT (SELECT count(*) FROM workshop_decisions) + (SELECT count(*) FROM workshop_actions)').pluck().get() as number;
}

/** A decision group's head and how many assets it holds, without reading its asset list. */
export interface GroupSize extends GroupHead {
  assets: number;
}

export function listGroupSizes(db: Db, workshopId: number): GroupSize[] {
  const rows = db
    .prepare('SELECT position, label, model_id, json_array_length(asset_ids) AS assets FROM workshop_groups WHERE workshop_id = ? ORDER BY position')
    .all(workshopId) as { position: number; label: string; model_id: string; assets: number }[];
  return rows.map((r) => ({ position: r.position, label: r.label, modelId: r.model_id, assets: r.assets }));
}

/** The next `limit` decisions of a workshop after id `afterId`, in the order they were made. */
export function decisionPage(db: Db, workshopId: number, afterId: number, limit: number): DecisionRow[] {
  const rows = db.prepare('SELECT * FROM workshop_decisions WHERE workshop_id = ? AND id > ? ORDER BY id LIMIT ?').all(workshopId, afterId, limit) as DecisionSqlRow[];
  return rows.map(toDecision);
}

/** An action with the number of assets it covers instead of their ids. */
export type ActionSize = Omit<ActionRow, 'assetIds'> & { assets: number };

/** The next `limit` actions of a workshop after id `afterId`, in the order they were made. */
export function actionPage(db: Db, workshopId: number, afterId: number, limit: number): ActionSize[] {
  const rows = db
    .prepare(
      `SELECT a.*, (SELECT count(*) FROM workshop_action_assets WHERE action_id = a.id) AS assets
       FROM workshop_actions a WHERE a.workshop_id = ? AND a.id > ? ORDER BY a.id LIMIT ?`
    )
    .all(workshopId, afterId, limit) as (ActionHeadSqlRow & { assets: number })[];
  return rows.map((r) => ({ ...toActionHead(r), assets: r.assets }));
}
