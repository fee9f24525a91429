/**
 * Contract of the responsibility engine: assets, service models, owners, overrides, RACI,
 * parties, findings, models, dashboard, undo/redo. (The report is streamed by its readers, never
 * answered as one object: see src/main/services/report.ts.)
 */
import { z } from 'zod';
import {
  CellValueSchema,
  FINDING_CODES,
  PartyKindSchema,
  RaciRoleSchema,
  ServiceModelSchema,
  type Asset,
  type Finding,
  type FindingCode,
  type LayerRaci,
  type MissingModel,
  type Party,
  type RaciRole,
  type Responsibility,
  type ResponsibilityModel,
  type ServiceModel,
  type ServiceModelColumn,
  type ServiceModelCount,
  type Severity
} from '../domain';
import { ASSET_ATTRIBUTES, CriticalitySchema, DataClassificationSchema, EnvironmentSchema, type AssetAttribute } from '../asset-attributes';
import { AssetFilterSchema } from '../filter';
import { AssetProviderSchema } from '../import';
import { LIMITS, idSchema as id, isoDateSchema as isoDate, layerIdSchema, line, modelIdSchema, offsetSchema, pathSchema, text } from './bounds';

export const ASSET_SORT_COLUMNS = [
  'name',
  'type',
  'subscription',
  'resourceGroup',
  'location',
  'serviceModel',
  'owner',
  'findings',
  'lastReviewedAt',
  ...ASSET_ATTRIBUTES
] as const;
export type AssetSortColumn = (typeof ASSET_SORT_COLUMNS)[number];

export const engineMethods = {
  /** A window of the filtered, sorted inventory (the grid pages through it). */
  'assets.list': z
    .object({
      filter: AssetFilterSchema.default({}),
      sort: z.object({ column: z.enum(ASSET_SORT_COLUMNS), direction: z.enum(['asc', 'desc']) }).strict().optional(),
      offset: offsetSchema.default(0),
      limit: z.number().int().min(1).max(5000).default(200)
    })
    .strict(),
  /** Distinct values with counts, for the grid's filter menus. */
  'assets.facets': z.object({}).strict(),
  /** Ids of every asset matching a filter ("select all matching"). */
  'assets.matchingIds': z.object({ filter: AssetFilterSchema }).strict(),
  'assets.get': z.object({ id }).strict(),
  /**
   * One bulk edit of many assets: one transaction, one change-log entry naming the count, one
   * undo step. `expectedCount` (what the user confirmed) must equal the matching count.
   */
  'assets.update': z
    .object({
      filter: AssetFilterSchema,
      expectedCount: z.number().int().min(0).max(LIMITS.ids).optional(),
      set: z
        .object({
          serviceModel: ServiceModelSchema.nullable().optional(),
          ownerPartyId: id.nullable().optional(),
          modelId: modelIdSchema.nullable().optional(),
          reviewed: z.literal(true).optional(),
          /** null clears the attribute (not stated). */
          criticality: CriticalitySchema.nullable().optional(),
          dataClassification: DataClassificationSchema.nullable().optional(),
          environment: EnvironmentSchema.nullable().optional()
        })
        .strict()
        // A field sent as undefined (a structured clone keeps it) sets nothing either.
        .refine((set) => Object.values(set).some((value) => value !== undefined), 'nothing to set')
    })
    .strict(),
  'overrides.set': z
    .object({
      assetId: id,
      layerId: layerIdSchema,
      responsibility: CellValueSchema,
      justification: text(LIMITS.note).trim().min(1, 'a justification is required')
    })
    .strict(),
  'overrides.clear': z.object({ assetId: id, layerId: layerIdSchema }).strict(),
  /** Writes the note on one asset × layer (the export's Comments column); an empty note removes it. */
  'notes.set': z.object({ assetId: id, layerId: layerIdSchema, note: text(LIMITS.note) }).strict(),
  /** Sets the explicit parties of the given roles on one asset × layer; [] returns a role to its default. */
  'raci.set': z
    .object({
      assetId: id,
      layerId: layerIdSchema,
      roles: z.partialRecord(RaciRoleSchema, z.array(id).max(LIMITS.partiesPerRole))
    })
    .strict(),
  'parties.list': z.object({}).strict(),
  'parties.add': z
    .object({
      name: line(LIMITS.name).trim().min(1),
      kind: PartyKindSchema,
      email: z.string().max(LIMITS.email).trim().email().nullable().optional(),
      notes: text(LIMITS.note).nullable().optional()
    })
    .strict(),
  'parties.update': z
    .object({
      id,
      name: line(LIMITS.name).trim().min(1).optional(),
      kind: PartyKindSchema.optional(),
      email: z.string().max(LIMITS.email).trim().email().nullable().optional(),
      notes: text(LIMITS.note).nullable().optional()
    })
    .strict(),
  /** Marks a party as having left on a date; returns what they still hold. */
  'parties.leave': z.object({ id, leftAt: isoDate }).strict(),
  'parties.reactivate': z.object({ id }).strict(),
  'parties.holdings': z.object({ id }).strict(),
  /** Moves everything a party holds (ownership and explicit roles) to another, in one step. */
  'parties.reassign': z.object({ fromId: id, toId: id }).strict(),
  'findings.summary': z.object({}).strict(),
  'findings.list': z
    .object({
      code: z.enum(FINDING_CODES).optional(),
      assetId: id.optional(),
      offset: offsetSchema.default(0),
      limit: z.number().int().min(1).max(5000).default(500)
    })
    .strict(),
  'models.list': z.object({}).strict(),
  'models.get': z.object({ id: modelIdSchema }).strict(),
  'models.compare': z.object({ a: modelIdSchema, b: modelIdSchema }).strict(),
  /** Imports a custom model JSON file (native dialog without a path). */
  'models.import': z.object({ path: pathSchema.optional() }).strict(),
  'models.previewDefault': z.object({ modelId: modelIdSchema }).strict(),
  'models.setDefault': z.object({ modelId: modelIdSchema }).strict(),
  /** What reading a provider's assets under another model would change (modelId null: back to the default model). */
  'models.previewProvider': z.object({ provider: AssetProviderSchema, modelId: modelIdSchema.nullable() }).strict(),
  /** Reads a provider's assets (those without a model of their own) under a model; columns, overrides and roles move as previewed. */
  'models.setProvider': z.object({ provider: AssetProviderSchema, modelId: modelIdSchema.nullable() }).strict(),
  /** What moving the assets matching a filter to a model would change (modelId null: back to their provider's or the default model). */
  'assets.previewModel': z.object({ filter: AssetFilterSchema, modelId: modelIdSchema.nullable() }).strict(),
  'dashboard.get': z.object({}).strict(),
  'history.state': z.object({}).strict(),
  'history.undo': z.object({}).strict(),
  'history.redo': z.object({}).strict()
};

