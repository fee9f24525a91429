/**
 * Printing HTML to PDF with a Chromium found on the machine (headless `--print-to-pdf`), for the
 * CLI, which has no Electron. The app prints with Electron's own printToPDF instead.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DemarcError } from '@shared/errors';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/microsoft-edge',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'
];

/** The browser to print with: $CHROMIUM_PATH, else the first installed Chromium, Chrome or Edge. */
export function findChromium(env: Readonly<Record<string, string | undefined>>): string | null {
  const named = env.CHROMIUM_PATH;
  if (named !== undefined && named !== '') return existsSync(named) ? named : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** A PDF printer over a Chromium executable; refuses with a clear message when none is installed. */
export function chromiumPrinter(env: Readonly<Record<string, string | undefined>>): (html: string) => Promise<Uint8Array> {
  return async (html) => {
    const browser = findChromium(env);
    if (browser === null) {
      throw new DemarcError('NOT_FOUND', 'Printing the minutes to PDF needs Chromium, Chrome or Edge (set CHROMIUM_PATH to its executable); none was found. Save them as .html instead.');
    }
    const dir = mkdtempSync(join(tmpdir(), 'demarc-minutes-'));
    try {
      const page = join(dir, 'minutes.html');
      const out = join(dir, 'minutes.pdf');
      writeFileSync(page, html, 'utf8');
      // Chromium's sandbox refuses to start as root (containers, CI); the page is our own, script-free HTML.
      const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
      const args = ['--headless', '--disable-gpu', '--no-first-run', '--no-pdf-header-footer', `--user-data-dir=${join(dir, 'profile')}`, `--print-to-pdf=${out}`, ...(asRoot ? ['--no-sandbox'] : []), pathToFileURL(page).href];
      await new Promise<void>((resolve, reject) => {
        execFile(browser, args, { timeout: 60_000 }, (error, _stdout, stderr) => {
          if (error !== null && !existsSync(out)) reject(new DemarcError('INTERNAL', `${browser} could not print the minutes: ${stderr.trim().split('\n').pop() ?? error.message}`));
          else resolve();
        });
      });
      if (!existsSync(out)) throw new DemarcError('INTERNAL', `${browser} printed no PDF.`);
      return readFileSync(out);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
