/**
 * The workbook report: the stable JSON printed by `demarc report --json` (documented in
 * docs/report-format.md) and the single source the xlsx/CSV exports are written from.
 * Parties appear by name; ids are kept only where a consumer needs to join.
 */
import type {
  CellValue,
  FindingCode,
  PartyKind,
  Responsibility,
  ServiceModel,
  Severity
} from './domain';
import type { AsOfInfo } from './as-of';
import type { AssetAttribute, Criticality, DataClassification, Environment } from './asset-attributes';

export const REPORT_FORMAT_VERSION = 1;

export interface ReportModelLayer {
  id: string;
  title: string;
  description: string;
  permanentCustomer: boolean;
  /** serviceModel -> published cell */
  cells: Partial<Record<ServiceModel, CellValue>>;
}

export interface ReportModel {
  id: string;
  name: string;
  version: string;
  source: { title: string; url: string; date: string; note?: string };
  /** The model's columns (service models) in its order, and each one's label. */
  serviceModels: ServiceModel[];
  serviceModelLabels: Record<ServiceModel, string>;
  providerName: string;
  layers: ReportModelLayer[];
}

export interface ReportParty {
  id: number;
  name: string;
  kind: PartyKind;
  active: boolean;
  leftAt: string | null;
}

export interface ReportLayer {
  layerId: string;
  title: string;
  responsibility: Responsibility;
  published: Responsibility;
  overridden: boolean;
  justification: string | null;
  /** The note on this asset × layer (the export's Comments column), or null. */
  note: string | null;
  /** Party names per role. */
  R: string[];
  A: string[];
  C: string[];
  I: string[];
  /** Roles whose parties are computed defaults rather than explicit assignments. */
  defaultRoles: ('R' | 'A' | 'C' | 'I')[];
}

export interface ReportAsset {
  id: number;
  externalId: string | null;
  name: string;
  type: string | null;
  subscription: string | null;
  resourceGroup: string | null;
  location: string | null;
  tags: Record<string, string>;
  /** The import file's columns that map to no field, as read. */
  extra: Record<string, string>;
  /** CAF levels (src/shared/asset-attributes.ts), null when not stated. */
  criticality: Criticality | null;
  dataClassification: DataClassification | null;
  environment: Environment | null;
  serviceModel: ServiceModel | null;
  serviceModelSource: string | null;
  /**
   * The classifier's (or importer's) reason for the service model, in plain words; null when none
   * was given. When `serviceModelSource` is `manual` it is what was said before a person chose.
   */
  classificationReason: string | null;
  classificationConfidence: 'high' | 'medium' | 'low' | 'none' | null;
  needsReview: boolean;
  modelId: string;
  owner: string | null;
  lastReviewedAt: string | null;
  /** The last import of the asset's scope (its source, subscription, sheet) did not list it. */
  notSeenInLastImport: boolean;
  layers: ReportLayer[];
}

/** What the RACI table shows of an asset: its layers, its id, name and attributes. */
export type RaciEntry = Pick<ReportAsset, 'id' | 'name' | 'layers' | AssetAttribute>;

export interface ReportFinding {
  code: FindingCode;
  severity: Severity;
  assetId: number;
  asset: string;
  layerId: string | null;
  message: string;
  fix: string;
}

/** The report as `demarc report --json` prints it: one document, written a page at a time. */
export interface Report {
  format: 'demarc-report';
  formatVersion: typeof REPORT_FORMAT_VERSION;
  workbook: {
    name: string;
    organisation: string;
    formatVersion: number;
    defaultModelId: string;
    reviewPeriodDays: number;
    lastChangeAt: string | null;
  };
  models: ReportModel[];
  parties: ReportParty[];
  /** Only in a report of the workbook as it was (`demarc report --as-of`): the moment and what the answer stands on. */
  asOf?: AsOfInfo;
  assets: ReportAsset[];
  findings: ReportFinding[];
}

/** The report without its assets and findings: what is known before the first page is read. */
export type ReportHead = Omit<Report, 'assets' | 'findings'>;
