/**
 * Edits as data. Each undoable service describes its write as a list of row-level operations
 * plus the list that reverses it (built from the values before), applies the first, and hands
 * both to the history: undo applies the reverse list, redo the forward one, each as a new write.
 */
import type { Asset, LayerNote, LayerOverride, Party, RaciAssignment } from '@shared/domain';
import type { AssetPatch, MergedFields } from '../store/asset-fields';
import { deleteAssetRows, patchAssets, putAssetRows } from '../store/repos/assets';
import { clearControlMapping, writeControlMapping, type StoredMapping } from '../store/repos/control-mapping';
import { deleteCustomModel, putCustomModel } from '../store/repos/custom-models';
import { deleteImportRunRow, deleteSignOffRow, putImportRunRow, putSignOffRow, type ImportRunRow, type SignOffRow } from '../store/repos/merge-records';
import { writeMeta } from '../store/repos/meta';
import { deleteNote, upsertNote } from '../store/repos/notes';
import { deleteParty, putParty } from '../store/repos/parties';
import { deleteAssignments, deleteOverride, insertAssignments, upsertOverride } from '../store/repos/responsibility';
import type { Db } from '../store/workbook-file';
import { deleteAction, deleteDecision, putAction, putDecision, type ActionRow, type DecisionRow } from '../store/repos/workshops';
import { deleteSavedSet, putSavedSet, type SavedSetRow } from '../store/repos/saved-sets';
import { deleteWorkshopRecord, putWorkshopRecord, type WorkshopRecord } from '../store/repos/workshop-records';

export type EditOp =
  /** The same patch on many assets (a bulk edit, or one group of an undo). */
  | { op: 'patchAssets'; ids: number[]; patch: AssetPatch }
  | { op: 'putOverride'; row: LayerOverride }
  | { op: 'deleteOverride'; assetId: number; layerId: string }
  | { op: 'putAssignments'; rows: RaciAssignment[] }
  | { op: 'deleteAssignments'; rows: RaciAssignment[] }
  | { op: 'putNote'; row: LayerNote }
  | { op: 'deleteNote'; assetId: number; layerId: string }
  /** Inserts or replaces a party with its id (so a party removed by undo comes back the same). */
  | { op: 'putParty'; party: Party }
  | { op: 'deleteParty'; id: number }
  | { op: 'meta'; key: string; value: string }
  /** A workshop's decision (undoing a decision removes its record with its effect). */
  | { op: 'putDecision'; row: DecisionRow }
  | { op: 'deleteDecision'; id: number }
  /** A workshop action with the assets it covers (open: ACTION_OPEN on them). */
  | { op: 'putAction'; row: ActionRow; workshopTitle: string }
  | { op: 'deleteAction'; row: ActionRow }
  /** A merge: imported fields too (the engine reloads: names, types and tags feed its indexes). */
  | { op: 'mergeAssetFields'; ids: number[]; patch: MergedFields }
  /** A merge's new assets, with their ids; removed again by its undo. */
  | { op: 'putAssets'; rows: Asset[] }
  | { op: 'deleteAssets'; ids: number[] }
  | { op: 'putModel'; model: { id: string; version: string; json: string; importedAt: string; importedBy: string } }
  | { op: 'deleteModel'; id: string }
  /** A merge's records carried from the other copy: a sign-off (with its covered states) and an import run. */
  | { op: 'putSignOff'; row: SignOffRow }
  | { op: 'deleteSignOff'; id: number }
  | { op: 'putImportRun'; row: ImportRunRow }
  | { op: 'deleteImportRun'; id: number }
  /** A saved set, inserted or replaced with its id (saved, renamed, or brought back by undo). */
  | { op: 'putSavedSet'; row: SavedSetRow }
  | { op: 'deleteSavedSet'; id: number }
  /** A merge's workshop from the other copy (row, attendees, groups), with its id; removed again by its undo. */
  | { op: 'putWorkshop'; workshop: WorkshopRecord }
  | { op: 'deleteWorkshop'; id: number }
  /** The imported control mapping (null: back to the built-in one). */
  | { op: 'putMapping'; mapping: StoredMapping | null };

