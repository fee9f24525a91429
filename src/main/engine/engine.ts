/**
 * The engine room of one open workbook: its loaded state (engine input, findings, search index),
 * the sliced load after an open, and the rule that keeps the state true after every write — an
 * edit's operations are applied in place and the touched assets' findings checked again; any
 * other write (an import, settings, models) drops the state, which the next read loads again.
 * One Engine per OpenWorkbook: no state outside it.
 */
import type { Touched } from '@shared/contract/events';
import type { ServiceContext } from '../services/context';
import type { EditOp } from '../services/edit-ops';
import type { Db } from '../store/workbook-file';
import { applyEditToState } from './apply-edit';
import { loadEngineInput } from './input';
import { Loader } from './loader';
import { buildEngineState, type EngineState } from './state';

export class Engine {
  private loaded: EngineState | null = null;
  private loader: Loader | null = null;

  constructor(private readonly db: Db) {}

  /** The loaded state, or null when none is (not yet loaded, or dropped by a write). */
  get current(): EngineState | null {
    return this.loaded;
  }

  /** The state, loaded now if needed (finishing a sliced load under way). */
  state(ctx: ServiceContext): EngineState {
    if (this.loaded !== null) return this.loaded;
    const loader = this.loader;
    if (loader !== null) return loader.finish();
    this.loaded = buildEngineState(loadEngineInput({ db: this.db }, ctx));
    return this.loaded;
  }

  /** The state once a load under way has finished; the state at once otherwise. */
  async whenLoaded(ctx: ServiceContext): Promise<EngineState> {
    if (this.loader !== null) await this.loader.settled;
    return this.state(ctx);
  }

  /**
   * Starts loading the state in slices unless it is loaded or loading: after an open or an
   * import, so the first requests are answered while the rest loads.
   */
  startLoading(ctx: ServiceContext, options: { waitForFirstPage?: boolean } = {}): void {
    if (this.loaded !== null || this.loader !== null) return;
    const loader: Loader = new Loader(
      this.db,
      ctx,
      options.waitForFirstPage ?? false,
      (state) => {
        if (this.loader === loader) {
          this.loaded = state;
          this.loader = null;
        }
      },
      () => this.loader === loader && this.db.open
    );
    this.loader = loader;
    void loader.settled.then(() => {
      if (this.loader === loader) this.loader = null;
    });
  }

  /** Whether a sliced load is under way. */
  get isLoading(): boolean {
    return this.loader !== null;
  }

  /** Tells a load waiting for the grid's first page that it was answered. */
  firstPageServed(): void {
    this.loader?.pageServed();
  }

  /**
   * A write committed. An edit's operations are applied to the loaded state in place (only the
   * touched assets are checked again); anything else, or an edit while nothing is loaded, drops
   * the state and any load under way.
   * @returns the ids of the assets checked again in place, or null when the state was dropped
   */
  committed(touched: Touched, ops: readonly EditOp[] | null, at: string): ReadonlySet<number> | null {
    // The change log, the control mapping and the like are not part of the state.
    if (touched.assets === undefined && !touched.parties && !touched.settings && !touched.models && !touched.inventory && !touched.signOffs) return new Set();
    const inPlace = ops !== null && this.loaded !== null && !touched.settings && !touched.models && !touched.inventory && !touched.signOffs;
    if (inPlace && this.loaded !== null) return applyEditToState(this.loaded, ops, at);
    this.drop();
    return null;
  }

  /** Forgets the state and stops any load (a write it cannot follow, or the workbook closing). */
  drop(): void {
    this.loaded = null;
    const loader = this.loader;
    this.loader = null;
    loader?.stop();
  }
}
