/**
 * Reading the inventory: the grid's pages, its facets, "select all matching" and the asset panel.
 * Everything answers from the in-memory engine state: one compiled filter pass over an order
 * sorted once per revision and column, so a keystroke costs one scan of 100k assets.
 */
import { compileFilter } from '@core/bulk-filter';
import { serviceModelLabel } from '@core/service-models';
import type {
  AssetFacets,
  AssetListRow,
  AssetPage,
  AssetSortColumn,
  Facet
} from '@shared/contract/engine';
import { ASSET_ATTRIBUTES, ATTRIBUTE_VOCABULARY, type AssetAttribute } from '@shared/asset-attributes';
import type { Asset } from '@shared/domain';
import type { AssetFilter } from '@shared/filter';
import type { OpenWorkbook, ServiceContext } from '../services/context';
import { loadPageInput } from './input';
import { SearchIndex } from './search-index';
import { countAssets } from '../store/repos/assets';
import { resolveSavedSet } from '../services/saved-set-filter';
import {
  buildEngineState,
  memoised,
  modelOf,
  severityOfRank,
  type EngineState
} from './state';

export interface AssetListQuery {
  filter: AssetFilter;
  sort?: { column: AssetSortColumn; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

type SortKey = (asset: Asset) => string | number | null;

function sortKeyOf(state: EngineState, column: AssetSortColumn): SortKey {
  const lower = (v: string | null) => (v === null ? null : v.toLowerCase());
  switch (column) {
    case 'name':
      return (a) => lower(a.name);
    case 'type':
      return (a) => lower(a.type);
    case 'subscription':
      return (a) => lower(a.subscription);
    case 'resourceGroup':
      return (a) => lower(a.resourceGroup);
    case 'location':
      return (a) => lower(a.location);
    case 'serviceModel':
      return (a) => a.serviceModel;
    case 'owner':
      return (a) =>
        a.ownerPartyId === null ? null : lower(state.partyById.get(a.ownerPartyId)?.name ?? null);
    case 'findings':
      return (a) => state.findingsByAsset.get(a.id)?.length ?? 0;
    case 'lastReviewedAt':
      return (a) => a.lastReviewedAt;
    default:
      return attributeRank(column);
  }
}

/** An attribute's order: its vocabulary's (mission-critical first), a value outside it after them. */
function attributeRank(attribute: AssetAttribute): SortKey {
  const values: readonly string[] = ATTRIBUTE_VOCABULARY[attribute].values;
  return (a) => {
    const value = a[attribute];
    if (value === null) return null;
    const at = values.indexOf(value);
    return at < 0 ? values.length : at;
  };
}

/**
 * A column's order as positions into `state.input.assets`, built once per revision; empty values
 * sort last either way. Results are position arrays too: a typed array of 100k is cheap to
 * filter, slice and keep, and a position indexes the search text without a lookup.
 */
function sortedOrder(state: EngineState, sort: NonNullable<AssetListQuery['sort']>): Int32Array {
  const cacheKey = `${sort.column}:${sort.direction}`;
  const cached = state.sorted.get(cacheKey);
  if (cached !== undefined) return cached;
  const keyOf = sortKeyOf(state, sort.column);
  const sign = sort.direction === 'asc' ? 1 : -1;
  const { assets } = state.input;
  const keys = assets.map(keyOf);
  const order = Array.from(assets.keys());
  order.sort((x, y) => {
    const kx = keys[x]!;
    const ky = keys[y]!;
    if (kx === ky) return assets[x]!.id - assets[y]!.id;
    if (kx === null) return 1;
    if (ky === null) return -1;
    return (kx < ky ? -1 : 1) * sign;
  });
  const positions = Int32Array.from(order);
  state.sorted.set(cacheKey, positions);
  return positions;
}

/** Narrowing a result smaller than this share of the inventory checks its own assets' texts. */
const NARROW_SHARE = 0.25;

/**
 * The positions (into `state.input.assets`) of the assets matching a filter, in the order of
 * `base` (every position in input order when null). A text filter is answered by the search
 * index, which holds exactly the fields the core's text match reads, so the core's compiled
 * predicate checks only the other criteria.
 * @param narrowsInInputOrder base is the result of a shorter text with the same other criteria,
 *   in input order: the new text's hits all lie within it (a field containing the longer text
 *   contains the shorter one), so a large base need not be intersected
 */
function matchPositions(state: EngineState, filter: AssetFilter, base: Int32Array | null, narrowsInInputOrder = false): Int32Array {
  const ctx = filter.findingCode === undefined ? {} : { findingCodes: state.findingCodes };
  const { assets } = state.input;
  const needle = filter.text?.toLowerCase() ?? null;
  if (needle !== null && !SearchIndex.covers(needle)) return keep(assets, base, compileFilter(filter, ctx));
  const { text: _text, ...rest } = filter;
  const others = Object.keys(rest).length === 0 ? null : compileFilter(rest, ctx);
  if (needle === null) return keep(assets, base, others);
  const index = state.searchIndex;
  if (base !== null && base.length < assets.length * NARROW_SHARE) {
    const test = index.tester(needle);
    return keep(assets, base, (asset, i) => test(i) && (others === null || others(asset)));
  }
  const hits = index.matches(needle);
  const matched = base === null || narrowsInInputOrder ? hits : inOrderOf(base, hits, assets.length);
  return others === null ? matched : keep(assets, matched, others);
}

/** The positions of `base` (all, in input order, when null) whose asset passes `test`. */
function keep(assets: readonly Asset[], base: Int32Array | null, test: ((asset: Asset, i: number) => boolean) | null): Int32Array {
  const n = base === null ? assets.length : base.length;
  const out = new Int32Array(n);
  let found = 0;
  for (let j = 0; j < n; j++) {
    const i = base === null ? j : base[j]!;
    if (test === null || test(assets[i]!, i)) out[found++] = i;
  }
  return found === n ? out : out.slice(0, found);
}

/** The positions of `base` that are among `hits`, in base's order. */
function inOrderOf(base: Int32Array, hits: Int32Array, size: number): Int32Array {
  const hit = new Uint8Array(size);
  for (const i of hits) hit[i] = 1;
  const out = new Int32Array(Math.min(base.length, hits.length));
  let found = 0;
  for (const i of base) if (hit[i] === 1) out[found++] = i;
  return out.slice(0, found);
}

/** The assets matching a filter, in id order. */
export function matchingAssets(state: EngineState, filter: AssetFilter): Asset[] {
  if (filter.ids !== undefined && Object.keys(filter).length === 1) {
    // A selection by ids alone: look them up rather than scan.
    return [...new Set(filter.ids)].sort((a, b) => a - b).flatMap((id) => state.assetById.get(id) ?? []);
  }
  const { assets } = state.input;
  return Array.from(matchPositions(state, filter, null), (i) => assets[i]!);
}

function toRow(state: EngineState, asset: Asset): AssetListRow {
  return {
    id: asset.id,
    name: asset.name,
    type: asset.type,
    subscription: asset.subscription,
    resourceGroup: asset.resourceGroup,
    location: asset.location,
    tags: asset.tags,
    serviceModel: asset.serviceModel,
    serviceModelLabel: asset.serviceModel === null ? null : serviceModelLabel(modelOf(state, asset), asset.serviceModel),
    serviceModelSource: asset.serviceModelSource,
    needsReview: asset.needsReview,
    ownerPartyId: asset.ownerPartyId,
    owner: asset.ownerPartyId === null ? null : (state.partyById.get(asset.ownerPartyId)?.name ?? null),
    findings: state.findingsByAsset.get(asset.id)?.length ?? 0,
    worstSeverity: severityOfRank(state.worstSeverity.get(asset.id)),
    lastReviewedAt: asset.lastReviewedAt,
    notSeenInLastImport: asset.notSeenInLastImport,
    criticality: asset.criticality,
    dataClassification: asset.dataClassification,
    environment: asset.environment
  };
}

/** How many filtered, sorted result lists a state keeps: the grid asks for several pages of one. */
const KEPT_RESULTS = 8;

interface KeptResult {
  filter: AssetFilter;
  sortKey: string;
  positions: Int32Array;
}

/**
 * While the user types, each keystroke lengthens the search text: the assets matching the
 * longer text are a subset of those matching the shorter one, so the previous result is
 * filtered instead of the whole inventory.
 */
function narrowableFrom(state: EngineState, filter: AssetFilter, sortKey: string): Int32Array | null {
  const kept = state.memo.get('results') as KeptResult[] | undefined;
  if (kept === undefined || filter.text === undefined) return null;
  const rest = JSON.stringify({ ...filter, text: undefined });
  for (let i = kept.length - 1; i >= 0; i--) {
    const candidate = kept[i]!;
    if (candidate.sortKey !== sortKey || candidate.filter.text === undefined) continue;
    if (!filter.text.toLowerCase().includes(candidate.filter.text.toLowerCase())) continue;
    if (JSON.stringify({ ...candidate.filter, text: undefined }) === rest) return candidate.positions;
  }
  return null;
}

/** The filtered, sorted positions of a query, kept per revision so the next page is a slice. */
function filteredSorted(state: EngineState, query: AssetListQuery): Int32Array {
  const sortKey = JSON.stringify(query.sort ?? null);
  const key = `result:${JSON.stringify(query.filter)}|${sortKey}`;
  const cached = state.memo.get(key) as Int32Array | undefined;
  if (cached !== undefined) return cached;
  const narrowed = narrowableFrom(state, query.filter, sortKey);
  const base = narrowed ?? (query.sort === undefined ? null : sortedOrder(state, query.sort));
  const result = matchPositions(state, query.filter, base, narrowed !== null && query.sort === undefined);
  const kept = memoised(state, 'results', () => [] as KeptResult[]);
  kept.push({ filter: query.filter, sortKey, positions: result });
  state.memo.set(key, result);
  if (kept.length > KEPT_RESULTS) {
    const dropped = kept.shift()!;
    state.memo.delete(`result:${JSON.stringify(dropped.filter)}|${dropped.sortKey}`);
  }
  return result;
}

/**
 * One page of the filtered, sorted inventory. While the workbook is still loading (just opened),
 * a page of the whole inventory in id order is read straight from the store with its own
 * findings, so the grid shows rows before the whole state is loaded.
 */
export function listAssetPage(wb: OpenWorkbook, ctx: ServiceContext, query: AssetListQuery): AssetPage {
  const unfiltered = Object.keys(query.filter).length === 0 && query.sort === undefined;
  if (unfiltered && wb.engine.isLoading) {
    const page = buildEngineState(loadPageInput(wb.db, ctx, query.offset, query.limit));
    const rows = page.input.assets.map((asset) => toRow(page, asset));
    wb.engine.firstPageServed();
    return { total: countAssets(wb.db), offset: query.offset, rows };
  }
  return assetPageOf(wb.engine.state(ctx), { ...query, filter: resolveSavedSet(wb.db, query.filter) });
}

/** One page of the filtered, sorted assets of a loaded state (the workbook's, or as it was: as-of.ts); a saved set in the filter already resolved. */
export function assetPageOf(state: EngineState, query: AssetListQuery): AssetPage {
  const unfiltered = Object.keys(query.filter).length === 0 && query.sort === undefined;
  const { assets } = state.input;
  const result = unfiltered ? null : filteredSorted(state, query);
  const total = result === null ? assets.length : result.length;
  const end = Math.min(total, query.offset + query.limit);
  const rows: AssetListRow[] = [];
  for (let j = query.offset; j < end; j++) rows.push(toRow(state, assets[result === null ? j : result[j]!]!));
  return { total, offset: query.offset, rows };
}

/** Ids of every asset matching the filter ("select all matching"). */
export function matchingIds(wb: OpenWorkbook, ctx: ServiceContext, filter: AssetFilter): number[] {
  return matchingAssets(wb.engine.state(ctx), resolveSavedSet(wb.db, filter)).map((a) => a.id);
}

function facet(counts: Map<string, number>): Facet[] {
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

/** A column's label under the first model declaring it (the default model first), else its id. */
function columnLabelInUse(state: EngineState, column: string): string {
  const settings = state.input.settings;
  const models = [state.input.models[settings.defaultModelId], ...Object.values(state.input.models)];
  return serviceModelLabel(models.find((m) => m?.serviceModels.includes(column)), column);
}

/** Distinct values with counts for the grid's filter menus. */
export function assetFacets(wb: OpenWorkbook, ctx: ServiceContext): AssetFacets {
  const state = wb.engine.state(ctx);
  const bump = (map: Map<string, number>, key: string | null) => {
    if (key !== null && key !== '') map.set(key, (map.get(key) ?? 0) + 1);
  };
  const types = new Map<string, number>();
  const subs = new Map<string, number>();
  const groups = new Map<string, number>();
  const tagKeys = new Map<string, number>();
  const models = new Map<string, number>();
  const owners = new Map<number | 'none', number>();
  const attributes = new Map(ASSET_ATTRIBUTES.map((attribute) => [attribute, new Map<string, number>()]));
  for (const a of state.input.assets) {
    for (const [attribute, counts] of attributes) bump(counts, a[attribute] ?? 'none');
    bump(types, a.type);
    bump(subs, a.subscription);
    bump(groups, a.resourceGroup);
    for (const key of Object.keys(a.tags)) bump(tagKeys, key);
    bump(models, a.serviceModel ?? 'none');
    const owner = a.ownerPartyId ?? 'none';
    owners.set(owner, (owners.get(owner) ?? 0) + 1);
  }
  return {
    types: facet(types),
    subscriptions: facet(subs),
    resourceGroups: facet(groups),
    tagKeys: facet(tagKeys),
    attributes: Object.fromEntries(
      ASSET_ATTRIBUTES.map((attribute) => {
        const counts = attributes.get(attribute)!;
        const values: readonly string[] = [...ATTRIBUTE_VOCABULARY[attribute].values, 'none'];
        return [attribute, values.filter((value) => counts.has(value)).map((value) => ({ value, count: counts.get(value)! }))];
      })
    ) as AssetFacets['attributes'],
    serviceModels: facet(models).map((f) => ({ ...f, label: f.value === 'none' ? 'Unclassified' : columnLabelInUse(state, f.value) })),
    owners: [...owners.entries()]
      .map(([partyId, count]) => ({
        partyId,
        name: partyId === 'none' ? '(no owner)' : (state.partyById.get(partyId)?.name ?? `party #${partyId}`),
        count
      }))
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1))
  };
}
