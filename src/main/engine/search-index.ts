/**
 * The inventory's text search over 100k assets, answered in a few milliseconds per keystroke.
 *
 * A text filter matches an asset when one of its fields contains the text, case-insensitively
 * (the core's textMatcher, whose field lists it shares). The fields fall in two kinds, indexed apart:
 * - few distinct values shared by many assets (TEXT_SHARED_FIELDS: type, resource group, subscription, location):
 *   dictionary-encoded, so a search tests each distinct value once and the assets by number;
 * - the asset's own (name, external id, tags): lower-cased and joined by NUL per asset
 *   (searchText), and all of those joined by SOH into one string, which a search walks with
 *   native indexOf from hit to hit instead of one includes() per asset;
 * - and per asset, which of the common characters (a–z, 0–9, - _ . / space :) its own text
 *   holds, as a 64-bit set: a one-character search (the first keystroke, which matches nearly
 *   everything, so walking from hit to hit visits every asset) reads that set, not the texts.
 * A search text containing NUL or SOH is not for this index (see covers()).
 */
import { TEXT_OWN_FIELDS, TEXT_SHARED_FIELDS } from '@core/bulk-filter';
import type { Asset } from '@shared/domain';

const FIELD = '\u0000';
const RECORD = '\u0001';

/** The characters with a bit in an asset's character set; others are searched in the texts. */
const INDEXED_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789-_./ :';
const BIT_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < INDEXED_CHARS.length; i++) BIT_OF[INDEXED_CHARS.charCodeAt(i)] = i;
/** A character's bit in the character set, or -1 when it has none. */
const bitOf = (code: number): number => (code < 128 ? BIT_OF[code]! : -1);

/**
 * Fills the character sets of texts[from..to) into `into` (two words per text, zeroed): which
 * of INDEXED_CHARS each holds. The loader calls it a slice at a time.
 */
export function fillCharSets(texts: readonly string[], from: number, to: number, into: Int32Array): void {
  for (let i = from; i < to; i++) {
    const text = texts[i]!;
    for (let k = 0; k < text.length; k++) {
      const bit = bitOf(text.charCodeAt(k));
      if (bit >= 0) into[2 * i + (bit >> 5)]! |= 1 << (bit & 31);
    }
  }
}

/** An asset's own searched fields (TEXT_OWN_FIELDS, tag keys and values), lower-cased and joined by NUL. */
export function searchText(a: Asset): string {
  const parts: string[] = [];
  for (const field of TEXT_OWN_FIELDS) {
    const value = a[field];
    if (value !== null) parts.push(value);
  }
  for (const key in a.tags) parts.push(key, a.tags[key]!);
  return parts.join(FIELD).toLowerCase();
}

/** One dictionary-encoded field: each asset's value number, and the distinct values lower-cased. */
interface SharedField {
  ids: Int32Array;
  values: string[];
}

function encode(assets: readonly Asset[], field: (typeof TEXT_SHARED_FIELDS)[number]): SharedField {
  const ids = new Int32Array(assets.length);
  const numbers = new Map<string | null, number>();
  const values: string[] = [];
  for (let i = 0; i < assets.length; i++) {
    const value = assets[i]![field];
    let id = numbers.get(value);
    if (id === undefined) {
      id = values.length;
      numbers.set(value, id);
      // An empty field can never contain a (non-empty) search text: '' never matches.
      values.push(value === null ? '' : value.toLowerCase());
    }
    ids[i] = id;
  }
  return { ids, values };
}

export class SearchIndex {
  private readonly whole: string;
  /** Where each asset's text starts in `whole`; one more entry, past the end. */
  private readonly starts: Int32Array;
  private readonly shared: SharedField[];
  /** Each asset's character set: bits 0–31 at 2i, bits 32–63 at 2i + 1 (see INDEXED_CHARS). */
  private readonly charSets: Int32Array;
  /** Reused between searches: a keystroke allocates only its result. */
  private readonly marks: Uint8Array;

