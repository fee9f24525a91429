/**
 * Starting and steering a workshop: its decision groups (from the core's grouping, frozen at the
 * start, split or merged before they are decided), pause, resume and finish. Each is one write
 * with one change-log entry naming the workshop.
 */
import { groupForDecisions, mergeGroups, splitGroup, type DecisionGroup } from '@core/workshop/groups';
import { isInWalk, progressText } from '@core/workshop/walk';
import type { ParsedInput } from '@shared/contract';
import { DemarcError } from '@shared/errors';
import type { PictureScope } from '@shared/picture';
import type { DecisionGroupView, WorkshopDetail, WorkshopStatus } from '@shared/workshop';
import { matchingAssets } from '../../engine/query';
import { modelOf, type EngineState } from '../../engine/state';
import { insertAttendees, insertWorkshop, replaceGroups, updateWorkshopState, type GroupRow } from '../../store/repos/workshops';
import type { OpenWorkbook, ServiceContext } from '../context';
import { resolveSavedSet } from '../saved-set-filter';
import { write } from '../write';
import { groupView, layerCounts, readWorkshop, workshopDetail, type WorkshopRecord } from './workshop-view';

function groupsOfScope(wb: OpenWorkbook, state: EngineState, scope: PictureScope): DecisionGroup[] {
  return groupForDecisions({
    assets: matchingAssets(state, resolveSavedSet(wb.db, scope)),
    assignmentsByAsset: state.assignmentsByAsset,
    overridesByAsset: state.overridesByAsset,
    modelOf: (asset) => modelOf(state, asset),
    partyName: (id) => state.partyById.get(id)?.name ?? `party #${id}`
  });
}

const toRows = (groups: readonly DecisionGroup[]): GroupRow[] =>
  groups.map((g, position) => ({ position, label: g.label, modelId: g.modelId, assetIds: g.assetIds }));

/** The decision groups a scope makes now, before starting. */
export function previewWorkshop(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'workshops.preview'>): { groups: DecisionGroupView[]; assets: number } {
  const state = wb.engine.state(ctx);
  const rows = toRows(groupsOfScope(wb, state, input.scope));
  return { groups: rows.map((g) => groupView(state, g, new Set())), assets: rows.reduce((n, g) => n + g.assetIds.length, 0) };
}

export function startWorkshop(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'workshops.start'>): WorkshopDetail {
  const state = wb.engine.state(ctx);
  const attendees = [...new Set(input.attendees)];
  for (const partyId of attendees) {
    const party = state.partyById.get(partyId);
    if (party === undefined) throw new DemarcError('NOT_FOUND', `attendees: party #${partyId} is not in the parties list.`);
    if (!party.active) throw new DemarcError('RULE_VIOLATION', `attendees: ${party.name} has left${party.leftAt === null ? '' : ` (${party.leftAt.slice(0, 10)})`} and cannot attend.`);
  }
  const groups = groupsOfScope(wb, state, input.scope);
  if (groups.length === 0) throw new DemarcError('INVALID_INPUT', 'scope: no asset matches it; a workshop needs at least one asset to decide on.');
  const assets = groups.reduce((n, g) => n + g.assetIds.length, 0);
  const id = write(wb, ctx, (at, actor) => {
    const workshopId = insertWorkshop(wb.db, { title: input.title, heldOn: input.heldOn, scope: input.scope, createdAt: at, createdBy: actor });
    insertAttendees(wb.db, workshopId, attendees);
    replaceGroups(wb.db, workshopId, toRows(groups));
    return {
      result: workshopId,
      change: {
        action: 'workshops.start',
        entity: 'workshop',
        entityId: String(workshopId),
        summary: `Started workshop "${input.title}" (${input.heldOn}) with ${attendees.length} attendees: ${assets} assets in ${groups.length} decision groups`,
        after: { title: input.title, heldOn: input.heldOn, scope: input.scope, attendees, groups: groups.map((g) => ({ label: g.label, assets: g.assetIds.length })) }
      },
      touched: { workshops: true }
    };
  });
  return workshopDetail(wb, ctx, id);
}

function requireUndecided(record: WorkshopRecord, positions: readonly number[]): void {
  if (record.row.status === 'finished') throw new DemarcError('RULE_VIOLATION', `The workshop "${record.row.title}" is finished; its groups are final.`);
  for (const p of positions) {
    const group = record.groups[p];
    if (group === undefined) throw new DemarcError('NOT_FOUND', `group: the workshop has ${record.groups.length} groups (0 to ${record.groups.length - 1}); there is no group ${p}.`);
    if (record.decisions.some((d) => d.groupPosition === p) || record.actions.some((a) => a.groupPosition === p)) {
      throw new DemarcError('RULE_VIOLATION', `The group "${group.label}" already has decisions; only undecided groups can be split or merged.`);
    }
  }
  // Positions after the change move: refuse when a later group already holds decisions.
  const first = Math.min(...positions);
  const moved = record.decisions.find((d) => d.groupPosition > first) ?? record.actions.find((a) => a.groupPosition > first);
  if (moved !== undefined) throw new DemarcError('RULE_VIOLATION', `Groups after "${record.groups[first]?.label ?? ''}" already have decisions; split or merge groups before deciding the ones after them.`);
}

