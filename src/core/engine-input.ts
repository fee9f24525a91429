/** The plain data the findings engine and the report read: one workbook, already loaded. */
import type {
  Asset,
  LayerNote,
  LayerOverride,
  Party,
  RaciAssignment,
  ResponsibilityModel,
  WorkbookSettings
} from '@shared/domain';
import type { SignOffItem, SignOffRecord } from '@shared/sign-off';

/**
 * The asset fields the findings read: findings.ts and what it calls are typed on these alone, so
 * a pass that wants only findings (`demarc check`) reads no other column of the file.
 */
export const FINDING_ASSET_FIELDS = [
  'id',
  'name',
  'type',
  'sku',
  'provider',
  'modelId',
  'serviceModel',
  'serviceModelSource',
  'classificationReason',
  'needsReview',
  'ownerPartyId',
  'criticality',
  'lastReviewedAt',
  'createdAt'
] as const satisfies readonly (keyof Asset)[];

/** An asset as the findings read it. */
export type FindingAsset = Pick<Asset, (typeof FINDING_ASSET_FIELDS)[number]>;

/**
 * `A`: what is read of each asset — whole ones, only what the findings read (FindingAsset), or
 * only what the RACI table's layers follow from (RaciAsset, core/report.ts).
 */
export interface EngineInput<A extends Pick<Asset, 'id'> = Asset> {
  settings: WorkbookSettings;
  /** Every model in use, by id: the workbook default and any asset's own modelId. */
  models: Record<string, ResponsibilityModel>;
  assets: A[];
  parties: Party[];
  overrides: LayerOverride[];
  assignments: RaciAssignment[];
  /** Notes per asset × layer (absent: none). Findings never read them; the report and export do. */
  notes?: LayerNote[];
  /** Open workshop actions, one row per asset they cover (ACTION_OPEN until closed). */
  actions?: OpenActionRow[];
  /** Sign-offs and the asset states they vouch for (none when omitted: then no sign-off findings). */
  signOffs?: { records: SignOffRecord[]; items: SignOffItem[] };
  /** The clock, as an ISO 8601 string (the core never reads the system time). */
  now: string;
}

/** An open action deferred in a workshop, on one of its assets. */
export interface OpenActionRow {
  assetId: number;
  layerId: string;
  actionId: number;
  title: string;
  ownerPartyId: number;
  dueOn: string;
  workshopTitle: string;
}
