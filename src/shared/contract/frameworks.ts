/**
 * Contract of the framework side: the layer → control mapping in use (show, import, reset), a
 * scope's control ownership, and the framework exports (CSA CCM v4 SSRM/CAIQ xlsx, FedRAMP Rev5
 * CIS/CRM xlsx, OSCAL SSP JSON). An export is a read (no change-log entry); cancel it with
 * export.cancel and show it with export.showInFolder, as the RACI export.
 */
import { z } from 'zod';
import { AssetFilterSchema } from '../filter';
import { MAPPED_FRAMEWORKS, type ControlOwnership, type MappedFramework } from '../frameworks';
import { EXPORTED_AT_CHOICES } from './export';
import { pathSchema as path } from './bounds';

export const FRAMEWORK_EXPORTS = ['ccm', 'fedramp', 'oscal-ssp'] as const;
export type FrameworkExport = (typeof FRAMEWORK_EXPORTS)[number];

/** The file each framework export writes. */
export const FRAMEWORK_EXTENSIONS: Record<FrameworkExport, 'xlsx' | 'json'> = { ccm: 'xlsx', fedramp: 'xlsx', 'oscal-ssp': 'json' };

/** FedRAMP Rev5 baselines (the CIS/CRM sheets and the OSCAL SSP's controls). */
export const BASELINES = ['high', 'moderate', 'low', 'li-saas'] as const;
export type Baseline = (typeof BASELINES)[number];

export const frameworkMethods = {
  /** The mapping in use (built-in or imported), and how each model in the workbook joins it. */
  'frameworks.mapping': z.object({}).strict(),
  /**
   * Replaces the mapping with the user's JSON file (without a path: the native open dialog, null
   * when cancelled). Refused with BAD_FILE naming the JSON path of every problem; the workbook is
   * then unchanged. One change-log entry.
   */
  'frameworks.importMapping': z.object({ path: path.optional() }).strict(),
  /** Back to the built-in mapping. One change-log entry (none if already built-in). */
  'frameworks.resetMapping': z.object({}).strict(),
  /**
   * Saves the mapping in use as a JSON file (a starting point for one's own); without a path the
   * native save dialog asks (null when cancelled). Returns the path written.
   */
  'frameworks.saveMapping': z.object({ path: path.optional() }).strict(),
  /**
   * Each control's ownership for a scope (the assets matching the filter; {} = the workbook): the
   * CCM controls, or the NIST controls and enhancements of a FedRAMP baseline.
   */
  'frameworks.ownership': z
    .object({ framework: z.enum(MAPPED_FRAMEWORKS), scope: AssetFilterSchema.default({}), baseline: z.enum(BASELINES).default('moderate') })
    .strict(),
  /** Asks for CSA's CAIQ v4 workbook to merge into a CCM export (native open dialog; null when cancelled). */
  'frameworks.chooseCaiq': z.object({}).strict(),
  /**
   * Writes a framework export of a scope. Without `path` the native save dialog asks (null when
   * cancelled). `caiqPath` (CCM only): the user's copy of CSA's CAIQ v4 xlsx, whose question texts,
   * control titles and specifications fill the sheet. Progress arrives as 'progress' events with
   * `operation: 'export'`; a cancelled or failed export leaves no file behind.
   */
  'export.framework': z
    .object({
      framework: z.enum(FRAMEWORK_EXPORTS),
      scope: AssetFilterSchema.default({}),
      baseline: z.enum(BASELINES).default('moderate'),
      caiqPath: path.optional(),
      path: path.optional(),
      exportedAt: z.enum(EXPORTED_AT_CHOICES).default('last-change')
    })
    .strict()
};

export interface MappingModelJoin {
  modelId: string;
  modelName: string;
  /** True when the mapping names the model; false when it joined by layer ids and aliases. */
  explicit: boolean;
  /** Model layers carrying no control layer. */
  unboundLayers: string[];
  /** Control layers no layer of the model carries. */
  uncovered: string[];
}

export interface MappingInfo {
  id: string;
  name: string;
  version: string;
  builtin: boolean;
  /** For an imported mapping: the file it came from, when and by whom. */
  fileName: string | null;
  importedAt: string | null;
  importedBy: string | null;
  /** The control layers, each with the controls resting on it. */
  layers: { id: string; title: string; description: string; ccm: string[]; nist: string[] }[];
  /** Controls resting on no layer: the customer's own, whatever the cloud. */
  organisational: { ccm: string[]; nist: string[] };
  counts: { ccmMapped: number; ccmOrganisational: number; nistMapped: number; nistOrganisational: number };
  /** Every model of the workbook, and how it joins the mapping. */
  models: MappingModelJoin[];
}

export interface ControlOwnershipRow {
  id: string;
  /** CCM: our topic; NIST: NIST's title. */
  label: string;
  ownership: ControlOwnership;
  organisational: boolean;
  /** The model layers it rests on in this scope, e.g. "Operating system". */
  layers: string[];
}

export interface OwnershipSummary {
  framework: MappedFramework;
  assets: number;
  counts: Record<ControlOwnership, number>;
  controls: ControlOwnershipRow[];
}

/** Ownership in words, for people (the exports write each framework's own strings). */
export const OWNERSHIP_LABELS = {
  provider: 'Provider',
  customer: 'Customer',
  'third-party': 'Third party',
  shared: 'Shared',
  undetermined: 'Undetermined'
} as const satisfies Record<ControlOwnership, string>;

export interface FrameworkExportResult {
  path: string;
  framework: FrameworkExport;
  baseline: Baseline | null;
  /** Sheet names (xlsx) or [] (JSON). */
  sheets: string[];
  /** Controls (CCM, OSCAL) or control rows (FedRAMP) written. */
  rows: number;
  /** Controls per ownership in this scope. */
  counts: Record<ControlOwnership, number>;
  /** Assets in scope. */
  assets: number;
  /** SHA-256 (hex) of the file's bytes. */
  fileSha256: string;
  exportedAt: string;
  /** Things the reader should know (a model the mapping does not cover, unclassified assets, CAIQ questions not found…). */
  notes: string[];
  durationMs: number;
}

export interface FrameworkOutputs {
  'frameworks.mapping': MappingInfo;
  'frameworks.importMapping': MappingInfo | null;
  'frameworks.resetMapping': MappingInfo;
  'frameworks.saveMapping': string | null;
  'frameworks.ownership': OwnershipSummary;
  'frameworks.chooseCaiq': string | null;
  'export.framework': FrameworkExportResult | null;
}
