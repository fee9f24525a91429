/**
 * The contract of the round trip: an edited RACI export (xlsx or CSV) comes back, its changes are
 * reviewed one by one, and the accepted ones are applied as one undoable step. The JSON shape of
 * `RoundTripPreview` is documented in docs/roundtrip.md (the CLI's `--dry-run --json`).
 */
import { z } from 'zod';
import { LIMITS, line, pathSchema } from './bounds';

const filePath = pathSchema;
/** A change's id: `assetId:layerId:field`. */
const changeId = line(LIMITS.slug + 64).min(1);

/** What an edited cell changes. */
export const ROUND_TRIP_FIELDS = ['owner', 'serviceModel', 'responsibility', 'justification', 'R', 'A', 'C', 'I', 'note'] as const;
export type RoundTripField = (typeof ROUND_TRIP_FIELDS)[number];

/** How a conflict (a cell changed in the sheet and, since the export, in Demarc) is settled. */
export const CONFLICT_CHOICES = ['sheet', 'workbook'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

export const roundTripMethods = {
  /** Whether a file is a Demarc RACI export, and of which workbook (a cheap look at its identity). */
  'roundtrip.detect': z.object({ path: filePath }).strict(),
  /**
   * Reads an edited export and answers every change as a reviewed diff (nothing is written).
   * Without `path` the main process asks with the native dialog (null when cancelled).
   * `anyWorkbook`: apply by asset id even though the export came from another workbook.
   * `createParties`: names that are not a party become new parties (people) in the same step.
   */
  'roundtrip.preview': z
    .object({ path: filePath.optional(), anyWorkbook: z.boolean().default(false), createParties: z.boolean().default(false) })
    .strict(),
  /**
   * Applies a preview: every change not rejected, conflicts settled by `resolve` (per change id)
   * or `onConflict`. One transaction, one change-log entry, one undo step; refused as a whole (and
   * nothing written) when a rule would break or a conflict is left open.
   */
  'roundtrip.apply': z
    .object({
      token: line(LIMITS.short).min(1),
      /** Every change of a million-row review may be rejected at once. */
      reject: z.array(changeId).max(1_000_000).default([]),
      resolve: z.record(changeId, z.enum(CONFLICT_CHOICES)).default({}),
      onConflict: z.enum(CONFLICT_CHOICES).optional()
    })
    .strict()
};

/** The identity read back from the hidden sheet of an export. */
export interface RoundTripIdentity {
  workbookId: string;
  revision: number;
  sha256: string;
  exportedAt: string;
}

export interface RoundTripDetection {
  /** True when the file carries a Demarc export identity (or is a Demarc RACI CSV). */
  isExport: boolean;
  identity: RoundTripIdentity | null;
  /** Whether the export was made from the open workbook (null when the file has no identity). */
  sameWorkbook: boolean | null;
}

/** One changed cell: before (in Demarc now) → after (in the sheet). */
export interface RoundTripChange {
  /** Stable within a preview: `assetId:layerId:field` (layerId empty for owner and service model). */
  id: string;
  assetId: number;
  assetName: string;
  layerId: string | null;
  layerTitle: string | null;
  field: RoundTripField;
  /** Where the new value is: `RACI!G12`, `RACI (2)!A5`, `Matrix!H3`. */
  cell: string;
  /** As Demarc shows it now (names joined with "; "), null when empty. */
  before: string | null;
  /** As the sheet says, normalised (party names as Demarc spells them), null when empty. */
  after: string | null;
  /** Set when Demarc changed this cell after the export was made and the sheet changed it too: the change must be settled. */
  conflict: RoundTripConflict | null;
}

/**
 * A cell changed both in Demarc since the export and in the sheet, with its three values. When an
 * entry since the export may have changed the cell without recording how (an inventory import, a
 * model change, a merge, a workshop decision), `atExportKnown` is false and `atExport` is null.
 */
export interface RoundTripConflict {
  /** The value when the export was made (null: empty, or not known — see atExportKnown). */
  atExport: string | null;
  /** False when the change log cannot tell the value at the export. */
  atExportKnown: boolean;
  inDemarc: string | null;
  inSheet: string | null;
  /** The change-log entries ("at actor: summary") that changed this cell, or may have, since the export. */
  changedBy: string[];
}

/** A changed asset with its changes, in sheet order. */
export interface RoundTripAssetGroup {
  assetId: number;
  assetName: string;
  changes: RoundTripChange[];
}

/** A row the review lists apart: its asset no longer exists, or it was added by hand. */
export interface RoundTripApartRow {
  cell: string;
  assetName: string | null;
  reason: string;
}

/** A cell that cannot be taken as it is: named by sheet and cell. */
export interface RoundTripProblem {
  cell: string;
  message: string;
}

export interface RoundTripPreview {
  token: string;
  path: string;
  fileName: string;
  /** SHA-256 (hex) of the file's bytes. */
  fileSha256: string;
  format: 'xlsx' | 'csv';
  identity: RoundTripIdentity | null;
  /** The open workbook's id and revision now. */
  workbook: { workbookId: string; revision: number };
  /** Whether the workbook changed after the export was made (its revision moved). */
  revisionMoved: boolean;
  counts: {
    rows: number;
    changes: number;
    assets: number;
    conflicts: number;
    apart: number;
    errors: number;
    newParties: number;
    /** Cells Demarc changed since the export that the sheet still shows as exported: Demarc's value stands, nothing is listed. */
    demarcOnly: number;
  };
  groups: RoundTripAssetGroup[];
  apart: RoundTripApartRow[];
  /** Cells that refuse the apply until fixed in the file (bad names, formulas, dates...). */
  errors: RoundTripProblem[];
  /** Things worth knowing that do not refuse the apply (formulas read by their cached value...). */
  warnings: string[];
  /** Names that become new parties (only with createParties). */
  newParties: string[];
  /** False when errors refuse the apply. */
  canApply: boolean;
}

export interface RoundTripResult {
  applied: number;
  rejected: number;
  /** The change-log entry's summary (the file, its SHA-256 and the count of changes). */
  summary: string;
  newParties: string[];
}

export interface RoundTripOutputs {
  'roundtrip.detect': RoundTripDetection;
  'roundtrip.preview': RoundTripPreview | null;
  'roundtrip.apply': RoundTripResult;
}
