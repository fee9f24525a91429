/**
 * Loading a large workbook's engine state a slice at a time. Loading 100k assets and their
 * findings takes about a second; after an open the app loads in slices, answering requests
 * between them. A read that needs the state meanwhile finishes the remaining slices at once.
 */
import { findingsInSlices } from '@core/findings';
import type { Asset } from '@shared/domain';
import type { ServiceContext } from '../services/context';
import { listAssets } from '../store/repos/assets';
import type { Db } from '../store/workbook-file';
import { engineInputOf } from './input';
import { fillCharSets, SearchIndex, searchText } from './search-index';
import { buildEngineState, type EngineState } from './state';

/** Per slice: assets read, assets checked for findings, search texts built; each some 20-30 ms. */
const ASSET_SLICE = 5_000;
const FINDINGS_SLICE = 20_000;
const TEXT_SLICE = 20_000;

/**
 * After an open or an import the renderer draws the workbench and asks for the grid's first page,
 * which is read from the store: the slices wait until that page is answered and painted (or
 * until FIRST_PAGE_WAIT_MS if none is asked for), so they do not compete with the first paint.
 */
const FIRST_PAGE_WAIT_MS = 500;
const PAINT_GRACE_MS = 300;

/** The state built a slice at a time: each yield is a point where other requests are answered. */
function* loadInSlices(db: Db, ctx: ServiceContext): Generator<undefined, EngineState> {
  const assets: Asset[] = [];
  const assetById = new Map<number, Asset>();
  for (let afterId = 0; ; ) {
    const slice = listAssets(db, { afterId, limit: ASSET_SLICE });
    for (const asset of slice) {
      assets.push(asset);
      assetById.set(asset.id, asset);
    }
    if (slice.length < ASSET_SLICE) break;
    afterId = slice[slice.length - 1]!.id;
    yield;
  }
  yield;
  const state = buildEngineState(engineInputOf(db, ctx, assets), assetById);
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

/**
 * One sliced load of one revision of a workbook. The engine drops it when a write comes between
 * two slices (what was read would not be one revision) or the workbook closes.
 */
export class Loader {
  /** Settles when the loader stops: finished, dropped, or failed. */
  readonly settled: Promise<void>;
  private resolve!: () => void;
  private readonly steps: Generator<undefined, EngineState>;
  private result: EngineState | null = null;
  private begun = false;
  private stopped = false;

  /**
   * @param keep called with the finished state
   * @param stillWanted false once the load should stop (a write, a close, a newer loader)
   */
  constructor(
    db: Db,
    ctx: ServiceContext,
    waitForFirstPage: boolean,
    private readonly keep: (state: EngineState) => void,
    private readonly stillWanted: () => boolean
  ) {
    this.steps = loadInSlices(db, ctx);
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

  /** Stops; whoever waits then reads the state itself, reporting any failure. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.resolve();
  }

  private tick(): void {
    if (this.stopped || this.result !== null) return;
    if (!this.stillWanted()) return this.stop();
    try {
      const step = this.steps.next();
      if (step.done) this.finished(step.value);
      else this.schedule();
    } catch {
      this.stop();
    }
  }

  private finished(state: EngineState): EngineState {
    this.result = state;
    this.keep(state);
    this.stop();
    return state;
  }

  /** The remaining slices, now. */
  finish(): EngineState {
    if (this.result !== null) return this.result;
    try {
      let step = this.steps.next();
      while (!step.done) step = this.steps.next();
      return this.finished(step.value);
    } catch (error) {
      this.stop();
      throw error;
    }
  }
}
