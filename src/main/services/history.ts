/**
 * Undo and redo of the user's edits in this session. The stacks are the OpenWorkbook's (a
 * reopened workbook starts clean); the change log keeps the permanent record. Undo and redo are
 * writes like any other: one transaction and one change-log entry ("Undo: …", "Redo: …").
 */
import type { HistoryState } from '@shared/contract/engine';
import type { Touched } from '@shared/contract/events';
import { DemarcError } from '@shared/errors';
import type { OpenWorkbook, ServiceContext } from './context';
import { absentPartyIds } from '../store/repos/parties';
import { applyOps, partiesWritten, type EditOp } from './edit-ops';
import { write, type WriteOptions } from './write';

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
  /**
   * Set by writeEdit: parties its operations name that the workbook did not hold when it was made
   * (damage the edit repaired or carried), which its undo and redo may put back.
   */
  missingParties?: readonly number[];
}

const MAX_STEPS = 200;

/** The undo and redo stacks of one open workbook. */
export class History {
  undo: EditStep[] = [];
  redo: EditStep[] = [];

  /** A new edit: the latest undo step; the redo stack no longer applies. */
  push(step: EditStep): void {
    this.undo.push(step);
    if (this.undo.length > MAX_STEPS) this.undo.shift();
    this.redo = [];
  }
}

/** What a list of operations touches, for the engine and the renderer. */
export function touchedBy(ops: readonly EditOp[]): Touched {
  const assets = new Set<number>();
  const touched: Touched = {};
  for (const op of ops) {
    switch (op.op) {
      case 'patchAssets':
        for (const id of op.ids) assets.add(id);
        break;
      case 'putOverride':
      case 'putNote':
        assets.add(op.row.assetId);
        break;
      case 'deleteOverride':
      case 'deleteNote':
        assets.add(op.assetId);
        break;
      case 'putAssignments':
      case 'deleteAssignments':
        for (const row of op.rows) assets.add(row.assetId);
        break;
      case 'putParty':
      case 'deleteParty':
        touched.parties = true;
        break;
      case 'meta':
        touched.settings = true;
        break;
      case 'putDecision':
      case 'deleteDecision':
      case 'putWorkshop':
      case 'deleteWorkshop':
        touched.workshops = true;
        break;
      case 'putAction':
      case 'deleteAction':
        // An open action is a finding on the assets it covers.
        touched.workshops = true;
        for (const id of op.row.assetIds) assets.add(id);
        break;
      case 'mergeAssetFields':
      case 'putAssets':
      case 'deleteAssets':
        touched.inventory = true;
        break;
      case 'putModel':
      case 'deleteModel':
        touched.models = true;
        break;
      case 'putSignOff':
      case 'deleteSignOff':
        touched.signOffs = true;
        break;
      case 'putImportRun':
      case 'deleteImportRun':
        touched.inventory = true;
        break;
      case 'putSavedSet':
      case 'deleteSavedSet':
        touched.savedSets = true;
        break;
      case 'putMapping':
        touched.mapping = true;
        break;
    }
  }
  if (assets.size > 0) touched.assets = [...assets];
  return touched;
}

/**
 * The write options for applying `ops`: when they name a party the workbook does not hold, the
 * write carries it — one that other rows already name (a damaged row moved or kept), or one of
 * `restorable` (what the step's first application took away) — and nothing else.
 */
function carriedParties(wb: OpenWorkbook, ops: readonly EditOp[], restorable: readonly number[]): WriteOptions {
  const written = partiesWritten(ops);
  if (written.size === 0) return {};
  return absentPartyIds(wb.db, written).length === 0 ? {} : { missingParties: restorable };
}

/**
 * Applies an edit as one write (its operations plus one change-log entry) and makes it the
 * latest undo step; any new edit clears the redo stack.
 */
export function writeEdit(wb: OpenWorkbook, ctx: ServiceContext, step: EditStep): void {
  const missing = absentPartyIds(wb.db, partiesWritten([...step.forward, ...step.backward]));
  const recorded: EditStep = missing.length === 0 ? step : { ...step, missingParties: missing };
  write(wb, ctx, (at) => {
    applyOps(wb.db, step.forward, at);
    return {
      result: undefined,
      change: {
        action: step.action,
        entity: step.entity,
        entityId: step.entityId,
        summary: step.summary,
        before: step.before ?? step.backward,
        after: step.after ?? step.forward
      },
      touched: touchedBy(step.forward),
      ops: step.forward
    };
  }, carriedParties(wb, step.forward, []));
  wb.history.push(recorded);
}

/** What the Edit menu shows. */
export function historyState(wb: OpenWorkbook): HistoryState {
  const { undo, redo } = wb.history;
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
  try {
    write(wb, ctx, (at) => {
      applyOps(wb.db, ops, at);
      return {
        result: undefined,
        change: {
          action: `history.${direction}`,
          entity: step.entity,
          entityId: step.entityId,
          summary: `${direction === 'undo' ? 'Undo' : 'Redo'}: ${step.summary}`,
          before: direction === 'undo' ? (step.after ?? step.forward) : (step.before ?? step.backward),
          after: direction === 'undo' ? (step.before ?? step.backward) : (step.after ?? step.forward)
        },
        touched: touchedBy(ops),
        ops
      };
    }, carriedParties(wb, ops, step.missingParties ?? []));
  } catch (error) {
    // Typically a later change outside the history (an import) made the step inapplicable.
    const reason = error instanceof Error ? error.message : String(error);
    throw new DemarcError('RULE_VIOLATION', `Cannot ${direction} "${step.summary}": ${reason}. Nothing was changed.`);
  }
}

/** Reverses the latest edit as a new write. */
export function undo(wb: OpenWorkbook, ctx: ServiceContext): HistoryState {
  const stacks = wb.history;
  const step = stacks.undo[stacks.undo.length - 1];
  if (step === undefined) throw new DemarcError('NOT_FOUND', 'Nothing to undo.');
  replay(wb, ctx, step, 'undo');
  stacks.undo.pop();
  stacks.redo.push(step);
  return historyState(wb);
}

/** Re-applies the latest undone edit as a new write. */
export function redo(wb: OpenWorkbook, ctx: ServiceContext): HistoryState {
  const stacks = wb.history;
  const step = stacks.redo[stacks.redo.length - 1];
  if (step === undefined) throw new DemarcError('NOT_FOUND', 'Nothing to redo.');
  replay(wb, ctx, step, 'redo');
  stacks.redo.pop();
  stacks.undo.push(step);
  return historyState(wb);
}
