/**
 * Damaged party and layer references (core/reference-damage.ts): what the workbook holds of them,
 * and their repair — only when the user asks, previewed, as one logged and undoable edit. A missing
 * party's rows are removed (an owner naming it cleared) or given to a party in the list; an unknown
 * layer's rows are removed or moved to a layer of the asset's model, under the rules any edit obeys.
 */
import { validateOverride } from '@core/derive';
import { missingModel } from '@core/model-references';
import { ownerRefusal } from '@core/parties';
import { RACI_ROLE_NAMES } from '@core/raci';
import { describeLayerRows, missingPartyRows, unknownLayerRows, type UnknownLayerRows } from '@core/reference-damage';
import type { ParsedInput } from '@shared/contract';
import type { ReferenceDamage, ReferenceRepairResult, UnknownLayerDamage } from '@shared/contract/references';
import type { Asset, RaciAssignment, RaciRole, ResponsibilityModel } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import { modelOf, requireAsset, requireParty, type EngineState } from '../engine/state';
import type { OpenWorkbook, ServiceContext } from './context';
import type { EditOp } from './edit-ops';
import { writeEdit } from './history';
import { planRaci } from './raci-assign';

type Input = ParsedInput<'references.repair'>;
const MAX_EXAMPLES = 200;

/** An asset's rows on layers its model lacks; none for an asset whose model is missing (MODEL_MISSING says it). */
function unknownLayersOf(state: EngineState, asset: Asset): { model: ResponsibilityModel; layers: UnknownLayerRows[] } | null {
  const overrides = state.overridesByAsset.get(asset.id);
  const notes = state.notesByAsset.get(asset.id);
  const assignments = state.assignmentsByAsset.get(asset.id);
  if (overrides === undefined && notes === undefined && assignments === undefined) return null;
  if (missingModel(asset, state.input.settings, state.input.models) !== null) return null;
  const model = modelOf(state, asset);
  const layers = unknownLayerRows({ overrides, notes, assignments }, (id) => model.layers.some((l) => l.id === id));
  return layers.length === 0 ? null : { model, layers };
}

/** The workbook's damaged references (of one asset when `assetId` is given), each with counts. */
export function referenceDamage(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'references.damage'>): ReferenceDamage {
  const state = wb.engine.state(ctx);
  const assets = input.assetId === undefined ? state.input.assets : [requireAsset(state, input.assetId)];
  const parties = new Map<number, { assignments: number; owners: number; assets: Set<number> }>();
  const layers = new Map<string, UnknownLayerDamage & { ids: Set<number> }>();
  const party = (id: number) => {
    let entry = parties.get(id);
    if (entry === undefined) parties.set(id, (entry = { assignments: 0, owners: 0, assets: new Set() }));
    return entry;
  };
  const exists = (id: number) => state.partyById.has(id);
  for (const asset of assets) {
    for (const row of missingPartyRows(state.assignmentsByAsset.get(asset.id), exists)) {
      const entry = party(row.partyId);
      entry.assignments++;
      entry.assets.add(asset.id);
    }
    if (asset.ownerPartyId !== null && !exists(asset.ownerPartyId)) {
      const entry = party(asset.ownerPartyId);
      entry.owners++;
      entry.assets.add(asset.id);
    }
    const unknown = unknownLayersOf(state, asset);
    if (unknown === null) continue;
    for (const rows of unknown.layers) {
      let entry = layers.get(rows.layerId);
      const targets = unknown.model.layers.map((l) => ({ id: l.id, title: l.title }));
      if (entry === undefined) {
        layers.set(rows.layerId, (entry = { layerId: rows.layerId, overrides: 0, notes: 0, assignments: 0, assets: 0, ids: new Set(), moveTo: targets }));
      } else entry.moveTo = entry.moveTo.filter((t) => targets.some((o) => o.id === t.id));
      entry.overrides += rows.override === null ? 0 : 1;
      entry.notes += rows.note === null ? 0 : 1;
      entry.assignments += rows.assignments.length;
      entry.ids.add(asset.id);
    }
  }
  return {
    missingParties: [...parties].sort(([a], [b]) => a - b).map(([partyId, e]) => ({ partyId, assignments: e.assignments, owners: e.owners, assets: e.assets.size })),
    unknownLayers: [...layers.values()]
      .sort((a, b) => a.layerId.localeCompare(b.layerId))
      .map(({ ids, ...e }) => ({ ...e, assets: ids.size }))
  };
}

