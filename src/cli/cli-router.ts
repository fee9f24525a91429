import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '@shared/contract';
import { DemarcError } from '@shared/errors';
import { HANDLERS } from '@main/handlers';
import { chromiumPrinter } from '@main/export/chromium-pdf';
import { NO_RECENT_FILES } from '@main/recent-files';
import { createRouter } from '@main/router';
import { TRUSTED_FILES } from '@main/security/file-grants';
import type { DialogPort } from '@main/router-context';
import type { ServiceContext } from '@main/services/context';
import { Session } from '@main/session';
import { KeyFile, cliKeyFilePath } from '@main/signing/key-store';
import type { CliIo } from './io';

const NO_DIALOGS: DialogPort = {
  chooseNewWorkbookPath: () => Promise.resolve(null),
  chooseWorkbookToOpen: () => Promise.resolve(null),
  chooseImportFiles: () => Promise.resolve([]),
  chooseExportPath: () => Promise.resolve(null),
  chooseModelFile: () => Promise.resolve(null),
  chooseMappingFile: () => Promise.resolve(null),
  chooseExportToVerify: () => Promise.resolve(null),
  chooseCaiqWorkbook: () => Promise.resolve(null)
};

function osUserName(env: CliIo['env']): string {
  try {
    return userInfo().username;
  } catch {
    return env.USER ?? env.USERNAME ?? 'unknown';
  }
}

/** The CLI's way onto the one road: the same router, handlers and services as the app. */
export class CliRouter {
  readonly session = new Session();
  /** The clock and user the services run with: commands that stream call a service directly. */
  readonly services: ServiceContext;
  private readonly router;

  constructor(private readonly io: CliIo, progress?: (payload: unknown) => void) {
    this.services = { clock: () => new Date().toISOString(), osUser: io.env.DEMARC_USER ?? osUserName(io.env), signingKey: new KeyFile(cliKeyFilePath(io.env)) };
    this.router = createRouter(HANDLERS, {
      services: this.services,
      session: this.session,
      recent: NO_RECENT_FILES,
      dialogs: NO_DIALOGS,
      // The CLI's user typed each path: every one is theirs (the file checks still apply).
      files: TRUSTED_FILES,
      shell: { showItemInFolder: () => undefined, workbookChanged: () => undefined },
      printPdf: chromiumPrinter(io.env),
      emit: (event, payload) => {
        if (event === 'progress') progress?.(payload);
      }
    });
  }

  /** Calls a method; a failure becomes a DemarcError carrying the router's code and message. */
  async call<M extends MethodName>(method: M, args: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await this.router.handle(method, args);
    if (!result.ok) throw new DemarcError(result.error.code, result.error.message, result.error.details);
    return result.data as MethodOutput<M>;
  }

  path(file: string): string {
    return resolve(this.io.cwd, file);
  }

  close(): void {
    this.session.close();
  }
}
