/**
 * Reading a workshop as the app shows it: the stored rows with what they mean (attendees by
 * name, groups with their sizes and layers, progress of the walk).
 */
import { scopeLabel } from '@core/picture/scope-label';
import type { Party, ResponsibilityModel } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import type { DecisionGroupView, WorkshopAttendee, WorkshopDetail, WorkshopSummary } from '@shared/workshop';
import type { RaciContext } from '@core/raci';
import { raciContext } from '../../engine/asset-detail';
import type { EngineState } from '../../engine/state';
import { getWorkshop, listActions, listAttendeeIds, listDecisions, listGroupHeads, listGroups, listWorkshops, type GroupHead, type GroupRow, type WorkshopRow } from '../../store/repos/workshops';
import type { OpenWorkbook, ServiceContext } from '../context';
import { savedSetName } from '../saved-set-filter';

/** Everything stored about one workshop, read at once. */
export interface WorkshopRecord {
  row: WorkshopRow;
  attendeeIds: number[];
  groups: GroupRow[];
  decisions: ReturnType<typeof listDecisions>;
  actions: ReturnType<typeof listActions>;
}

export function readWorkshop(wb: OpenWorkbook, id: number): WorkshopRecord {
  const row = requireWorkshopRow(wb, id);
  return { row, attendeeIds: listAttendeeIds(wb.db, id), groups: listGroups(wb.db, id), decisions: listDecisions(wb.db, id), actions: listActions(wb.db, id) };
}

/** What a step of the walk reads: the groups without their asset lists (a whole record is one too). */
export interface WalkRecord {
  row: WorkshopRow;
  groups: readonly GroupHead[];
  decisions: WorkshopRecord['decisions'];
  actions: WorkshopRecord['actions'];
}

export function readWalk(wb: OpenWorkbook, id: number): WalkRecord {
  const row = requireWorkshopRow(wb, id);
  return { row, groups: listGroupHeads(wb.db, id), decisions: listDecisions(wb.db, id), actions: listActions(wb.db, id) };
}

function requireWorkshopRow(wb: OpenWorkbook, id: number): WorkshopRow {
  const row = getWorkshop(wb.db, id);
  if (row === null) throw new DemarcError('NOT_FOUND', `There is no workshop #${id} in this workbook.`);
  return row;
}

/** The model a group walks through (its assets' model, loaded with the workbook). */
export function groupModel(state: EngineState, group: Pick<GroupRow, 'modelId' | 'label'>): ResponsibilityModel {
  const model = state.input.models[group.modelId];
  if (model === undefined) throw new DemarcError('NOT_FOUND', `The group "${group.label}" uses the responsibility model "${group.modelId}", which is not in this workbook.`);
  return model;
}

/** How the minutes and the Workshop sheet name a decision's or an action's group and layer. */
export interface GroupNaming {
  groupLabel: (position: number) => string;
  layerTitle: (position: number, layerId: string) => string;
}

/** Groups in walk order (a position is an index); a layer its group's model does not know keeps its id. */
export function groupNaming(groups: readonly GroupHead[], modelOf: (group: GroupHead) => ResponsibilityModel | undefined): GroupNaming {
  return {
    groupLabel: (position) => groups[position]?.label ?? `group ${position + 1}`,
    layerTitle: (position, layerId) => {
      const group = groups[position];
      return (group === undefined ? undefined : modelOf(group)?.layers.find((l) => l.id === layerId)?.title) ?? layerId;
    }
  };
}

/** The RACI rules of a group's model (the group's model is already the one its assets are read under). */
export function groupRaci(state: EngineState, group: Pick<GroupRow, 'modelId'>): RaciContext {
  return raciContext(state, { modelId: group.modelId, provider: null });
}

/** The number of layers of each group's model, in walk order (what the walk's order needs). */
export function layerCounts(state: EngineState, groups: readonly GroupHead[]): number[] {
  return groups.map((g) => groupModel(state, g).layers.length);
}

/** A party's name as the workshop shows it; one the workbook no longer holds by its id. */
export function partyNameOf(partyById: ReadonlyMap<number, Party>, partyId: number): string {
  return partyById.get(partyId)?.name ?? `party #${partyId}`;
}

/** The attendees, by name. */
export function attendeesOf(partyById: ReadonlyMap<number, Party>, ids: readonly number[]): WorkshopAttendee[] {
  return ids
    .map((partyId) => {
      const party = partyById.get(partyId);
      return { partyId, name: partyNameOf(partyById, partyId), kind: party?.kind ?? 'person', active: party?.active ?? false };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function groupView(state: EngineState, group: GroupRow, decided: ReadonlySet<string>): DecisionGroupView {
  const model = groupModel(state, group);
  return {
    position: group.position,
    label: group.label,
    assets: group.assetIds.length,
    modelId: group.modelId,
    layers: model.layers.length,
    decidedLayers: model.layers.filter((l) => decided.has(stepKey(group.position, l.id))).length,
    examples: group.assetIds.slice(0, 5).map((id) => state.assetById.get(id)?.name ?? `asset #${id}`)
  };
}

export const stepKey = (group: number, layerId: string): string => `${group}|${layerId}`;

function summaryOf(wb: OpenWorkbook, state: EngineState, record: WorkshopRecord): WorkshopSummary {
  const { row } = record;
  const decided = new Set(record.decisions.map((d) => stepKey(d.groupPosition, d.layerId)));
  const owner = row.scope.owner === undefined || row.scope.owner === 'none' ? null : (state.partyById.get(row.scope.owner)?.name ?? null);
  return {
    id: row.id,
    title: row.title,
    heldOn: row.heldOn,
    status: row.status,
    scope: row.scope,
    // A service-model filter names a column of the scope's model: the first group's (all share it then).
    scopeLabel: scopeLabel(row.scope, groupModel(state, record.groups[0] ?? { modelId: state.input.settings.defaultModelId, label: row.title }), owner, savedSetName(wb.db, row.scope)),
    attendees: attendeesOf(state.partyById, record.attendeeIds),
    groups: record.groups.length,
    assets: record.groups.reduce((n, g) => n + g.assetIds.length, 0),
    steps: layerCounts(state, record.groups).reduce((n, c) => n + c, 0),
    decidedSteps: decided.size,
    decisions: record.decisions.length,
    openActions: record.actions.filter((a) => a.closedAt === null).length,
    position: { group: row.groupIndex, layer: row.layerIndex },
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    finishedAt: row.finishedAt
  };
}

export function workshopDetail(wb: OpenWorkbook, ctx: ServiceContext, id: number): WorkshopDetail {
  const state = wb.engine.state(ctx);
  const record = readWorkshop(wb, id);
  const decided = new Set(record.decisions.map((d) => stepKey(d.groupPosition, d.layerId)));
  return { ...summaryOf(wb, state, record), groupList: record.groups.map((g) => groupView(state, g, decided)) };
}

export function workshopSummary(wb: OpenWorkbook, ctx: ServiceContext, id: number): WorkshopSummary {
  return summaryOf(wb, wb.engine.state(ctx), readWorkshop(wb, id));
}

/** Every workshop of the workbook, newest first. */
export function listWorkshopSummaries(wb: OpenWorkbook, ctx: ServiceContext): WorkshopSummary[] {
  const state = wb.engine.state(ctx);
  return listWorkshops(wb.db).map((row) => summaryOf(wb, state, readWorkshop(wb, row.id)));
}
