/**
 * Saved sets and workshops of one copy, read for a merge by keys that hold across copies
 * (core/merge/keyed-records.ts): each saved set and each workshop is a slot whose value is spelt
 * with party names and asset keys; a workshop's decisions and actions are records carried as they
 * are (merge-carry.ts). Reads only.
 */
import { actionKey, decisionKey, keyedFilter, workshopKey, type KeyLookups } from '@core/merge/keyed-records';
import { slot } from '@core/merge/slots';
import { listSavedSetRows, savedSetNameKey, type SavedSetRow } from '../store/repos/saved-sets';
import { listActions, listAttendeeIds, listDecisions, listGroups, listWorkshops, type ActionRow, type DecisionRow, type GroupRow, type WorkshopRow } from '../store/repos/workshops';
import type { Db } from '../store/workbook-file';

export interface KeyedWorkshop {
  key: string;
  row: WorkshopRow;
  attendeeIds: number[];
  groups: GroupRow[];
  /** By decision key (keyed-records.ts). */
  decisions: Map<string, DecisionRow>;
  /** By action key. */
  actions: Map<string, ActionRow>;
}

export interface SideRecords {
  /** By slot (savedSet|<name key>). */
  savedSets: Map<string, SavedSetRow>;
  /** By slot (workshop|<key>). */
  workshops: Map<string, KeyedWorkshop>;
  /** A workshop id of this copy → its key. */
  workshopKey: (id: number) => string | null;
}

const json = (value: unknown): string => JSON.stringify(value ?? null);

/** Reads the saved sets and workshops, and sets each one's slot value in `slots`. */
export function readRecords(db: Db, slots: Map<string, string>, keys: Omit<KeyLookups, 'setName'>): SideRecords {
  const savedSets = new Map<string, SavedSetRow>();
  const setRows = listSavedSetRows(db);
  const setNames = new Map(setRows.map((r) => [r.id, savedSetNameKey(r.name)]));
  const lookups: KeyLookups = { ...keys, setName: (id) => setNames.get(id) ?? null };
  for (const row of setRows) {
    const name = slot.savedSet(savedSetNameKey(row.name));
    savedSets.set(name, row);
    const assets = (row.assetIds ?? []).map((id) => keys.assetKey(id) ?? `#${id}`).sort();
    slots.set(name, json(row.kind === 'filter' ? { kind: row.kind, filter: keyedFilter(row.filter ?? {}, lookups) } : { kind: row.kind, assets }));
  }
  const workshops = new Map<string, KeyedWorkshop>();
  const keyById = new Map<number, string>();
  for (const row of listWorkshops(db)) {
    const key = workshopKey(row);
    keyById.set(row.id, key);
    const attendeeIds = listAttendeeIds(db, row.id);
    const groups = listGroups(db, row.id);
    const decisions = new Map(listDecisions(db, row.id).map((d) => [decisionKey(key, d), d]));
    const actions = new Map(listActions(db, row.id).map((a) => [actionKey(key, a), a]));
    const name = slot.workshop(key);
    workshops.set(name, { key, row, attendeeIds, groups, decisions, actions });
    slots.set(
      name,
      json({
        heldOn: row.heldOn,
        scope: keyedFilter(row.scope, lookups),
        status: row.status,
        position: [row.groupIndex, row.layerIndex],
        finishedAt: row.finishedAt,
        attendees: attendeeIds.map((id) => keys.partyName(id) ?? `#${id}`).sort(),
        groups: groups.map((g) => ({ label: g.label, modelId: g.modelId, assets: g.assetIds.map((id) => keys.assetKey(id) ?? `#${id}`) }))
      })
    );
  }
  return { savedSets, workshops, workshopKey: (id) => keyById.get(id) ?? null };
}
