/**
 * Moving assets from the model they are read under to another, as one plan: what the preview
 * shows (in counts and example lines) and the edit operations that do it and undo it. Used for
 * the workbook's default model, a provider's model and a selection of assets. Service models the
 * new model does not declare take its matching column (AWS infrastructure → IaaS) or none (the
 * asset is then unclassified, said so); overrides and roles on layers the new model lacks move to
 * the matching layer when the core finds one, otherwise they are removed and kept in the change log.
 */
import { previewModelChange, type ModelChangePreview } from '@core/models';
import { readModelId } from '@core/model-references';
import { serviceModelLabel } from '@core/service-models';
import type { ModelChangeSummary } from '@shared/contract/engine';
import type { Asset, LayerOverride, RaciAssignment, Responsibility, ResponsibilityModel } from '@shared/domain';
import type { AssetPatch } from '../store/asset-fields';
import { groupByValue, type EditOp } from './edit-ops';
import type { EngineState } from '../engine/state';
import { requireModel } from './models';

const MAX_EXAMPLES = 200;

/** A planned move: the preview, and the operations (forward and backward) apart from the caller's own. */
export interface ModelMovePlan {
  summary: ModelChangeSummary;
  forward: EditOp[];
  backward: EditOp[];
  /** Clauses for the change-log summary ("moved 2 override(s)…"). */
  words: string[];
  before: { overrides: LayerOverride[]; assignments: RaciAssignment[] };
  after: { overrides: LayerOverride[]; assignments: RaciAssignment[] };
}

const side = (r: Responsibility | null): string => (r === null ? 'no such layer' : r === 'unknown' ? 'unknown (no service model)' : r);

function examplesOf(state: EngineState, p: ModelChangePreview, from: ResponsibilityModel, to: ResponsibilityModel, out: string[]): void {
  const title = (layers: ResponsibilityModel['layers'], id: string | null) => (id === null ? null : (layers.find((l) => l.id === id)?.title ?? id));
  const nameOf = (assetId: number) => state.assetById.get(assetId)?.name ?? `asset #${assetId}`;
  for (const m of p.serviceModelMoves) {
    if (out.length >= MAX_EXAMPLES) return;
    const now = serviceModelLabel(from, m.from);
    out.push(m.to === null ? `${nameOf(m.assetId)}: ${now} has no column in ${to.name}; it becomes unclassified` : `${nameOf(m.assetId)}: ${now} becomes ${serviceModelLabel(to, m.to)}`);
  }
  for (const c of p.changes) {
    if (out.length >= MAX_EXAMPLES) return;
    const asset = state.assetById.get(c.assetId);
    const sm = asset?.serviceModel ? ` (${serviceModelLabel(from, asset.serviceModel)})` : '';
    const layer = title(to.layers, c.toLayerId) ?? title(from.layers, c.fromLayerId) ?? '?';
    out.push(`${nameOf(c.assetId)}${sm}: "${layer}" goes from ${side(c.before)} to ${side(c.after)}`);
  }
  for (const o of p.orphanedOverrides) {
    if (out.length >= MAX_EXAMPLES) return;
    out.push(`${nameOf(o.override.assetId)}: the override of "${title(from.layers, o.override.layerId)}" ${o.suggestedLayerId ? `moves to "${title(to.layers, o.suggestedLayerId)}"` : 'is removed (no matching layer)'}`);
  }
  for (const o of p.refusedOverrides) {
    if (out.length >= MAX_EXAMPLES) return;
    out.push(`${nameOf(o.override.assetId)}: the override of "${title(from.layers, o.override.layerId)}" is removed: ${o.message}`);
  }
}

/** The classification columns an asset's service model move writes. */
function columnPatch(to: ResponsibilityModel, fromLabel: string, column: string | null): AssetPatch {
  if (column !== null) return { serviceModel: column };
  return {
    serviceModel: null,
    serviceModelSource: null,
    classificationConfidence: 'none',
    needsReview: true,
    classificationReason: `${fromLabel} has no column in ${to.name}: choose one of its service models.`
  };
}

/**
 * Plans moving `assets` (each read under its current model) to `toId`.
 * @param describe the assets in words, for the preview ("the assets of provider aws")
 */