/** One row of the inventory grid. */
export interface AssetListRow {
  id: number;
  name: string;
  type: string | null;
  subscription: string | null;
  resourceGroup: string | null;
  location: string | null;
  tags: Record<string, string>;
  serviceModel: ServiceModel | null;
  /** The service model's label under the model the asset is read under. */
  serviceModelLabel: string | null;
  serviceModelSource: Asset['serviceModelSource'];
  needsReview: boolean;
  ownerPartyId: number | null;
  owner: string | null;
  findings: number;
  worstSeverity: Severity | null;
  lastReviewedAt: string | null;
  notSeenInLastImport: boolean;
  criticality: Asset['criticality'];
  dataClassification: Asset['dataClassification'];
  environment: Asset['environment'];
}

export interface AssetPage {
  total: number;
  offset: number;
  rows: AssetListRow[];
}

export interface Facet {
  value: string;
  count: number;
  /** How to show the value when it is not shown as is (a service model's label). */
  label?: string;
}

export interface AssetFacets {
  types: Facet[];
  subscriptions: Facet[];
  resourceGroups: Facet[];
  tagKeys: Facet[];
  serviceModels: Facet[];
  owners: { partyId: number | 'none'; name: string; count: number }[];
  /** Per attribute, each value held (and `none`) with its count, in the vocabulary's order. */
  attributes: Record<AssetAttribute, Facet[]>;
}

/** One layer of one asset in the asset panel. */
export interface AssetLayerDetail {
  layerId: string;
  title: string;
  description: string;
  permanentCustomer: boolean;
  published: Responsibility;
  responsibility: Responsibility;
  overridden: boolean;
  justification: string | null;
  overrideBy: string | null;
  overrideAt: string | null;
  /** The note on this layer (the export's Comments column), with who wrote it and when. */
  note: { text: string; by: string; at: string } | null;
  operatedBy: string | null;
  raci: LayerRaci;
  /** Party names per role, in the same order as raci's ids. */
  names: Record<RaciRole, string[]>;
  /** Rule errors of the RACI in force (re-checked like findings). */
  ruleErrors: { rule: string; message: string }[];
}

