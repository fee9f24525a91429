/**
 * Keeping the loaded engine state in step with an edit without re-reading the workbook: the
 * same operations the edit wrote are applied to the in-memory rows, and the findings of the
 * assets they touched are checked again. Reading 100k assets back costs far more than the edit
 * itself; edits that change settings fall back to a reload (the engine decides).
 */
import { groupByAsset } from '@core/engine-index';
import type { LayerNote, LayerOverride, Party, RaciAssignment } from '@shared/domain';
import type { AssetPatch } from '../store/asset-fields';
import type { EditOp } from '../services/edit-ops';
import type { EngineInput, FindingAsset, OpenActionRow } from '@core/engine-input';
import type { ActionRow } from '../store/repos/workshops';
import type { EngineState } from './state';

/** An open action as the findings read it: one row per asset it covers. */
function openRowsOf(row: ActionRow, workshopTitle: string): OpenActionRow[] {
  return row.assetIds.map((assetId) => ({ assetId, layerId: row.layerId, actionId: row.id, title: row.title, ownerPartyId: row.ownerPartyId, dueOn: row.dueOn, workshopTitle }));
}

const assignmentKey = (a: RaciAssignment): string => `${a.layerId}|${a.role}|${a.partyId}`;

/** An edit's patch as the fields and values it writes, `updatedAt` last. */
function patchFields(patch: AssetPatch, at: string): [string, unknown][] {
  return [...Object.entries(patch).filter(([, value]) => value !== undefined), ['updatedAt', at]];
}

/** Patches the fields the asset holds: every one of a whole asset, only theirs of a page read for the findings (FindingAsset). */
function patchAsset(asset: object, fields: readonly [string, unknown][]): void {
  for (const [field, value] of fields) if (field in asset) Reflect.set(asset, field, value);
}

/**
 * What an edit's operations change, by id: an input's assets, parties and per-asset rows. The
 * loaded state holds these (EngineState); the as-of builds them for a page (as-of-pages.ts).
 */
export interface EditRows<A extends FindingAsset> {
  input: EngineInput<A>;
  assetById: Map<number, A>;
  partyById: Map<number, Party>;
  overridesByAsset: Map<number, LayerOverride[]>;
  assignmentsByAsset: Map<number, RaciAssignment[]>;
  notesByAsset: Map<number, LayerNote[]>;
}

/** The rows of an input by id (`assetById` when already built). */
export function editRowsOf<A extends FindingAsset>(input: EngineInput<A>, assetById?: Map<number, A>): EditRows<A> {
  return {
    input,
    assetById: assetById ?? new Map(input.assets.map((a) => [a.id, a])),
    partyById: new Map(input.parties.map((p) => [p.id, p])),
    overridesByAsset: groupByAsset(input.overrides),
    assignmentsByAsset: groupByAsset(input.assignments),
    notesByAsset: groupByAsset(input.notes ?? [])
  };
}

/**
 * The assets whose findings a party change can move: those it owns or holds a role on, or
 * every asset when it is a layer's default team (defaults reach assets with no role set).
 */
function holdersOf(state: EngineState, partyId: number, into: Set<number>): void {
  if (Object.values(state.input.settings.defaultTeamPerLayer).includes(partyId)) {
    for (const asset of state.input.assets) into.add(asset.id);
    return;
  }
  for (const asset of state.input.assets) if (asset.ownerPartyId === partyId) into.add(asset.id);
  for (const [assetId, rows] of state.assignmentsByAsset) if (rows.some((a) => a.partyId === partyId)) into.add(assetId);
}

/**
 * Applies an edit's operations to a loaded state (no 'meta' operations: settings reload the
 * state) and checks the findings of the assets they touched again.
 * @returns the ids of the assets whose findings were checked again
 */
export function applyEditToState(state: EngineState, ops: readonly EditOp[], at: string): Set<number> {
  const touched = new Set<number>();
  // A party's holders, found before the operations move them (a reassign changes owners).
  for (const op of ops) {
    if (op.op === 'putParty') holdersOf(state, op.party.id, touched);
    else if (op.op === 'deleteParty') holdersOf(state, op.id, touched);
  }
  state.input = applyEditToRows(state, ops, at, touched);
  state.invalidateDerived();
  state.refreshFindings(touched);
  return touched;
}

