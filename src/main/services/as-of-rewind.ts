/**
 * What undoing one change-log entry does to the workbook as the as-of rewind applies it: the way
 * back the entry logged (core/audit/entry-change.ts reads it) as the engine's edit operations
 * (`EditOp`, what undo and redo replay), with the settings, provider model and sign-off it names.
 * An operation the as-of cannot apply to its pages (what a merge brought: assets, their imported
 * fields, sign-offs, models) makes the entry a gap: what it changed is shown as it is now. The
 * workbook as it was at a moment is the workbook now with every later entry undone, newest first
 * (as-of-plan.ts). Pure.
 */
import { entryChange, type EntryChange } from '@core/audit/entry-change';
import type { ChangeLogEntry } from '@shared/domain';
import type { EditOp } from './edit-ops';

/** What undoing one entry does. */
export interface EntryRewind extends Omit<EntryChange, 'back'> {
  ops: EditOp[];
}

/** Logged operations the as-of applies (workshop records: an open action is a finding) or that change nothing it shows. */
const APPLIED = new Set<string>(['putDecision', 'deleteDecision', 'putAction', 'deleteAction']);
const NOTHING_SHOWN = new Set<string>(['putSavedSet', 'deleteSavedSet', 'putImportRun', 'deleteImportRun', 'putMapping']);

/**
 * How to undo one entry (see the module comment). Assets an import created are not undone here:
 * the caller leaves out every asset created after the moment.
 */
export function rewindOf(entry: ChangeLogEntry): EntryRewind {
  const { back, ...rest } = entryChange(entry);
  const ops: EditOp[] = [];
  const unapplied = new Set<string>();
  for (const op of back) {
    if (op.op !== 'record') {
      // The typed operations are spelt as the edit logged them: EditOps.
      ops.push(op as EditOp);
      continue;
    }
    if (APPLIED.has(op.logged.op)) ops.push(op.logged as unknown as EditOp);
    else if (!NOTHING_SHOWN.has(op.logged.op)) unapplied.add(op.logged.op);
  }
  if (unapplied.size === 0 || rest.gap !== undefined) return { ...rest, ops };
  return { ...rest, ops, gap: `the as-of cannot rewind what it logged as ${[...unapplied].sort().join(', ')} (${entry.summary})` };
}
