/**
 * The write pipeline every service uses: one transaction holding the work and its change-log
 * entry, then — once committed — the engine brought up to date with what the write touched and
 * the workbook's listeners (the renderer) told what to refresh. A write whose body reports no
 * change and touches nothing leaves no trace.
 */
import { touchesNothing, type Touched } from '@shared/contract/events';
import { DemarcError } from '@shared/errors';
import { addedReferences, brokenReferences, describeReference, type BrokenReference } from '../store/broken-references';
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

export interface WriteOptions {
  /**
   * The write puts back or keeps rows naming these parties, which the workbook does not hold (the
   * undo of a repair of damaged references, or an edit moving such a row): it runs with foreign
   * keys off and is refused if it leaves any other reference to a missing row than the workbook
   * already held or that names one of these parties.
   */
  missingParties?: readonly number[];
}

/** Throws (rolling the write back) when `after` holds a reference to a missing row that neither `before` nor `allowed` accounts for. */
function refuseNewDamage(before: readonly BrokenReference[], after: readonly BrokenReference[], allowed: readonly number[]): void {
  const held = new Set(before.filter((r) => r.parent === 'parties').map((r) => r.value));
  const added = addedReferences(before, after).filter((r) => !(r.parent === 'parties' && (held.has(r.value) || allowed.includes(r.value as number))));
  if (added.length > 0) {
    throw new DemarcError('RULE_VIOLATION', `This change would leave ${added.length} reference(s) to a missing row (first: ${describeReference(added[0]!)}). Nothing was changed.`);
  }
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
export function write<T>(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  body: (at: string, actor: string) => WriteOutcome<T>,
  options: WriteOptions = {}
): T {
  const at = ctx.clock();
  const actor = actorOf(wb, ctx);
  const carried = options.missingParties ?? null;
  let outcome: WriteOutcome<T>;
  // Foreign keys cannot be switched inside a transaction: off around it, checked within it.
  if (carried !== null) wb.db.pragma('foreign_keys = OFF');
  try {
    outcome = wb.db.transaction(() => {
      const before = carried === null ? null : brokenReferences(wb.db);
      const out = body(at, actor);
      if (before !== null) refuseNewDamage(before, brokenReferences(wb.db), carried ?? []);
      if (out.change) appendChange(wb.db, { ...out.change, at, actor });
      return out;
    })();
  } catch (error) {
    throw diskFull(error, wb.path) ?? error;
  } finally {
    if (carried !== null) wb.db.pragma('foreign_keys = ON');
  }
  if (outcome.change !== null || !touchesNothing(outcome.touched)) {
    wb.engine.committed(outcome.touched, outcome.ops ?? null, at);
    wb.wrote(outcome.touched);
  }
  return outcome.result;
}
