import { join } from 'node:path';
import { HANDLERS } from '@main/handlers';
import { NO_RECENT_FILES } from '@main/recent-files';
import { createRouter, type Router } from '@main/router';
import type { DialogPort } from '@main/router-context';
import { SessionGrants } from '@main/security/file-grants';
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
  chooseCaiqWorkbook: () => Promise.resolve(null),
  chooseExportToVerify: () => Promise.resolve(null)
};

/**
 * The real router and handlers over a new workbook on a temp file (created through the router),
 * as the app has them: only files the user chose may be named (the workbook is granted), dialogs
 * are cancelled and the shell does nothing.
 */
export async function routerOverTempWorkbook(options: { dir?: string } = {}): Promise<{ router: Router; session: Session; files: SessionGrants; path: string; dir: string }> {
  const session = new Session();
  const files = new SessionGrants();
  const router = createRouter(HANDLERS, {
    services: { clock: fixedClock(), osUser: 'tester' },
    session,
    recent: NO_RECENT_FILES,
    dialogs: CANCELLED_DIALOGS,
    files,
    shell: { showItemInFolder: () => undefined, workbookChanged: () => undefined },
    emit: () => undefined
  });
  // A folder of the caller's outlives the test (a suite's fixture); tempDir's goes after each test.
  const dir = options.dir ?? tempDir();
  const path = join(dir, 'hostile.demarc');
  files.grant(path, 'workbook');
  const created = await router.handle('workbook.create', { path, organisation: 'Acme' });
  if (!created.ok) throw new Error(`workbook.create failed: ${created.error.message}`);
  return { router, session, files, path, dir };
}
