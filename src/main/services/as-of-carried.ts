/**
 * The whole records the entries after a moment put or took out — the assets, sign-offs and custom
 * models a merge carried, taken out again by its undo and brought back by its redo — folded into
 * what was there at the moment. Each entry's way back is applied newest entry first, so the
 * oldest entry that touched a record decides: a merge's `deleteAssets` leaves its assets out
 * before it, an undo's `putAssets` brings them back between the merge and the undo. Pure.
 */
import { BUILTIN_MODELS, modelTable, parseModel } from '@core/models';
import type { Asset, ResponsibilityModel } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import { SignOffScopeSchema, type SignedState, type SignOffItem, type SignOffRecord } from '@shared/sign-off';
import type { SignOffRow } from '../store/repos/merge-records';
import type { CarriedOp } from './as-of-rewind';

/** What was there at the moment, of the records later entries put or took out (null: not there). */
interface CarriedThen {
  assets: Map<number, Asset | null>;
  signOffs: Map<number, SignOffRow | null>;
  /** Custom models by id: the stored JSON then, or null (not there). */
  models: Map<string, string | null>;
}

/** Folds the later entries' carried operations, newest entry first (each entry's in its own order). */
export function carriedThen(perEntry: readonly (readonly CarriedOp[])[], signOffsAdded: readonly number[]): CarriedThen {
  const then: CarriedThen = { assets: new Map(), signOffs: new Map(), models: new Map() };
  for (const ops of perEntry) {
    for (const op of ops) {
      switch (op.op) {
        case 'putAssets':
          for (const row of op.rows) then.assets.set(row.id, row);
          break;
        case 'deleteAssets':
          for (const id of op.ids) then.assets.set(id, null);
          break;
        case 'putSignOff':
          then.signOffs.set(op.row.id, op.row);
          break;
        case 'deleteSignOff':
          then.signOffs.set(op.id, null);
          break;
        case 'putModel':
          then.models.set(op.model.id, op.model.json);
          break;
        case 'deleteModel':
          then.models.set(op.id, null);
          break;
      }
    }
  }
  // A sign-off recorded after the moment is not there, whatever later entries did with it.
  for (const id of signOffsAdded) then.signOffs.set(id, null);
  return then;
}

/** The ids a map holds as absent, and the rows it holds as present. */
export function absentIds<K, V>(map: ReadonlyMap<K, V | null>): Set<K> {
  return new Set([...map].filter(([, v]) => v === null).map(([k]) => k));
}

export function presentRows<K, V>(map: ReadonlyMap<K, V | null>): V[] {
  return [...map.values()].filter((v): v is V => v !== null);
}

/** A sign-off as logged, as the report reads it: its record and its items. */
export function signOffOf(row: SignOffRow): { record: SignOffRecord; items: SignOffItem[] } {
  const { items, scopeJson, signed, ...rest } = row;
  const record: SignOffRecord = { ...rest, signed: signed ?? null, scope: SignOffScopeSchema.parse(JSON.parse(scopeJson)), assets: new Set(items.map((i) => i.assetId)).size };
  return {
    record,
    items: items.map((i) => ({ signOffId: row.id, assetId: i.assetId, layerId: i.layerId === '' ? null : i.layerId, state: JSON.parse(i.stateJson) as SignedState }))
  };
}

/** The workbook's models then: the built-in ones, then the custom ones as they were (by id, as the file lists them). */
export function modelsThen(now: Record<string, ResponsibilityModel>, models: ReadonlyMap<string, string | null>): Record<string, ResponsibilityModel> {
  if (models.size === 0) return now;
  const custom = new Map(Object.values(now).filter((m) => !(m.id in BUILTIN_MODELS)).map((m) => [m.id, m]));
  for (const [id, json] of models) {
    if (json === null) {
      custom.delete(id);
      continue;
    }
    try {
      custom.set(id, parseModel(JSON.parse(json) as unknown, `custom model "${id}"`));
    } catch (error) {
      throw new DemarcError('BAD_FILE', `as-of: the custom model "${id}" a later entry logged cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return modelTable([...Object.values(BUILTIN_MODELS), ...[...custom.keys()].sort().map((id) => custom.get(id)!)]);
}
