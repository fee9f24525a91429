import { INVOKE_CHANNEL } from '../shared/contract';
import type { Router } from './router';

/** The part of Electron's ipcMain we use; tests pass a double. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: unknown, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Binds the router to the single invoke channel. Returns a function that unbinds it. */
export function registerIpc(ipcMain: IpcMainLike, router: Router): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (_event, method, args) => router.handle(String(method), args));
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}
