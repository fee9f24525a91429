/**
 * One copy of a workbook read for a merge: its values by slot (core/merge/slots.ts), its change
 * log with each entry's identity, and what it needs to turn row ids into keys. Reads only.
 */
import { createHash } from 'node:crypto';
import { UPGRADE_ACTION } from '@core/audit/chain';
import type { AncestorLookups } from '@core/merge/ancestor';
import { MERGE_ACTION, touchesOfEntry, type EntryForTouches, type SideLookups } from '@core/merge/entry-touches';
import type { LineageEntry } from '@core/merge/lineage';
import { BUILTIN_MAPPING } from '@core/frameworks/mapping';
import { mappingSlots } from '@core/merge/mapping-slots';
import { slot } from '@core/merge/slots';
import type { Party } from '@shared/domain';
import type { ControlMapping } from '@shared/frameworks';
import { ASSET_FIELDS, IMPORTED_FIELDS, type AssetField } from '../store/asset-fields';
import { META_KEYS, readMeta } from '../store/repos/meta';
import { listKeyedAssignments, listKeyedNotes, listKeyedOverrides, listStoredChanges, listStoredModels, eachMergedAssetRow, type KeyedNote, type KeyedOverride, type StoredChange, type StoredModelRow } from '../store/repos/merge-side';
import { listImportRuns, listKeyedSignOffs, type ImportRunRow, type KeyedSignOff } from '../store/repos/merge-records';
import { listParties } from '../store/repos/parties';
import { readControlMapping, type StoredMapping } from '../store/repos/control-mapping';
import type { Db } from '../store/workbook-file';
import { readRecords, type SideRecords } from './read-records';

/** The identity of a change-log entry in every copy that holds it (see 0012_merge.sql). */
export function changeIdentity(row: StoredChange): string {
  if (row.origin !== null) return row.origin;
  return createHash('sha256')
    .update(JSON.stringify([row.at, row.actor, row.action, row.entity, row.entityId, row.summary, row.before, row.after]))
    .digest('hex');
}

export interface ReadSide {
  assets: Map<string, string>;
  /** Asset key → this copy's row id. */
  assetIds: Map<string, number>;
  slots: Map<string, string>;
  parties: Party[];
  overrides: Map<string, KeyedOverride>;
  notes: Map<string, KeyedNote>;
  models: Map<string, StoredModelRow>;
  meta: Map<string, string>;
  /** The control mapping imported (null: the built-in one). */
  mapping: StoredMapping | null;
  /** The control mapping in use (the built-in one when none is imported), compared per control (core/merge/mapping-slots.ts). */
  controlMapping: ControlMapping;
  /** Saved sets and workshops, by slot (read-records.ts). */
  records: SideRecords;
  /** Records a merge carries as they are (merge-records.ts). */
  signOffs: KeyedSignOff[];
  importRuns: ImportRunRow[];
  changes: StoredChange[];
  identities: string[];
  /** The log as lineage reads it (core/merge/lineage.ts), entry by entry. */
  log: LineageEntry[];
  lookups: AncestorLookups;
}

const json = (value: unknown): string => JSON.stringify(value ?? null);

/**
 * Reads a copy. Settings compared: organisation, review period, default model, default teams by
 * name. Given the side already read (`alike`), an asset row equal to its row keeps that side's
 * text, so the rows two copies share — most of them — are held once.
 */
