/**
 * The loaded engine input of an open workbook with what is derived from it: indexes by id, the
 * findings by asset, the search index, sort orders and memos. Owned by the workbook's Engine
 * (engine.ts), which keeps it in step with every write.
 */
import { computeFindings } from '@core/findings';
import type { EngineInput } from '@core/engine-input';
import { BUILTIN_MODELS } from '@core/models';
import {
  SEVERITIES,
  type Asset,
  type Finding,
  type FindingCode,
  type LayerNote,
  type LayerOverride,
  type Party,
  type RaciAssignment,
  type ResponsibilityModel,
  type Severity
} from '@shared/domain';
import { DemarcError } from '@shared/errors';
import { readModelId } from '@core/model-references';
import { editRowsOf } from './apply-edit';
import { FindingsIndex } from './findings-index';
import { SearchIndex } from './search-index';

/**
 * The loaded input plus indexes. Findings are computed lazily, on the first read, so a bulk edit
 * answers before a whole-workbook findings pass runs; after an edit only the assets it touched
 * are checked again (refreshFindings).
 */
export class EngineState {
  /** Built-in ids, so callers can tell them from imported ones. */
  readonly builtinIds: ReadonlySet<string> = new Set(Object.keys(BUILTIN_MODELS));
  readonly assetById: Map<number, Asset>;
  readonly partyById: Map<number, Party>;
  readonly overridesByAsset: Map<number, LayerOverride[]>;
  readonly assignmentsByAsset: Map<number, RaciAssignment[]>;
  readonly notesByAsset: Map<number, LayerNote[]>;
  /** Lazily built sort orders (positions into input.assets), keyed by column and direction. */
  readonly sorted = new Map<string, Int32Array>();
  /** Lazily built values other services derive once per state (dashboard, kept results…). */
  readonly memo = new Map<string, unknown>();
  private indexed: FindingsIndex | null = null;
  /** Assets whose findings an edit made stale, checked on the next read of the findings. */
  private readonly stale = new Set<number>();
  private search: SearchIndex | null = null;

  constructor(
    public input: EngineInput,
    /** The assets by id, when the loader has built it already. */
    assetById?: Map<number, Asset>
  ) {
    ({
      assetById: this.assetById,
      partyById: this.partyById,
      overridesByAsset: this.overridesByAsset,
      assignmentsByAsset: this.assignmentsByAsset,
      notesByAsset: this.notesByAsset
    } = editRowsOf(input, assetById));
  }

  private get index(): FindingsIndex {
    if (this.indexed === null) {
      this.indexed = new FindingsIndex(computeFindings(this.input), () => this.input.assets);
      this.stale.clear();
    } else if (this.stale.size > 0) this.recheck(this.indexed);
    return this.indexed;
  }

  /** Findings computed elsewhere (in slices) for the current input. */
  setFindings(findings: Finding[]): void {
    this.indexed = new FindingsIndex(findings, () => this.input.assets);
    this.stale.clear();
  }

  /**
   * Marks these assets for checking again after an edit changed them (in place); the next read of
   * the findings checks them, leaving every other asset's findings as they were. A bulk edit thus
   * answers before its assets are checked, and ten edits in a row check each asset once.
   */
  refreshFindings(assetIds: ReadonlySet<number>): void {
    if (this.indexed === null) return;
    for (const id of assetIds) this.stale.add(id);
  }

  private recheck(index: FindingsIndex): void {
    const assets: Asset[] = [];
    const overrides: LayerOverride[] = [];
    const assignments: RaciAssignment[] = [];
    const notes: LayerNote[] = [];
    for (const id of this.stale) {
      const asset = this.assetById.get(id);
      if (asset === undefined) continue;
      assets.push(asset);
      overrides.push(...(this.overridesByAsset.get(id) ?? []));
      assignments.push(...(this.assignmentsByAsset.get(id) ?? []));
      notes.push(...(this.notesByAsset.get(id) ?? []));
    }
    const ids = [...this.stale];
    this.stale.clear();
    index.replace(ids, computeFindings({ ...this.input, assets, overrides, assignments, notes }));
  }

  /**
   * The text search over the assets, in input order. Edits never change the fields it holds
   * (AssetPatch has none of them; an import reloads the state), so it outlives them.
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
    return this.index.all;
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

  /** After an edit changed the input in place: drop the orders and memos derived from it. */
  invalidateDerived(): void {
    this.sorted.clear();
    this.memo.clear();
  }
}

/**
 * Builds a state from an input. An asset naming a model the workbook does not hold is read under
 * another (readModelId) and has a MODEL_MISSING finding: opening changes nothing in the file.
 */
export function buildEngineState(input: EngineInput, assetById?: Map<number, Asset>): EngineState {
  return new EngineState(input, assetById);
}

/** The severity name of a worst-severity rank. */
export function severityOfRank(rank: number | undefined): Severity | null {
  return rank === undefined ? null : (SEVERITIES[rank] ?? null);
}

/** A value derived once per state and edit (e.g. the dashboard's counts). */
export function memoised<T>(state: EngineState, key: string, build: () => T): T {
  if (state.memo.has(key)) return state.memo.get(key) as T;
  const value = build();
  state.memo.set(key, value);
  return value;
}

/** The model an asset is read under (the fallback when the one it names is not in the workbook). */
export function modelOf(state: EngineState, asset: Pick<Asset, 'modelId' | 'provider'>): ResponsibilityModel {
  return state.input.models[readModelId(asset, state.input.settings, state.input.models)]!;
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
