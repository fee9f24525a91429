/**
 * What the room decides on one layer of a decision group — keep, change the RACI, override with
 * a justification, or defer with an action — applied to every asset of the group at once as one
 * undoable edit, with one change-log entry naming the workshop and its attendees. The rules are
 * the core's, asset by asset, as for a single edit: a refused decision writes nothing.
 */
import { ownerRefusal } from '@core/parties';
import { validateJustification, validateOverride } from '@core/derive';
import { validateRaci } from '@core/raci';
import { layerVariants, rolesText, variantsText } from '@core/workshop/layer-variants';
import type { ParsedInput } from '@shared/contract';
import type { Decision } from '@shared/contract/workshop';
import { RACI_ROLES, type Asset, type LayerOverride, type RaciAssignment, type ResponsibilityModel } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import type { WorkshopAction, WorkshopStep } from '@shared/workshop';
import type { EngineState } from '../../engine/state';
import { getAction, nextWorkshopRowId, type ActionRow, type DecisionRow } from '../../store/repos/workshops';
import type { OpenWorkbook, ServiceContext } from '../context';
import type { EditOp } from '../edit-ops';
import { writeEdit } from '../history';
import { actorOf } from '../write';
import { actionView, groupAssets, stepOf } from './workshop-step';
import { groupModel, groupRaci, readWorkshop, type WorkshopRecord } from './workshop-view';

interface Effect {
  forward: EditOp[];
  backward: EditOp[];
  /** The decision's result in words (the minutes' "after"). */
  after: string;
  reason: string | null;
  action?: ActionRow;
}

const MAX_NAMED = 3;

function refuseForAssets(layerTitle: string, failures: { asset: Asset; message: string }[], total: number): never {
  const named = failures.slice(0, MAX_NAMED).map((f) => `${f.asset.name}: ${f.message}`);
  const more = failures.length > MAX_NAMED ? ` (and ${failures.length - MAX_NAMED} more)` : '';
  throw new DemarcError('RULE_VIOLATION', `Refused on "${layerTitle}" for ${failures.length} of ${total} assets of the group — ${named.join(' ')}${more}. Nothing was changed.`);
}

function raciEffect(state: EngineState, model: ResponsibilityModel, assets: readonly Asset[], layerId: string, layerTitle: string, decision: Extract<Decision, { kind: 'raci' }>): Effect {
  const touched = RACI_ROLES.filter((role) => decision.roles[role] !== undefined);
  if (touched.length === 0) throw new DemarcError('INVALID_INPUT', 'decision.roles: name at least one of R, A, C, I.');
  for (const role of touched) {
    for (const partyId of decision.roles[role] ?? []) {
      if (!state.partyById.has(partyId)) throw new DemarcError('NOT_FOUND', `decision.roles.${role}: party #${partyId} is not in the parties list.`);
    }
  }
  const raciCtx = groupRaci(state, { modelId: model.id });
  const removed: RaciAssignment[] = [];
  const added: RaciAssignment[] = [];
  const failures: { asset: Asset; message: string }[] = [];
  for (const asset of assets) {
    const current = (state.assignmentsByAsset.get(asset.id) ?? []).filter((a) => a.layerId === layerId);
    const mine = touched.flatMap((role) => [...new Set(decision.roles[role])].map((partyId) => ({ assetId: asset.id, layerId, partyId, role })));
    const next = [...current.filter((a) => !touched.includes(a.role)), ...mine];
    const validation = { ...raciCtx, asset, overridesForAsset: state.overridesByAsset.get(asset.id) ?? [] };
    const before = validateRaci(validation, layerId, current);
    const heldBefore = (rule: string, partyId: number | null) => before.some((e) => e.rule === rule && e.partyId === partyId);
    const broken = validateRaci(validation, layerId, next).filter((e) => (e.role !== null && touched.includes(e.role)) || !heldBefore(e.rule, e.partyId));
    if (broken.length > 0) failures.push({ asset, message: broken.map((e) => e.message).join(' ') });
    removed.push(...current.filter((a) => touched.includes(a.role)));
    added.push(...mine);
  }
  if (failures.length > 0) refuseForAssets(layerTitle, failures, assets.length);
  const partyName = (id: number) => state.partyById.get(id)?.name ?? `party #${id}`;
  return {
    forward: [
      { op: 'deleteAssignments', rows: removed },
      { op: 'putAssignments', rows: added }
    ],
    backward: [
      { op: 'deleteAssignments', rows: added },
      { op: 'putAssignments', rows: removed }
    ],
    after: rolesText(decision.roles, partyName),
    reason: decision.reason ?? null
  };
}

