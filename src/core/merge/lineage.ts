/**
 * Where two copies of a workbook parted, read from their change logs. Each entry has an
 * identity that is the same in every copy holding it (its fingerprint where it was written; a
 * merged entry keeps the one it came with). The common ancestor is the last entry of the longest
 * shared beginning; what a side did since is its entries the other does not hold — which also
 * leaves out what a side already merged from the other, so merging the same file twice finds
 * nothing new.
 *
 * The log is never edited, so an undone merge stays in it: its entry, the entries it brought and
 * the undo itself. What a log *holds* is therefore its entries in effect: an entry written here
 * (not a merge that was undone), and the entries a merge in effect brought (each merge names
 * them). An undo or redo of a merge only switches that merge off or on again; it is no change of
 * its own. So after merge → undo, merging the same file again is the first merge over again, and
 * a copy that merges this log later sees the undone merge's entries as not held here either.
 */

/** One entry of a log as lineage reads it. */
export interface LineageEntry {
  identity: string;
  /** Written in this log (not brought in by a merge). */
  native: boolean;
  /** A merge's entry: the identities of the entries it brought into effect (null: a merge from before they were named). */
  brought: readonly string[] | null;
  /** An undo or redo of a merge: the merge's identity and which way. */
  reverses: { merge: string; direction: 'undo' | 'redo' } | null;
}

export interface Lineage {
  /** Entries both logs begin with; 0 means the workbooks share no history. */
  common: number;
  /** Positions (0-based) of our entries since the ancestor in effect here and not in theirs: what we did. */
  oursOnly: number[];
  /** Positions of their entries since the ancestor in effect there and not here: what the merge brings in. */
  theirsOnly: number[];
  /** Positions of their entries this log does not hold at all: the rows a merge appends (their history, kept). */
  carried: number[];
}

/** The identities in effect in a log (see the header). */
export function inEffect(log: readonly LineageEntry[]): Set<string> {
  const undone = new Map<string, boolean>();
  for (const e of log) if (e.reverses !== null) undone.set(e.reverses.merge, e.reverses.direction === 'undo');
  const listed = new Set<string>();
  const merges = new Map<string, readonly string[]>();
  for (const e of log) {
    if (e.brought === null) continue;
    merges.set(e.identity, e.brought);
    for (const id of e.brought) listed.add(id);
  }
  const reversal = new Set(log.filter((e) => e.reverses !== null).map((e) => e.identity));
  const counts = (id: string) => !reversal.has(id) && undone.get(id) !== true;
  const effective = new Set<string>();
  // Written here, or brought by a merge from before merges named their entries.
  for (const e of log) if ((e.native || !listed.has(e.identity)) && counts(e.identity)) effective.add(e.identity);
  // A merge in effect brings its entries into effect (a merge it brought, in turn, its own).
  for (let grew = true; grew; ) {
    grew = false;
    for (const [merge, brought] of merges) {
      if (!effective.has(merge)) continue;
      for (const id of brought) {
        if (effective.has(id) || !counts(id)) continue;
        effective.add(id);
        grew = true;
      }
    }
  }
  return effective;
}

/** Compares two logs, oldest first. */
export function lineageOf(ours: readonly LineageEntry[], theirs: readonly LineageEntry[]): Lineage {
  let common = 0;
  while (common < ours.length && common < theirs.length && ours[common]!.identity === theirs[common]!.identity) common++;
  const ourEffect = inEffect(ours);
  const theirEffect = inEffect(theirs);
  const ourHeld = new Set(ours.map((e) => e.identity));
  const oursOnly: number[] = [];
  const theirsOnly: number[] = [];
  const carried: number[] = [];
  for (let i = common; i < ours.length; i++) {
    const id = ours[i]!.identity;
    if (ourEffect.has(id) && !theirEffect.has(id)) oursOnly.push(i);
  }
  for (let i = common; i < theirs.length; i++) {
    const id = theirs[i]!.identity;
    if (theirEffect.has(id) && !ourEffect.has(id)) theirsOnly.push(i);
    if (!ourHeld.has(id)) carried.push(i);
  }
  return { common, oursOnly, theirsOnly, carried };
}
