import { join } from 'node:path';
import { denyAllPermissions, guardContents, type GuardableContents, type GuardableSession } from './security/guards';
import type { AppOrigin } from './security/trusted-url';

/** Every security-relevant setting of the main window, in one place and unit-tested. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    navigateOnDragDrop: false,
    spellcheck: false
  } as const;
}

export function mainWindowOptions(outDir: string) {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Demarc',
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(join(outDir, 'preload', 'index.js'))
  };
}

/** The renderer's URL: the dev server in development, the built file otherwise. */
export function rendererOrigin(outDir: string, devServerUrl: string | undefined): AppOrigin {
  if (devServerUrl) return { rendererUrl: devServerUrl };
  const file = join(outDir, 'renderer', 'index.html').replace(/\\/g, '/');
  return { rendererUrl: `file://${file.startsWith('/') ? '' : '/'}${encodeURI(file)}` };
}

export interface WindowLike {
  webContents: GuardableContents & { session: GuardableSession };
}

/** Applies the guards to a created window. */
export function secureWindow(window: WindowLike, origin: AppOrigin, openExternal: (url: string) => Promise<void>): void {
  guardContents(window.webContents, origin, openExternal);
  denyAllPermissions(window.webContents.session);
}

export function windowTitle(workbook: { name: string } | null): string {
  return workbook ? `${workbook.name} — Demarc` : 'Demarc';
}
