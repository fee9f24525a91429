import { join } from 'node:path';
import { denyAllPermissions, guardContents, type GuardableContents, type GuardableSession } from './security/guards';
import type { AppOrigin } from './security/trusted-url';

/**
 * Creates the main window with every security-relevant setting written out here, as a literal
 * inside `new BrowserWindow(...)`, so both the unit tests and the static audit
 * (electronegativity reads only such literals) see the real values.
 */
export function createMainWindow<T>(BrowserWindow: new (options: Record<string, unknown>) => T, outDir: string, icon?: string): T {
  return new BrowserWindow({
    // Linux and Windows show it in the title bar and task switcher (macOS uses the bundle's).
    ...(icon ? { icon } : {}),
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Demarc',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: join(outDir, 'preload', 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false
    }
  });
}

/**
 * A hidden window that only lays out the workshop minutes (our own HTML, no script) for
 * printToPDF: no preload, JavaScript off, sandboxed like the main window.
 */
export function createPrintWindow<T>(BrowserWindow: new (options: Record<string, unknown>) => T): T {
  return new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false
    }
  });
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