function overrideEffect(state: EngineState, model: ResponsibilityModel, assets: readonly Asset[], layerId: string, decision: Extract<Decision, { kind: 'override' }>, at: string, by: string): Effect {
  const refusal = validateOverride(model, layerId, decision.responsibility, decision.justification) ?? validateJustification(decision.justification);
  if (refusal !== null) throw new DemarcError('RULE_VIOLATION', refusal);
  const forward: EditOp[] = [];
  const backward: EditOp[] = [];
  for (const asset of assets) {
    const previous = state.overridesByAsset.get(asset.id)?.find((o) => o.layerId === layerId);
    const row: LayerOverride = { assetId: asset.id, layerId, responsibility: decision.responsibility, justification: decision.justification, by, at };
    forward.push({ op: 'putOverride', row });
    backward.push(previous === undefined ? { op: 'deleteOverride', assetId: asset.id, layerId } : { op: 'putOverride', row: previous });
  }
  return { forward, backward, after: `${decision.responsibility} (override: ${decision.justification})`, reason: decision.justification };
}

function deferEffect(wb: OpenWorkbook, state: EngineState, record: WorkshopRecord, group: number, assets: readonly Asset[], layerId: string, decision: Extract<Decision, { kind: 'defer' }>, at: string): Effect {
  const owner = state.partyById.get(decision.ownerPartyId);
  if (owner === undefined) throw new DemarcError('NOT_FOUND', `decision.ownerPartyId: party #${decision.ownerPartyId} is not in the parties list.`);
  const refusal = ownerRefusal(owner);
  if (refusal !== null) throw new DemarcError('RULE_VIOLATION', `The action's owner: ${refusal}`);
  const action: ActionRow = {
    id: nextWorkshopRowId(wb.db, 'workshop_actions'),
    workshopId: record.row.id,
    groupPosition: group,
    layerId,
    title: decision.title,
    ownerPartyId: owner.id,
    dueOn: decision.dueOn,
    createdAt: at,
    closedAt: null,
    closedBy: null,
    closeNote: null,
    assetIds: assets.map((a) => a.id)
  };
  return {
    forward: [{ op: 'putAction', row: action, workshopTitle: record.row.title }],
    backward: [{ op: 'deleteAction', row: action }],
    after: `Action: ${decision.title} (${owner.name}, due ${decision.dueOn})`,
    reason: decision.reason ?? null,
    action
  };
}

function requireOpen(record: WorkshopRecord): void {
  const { row } = record;
  if (row.status === 'paused') throw new DemarcError('RULE_VIOLATION', `The workshop "${row.title}" is paused; resume it to record decisions.`);
  if (row.status === 'finished') throw new DemarcError('RULE_VIOLATION', `The workshop "${row.title}" is finished; its decisions are final.`);
}

