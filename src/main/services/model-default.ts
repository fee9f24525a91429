/**
 * Changing the workbook's default model: previewed in words first, then applied in one write.
 * Overrides and roles on layers the new model lacks move to the matching layer when the core
 * finds one (by title or known rename), otherwise they are removed and kept in the change log.
 */
import { previewModelChange, type ModelChangePreview } from '@core/models';
import type { ModelChangeSummary } from '@shared/contract/engine';
import { SERVICE_MODEL_LABELS, type Asset, type LayerOverride, type RaciAssignment, type Responsibility } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import { META_KEYS } from '../store/repos/meta';
import type { OpenWorkbook, ServiceContext } from './context';
import type { EditOp } from './edit-ops';
import { type EngineState } from '../engine/state';
import { writeEdit } from './history';
import { requireModel } from './models';

const MAX_EXAMPLES = 200;

function preview(state: EngineState, toId: string): { result: ModelChangePreview; assets: Asset[] } {
  const from = requireModel(state, state.input.settings.defaultModelId);
  const to = requireModel(state, toId);
  const assets = state.input.assets.filter((a) => a.modelId === null);
  return { result: previewModelChange(assets, state.input.overrides, state.input.assignments, from, to), assets };
}

const side = (r: Responsibility | null): string => (r === null ? 'no such layer' : r === 'unknown' ? 'unknown (no service model)' : r);

function summarise(state: EngineState, p: ModelChangePreview): ModelChangeSummary {
  const from = requireModel(state, p.fromModelId);
  const to = requireModel(state, p.toModelId);
  const title = (layers: typeof from.layers, id: string | null) => (id === null ? null : (layers.find((l) => l.id === id)?.title ?? id));
  const nameOf = (assetId: number) => state.assetById.get(assetId)?.name ?? `asset #${assetId}`;
  const examples: string[] = [];
  for (const c of p.changes) {
    if (examples.length >= MAX_EXAMPLES) break;
    const asset = state.assetById.get(c.assetId);
    const sm = asset?.serviceModel ? ` (${SERVICE_MODEL_LABELS[asset.serviceModel]})` : '';
    const layer = title(to.layers, c.toLayerId) ?? title(from.layers, c.fromLayerId) ?? '?';
    examples.push(`${nameOf(c.assetId)}${sm}: "${layer}" goes from ${side(c.before)} to ${side(c.after)}`);
  }
  for (const o of p.orphanedOverrides) {
    if (examples.length >= MAX_EXAMPLES) break;
    examples.push(`${nameOf(o.override.assetId)}: the override of "${title(from.layers, o.override.layerId)}" ${o.suggestedLayerId ? `moves to "${title(to.layers, o.suggestedLayerId)}"` : 'is removed (no matching layer)'}`);
  }
  for (const o of p.refusedOverrides) {
    if (examples.length >= MAX_EXAMPLES) break;
    examples.push(`${nameOf(o.override.assetId)}: the override of "${title(from.layers, o.override.layerId)}" is removed: ${o.message}`);
  }
  return {
    fromModelId: p.fromModelId,
    toModelId: p.toModelId,
    assetsAffected: p.assetsAffected,
    layerChanges: p.changes.length,
    orphanedOverrides: p.orphanedOverrides.length,
    orphanedAssignments: p.orphanedAssignments.length,
    refusedOverrides: p.refusedOverrides.length,
    examples
  };
}

/** What switching the default model would change, in counts and example lines. */
export function previewDefaultModel(wb: OpenWorkbook, ctx: ServiceContext, modelId: string): ModelChangeSummary {
  const state = wb.engine.state(ctx);
  return summarise(state, preview(state, modelId).result);
}