/** Applies operations in order, inside the caller's transaction. */
export function applyOps(db: Db, ops: readonly EditOp[], at: string): void {
  for (const op of ops) {
    switch (op.op) {
      case 'patchAssets':
        patchAssets(db, op.ids, op.patch, at);
        break;
      case 'putOverride':
        upsertOverride(db, op.row);
        break;
      case 'deleteOverride':
        deleteOverride(db, op.assetId, op.layerId);
        break;
      case 'putAssignments':
        insertAssignments(db, op.rows);
        break;
      case 'deleteAssignments':
        deleteAssignments(db, op.rows);
        break;
      case 'putNote':
        upsertNote(db, op.row);
        break;
      case 'deleteNote':
        deleteNote(db, op.assetId, op.layerId);
        break;
      case 'putParty':
        putParty(db, op.party, at);
        break;
      case 'deleteParty':
        deleteParty(db, op.id);
        break;
      case 'meta':
        writeMeta(db, op.key, op.value);
        break;
      case 'putDecision':
        putDecision(db, op.row);
        break;
      case 'deleteDecision':
        deleteDecision(db, op.id);
        break;
      case 'putAction':
        putAction(db, op.row);
        break;
      case 'deleteAction':
        deleteAction(db, op.row.id);
        break;
      case 'mergeAssetFields':
        patchAssets(db, op.ids, op.patch, at);
        break;
      case 'putAssets':
        putAssetRows(db, op.rows);
        break;
      case 'deleteAssets':
        deleteAssetRows(db, op.ids);
        break;
      case 'putModel':
        putCustomModel(db, op.model);
        break;
      case 'deleteModel':
        deleteCustomModel(db, op.id);
        break;
      case 'putSignOff':
        putSignOffRow(db, op.row);
        break;
      case 'deleteSignOff':
        deleteSignOffRow(db, op.id);
        break;
      case 'putImportRun':
        putImportRunRow(db, op.row);
        break;
      case 'deleteImportRun':
        deleteImportRunRow(db, op.id);
        break;
      case 'putSavedSet':
        putSavedSet(db, op.row);
        break;
      case 'deleteSavedSet':
        deleteSavedSet(db, op.id);
        break;
      case 'putWorkshop':
        putWorkshopRecord(db, op.workshop);
        break;
      case 'deleteWorkshop':
        deleteWorkshopRecord(db, op.id);
        break;
      case 'putMapping':
        if (op.mapping === null) clearControlMapping(db);
        else writeControlMapping(db, op.mapping);
        break;
    }
  }
}

/** The party ids operations write into rows (a role's party, an asset's owner, an action's owner). */
export function partiesWritten(ops: readonly EditOp[]): Set<number> {
  const ids = new Set<number>();
  for (const op of ops) {
    switch (op.op) {
      case 'putAssignments':
        for (const row of op.rows) ids.add(row.partyId);
        break;
      case 'patchAssets':
      case 'mergeAssetFields':
        if (typeof op.patch.ownerPartyId === 'number') ids.add(op.patch.ownerPartyId);
        break;
      case 'putAssets':
        for (const row of op.rows) if (row.ownerPartyId !== null) ids.add(row.ownerPartyId);
        break;
      case 'putAction':
        ids.add(op.row.ownerPartyId);
        break;
      default:
        break;
    }
  }
  return ids;
}

/**
 * Groups ids by the JSON of a value per id, so a bulk edit's "before" stays small: 10k assets
 * that were all IaaS from the classifier make one group, not 10k entries.
 */
export function groupByValue<V>(ids: readonly number[], valueOf: (id: number) => V): { value: V; ids: number[] }[] {
  const groups = new Map<string, { value: V; ids: number[] }>();
  for (const id of ids) {
    const value = valueOf(id);
    const key = JSON.stringify(value);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { value, ids: [id] });
    else group.ids.push(id);
  }
  return [...groups.values()];
}
