/**
 * Bulk RACI: the same roles on one layer of every asset matching a filter (the grid's selection,
 * `demarc raci --where`). Each asset is judged by the same rules as a single edit (planRaci); the
 * ones that pass are written in one undo step and one change-log entry naming them, the refused
 * ones are left as they were and listed with the reason.
 */
import type { RaciBulkResult } from '@shared/contract/engine';
import type { ParsedInput } from '@shared/contract';
import type { RaciAssignment } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import { matchingAssets } from '../engine/query';
import type { OpenWorkbook, ServiceContext } from './context';
import { writeEdit } from './history';
import { resolveSavedSet } from './saved-set-filter';
import { describeRoles, planRaci, rolesGiven, type RaciPlan } from './raci-assign';

/** How many refusals an answer lists (the count says how many there were). */
const LISTED_REFUSALS = 100;

const assetsWord = (n: number) => `${n.toLocaleString('en-GB')} asset${n === 1 ? '' : 's'}`;

const key = (a: RaciAssignment) => `${a.role}\u0000${a.partyId}`;

function unchanged(plan: RaciPlan): boolean {
  const before = new Set(plan.removed.map(key));
  return plan.added.length === before.size && plan.added.every((a) => before.has(key(a)));
}

export function setRaciMany(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'raci.setMany'>): RaciBulkResult {
  rolesGiven(input.roles);
  const state = wb.engine.state(ctx);
  const assets = matchingAssets(state, resolveSavedSet(wb.db, input.filter));
  if (input.expectedCount !== undefined && input.expectedCount !== assets.length) {
    throw new DemarcError(
      'RULE_VIOLATION',
      `The selection changed: ${assetsWord(assets.length)} match now, ${input.expectedCount.toLocaleString('en-GB')} were confirmed. Nothing was changed; check the selection and try again.`
    );
  }
  if (assets.length === 0) throw new DemarcError('NOT_FOUND', 'No asset matches the filter: nothing to set.');
  const plans: RaciPlan[] = [];
  const refused: RaciBulkResult['refused'] = [];
  let refusedCount = 0;
  for (const asset of assets) {
    try {
      plans.push(planRaci(state, asset, input.layerId, input.roles));
    } catch (error) {
      if (!(error instanceof DemarcError)) throw error;
      refusedCount += 1;
      if (refused.length < LISTED_REFUSALS) refused.push({ assetId: asset.id, asset: asset.name, message: error.message });
    }
  }
  const roles = describeRoles(state, input.roles);
  if (plans.length === 0) {
    const first = refused.slice(0, 3).map((r) => r.message).join(' ');
    throw new DemarcError('RULE_VIOLATION', `Refused on all ${assetsWord(refusedCount)}: ${first}${refusedCount > 3 ? ` … and ${refusedCount - 3} more.` : ''}`, { refused });
  }
  const layerTitle = plans[0]!.layerTitle;
  // Roles every asset already has: nothing to write, no change-log entry, no undo step.
  if (plans.every(unchanged)) return { count: 0, summary: `RACI of "${layerTitle}": ${roles} — already so on ${assetsWord(plans.length)}`, refusedCount, refused };
  const summary = `RACI of "${layerTitle}" on ${assetsWord(plans.length)}: ${roles}${refusedCount > 0 ? ` (${assetsWord(refusedCount)} refused)` : ''}`;
  const removed: RaciAssignment[] = plans.flatMap((p) => p.removed);
  const added: RaciAssignment[] = plans.flatMap((p) => p.added);
  const ids = plans.map((p) => p.asset.id);
  writeEdit(wb, ctx, {
    action: 'raci.setMany',
    entity: 'asset',
    entityId: ids.length === 1 ? String(ids[0]) : null,
    summary,
    forward: [
      { op: 'deleteAssignments', rows: removed },
      { op: 'putAssignments', rows: added }
    ],
    backward: [
      { op: 'deleteAssignments', rows: added },
      { op: 'putAssignments', rows: removed }
    ],
    before: { count: ids.length, layerId: input.layerId, assignments: removed },
    after: { count: ids.length, layerId: input.layerId, ids, assignments: added }
  });
  return { count: ids.length, summary, refusedCount, refused };
}