/** Switches the default model, moving or removing orphaned overrides and roles; one undo step. */
export function setDefaultModel(wb: OpenWorkbook, ctx: ServiceContext, modelId: string): ModelChangeSummary {
  const state = wb.engine.state(ctx);
  const settings = state.input.settings;
  if (modelId === settings.defaultModelId) throw new DemarcError('RULE_VIOLATION', `"${modelId}" is already the default model.`);
  const to = requireModel(state, modelId);
  const { result } = preview(state, modelId);
  const summaryOut = summarise(state, result);
  const taken = new Set(state.input.overrides.map((o) => `${o.assetId}|${o.layerId}`));
  const removedOverrides: LayerOverride[] = [];
  const addedOverrides: LayerOverride[] = [];
  for (const { override, suggestedLayerId } of result.orphanedOverrides) {
    removedOverrides.push(override);
    // Move only where the new layer has no override of its own; otherwise keep the newer one.
    if (suggestedLayerId !== null && !taken.has(`${override.assetId}|${suggestedLayerId}`)) {
      taken.add(`${override.assetId}|${suggestedLayerId}`);
      addedOverrides.push({ ...override, layerId: suggestedLayerId });
    }
  }
  for (const { override } of result.refusedOverrides) removedOverrides.push(override);
  const removedAssignments: RaciAssignment[] = result.orphanedAssignments.map((o) => o.assignment);
  // A role already held on the matching layer is merged, not duplicated (undo must not remove it).
  const held = new Set(state.input.assignments.map((a) => `${a.assetId}|${a.layerId}|${a.role}|${a.partyId}`));
  const addedAssignments: RaciAssignment[] = [];
  for (const { assignment, suggestedLayerId } of result.orphanedAssignments) {
    if (suggestedLayerId === null) continue;
    const key = `${assignment.assetId}|${suggestedLayerId}|${assignment.role}|${assignment.partyId}`;
    if (held.has(key)) continue;
    held.add(key);
    addedAssignments.push({ ...assignment, layerId: suggestedLayerId });
  }
  const movedO = addedOverrides.length;
  const movedA = addedAssignments.length;
  const droppedO = removedOverrides.length - movedO;
  const droppedA = removedAssignments.length - movedA;
  const parts = [`Default model ${settings.defaultModelId} → ${to.id} (${to.version})`];
  if (movedO + movedA > 0) parts.push(`moved ${movedO} override(s) and ${movedA} role(s) to the matching layers`);
  if (droppedO + droppedA > 0) parts.push(`removed ${droppedO} override(s) and ${droppedA} role(s) with no matching layer (kept in this entry's before)`);
  const forward: EditOp[] = [
    { op: 'meta', key: META_KEYS.defaultModelId, value: to.id },
    { op: 'meta', key: META_KEYS.defaultModelVersion, value: to.version },
    ...removedOverrides.map((o): EditOp => ({ op: 'deleteOverride', assetId: o.assetId, layerId: o.layerId })),
    ...addedOverrides.map((row): EditOp => ({ op: 'putOverride', row })),
    { op: 'deleteAssignments', rows: removedAssignments },
    { op: 'putAssignments', rows: addedAssignments }
  ];
  const backward: EditOp[] = [
    { op: 'meta', key: META_KEYS.defaultModelId, value: settings.defaultModelId },
    { op: 'meta', key: META_KEYS.defaultModelVersion, value: settings.defaultModelVersion },
    ...addedOverrides.map((o): EditOp => ({ op: 'deleteOverride', assetId: o.assetId, layerId: o.layerId })),
    ...removedOverrides.map((row): EditOp => ({ op: 'putOverride', row })),
    { op: 'deleteAssignments', rows: addedAssignments },
    { op: 'putAssignments', rows: removedAssignments }
  ];
  writeEdit(wb, ctx, {
    action: 'models.setDefault',
    entity: 'workbook',
    entityId: null,
    summary: parts.join('; '),
    forward,
    backward,
    before: { defaultModelId: settings.defaultModelId, defaultModelVersion: settings.defaultModelVersion, overrides: removedOverrides, assignments: removedAssignments },
    after: { defaultModelId: to.id, defaultModelVersion: to.version, overrides: addedOverrides, assignments: addedAssignments }
  });
  return summaryOut;
}