/** Records and applies one decision; returns the step as it now stands. */
export function decide(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'workshops.decide'>): WorkshopStep {
  const state = wb.engine.state(ctx);
  const record = readWorkshop(wb, input.id);
  requireOpen(record);
  const groupRow = record.groups[input.group];
  if (groupRow === undefined) throw new DemarcError('NOT_FOUND', `group: the workshop has ${record.groups.length} groups; there is no group ${input.group}.`);
  const model = groupModel(state, groupRow);
  const layerIndex = model.layers.findIndex((l) => l.id === input.layerId);
  const layer = model.layers[layerIndex];
  if (layer === undefined) throw new DemarcError('NOT_FOUND', `layerId: the model "${model.name}" has no layer "${input.layerId}".`);
  const assets = groupAssets(state, groupRow.assetIds);
  if (assets.length === 0) throw new DemarcError('NOT_FOUND', `The group "${groupRow.label}" has no assets left in the workbook.`);
  const at = ctx.clock();
  const by = actorOf(wb, ctx);
  const partyName = (id: number) => state.partyById.get(id)?.name ?? `party #${id}`;
  const before = variantsText(layerVariants({ raci: groupRaci(state, { modelId: model.id }), assets, layerId: layer.id, overridesByAsset: state.overridesByAsset, assignmentsByAsset: state.assignmentsByAsset, partyName }));
  const { decision } = input;
  const effect: Effect =
    decision.kind === 'keep'
      ? { forward: [], backward: [], after: before, reason: decision.reason ?? null }
      : decision.kind === 'raci'
        ? raciEffect(state, model, assets, layer.id, layer.title, decision)
        : decision.kind === 'override'
          ? overrideEffect(state, model, assets, layer.id, decision, at, by)
          : deferEffect(wb, state, record, input.group, assets, layer.id, decision, at);
  const attendees = record.attendeeIds.length;
  const where = `decided in workshop "${record.row.title}" with ${attendees} attendee${attendees === 1 ? '' : 's'}`;
  const what = decision.kind === 'keep' ? 'Kept' : decision.kind === 'raci' ? 'RACI' : decision.kind === 'override' ? 'Override' : 'Deferred';
  const summary = `${what} "${layer.title}" on ${assets.length} asset${assets.length === 1 ? '' : 's'} (${groupRow.label}): ${effect.after} — ${where}`;
  const row: DecisionRow = {
    id: nextWorkshopRowId(wb.db, 'workshop_decisions'),
    workshopId: record.row.id,
    groupPosition: input.group,
    layerId: layer.id,
    kind: decision.kind,
    summary,
    reason: effect.reason,
    before,
    after: effect.after,
    at,
    by
  };
  const ids = assets.map((a) => a.id);
  // The roles a RACI decision set: what a merge counts as changed (core/merge/entry-touches.ts).
  const roles = decision.kind === 'raci' ? { roles: RACI_ROLES.filter((role) => decision.roles[role] !== undefined) } : {};
  const context = { workshopId: record.row.id, workshop: record.row.title, attendees: record.attendeeIds.map(partyName), layerId: layer.id, kind: decision.kind, ...roles };
  const forward: EditOp[] = [...effect.forward, { op: 'putDecision', row }];
  const backward: EditOp[] = [...effect.backward, { op: 'deleteDecision', id: row.id }];
  // Each side logs the operations that lead to it (the way back, and for an undo the way forward): the as-of rewinds through them.
  writeEdit(wb, ctx, {
    action: 'workshops.decide',
    entity: 'asset',
    entityId: null,
    summary,
    forward,
    backward,
    before: { ids, ...context, text: before, ops: backward },
    after: { ids, ...context, text: effect.after, ...(effect.action === undefined ? {} : { actionId: effect.action.id }), ops: forward }
  });
  const after = readWorkshop(wb, input.id);
  return stepOf(wb.engine.state(ctx), after, input.group, layerIndex, (position) => after.groups[position] ?? null);
}

/** Closes a deferred action (its ACTION_OPEN findings go); undoable. */
export function closeAction(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'workshops.closeAction'>): WorkshopAction {
  const action = getAction(wb.db, input.actionId);
  if (action === null) throw new DemarcError('NOT_FOUND', `There is no workshop action #${input.actionId}.`);
  if (action.closedAt !== null) throw new DemarcError('RULE_VIOLATION', `The action "${action.title}" was already closed on ${action.closedAt.slice(0, 10)} by ${action.closedBy ?? 'someone'}.`);
  const record = readWorkshop(wb, action.workshopId);
  const closed: ActionRow = { ...action, closedAt: ctx.clock(), closedBy: actorOf(wb, ctx), closeNote: input.note ?? null };
  const forward: EditOp[] = [{ op: 'putAction', row: closed, workshopTitle: record.row.title }];
  const backward: EditOp[] = [{ op: 'putAction', row: action, workshopTitle: record.row.title }];
  writeEdit(wb, ctx, {
    action: 'workshops.closeAction',
    entity: 'asset',
    entityId: null,
    summary: `Closed the action "${action.title}" of workshop "${record.row.title}"${input.note === undefined ? '' : `: ${input.note}`}`,
    forward,
    backward,
    before: { ids: action.assetIds, actionId: action.id, closedAt: null, ops: backward },
    after: { ids: action.assetIds, actionId: action.id, closedAt: closed.closedAt, note: closed.closeNote, ops: forward }
  });
  return actionView(wb.engine.state(ctx), closed);
}
