/**
 * A merge from its two sides to its decided differences: compare slot by slot, decide, then ask
 * the workbook's rules of the result. What taking theirs would break becomes a conflict (with the
 * reason) that a person decides; an item a person or rule decided for theirs keeps its reason, so
 * the apply refuses it rather than write it.
 */
import { decide, type DecidedDifference, type MergeDecisions } from './decide';
import { ruleBreaks, type LayerLookup } from './rules';
import { diffSides, type MergeSide } from './three-way';

export function planDifferences(
  ours: MergeSide,
  theirs: MergeSide,
  fields: readonly string[],
  decisions: MergeDecisions,
  layerOf: LayerLookup
): DecidedDifference[] {
  const decided = decide(diffSides(ours, theirs, fields), decisions, ours, theirs, fields);
  const breaks = ruleBreaks(decided, ours, theirs, fields, layerOf);
  if (breaks.size === 0) return decided;
  return decided.map((d) => {
    const rule = breaks.get(d.slot);
    if (rule === undefined) return d;
    // A change that needed no decision now does; one a person or rule decided stays decided.
    return d.decidedBy === 'merge' ? { ...d, outcome: 'conflict', choice: decisions.items?.[d.slot] ?? null, decidedBy: decisions.items?.[d.slot] ? 'person' : null, rule } : { ...d, outcome: 'conflict', rule };
  });
}

/** What still stands in the way of applying: undecided conflicts, and decisions that break a rule. */
export function blockers(decided: readonly DecidedDifference[]): { undecided: DecidedDifference[]; breaking: DecidedDifference[] } {
  return {
    undecided: decided.filter((d) => d.outcome === 'conflict' && d.choice === null),
    breaking: decided.filter((d) => d.rule !== null && d.choice === 'theirs')
  };
}
