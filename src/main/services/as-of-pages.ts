/**
 * The workbook as it was, read as the report of now is read: the file's pages of assets in id
 * order (workbookPages), each laid under the rewind of the later entries (as-of-plan.ts). A page
 * whose assets no later entry touched is the file's page with the assets created after the moment
 * left out; a page some did touch has those entries' operations applied to its own rows with the
 * engine's in-place edit code (apply-edit.ts). What every page shares — settings, parties, the
 * sign-offs — is rewound once. So an answer costs the report's pass over the file plus the size of
 * the rewind, never a load of the whole workbook; findings are per asset, so each page's are
 * those of the workbook then.
 */
import { assetIdsOf, isAssetRowOp } from '@core/audit/entry-change';
import { groupByAsset } from '@core/engine-index';
import type { EngineInput, FindingAsset } from '@core/engine-input';
import type { EnginePages } from '@core/report';
import type { Asset, Party, ResponsibilityModel, WorkbookSettings } from '@shared/domain';
import type { SignOffItem, SignOffRecord } from '@shared/sign-off';
import type { AsOfInfo } from '@shared/as-of';
import { applyEditToRows, applyEditToState, editRowsOf } from '../engine/apply-edit';
import { ASSETS_PER_PAGE, findingPages, workbookPages } from '../engine/input';
import { buildEngineState, type EngineState } from '../engine/state';
import { distinctAssetModelsAt, listAssets } from '../store/repos/assets';
import { signOffOf } from './as-of-carried';
import { planAsOf, type AsOfPlan } from './as-of-plan';
import type { OpenWorkbook, ServiceContext } from './context';
import type { EditOp } from './edit-ops';

/** The workbook as it was, as pages: what they share, and fresh passes over them. */
export interface AsOfPages<A extends FindingAsset = Asset> {
  info: AsOfInfo;
  settings: WorkbookSettings;
  models: Record<string, ResponsibilityModel>;
  parties: Party[];
  signOffRecords: SignOffRecord[];
  /** The models and providers of the assets then (for the report's head; a scan of the file, so only when asked). */
  assetModels: () => Pick<Asset, 'modelId' | 'provider'>[];
  pages: EnginePages<A>;
}

/** The part of `op` that reaches the assets in `ids` (null: none). */
function opWithin(op: EditOp, ids: ReadonlySet<number>): EditOp | null {
  switch (op.op) {
    case 'patchAssets': {
      const mine = op.ids.filter((id) => ids.has(id));
      return mine.length === 0 ? null : { ...op, ids: mine };
    }
    case 'putAssignments':
    case 'deleteAssignments': {
      const rows = op.rows.filter((r) => ids.has(r.assetId));
      return rows.length === 0 ? null : { ...op, rows };
    }
    case 'putAction':
    case 'deleteAction': {
      const assetIds = op.row.assetIds.filter((id) => ids.has(id));
      return assetIds.length === 0 ? null : { ...op, row: { ...op.row, assetIds } };
    }
    default:
      return isAssetRowOp(op) && assetIdsOf(op).some((id) => ids.has(id)) ? op : null;
  }
}

/** Operations with the range of asset ids each reaches, so a page skips the ones outside its own at a glance. */
interface RangedOp {
  op: EditOp;
  min: number;
  max: number;
}

function ranged(ops: readonly EditOp[]): RangedOp[] {
  const out: RangedOp[] = [];
  for (const op of ops) {
    if (!isAssetRowOp(op)) continue;
    const ids = assetIdsOf(op);
    if (ids.length === 0) continue;
    let min = Infinity;
    let max = -Infinity;
    for (const id of ids) {
      if (id < min) min = id;
      if (id > max) max = id;
    }
    out.push({ op, min, max });
  }
  return out;
}

/** What a page is rewound with, beside the operations. */
interface PageRewind<A extends FindingAsset> extends Pick<AsOfPlan, 'signOffsLater' | 'assetsBrought'> {
  at: string;
  /** The assets a later entry took out, as they were (whole rows, read as the pages read theirs). */
  assetsPutBack: ReadonlyMap<number, A>;
  /** The items of the sign-offs put back (they replace the file's items of the same sign-offs). */
  putBackItems: readonly SignOffItem[];
}

const itemOrder = (a: SignOffItem, b: SignOffItem): number =>
  a.signOffId - b.signOffId || a.assetId - b.assetId || (a.layerId ?? '').localeCompare(b.layerId ?? '');

/**
 * A page (or any set of assets with their rows) as it was: the assets created after `at` left
 * out, the operations that reach the others applied to its rows, rows of assets not there dropped.
 */
