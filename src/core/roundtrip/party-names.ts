/**
 * Party names as people type them in a spreadsheet: matched to the workbook's parties case- and
 * accent-insensitively, with the closest party suggested when a name matches none. Pure.
 */

/** Keys already computed: a million-row sheet compares the same few words (layer titles, responsibilities, labels) over and over. */
const KEYS = new Map<string, string>();
const KEPT_KEYS = 10_000;

/** The form two names are compared in: accents dropped, case folded, blank space collapsed. */
export function nameKey(name: string): string {
  const known = KEYS.get(name);
  if (known !== undefined) return known;
  const key = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .trim();
  if (KEYS.size >= KEPT_KEYS) KEYS.clear();
  KEYS.set(name, key);
  return key;
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

export interface NamedParty {
  id: number;
  name: string;
}

/** Looks names up among the parties; one lookup serves a whole sheet. */
export class PartyDirectory<P extends NamedParty> {
  private readonly byKey = new Map<string, P>();

  constructor(private readonly parties: readonly P[]) {
    for (const party of parties) if (!this.byKey.has(nameKey(party.name))) this.byKey.set(nameKey(party.name), party);
  }

  find(name: string): P | undefined {
    return this.byKey.get(nameKey(name));
  }

  /** The party whose name is closest to `name` (a typo or two away), if any. */
  suggest(name: string): P | undefined {
    const key = nameKey(name);
    const max = Math.max(1, Math.min(3, Math.floor(key.length / 4)));
    let best: P | undefined;
    let bestDistance = max + 1;
    for (const party of this.parties) {
      const d = distance(key, nameKey(party.name), max);
      if (d < bestDistance) {
        best = party;
        bestDistance = d;
      }
    }
    return best;
  }
}

/**
 * The names in one RACI cell. The export joins several with "; "; people also type commas. A
 * cell that is one party's whole name (a name may hold a comma: "Contoso, Inc.") is that party.
 */
export function splitNames(cell: string, isParty: (name: string) => boolean): string[] {
  const whole = cell.trim();
  if (whole === '') return [];
  if (isParty(whole)) return [whole];
  const parts = whole.includes(';') ? whole.split(';') : whole.split(',');
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}
