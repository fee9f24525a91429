/**
 * Saved sets and workshops in a merge (read-records.ts reads them by keys). A saved set and a
 * workshop's state are slots like any other: one taken from theirs is written with this
 * workbook's ids (a new one gets the next id; one both hold keeps ours). A workshop's decisions
 * and actions are facts of their day: theirs that this workbook does not hold are carried as they
 * are (their own authors and times), for every workshop the merged workbook holds; an action
 * closed there and open here is closed. All of it is undone with the merge.
 */
import type { DecidedDifference } from '@core/merge/decide';
import { filterOfKeys, keyedFilter, type IdLookups, type KeyLookups } from '@core/merge/keyed-records';
import { parseSlot, slot } from '@core/merge/slots';
import type { EditOp } from '../services/edit-ops';
import { savedSetNameKey, type SavedSetRow } from '../store/repos/saved-sets';
import type { WorkshopRecord } from '../store/repos/workshop-records';
import type { ActionRow, DecisionRow } from '../store/repos/workshops';
import type { KeyedWorkshop } from './read-records';
import type { ReadSide } from './read-side';

/** Their decisions and actions this workbook does not hold (and actions closed there, open here), by workshop. */
export interface WorkshopCarry {
  key: string;
  decisions: DecisionRow[];
  actions: ActionRow[];
  /** Actions both hold, closed there and open here: [ours, theirs]. */
  closed: [ActionRow, ActionRow][];
}

/** What their workshops bring (for the workshops the merged workbook will hold: theirs all are). */
export function workshopRecordsToCarry(ours: ReadSide, theirs: ReadSide): WorkshopCarry[] {
  const out: WorkshopCarry[] = [];
  for (const [name, t] of theirs.records.workshops) {
    const o = ours.records.workshops.get(name);
    const carry: WorkshopCarry = { key: t.key, decisions: [], actions: [], closed: [] };
    for (const [key, d] of t.decisions) if (!o?.decisions.has(key)) carry.decisions.push(d);
    for (const [key, a] of t.actions) {
      const mine = o?.actions.get(key);
      if (mine === undefined) carry.actions.push(a);
      else if (mine.closedAt === null && a.closedAt !== null) carry.closed.push([mine, a]);
    }
    if (carry.decisions.length + carry.actions.length + carry.closed.length > 0) out.push(carry);
  }
  return out;
}

const lookupsOf = (side: ReadSide): KeyLookups => ({
  assetKey: side.lookups.assetKey,
  partyName: side.lookups.partyName,
  setName: (id) => {
    for (const row of side.records.savedSets.values()) if (row.id === id) return savedSetNameKey(row.name);
    return null;
  }
});

const nextId = (ids: Iterable<number>): number => Math.max(0, ...ids) + 1;

/**
 * The operations of the saved sets and workshops taken from theirs, and of their carried
 * decisions and actions, with this workbook's ids (`ids` answers for the merged workbook).
 */