function rewindInput<A extends FindingAsset>(page: EngineInput<A>, ops: readonly RangedOp[], plan: PageRewind<A>): EngineInput<A> {
  const { at, signOffsLater } = plan;
  const assets = page.assets.map((a) => plan.assetsPutBack.get(a.id) ?? a).filter((a) => a.createdAt <= at && !plan.assetsBrought.has(a.id));
  const ids = new Set(assets.map((a) => a.id));
  let first = Infinity;
  let last = -Infinity;
  for (const a of assets) {
    if (a.id < first) first = a.id;
    if (a.id > last) last = a.id;
  }
  const mine: EditOp[] = [];
  for (const r of ops) {
    if (r.max < first || r.min > last) continue;
    const op = opWithin(r.op, ids);
    if (op !== null) mine.push(op);
  }
  let input: EngineInput<A> = { ...page, assets };
  if (mine.length > 0) {
    // The edit code patches assets in place (and only assets: it replaces rows): the patched ones
    // are copied, so a page read from the live state leaves it alone.
    const patched = new Set(mine.flatMap((op) => (op.op === 'patchAssets' ? op.ids : [])));
    input = applyEditToRows(editRowsOf({ ...input, assets: assets.map((a) => (patched.has(a.id) ? { ...a } : a)) }), mine, at, new Set());
  }
  const exists = (row: { assetId: number }) => ids.has(row.assetId);
  const { signOffs } = input;
  const putBack = new Set(plan.putBackItems.map((i) => i.signOffId));
  const items = (list: readonly SignOffItem[]): SignOffItem[] =>
    plan.putBackItems.length === 0 ? [...list] : [...list.filter((i) => !putBack.has(i.signOffId)), ...plan.putBackItems].sort(itemOrder);
  return {
    ...input,
    overrides: input.overrides.filter(exists),
    assignments: input.assignments.filter(exists),
    notes: (input.notes ?? []).filter(exists),
    actions: (input.actions ?? []).filter(exists),
    ...(signOffs ? { signOffs: { records: signOffs.records, items: items(signOffs.items).filter((i) => exists(i) && !signOffsLater.has(i.signOffId)) } } : {}),
    now: at
  };
}

/** What the pages share, as read now. */
interface SharedNow {
  settings: WorkbookSettings;
  models: Record<string, ResponsibilityModel>;
  parties: Party[];
  signOffRecords: SignOffRecord[];
}

/** The plan laid over pages read now (see the module comment). */
function layOver<A extends FindingAsset>(wb: OpenWorkbook, plan: AsOfPlan, now: SharedNow, source: EnginePages<A>, putBackAssets: ReadonlyMap<number, A>): AsOfPages<A> {
  const { at } = plan.info;
  const settings = plan.settingsThen(now.settings);
  const models = plan.modelsThen(now.models);
  const common = { settings, models, parties: rewoundParties({ settings, models, parties: now.parties }, plan.partyOps, at) };
  const putBack = plan.signOffsPutBack.map(signOffOf);
  const putBackIds = new Set(putBack.map((s) => s.record.id));
  const signOffRecords = [...now.signOffRecords.filter((s) => !plan.signOffsLater.has(s.id) && !putBackIds.has(s.id)), ...putBack.map((s) => s.record)].sort((a, b) => a.id - b.id);
  const rewind: PageRewind<A> = { at, signOffsLater: plan.signOffsLater, assetsBrought: plan.assetsBrought, assetsPutBack: putBackAssets, putBackItems: putBack.flatMap((s) => s.items) };
  const ops = ranged(plan.assetOps);
  // Assets put back that the file no longer holds: laid in among the file's pages in id order.
  const inFile = new Set(listAssets(wb.db, { ids: [...plan.assetsPutBack.keys()] }).map((a) => a.id));
  const outside = [...putBackAssets.values()].filter((a) => !inFile.has(a.id)).sort((a, b) => a.id - b.id);
  const pageOf = (assets: A[]): EngineInput<A> =>
    rewindInput({ ...common, assets, overrides: [], assignments: [], notes: [], actions: [], signOffs: { records: signOffRecords, items: [] }, now: at }, ops, rewind);
  function* pages(): Generator<EngineInput<A>> {
    let next = 0;
    for (const page of source()) {
      const first = page.assets[0]?.id ?? Infinity;
      const before: A[] = [];
      while (next < outside.length && outside[next]!.id < first) before.push(outside[next++]!);
      if (before.length > 0) yield pageOf(before);
      const then = rewindInput({ ...page, ...common, signOffs: { records: signOffRecords, items: page.signOffs?.items ?? [] } }, ops, rewind);
      if (then.assets.length > 0) yield then;
    }
    if (next < outside.length) yield pageOf(outside.slice(next));
  }
  return { info: plan.info, ...common, signOffRecords, assetModels: () => assetModelsThen(wb, common, plan, ops, { ...rewind, assetsPutBack: plan.assetsPutBack }), pages };
}