  /**
   * @param assets the assets, in input order
   * @param texts searchText of each asset, when already built (the loader builds them in slices)
   * @param charSets their character sets (fillCharSets), when already built
   */
  constructor(
    assets: readonly Asset[],
    readonly texts: readonly string[] = assets.map(searchText),
    charSets?: Int32Array
  ) {
    this.whole = texts.join(RECORD);
    this.starts = new Int32Array(texts.length + 1);
    let at = 0;
    for (let i = 0; i < texts.length; i++) {
      this.starts[i] = at;
      at += texts[i]!.length + 1;
    }
    this.starts[texts.length] = at;
    if (charSets === undefined) {
      charSets = new Int32Array(texts.length * 2);
      fillCharSets(texts, 0, texts.length, charSets);
    }
    this.charSets = charSets;
    this.shared = TEXT_SHARED_FIELDS.map((field) => encode(assets, field));
    this.marks = new Uint8Array(texts.length);
  }

  /** Whether the index can answer this (lower-cased) search text: it is not empty and has no separator. */
  static covers(needle: string): boolean {
    return needle !== '' && !needle.includes(FIELD) && !needle.includes(RECORD);
  }

  /** Per shared field whose values contain the needle: which values do (fields without a hit left out). */
  private sharedHits(needle: string): { ids: Int32Array; hit: Uint8Array }[] {
    const out: { ids: Int32Array; hit: Uint8Array }[] = [];
    for (const { ids, values } of this.shared) {
      const hit = new Uint8Array(values.length);
      let any = false;
      for (let v = 0; v < values.length; v++) {
        if (values[v]!.includes(needle)) {
          hit[v] = 1;
          any = true;
        }
      }
      if (any) out.push({ ids, hit });
    }
    return out;
  }

  /** Positions (input order) of the assets with a field containing the lower-cased needle. */
  matches(needle: string): Int32Array {
    const { marks } = this;
    const n = this.texts.length;
    marks.fill(0);
    const bit = needle.length === 1 ? bitOf(needle.charCodeAt(0)) : -1;
    if (bit >= 0) this.markByCharSet(bit);
    else this.markByWalk(needle);
    for (const { ids, hit } of this.sharedHits(needle)) {
      for (let i = 0; i < n; i++) if (hit[ids[i]!] === 1) marks[i] = 1;
    }
    let found = 0;
    for (let i = 0; i < n; i++) found += marks[i]!;
    const out = new Int32Array(found);
    for (let i = 0, k = 0; k < found; i++) if (marks[i] === 1) out[k++] = i;
    return out;
  }

  /** Marks the assets whose own text holds the character with this bit. */
  private markByCharSet(bit: number): void {
    const { charSets, marks } = this;
    const word = bit >> 5;
    const mask = 1 << (bit & 31);
    for (let i = 0, n = marks.length; i < n; i++) if ((charSets[2 * i + word]! & mask) !== 0) marks[i] = 1;
  }

  /** Marks the assets whose own text contains the needle, walking the joined texts from hit to hit. */
  private markByWalk(needle: string): void {
    const { whole, starts, marks } = this;
    for (let record = 0, at = 0; ; ) {
      at = whole.indexOf(needle, at);
      if (at === -1) break;
      while (starts[record + 1]! <= at) record++;
      marks[record] = 1;
      record++;
      at = starts[record]!;
    }
  }

  /** Runs each search path once on a real text (the first asset's name), so V8 compiles them. */
  warmUp(): void {
    const needle = this.texts[0]?.slice(0, 2);
    if (needle === undefined || !SearchIndex.covers(needle)) return;
    this.matches(needle.slice(0, 1)); // by the character sets
    this.matches(needle); // by walking the texts
    const test = this.tester(needle);
    for (let i = 0; i < Math.min(this.texts.length, 50_000); i++) test(i);
  }

  /** A test of single positions against the lower-cased needle (for narrowing a small result). */
  tester(needle: string): (position: number) => boolean {
    const shared = this.sharedHits(needle);
    const { texts } = this;
    return (i) => {
      for (const { ids, hit } of shared) if (hit[ids[i]!] === 1) return true;
      return texts[i]!.includes(needle);
    };
  }
}
