import { posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The .demarc workbook the operating system asks us to open through the command line: a
 * double-click on Windows (`Demarc.exe "C:\…\Acme.demarc"`), a Linux file manager (the desktop
 * entry's `Exec=… %U` passes `file://` URIs), a terminal (a path relative to its working folder),
 * or a second instance forwarding its arguments (Chromium inserts its own `--switches`).
 * macOS sends `open-file` events instead. Returns an absolute path, or null when none is given.
 */
export function workbookPathFromArgv(argv: readonly string[], cwd: string, platform: string = process.platform): string | null {
  const path = platform === 'win32' ? win32 : posix;
  for (const arg of [...argv].reverse()) {
    if (arg.startsWith('-')) continue;
    const candidate = /^file:\/\//i.test(arg) ? fromFileUrl(arg, platform === 'win32') : arg;
    if (candidate && /\.demarc$/i.test(candidate)) return path.resolve(cwd, candidate);
  }
  return null;
}

function fromFileUrl(url: string, windows: boolean): string | null {
  try {
    return fileURLToPath(url, { windows });
  } catch {
    return null;
  }
}
