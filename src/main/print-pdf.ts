/**
 * Electron's printToPDF for the workshop minutes: the HTML is written to a temp file, laid out in
 * a hidden, script-free window (window.ts) whose navigation and permissions are refused, printed
 * on A4, and the window and file are removed whatever happens.
 */
import type { BrowserWindow as BrowserWindowType } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { denyAllPermissions } from './security/guards';
import type { PrintPdf } from './services/workshop/workshop-minutes';
import { createPrintWindow } from './window';

export function electronPdfPrinter(BrowserWindow: typeof BrowserWindowType): PrintPdf {
  return async (html) => {
    const dir = mkdtempSync(join(tmpdir(), 'demarc-minutes-'));
    const window = createPrintWindow(BrowserWindow as unknown as new (options: Record<string, unknown>) => BrowserWindowType);
    try {
      const contents = window.webContents;
      contents.on('will-navigate', (event) => event.preventDefault());
      contents.setWindowOpenHandler(() => ({ action: 'deny' }));
      denyAllPermissions(contents.session);
      const file = join(dir, 'minutes.html');
      writeFileSync(file, html, 'utf8');
      await window.loadFile(file);
      return await contents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      window.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
