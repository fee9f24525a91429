/**
 * Contract of the export: the audit-grade RACI workbook (xlsx) or the RACI table (CSV) of the
 * open workbook. Export is a read: it writes no change-log entry (see export-service.ts).
 */
import { z } from 'zod';
import { isoDateSchema, pathSchema } from './bounds';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Which instant the export states as "exported at" (Cover, document properties):
 * - `last-change` (default): the workbook's last change, so exporting an unchanged workbook twice
 *   gives the same content;
 * - `now`: the clock at the time of the export.
 */
export const EXPORTED_AT_CHOICES = ['last-change', 'now'] as const;
export type ExportedAtChoice = (typeof EXPORTED_AT_CHOICES)[number];

/** The baseline of a "Changes since" sheet: a day (UTC), or an earlier export made by Demarc. */
export const exportSinceSchema = z.union([z.object({ from: isoDateSchema }).strict(), z.object({ fromExport: pathSchema }).strict()]);
export type ExportSince = z.infer<typeof exportSinceSchema>;

export const exportMethods = {
  /**
   * Exports the open workbook. Without `path` the main process asks with the native save dialog
   * (and answers null when it is cancelled). A path without an extension gets the format's; a
   * path with another extension is refused. Progress arrives as 'progress' events with
   * `operation: 'export'`. A cancelled or failed export leaves no file (and no temp file) behind.
   */
  'export.run': z
    .object({
      format: z.enum(EXPORT_FORMATS),
      path: pathSchema.optional(),
      exportedAt: z.enum(EXPORTED_AT_CHOICES).default('last-change'),
      /** A baseline: adds the "Changes since" sheet (xlsx only) — what changed from the start of that UTC day, or after the chain head an earlier export printed (a path chosen in a dialog). */
      since: exportSinceSchema.optional()
    })
    .strict(),
  /** Cancels the running export, if any (its export.run then fails with CANCELLED). */
  'export.cancel': z.object({}).strict(),
  /** Shows an exported file in the OS file manager. */
  'export.showInFolder': z.object({ path: pathSchema }).strict()
};

export interface ExportResult {
  /** Absolute path of the written file. */
  path: string;
  format: ExportFormat;
  /** Sheet names in workbook order (xlsx; includes continuation parts and the hidden Lists sheet). ['RACI'] for CSV. */
  sheets: string[];
  /** Data rows written (headers excluded): all sheets for xlsx, the RACI rows for CSV. */
  rows: number;
  /**
   * Logical-content SHA-256 (hex) of the report and change log, as printed on the Cover: it
   * depends on what the workbook says, not on the export time or the file's bytes.
   */
  sha256: string;
  /** SHA-256 (hex) of the file's bytes, for `sha256sum` checks. */
  fileSha256: string;
  /** The "exported at" instant written in the file (xlsx) or used for the run (CSV). */
  exportedAt: string;
  durationMs: number;
  /** With a baseline: the "Changes since" sheet, the entries it lists, and whether the log (and the baseline export) hold. */
  changesSince?: { sheet: string; entries: number; chainWhole: boolean; baselineMatches: boolean | null };
}

export interface ExportOutputs {
  'export.run': ExportResult | null;
  /** Whether an export was running (and is now cancelled). */
  'export.cancel': { cancelled: boolean };
  'export.showInFolder': null;
}
