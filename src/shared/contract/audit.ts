/** Contract of the audit trail: verifying the change log's hash chain. */
import { z } from 'zod';
import type { ChainBreak, ChainHead } from '../audit';
import type { DiffReport } from '../audit-diff';
import { isoDateSchema, pathSchema } from './bounds';

export const auditMethods = {
  /**
   * Walks the open workbook's change-log hash chain and names the first entry that does not
   * match. `againstPath`: an earlier export (xlsx or OSCAL JSON) whose printed chain head must
   * still be in the chain, proving nothing up to it was rewritten; `chooseAgainst`: ask for that
   * export with the native open dialog (the answer is then null when the dialog is cancelled).
   */
  'audit.verify': z
    .object({
      againstPath: z.string().trim().min(1).max(4096).optional(),
      chooseAgainst: z.boolean().optional()
    })
    .strict(),
  /**
   * What changed from the start of `from` (or after the chain head an earlier export printed) to
   * the end of `to` (UTC days; now when omitted), read from the change log: per asset and layer,
   * who and when; the workbook's own changes; counts.
   */
  'audit.diff': z
    .object({
      from: isoDateSchema.optional(),
      /** An earlier export (xlsx or OSCAL JSON) instead of `from`: the changes after the chain head it printed. */
      fromExport: pathSchema.optional(),
      to: isoDateSchema.optional()
    })
    .strict()
    .refine((q) => (q.from === undefined) !== (q.fromExport === undefined), { message: 'give from (a date) or fromExport (an earlier export), not both' })
    .refine((q) => q.to === undefined || q.from === undefined || q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
};

/** What `verify` found. `ok` is false on any break in the chain or any mismatch with the export. */
export interface VerifyReport {
  ok: boolean;
  /** Entries in the change log. */
  entries: number;
  /** The last entry as stored, and its printed form (`#<id> sha256:<hex>`). */
  head: (ChainHead & { text: string }) | null;
  /** The first entry that breaks the chain; null when the chain is whole. */
  firstBreak: ChainBreak | null;
  /** The comparison with an earlier export, when one was given. */
  against: { path: string; head: ChainHead & { text: string }; matches: boolean; message: string } | null;
}

export interface AuditOutputs {
  'audit.verify': VerifyReport | null;
  'audit.diff': DiffReport;
}
