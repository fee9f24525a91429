/**
 * What undoing one change-log entry does to the workbook as the as-of rewind applies it: the way
 * back the entry logged (core/audit/entry-change.ts reads it) as the engine's edit operations
 * (`EditOp`, what undo and redo replay), with the settings, provider model and sign-off it names.
 * A merge's imported fields are patches like any other and the assets it brought are left out; an
 * operation the as-of cannot apply to its pages (assets put back, sign-offs, models a merge
 * carried, settings keys) makes the entry a gap: what it changed is shown as it is now. The
 * workbook as it was at a moment is the workbook now with every later entry undone, newest first
 * (as-of-plan.ts). Pure.
 */
import { entryChange, type EntryChange } from '@core/audit/entry-change';
import type { ChangeLogEntry } from '@shared/domain';
import type { EditOp } from './edit-ops';

/** What undoing one entry does. */
export interface EntryRewind extends Omit<EntryChange, 'back'> {
  ops: EditOp[];
  /** Assets the entry brought (a merge's new assets): not there before it. */
  assetsBrought?: number[];
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
  const brought: number[] = [];
  for (const op of back) {
    if (op.op !== 'record') {
      // The typed operations are spelt as the edit logged them: EditOps.
      ops.push(op as EditOp);
      continue;
    }
    const logged = op.logged as unknown as EditOp;
    if (logged.op === 'mergeAssetFields') ops.push({ op: 'patchAssets', ids: logged.ids, patch: logged.patch });
    else if (logged.op === 'deleteAssets') brought.push(...logged.ids);
    else if (APPLIED.has(logged.op)) ops.push(logged);
    else if (!NOTHING_SHOWN.has(logged.op)) unapplied.add(logged.op);
  }
  const more = brought.length === 0 ? {} : { assetsBrought: brought };
  if (unapplied.size === 0 || rest.gap !== undefined) return { ...rest, ...more, ops };
  return { ...rest, ...more, ops, gap: `the as-of cannot rewind what it logged as ${[...unapplied].sort().join(', ')} (${entry.summary})` };
}
