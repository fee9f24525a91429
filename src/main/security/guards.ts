import { openExternalSafely } from './open-external';
import { isAppUrl, type AppOrigin } from './trusted-url';

/** The parts of webContents and session our guards use; Electron's objects fit, tests pass doubles. */
export interface GuardableContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
}

export interface GuardableSession {
  setPermissionRequestHandler(handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string) => boolean) | null): void;
}

/**
 * Navigation, redirects and webviews to anything but the app are blocked; window.open is
 * denied (https links go to the OS browser through openExternalSafely); permissions denied.
 */
export function guardContents(contents: GuardableContents, origin: AppOrigin, openExternal: (url: string) => Promise<void>): void {
  const blockForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, origin)) {
      event.preventDefault();
      openExternalSafely(url, openExternal);
    }
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, origin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url, openExternal);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(session: GuardableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
