/**
 * The loaded engine input of an open workbook and its findings, kept in memory between calls.
 *
 * The grid pages through 100k assets and answers a filter keystroke in tens of milliseconds, so
 * nothing is re-read per call: the arrays, the findings and their per-asset index live here,
 * cached per OpenWorkbook and per revision. write() bumps the revision after every write, so the
 * next read reloads; a failed write changes nothing and costs at most one reload.
 */
import { computeFindings } from '../../core/findings';
import type { EngineInput } from '../../core/engine-input';
import { BUILTIN_MODELS, ModelError, parseModel } from '../../core/models';
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
} from '../../shared/domain';
import { DemarcError } from '../../shared/errors';
import { listAssets } from '../store/repos/assets';
import { listCustomModels } from '../store/repos/custom-models';
import { readSettings } from '../store/repos/meta';
import { listParties } from '../store/repos/parties';
import { listAssignments, listOverrides } from '../store/repos/responsibility';
import type { Db } from '../store/workbook-file';
import type { OpenWorkbook, ServiceContext } from './context';

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
  /** Lazily built sort orders (asset arrays), keyed by column and direction. */
  sorted = new Map<string, Asset[]>();
  /** Lazily built values other services derive once per revision (dashboard...). */
  memo = new Map<string, unknown>();
  private indexed: ReturnType<typeof indexFindings> | null = null;

  constructor(
    public input: EngineInput,
    public revision: number
  ) {
    this.assetById = new Map(input.assets.map((a) => [a.id, a]));
    this.partyById = new Map(input.parties.map((p) => [p.id, p]));
    this.overridesByAsset = groupRows(input.overrides);
    this.assignmentsByAsset = groupRows(input.assignments);
  }

  private get index(): ReturnType<typeof indexFindings> {
    this.indexed ??= indexFindings(computeFindings(this.input));
    return this.indexed;
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

/** Custom models stored in the workbook, parsed; a broken row is reported rather than skipped. */
export function loadCustomModels(db: Db): ResponsibilityModel[] {
  return listCustomModels(db).map((row) => {
    try {
      return parseModel(JSON.parse(row.json) as unknown, `custom model "${row.id}"`);
    } catch (error) {
      const message = error instanceof ModelError || error instanceof Error ? error.message : String(error);
      throw new DemarcError('BAD_FILE', `The workbook's custom model "${row.id}" cannot be read: ${message}`);
    }
  });
}

/** Every model the workbook can use: the built-in ones, then its imported ones. */
export function loadModels(db: Db): Record<string, ResponsibilityModel> {
  const models: Record<string, ResponsibilityModel> = { ...BUILTIN_MODELS };
  for (const model of loadCustomModels(db)) models[model.id] = model;
  return models;
}

/** Reads everything the engine needs from the workbook. */
export function loadEngineInput(wb: OpenWorkbook, ctx: ServiceContext): EngineInput {
  return {
    settings: readSettings(wb.db, ctx.osUser),
    models: loadModels(wb.db),
    assets: listAssets(wb.db),
    parties: listParties(wb.db),
    overrides: listOverrides(wb.db),
    assignments: listAssignments(wb.db),
    now: ctx.clock()
  };
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
export function buildEngineState(input: EngineInput, revision: number): EngineState {
  const assetModels = new Set(input.assets.map((a) => a.modelId ?? input.settings.defaultModelId));
  for (const id of assetModels) {
    if (input.models[id] === undefined) {
      throw new DemarcError('NOT_FOUND', `The responsibility model "${id}" is in use but not in this workbook; import it again.`);
    }
  }
  return new EngineState(input, revision);
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
  const state = buildEngineState(loadEngineInput(wb, ctx), revision);
  states.set(wb, state);
  return state;
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
  if (model === undefined) throw new DemarcError('NOT_FOUND', `The responsibility model "${id}" is not in this workbook.`);
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
