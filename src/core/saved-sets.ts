/**
 * A saved set inside a filter: `{ set: id, ...more }` means the set's assets that also pass the
 * other conditions. Resolving replaces `set` by what the set holds, so every reader (the engine's
 * matching, the picture's SQL) sees a plain filter. Pure.
 */
import type { AssetFilter } from '@shared/filter';

/** What a saved set holds: a filter kept as given, or the asset ids chosen. */
export type SavedSetContent = { kind: 'filter'; filter: AssetFilter } | { kind: 'selection'; ids: readonly number[] };

type Key = keyof AssetFilter;

const same = (a: unknown, b: unknown): boolean =>
  typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;

function intersect(a: readonly number[] | undefined, b: readonly number[]): number[] {
  if (a === undefined) return [...new Set(b)].sort((x, y) => x - y);
  const keep = new Set(b);
  return [...new Set(a)].filter((id) => keep.has(id)).sort((x, y) => x - y);
}

/**
 * The filter with its saved set replaced by the set's content: both must hold. Ids intersect; any
 * other condition the set and the filter both give must agree (one filter cannot say two).
 * @param name the set's name, for the message
 * @returns the plain filter, or a message naming the condition the two disagree on
 */
export function resolveSetInFilter(filter: AssetFilter, content: SavedSetContent, name: string): AssetFilter | string {
  const { set: _set, ...rest } = filter;
  const out: AssetFilter = { ...rest };
  if (content.kind === 'selection') {
    out.ids = intersect(rest.ids, content.ids);
    return out;
  }
  for (const key of Object.keys(content.filter) as Key[]) {
    const value = content.filter[key];
    if (value === undefined || key === 'set') continue;
    if (key === 'ids') {
      out.ids = intersect(rest.ids, value as number[]);
      continue;
    }
    const given = rest[key];
    if (given !== undefined && !same(given, value)) {
      return `the saved set “${name}” keeps ${key} ${JSON.stringify(value)} and the filter also asks ${key} ${JSON.stringify(given)}; give ${key} once.`;
    }
    Object.assign(out, { [key]: value });
  }
  return out;
}
