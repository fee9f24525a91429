/** Contract of the audit trail: verifying the change log's hash chain. */
import { z } from 'zod';
import type { ChainBreak, ChainHead } from '../audit';
import type { DiffReport } from '../audit-diff';
import { isoDateSchema, pathSchema } from './bounds';
import type { SignatureVerdict } from './sign-offs';

/** A window of the change log: from a day or after an earlier export's head, to the end of a day (or now). */
const DIFF_WINDOW = {
  from: isoDateSchema.optional(),
  /** An earlier export (xlsx or OSCAL JSON) instead of `from`: the changes after the chain head it printed. */
  fromExport: pathSchema.optional(),
  to: isoDateSchema.optional()
};
type DiffWindow = { from?: string | undefined; fromExport?: string | undefined; to?: string | undefined };
const ONE_BASELINE: [(q: DiffWindow) => boolean, { message: string }] = [(q) => (q.from === undefined) !== (q.fromExport === undefined), { message: 'give from (a date) or fromExport (an earlier export), not both' }];
const IN_ORDER: [(q: DiffWindow) => boolean, { message: string; path: string[] }] = [(q) => q.to === undefined || q.from === undefined || q.from <= q.to, { message: 'from must not be after to', path: ['to'] }];

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
      chooseAgainst: z.boolean().optional(),
      /** Public keys (PEM) or fingerprints (`SHA256:…`): every signed sign-off must be signed by one of them. */
      signerKeys: z.array(z.string().trim().min(1).max(4096)).max(100).optional()
    })
    .strict(),
  /**
   * What changed from the start of `from` (or after the chain head an earlier export printed) to
   * the end of `to` (UTC days; now when omitted), read from the change log: per asset and layer,
   * who and when; the workbook's own changes; counts.
   */
  'audit.diff': z
    .object(DIFF_WINDOW)
    .strict()
    .refine(...ONE_BASELINE)
    .refine(...IN_ORDER),
  /**
   * Saves a comparison on its own: `json` (what audit.diff answers) or `xlsx` (the "Changes since"
   * sheet). Without `path` main asks with the save dialog (null when cancelled).
   */
  'audit.exportDiff': z
    .object({ ...DIFF_WINDOW, format: z.enum(['xlsx', 'json']), path: pathSchema.optional() })
    .strict()
    .refine(...ONE_BASELINE)
    .refine(...IN_ORDER),
  /** Asks for an earlier export (xlsx or OSCAL JSON) with the open dialog, to compare with or export since; null when cancelled. */
  'audit.chooseEarlierExport': z.object({}).strict()
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
  /** Every sign-off's signature checked, oldest first; any `invalid` fails the verification. */
  signOffs: SignOffSignatureCheck[];
  /** The fingerprints every signature had to be by (`signerKeys`), or null. */
  signerKeys: string[] | null;
}

/** One sign-off's signature as verify reports it. */
export interface SignOffSignatureCheck {
  id: number;
  scopeLabel: string;
  partyName: string;
  signedOn: string;
  signature: SignatureVerdict;
}

/** A comparison saved on its own. */
export interface DiffExportResult {
  path: string;
  format: 'xlsx' | 'json';
  /** The sheet written (xlsx), null for JSON. */
  sheet: string | null;
  /** Change-log entries in the window. */
  entries: number;
  /** SHA-256 (hex) of the file's bytes. */
  fileSha256: string;
  /** Whether the change log's chain holds, and whether the baseline export (if any) still agrees with it. */
  chainWhole: boolean;
  baselineMatches: boolean | null;
}

export interface AuditOutputs {
  'audit.verify': VerifyReport | null;
  'audit.diff': DiffReport;
  'audit.exportDiff': DiffExportResult | null;
  'audit.chooseEarlierExport': string | null;
}
