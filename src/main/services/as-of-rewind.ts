/**
 * What undoing one change-log entry does to the workbook as the as-of rewind applies it: the way
 * back the entry logged (core/audit/entry-change.ts reads it) as the engine's edit operations
 * (`EditOp`, what undo and redo replay), with the settings, provider model and sign-off it names.
 * A merge's imported fields are patches like any other; the records a merge or its undo carried
 * (whole assets, sign-offs, custom models) are handed on as they were logged, for the plan to
 * decide which were there at the moment; settings keys logged with their values are the settings
 * before. An operation the as-of cannot apply to its pages makes the entry a gap: what it changed
 * is shown as it is now. The
 * workbook as it was at a moment is the workbook now with every later entry undone, newest first
 * (as-of-plan.ts). Pure.
 */
import { entryChange, type EntryChange } from '@core/audit/entry-change';
import type { ChangeLogEntry } from '@shared/domain';
import { settingsFromMeta } from '../store/repos/meta';
import type { EditOp } from './edit-ops';

/** Whole records put or taken out (a merge's and its undo's): the asset rows, sign-offs and custom models. */
export type CarriedOp = Extract<EditOp, { op: 'putAssets' | 'deleteAssets' | 'putSignOff' | 'deleteSignOff' | 'putModel' | 'deleteModel' }>;
const CARRIED = new Set<string>(['putAssets', 'deleteAssets', 'putSignOff', 'deleteSignOff', 'putModel', 'deleteModel']);
const isCarried = (op: EditOp): op is CarriedOp => CARRIED.has(op.op);

/** What undoing one entry does. */
export interface EntryRewind extends Omit<EntryChange, 'back'> {
  ops: EditOp[];
  /** Records the way back puts or takes out, in the order it does. */
  carried?: CarriedOp[];
}

/**
 * Logged operations the as-of applies (workshop records: an open action is a finding) or that
 * change nothing it shows (a workshop's own row, attendees and groups: the title an open action
 * shows is logged with the action).
 */
const APPLIED = new Set<string>(['putDecision', 'deleteDecision', 'putAction', 'deleteAction']);
const NOTHING_SHOWN = new Set<string>(['putSavedSet', 'deleteSavedSet', 'putImportRun', 'deleteImportRun', 'putMapping', 'putWorkshop', 'deleteWorkshop']);

/**
 * How to undo one entry (see the module comment). Assets an import created are not undone here:
 * the caller leaves out every asset created after the moment.
 */
export function rewindOf(entry: ChangeLogEntry): EntryRewind {
  const { back, ...rest } = entryChange(entry);
  const ops: EditOp[] = [];
  const unapplied = new Set<string>();
  const carried: CarriedOp[] = [];
  const meta = new Map<string, string>();
  for (const op of back) {
    if (op.op !== 'record') {
      // The typed operations are spelt as the edit logged them: EditOps.
      ops.push(op as EditOp);
      continue;
    }
    const logged = op.logged as unknown as EditOp;
    if (logged.op === 'mergeAssetFields') ops.push({ op: 'patchAssets', ids: logged.ids, patch: logged.patch });
    else if (isCarried(logged)) carried.push(logged);
    else if (logged.op === 'meta') meta.set(logged.key, logged.value);
    else if (APPLIED.has(logged.op)) ops.push(logged);
    else if (!NOTHING_SHOWN.has(logged.op)) unapplied.add(logged.op);
  }
  const more = {
    ...(carried.length === 0 ? {} : { carried }),
    ...(meta.size === 0 ? {} : { settings: { ...rest.settings, ...settingsFromMeta(meta) } })
  };
  if (unapplied.size === 0 || rest.gap !== undefined) return { ...rest, ...more, ops };
  return { ...rest, ...more, ops, gap: `the as-of cannot rewind what it logged as ${[...unapplied].sort().join(', ')} (${entry.summary})` };
}
