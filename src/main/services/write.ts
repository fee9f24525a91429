import { appendChange, type NewChange } from '../store/repos/change-log';
import { readSettings } from '../store/repos/meta';
import type { OpenWorkbook, ServiceContext } from './context';
import { bumpRevision } from './engine-state';

export type ChangeDescription = Omit<NewChange, 'at' | 'actor'>;

/** The workbook user's name as the change log records it. */
export function actorOf(wb: OpenWorkbook, ctx: ServiceContext): string {
  return readSettings(wb.db, ctx.osUser).userName;
}

/**
 * Runs one write: a single transaction whose body does the work and returns the change to log.
 * Either both the work and its change-log entry land, or neither does.
 */
export function write<T>(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  body: (at: string, actor: string) => { result: T; change: ChangeDescription | null }
): T {
  const at = ctx.clock();
  const actor = actorOf(wb, ctx);
  try {
    return wb.db.transaction(() => {
      const { result, change } = body(at, actor);
      if (change) appendChange(wb.db, { ...change, at, actor });
      return result;
    })();
  } finally {
    // Loaded engine state is stale after a commit; after a rollback a reload is merely wasted.
    bumpRevision(wb);
  }
}
