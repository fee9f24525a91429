/**
 * What a merge reads of one copy, in the shapes it compares: assets as one JSON array per key
 * (the owner by lower-cased party name, so two copies compare without their row ids), the
 * override, note and RACI rows by asset key, and the change log with each entry's stored text.
 */
import { MERGED_FIELDS, jsonSelectOf } from '../asset-fields';
import type { Db } from '../workbook-file';
import type { ChainedEntry } from '@core/audit/chain';
import { parseEntry } from './change-log';

/** A change-log entry as stored (the texts its fingerprint is taken of) and its merge origin (null: written here). */
export type StoredChange = ChainedEntry & { origin: string | null; originTouches: string | null };

function storedOf(chained: string): StoredChange {
  const entry = parseEntry(chained);
  return { ...entry, origin: entry.origin ?? null, originTouches: entry.originTouches ?? null };
}

export function listStoredChanges(db: Db): StoredChange[] {
  return (db.prepare('SELECT chained FROM change_log ORDER BY id').pluck().all() as string[]).map(storedOf);
}

/** The stored entries from `id` on. */
export function listStoredChangesFrom(db: Db, id: number): StoredChange[] {
  return (db.prepare('SELECT chained FROM change_log WHERE id >= ? ORDER BY id').pluck().all(id) as string[]).map(storedOf);
}

const OWNER = 'ownerPartyId';

/** `json_array` of MERGED_FIELDS with the owner as a lower-cased party name. */
const MERGED_ROW = `json_array(${MERGED_FIELDS.map((field) => (field === OWNER ? 'lower(p.name)' : jsonSelectOf(field, 'a.'))).join(', ')})`;

/** Every asset, one at a time (streamed: 100k rows are never held twice): its key, id and JSON array of MERGED_FIELDS. */
export function eachMergedAssetRow(db: Db, visit: (key: string, id: number, row: string) => void): void {
  const rows = db.prepare(`SELECT a.key, a.id, ${MERGED_ROW} FROM assets a LEFT JOIN parties p ON p.id = a.owner_party_id`).raw().iterate() as IterableIterator<[string, number, string]>;
  for (const [key, id, row] of rows) visit(key, id, row);
}

export interface KeyedOverride {
  key: string;
  layerId: string;
  responsibility: string;
  justification: string;
  by: string;
  at: string;
}

export function listKeyedOverrides(db: Db): KeyedOverride[] {
  return db
    .prepare(
      `SELECT a.key AS key, o.layer_id AS layerId, o.responsibility, o.justification, o.by, o.at
       FROM layer_overrides o JOIN assets a ON a.id = o.asset_id ORDER BY a.key, o.layer_id`
    )
    .all() as KeyedOverride[];
}

export interface KeyedNote {
  key: string;
  layerId: string;
  note: string;
  by: string;
  at: string;
}

export function listKeyedNotes(db: Db): KeyedNote[] {
  return db
    .prepare(`SELECT a.key AS key, n.layer_id AS layerId, n.note, n.by, n.at FROM layer_notes n JOIN assets a ON a.id = n.asset_id ORDER BY a.key, n.layer_id`)
    .all() as KeyedNote[];
}

/** RACI rows by asset key and party lower-cased name. */
export function listKeyedAssignments(db: Db): { key: string; layerId: string; role: string; party: string }[] {
  return db
    .prepare(
      `SELECT a.key AS key, r.layer_id AS layerId, r.role AS role, lower(p.name) AS party
       FROM raci_assignments r JOIN assets a ON a.id = r.asset_id JOIN parties p ON p.id = r.party_id
       ORDER BY a.key, r.layer_id, r.role, party`
    )
    .all() as { key: string; layerId: string; role: string; party: string }[];
}

export interface StoredModelRow {
  id: string;
  version: string;
  json: string;
  imported_at: string;
  imported_by: string;
}

export function listStoredModels(db: Db): StoredModelRow[] {
  return db.prepare('SELECT id, version, json, imported_at, imported_by FROM custom_models ORDER BY id').all() as StoredModelRow[];
}
