/**
 * The value a slot held at the common ancestor, read from the change logs: both copies held the
 * same value there, so the first entry since then that touched the slot — on either side —
 * recorded it as its "before", read as the way back the entry logged (core/audit/entry-change.ts):
 * an asset's field, override or note, a RACI cell's roles (from an entry that logs the layer's
 * whole set), a party's details. An import, an undo or an entry brought in by an earlier merge
 * (whose row ids are another copy's) does not tell: the ancestor is then not known, and is shown
 * as not recorded.
 */
import { entryChange, type BackOp } from '../audit/entry-change';
import type { EntryForTouches, SideLookups } from './entry-touches';
import { mappingBeforeOf } from './mapping-slots';
import { parseSlot, Touches, type SlotParts } from './slots';

/** What reading a before needs beyond touches: a field's value as the slot spells it. */
export interface AncestorLookups extends SideLookups {
  /** An asset field's value as an edit records it (the owner as a party id) → the slot's canonical JSON. */
  assetFieldJson: (field: string, value: unknown) => string;
}

/** One entry of a side since the ancestor, with what it touched. */
export interface EntrySince {
  entry: EntryForTouches;
  touches: readonly string[];
}

const json = (value: unknown): string => JSON.stringify(value ?? null);

/**
 * The way back's value for an asset's slot — its override, note, field or (from a RACI cell's whole
 * set) role — as the slot is once the way back is applied (the last operation on it wins);
 * undefined when it does not say.
 */
function assetBefore(entry: EntryForTouches, back: readonly BackOp[], p: SlotParts, l: AncestorLookups): string | null | undefined {
  const here = (assetId: number, layerId: string) => l.assetKey(assetId) === p.id && layerId === p.name;
  let value: string | null | undefined;
  for (const op of back) {
    if (p.aspect === 'override' && (op.op === 'putOverride' || op.op === 'deleteOverride')) {
      if (op.op === 'deleteOverride') {
        if (here(op.assetId, op.layerId)) value = null;
      } else if (here(op.row.assetId, op.row.layerId)) value = json({ responsibility: op.row.responsibility, justification: op.row.justification });
    }
    if (p.aspect === 'note' && (op.op === 'putNote' || op.op === 'deleteNote')) {
      if (op.op === 'deleteNote') {
        if (here(op.assetId, op.layerId)) value = null;
      } else if (here(op.row.assetId, op.row.layerId)) value = json(op.row.note);
    }
    if (p.aspect === 'field' && p.name !== undefined && op.op === 'patchAssets' && p.name in op.patch && op.ids.some((id) => l.assetKey(id) === p.id)) {
      value = l.assetFieldJson(p.name, op.patch[p.name]);
    }
  }
  if (value !== undefined) return value;
  // Only a RACI cell's entry logs the whole set of its layer: a role absent from it was empty.
  if (p.aspect === 'raci' && entry.action === 'raci.set') {
    const rows = back.flatMap((op) => (op.op === 'putAssignments' ? op.rows : []));
    const names = rows.filter((r) => here(r.assetId, r.layerId) && r.role === p.role).map((r) => l.partyName(r.partyId));
    if (names.some((n) => n === null)) return undefined;
    return names.length === 0 ? null : json([...new Set(names)].sort());
  }
  return undefined;
}

/** The entry's before for the slot as canonical JSON (null: absent then); undefined when the entry does not tell. */
export function beforeValueOf(entry: EntryForTouches, slotName: string, l: AncestorLookups): string | null | undefined {
  // An undo or redo, and an entry a merge brought (its ids are another copy's), do not tell.
  if (entry.originTouches !== null || entry.action.startsWith('history.')) return undefined;
  const p = parseSlot(slotName);
  // A saved set saved, a workshop started: it was not there before. A mapping's controls: as logged.
  if ((p.entity === 'savedSet' && entry.action === 'savedSets.save') || (p.entity === 'workshop' && entry.action === 'workshops.start')) return null;
  if (p.entity === 'settings') return mappingBeforeOf(entry, slotName);
  const { back } = entryChange(entry);
  if (p.entity === 'asset') return assetBefore(entry, back, p, l);
  if (p.entity === 'party' && p.aspect === 'field' && p.name !== undefined && entry.entity === 'party' && entry.action.startsWith('parties.')) {
    for (const op of back) {
      if (op.op !== 'putParty' || op.party.name.toLowerCase() !== p.id) continue;
      const party = op.party as unknown as Record<string, unknown>;
      return p.name in party ? json(party[p.name]) : undefined;
    }
  }
  return undefined;
}

/**
 * The ancestor value of each slot asked for: per slot, the first entry since the ancestor that
 * touched it on ours, else on theirs; a slot no such entry tells is left out.
 */
export function ancestorValues(
  slotNames: readonly string[],
  sides: readonly { entries: readonly EntrySince[]; lookups: AncestorLookups }[]
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (slotNames.length === 0) return out;
  const indexed = sides.map((side) => ({ ...side, touches: side.entries.map((e) => new Touches(e.touches)) }));
  for (const name of slotNames) {
    for (const side of indexed) {
      const i = side.touches.findIndex((t) => t.covers(name));
      if (i < 0) continue;
      const value = beforeValueOf(side.entries[i]!.entry, name, side.lookups);
      if (value !== undefined) {
        out.set(name, value);
        break;
      }
    }
  }
  return out;
}