export function readSide(db: Db, alike?: ReadSide): ReadSide {
  const assets = new Map<string, string>();
  const assetIds = new Map<string, number>();
  const keyById = new Map<number, string>();
  eachMergedAssetRow(db, (key, id, row) => {
    const same = alike?.assets.get(key);
    assets.set(key, same === row ? same : row);
    assetIds.set(key, id);
    keyById.set(id, key);
  });
  const slots = new Map<string, string>();
  const parties = listParties(db);
  const nameById = new Map(parties.map((p) => [p.id, p.name.toLowerCase()]));
  for (const p of parties) {
    const name = p.name.toLowerCase();
    slots.set(slot.party(name), 'true');
    for (const field of ['name', 'kind', 'email', 'active', 'leftAt', 'notes'] as const) slots.set(slot.partyField(name, field), json(p[field]));
  }
  const overrides = new Map<string, KeyedOverride>();
  for (const o of listKeyedOverrides(db)) {
    const name = slot.override(o.key, o.layerId);
    overrides.set(name, o);
    slots.set(name, json({ responsibility: o.responsibility, justification: o.justification }));
  }
  const notes = new Map<string, KeyedNote>();
  for (const n of listKeyedNotes(db)) {
    const name = slot.note(n.key, n.layerId);
    notes.set(name, n);
    slots.set(name, json(n.note));
  }
  const roles = new Map<string, string[]>();
  for (const a of listKeyedAssignments(db)) {
    const name = slot.raci(a.key, a.layerId, a.role);
    const list = roles.get(name) ?? [];
    list.push(a.party);
    roles.set(name, list);
  }
  for (const [name, list] of roles) slots.set(name, json([...new Set(list)].sort()));
  const models = new Map(listStoredModels(db).map((m) => [m.id, m]));
  for (const m of models.values()) slots.set(slot.model(m.id), json({ version: m.version, json: m.json }));
  const meta = readMeta(db);
  const setting = (name: string, value: string | undefined) => {
    if (value !== undefined) slots.set(slot.setting(name), json(value));
  };
  setting('organisation', meta.get(META_KEYS.organisation));
  setting('reviewPeriodDays', meta.get(META_KEYS.reviewPeriodDays));
  const modelId = meta.get(META_KEYS.defaultModelId);
  if (modelId !== undefined) setting('defaultModel', `${modelId}@${meta.get(META_KEYS.defaultModelVersion) ?? ''}`);
  const teams = JSON.parse(meta.get(META_KEYS.defaultTeamPerLayer) ?? '{}') as Record<string, number>;
  for (const [layer, id] of Object.entries(teams)) setting(`defaultTeam.${layer}`, nameById.get(id));
  const mapping = readControlMapping(db);
  // Stored only after the import checked it (control-mapping.ts).
  const controlMapping = mapping === null ? BUILTIN_MAPPING : (JSON.parse(mapping.json) as ControlMapping);
  for (const [name, value] of mappingSlots(controlMapping)) slots.set(name, value);
  const records = readRecords(db, slots, { assetKey: (id) => keyById.get(id) ?? null, partyName: (id) => nameById.get(id) ?? null });
  // An upgrade changes a file's format, not its content: each copy logs its own (at its own
  // time), so upgrades are neither part of the shared history nor brought in by a merge.
  const changes = listStoredChanges(db).filter((row) => row.action !== UPGRADE_ACTION);
  const identities = changes.map(changeIdentity);
  return {
    assets,
    assetIds,
    slots,
    parties,
    overrides,
    notes,
    models,
    meta,
    mapping,
    controlMapping,
    records,
    signOffs: listKeyedSignOffs(db),
    importRuns: listImportRuns(db),
    changes,
    identities,
    log: changes.map((row, i) => lineageEntry(row, identities[i]!)),
    lookups: {
      assetKey: (id) => keyById.get(id) ?? null,
      partyName: (id) => nameById.get(id) ?? null,
      importedFields: IMPORTED_FIELDS,
      workshopKey: records.workshopKey,
      assetFieldJson: (field, value) => assetFieldJson(field, value, nameById)
    }
  };
}

/** An asset field's value as an edit records it, spelt as the merged row holds it (0/1 booleans, the owner by lower-cased name). */
function assetFieldJson(field: string, value: unknown, nameById: ReadonlyMap<number, string>): string {
  if (value === null || value === undefined) return 'null';
  if (field === 'ownerPartyId') return json(typeof value === 'number' ? nameById.get(value) : null);
  const storage = (ASSET_FIELDS as Record<string, { storage: string } | undefined>)[field as AssetField]?.storage;
  if (storage === 'boolean') return json(value === true || value === 1 ? 1 : 0);
  return json(value);
}

/** A merge's entry and the undo or redo of one name what lineage needs in their stored text (merge-service.ts). */
function lineageEntry(row: StoredChange, identity: string): LineageEntry {
  const entry: LineageEntry = { identity, native: row.origin === null, brought: null, reverses: null };
  if (row.entity !== 'workbook' || (row.action !== MERGE_ACTION && !row.action.startsWith('history.'))) return entry;
  const after = row.after === null ? null : (JSON.parse(row.after) as unknown);
  if (typeof after !== 'object' || after === null || Array.isArray(after)) return entry;
  const record = after as { brought?: unknown; merge?: unknown };
  if (row.action === MERGE_ACTION && Array.isArray(record.brought)) entry.brought = record.brought.filter((x): x is string => typeof x === 'string');
  else if (typeof record.merge === 'string') entry.reverses = { merge: record.merge, direction: row.action === 'history.undo' ? 'undo' : 'redo' };
  return entry;
}

/** A stored entry as touches and befores read it. */
export function entryOfStored(row: StoredChange): EntryForTouches {
  const parse = (text: string | null): unknown => (text === null ? null : (JSON.parse(text) as unknown));
  return {
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    before: parse(row.before),
    after: parse(row.after),
    originTouches: row.originTouches === null ? null : (JSON.parse(row.originTouches) as string[])
  };
}

/** The touches of one stored entry of a side, spelt by keys. */
export function touchesOfStored(row: StoredChange, lookups: SideLookups): string[] {
  return touchesOfEntry(entryOfStored(row), lookups);
}

