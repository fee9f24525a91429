import { INVOKE_CHANNEL } from '@shared/contract';
import type { Router } from './router';

/** The part of Electron's ipcMain we use; tests pass a double. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: unknown, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/**
 * Binds the router to the single invoke channel. Calls from a sender the app does not trust
 * are refused before the router sees them. Returns a function that unbinds it.
 */
export function registerIpc(ipcMain: IpcMainLike, router: Router, isTrustedSender: (event: unknown) => boolean = () => true): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method, args) => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'BAD_REQUEST', message: 'Request refused: it did not come from the Demarc window.' } };
    }
    // The method name is checked by the router, not converted here: String() of an object runs its toString.
    return router.handle(method, args);
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}
