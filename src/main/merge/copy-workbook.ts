/**
 * A copy of the open workbook made for someone to take away (File › Save a copy for…, `demarc
 * copy --for`). It keeps the workbook's id and its whole change log, so a later merge finds where
 * the two parted; each side's log says when and for whom the copy was made. The copy appears only
 * when complete (written beside the target, then renamed).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import type { CopyResult } from '@shared/contract/merge';
import { DemarcError } from '@shared/errors';
import { OpenWorkbook } from '../open-workbook';
import { checkWritablePath } from '../security/user-files';
import type { ServiceContext } from '../services/context';
import { write } from '../services/write';
import { META_KEYS, readMeta } from '../store/repos/meta';
import { listStoredChanges } from '../store/repos/merge-side';
import { openWorkbookFile } from '../store/workbook-file';
import { changeIdentity } from './read-side';

export function copyWorkbook(wb: OpenWorkbook, ctx: ServiceContext, input: { path: string; label: string }): CopyResult {
  const path = /\.demarc$/i.test(input.path) ? input.path : `${input.path}.demarc`;
  checkWritablePath(path);
  if (existsSync(path)) throw new DemarcError('ALREADY_EXISTS', `${path} already exists: choose another name for the copy. Nothing was written.`);
  const label = input.label.trim();
  const changes = listStoredChanges(wb.db);
  const last = changes[changes.length - 1];
  const head = last === undefined ? null : changeIdentity(last);
  const workbookId = readMeta(wb.db).get(META_KEYS.workbookId) ?? '';
  const partial = `${path}.partial-${process.pid}`;
  try {
    wb.db.prepare('VACUUM INTO ?').run(partial);
    const copy = new OpenWorkbook(openWorkbookFile(partial, ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}));
    try {
      write(copy, ctx, () => ({
        result: undefined,
        change: {
          action: 'workbook.copy',
          entity: 'workbook',
          entityId: workbookId,
          summary: `Copy for ${label}, made from ${basename(wb.path)}`,
          after: { label, from: wb.path, head }
        },
        touched: {}
      }));
    } finally {
      copy.close();
    }
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  write(wb, ctx, () => ({
    result: undefined,
    change: { action: 'workbook.copy', entity: 'workbook', entityId: workbookId, summary: `Saved a copy for ${label}: ${basename(path)}`, after: { label, path, head } },
    touched: {}
  }));
  return { path, label, workbookId, head };
}
