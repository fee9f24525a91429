/**
 * The value a slot held at the common ancestor, read from the change logs: both copies held the
 * same value there, so the first entry since then that touched the slot — on either side —
 * recorded it as its "before". Each kind of entry records its before in its own shape; those that
 * record one per slot (an asset edit, a RACI edit of one layer, an override, a note, a party's
 * details) tell it. An import, an undo or an entry brought in by an earlier merge (whose row ids
 * are another copy's) does not: the ancestor is then not known, and is shown as not recorded.
 */
import type { EntryForTouches, SideLookups } from './entry-touches';
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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const json = (value: unknown): string => JSON.stringify(value ?? null);

/**
 * An edit that records no before of its own records the operations that put it back (its
 * backward EditOps): those restore each slot's before. Undo and redo record other things there.
 */
function beforeFromOps(ops: readonly unknown[], p: SlotParts, l: AncestorLookups): string | null | undefined {
  for (const op of ops) {
    if (!isRecord(op)) continue;
    const row = isRecord(op.row) ? op.row : op;
    const here = typeof row.assetId === 'number' && l.assetKey(row.assetId) === p.id && row.layerId === p.name;
    if (p.aspect === 'override' && here && (op.op === 'putOverride' || op.op === 'deleteOverride')) {
      return op.op === 'deleteOverride' ? null : json({ responsibility: row.responsibility, justification: row.justification });
    }
    if (p.aspect === 'note' && here && (op.op === 'putNote' || op.op === 'deleteNote')) return op.op === 'deleteNote' ? null : json(row.note);
    if (p.aspect === 'field' && p.name !== undefined && op.op === 'patchAssets' && Array.isArray(op.ids) && isRecord(op.patch) && p.name in op.patch) {
      if (op.ids.some((id) => typeof id === 'number' && l.assetKey(id) === p.id)) return l.assetFieldJson(p.name, op.patch[p.name]);
    }
  }
  return undefined;
}

/** The entry's before for the slot as canonical JSON (null: absent then); undefined when the entry does not tell. */
export function beforeValueOf(entry: EntryForTouches, slotName: string, l: AncestorLookups): string | null | undefined {
  if (entry.originTouches !== null) return undefined;
  const p = parseSlot(slotName);
  const before = entry.before;
  if (p.entity === 'asset' && Array.isArray(before) && before.length > 0 && !entry.action.startsWith('history.') && before.every((op) => isRecord(op) && typeof op.op === 'string')) {
    return beforeFromOps(before, p, l);
  }
  const ownAsset = entry.entityId !== null && /^\d+$/.test(entry.entityId) && l.assetKey(Number(entry.entityId)) === p.id;
  switch (entry.action) {
    case 'assets.update': {
      if (p.entity !== 'asset' || p.aspect !== 'field' || p.name === undefined || !isRecord(before) || !Array.isArray(before.groups)) return undefined;
      for (const group of before.groups) {
        if (!isRecord(group) || !isRecord(group.values) || !Array.isArray(group.ids)) continue;
        if (!group.ids.some((id) => typeof id === 'number' && l.assetKey(id) === p.id)) continue;
        return p.name in group.values ? l.assetFieldJson(p.name, group.values[p.name]) : undefined;
      }
      return undefined;
    }
    case 'raci.set': {
      if (p.aspect !== 'raci' || !ownAsset || !Array.isArray(before)) return undefined;
      const names = before
        .filter((row): row is Record<string, unknown> => isRecord(row) && row.layerId === p.name && row.role === p.role && typeof row.partyId === 'number')
        .map((row) => l.partyName(row.partyId as number));
      if (names.some((n) => n === null)) return undefined;
      return names.length === 0 ? null : json([...new Set(names)].sort());
    }
    case 'overrides.set':
    case 'overrides.clear': {
      if (p.aspect !== 'override' || !ownAsset) return undefined;
      if (before === null) return null;
      if (!isRecord(before) || before.layerId !== p.name) return undefined;
      return json({ responsibility: before.responsibility, justification: before.justification });
    }
    case 'notes.set': {
      if (p.aspect !== 'note' || !ownAsset) return undefined;
      if (before === null) return null;
      return isRecord(before) && before.layerId === p.name ? json(before.note) : undefined;
    }
    default:
      break;
  }
  if (entry.entity === 'party' && entry.action.startsWith('parties.') && p.entity === 'party' && p.aspect === 'field' && isRecord(before)) {
    const named = typeof before.name === 'string' ? before.name.toLowerCase() : null;
    return named === p.id && p.name !== undefined && p.name in before ? json(before[p.name]) : undefined;
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
