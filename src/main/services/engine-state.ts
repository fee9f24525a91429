/**
 * The loaded engine input of an open workbook and its findings, kept in memory between calls.
 *
 * The grid pages through 100k assets and answers a filter keystroke in tens of milliseconds, so
 * nothing is re-read per call: the arrays, the findings and their per-asset index live here,
 * cached per OpenWorkbook and per revision. write() bumps the revision after every write, so the
 * next read reloads; a failed write changes nothing and costs at most one reload.
 *
 * Loading 100k assets and their findings takes about a second. After an open the app loads in
 * slices (startLoading), answering requests between them; a read that needs the state meanwhile
 * finishes the remaining slices at once (engineState), one that can wait awaits it (whenLoaded).
 */
import { computeFindings, findingsInSlices } from '@core/findings';
import type { EngineInput } from '@core/engine-input';
import { BUILTIN_MODELS } from '@core/models';
import {
  SEVERITIES,
  type Asset,
  type Finding,
  type LayerOverride,
  type RaciAssignment,
  type FindingCode,
  type Party,
  type ResponsibilityModel,
  type Severity
} from '@shared/domain';
import { DemarcError } from '@shared/errors';
import { listAssets } from '../store/repos/assets';
import { fillCharSets, SearchIndex, searchText } from './search-index';
import type { OpenWorkbook, ServiceContext } from './context';
import { engineInputOf, loadEngineInput } from './engine-input';

/**
 * The loaded input plus indexes. Findings are computed lazily, on the first read after a change,
 * so a bulk edit answers before the (whole-workbook) findings pass runs.
 */
export class EngineState {
  /** Built-in ids, so callers can tell them from imported ones. */
  readonly builtinIds: ReadonlySet<string> = new Set(Object.keys(BUILTIN_MODELS));
  assetById: Map<number, Asset>;
  partyById: Map<number, Party>;
  overridesByAsset: Map<number, LayerOverride[]>;
  assignmentsByAsset: Map<number, RaciAssignment[]>;
  /** Lazily built sort orders (positions into input.assets), keyed by column and direction. */
  sorted = new Map<string, Int32Array>();
  /** Lazily built values other services derive once per revision (dashboard...). */
  memo = new Map<string, unknown>();
  private indexed: ReturnType<typeof indexFindings> | null = null;
  private search: SearchIndex | null = null;

  constructor(
    public input: EngineInput,
    public revision: number,
    /** The assets by id, when the loader has built it already. */
    assetById?: Map<number, Asset>
  ) {
    this.assetById = assetById ?? new Map(input.assets.map((a) => [a.id, a]));
    this.partyById = new Map(input.parties.map((p) => [p.id, p]));
    this.overridesByAsset = groupRows(input.overrides);
    this.assignmentsByAsset = groupRows(input.assignments);
  }

  private get index(): ReturnType<typeof indexFindings> {
    this.indexed ??= indexFindings(computeFindings(this.input));
    return this.indexed;
  }

  /** Findings computed elsewhere (in slices) for the current input. */
  setFindings(findings: Finding[]): void {
    this.indexed = indexFindings(findings);
  }

  /**
   * The text search over the assets, in input order. Edits never change the fields it holds
   * (AssetPatch has none of them; an import reloads the state), so it outlives changed().
   */
  get searchIndex(): SearchIndex {
    this.search ??= new SearchIndex(this.input.assets);
    return this.search;
  }

  /** A search index built elsewhere (in slices) for the current assets. */
  setSearchIndex(index: SearchIndex): void {
    this.search = index;
  }

  get findings(): Finding[] {
    return this.index.findings;
  }

  get findingsByAsset(): Map<number, Finding[]> {
    return this.index.byAsset;
  }

  get findingCodes(): Map<number, Set<FindingCode>> {
    return this.index.codes;
  }

  /** Index into SEVERITIES of an asset's worst finding (0 = error). */
  get worstSeverity(): Map<number, number> {
    return this.index.worst;
  }

  /** After the input changed in place: drop everything derived from it. */
  changed(revision: number): void {
    this.revision = revision;
    this.indexed = null;
    this.sorted.clear();
    this.memo.clear();
  }
}

const revisions = new WeakMap<OpenWorkbook, number>();
const states = new WeakMap<OpenWorkbook, EngineState>();

/** Marks the workbook's loaded state stale: called by write() after every write. */
export function bumpRevision(wb: OpenWorkbook): void {
  revisions.set(wb, (revisions.get(wb) ?? 0) + 1);
}

export function currentRevision(wb: OpenWorkbook): number {
  return revisions.get(wb) ?? 0;
}