export function planModelMove(state: EngineState, assets: readonly Asset[], toId: string, describe: string): ModelMovePlan {
  const to = requireModel(state, toId);
  const groups = new Map<string, Asset[]>();
  for (const asset of assets) {
    // From the model it is read under now: for an asset naming a missing model, the fallback.
    const id = readModelId(asset, state.input.settings, state.input.models);
    if (id === to.id) continue;
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [asset]);
    else group.push(asset);
  }
  const summary: ModelChangeSummary = {
    fromModelId: groups.size === 0 ? to.id : [...groups.keys()].join(', '),
    toModelId: to.id,
    assets: describe,
    assetCount: assets.length,
    assetsAffected: 0,
    serviceModelMoves: [],
    layerChanges: 0,
    orphanedOverrides: 0,
    orphanedAssignments: 0,
    refusedOverrides: 0,
    examples: []
  };
  const taken = new Set(state.input.overrides.map((o) => `${o.assetId}|${o.layerId}`));
  const held = new Set(state.input.assignments.map((a) => `${a.assetId}|${a.layerId}|${a.role}|${a.partyId}`));
  const removedOverrides: LayerOverride[] = [];
  const addedOverrides: LayerOverride[] = [];
  const removedAssignments: RaciAssignment[] = [];
  const addedAssignments: RaciAssignment[] = [];
  const forwardPatches: EditOp[] = [];
  const backwardPatches: EditOp[] = [];
  const moveCounts = new Map<string, ModelChangeSummary['serviceModelMoves'][number]>();
  for (const [fromId, group] of groups) {
    const from = requireModel(state, fromId);
    const p = previewModelChange(group, state.input.overrides, state.input.assignments, from, to);
    summary.assetsAffected += p.assetsAffected;
    summary.layerChanges += p.changes.length;
    summary.orphanedOverrides += p.orphanedOverrides.length;
    summary.orphanedAssignments += p.orphanedAssignments.length;
    summary.refusedOverrides += p.refusedOverrides.length;
    examplesOf(state, p, from, to, summary.examples);
    for (const m of p.serviceModelMoves) {
      const key = `${fromId}|${m.from}|${m.to ?? ''}`;
      const entry = moveCounts.get(key) ?? { from: m.from, fromLabel: serviceModelLabel(from, m.from), to: m.to, toLabel: m.to === null ? null : serviceModelLabel(to, m.to), count: 0 };
      entry.count++;
      moveCounts.set(key, entry);
    }
    const moveOf = new Map(p.serviceModelMoves.map((m) => [m.assetId, m]));
    const patched = groupByValue([...moveOf.keys()], (id) => {
      const move = moveOf.get(id)!;
      return columnPatch(to, serviceModelLabel(from, move.from), move.to);
    });
    for (const g of patched) {
      forwardPatches.push({ op: 'patchAssets', ids: g.ids, patch: g.value });
      const previous = groupByValue(g.ids, (id) => {
        const asset = state.assetById.get(id)!;
        const before: AssetPatch = {};
        for (const field of Object.keys(g.value) as (keyof AssetPatch)[]) Object.assign(before, { [field]: asset[field] });
        return before;
      });
      for (const b of previous) backwardPatches.push({ op: 'patchAssets', ids: b.ids, patch: b.value });
    }
    for (const { override, suggestedLayerId } of p.orphanedOverrides) {
      removedOverrides.push(override);
      // Move only where the new layer has no override of its own; otherwise keep the newer one.
      if (suggestedLayerId !== null && !taken.has(`${override.assetId}|${suggestedLayerId}`)) {
        taken.add(`${override.assetId}|${suggestedLayerId}`);
        addedOverrides.push({ ...override, layerId: suggestedLayerId });
      }
    }
    for (const { override } of p.refusedOverrides) removedOverrides.push(override);
    for (const { assignment, suggestedLayerId } of p.orphanedAssignments) {
      removedAssignments.push(assignment);
      if (suggestedLayerId === null) continue;
      // A role already held on the matching layer is merged, not duplicated (undo must not remove it).
      const key = `${assignment.assetId}|${suggestedLayerId}|${assignment.role}|${assignment.partyId}`;
      if (held.has(key)) continue;
      held.add(key);
      addedAssignments.push({ ...assignment, layerId: suggestedLayerId });
    }
  }
  summary.serviceModelMoves = [...moveCounts.values()];
  const words: string[] = [];
  const columnsMoved = summary.serviceModelMoves.reduce((n, m) => n + (m.to === null ? 0 : m.count), 0);
  const columnsLost = summary.serviceModelMoves.reduce((n, m) => n + (m.to === null ? m.count : 0), 0);
  if (columnsMoved > 0) words.push(`${columnsMoved} service model(s) moved to ${to.name}'s columns`);
  if (columnsLost > 0) words.push(`${columnsLost} asset(s) unclassified (no matching column)`);
  const movedO = addedOverrides.length;
  const movedA = addedAssignments.length;
  const droppedO = removedOverrides.length - movedO;
  const droppedA = removedAssignments.length - movedA;
  if (movedO + movedA > 0) words.push(`moved ${movedO} override(s) and ${movedA} role(s) to the matching layers`);
  if (droppedO + droppedA > 0) words.push(`removed ${droppedO} override(s) and ${droppedA} role(s) with no matching layer (kept in this entry's before)`);
  return {
    summary,
    forward: [
      ...forwardPatches,
      ...removedOverrides.map((o): EditOp => ({ op: 'deleteOverride', assetId: o.assetId, layerId: o.layerId })),
      ...addedOverrides.map((row): EditOp => ({ op: 'putOverride', row })),
      { op: 'deleteAssignments', rows: removedAssignments },
      { op: 'putAssignments', rows: addedAssignments }
    ],
    backward: [
      ...backwardPatches,
      ...addedOverrides.map((o): EditOp => ({ op: 'deleteOverride', assetId: o.assetId, layerId: o.layerId })),
      ...removedOverrides.map((row): EditOp => ({ op: 'putOverride', row })),
      { op: 'deleteAssignments', rows: addedAssignments },
      { op: 'putAssignments', rows: removedAssignments }
    ],
    words,
    before: { overrides: removedOverrides, assignments: removedAssignments },
    after: { overrides: addedOverrides, assignments: addedAssignments }
  };
}
