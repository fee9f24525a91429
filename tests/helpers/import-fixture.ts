/** What the import tests share: fixture paths, a router over a real temp workbook, small files. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HANDLERS } from '@main/handlers';
import { NO_RECENT_FILES } from '@main/recent-files';
import { createRouter } from '@main/router';
import { TRUSTED_FILES } from '@main/security/file-grants';
import { Session } from '@main/session';
import type { ProgressEvent } from '@shared/contract';
import { FIXTURES } from './fixture-paths';
import { fixedClock, tempDir } from '@tests/helpers/temp';

export function fixturePath(relative: string): string {
  return join(FIXTURES, relative);
}

/** Writes a small file into a temp folder and returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const path = join(tempDir('demarc-import-'), name);
  writeFileSync(path, content);
  return path;
}

/** A router on a fresh workbook; `onProgress` sees every progress event (and may cancel). */
export async function importRouter(options: { importFiles?: string[][]; onProgress?: (event: ProgressEvent) => void } = {}) {
  const session = new Session();
  const queue = options.importFiles ?? [];
  const path = join(tempDir(), 'import.demarc');
  const router = createRouter(HANDLERS, {
    services: { clock: fixedClock(), osUser: 'tester' },
    session,
    recent: NO_RECENT_FILES,
    files: TRUSTED_FILES,
    dialogs: {
      chooseNewWorkbookPath: () => Promise.resolve(null),
      chooseWorkbookToOpen: () => Promise.resolve(null),
      chooseImportFiles: () => Promise.resolve(queue.shift() ?? []),
      chooseExportPath: () => Promise.resolve(null),
      chooseModelFile: () => Promise.resolve(null),
      chooseMappingFile: () => Promise.resolve(null),
      chooseExportToVerify: () => Promise.resolve(null),
      chooseCaiqWorkbook: () => Promise.resolve(null)
    },
    shell: { showItemInFolder: () => undefined, workbookChanged: () => undefined },
    emit: (event, payload) => {
      if (event === 'progress') options.onProgress?.(payload as ProgressEvent);
    }
  });
  const created = await router.handle('workbook.create', { path, organisation: 'Acme' });
  if (!created.ok) throw new Error(created.error.message);
  return { router, session, path };
}

/** `n` az resource list entries; `rg` lets a test drift the resource group's case. */
export function azJson(entries: { name: string; type?: string; rg?: string; tags?: Record<string, string>; sub?: string }[]): string {
  return JSON.stringify(
    entries.map((e) => {
      const rg = e.rg ?? 'rg-app';
      const type = e.type ?? 'Microsoft.Compute/virtualMachines';
      const sub = e.sub ?? '11111111-2222-3333-4444-555555555555';
      return {
        id: `/subscriptions/${sub}/resourceGroups/${rg}/providers/${type}/${e.name}`,
        name: e.name,
        type,
        location: 'westeurope',
        resourceGroup: rg,
        tags: e.tags ?? {}
      };
    }),
    null,
    2
  );
}
