/** One step of a workshop's walk: a layer of a decision group with everything the room decides on. */
import { FINDING_TITLES } from '@core/finding-messages';
import { getCell } from '@core/model-cells';
import { serviceModelLabel } from '@core/service-models';
import { layerVariants } from '@core/workshop/layer-variants';
import { isInWalk, stepNumber } from '@core/workshop/walk';
import type { ParsedInput } from '@shared/contract';
import type { Asset, FindingCode, Severity } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import type { WorkshopAction, WorkshopDecision, WorkshopStep } from '@shared/workshop';
import type { EngineState } from '../../engine/state';
import { getGroup, type ActionRow, type GroupRow } from '../../store/repos/workshops';
import type { OpenWorkbook, ServiceContext } from '../context';
import { groupModel, groupRaci, groupView, layerCounts, partyNameOf, readWalk, stepKey, type WalkRecord } from './workshop-view';

export function actionView(state: EngineState, a: ActionRow): WorkshopAction {
  const { assetIds, ...rest } = a;
  return { ...rest, owner: partyNameOf(state.partyById, a.ownerPartyId), assets: assetIds.length };
}

/** The assets of a group that are still in the workbook. */
export function groupAssets(state: EngineState, assetIds: readonly number[]): Asset[] {
  return assetIds.flatMap((id) => state.assetById.get(id) ?? []);
}

function findingsOn(state: EngineState, assets: readonly Asset[], layerId: string): WorkshopStep['findings'] {
  const byCode = new Map<FindingCode, { code: FindingCode; severity: Severity; title: string; assets: number; example: string }>();
  for (const asset of assets) {
    const seen = new Set<FindingCode>();
    for (const f of state.findingsByAsset.get(asset.id) ?? []) {
      // The layer's own findings, and the assets' own (no owner, no service model…), which decide it too.
      if ((f.layerId !== layerId && f.layerId !== null) || seen.has(f.code)) continue;
      seen.add(f.code);
      const entry = byCode.get(f.code);
      if (entry === undefined) byCode.set(f.code, { code: f.code, severity: f.severity, title: FINDING_TITLES[f.code], assets: 1, example: f.message });
      else entry.assets++;
    }
  }
  return [...byCode.values()].sort((a, b) => b.assets - a.assets);
}

/**
 * The step view of a record (already read) at a position of its walk.
 * @param groupOf the group at a position with its assets (read only for the step's own group)
 */
export function stepOf(state: EngineState, record: WalkRecord, group: number, layer: number, groupOf: (position: number) => GroupRow | null): WorkshopStep {
  const counts = layerCounts(state, record.groups);
  const groupRow = isInWalk({ group, layer }, counts) ? groupOf(group) : null;
  if (groupRow === null) {
    throw new DemarcError('NOT_FOUND', `group/layer: (${group}, ${layer}) is not a step of the workshop "${record.row.title}" (${counts.length} groups).`);
  }
  const model = groupModel(state, groupRow);
  const modelLayer = model.layers[layer]!;
  const assets = groupAssets(state, groupRow.assetIds);
  const serviceModel = assets[0]?.serviceModel ?? null;
  const cell = serviceModel === null ? null : getCell(model, modelLayer.id, serviceModel);
  const partyName = (id: number) => state.partyById.get(id)?.name ?? `party #${id}`;
  const decided = new Set(record.decisions.map((d) => stepKey(d.groupPosition, d.layerId)));
  const raci = groupRaci(state, groupRow);
  return {
    workshopId: record.row.id,
    status: record.row.status,
    position: { group, layer },
    groupCount: counts.length,
    layerCount: counts[group]!,
    stepNumber: stepNumber({ group, layer }, counts),
    steps: counts.reduce((n, c) => n + c, 0),
    decidedSteps: decided.size,
    group: groupView(state, groupRow, decided),
    model: { id: model.id, name: model.name, sourceTitle: model.source.title, sourceUrl: model.source.url },
    layer: { id: modelLayer.id, title: modelLayer.title, description: modelLayer.description, permanentCustomer: modelLayer.permanentCustomer },
    published: cell?.responsibility ?? null,
    serviceModel,
    serviceModelLabel: serviceModel === null ? null : serviceModelLabel(model, serviceModel),
    operatedBy: cell?.operatedBy === null || cell === null ? null : (model.parties.find((p) => p.id === cell.operatedBy)?.name ?? cell.operatedBy),
    variants: layerVariants({ raci, assets, layerId: modelLayer.id, overridesByAsset: state.overridesByAsset, assignmentsByAsset: state.assignmentsByAsset, partyName }),
    findings: findingsOn(state, assets, modelLayer.id),
    decisions: record.decisions.filter((d) => d.groupPosition === group && d.layerId === modelLayer.id) satisfies WorkshopDecision[],
    actions: record.actions.filter((a) => a.groupPosition === group && a.layerId === modelLayer.id).map((a) => actionView(state, a))
  };
}

export function workshopStep(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'workshops.step'>): WorkshopStep {
  return stepOf(wb.engine.state(ctx), readWalk(wb, input.id), input.group, input.layer, (position) => getGroup(wb.db, input.id, position));
}
