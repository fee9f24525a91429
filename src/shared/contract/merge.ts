/**
 * Contract of lineage and merge: a copy of the workbook made for someone to take away
 * (File › Save a copy for…), and the three-way merge of a copy edited offline back into the open
 * workbook (File › Merge workbook…): previewed with its conflicts, then applied as one step.
 */
import { z } from 'zod';
import { LIMITS, line, pathSchema } from './bounds';

const side = z.enum(['ours', 'theirs']);

/** How conflicts are decided: per item (by its slot), then by the first rule that applies. */
export const MergeDecisionsSchema = z
  .object({
    items: z
      .record(line(LIMITS.mergeSlot).min(1), side)
      .refine((items) => Object.keys(items).length <= LIMITS.mergeDecisions, `at most ${LIMITS.mergeDecisions.toLocaleString('en-GB')} decisions`)
      .default({}),
    rules: z
      .array(
        z
          .object({
            side,
            /** Only conflicts on assets whose field equals the value (case-insensitive), e.g. subscription = Finance. */
            where: z.object({ field: line(LIMITS.slug).min(1), value: line(LIMITS.path) }).strict().optional()
          })
          .strict()
      )
      .max(LIMITS.mergeRules)
      .default([])
  })
  .strict();

/** A change-log entry's identity (see src/main/merge/read-side.ts): a SHA-256 in hex. */
const entryIdentity = z.string().regex(/^[0-9a-f]{64}$/, 'an entry identity: 64 hex digits').max(64);

export const mergeMethods = {
  /** Saves a copy of the open workbook for someone (native save dialog without `path`; null when cancelled). */
  'workbook.copy': z.object({ path: pathSchema.optional(), label: line(LIMITS.name).trim().min(1) }).strict(),
  /** The merge of another copy into the open workbook, as it would be: nothing is written. */
  'merge.preview': z.object({ path: pathSchema.optional(), decisions: MergeDecisionsSchema.default({ items: {}, rules: [] }) }).strict(),
  /**
   * Applies the merge: one transaction, one undoable step, one change-log entry naming the file.
   * Refused while a conflict is undecided, when a decision breaks a rule, or when the other file's
   * head is no longer `expectedHead` (it changed since the preview).
   */
  'merge.apply': z
    .object({ path: pathSchema, decisions: MergeDecisionsSchema.default({ items: {}, rules: [] }), expectedHead: entryIdentity.optional() })
    .strict()
};

export type MergeItemKind = 'asset' | 'asset-field' | 'override' | 'note' | 'raci' | 'party' | 'party-field' | 'model' | 'setting' | 'control' | 'saved-set' | 'workshop';

/** Who last changed a value on one side, from that side's change log. */
export interface MergeAuthor {
  actor: string;
  at: string;
  summary: string;
}

/** One place where the two copies differ. Values are in words ('—' = none). */
export interface MergeItem {
  /** Its id: the slot it is about (pass it back in `decisions.items`). */
  slot: string;
  kind: MergeItemKind;
  /** What it is about, e.g. the asset's name and the field, layer or role. */
  subject: string;
  detail: string;
  /** The value at the common ancestor, when the log tells it. */
  ancestor: string | null;
  ours: string;
  theirs: string;
  oursBy: MergeAuthor | null;
  theirsBy: MergeAuthor | null;
  /** theirs: their change applies; ours: our change stays; conflict: a person decides. */
  outcome: 'theirs' | 'ours' | 'conflict';
  choice: 'ours' | 'theirs' | null;
  decidedBy: 'merge' | 'person' | 'rule' | null;
  /** Set when taking theirs breaks a rule of the workbook: why (a conflict to decide). */
  rule: string | null;
}

export interface MergeWorkbookRef {
  path: string;
  workbookId: string | null;
  organisation: string;
  /** The fingerprint of its last change-log entry. */
  head: string | null;
  /** Its change log's hash-chain head as verified before the merge (`#id sha256:…`; null: empty log). */
  chainHead: string | null;
  entries: number;
}

export interface MergePlan {
  ours: MergeWorkbookRef;
  theirs: MergeWorkbookRef;
  /** The last entry both logs hold, where the copies parted. */
  ancestor: { entries: number; at: string; actor: string; summary: string };
  /** Their entries this workbook does not hold yet (0: already merged, nothing to do). */
  newEntries: number;
  /** Our entries since the ancestor that they do not hold. */
  ourEntries: number;
  counts: { theirs: number; ours: number; conflicts: number; undecided: number; ruleBreaks: number };
  /**
   * Their records carried as they are (made there since the copies parted): sign-offs, with the
   * states they vouched for, import runs, workshop decisions and actions, and actions closed there
   * that are open here. (Saved sets and workshops themselves are items: `kind` 'saved-set', 'workshop'.)
   */
  carried: { signOffs: number; importRuns: number; decisions: number; actions: number; closedActions: number };
  /** Every conflict, decided or not (rule breaks included). */
  conflicts: MergeItem[];
  /** Their changes that apply without a decision (at most `listLimit`; `counts.theirs` has them all). */
  changes: MergeItem[];
  listLimit: number;
}

export interface MergeResult {
  plan: MergePlan;
  /** False when there was nothing to merge (the same file merged twice). */
  merged: boolean;
  /** The change-log entry of the merge, null when nothing was merged. */
  entryId: number | null;
  summary: string;
}

export interface CopyResult {
  path: string;
  label: string;
  workbookId: string;
  /** The change-log head the copy was made at: where it parts from this workbook. */
  head: string | null;
}

export interface MergeOutputs {
  'workbook.copy': CopyResult | null;
  'merge.preview': MergePlan | null;
  'merge.apply': MergeResult;
}
