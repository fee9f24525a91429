/**
 * The workbook report (src/shared/report.ts): the one document `demarc report --json` prints
 * and the exports are written from. Deterministic: assets by id, layers in model order, party
 * names sorted by code unit (not locale, so every machine writes the same bytes).
 *
 * The report is never built whole: its head (workbook, models, parties) is small, and its assets
 * and findings come a page of assets at a time. A finding, like a report entry, depends on one
 * asset (its own overrides and assignments; parties, models and settings are shared), so a page's
 * entries are computed from that page's input alone, exactly as the whole workbook's would be.
 */
import {
  RACI_ROLES,
  type Asset,
  type Party,
  type RaciRole,
  type ResponsibilityModel,
  type WorkbookSettings
} from '@shared/domain';
import { ASSET_ATTRIBUTES } from '@shared/asset-attributes';
import {
  REPORT_FORMAT_VERSION,
  type RaciEntry,
  type ReportAsset,
  type ReportFinding,
  type ReportHead,
  type ReportLayer,
  type ReportModel,
  type ReportModelLayer,
  type ReportParty
} from '@shared/report';
import { deriveResponsibility } from './derive';
import type { EngineInput, FindingAsset } from './engine-input';
import type { ReportPage } from './report-source';
import type { DiffedAsset } from './roundtrip/shown';
import { groupByAsset, indexEngineInput } from './engine-index';
import { findingsInSlices } from './findings';
import { getCell, getProviderParty } from './model-cells';
import { fallbackModelId, readModelId } from './model-references';
import { serviceModelColumns } from './service-models';
import { effectiveRaci, type RaciContext } from './raci';

/** What decides the model an asset is read under (see readModelId). */
export type AssetModelChoice = Pick<Asset, 'modelId' | 'provider'>;

