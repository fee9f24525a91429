/**
 * The three-way merge of two copies of a workbook, slot by slot. The common ancestor is the
 * point where the two change logs part; what each side changed since is what its entries since
 * then touched (`Touches`). A slot on which the two copies differ is then:
 *
 *   | ours touched | theirs touched | outcome                                        |
 *   |--------------|----------------|------------------------------------------------|
 *   | no           | yes            | theirs: their change applies                   |
 *   | yes          | no             | ours: our change stays                         |
 *   | yes          | yes            | conflict: the same thing changed differently   |
 *   | no           | no             | conflict: they differ with no entry saying why |
 *
 * Slots on which the copies agree (unchanged, or changed the same way on both) are no item.
 * Assets and parties present on one side only were added there (Demarc never deletes them), so
 * they and everything below them follow that side.
 */
import { parseSlot, slot, type ChangeAuthor, type Touches } from './slots';

export type MergeOutcome = 'theirs' | 'ours' | 'conflict';

/** One copy as the merge sees it: its values by slot and what it changed since the ancestor. */
export interface MergeSide {
  /** Asset key → JSON array of its merged fields' values, in the order of `fields`. */
  assets: ReadonlyMap<string, string>;
  /** Every other slot (overrides, RACI, parties, models, settings) → its value as canonical JSON. */
  slots: ReadonlyMap<string, string>;
  /** What this side changed since the common ancestor. */
  touches: Touches;
}

/** A slot on which the two copies differ. Values are canonical JSON; null = absent on that side. */
export interface SlotDifference {
  slot: string;
  outcome: MergeOutcome;
  ours: string | null;
  theirs: string | null;
  /** The value both had at the ancestor (null: absent there, or not known — see `ancestorKnown`). */
  ancestor: string | null;
  /** Whether `ancestor` is known: one side left the slot alone, or the log recorded it (ancestor.ts). */
  ancestorKnown: boolean;
  oursBy: ChangeAuthor | null;
  theirsBy: ChangeAuthor | null;
}

/** The outcome for a slot both copies hold with different values (the table above). */
export function outcomeOf(oursTouched: boolean, theirsTouched: boolean): MergeOutcome {
  if (theirsTouched && !oursTouched) return 'theirs';
  if (oursTouched && !theirsTouched) return 'ours';
  return 'conflict';
}

function parseRow(row: string | undefined): readonly unknown[] | null {
  return row === undefined ? null : (JSON.parse(row) as unknown[]);
}

/** The asset key or party name a slot sits under, with its existence slot. */
function ownerEntity(name: string): string | null {
  const p = parseSlot(name);
  if (p.aspect === undefined) return null;
  return p.entity === 'asset' ? slot.asset(p.id) : p.entity === 'party' ? slot.party(p.id) : null;
}

/**
 * Every slot on which ours and theirs differ, with its outcome.
 * @param fields the asset fields in the order of `MergeSide.assets` rows
 */
export function diffSides(ours: MergeSide, theirs: MergeSide, fields: readonly string[]): SlotDifference[] {
  const out: SlotDifference[] = [];
  const onlyOurs = new Set<string>();
  const onlyTheirs = new Set<string>();
  const differ = (name: string, o: string | null, t: string | null, oneSided: 'ours' | 'theirs' | null): void => {
    const oT = ours.touches.covers(name);
    const tT = theirs.touches.covers(name);
    const outcome = oneSided ?? outcomeOf(oT, tT);
    const ancestor = outcome === 'theirs' ? o : outcome === 'ours' ? t : null;
    out.push({ slot: name, outcome, ours: o, theirs: t, ancestor, ancestorKnown: outcome !== 'conflict', oursBy: ours.touches.authorOf(name), theirsBy: theirs.touches.authorOf(name) });
  };

  for (const [key, oRow] of ours.assets) {
    if (theirs.assets.has(key)) continue;
    onlyOurs.add(slot.asset(key));
    differ(slot.asset(key), oRow, null, 'ours');
  }
  for (const [key, tRow] of theirs.assets) {
    const oRow = ours.assets.get(key);
    if (oRow === tRow) continue;
    if (oRow === undefined) {
      onlyTheirs.add(slot.asset(key));
      differ(slot.asset(key), null, tRow, 'theirs');
      continue;
    }
    const o = parseRow(oRow)!;
    const t = parseRow(tRow)!;
    fields.forEach((field, i) => {
      const ov = JSON.stringify(o[i] ?? null);
      const tv = JSON.stringify(t[i] ?? null);
      if (ov !== tv) differ(slot.assetField(key, field), ov, tv, null);
    });
  }
  // A party present on one side only was added there.
  for (const name of ours.slots.keys()) if (name.startsWith('party|') && !name.includes('|field|') && !theirs.slots.has(name)) onlyOurs.add(name);
  for (const name of theirs.slots.keys()) if (name.startsWith('party|') && !name.includes('|field|') && !ours.slots.has(name)) onlyTheirs.add(name);

  const side = (name: string): 'ours' | 'theirs' | null => {
    const entity = ownerEntity(name) ?? name;
    return onlyOurs.has(entity) ? 'ours' : onlyTheirs.has(entity) ? 'theirs' : null;
  };
  for (const [name, o] of ours.slots) {
    const t = theirs.slots.get(name);
    if (t === undefined) differ(name, o, null, side(name));
    else if (t !== o) differ(name, o, t, side(name));
  }
  for (const [name, t] of theirs.slots) if (!ours.slots.has(name)) differ(name, null, t, side(name));
  return out.sort((a, b) => (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0));
}
