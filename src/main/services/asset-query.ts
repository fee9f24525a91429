/**
 * Reading the inventory: the grid's pages, its facets, "select all matching" and the asset panel.
 * Everything answers from the in-memory engine state: one compiled filter pass over an order
 * sorted once per revision and column, so a keystroke costs one scan of 100k assets.
 */
import { compileFilter } from '../../core/bulk-filter';
import { deriveResponsibility } from '../../core/derive';
import { effectiveRaci, validateRaci, type RaciContext } from '../../core/raci';
import { matchSecurityTool } from '../../core/security-tools';
import type {
  AssetDetail,
  AssetFacets,
  AssetLayerDetail,
  AssetListRow,
  AssetPage,
  AssetSortColumn,
  Facet
} from '../../shared/contract/engine';
import { RACI_ROLES, SEVERITIES, type Asset, type RaciRole } from '../../shared/domain';
import type { AssetFilter } from '../../shared/filter';
import type { OpenWorkbook, ServiceContext } from './context';
import { currentState, engineState, memoised, modelOf, requireAsset, severityOfRank, type EngineState } from './engine-state';

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
      return (a) => (a.ownerPartyId === null ? null : lower(state.partyById.get(a.ownerPartyId)?.name ?? null));
    case 'findings':
      return (a) => state.findingsByAsset.get(a.id)?.length ?? 0;
    case 'lastReviewedAt':
      return (a) => a.lastReviewedAt;
  }
}

/** Assets in a column's order, built once per revision; empty values sort last either way. */
function sortedAssets(state: EngineState, sort: AssetListQuery['sort']): Asset[] {
  if (sort === undefined) return state.input.assets;
  const cacheKey = `${sort.column}:${sort.direction}`;
  const cached = state.sorted.get(cacheKey);
  if (cached !== undefined) return cached;
  const keyOf = sortKeyOf(state, sort.column);
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = state.input.assets.map((asset) => ({ asset, key: keyOf(asset) }));
  keyed.sort((x, y) => {
    if (x.key === y.key) return x.asset.id - y.asset.id;
    if (x.key === null) return 1;
    if (y.key === null) return -1;
    return (x.key < y.key ? -1 : 1) * sign;
  });
  const order = keyed.map((k) => k.asset);
  state.sorted.set(cacheKey, order);
  return order;
}

/** Per asset, the lower-cased fields a text filter searches, joined: built once per revision. */
function haystacks(state: EngineState): Map<number, string> {
  return memoised(state, 'haystacks', () => {
    const map = new Map<number, string>();
    for (const a of state.input.assets) {
      const tags = Object.entries(a.tags).flat();
      map.set(a.id, [a.name, a.externalId, a.type, a.resourceGroup, a.subscription, a.location, ...tags].filter((v) => v !== null).join('\u0000').toLowerCase());
    }
    return map;
  });
}

/**
 * The predicate of a filter, compiled once per call by the core. A text filter is first screened
 * against the pre-lowered haystack (the same fields), which rejects most assets without the
 * core's per-field lower-casing; survivors still go through the core's predicate.
 */
export function filterPredicate(state: EngineState, filter: AssetFilter): (asset: Asset) => boolean {
  const ctx = filter.findingCode === undefined ? {} : { findingCodes: state.findingCodes };
  if (filter.text === undefined) return compileFilter(filter, ctx);
  // The haystack holds exactly the fields the core's text match reads, joined by NUL (which a
  // needle never contains), so a haystack hit is a text match: the core checks only the rest.
  const { text, ...rest } = filter;
  const matches = Object.keys(rest).length === 0 ? null : compileFilter(rest, ctx);
  const needle = text.toLowerCase();
  const hay = haystacks(state);
  return (asset) => {
    const fields = hay.get(asset.id);
    if (fields === undefined || !fields.includes(needle)) return false;
    return matches === null || matches(asset);
  };
}

