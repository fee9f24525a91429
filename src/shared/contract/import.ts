/**
 * The contract of inventory import: preview what a file would change, apply exactly that (all or
 * nothing), or cancel. Progress arrives as 'progress' events with operation 'import'.
 */
import { z } from 'zod';
import type { AssetAttribute } from '../asset-attributes';
import type { ServiceModel, ServiceModelCount } from '../domain';
import {
  AssetProviderSchema,
  ColumnMappingSchema,
  ImportFormatSchema,
  type ColumnMapping,
  type ImportFormat,
  type RowError
} from '../import';
import { LIMITS, line, pathSchema as filePath } from './bounds';

/** How to read the files; absent fields are detected from the content. */
const readOptions = {
  format: ImportFormatSchema.optional(),
  encoding: line(64).trim().min(1).optional(),
  mapping: ColumnMappingSchema.optional(),
  sheet: line(LIMITS.name).min(1).optional(),
  provider: AssetProviderSchema.optional()
};

export const importMethods = {
  /** Reads the files and reports what an apply would do; without paths, asks with the native dialog. */
  'import.preview': z.object({ paths: z.array(filePath).min(1).max(LIMITS.paths).optional(), ...readOptions }).strict(),
  /**
   * Applies a preview by its token (exactly what was previewed), or reads and applies `paths` at
   * once. One transaction: any row error refuses the whole import and writes nothing.
   */
  'import.apply': z
    .object({ token: line(LIMITS.short).min(1).optional(), paths: z.array(filePath).min(1).max(LIMITS.paths).optional(), ...readOptions })
    .strict()
    .refine((input) => (input.token === undefined) !== (input.paths === undefined), {
      message: 'give either a preview token or file paths'
    }),
  /** Stops the running preview or apply (of this token, or whichever runs); an apply rolls back. */
  'import.cancel': z.object({ token: line(LIMITS.short).min(1).optional() }).strict()
};

/** What an import does to the workbook's assets, per file and in total. */
export interface ImportCounts {
  /** Rows read (before merging). */
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  /** Assets from the same source(s) that this import does not list: flagged, never deleted. */
  notSeen: number;
  /** Rows folded into an asset listed earlier (same import key). */
  merged: number;
  errors: number;
}

/** The service models the imported assets will have (a manual choice already made is kept). */
export interface ClassificationSummary {
  /** Every column of each model the assets are read under, then the unclassified. */
  byServiceModel: ServiceModelCount[];
  needsReview: number;
  unclassified: number;
  /** Share of assets with a service model, 0..1. */
  classifiedShare: number;
}

export type ImportAssetStatus = 'new' | 'updated' | 'unchanged';

/** One merged asset of the sample shown before applying. */
export interface ImportSampleRow {
  line: number;
  name: string;
  type: string | null;
  kind: string | null;
  subscription: string | null;
  resourceGroup: string | null;
  location: string | null;
  serviceModel: ServiceModel | null;
  /** The service model's label under the model the asset is read under. */
  serviceModelLabel: string | null;
  /** That model's name. */
  modelName: string;
  confidence: 'high' | 'medium' | 'low' | 'none';
  needsReview: boolean;
  reason: string;
  status: ImportAssetStatus;
  /** True when a manual service-model choice in the workbook is kept over the classifier's. */
  manualKept: boolean;
}

/** Where a file's criticality, data classification or environment were read from. */
export interface AttributeReading {
  attribute: AssetAttribute;
  label: string;
  /** The column mapped to it (CSV, xlsx), or null. */
  column: string | null;
  /** Rows the column gave a value. */
  fromColumn: number;
  /** Tag keys it was read from where no column gave a value, with the rows each gave. */
  tags: { key: string; rows: number }[];
}

export interface ImportFilePreview {
  file: string;
  fileName: string;
  sha256: string;
  format: ImportFormat;
  formatLabel: string;
  encoding: string;
  delimiter: string | null;
  /** Source headers; for CSV and xlsx the mapping below is editable. */
  columns: string[];
  mapping: ColumnMapping;
  mappingEditable: boolean;
  sheet: string | null;
  sheets: string[];
  counts: ImportCounts;
  classification: ClassificationSummary;
  /** The first merged assets of this file, as they would be written. */
  sample: ImportSampleRow[];
  /** Every row error; any one of them refuses the apply. */
  errors: RowError[];
  warnings: string[];
  /** Criticality, data classification and environment: where each was read from. */
  attributes: AttributeReading[];
  /** False when reading stopped early: nothing can be applied. */
  complete: boolean;
}

/** An owner column naming parties: only new assets get an owner, and only an active party. */
export interface OwnerNote {
  /** New assets that will get their owner from the file. */
  assigned: number;
  /** Owner names in the file that are not an active party (left without owner). */
  unknownNames: string[];
}

export interface ImportPreview {
  /** Pass to import.apply to write exactly this preview. */
  token: string;
  files: ImportFilePreview[];
  counts: ImportCounts;
  classification: ClassificationSummary;
  owners: OwnerNote;
  /** False when a row error or an incomplete read refuses the apply. */
  canApply: boolean;
}

export interface ImportResult {
  counts: ImportCounts;
  classification: ClassificationSummary;
  /** The import_runs row of each file, in order; the first is `importRunId`. */
  importRunId: number;
  importRunIds: number[];
  /** The change log's summary line. */
  summary: string;
  ownersAssigned: number;
}

export interface ImportOutputs {
  /** null when the native dialog was cancelled. */
  'import.preview': ImportPreview | null;
  'import.apply': ImportResult;
  'import.cancel': { cancelled: boolean };
}

/**
 * One line per row error, as the CLI and the BAD_FILE message print it: `file:line: field: why`,
 * or `file: why` for a problem with the whole file (line 0), which has no line to name.
 */
export function formatRowError(fileName: string, error: RowError): string {
  if (error.line === 0) return `${fileName}: ${error.message}`;
  return `${fileName}:${error.line}: ${error.field ?? 'record'}: ${error.message}`;
}
