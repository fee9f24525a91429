/**
 * The preload: window.api = { invoke, on } over a fixed allowlist, nothing else.
 * Runs sandboxed with context isolation; it may require only 'electron'.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { DROPPED_FILE_CHANNEL, EVENTS, EVENT_CHANNEL_PREFIX, INVOKE_CHANNEL, METHODS, type DemarcApi, type EventName, type EventPayloads } from '@shared/contract';

const ALLOWED_METHODS = new Set(Object.keys(METHODS));
const ALLOWED_EVENTS = new Set<string>(EVENTS);

function invoke(method: string, args: unknown): Promise<unknown> {
  if (!ALLOWED_METHODS.has(method)) {
    return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${method}` } });
  }
  return ipcRenderer.invoke(INVOKE_CHANNEL, method, args);
}

const api: DemarcApi = {
  // The router answers with the contract's Result; the generic signature is the contract's promise.
  invoke: invoke as DemarcApi['invoke'],
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
    if (!ALLOWED_EVENTS.has(event)) throw new Error(`Unknown event: ${String(event)}`);
    const channel = `${EVENT_CHANNEL_PREFIX}${event}`;
    // Never hand the IpcRendererEvent (and its sender) to page code.
    // Main is trusted: what it sends on an event's channel is that event's payload.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload as EventPayloads[E]);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
  // Sandboxed pages cannot see a dropped file's path; Electron's webUtils can. A file with a
  // path came from the user (a drop): main is told, and grants it for reading. Sent before any
  // request naming it, on the same ordered pipe.
  pathForFile(file: File) {
    let path = '';
    try {
      path = webUtils.getPathForFile(file);
    } catch {
      return '';
    }
    if (path !== '') void ipcRenderer.invoke(DROPPED_FILE_CHANNEL, path);
    return path;
  }
};

contextBridge.exposeInMainWorld('api', api);
