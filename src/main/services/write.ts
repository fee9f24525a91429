/**
 * The write pipeline every service uses: one transaction holding the work and its change-log
 * entry, then — once committed — the engine brought up to date with what the write touched and
 * the workbook's listeners (the renderer) told what to refresh. A write whose body reports no
 * change and touches nothing leaves no trace.
 */
import { touchesNothing, type Touched } from '@shared/contract/events';
import { DemarcError } from '@shared/errors';
import { appendChange, type NewChange } from '../store/repos/change-log';
import { actorName, type OpenWorkbook, type ServiceContext } from './context';
import type { EditOp } from './edit-ops';

export type ChangeDescription = Omit<NewChange, 'at' | 'actor'>;

/** What a write's body did: its result, the change to log (null: nothing changed) and what it touched. */
export interface WriteOutcome<T> {
  result: T;
  change: ChangeDescription | null;
  touched: Touched;
  /** An edit's row operations, which the engine can apply in place instead of reloading. */
  ops?: readonly EditOp[];
}

/**
 * SQLite's "database or disk is full" as the user's error, naming the file: the transaction was
 * rolled back, so the workbook is as it was.
 */
function diskFull(error: unknown, path: string): DemarcError | null {
  if ((error as { code?: unknown }).code !== 'SQLITE_FULL') return null;
  return new DemarcError('BAD_FILE', `Could not write ${path}: no space left on the disk (ENOSPC). Nothing was changed: free some space and try again.`);
}

/** Who the change log records: the person at this machine, never a name stored in the workbook. */
export function actorOf(_wb: OpenWorkbook, ctx: ServiceContext): string {
  return actorName(ctx);
}

/**
 * Runs one write: a single transaction whose body does the work and returns the change to log.
 * Either both the work and its change-log entry land, or neither does (the engine's state, read
 * before, is then still true).
 */
export function write<T>(wb: OpenWorkbook, ctx: ServiceContext, body: (at: string, actor: string) => WriteOutcome<T>): T {
  const at = ctx.clock();
  const actor = actorOf(wb, ctx);
  let outcome: WriteOutcome<T>;
  try {
    outcome = wb.db.transaction(() => {
      const out = body(at, actor);
      if (out.change) appendChange(wb.db, { ...out.change, at, actor });
      return out;
    })();
  } catch (error) {
    throw diskFull(error, wb.path) ?? error;
  }
  if (outcome.change !== null || !touchesNothing(outcome.touched)) {
    wb.engine.committed(outcome.touched, outcome.ops ?? null, at);
    wb.wrote(outcome.touched);
  }
  return outcome.result;
}
