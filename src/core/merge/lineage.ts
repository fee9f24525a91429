/**
 * Where two copies of a workbook parted, read from their change logs. Each entry has an
 * identity that is the same in every copy holding it (its fingerprint where it was written; a
 * merged entry keeps the one it came with). The common ancestor is the last entry of the longest
 * shared beginning; what a side did since is its entries the other does not hold — which also
 * leaves out what a side already merged from the other, so merging the same file twice finds
 * nothing new.
 */

export interface Lineage {
  /** Entries both logs begin with; 0 means the workbooks share no history. */
  common: number;
  /** Positions (0-based) of our entries theirs does not hold. */
  oursOnly: number[];
  /** Positions of their entries we do not hold: what the merge brings in. */
  theirsOnly: number[];
}

/** Compares two logs given as their entries' identities, oldest first. */
export function lineageOf(ours: readonly string[], theirs: readonly string[]): Lineage {
  let common = 0;
  while (common < ours.length && common < theirs.length && ours[common] === theirs[common]) common++;
  const ourSet = new Set(ours);
  const theirSet = new Set(theirs);
  const oursOnly: number[] = [];
  const theirsOnly: number[] = [];
  for (let i = common; i < ours.length; i++) if (!theirSet.has(ours[i]!)) oursOnly.push(i);
  for (let i = common; i < theirs.length; i++) if (!ourSet.has(theirs[i]!)) theirsOnly.push(i);
  return { common, oursOnly, theirsOnly };
}
