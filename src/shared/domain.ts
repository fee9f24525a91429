/**
 * The domain vocabulary shared by core, main, preload, renderer and CLI.
 * Plain JSON data only (no Map/Set/Date): payloads cross IPC as structured clone
 * in Electron and as JSON in tests.
 */
import { z } from 'zod';

/** Service models in the order a matrix shows them. */
export const SERVICE_MODELS = ['onprem', 'iaas', 'paas', 'saas'] as const;
export const ServiceModelSchema = z.enum(SERVICE_MODELS);
export type ServiceModel = z.infer<typeof ServiceModelSchema>;

export const SERVICE_MODEL_LABELS: Record<ServiceModel, string> = {
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
    /** A column's label and what it covers; the standard columns default to their usual labels. */
    serviceModelDetails: z
      .record(z.string(), z.object({ label: z.string().min(1), description: z.string().min(1).optional() }).strict())
      .optional(),
    /** The provider party (id `provider` by convention) and any third parties in the chain. */
    parties: z.array(ModelPartySchema).min(1),
    layers: z.array(ModelLayerSchema).min(1),
    /** cells[layerId][serviceModel] for every layer and every covered service model. */
    cells: z.record(z.string(), z.record(z.string(), ModelCellSchema))
  })
  .strict();
export type ResponsibilityModel = z.infer<typeof ResponsibilityModelSchema>;

export const CLASSIFICATION_SOURCES = ['classifier', 'manual', 'import'] as const;
export type ClassificationSource = (typeof CLASSIFICATION_SOURCES)[number];

/** What the classifier says of a resource type. */
export interface Classification {
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
  reviewPeriodDays: number;
  /** layerId -> party id of the team named by default for that customer-side layer. */
  defaultTeamPerLayer: Record<string, number>;
  /** The name written in the change log for this workbook's edits. */
  userName: string;
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
  'UNCLASSIFIED',
  'CLASSIFICATION_NEEDS_REVIEW',
  'NO_OWNER',
  'NO_ACCOUNTABLE',
  'NO_RESPONSIBLE',
  'INACTIVE_PARTY',
  'HANDED_TO_PROVIDER',
  'UNWATCHED_SECURITY_TOOL',
  'STALE_REVIEW'
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

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
}