/**
 * Applies an edit's operations to rows in place (assets patched, per-asset lists replaced), adding
 * the ids of the assets they reach to `touched`.
 * @returns the input with the changed lists flattened again, as of `at`
 */
export function applyEditToRows<A extends FindingAsset>(rows: EditRows<A>, ops: readonly EditOp[], at: string, touched: Set<number>): EngineInput<A> {
  const { overridesByAsset: overrides, assignmentsByAsset: assignments, notesByAsset: notes, input } = rows;
  let partiesChanged = false;
  let overridesChanged = false;
  let assignmentsChanged = false;
  let notesChanged = false;
  let actionsChanged = false;
  let actions = input.actions ?? [];
  for (const op of ops) {
    switch (op.op) {
      case 'patchAssets': {
        const fields = patchFields(op.patch, at);
        for (const id of op.ids) {
          const asset = rows.assetById.get(id);
          if (asset) patchAsset(asset, fields);
          touched.add(id);
        }
        break;
      }
      case 'putOverride': {
        const list = (overrides.get(op.row.assetId) ?? []).filter((o) => o.layerId !== op.row.layerId);
        overrides.set(op.row.assetId, [...list, { ...op.row }]);
        touched.add(op.row.assetId);
        overridesChanged = true;
        break;
      }
      case 'deleteOverride': {
        const list = (overrides.get(op.assetId) ?? []).filter((o) => o.layerId !== op.layerId);
        if (list.length) overrides.set(op.assetId, list);
        else overrides.delete(op.assetId);
        touched.add(op.assetId);
        overridesChanged = true;
        break;
      }
      case 'putAssignments':
        for (const row of op.rows) {
          const list = assignments.get(row.assetId) ?? [];
          if (!list.some((a) => assignmentKey(a) === assignmentKey(row))) assignments.set(row.assetId, [...list, { ...row }]);
          touched.add(row.assetId);
          assignmentsChanged = true;
        }
        break;
      case 'deleteAssignments':
        for (const row of op.rows) {
          const list = (assignments.get(row.assetId) ?? []).filter((a) => assignmentKey(a) !== assignmentKey(row));
          if (list.length) assignments.set(row.assetId, list);
          else assignments.delete(row.assetId);
          touched.add(row.assetId);
          assignmentsChanged = true;
        }
        break;
      case 'putNote': {
        const list = (notes.get(op.row.assetId) ?? []).filter((n) => n.layerId !== op.row.layerId);
        notes.set(op.row.assetId, [...list, { ...op.row }]);
        // A note on a layer the model lacks is a finding (LAYER_MISSING).
        touched.add(op.row.assetId);
        notesChanged = true;
        break;
      }
      case 'deleteNote': {
        const list = (notes.get(op.assetId) ?? []).filter((n) => n.layerId !== op.layerId);
        if (list.length) notes.set(op.assetId, list);
        else notes.delete(op.assetId);
        touched.add(op.assetId);
        notesChanged = true;
        break;
      }
      case 'putParty':
        rows.partyById.set(op.party.id, { ...op.party });
        partiesChanged = true;
        break;
      case 'deleteParty':
        rows.partyById.delete(op.id);
        partiesChanged = true;
        break;
      case 'putDecision':
      case 'deleteDecision':
        break;
      case 'putAction':
      case 'deleteAction':
        actionsChanged = true;
        for (const id of op.row.assetIds) touched.add(id);
        actions = actions.filter((a) => a.actionId !== op.row.id);
        if (op.op === 'putAction' && op.row.closedAt === null) actions.push(...openRowsOf(op.row, op.workshopTitle));
        break;
      case 'meta':
        throw new Error('a settings change reloads the engine state; it is not applied in place');
    }
  }
  const flatten = <T>(byAsset: Map<number, T[]>): T[] => [...byAsset.values()].flat();
  return {
    ...input,
    overrides: overridesChanged ? flatten<LayerOverride>(overrides) : input.overrides,
    assignments: assignmentsChanged ? flatten<RaciAssignment>(assignments) : input.assignments,
    notes: notesChanged ? flatten<LayerNote>(notes) : input.notes,
    actions: actionsChanged ? actions : input.actions,
    parties: partiesChanged
      ? [...rows.partyById.values()].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id - b.id)
      : input.parties,
    now: at
  };
}
