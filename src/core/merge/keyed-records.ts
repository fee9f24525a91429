/**
 * Saved sets and workshops as a merge compares them: by keys that hold across copies. Row ids
 * (an owner's party id, chosen asset ids, a saved set named by id) differ between copies, so a
 * filter is spelt with party names, asset keys and set names (`keyedFilter`) and spelt back with
 * the merged workbook's ids (`filterOfKeys`). A workshop is known by when, by whom and with what
 * title it was started (`workshopKey`): the same in every copy holding it.
 */
import type { AssetFilter } from '@shared/filter';

/** Row id → key, in one copy. */
export interface KeyLookups {
  partyName: (id: number) => string | null;
  assetKey: (id: number) => string | null;
  setName: (id: number) => string | null;
}

/** Key → row id in the merged workbook (throws when a key is in neither copy: a merge adds every asset and party of theirs). */
export interface IdLookups {
  partyId: (lowerName: string) => number;
  assetId: (key: string) => number;
  setId: (nameKey: string) => number | null;
}

/** A filter with its row ids spelt as keys: owner `{ party }`, ids as asset keys, set `{ set }`. */
export type KeyedFilter = Record<string, unknown>;

/** The filter spelt by keys (an id this copy cannot name stays `#id`). */
export function keyedFilter(filter: AssetFilter, l: KeyLookups): KeyedFilter {
  const out: KeyedFilter = { ...filter };
  if (typeof filter.owner === 'number') out.owner = { party: l.partyName(filter.owner) ?? `#${filter.owner}` };
  if (filter.ids !== undefined) out.ids = filter.ids.map((id) => l.assetKey(id) ?? `#${id}`).sort();
  if (filter.set !== undefined) out.set = { set: l.setName(filter.set) ?? `#${filter.set}` };
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The keyed filter with the merged workbook's ids. */
export function filterOfKeys(keyed: KeyedFilter, l: IdLookups): AssetFilter {
  const out: Record<string, unknown> = { ...keyed };
  const owner = keyed.owner as { party: string } | 'none' | undefined;
  if (typeof owner === 'object') out.owner = l.partyId(owner.party);
  if (Array.isArray(keyed.ids)) out.ids = (keyed.ids as string[]).map(l.assetId).sort((a, b) => a - b);
  const set = keyed.set as { set: string } | undefined;
  if (set !== undefined) {
    const id = l.setId(set.set);
    if (id === null) delete out.set;
    else out.set = id;
  }
  return out as AssetFilter;
}

/** A workshop's key across copies. */
export function workshopKey(w: { createdAt: string; createdBy: string; title: string }): string {
  return `${w.createdAt} ${w.createdBy}: ${w.title}`;
}

/** A workshop decision's identity across copies (a fact of its day: when, by whom, where, what). */
export function decisionKey(workshop: string, d: { at: string; by: string; groupPosition: number; layerId: string; kind: string; summary: string }): string {
  return JSON.stringify([workshop, d.at, d.by, d.groupPosition, d.layerId, d.kind, d.summary]);
}

/** A workshop action's identity across copies (its closing is not part of it). */
export function actionKey(workshop: string, a: { createdAt: string; groupPosition: number; layerId: string; title: string }): string {
  return JSON.stringify([workshop, a.createdAt, a.groupPosition, a.layerId, a.title]);
}
