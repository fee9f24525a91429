/**
 * The domain vocabulary shared by core, main, preload, renderer and CLI.
 * Plain JSON data only (no Map/Set/Date): payloads cross IPC as structured clone
 * in Electron and as JSON in tests.
 */
import { z } from 'zod';
import type { Criticality, DataClassification, Environment } from './asset-attributes';
import { LIMITS } from './contract/bounds';

/**
 * A service model is a column its responsibility model declares: Microsoft's and Google's
 * onprem/iaas/paas/saas, AWS's infrastructure/container/abstracted, a custom model's own ids.
 * Which ids an asset may take is its model's business (`model.serviceModels`).
 */
export const ServiceModelSchema = z
  .string()
  .max(LIMITS.slug)
  .regex(/^[a-z][a-z0-9-]*$/, 'service model id: lower-case letters, digits and dashes, starting with a letter');
export type ServiceModel = string;

/**
 * The classifier's vocabulary (NIST SP 800-145's three service models plus on-premises): what a
 * resource type is before a model names its column. A model column says which of these it
 * receives (`serviceModelDetails[column].standard`, implied for a column with one of these ids).
 */
export const STANDARD_SERVICE_MODELS = ['onprem', 'iaas', 'paas', 'saas'] as const;
export const StandardServiceModelSchema = z.enum(STANDARD_SERVICE_MODELS);
export type StandardServiceModel = z.infer<typeof StandardServiceModelSchema>;

/** The usual labels of the standard columns (a model may label its columns otherwise). */
export const STANDARD_SERVICE_MODEL_LABELS: Record<StandardServiceModel, string> = {
  onprem: 'On-premises',
  iaas: 'IaaS',
  paas: 'PaaS',
  saas: 'SaaS'
};

/** A published cell: who carries a layer under a service model. */
export const CELL_VALUES = ['provider', 'customer', 'shared'] as const;
export const CellValueSchema = z.enum(CELL_VALUES);
export type CellValue = z.infer<typeof CellValueSchema>;

/** A derived responsibility: a cell, or `unknown` when the asset has no service model. */
export const RESPONSIBILITIES = ['provider', 'customer', 'shared', 'unknown'] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];

export const PARTY_KINDS = ['person', 'team', 'provider', 'third_party'] as const;
export const PartyKindSchema = z.enum(PARTY_KINDS);
export type PartyKind = z.infer<typeof PartyKindSchema>;

export const RACI_ROLES = ['R', 'A', 'C', 'I'] as const;
export const RaciRoleSchema = z.enum(RACI_ROLES);
export type RaciRole = z.infer<typeof RaciRoleSchema>;

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * A model cell. Either a plain value, or a value plus the model party that operates the
 * layer for the customer (e.g. a managed-service provider running IaaS VMs).
 */
export const ModelCellSchema = z.union([
  CellValueSchema,
  z.object({ responsibility: CellValueSchema, operatedBy: z.string().min(1) }).strict()
]);
export type ModelCell = z.infer<typeof ModelCellSchema>;

export const ModelLayerSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'layer id: lower-case letters, digits and dashes'),
    /** The row title: the published one verbatim where it can be cited, else the model's own words (its source note says which). */
    title: z.string().min(1),
    /** A short description in our own words. */
    description: z.string().min(1),
    /** The customer keeps this layer under every service model; it can never go to the provider. */
    permanentCustomer: z.boolean()
  })
  .strict();
export type ModelLayer = z.infer<typeof ModelLayerSchema>;

export const ModelPartySchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    kind: z.enum(['provider', 'third_party'])
  })
  .strict();
export type ModelParty = z.infer<typeof ModelPartySchema>;

/** A published, versioned responsibility model (a file in resources/models or imported by a user). */
export const ResponsibilityModelSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'model id: lower-case letters, digits and dashes'),
    name: z.string().min(1),
    version: z.string().min(1),
    source: z
      .object({
        title: z.string().min(1),
        url: z.string().url(),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        /** How the model was read from its source: what is quoted, what is the model's own reading, what could not be read. */
        note: z.string().min(1).optional()
      })
      .strict(),
    /** The model's columns (service models), in the order a matrix shows them. */
    serviceModels: z.array(ServiceModelSchema).min(1),
    /**
     * A column's label, what it covers, and the classifier's standard service model it receives
     * (AWS's infrastructure ← iaas); a column whose id is a standard one has its usual label and
     * receives itself unless it says otherwise.
     */
    serviceModelDetails: z
      .record(
        z.string(),
        z.object({ label: z.string().min(1), description: z.string().min(1).optional(), standard: StandardServiceModelSchema.optional() }).strict()
      )
      .optional(),
    /** The provider party (id `provider` by convention) and any third parties in the chain. */
    parties: z.array(ModelPartySchema).min(1),
    layers: z.array(ModelLayerSchema).min(1),
    /** cells[layerId][serviceModel] for every layer and every covered service model. */
    cells: z.record(z.string(), z.record(z.string(), ModelCellSchema))
  })
  .strict();
export type ResponsibilityModel = z.infer<typeof ResponsibilityModelSchema>;

/** One column of a model as pickers, grids and exports show it. */
export interface ServiceModelColumn {
  id: ServiceModel;
  label: string;
  description: string | null;
  /** The classifier's standard service model this column receives (null: none). */
  standard: StandardServiceModel | null;
}

/** Assets per column of the models in use (every column of each, zeros too), unclassified last with modelId null. */
export interface ServiceModelCount {
  modelId: string | null;
  modelName: string | null;
  serviceModel: ServiceModel | null;
  /** The column's label under its model ("Unclassified" for the last row). */
  label: string;
  count: number;
}

