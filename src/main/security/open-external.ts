import { isSafeExternalUrl } from './trusted-url';

/** The one function allowed to open a link outside the app; the effect is injected. */
export function openExternalSafely(url: string, open: (url: string) => Promise<void>): boolean {
  if (!isSafeExternalUrl(url)) return false;
  void open(url).catch(() => undefined);
  return true;
}

/** Electron's shell.openExternal as the effect above expects it (the only place that names it). */
export function shellOpener(shell: { openExternal(url: string): Promise<void> }): (url: string) => Promise<void> {
  return (url) => shell.openExternal(url);
}