interface Plan {
  forward: EditOp[];
  backward: EditOp[];
  summary: string;
  assets: Set<number>;
  rows: number;
  examples: string[];
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function inScope(input: Input, state: EngineState): (assetId: number) => boolean {
  if (input.assetIds === undefined) return () => true;
  for (const id of input.assetIds) requireAsset(state, id);
  const ids = new Set(input.assetIds);
  return (assetId) => ids.has(assetId);
}

function layerTitle(state: EngineState, asset: Asset | undefined, layerId: string): string {
  return (asset === undefined ? undefined : modelOf(state, asset).layers.find((l) => l.id === layerId)?.title) ?? layerId;
}

/** Remove or reassign every row naming a party the workbook does not hold. */
function planParty(state: EngineState, input: Input, partyId: number): Plan {
  const known = state.partyById.get(partyId);
  if (known !== undefined) {
    throw new DemarcError('RULE_VIOLATION', `${known.name} (party #${partyId}) is in the parties list: rows naming it are not damaged. To move what a party holds, reassign its holdings under Parties.`);
  }
  const scope = inScope(input, state);
  const rows = state.input.assignments.filter((a) => a.partyId === partyId && scope(a.assetId));
  const owned = state.input.assets.filter((a) => a.ownerPartyId === partyId && scope(a.id)).map((a) => a.id);
  if (rows.length === 0 && owned.length === 0) throw new DemarcError('NOT_FOUND', `No row${input.assetIds ? ' of the chosen assets' : ''} names party #${partyId}.`);
  const nameOf = (id: number) => state.assetById.get(id)?.name ?? `asset #${id}`;
  const examples: string[] = [];
  const say = (line: string) => examples.length < MAX_EXAMPLES && examples.push(line);
  const assets = new Set([...owned, ...rows.map((r) => r.assetId)]);
  const count = rows.length + owned.length;
  const what = [rows.length > 0 ? plural(rows.length, 'RACI row') : '', owned.length > 0 ? `the owner of ${plural(owned.length, 'asset')}` : ''].filter(Boolean).join(' and ');

  if (input.action.kind === 'remove') {
    for (const r of rows) say(`${nameOf(r.assetId)}: the ${RACI_ROLE_NAMES[r.role]} row for "${layerTitle(state, state.assetById.get(r.assetId), r.layerId)}" naming party #${partyId} is removed`);
    for (const id of owned) say(`${nameOf(id)}: owner #${partyId} is cleared (no owner)`);
    return {
      forward: [{ op: 'deleteAssignments', rows }, { op: 'patchAssets', ids: owned, patch: { ownerPartyId: null } }],
      backward: [{ op: 'patchAssets', ids: owned, patch: { ownerPartyId: partyId } }, { op: 'putAssignments', rows }],
      summary: `Removed ${what} naming party #${partyId}, who is not in the parties list`,
      assets,
      rows: count,
      examples
    };
  }
  if (input.action.kind !== 'reassign') throw new DemarcError('INVALID_INPUT', 'action: a missing party is removed or reassigned to a party.');
  const to = requireParty(state, input.action.partyId);
  if (!to.active) throw new DemarcError('RULE_VIOLATION', `${to.name} is no longer active and cannot take the roles of party #${partyId}. Choose an active party.`);
  const refusal = owned.length > 0 ? ownerRefusal(to) : null;
  if (refusal !== null) throw new DemarcError('RULE_VIOLATION', `Party #${partyId} is named as the owner of ${plural(owned.length, 'asset')}: ${refusal}`);
  // Per asset × layer, the roles as they would be: the missing party replaced by the new one, under the rules raci.set keeps.
  const byLayer = new Map<string, { asset: Asset; layerId: string; roles: Set<RaciRole> }>();
  for (const r of rows) {
    const key = `${r.assetId}\u0000${r.layerId}`;
    const entry = byLayer.get(key) ?? { asset: requireAsset(state, r.assetId), layerId: r.layerId, roles: new Set<RaciRole>() };
    entry.roles.add(r.role);
    byLayer.set(key, entry);
  }
  const removed: RaciAssignment[] = [];
  const added: RaciAssignment[] = [];
  const refused: string[] = [];
  for (const { asset, layerId, roles } of byLayer.values()) {
    const current = (state.assignmentsByAsset.get(asset.id) ?? []).filter((a) => a.layerId === layerId);
    const next: Partial<Record<RaciRole, number[]>> = {};
    for (const role of roles) next[role] = [...new Set(current.filter((a) => a.role === role).map((a) => (a.partyId === partyId ? to.id : a.partyId)))];
    try {
      const plan = planRaci(state, asset, layerId, next);
      removed.push(...plan.removed);
      added.push(...plan.added);
      for (const role of roles) say(`${asset.name}: the ${RACI_ROLE_NAMES[role]} for "${plan.layerTitle}" goes from party #${partyId} to ${to.name}`);
    } catch (error) {
      if (!(error instanceof DemarcError)) throw error;
      refused.push(error.code === 'NOT_FOUND' ? `${asset.name}: the rows are on "${layerId}", a layer its model does not have — repair that layer first` : error.message);
    }
  }
  if (refused.length > 0) {
    throw new DemarcError('RULE_VIOLATION', `Cannot give the roles of party #${partyId} to ${to.name} on ${plural(refused.length, 'layer')}: ${refused.slice(0, 5).join(' ')}${refused.length > 5 ? ` (and ${refused.length - 5} more)` : ''} Nothing was changed.`);
  }
  for (const id of owned) say(`${nameOf(id)}: the owner goes from party #${partyId} to ${to.name}`);
  return {
    forward: [{ op: 'deleteAssignments', rows: removed }, { op: 'putAssignments', rows: added }, { op: 'patchAssets', ids: owned, patch: { ownerPartyId: to.id } }],
    backward: [{ op: 'patchAssets', ids: owned, patch: { ownerPartyId: partyId } }, { op: 'deleteAssignments', rows: added }, { op: 'putAssignments', rows: removed }],
    summary: `Gave ${what} naming party #${partyId}, who is not in the parties list, to ${to.name}`,
    assets,
    rows: count,
    examples
  };
}

/** Remove or move every row on a layer the asset's model does not have. */
function planLayer(state: EngineState, input: Input, layerId: string): Plan {
  const scope = inScope(input, state);
  const forward: EditOp[] = [];
  const backward: EditOp[] = [];
  const examples: string[] = [];
  const refused: string[] = [];
  const assets = new Set<number>();
  let count = 0;
  const moveTo = input.action.kind === 'move' ? input.action.layerId : null;
  if (input.action.kind === 'reassign') throw new DemarcError('INVALID_INPUT', 'action: an unknown layer\'s rows are removed or moved to a layer.');
  for (const asset of state.input.assets) {
    if (!scope(asset.id)) continue;
    const rows = unknownLayersOf(state, asset)?.layers.find((l) => l.layerId === layerId);
    if (rows === undefined) continue;
    assets.add(asset.id);
    const here = (rows.override ? 1 : 0) + (rows.note ? 1 : 0) + rows.assignments.length;
    count += here;
    const what = describeLayerRows(rows);
    if (moveTo === null) {
      if (examples.length < MAX_EXAMPLES) examples.push(`${asset.name}: ${what} on "${layerId}" ${here === 1 ? 'is' : 'are'} removed`);
      if (rows.override) {
        forward.push({ op: 'deleteOverride', assetId: asset.id, layerId });
        backward.push({ op: 'putOverride', row: rows.override });
      }
      if (rows.note) {
        forward.push({ op: 'deleteNote', assetId: asset.id, layerId });
        backward.push({ op: 'putNote', row: rows.note });
      }
      forward.push({ op: 'deleteAssignments', rows: rows.assignments });
      backward.push({ op: 'putAssignments', rows: rows.assignments });
      continue;
    }
    const reason = moveRefusal(state, asset, rows, moveTo);
    if (reason !== null) {
      refused.push(`${asset.name}: ${reason}`);
      continue;
    }
    const target = modelOf(state, asset).layers.find((l) => l.id === moveTo)!;
    if (examples.length < MAX_EXAMPLES) examples.push(`${asset.name}: ${what} move${here === 1 ? 's' : ''} from "${layerId}" to "${target.title}"`);
    if (rows.override) {
      forward.push({ op: 'deleteOverride', assetId: asset.id, layerId }, { op: 'putOverride', row: { ...rows.override, layerId: moveTo } });
      backward.push({ op: 'deleteOverride', assetId: asset.id, layerId: moveTo }, { op: 'putOverride', row: rows.override });
    }
    if (rows.note) {
      forward.push({ op: 'deleteNote', assetId: asset.id, layerId }, { op: 'putNote', row: { ...rows.note, layerId: moveTo } });
      backward.push({ op: 'deleteNote', assetId: asset.id, layerId: moveTo }, { op: 'putNote', row: rows.note });
    }
    const moved = rows.assignments.map((a) => ({ ...a, layerId: moveTo }));
    forward.push({ op: 'deleteAssignments', rows: rows.assignments }, { op: 'putAssignments', rows: moved });
    backward.push({ op: 'deleteAssignments', rows: moved }, { op: 'putAssignments', rows: rows.assignments });
  }
  if (assets.size === 0) throw new DemarcError('NOT_FOUND', `No row${input.assetIds ? ' of the chosen assets' : ''} is on a layer "${layerId}" that its asset's model does not have.`);
  if (refused.length > 0) {
    throw new DemarcError('RULE_VIOLATION', `Cannot move the rows on "${layerId}" of ${plural(refused.length, 'asset')}: ${refused.slice(0, 5).join(' ')}${refused.length > 5 ? ` (and ${refused.length - 5} more)` : ''} Nothing was changed.`);
  }
  return {
    forward,
    backward,
    summary:
      moveTo === null
        ? `Removed ${plural(count, 'row')} on the layer "${layerId}", which the model of ${plural(assets.size, 'asset')} does not have`
        : `Moved ${plural(count, 'row')} from the layer "${layerId}", which the model of ${plural(assets.size, 'asset')} does not have, to "${moveTo}"`,
    assets,
    rows: count,
    examples
  };
}

/** Why an unknown layer's rows cannot move to `layerId` on this asset, or null. */
function moveRefusal(state: EngineState, asset: Asset, rows: UnknownLayerRows, layerId: string): string | null {
  const model = modelOf(state, asset);
  const layer = model.layers.find((l) => l.id === layerId);
  if (layer === undefined) return `${model.name} has no layer "${layerId}" (its layers: ${model.layers.map((l) => l.id).join(', ')}).`;
  if (rows.override !== null) {
    if (state.overridesByAsset.get(asset.id)?.some((o) => o.layerId === layerId)) return `it already has an override on "${layer.title}"; remove one of the two first.`;
    const refusal = validateOverride(model, layerId, rows.override.responsibility, rows.override.justification);
    if (refusal !== null) return refusal;
  }
  if (rows.note !== null && state.notesByAsset.get(asset.id)?.some((n) => n.layerId === layerId)) return `it already has a note on "${layer.title}"; remove one of the two first.`;
  if (rows.assignments.length === 0) return null;
  const current = (state.assignmentsByAsset.get(asset.id) ?? []).filter((a) => a.layerId === layerId);
  const roles: Partial<Record<RaciRole, number[]>> = {};
  for (const a of rows.assignments) {
    if (current.some((c) => c.role === a.role)) return `"${layer.title}" already has its own ${RACI_ROLE_NAMES[a.role]}; remove one of the two first.`;
    (roles[a.role] ??= []).push(a.partyId);
  }
  try {
    planRaci(state, asset, layerId, roles);
    return null;
  } catch (error) {
    if (error instanceof DemarcError) return error.message;
    throw error;
  }
}

/** Previews or applies a repair of one missing party's or one unknown layer's rows (one undoable edit). */
export function repairReferences(wb: OpenWorkbook, ctx: ServiceContext, input: Input): ReferenceRepairResult {
  const state = wb.engine.state(ctx);
  const plan = input.target.kind === 'party' ? planParty(state, input, input.target.partyId) : planLayer(state, input, input.target.layerId);
  const result = { summary: plan.summary, assets: plan.assets.size, rows: plan.rows, examples: plan.examples };
  if (input.preview === true) return { preview: true, ...result };
  writeEdit(wb, ctx, {
    action: 'references.repair',
    entity: 'workbook',
    entityId: null,
    summary: plan.summary,
    forward: plan.forward,
    backward: plan.backward
  });
  return { preview: false, ...result };
}