/**
 * The workbook as it was at `requested` (a day, an instant or `#entry`), as the file's pages of
 * `pageSize` assets (fewer once rewound): what `report --as-of` and `check --as-of` stream.
 */
export function asOfPages(wb: OpenWorkbook, ctx: ServiceContext, requested: string, pageSize?: number): AsOfPages {
  const plan = planAsOf(wb, ctx, requested);
  const { shared, pages } = workbookPages(wb, ctx, pageSize);
  return layOver(wb, plan, shared, pages, plan.assetsPutBack);
}

/** The same with only the fields the findings read of each asset (findingPages): what `check --as-of` reads. */
export function asOfFindingPages(wb: OpenWorkbook, ctx: ServiceContext, requested: string, pageSize?: number): AsOfPages<FindingAsset> {
  const plan = planAsOf(wb, ctx, requested);
  const { shared, pages } = findingPages(wb, ctx, pageSize);
  return layOver<FindingAsset>(wb, plan, shared, pages, plan.assetsPutBack);
}

/** The same, over the pages of a state already loaded (the app's): nothing read from the file but the log. */
export function asOfPagesOfState(wb: OpenWorkbook, ctx: ServiceContext, requested: string, live: EngineState): AsOfPages {
  const plan = planAsOf(wb, ctx, requested);
  const { input } = live;
  return layOver(wb, plan, { settings: input.settings, models: input.models, parties: input.parties, signOffRecords: input.signOffs?.records ?? [] }, statePages(live), plan.assetsPutBack);
}

/** A loaded state's assets as pages of engine input, each with its own rows (as workbookPages reads the file). */
function statePages(state: EngineState): EnginePages {
  const { input } = state;
  const actions = groupByAsset(input.actions ?? []);
  const items = groupByAsset(input.signOffs?.items ?? []);
  return function* pages() {
    for (let from = 0; from < input.assets.length; from += ASSETS_PER_PAGE) {
      const assets = input.assets.slice(from, from + ASSETS_PER_PAGE);
      const of = <T>(byAsset: Map<number, T[]>): T[] => assets.flatMap((a) => byAsset.get(a.id) ?? []);
      yield {
        ...input,
        assets,
        overrides: of(state.overridesByAsset),
        assignments: of(state.assignmentsByAsset),
        notes: of(state.notesByAsset),
        actions: of(actions),
        signOffs: { records: input.signOffs?.records ?? [], items: of(items) }
      };
    }
  };
}

/** What every page shares. */
type Common = Pick<EngineInput, 'settings' | 'models' | 'parties'>;

/** The parties as they were: the later entries' party operations applied to today's list. */
function rewoundParties(common: Common, ops: readonly EditOp[], at: string): Party[] {
  if (ops.length === 0) return common.parties;
  const state = buildEngineState({ ...common, assets: [], overrides: [], assignments: [], now: at });
  applyEditToState(state, ops, at);
  return state.input.parties;
}

/**
 * The (model, provider) of every asset then: the file's, but for the assets a later entry moved to
 * another model or put back, which are read (or taken as put back) and rewound here (a few, next
 * to the inventory).
 */
function assetModelsThen(wb: OpenWorkbook, common: Common, plan: AsOfPlan, ops: readonly RangedOp[], rewind: PageRewind<Asset>): Pick<Asset, 'modelId' | 'provider'>[] {
  const { at } = plan.info;
  const moved = [...new Set(plan.assetOps.flatMap((op) => (op.op === 'patchAssets' && 'modelId' in op.patch ? op.ids : [])))];
  const putBack = [...plan.assetsPutBack.keys()];
  const fromFile = distinctAssetModelsAt(wb.db, at, [...moved, ...plan.assetsBrought, ...putBack]);
  if (moved.length === 0 && putBack.length === 0) return fromFile;
  const read = listAssets(wb.db, { ids: moved }).filter((a) => !plan.assetsPutBack.has(a.id));
  const assets = [...read, ...plan.assetsPutBack.values()].sort((a, b) => a.id - b.id);
  const then = rewindInput({ ...common, assets, overrides: [], assignments: [], now: at }, ops, { ...rewind, signOffsLater: new Set(), putBackItems: [] });
  return [...fromFile, ...then.assets];
}