export function carryWorkshopOps(taken: readonly DecidedDifference[], ours: ReadSide, theirs: ReadSide, ids: Omit<IdLookups, 'setId'>): { forward: EditOp[]; backward: EditOp[] } {
  const forward: EditOp[] = [];
  const backward: EditOp[] = [];
  const back = (op: EditOp) => backward.unshift(op);
  const theirKeys = lookupsOf(theirs);
  const setIds = new Map([...ours.records.savedSets.values()].map((r) => [savedSetNameKey(r.name), r.id]));
  const idLookups: IdLookups = { ...ids, setId: (nameKey) => setIds.get(nameKey) ?? null };
  const translate = (assetIds: readonly number[]): number[] =>
    assetIds.flatMap((id) => {
      const key = theirs.lookups.assetKey(id);
      return key === null ? [] : [ids.assetId(key)];
    });

  // Saved sets first: a workshop's scope may name one.
  let nextSet = nextId(setIds.values());
  for (const d of taken) {
    if (parseSlot(d.slot).entity !== 'savedSet') continue;
    const t = theirs.records.savedSets.get(d.slot);
    const o = ours.records.savedSets.get(d.slot);
    if (t === undefined) {
      if (o === undefined) continue;
      forward.push({ op: 'deleteSavedSet', id: o.id });
      back({ op: 'putSavedSet', row: o });
      setIds.delete(savedSetNameKey(o.name));
      continue;
    }
    const id = o?.id ?? nextSet++;
    const row: SavedSetRow = {
      ...t,
      id,
      filter: t.filter === null ? null : filterOfKeys(keyedFilter(t.filter, theirKeys), idLookups),
      assetIds: t.assetIds === null ? null : translate(t.assetIds).sort((a, b) => a - b)
    };
    setIds.set(savedSetNameKey(t.name), id);
    forward.push({ op: 'putSavedSet', row });
    back(o === undefined ? { op: 'deleteSavedSet', id } : { op: 'putSavedSet', row: o });
  }

  // Workshops taken from theirs (new ones, or their state where it is theirs that stands).
  const workshopIds = new Map([...ours.records.workshops.values()].map((w) => [w.key, w.row.id]));
  let nextWorkshop = nextId(workshopIds.values());
  const recordOf = (w: KeyedWorkshop): WorkshopRecord => ({ row: w.row, attendeeIds: w.attendeeIds, groups: w.groups });
  for (const d of taken) {
    if (parseSlot(d.slot).entity !== 'workshop') continue;
    const t = theirs.records.workshops.get(d.slot);
    const o = ours.records.workshops.get(d.slot);
    if (t === undefined) continue;
    const id = o?.row.id ?? nextWorkshop++;
    workshopIds.set(t.key, id);
    const record: WorkshopRecord = {
      row: { ...t.row, id, scope: filterOfKeys(keyedFilter(t.row.scope, theirKeys), idLookups) },
      attendeeIds: t.attendeeIds.map((p) => ids.partyId(theirs.lookups.partyName(p) ?? '')),
      groups: t.groups.map((g) => ({ ...g, assetIds: translate(g.assetIds) }))
    };
    forward.push({ op: 'putWorkshop', workshop: record });
    back(o === undefined ? { op: 'deleteWorkshop', id } : { op: 'putWorkshop', workshop: recordOf(o) });
  }

  // Their decisions and actions, carried.
  let nextDecision = nextId([...ours.records.workshops.values()].flatMap((w) => [...w.decisions.values()].map((x) => x.id)));
  let nextAction = nextId([...ours.records.workshops.values()].flatMap((w) => [...w.actions.values()].map((x) => x.id)));
  for (const carry of workshopRecordsToCarry(ours, theirs)) {
    const workshopId = workshopIds.get(carry.key);
    if (workshopId === undefined) continue;
    const title = theirs.records.workshops.get(slot.workshop(carry.key))?.row.title ?? '';
    for (const d of carry.decisions) {
      const row: DecisionRow = { ...d, id: nextDecision++, workshopId };
      forward.push({ op: 'putDecision', row });
      back({ op: 'deleteDecision', id: row.id });
    }
    for (const a of carry.actions) {
      const row: ActionRow = { ...a, id: nextAction++, workshopId, ownerPartyId: ids.partyId(theirs.lookups.partyName(a.ownerPartyId) ?? ''), assetIds: translate(a.assetIds) };
      forward.push({ op: 'putAction', row, workshopTitle: title });
      back({ op: 'deleteAction', row });
    }
    for (const [mine, closed] of carry.closed) {
      forward.push({ op: 'putAction', row: { ...mine, closedAt: closed.closedAt, closedBy: closed.closedBy, closeNote: closed.closeNote }, workshopTitle: title });
      back({ op: 'putAction', row: mine, workshopTitle: title });
    }
  }
  return { forward, backward };
}
