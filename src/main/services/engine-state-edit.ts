/**
 * Keeping the loaded engine state in step with an edit without re-reading the workbook: the
 * same operations the edit wrote are applied to the in-memory arrays. Reading 100k assets back
 * costs far more than the edit itself; edits that touch settings fall back to a reload.
 */
import type { Asset, LayerOverride, RaciAssignment } from '@shared/domain';
import type { AssetPatch } from '../store/repos/assets';
import type { OpenWorkbook } from './context';
import type { EditOp } from './edit-ops';
import { currentRevision, currentState, type EngineState } from './engine-state';

const assignmentKey = (a: RaciAssignment): string => `${a.layerId}|${a.role}|${a.partyId}`;

function patchAsset(asset: Asset, patch: AssetPatch, at: string): void {
  for (const [key, value] of Object.entries(patch) as [keyof AssetPatch, unknown][]) {
    if (value !== undefined) (asset as unknown as Record<string, unknown>)[key] = value;
  }
  asset.updatedAt = at;
}

function apply(state: EngineState, ops: readonly EditOp[], at: string): void {
  const { overridesByAsset: overrides, assignmentsByAsset: assignments } = state;
  let partiesChanged = false;
  for (const op of ops) {
    switch (op.op) {
      case 'patchAssets':
        for (const id of op.ids) {
          const asset = state.assetById.get(id);
          if (asset) patchAsset(asset, op.patch, at);
        }
        break;
      case 'putOverride': {
        const list = (overrides.get(op.row.assetId) ?? []).filter((o) => o.layerId !== op.row.layerId);
        overrides.set(op.row.assetId, [...list, { ...op.row }]);
        break;
      }
      case 'deleteOverride': {
        const list = (overrides.get(op.assetId) ?? []).filter((o) => o.layerId !== op.layerId);
        if (list.length) overrides.set(op.assetId, list);
        else overrides.delete(op.assetId);
        break;
      }
      case 'putAssignments':
        for (const row of op.rows) {
          const list = assignments.get(row.assetId) ?? [];
          if (!list.some((a) => assignmentKey(a) === assignmentKey(row))) assignments.set(row.assetId, [...list, { ...row }]);
        }
        break;
      case 'deleteAssignments':
        for (const row of op.rows) {
          const list = (assignments.get(row.assetId) ?? []).filter((a) => assignmentKey(a) !== assignmentKey(row));
          if (list.length) assignments.set(row.assetId, list);
          else assignments.delete(row.assetId);
        }
        break;
      case 'putParty':
        state.partyById.set(op.party.id, { ...op.party });
        partiesChanged = true;
        break;
      case 'deleteParty':
        state.partyById.delete(op.id);
        partiesChanged = true;
        break;
      case 'meta':
        break;
    }
  }
  const flatten = <T>(byAsset: Map<number, T[]>): T[] => [...byAsset.values()].flat();
  const overrideRows: LayerOverride[] = flatten(overrides);
  const assignmentRows: RaciAssignment[] = flatten(assignments);
  const parties = partiesChanged
    ? [...state.partyById.values()].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id - b.id)
    : state.input.parties;
  state.input = { ...state.input, overrides: overrideRows, assignments: assignmentRows, parties, now: at };
}

/**
 * Brings the state loaded before an edit up to date with it, if it was current then.
 * @param before the state current before the write (from currentState), or null
 */
export function applyEditToState(wb: OpenWorkbook, before: EngineState | null, ops: readonly EditOp[], at: string): void {
  if (before === null || ops.some((op) => op.op === 'meta')) return;
  apply(before, ops, at);
  before.changed(currentRevision(wb));
}

export { currentState };