export const CLASSIFICATION_SOURCES = ['classifier', 'manual', 'import'] as const;
export type ClassificationSource = (typeof CLASSIFICATION_SOURCES)[number];

/** What the classifier says of a resource type. */
export interface Classification {
  /** A column of the model the asset is read under (the classifier itself answers a standard one). */
  serviceModel: ServiceModel | null;
  confidence: 'high' | 'medium' | 'low' | 'none';
  /** The reason in plain words, shown to the user. */
  reason: string;
  /** Known-ambiguous types (AKS, AVD, storage accounts...) are flagged rather than trusted. */
  needsReview: boolean;
}

export interface Asset {
  id: number;
  /** The import key: lower-cased ARM id, or a composite key when there is none. */
  key: string;
  /** The ARM resource id or CMDB id as read (original case). */
  externalId: string | null;
  name: string;
  /** ARM type as read (e.g. Microsoft.Compute/virtualMachines) or a CMDB category. */
  type: string | null;
  kind: string | null;
  /** SKU name when the source gives one (e.g. WAF_v2). */
  sku: string | null;
  /** The resource that manages this one, as the source states it (ARM `managedBy`). */
  managedBy: string | null;
  /** azure | onprem | cmdb | other */
  provider: string | null;
  subscription: string | null;
  resourceGroup: string | null;
  location: string | null;
  tags: Record<string, string>;
  /** The import file's columns that map to no field (an IP, cores, the OS…), as read. */
  extra: Record<string, string>;
  /** How much the business depends on it (null: not stated); vocabularies in asset-attributes.ts. */
  criticality: Criticality | null;
  /** The most sensitive data it holds (null: not stated). */
  dataClassification: DataClassification | null;
  /** Production, staging, QA, test or development (null: not stated). */
  environment: Environment | null;
  serviceModel: ServiceModel | null;
  serviceModelSource: ClassificationSource | null;
  classificationReason: string | null;
  classificationConfidence: Classification['confidence'] | null;
  needsReview: boolean;
  /** null: the workbook's default model. */
  modelId: string | null;
  ownerPartyId: number | null;
  lastReviewedAt: string | null;
  notSeenInLastImport: boolean;
  /** The import run that last listed this asset. */
  lastImportRunId: number | null;
  source: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Party {
  id: number;
  name: string;
  kind: PartyKind;
  email: string | null;
  active: boolean;
  leftAt: string | null;
  notes: string | null;
}

export interface LayerOverride {
  assetId: number;
  layerId: string;
  responsibility: CellValue;
  justification: string;
  by: string;
  at: string;
}

/** A note on one asset × layer (the Comments column of the RACI export). */
export interface LayerNote {
  assetId: number;
  layerId: string;
  note: string;
  by: string;
  at: string;
}

export interface RaciAssignment {
  assetId: number;
  layerId: string;
  partyId: number;
  role: RaciRole;
}

export interface WorkbookSettings {
  organisation: string;
  defaultModelId: string;
  defaultModelVersion: string;
  /**
   * provider (`aws`, `gcp`…) → the model its assets are read under unless an asset names its own;
   * a provider not listed follows the default model.
   */
  modelByProvider: Record<string, string>;
  reviewPeriodDays: number;
  /** layerId -> party id of the team named by default for that customer-side layer. */
  defaultTeamPerLayer: Record<string, number>;
  /** The name written in the change log for this workbook's edits. */
  userName: string;
  /** Severity of NOT_SIGNED_OFF findings, or 'off' (default 'info'). */
  notSignedOffSeverity?: Severity | 'off';
}

/** One layer of one asset, fully derived. */
export interface LayerResponsibility {
  layerId: string;
  /** Published cell under the asset's service model, before overrides. */
  published: Responsibility;
  responsibility: Responsibility;
  overridden: boolean;
  justification: string | null;
  /** Model party id operating this layer for the customer, if the model names one. */
  operatedBy: string | null;
}

/** The effective RACI of one asset × layer: party ids per role, and which came from defaults. */
export interface LayerRaci {
  layerId: string;
  R: number[];
  A: number[];
  C: number[];
  I: number[];
  /** Roles whose parties are computed defaults (no explicit assignment for that role on this layer). */
  defaultRoles: RaciRole[];
}

export const FINDING_CODES = [
  'MODEL_MISSING',
  'PARTY_MISSING',
  'LAYER_MISSING',
  'UNCLASSIFIED',
  'CLASSIFICATION_NEEDS_REVIEW',
  'NO_OWNER',
  'NO_ACCOUNTABLE',
  'CRITICAL_NO_ACCOUNTABLE',
  'NO_RESPONSIBLE',
  'INACTIVE_PARTY',
  'HANDED_TO_PROVIDER',
  'UNWATCHED_SECURITY_TOOL',
  'STALE_REVIEW',
  'ACTION_OPEN',
  'SIGN_OFF_STALE',
  'NOT_SIGNED_OFF'
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** Where a model id was named: the asset's own model, its provider's setting, or the workbook default. */
export type ModelReferenceSource = 'asset' | 'provider' | 'default';

/**
 * A model an asset is to be read under that the workbook does not hold (a hand edit, an old
 * version, a bad merge), and the model it is read under meanwhile (MODEL_MISSING).
 */
export interface MissingModel {
  id: string;
  source: ModelReferenceSource;
  readUnder: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  assetId: number;
  assetName: string;
  layerId: string | null;
  message: string;
  fix: string;
}

export interface ChangeLogEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  /** Set on an entry written in another copy of this workbook and brought in by a merge. */
  merged?: true;
}
