/** What a merge carries as it is, in words: said once for `demarc merge` and the Merge view. */
import type { MergePlan } from './contract/merge';

const CARRIED: readonly [keyof MergePlan['carried'], string, string][] = [
  ['signOffs', 'sign-off', 'sign-offs'],
  ['importRuns', 'import run', 'import runs'],
  ['decisions', 'workshop decision', 'workshop decisions'],
  ['actions', 'workshop action', 'workshop actions'],
  ['closedActions', 'action closed there', 'actions closed there']
];

/** Each kind of record carried, with its count ("2 sign-offs"); empty when none is. */
export function carriedWords(carried: MergePlan['carried']): string[] {
  return CARRIED.filter(([key]) => carried[key] > 0).map(([key, one, many]) => `${carried[key]} ${carried[key] === 1 ? one : many}`);
}
