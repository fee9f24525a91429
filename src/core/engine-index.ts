/**
 * Indexes built once per engine run so the per-asset loop does lookups, not searches:
 * parties by id, overrides and assignments grouped by asset, and each model compiled into
 * per-service-model columns with its parties already mapped to workbook party ids.
 */
import type {
  Asset,
  CellValue,
  LayerNote,
  LayerOverride,
  Party,
  RaciAssignment,
  ResponsibilityModel,
  ServiceModel
} from '@shared/domain';
import type { EngineInput, OpenActionRow } from './engine-input';
import { getCell } from './model-cells';
import { readModelId } from './model-references';
import { assetModelId } from './service-models';
import { defaultCustomerParty, resolveModelParties } from './raci';

export interface CompiledCell {
  responsibility: CellValue;
  /** Model party id operating the layer, or null. */
  operatedBy: string | null;
  /** The same as a workbook party id (null when unnamed or not in the workbook). */
  operator: number | null;
}

export interface CompiledLayer {
  id: string;
  title: string;
  permanent: boolean;
  /** The workbook's default team for this layer, when it names an existing party. */
  team: number | null;
}

export interface CompiledModel {
  model: ResponsibilityModel;
  layers: CompiledLayer[];
  layerIndex: Map<string, number>;
  /** Per service model, the cells in layer order. */
  columns: Partial<Record<ServiceModel, CompiledCell[]>>;
  /** The workbook party standing for the model's provider, or null. */
  provider: number | null;
}

export interface EngineIndex {
  partyById: Map<number, Party>;
  overridesByAsset: RowsByAsset<LayerOverride>;
  assignmentsByAsset: RowsByAsset<RaciAssignment>;
  /** Notes by asset (findings read only where they are: a layer the model lacks). */
  notesByAsset: RowsByAsset<LayerNote>;
  /** Open workshop actions by asset (few: a plain map). */
  actionsByAsset: RowsByAsset<OpenActionRow>;
  /** The compiled model an asset is read under (model-references.ts readModelId). */
  modelFor(asset: Pick<Asset, 'id' | 'modelId'>): CompiledModel;
  nowMs: number;
}

/** Rows grouped by asset id, read once per asset in the engine's loop. */
export interface RowsByAsset<T> {
  get(assetId: number): T[] | undefined;
}

/** Rows grouped by asset id, keeping their order; only the assets `keep` accepts when given. */
export function groupByAsset<T extends { assetId: number }>(rows: readonly T[], keep?: (assetId: number) => boolean): Map<number, T[]> {
  const byAsset = new Map<number, T[]>();
  for (const row of rows) {
    if (keep !== undefined && !keep(row.assetId)) continue;
    const list = byAsset.get(row.assetId);
    if (list === undefined) byAsset.set(row.assetId, [row]);
    else list.push(row);
  }
  return byAsset;
}

/**
 * groupByAsset for the engine's loop. Asset ids are SQLite row ids, dense in practice: then an
 * array indexed by id replaces a 100k-entry Map, whose lookups miss the CPU cache. Rows of
 * assets outside `assets` are dropped in that mode; nobody asks for them.
 */
function indexByAsset<T extends { assetId: number }>(rows: readonly T[], assets: readonly Pick<Asset, 'id'>[]): RowsByAsset<T> {
  let max = -1;
  let integral = true;
  for (const a of assets) {
    if (!Number.isInteger(a.id) || a.id < 0) integral = false;
    else if (a.id > max) max = a.id;
  }
  if (!(integral && max >= 0 && max <= 2 * assets.length + 1024)) return groupByAsset(rows);
  const dense: (T[] | undefined)[] = new Array<T[] | undefined>(max + 1).fill(undefined);
  for (const row of rows) {
    if (!(row.assetId >= 0 && row.assetId <= max)) continue;
    const list = dense[row.assetId];
    if (list === undefined) dense[row.assetId] = [row];
    else list.push(row);
  }
  return { get: (assetId) => dense[assetId] };
}

/**
 * Milliseconds of an ISO 8601 date or date-time. A date-time without a zone is read as UTC
 * (SQLite writes `YYYY-MM-DD HH:MM:SS`), so results never depend on the machine's time zone.
 */
export function parseInstant(text: string): number {
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(text);
  return Date.parse(local === null ? text : `${local[1] ?? ''}T${local[2] ?? ''}Z`);
}

function compileModel(model: ResponsibilityModel, input: IndexedInput, partyById: Map<number, Party>): CompiledModel {
  const modelParties = resolveModelParties(model, input.parties);
  const providerKey = model.parties.find((p) => p.kind === 'provider')?.id;
  const columns: Partial<Record<ServiceModel, CompiledCell[]>> = {};
  for (const serviceModel of model.serviceModels) {
    columns[serviceModel] = model.layers.map((layer) => {
      const cell = getCell(model, layer.id, serviceModel);
      const operatedBy = cell?.operatedBy ?? null;
      return {
        // parseModel guarantees a cell per layer and service model; `customer` is only a fallback.
        responsibility: cell?.responsibility ?? 'customer',
        operatedBy,
        operator: operatedBy === null ? null : (modelParties.get(operatedBy) ?? null)
      };
    });
  }
  const exists = (id: number): boolean => partyById.has(id);
  return {
    model,
    layers: model.layers.map((l) => ({
      id: l.id,
      title: l.title,
      permanent: l.permanentCustomer,
      // With no owner passed, the result is the team or null.
      team: defaultCustomerParty(l.id, null, input.settings, exists)
    })),
    layerIndex: new Map(model.layers.map((l, i) => [l.id, i])),
    columns,
    provider: providerKey === undefined ? null : (modelParties.get(providerKey) ?? null)
  };
}

/** An engine input of assets read at least as far as their model choice. */
type IndexedInput = EngineInput<Pick<Asset, 'id' | 'modelId' | 'provider'>>;

/**
 * Builds the indexes for one engine run. An asset naming a model `input.models` lacks is read
 * under the fallback model (readModelId); the findings report it (MODEL_MISSING).
 * @throws Error when `now` is not a date
 */
export function indexEngineInput(input: IndexedInput): EngineIndex {
  const nowMs = parseInstant(input.now);
  if (Number.isNaN(nowMs)) throw new Error(`now must be an ISO 8601 date-time, got "${input.now}"`);
  const partyById = new Map(input.parties.map((p) => [p.id, p]));
  const compiled = new Map<string, CompiledModel>();
  // Keyed by the id an asset names; a missing one maps to the compiled fallback (model-references.ts).
  const modelFor = (asset: Pick<Asset, 'id' | 'modelId' | 'provider'>): CompiledModel => {
    const named = assetModelId(asset, input.settings);
    let found = compiled.get(named);
    if (found === undefined) {
      const id = readModelId(asset, input.settings, input.models);
      found = compiled.get(id) ?? compileModel(input.models[id]!, input, partyById);
      compiled.set(id, found);
      compiled.set(named, found);
    }
    return found;
  };
  return {
    partyById,
    overridesByAsset: indexByAsset(input.overrides, input.assets),
    assignmentsByAsset: indexByAsset(input.assignments, input.assets),
    notesByAsset: indexByAsset(input.notes ?? [], input.assets),
    actionsByAsset: groupByAsset(input.actions ?? []),
    modelFor,
    nowMs
  };
}