function regroup(wb: OpenWorkbook, ctx: ServiceContext, record: WorkshopRecord, next: DecisionGroup[], summary: string): WorkshopDetail {
  write(wb, ctx, () => {
    replaceGroups(wb.db, record.row.id, toRows(next));
    return {
      result: undefined,
      change: {
        action: 'workshops.regroup',
        entity: 'workshop',
        entityId: String(record.row.id),
        summary,
        before: record.groups.map((g) => ({ label: g.label, assets: g.assetIds.length })),
        after: next.map((g) => ({ label: g.label, assets: g.assetIds.length }))
      },
      touched: { workshops: true }
    };
  });
  return workshopDetail(wb, ctx, record.row.id);
}

const stored = (g: GroupRow): DecisionGroup => ({ key: `group ${g.position}`, label: g.label, modelId: g.modelId, assetIds: g.assetIds });

export function splitWorkshopGroup(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'workshops.splitGroup'>): WorkshopDetail {
  const state = wb.engine.state(ctx);
  const record = readWorkshop(wb, input.id);
  requireUndecided(record, [input.group]);
  const group = record.groups[input.group]!;
  const parts = splitGroup(stored(group), (id) => state.assetById.get(id), input.by);
  if (parts.length < 2) throw new DemarcError('RULE_VIOLATION', `Every asset of "${group.label}" has the same ${input.by}; splitting by it makes one group.`);
  const next = [...record.groups.slice(0, input.group).map(stored), ...parts, ...record.groups.slice(input.group + 1).map(stored)];
  return regroup(wb, ctx, record, next, `Split group "${group.label}" of workshop "${record.row.title}" by ${input.by} into ${parts.length} groups`);
}

export function mergeWorkshopGroups(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'workshops.mergeGroups'>): WorkshopDetail {
  const record = readWorkshop(wb, input.id);
  const positions = [...new Set(input.groups)].sort((a, b) => a - b);
  if (positions.length < 2) throw new DemarcError('INVALID_INPUT', 'groups: name at least two different groups to merge.');
  requireUndecided(record, positions);
  const merged = mergeGroups(positions.map((p) => stored(record.groups[p]!)));
  if (typeof merged === 'string') throw new DemarcError('RULE_VIOLATION', merged);
  const first = positions[0]!;
  const next = record.groups.flatMap((g) => (g.position === first ? [merged] : positions.includes(g.position) ? [] : [stored(g)]));
  return regroup(wb, ctx, record, next, `Merged ${positions.length} groups of workshop "${record.row.title}" into "${merged.label}" (${merged.assetIds.length} assets)`);
}

function setState(wb: OpenWorkbook, ctx: ServiceContext, record: WorkshopRecord, status: WorkshopStatus, position: { group: number; layer: number }, summary: string): WorkshopDetail {
  const { row } = record;
  write(wb, ctx, (at) => {
    updateWorkshopState(wb.db, { id: row.id, status, groupIndex: position.group, layerIndex: position.layer, finishedAt: status === 'finished' ? at : null });
    return {
      result: undefined,
      change: {
        action: `workshops.${status === 'open' ? 'resume' : status === 'paused' ? 'pause' : 'finish'}`,
        entity: 'workshop',
        entityId: String(row.id),
        summary,
        before: { status: row.status, position: { group: row.groupIndex, layer: row.layerIndex } },
        after: { status, position }
      },
      touched: { workshops: true }
    };
  });
  return workshopDetail(wb, ctx, row.id);
}

export function pauseWorkshop(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'workshops.pause'>): WorkshopDetail {
  const state = wb.engine.state(ctx);
  const record = readWorkshop(wb, input.id);
  if (record.row.status !== 'open') throw new DemarcError('RULE_VIOLATION', `The workshop "${record.row.title}" is ${record.row.status}; only an open workshop can be paused.`);
  const counts = layerCounts(state, record.groups);
  const at = { group: input.group, layer: input.layer };
  if (!isInWalk(at, counts)) throw new DemarcError('INVALID_INPUT', `group/layer: (${at.group}, ${at.layer}) is not a step of this workshop's walk.`);
  return setState(wb, ctx, record, 'paused', at, `Paused workshop "${record.row.title}" at ${progressText(at, counts).toLowerCase()}`);
}

export function resumeWorkshop(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'workshops.resume'>): WorkshopDetail {
  const record = readWorkshop(wb, input.id);
  if (record.row.status !== 'paused') throw new DemarcError('RULE_VIOLATION', `The workshop "${record.row.title}" is ${record.row.status}; only a paused workshop can be resumed.`);
  const at = { group: record.row.groupIndex, layer: record.row.layerIndex };
  return setState(wb, ctx, record, 'open', at, `Resumed workshop "${record.row.title}"`);
}

export function finishWorkshop(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'workshops.finish'>): WorkshopDetail {
  const record = readWorkshop(wb, input.id);
  if (record.row.status === 'finished') throw new DemarcError('RULE_VIOLATION', `The workshop "${record.row.title}" is already finished.`);
  const open = record.actions.filter((a) => a.closedAt === null).length;
  const at = { group: record.row.groupIndex, layer: record.row.layerIndex };
  return setState(wb, ctx, record, 'finished', at, `Finished workshop "${record.row.title}": ${record.decisions.length} decisions, ${open} open actions`);
}
