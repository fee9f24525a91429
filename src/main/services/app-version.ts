import { hasAppVersion, insertAppVersion } from '../store/repos/app-versions';
import type { OpenWorkbook, ServiceContext } from './context';
import { actorOf } from './write';

/**
 * Records the running Demarc version in the workbook the first time this version opens it.
 * Writes nothing when the version is already there, so opening a workbook again leaves its
 * bytes as they were. Not a change-log entry (see 0003_app_versions.sql): no undo, no effect on
 * "exported at" or the export's content hash. Returns whether a row was written.
 */
export function recordAppVersion(wb: OpenWorkbook, ctx: ServiceContext): boolean {
  const version = ctx.appVersion ?? __DEMARC_VERSION__;
  if (hasAppVersion(wb.db, version)) return false;
  const row = { version, firstOpenedAt: ctx.clock(), firstOpenedBy: actorOf(wb, ctx) };
  wb.db.transaction(() => insertAppVersion(wb.db, row))();
  return true;
}
