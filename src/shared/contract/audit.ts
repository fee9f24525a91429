/** Contract of the audit trail: verifying the change log's hash chain. */
import { z } from 'zod';
import type { ChainBreak, ChainHead } from '../audit';

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
    .strict()
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
}