/** The assets matching a filter, in id order. */
export function matchingAssets(state: EngineState, filter: AssetFilter): Asset[] {
  if (filter.ids !== undefined && Object.keys(filter).length === 1) {
    // A selection by ids alone: look them up rather than scan.
    return [...new Set(filter.ids)].sort((a, b) => a - b).flatMap((id) => state.assetById.get(id) ?? []);
  }
  return state.input.assets.filter(filterPredicate(state, filter));
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
    serviceModelSource: asset.serviceModelSource,
    needsReview: asset.needsReview,
    ownerPartyId: asset.ownerPartyId,
    owner: asset.ownerPartyId === null ? null : (state.partyById.get(asset.ownerPartyId)?.name ?? null),
    findings: state.findingsByAsset.get(asset.id)?.length ?? 0,
    worstSeverity: severityOfRank(state.worstSeverity.get(asset.id)),
    lastReviewedAt: asset.lastReviewedAt,
    notSeenInLastImport: asset.notSeenInLastImport
  };
}

/** How many filtered, sorted result lists a state keeps: the grid asks for several pages of one. */
const KEPT_RESULTS = 8;

interface KeptResult {
  filter: AssetFilter;
  sortKey: string;
  assets: Asset[];
}

/**
 * While the user types, each keystroke lengthens the search text: the assets matching the
 * longer text are a subset of those matching the shorter one, so the previous result is
 * filtered instead of the whole inventory.
 */
function narrowableFrom(state: EngineState, filter: AssetFilter, sortKey: string): Asset[] | null {
  const kept = state.memo.get('results') as KeptResult[] | undefined;
  if (kept === undefined || filter.text === undefined) return null;
  const rest = JSON.stringify({ ...filter, text: undefined });
  for (let i = kept.length - 1; i >= 0; i--) {
    const candidate = kept[i]!;
    if (candidate.sortKey !== sortKey || candidate.filter.text === undefined) continue;
    if (!filter.text.toLowerCase().includes(candidate.filter.text.toLowerCase())) continue;
    if (JSON.stringify({ ...candidate.filter, text: undefined }) === rest) return candidate.assets;
  }
  return null;
}

/** The filtered, sorted assets of a query, kept per revision so the next page is a slice. */
function filteredSorted(state: EngineState, query: AssetListQuery): Asset[] {
  const sortKey = JSON.stringify(query.sort ?? null);
  const key = `result:${JSON.stringify(query.filter)}|${sortKey}`;
  const cached = state.memo.get(key) as Asset[] | undefined;
  if (cached !== undefined) return cached;
  const matches = filterPredicate(state, query.filter);
  const base = narrowableFrom(state, query.filter, sortKey) ?? sortedAssets(state, query.sort);
  const result = base.filter(matches);
  const kept = memoised(state, 'results', () => [] as KeptResult[]);
  kept.push({ filter: query.filter, sortKey, assets: result });
  state.memo.set(key, result);
  if (kept.length > KEPT_RESULTS) {
    const dropped = kept.shift()!;
    state.memo.delete(`result:${JSON.stringify(dropped.filter)}|${dropped.sortKey}`);
  }
  return result;
}

/** One page of the filtered, sorted inventory. */
export function listAssetPage(wb: OpenWorkbook, ctx: ServiceContext, query: AssetListQuery): AssetPage {
  const state = engineState(wb, ctx);
  const result = filteredSorted(state, query);
  const rows = result.slice(query.offset, query.offset + query.limit).map((asset) => toRow(state, asset));
  // The first text filter would build the search index; build it now, while the user reads.
  if (!state.memo.has('haystacks')) {
    setTimeout(() => {
      if (state === currentState(wb)) haystacks(state);
    }, 50).unref();
  }
  return { total: result.length, offset: query.offset, rows };
}

/** Ids of every asset matching the filter ("select all matching"). */
export function matchingIds(wb: OpenWorkbook, ctx: ServiceContext, filter: AssetFilter): number[] {
  return matchingAssets(engineState(wb, ctx), filter).map((a) => a.id);
}

