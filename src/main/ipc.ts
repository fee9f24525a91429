import { DROPPED_FILE_CHANNEL, INVOKE_CHANNEL } from '@shared/contract';
import type { Router } from './router';

/** The part of Electron's ipcMain we use; tests pass a double. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: unknown, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/**
 * Binds the router to the single invoke channel, and the preload's word that the user dropped a
 * file to `onDroppedFile` (the app grants that path for reading). Calls from a sender the app
 * does not trust are refused before the router sees them. Returns a function that unbinds both.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  router: Router,
  isTrustedSender: (event: unknown) => boolean = () => true,
  onDroppedFile: (path: string) => void = () => undefined
): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method, args) => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'BAD_REQUEST', message: 'Request refused: it did not come from the Demarc window.' } };
    }
    // The method name is checked by the router, not converted here: String() of an object runs its toString.
    return router.handle(method, args);
  });
  // Only the preload sends this, with the path Electron gave for a File from a real drop: page
  // script cannot reach the channel, and a File it makes itself has no path.
  ipcMain.handle(DROPPED_FILE_CHANNEL, (event, path) => {
    if (isTrustedSender(event) && typeof path === 'string' && path.length > 0 && path.length <= 4096) onDroppedFile(path);
    return null;
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    ipcMain.removeHandler(DROPPED_FILE_CHANNEL);
  };
}