/** Rows grouped by asset id (a plain Map: the services look up single assets). */
function groupRows<T extends { assetId: number }>(rows: readonly T[]): Map<number, T[]> {
  const byAsset = new Map<number, T[]>();
  for (const row of rows) {
    const list = byAsset.get(row.assetId);
    if (list === undefined) byAsset.set(row.assetId, [row]);
    else list.push(row);
  }
  return byAsset;
}

function indexFindings(findings: Finding[]) {
  const byAsset = new Map<number, Finding[]>();
  const codes = new Map<number, Set<FindingCode>>();
  const worst = new Map<number, number>();
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  for (const f of findings) {
    const list = byAsset.get(f.assetId);
    if (list === undefined) {
      byAsset.set(f.assetId, [f]);
      codes.set(f.assetId, new Set([f.code]));
      worst.set(f.assetId, rank[f.severity]);
    } else {
      list.push(f);
      codes.get(f.assetId)?.add(f.code);
      if (rank[f.severity] < (worst.get(f.assetId) ?? 3)) worst.set(f.assetId, rank[f.severity]);
    }
  }
  return { findings, byAsset, codes, worst };
}

/** Builds a state from an input, checking every model in use is loaded. */
export function buildEngineState(input: EngineInput, revision: number, assetById?: Map<number, Asset>): EngineState {
  const assetModels = new Set(input.assets.map((a) => a.modelId ?? input.settings.defaultModelId));
  for (const id of assetModels) {
    if (input.models[id] === undefined) {
      throw new DemarcError(
        'NOT_FOUND',
        `The responsibility model "${id}" is in use but not in this workbook; import it again.`
      );
    }
  }
  return new EngineState(input, revision, assetById);
}

/** The cached state if it is current (for applying an edit in place rather than reloading). */
export function currentState(wb: OpenWorkbook): EngineState | null {
  const cached = states.get(wb);
  return cached !== undefined && cached.revision === currentRevision(wb) ? cached : null;
}

/** The engine state of the workbook at its current revision, loaded on first use after a write. */
export function engineState(wb: OpenWorkbook, ctx: ServiceContext): EngineState {
  const revision = currentRevision(wb);
  const cached = states.get(wb);
  if (cached !== undefined && cached.revision === revision) return cached;
  const loader = loaders.get(wb);
  const state =
    loader !== undefined && loader.revision === revision
      ? loader.finish()
      : buildEngineState(loadEngineInput(wb, ctx), revision);
  states.set(wb, state);
  return state;
}

/** Per slice: assets read, assets checked for findings, search texts built; each some 20-30 ms. */
const ASSET_SLICE = 5_000;
const FINDINGS_SLICE = 20_000;
const TEXT_SLICE = 20_000;

/**
 * The state built a slice at a time: each yield is a point where other requests are answered.
 * The slices read the workbook at one revision; the loader is dropped if a write comes between.
 */
function* loadInSlices(wb: OpenWorkbook, ctx: ServiceContext, revision: number): Generator<undefined, EngineState> {
  const assets: Asset[] = [];
  const assetById = new Map<number, Asset>();
  for (let afterId = 0; ; ) {
    const slice = listAssets(wb.db, { afterId, limit: ASSET_SLICE });
    for (const asset of slice) {
      assets.push(asset);
      assetById.set(asset.id, asset);
    }
    if (slice.length < ASSET_SLICE) break;
    afterId = slice[slice.length - 1]!.id;
    yield;
  }
  yield;
  const state = buildEngineState(engineInputOf(wb, ctx, assets), revision, assetById);
  yield;
  const findings = findingsInSlices(state.input);
  while (!findings.next(FINDINGS_SLICE)) yield;
  state.setFindings(findings.findings);
  yield;
  const texts: string[] = [];
  const charSets = new Int32Array(assets.length * 2);
  for (let from = 0; from < assets.length; from += TEXT_SLICE) {
    const to = Math.min(assets.length, from + TEXT_SLICE);
    for (let i = from; i < to; i++) texts.push(searchText(assets[i]!));
    fillCharSets(texts, from, to, charSets);
    yield;
  }
  const index = new SearchIndex(assets, texts, charSets);
  state.setSearchIndex(index);
  yield;
  // A search now, while nobody waits: the user's first keystroke then runs compiled search loops.
  index.warmUp();
  return state;
}

class Loader {
  /** Settles when the loader stops: finished, dropped after a write, or failed. */
  readonly settled: Promise<void>;
  private resolve!: () => void;
  private readonly steps: Generator<undefined, EngineState>;
  private result: EngineState | null = null;

  private begun = false;

  constructor(
    private readonly wb: OpenWorkbook,
    readonly revision: number,
    ctx: ServiceContext,
    waitForFirstPage: boolean
  ) {
    this.steps = loadInSlices(wb, ctx, revision);
    this.settled = new Promise((resolve) => (this.resolve = resolve));
    if (waitForFirstPage) this.beginAfter(FIRST_PAGE_WAIT_MS);
    else this.begin();
  }