function facet(counts: Map<string, number>): Facet[] {
  return [...counts.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

/** Distinct values with counts for the grid's filter menus. */
export function assetFacets(wb: OpenWorkbook, ctx: ServiceContext): AssetFacets {
  const state = engineState(wb, ctx);
  const bump = (map: Map<string, number>, key: string | null) => {
    if (key !== null && key !== '') map.set(key, (map.get(key) ?? 0) + 1);
  };
  const types = new Map<string, number>();
  const subs = new Map<string, number>();
  const groups = new Map<string, number>();
  const tagKeys = new Map<string, number>();
  const models = new Map<string, number>();
  const owners = new Map<number | 'none', number>();
  for (const a of state.input.assets) {
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
    serviceModels: facet(models),
    owners: [...owners.entries()]
      .map(([partyId, count]) => ({
        partyId,
        name: partyId === 'none' ? '(no owner)' : (state.partyById.get(partyId)?.name ?? `party #${partyId}`),
        count
      }))
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1))
  };
}

/** A RACI context per model, reused within one state (raci.ts caches lookups per object). */
export function raciContext(state: EngineState, asset: Pick<Asset, 'modelId'>): RaciContext {
  const model = modelOf(state, asset);
  const key = `raci:${model.id}`;
  let ctx = state.memo.get(key) as RaciContext | undefined;
  if (ctx === undefined) {
    ctx = { model, parties: state.input.parties, settings: state.input.settings };
    state.memo.set(key, ctx);
  }
  return ctx;
}

/** Everything the asset panel shows about one asset. */
export function assetDetail(wb: OpenWorkbook, ctx: ServiceContext, id: number): AssetDetail {
  const state = engineState(wb, ctx);
  const asset = requireAsset(state, id);
  const raciCtx = raciContext(state, asset);
  const model = raciCtx.model;
  const overrides = state.overridesByAsset.get(id) ?? [];
  const assignments = state.assignmentsByAsset.get(id) ?? [];
  const nameOf = (partyId: number) => state.partyById.get(partyId)?.name ?? `party #${partyId}`;
  const derived = deriveResponsibility(asset, model, overrides);
  const layers: AssetLayerDetail[] = derived.map((layer, i) => {
    const meta = model.layers[i]!;
    const override = overrides.find((o) => o.layerId === layer.layerId);
    const onLayer = assignments.filter((a) => a.layerId === layer.layerId);
    const raci = effectiveRaci(raciCtx, layer, asset.ownerPartyId, onLayer);
    const names = Object.fromEntries(RACI_ROLES.map((role) => [role, raci[role].map(nameOf)])) as Record<RaciRole, string[]>;
    const ruleErrors = validateRaci({ ...raciCtx, asset, overridesForAsset: overrides }, layer.layerId, onLayer).map((e) => ({
      rule: e.rule,
      message: e.message
    }));
    return {
      layerId: layer.layerId,
      title: meta.title,
      description: meta.description,
      permanentCustomer: meta.permanentCustomer,
      published: layer.published,
      responsibility: layer.responsibility,
      overridden: layer.overridden,
      justification: layer.justification,
      overrideBy: override?.by ?? null,
      overrideAt: override?.at ?? null,
      operatedBy: layer.operatedBy,
      raci,
      names,
      ruleErrors
    };
  });
  const findings = [...(state.findingsByAsset.get(id) ?? [])].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity)
  );
  const tool = matchSecurityTool(asset);
  return {
    asset: { ...asset, tags: { ...asset.tags } },
    owner: asset.ownerPartyId === null ? null : (state.partyById.get(asset.ownerPartyId) ?? null),
    model: { id: model.id, name: model.name, version: model.version },
    classification: { reason: asset.classificationReason, confidence: asset.classificationConfidence, needsReview: asset.needsReview },
    securityTool: tool?.label ?? null,
    layers,
    findings
  };
}