export interface AssetDetail {
  asset: Asset;
  owner: Party | null;
  /**
   * The model the asset is read under, its columns, and whether the asset chose it (else its
   * provider's or the default); `missing`: the model it is to be read under but the workbook does
   * not hold (then `id` is the model it is read under meanwhile), else null.
   */
  model: { id: string; name: string; version: string; serviceModels: ServiceModelColumn[]; own: boolean; missing: MissingModel | null };
  classification: { reason: string | null; confidence: Asset['classificationConfidence']; needsReview: boolean };
  securityTool: string | null;
  layers: AssetLayerDetail[];
  findings: Finding[];
}

export interface UpdateResult {
  count: number;
  summary: string;
}

export interface PartyHoldings {
  party: Party;
  ownerOf: { assetId: number; assetName: string }[];
  assignments: { assetId: number; assetName: string; layerId: string; layerTitle: string; role: RaciRole }[];
}

export interface PartyListEntry extends Party {
  /** Whether the party may own assets (core's canOwn: an active person or team). */
  canOwn: boolean;
  ownerOf: number;
  roles: Record<RaciRole, number>;
}

export interface FindingGroup {
  code: FindingCode;
  severity: Severity;
  count: number;
  assets: number;
  title: string;
  fix: string;
}

export interface FindingPage {
  total: number;
  rows: Finding[];
}

export interface ModelSummary {
  id: string;
  name: string;
  version: string;
  source: ResponsibilityModel['source'];
  builtin: boolean;
  isDefault: boolean;
  /**
   * Assets naming a model the workbook does not hold are read under this one: the default model,
   * or the first built-in one while the default itself is missing (MODEL_MISSING).
   */
  fallback: boolean;
  /** The providers whose assets (without a model of their own) are read under this model. */
  providers: string[];
  /** The model's columns in its order, with their labels. */
  serviceModels: ServiceModelColumn[];
  assetCount: number;
}

export interface ModelComparison {
  a: ModelSummary;
  b: ModelSummary;
  /** Aligned rows: each layer of either model with both cells per service model. */
  rows: {
    aLayerId: string | null;
    bLayerId: string | null;
    aTitle: string | null;
    bTitle: string | null;
    cells: { serviceModel: ServiceModel; a: Responsibility | null; b: Responsibility | null; differs: boolean }[];
  }[];
  differenceCount: number;
}

export interface ModelChangeSummary {
  /** The model(s) the assets are read under now (several when the assets chose different ones). */
  fromModelId: string;
  toModelId: string;
  /** Which assets move, in words ("the 120 assets of provider aws without a model of their own"). */
  assets: string;
  assetCount: number;
  assetsAffected: number;
  /** Service-model columns the new model does not declare, and the column those assets take (null: none fits; they become unclassified). */
  serviceModelMoves: { from: ServiceModel; fromLabel: string; to: ServiceModel | null; toLabel: string | null; count: number }[];
  layerChanges: number;
  orphanedOverrides: number;
  orphanedAssignments: number;
  refusedOverrides: number;
  /** Up to 200 example lines in plain words. */
  examples: string[];
}

export interface Dashboard {
  assets: number;
  /** Every column of each model in use (the default model's first), then the unclassified. */
  assetsByServiceModel: ServiceModelCount[];
  layersByResponsibility: Record<Responsibility, number>;
  /** Customer and shared asset × layers with exactly one active A and at least one active R. */
  raciCompleteness: { complete: number; total: number };
  findingsBySeverity: Record<Severity, number>;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export interface EngineOutputs {
  'assets.list': AssetPage;
  'assets.facets': AssetFacets;
  'assets.matchingIds': number[];
  'assets.get': AssetDetail;
  'assets.update': UpdateResult;
  'overrides.set': AssetDetail;
  'overrides.clear': AssetDetail;
  'notes.set': AssetDetail;
  'raci.set': AssetDetail;
  'parties.list': PartyListEntry[];
  'parties.add': Party;
  'parties.update': Party;
  'parties.leave': PartyHoldings;
  'parties.reactivate': Party;
  'parties.holdings': PartyHoldings;
  'parties.reassign': UpdateResult;
  'findings.summary': FindingGroup[];
  'findings.list': FindingPage;
  'models.list': ModelSummary[];
  'models.get': ResponsibilityModel;
  'models.compare': ModelComparison;
  'models.import': ModelSummary | null;
  'models.previewDefault': ModelChangeSummary;
  'models.setDefault': ModelChangeSummary;
  'models.previewProvider': ModelChangeSummary;
  'models.setProvider': ModelChangeSummary;
  'assets.previewModel': ModelChangeSummary;
  'dashboard.get': Dashboard;
  'history.state': HistoryState;
  'history.undo': HistoryState;
  'history.redo': HistoryState;
}
