import { join } from 'node:path';
import { HANDLERS } from '@main/handlers';
import { NO_RECENT_FILES } from '@main/recent-files';
import { createRouter, type Router } from '@main/router';
import type { DialogPort } from '@main/router-context';
import { Session } from '@main/session';
import { fixedClock, tempDir } from './temp';

/** Dialogs the user always cancels. */
export const CANCELLED_DIALOGS: DialogPort = {
  chooseNewWorkbookPath: () => Promise.resolve(null),
  chooseWorkbookToOpen: () => Promise.resolve(null),
  chooseImportFiles: () => Promise.resolve([]),
  chooseExportPath: () => Promise.resolve(null),
  chooseModelFile: () => Promise.resolve(null),
  chooseMappingFile: () => Promise.resolve(null),
  chooseCaiqWorkbook: () => Promise.resolve(null)
};

/**
 * The real router and handlers over a new workbook on a temp file (created through the router),
 * with dialogs that are cancelled and a shell that does nothing.
 */
export async function routerOverTempWorkbook(): Promise<{ router: Router; session: Session; path: string; dir: string }> {
  const session = new Session();
  const router = createRouter(HANDLERS, {
    services: { clock: fixedClock(), osUser: 'tester' },
    session,
    recent: NO_RECENT_FILES,
    dialogs: CANCELLED_DIALOGS,
    shell: { showItemInFolder: () => undefined, workbookChanged: () => undefined },
    emit: () => undefined
  });
  const dir = tempDir();
  const path = join(dir, 'hostile.demarc');
  const created = await router.handle('workbook.create', { path, organisation: 'Acme' });
  if (!created.ok) throw new Error(`workbook.create failed: ${created.error.message}`);
  return { router, session, path, dir };
}