/** What the report's head says about a workbook. */
export interface ReportHeadInput {
  workbookName: string;
  /** The workbook file's format version (not the report's). */
  formatVersion: number;
  lastChangeAt: string | null;
  settings: WorkbookSettings;
  /** Every model the workbook can use, by id. */
  models: Record<string, ResponsibilityModel>;
  parties: readonly Party[];
  /** What decides each asset's model (its own choice, its provider), in any order, repeats allowed. */
  assetModels: Iterable<AssetModelChoice>;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function reportModel(model: ResponsibilityModel): ReportModel {
  const layers: ReportModelLayer[] = model.layers.map((layer) => {
    const cells: ReportModelLayer['cells'] = {};
    for (const serviceModel of model.serviceModels) {
      const cell = getCell(model, layer.id, serviceModel);
      if (cell !== null) cells[serviceModel] = cell.responsibility;
    }
    return { id: layer.id, title: layer.title, description: layer.description, permanentCustomer: layer.permanentCustomer, cells };
  });
  return {
    id: model.id,
    name: model.name,
    version: model.version,
    source: { ...model.source },
    serviceModels: [...model.serviceModels],
    serviceModelLabels: Object.fromEntries(serviceModelColumns(model).map((c) => [c.id, c.label])),
    providerName: getProviderParty(model)?.name ?? '',
    layers
  };
}

/**
 * The ids of the models in use: the workbook default first (the fallback when the default is not
 * in the workbook), then the others assets are read under, by id.
 */
function modelsInUse(
  settings: WorkbookSettings,
  models: Record<string, ResponsibilityModel>,
  assetModels: Iterable<AssetModelChoice>
): string[] {
  const first = fallbackModelId(settings, models);
  const others = new Set<string>();
  for (const asset of assetModels) {
    const id = readModelId(asset, settings, models);
    if (id !== first) others.add(id);
  }
  return [first, ...[...others].sort(byCodeUnit)];
}

/**
 * The report's head: format, workbook, the models in use, the parties by name. An asset naming a
 * model the workbook lacks counts under the model it is read under (readModelId).
 */
export function reportHead(input: ReportHeadInput): ReportHead {
  const models = modelsInUse(input.settings, input.models, input.assetModels).map((id) => reportModel(input.models[id]!));
  const parties: ReportParty[] = [...input.parties]
    .sort((a, b) => byCodeUnit(a.name, b.name) || a.id - b.id)
    .map((p) => ({ id: p.id, name: p.name, kind: p.kind, active: p.active, leftAt: p.leftAt }));
  return {
    format: 'demarc-report',
    formatVersion: REPORT_FORMAT_VERSION,
    workbook: {
      name: input.workbookName,
      organisation: input.settings.organisation,
      formatVersion: input.formatVersion,
      defaultModelId: input.settings.defaultModelId,
      reviewPeriodDays: input.settings.reviewPeriodDays,
      lastChangeAt: input.lastChangeAt
    },
    models,
    parties
  };
}

/**
 * Layers shared by the assets that have nothing of their own on them (no override, assignment or
 * note): theirs follow from the model, the service model and the owner alone, so one computed,
 * frozen array serves every such asset of a pass (a few dozen arrays for 100k assets). Valid for
 * one pass: the parties and settings of its pages are the same.
 */
export type SharedLayers = Map<string, readonly ReportLayer[]>;

/** What an asset's layers follow from, besides its own overrides, assignments and notes. */
const LAYER_ASSET_FIELDS = ['id', 'modelId', 'provider', 'serviceModel', 'ownerPartyId'] as const satisfies readonly (keyof Asset)[];
type LayerAsset = Pick<Asset, (typeof LAYER_ASSET_FIELDS)[number]>;

/**
 * What a pass for the RACI table reads of each asset: what its layers follow from, and what the
 * table shows. The round trip reads the same (diffedEntriesOf): the Matrix sheet's other cells
 * (model, owner, service model) follow from the layers' fields.
 */
export const RACI_ASSET_FIELDS = [...LAYER_ASSET_FIELDS, 'name', ...ASSET_ATTRIBUTES] as const;
export type RaciAsset = Pick<Asset, (typeof RACI_ASSET_FIELDS)[number]>;

/** The layers of a page's assets, asset by asset, and the names of the page's parties. */
interface PageLayers {
  nameOf: (partyId: number) => string;
  /** The model the asset is read under (readModelId) and its layers, in the model's order. */
  layersOf: (asset: LayerAsset) => { modelId: string; layers: readonly ReportLayer[] };
}

function pageLayers(page: EngineInput<LayerAsset>, shared: SharedLayers): PageLayers {
  const index = indexEngineInput(page);
  const nameOf = (id: number): string => index.partyById.get(id)?.name ?? `party #${id}`;
  const names = (ids: readonly number[]): string[] => (ids.length === 0 ? [] : ids.length === 1 ? [nameOf(ids[0]!)] : ids.map(nameOf).sort(byCodeUnit));
  const contexts = new Map<string, RaciContext>();
  const notes = groupByAsset(page.notes ?? []);
  return {
    nameOf,
    layersOf: (asset) => {
      const compiled = index.modelFor(asset);
      const model = compiled.model;
      let ctx = contexts.get(model.id);
      if (ctx === undefined) {
        ctx = { model, parties: page.parties, settings: page.settings };
        contexts.set(model.id, ctx);
      }
      const raciContext = ctx;
      const assignments = index.assignmentsByAsset.get(asset.id) ?? [];
      const overrides = index.overridesByAsset.get(asset.id) ?? [];
      const assetNotes = notes.get(asset.id);
      const layersOf = (): ReportLayer[] =>
        deriveResponsibility(asset, model, overrides).map((layer, i) => {
          const raci = effectiveRaci(raciContext, layer, asset.ownerPartyId, assignments);
          const defaultRoles: RaciRole[] = RACI_ROLES.filter((r) => raci.defaultRoles.includes(r));
          return {
            layerId: layer.layerId,
            title: compiled.layers[i]?.title ?? layer.layerId,
            responsibility: layer.responsibility,
            published: layer.published,
            overridden: layer.overridden,
            justification: layer.justification,
            note: assetNotes?.find((n) => n.layerId === layer.layerId)?.note ?? null,
            R: names(raci.R),
            A: names(raci.A),
            C: names(raci.C),
            I: names(raci.I),
            defaultRoles
          };
        });
      if (assignments.length > 0 || overrides.length > 0 || assetNotes !== undefined) return { modelId: model.id, layers: layersOf() };
      const key = `${model.id}\u0000${asset.serviceModel ?? ''}\u0000${asset.ownerPartyId ?? ''}`;
      let layers = shared.get(key);
      if (layers === undefined) shared.set(key, (layers = deepFreeze(layersOf())));
      return { modelId: model.id, layers };
    }
  };
}

/**
 * The report entries of a page of assets, in the page's order (pages come in id order), from the
 * page's input: its assets with their own overrides, assignments and notes, and everything they
 * share. An asset naming a model the workbook lacks is reported under the model it is read under
 * (readModelId), with its MODEL_MISSING finding. Entries are read-only: an entry's layers may be
 * shared with other entries (`shared`, kept across the pages of one pass), and its tags and
 * other columns are the asset's own objects.
 * @throws Error if `page.now` is not a date
 */
export function reportAssetsOf(page: EngineInput, shared: SharedLayers = new Map()): ReportAsset[] {
  const { nameOf, layersOf } = pageLayers(page, shared);
  return page.assets.map((asset) => {
    const { modelId, layers } = layersOf(asset);
    return {
      id: asset.id,
      externalId: asset.externalId,
      name: asset.name,
      type: asset.type,
      subscription: asset.subscription,
      resourceGroup: asset.resourceGroup,
      location: asset.location,
      tags: asset.tags,
      extra: asset.extra,
      criticality: asset.criticality,
      dataClassification: asset.dataClassification,
      environment: asset.environment,
      serviceModel: asset.serviceModel,
      serviceModelSource: asset.serviceModelSource,
      classificationReason: asset.classificationReason,
      classificationConfidence: asset.classificationConfidence,
      needsReview: asset.needsReview,
      modelId,
      owner: asset.ownerPartyId === null ? null : nameOf(asset.ownerPartyId),
      lastReviewedAt: asset.lastReviewedAt,
      notSeenInLastImport: asset.notSeenInLastImport,
      layers: layers as ReportLayer[]
    };
  });
}

/**
 * The RACI table's entries of a page of assets: what reportAssetsOf gives for them, as far as the
 * table reads (the same layers, shared the same way), from a page read no further than RaciAsset.
 * @throws Error as reportAssetsOf
 */
export function raciEntriesOf(page: EngineInput<RaciAsset>, shared: SharedLayers = new Map()): RaciEntry[] {
  const { layersOf } = pageLayers(page, shared);
  return page.assets.map((asset) => ({
    id: asset.id,
    name: asset.name,
    criticality: asset.criticality,
    dataClassification: asset.dataClassification,
    environment: asset.environment,
    layers: layersOf(asset).layers as ReportLayer[]
  }));
}

/**
 * What the round trip compares of a page of assets (DiffedAsset): what reportAssetsOf gives for
 * them, as far as the RACI and Matrix sheets show (the same layers, shared the same way), from a
 * page read no further than RaciAsset.
 * @throws Error as reportAssetsOf
 */
export function diffedEntriesOf(page: EngineInput<RaciAsset>, shared: SharedLayers = new Map()): DiffedAsset[] {
  const { nameOf, layersOf } = pageLayers(page, shared);
  return page.assets.map((asset) => {
    const { modelId, layers } = layersOf(asset);
    return {
      id: asset.id,
      name: asset.name,
      modelId,
      owner: asset.ownerPartyId === null ? null : nameOf(asset.ownerPartyId),
      serviceModel: asset.serviceModel,
      layers: layers as ReportLayer[],
      criticality: asset.criticality,
      dataClassification: asset.dataClassification,
      environment: asset.environment
    };
  });
}

/** Layers shared between entries, frozen so that no reader can change one entry through another. */
function deepFreeze(layers: ReportLayer[]): readonly ReportLayer[] {
  for (const layer of layers) {
    for (const role of RACI_ROLES) Object.freeze(layer[role]);
    Object.freeze(layer.defaultRoles);
    Object.freeze(layer);
  }
  return Object.freeze(layers);
}

/**
 * The findings of a page of assets, asset by asset in the page's order.
 * @throws Error as reportAssetsOf
 */
export function reportFindingsOf(page: EngineInput<FindingAsset>): ReportFinding[] {
  const run = findingsInSlices(page);
  run.next(page.assets.length);
  return run.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    assetId: f.assetId,
    asset: f.assetName,
    layerId: f.layerId,
    message: f.message,
    fix: f.fix
  }));
}

/** A fresh pass over a workbook's pages of assets: each page's input, in id order. */
export type EnginePages<A extends Pick<Asset, 'id'> = Asset> = () => Iterable<EngineInput<A>>;

/** The RACI table's entries, page by page. */
export function* raciEntryPages(pages: () => Iterable<EngineInput<RaciAsset>>): Generator<RaciEntry[]> {
  const shared: SharedLayers = new Map();
  for (const page of pages()) yield raciEntriesOf(page, shared);
}

/** The report entries, page by page. */
export function* reportAssetPages(pages: EnginePages): Generator<ReportAsset[]> {
  const shared: SharedLayers = new Map();
  for (const page of pages()) yield reportAssetsOf(page, shared);
}

/** The findings, page by page. */
export function* reportFindingPages(pages: EnginePages<FindingAsset>): Generator<ReportFinding[]> {
  for (const page of pages()) yield reportFindingsOf(page);
}

/** Entries and findings together, page by page, from one read of each page. */
export function* reportPages(pages: EnginePages): Generator<ReportPage> {
  const shared: SharedLayers = new Map();
  for (const page of pages()) yield { assets: reportAssetsOf(page, shared), findings: reportFindingsOf(page) };
}
