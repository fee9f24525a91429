/**
 * Deciding a merge: a conflict is settled by a person, one by one, or by a rule ("theirs for
 * everything in the Finance subscription"); a change made on one side only needs no decision.
 */
import { parseSlot, slot } from './slots';
import type { MergeSide, SlotDifference } from './three-way';

export type MergeSideName = 'ours' | 'theirs';

/** "Take `side` for every conflict", or only for those on assets whose `field` equals `value`. */
export interface DecisionRule {
  side: MergeSideName;
  where?: { field: string; value: string };
}

export interface MergeDecisions {
  /** By slot: the side a person chose. Wins over rules. */
  items?: Readonly<Record<string, MergeSideName>>;
  /** Tried in order; the first that applies to a conflict decides it. */
  rules?: readonly DecisionRule[];
}

export interface DecidedDifference extends SlotDifference {
  /** The side whose value the merged workbook holds; null while a conflict is undecided. */
  choice: MergeSideName | null;
  decidedBy: 'merge' | 'person' | 'rule' | null;
  /** Set when taking theirs here would break a rule of the workbook: why. */
  rule: string | null;
}

/** The value of one field of an asset on a side (null when the asset or the field is not there). */
export function assetFieldValue(side: MergeSide, key: string, fields: readonly string[], field: string): unknown {
  const row = side.assets.get(key);
  const i = fields.indexOf(field);
  if (row === undefined || i < 0) return null;
  return (JSON.parse(row) as unknown[])[i] ?? null;
}

function ruleApplies(rule: DecisionRule, d: SlotDifference, ours: MergeSide, theirs: MergeSide, fields: readonly string[]): boolean {
  if (rule.where === undefined) return true;
  const p = parseSlot(d.slot);
  if (p.entity !== 'asset') return false;
  const wanted = rule.where.value.trim().toLowerCase();
  const { field } = rule.where;
  return [ours, theirs].some((side) => {
    const value = assetFieldValue(side, p.id, fields, field);
    return value !== null && String(value as string).toLowerCase() === wanted;
  });
}

/**
 * Settles each difference: one side's own change is taken as it is; a conflict takes the side a
 * person chose, else the first rule that applies, else stays undecided (choice null). The
 * field list says which asset field `where` names.
 */
export function decide(
  differences: readonly SlotDifference[],
  decisions: MergeDecisions,
  ours: MergeSide,
  theirs: MergeSide,
  fields: readonly string[]
): DecidedDifference[] {
  return differences.map((d): DecidedDifference => {
    if (d.outcome !== 'conflict') return { ...d, choice: d.outcome, decidedBy: 'merge', rule: null };
    const chosen = decisions.items?.[d.slot];
    if (chosen !== undefined) return { ...d, choice: chosen, decidedBy: 'person', rule: null };
    const rule = decisions.rules?.find((r) => ruleApplies(r, d, ours, theirs, fields));
    if (rule !== undefined) return { ...d, choice: rule.side, decidedBy: 'rule', rule: null };
    return { ...d, choice: null, decidedBy: null, rule: null };
  });
}

/** The merged value of a slot: the chosen side's, or ours when the merge leaves it alone. */
export function mergedValueOf(
  decided: ReadonlyMap<string, DecidedDifference>,
  ours: MergeSide,
  theirs: MergeSide,
  fields: readonly string[]
): (slotName: string) => string | null {
  return (slotName) => {
    const item = decided.get(slotName);
    if (item !== undefined) return item.choice === 'theirs' ? item.theirs : item.ours;
    const p = parseSlot(slotName);
    const entity = p.entity === 'asset' ? slot.asset(p.id) : p.entity === 'party' ? slot.party(p.id) : null;
    const from = entity !== null && decided.get(entity)?.choice === 'theirs' ? theirs : ours;
    if (p.entity === 'asset' && p.aspect === 'field' && p.name !== undefined) {
      const value = assetFieldValue(from, p.id, fields, p.name);
      return from.assets.has(p.id) ? JSON.stringify(value) : null;
    }
    return from.slots.get(slotName) ?? null;
  };
}
