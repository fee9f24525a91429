/**
 * Undo and redo of the user's edits in this session. Stacks live in memory per OpenWorkbook (a
 * reopened workbook starts clean); the change log keeps the permanent record. Undo and redo are
 * writes like any other: one transaction and one change-log entry ("Undo: …", "Redo: …").
 */
import type { HistoryState } from '@shared/contract/engine';
import { DemarcError } from '@shared/errors';
import type { OpenWorkbook, ServiceContext } from './context';
import { applyOps, type EditOp } from './edit-ops';
import { applyEditToState, currentState } from './engine-state-edit';
import { write } from './write';

export interface EditStep {
  action: string;
  entity: string;
  entityId: string | null;
  /** The change log's summary; undo and redo reuse it as their label. */
  summary: string;
  forward: EditOp[];
  backward: EditOp[];
  /** What the change log records; defaults to the reverse and forward operations. */
  before?: unknown;
  after?: unknown;
}

interface Stacks {
  undo: EditStep[];
  redo: EditStep[];
}

const MAX_STEPS = 200;
const histories = new WeakMap<OpenWorkbook, Stacks>();

function stacksOf(wb: OpenWorkbook): Stacks {
  let stacks = histories.get(wb);
  if (stacks === undefined) {
    stacks = { undo: [], redo: [] };
    histories.set(wb, stacks);
  }
  return stacks;
}

/**
 * Applies an edit as one write (its operations plus one change-log entry) and makes it the
 * latest undo step; any new edit clears the redo stack.
 */
export function writeEdit(wb: OpenWorkbook, ctx: ServiceContext, step: EditStep): void {
  const loaded = currentState(wb);
  const at = write(wb, ctx, (at) => {
    applyOps(wb.db, step.forward, at);
    return {
      result: at,
      change: {
        action: step.action,
        entity: step.entity,
        entityId: step.entityId,
        summary: step.summary,
        before: step.before ?? step.backward,
        after: step.after ?? step.forward
      }
    };
  });
  applyEditToState(wb, loaded, step.forward, at);
  const stacks = stacksOf(wb);
  stacks.undo.push(step);
  if (stacks.undo.length > MAX_STEPS) stacks.undo.shift();
  stacks.redo = [];
}

/** What the Edit menu shows. */
export function historyState(wb: OpenWorkbook): HistoryState {
  const { undo, redo } = stacksOf(wb);
  const lastUndo = undo[undo.length - 1];
  const lastRedo = redo[redo.length - 1];
  return {
    canUndo: lastUndo !== undefined,
    canRedo: lastRedo !== undefined,
    undoLabel: lastUndo ? `Undo: ${lastUndo.summary}` : null,
    redoLabel: lastRedo ? `Redo: ${lastRedo.summary}` : null
  };
}

function replay(wb: OpenWorkbook, ctx: ServiceContext, step: EditStep, direction: 'undo' | 'redo'): void {
  const ops = direction === 'undo' ? step.backward : step.forward;
  const loaded = currentState(wb);
  try {
    const at = write(wb, ctx, (at) => {
      applyOps(wb.db, ops, at);
      return {
        result: at,
        change: {
          action: `history.${direction}`,
          entity: step.entity,
          entityId: step.entityId,
          summary: `${direction === 'undo' ? 'Undo' : 'Redo'}: ${step.summary}`,
          before: direction === 'undo' ? (step.after ?? step.forward) : (step.before ?? step.backward),
          after: direction === 'undo' ? (step.before ?? step.backward) : (step.after ?? step.forward)
        }
      };
    });
    applyEditToState(wb, loaded, ops, at);
  } catch (error) {
    // Typically a later change outside the history (an import) made the step inapplicable.
    const reason = error instanceof Error ? error.message : String(error);
    throw new DemarcError('RULE_VIOLATION', `Cannot ${direction} "${step.summary}": ${reason}. Nothing was changed.`);
  }
}

/** Reverses the latest edit as a new write. */
export function undo(wb: OpenWorkbook, ctx: ServiceContext): HistoryState {
  const stacks = stacksOf(wb);
  const step = stacks.undo[stacks.undo.length - 1];
  if (step === undefined) throw new DemarcError('NOT_FOUND', 'Nothing to undo.');
  replay(wb, ctx, step, 'undo');
  stacks.undo.pop();
  stacks.redo.push(step);
  return historyState(wb);
}

/** Re-applies the latest undone edit as a new write. */
export function redo(wb: OpenWorkbook, ctx: ServiceContext): HistoryState {
  const stacks = stacksOf(wb);
  const step = stacks.redo[stacks.redo.length - 1];
  if (step === undefined) throw new DemarcError('NOT_FOUND', 'Nothing to redo.');
  replay(wb, ctx, step, 'redo');
  stacks.redo.pop();
  stacks.undo.push(step);
  return historyState(wb);
}