  private begin(): void {
    if (this.begun) return;
    this.begun = true;
    this.schedule();
  }

  private beginAfter(ms: number): void {
    setTimeout(() => this.begin(), ms).unref();
  }

  /** The grid's first page was answered from the store: begin once it has had time to paint. */
  pageServed(): void {
    if (!this.begun) this.beginAfter(PAINT_GRACE_MS);
  }

  private schedule(): void {
    setImmediate(() => this.tick());
  }

  /** Stops; whoever waits then reads the state itself (engineState), reporting any failure. */
  private stop(): void {
    if (loaders.get(this.wb) === this) loaders.delete(this.wb);
    this.resolve();
  }

  private tick(): void {
    if (this.result !== null || loaders.get(this.wb) !== this) return;
    // Closed, or a write came between two slices (what was read is not one revision): stop.
    if (!this.wb.db.open || currentRevision(this.wb) !== this.revision) return this.stop();
    try {
      const step = this.steps.next();
      if (step.done) this.keep(step.value);
      else this.schedule();
    } catch {
      this.stop();
    }
  }

  private keep(state: EngineState): EngineState {
    this.result = state;
    states.set(this.wb, state);
    this.stop();
    return state;
  }

  /** The remaining slices, now (the revision is still the loader's: engineState checks). */
  finish(): EngineState {
    if (this.result !== null) return this.result;
    try {
      let step = this.steps.next();
      while (!step.done) step = this.steps.next();
      return this.keep(step.value);
    } catch (error) {
      this.stop();
      throw error;
    }
  }
}

const loaders = new WeakMap<OpenWorkbook, Loader>();

/**
 * After an open or an import the renderer draws the workbench and asks for the grid's first page,
 * which is read from the store: the slices wait until that page is answered and painted (or
 * until FIRST_PAGE_WAIT_MS if none is asked for), so they do not compete with the first paint.
 */
const FIRST_PAGE_WAIT_MS = 500;
const PAINT_GRACE_MS = 300;

/**
 * Starts loading the state in slices unless it is loaded or loading: called after an open or an
 * import, so the first requests are answered while the rest loads.
 */
export function startLoading(wb: OpenWorkbook, ctx: ServiceContext, options: { waitForFirstPage?: boolean } = {}): void {
  if (currentState(wb) !== null || isLoading(wb)) return;
  loaders.set(wb, new Loader(wb, currentRevision(wb), ctx, options.waitForFirstPage ?? false));
}

/** Tells a load waiting for the grid's first page that it was answered. */
export function firstPageServed(wb: OpenWorkbook): void {
  loaders.get(wb)?.pageServed();
}

/** Whether a sliced load of the current revision is under way. */
export function isLoading(wb: OpenWorkbook): boolean {
  return loaders.get(wb)?.revision === currentRevision(wb);
}

/** The state once a load under way has finished; the state at once otherwise. */
export async function whenLoaded(wb: OpenWorkbook, ctx: ServiceContext): Promise<EngineState> {
  const loader = loaders.get(wb);
  if (loader !== undefined && loader.revision === currentRevision(wb)) await loader.settled;
  return engineState(wb, ctx);
}

/** The severity name of a worst-severity rank. */
export function severityOfRank(rank: number | undefined): Severity | null {
  return rank === undefined ? null : (SEVERITIES[rank] ?? null);
}

/** A value derived once per revision (e.g. the dashboard's counts). */
export function memoised<T>(state: EngineState, key: string, build: () => T): T {
  if (state.memo.has(key)) return state.memo.get(key) as T;
  const value = build();
  state.memo.set(key, value);
  return value;
}

/** The model an asset uses. */
export function modelOf(state: EngineState, asset: Pick<Asset, 'modelId'>): ResponsibilityModel {
  const id = asset.modelId ?? state.input.settings.defaultModelId;
  const model = state.input.models[id];
  if (model === undefined)
    throw new DemarcError('NOT_FOUND', `The responsibility model "${id}" is not in this workbook.`);
  return model;
}

/** The asset with this id, or NOT_FOUND. */
export function requireAsset(state: EngineState, id: number): Asset {
  const asset = state.assetById.get(id);
  if (asset === undefined) throw new DemarcError('NOT_FOUND', `No asset has id ${id}.`);
  return asset;
}

/** The party with this id, or NOT_FOUND. */
export function requireParty(state: EngineState, id: number): Party {
  const party = state.partyById.get(id);
  if (party === undefined) throw new DemarcError('NOT_FOUND', `No party has id ${id}.`);
  return party;
}
